import { Alert, Descriptions, Skeleton, Table, Tag, Typography } from 'antd';
import type { MethodOutput } from '../../../shared/contract/index';
import { failureMessage } from '../../rpc/rpc-failure';
import { detectedEncodingLabel } from './import-labels';
import type { ImportWizardState } from './use-import-wizard';

type Preview = MethodOutput<'imports.preview'>;
type MappingRow = { key: string; header: string | null; label: string | null; missing: boolean };

function mappingRows(preview: Preview): MappingRow[] {
  return [
    // Required template columns the file lacks come first: they block the import.
    ...preview.missing.map((label) => ({ key: `missing:${label}`, header: null, label, missing: true })),
    ...preview.mapping.map((m, i) => ({ key: `col:${i}`, header: m.header, label: m.label, missing: false })),
  ];
}

/** ② What the backend made of the file: encoding, column mapping (missing required columns in red), first rows. */
export function ImportPreviewStep({ wizard }: { wizard: ImportWizardState }) {
  const { preview, file, options } = wizard;
  if (preview.error) return <Alert type="error" showIcon title={failureMessage(preview.error)} />;
  if (!preview.data || !file) return <Skeleton active />;
  const p = preview.data;
  const sheet = options.sheet ?? p.sheets?.[0];

  return (
    <div data-testid="import-step-preview" style={{ display: 'grid', gap: 12 }}>
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: 'file', label: '文件', children: file.name },
          { key: 'encoding', label: '识别的编码', children: <span data-testid="import-detected-encoding">{detectedEncodingLabel(p.encoding)}</span> },
          { key: 'sheet', label: p.format === 'xlsx' ? '工作表' : '格式', children: p.format === 'xlsx' ? sheet : 'CSV' },
        ]}
      />
      {p.missing.length > 0 ? (
        <Alert
          type="error"
          showIcon
          data-testid="import-missing"
          title={`缺少必需的列：${p.missing.join('、')}`}
          description="请对照模板补上这些列（或修改列名）后重新选择文件；缺少必需列时不能导入。"
        />
      ) : (
        <Alert type="success" showIcon title="必需的列都已找到。未对应模板的列将被忽略。" />
      )}
      {p.repeated.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="import-repeated"
          title={`以下列与前面的列对应同一个模板列，已忽略：${p.repeated.join('、')}`}
          description="导入时使用靠前的那一列；如需使用后面的列，请删去或改名前面的列。"
        />
      ) : null}
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(260px, 1fr) 2fr', gap: 16, alignItems: 'start' }}>
        <Table<MappingRow>
          data-testid="import-mapping"
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ y: 300 }}
          dataSource={mappingRows(p)}
          rowClassName={(r) => (r.missing ? 'cb-mapping-missing' : '')}
          columns={[
            { title: '文件中的列', dataIndex: 'header', render: (h: string | null) => h ?? <Typography.Text type="danger">（文件中没有）</Typography.Text> },
            {
              title: '模板列',
              dataIndex: 'label',
              render: (label: string | null, r) =>
                r.missing ? (
                  <Tag color="error">缺少：{label}</Tag>
                ) : label ? (
                  <Tag color="blue">{label}</Tag>
                ) : r.header !== null && p.repeated.includes(r.header) ? (
                  <Tag color="warning">重复，忽略</Tag>
                ) : (
                  <Tag>忽略</Tag>
                ),
            },
          ]}
        />
        <div style={{ minWidth: 0 }}>
          <Typography.Text type="secondary">前 {p.rows.length} 行数据</Typography.Text>
          <Table
            data-testid="import-preview-rows"
            size="small"
            rowKey="line"
            pagination={false}
            scroll={{ x: 'max-content', y: 276 }}
            dataSource={p.rows}
            columns={[
              { title: '行号', dataIndex: 'line', width: 56, fixed: 'left' as const },
              ...p.headers.map((header, i) => ({
                key: `c${i}`,
                title: p.mapping[i]?.label ? header : <Typography.Text type="secondary">{header}</Typography.Text>,
                render: (_: unknown, row: Preview['rows'][number]) => <span style={{ whiteSpace: 'nowrap' }}>{row.cells[i] ?? ''}</span>,
              })),
            ]}
          />
        </div>
      </div>
    </div>
  );
}
