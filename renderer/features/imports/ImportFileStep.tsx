import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Form, Radio, Select, Tag, Typography, Upload } from 'antd';
import { failureMessage } from '../../rpc/rpc-failure';
import { useCurrentUser } from '../auth/session-context';
import { bureauOptions, useBureaus } from '../bureaus/use-bureaus';
import { BUREAU_HINTS, ENCODING_LABELS, fileSizeText, MODE_HINTS, MODE_LABELS, type Directory, type Encoding, type Mode } from './import-labels';
import type { ImportWizardState } from './use-import-wizard';

const ENCODINGS: Encoding[] = ['auto', 'utf8', 'gb18030'];
const MODES: Mode[] = ['skip-bad', 'all-or-nothing'];

/** ① The file (drag and drop or pick) and how to read and import it. */
export function ImportFileStep({ directory, wizard }: { directory: Directory; wizard: ImportWizardState }) {
  const user = useCurrentUser();
  const bureaus = useBureaus();
  const { file, options, preview, stage } = wizard;
  const xlsx = file?.format === 'xlsx';
  const sheets = preview.data?.sheets ?? [];

  return (
    <div data-testid="import-step-file">
      <Upload.Dragger
        accept=".csv,.xlsx"
        multiple={false}
        showUploadList={false}
        disabled={stage.isPending}
        beforeUpload={(picked) => {
          wizard.pick(picked);
          return Upload.LIST_IGNORE;
        }}
        data-testid="import-file-drop"
      >
        {file ? (
          <div style={{ padding: '4px 16px' }}>
            <p className="ant-upload-drag-icon" style={{ marginBottom: 8 }}>
              <FileExcelOutlined />
            </p>
            <Typography.Text strong data-testid="import-file-name">
              {file.name}
            </Typography.Text>
            <div>
              <Tag>{file.format.toUpperCase()}</Tag>
              <Typography.Text type="secondary">{fileSizeText(file.size)} · 点击或拖入其他文件可更换</Typography.Text>
            </div>
          </div>
        ) : (
          <>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{stage.isPending ? '正在读取文件…' : '点击选择文件，或把文件拖到这里'}</p>
            <p className="ant-upload-hint">支持 CSV（UTF-8 或 GB18030）和 XLSX，列名请对照模板</p>
          </>
        )}
      </Upload.Dragger>
      {stage.error ? <Alert type="error" showIcon title={failureMessage(stage.error)} style={{ marginTop: 12 }} data-testid="import-file-error" /> : null}
      {preview.error ? <Alert type="error" showIcon title={failureMessage(preview.error)} style={{ marginTop: 12 }} data-testid="import-file-error" /> : null}

      <Form layout="horizontal" labelCol={{ flex: '112px' }} style={{ marginTop: 20 }} name="import-options">
        <Form.Item label="文件编码" extra={xlsx ? 'XLSX 工作簿不需要选择编码。' : '自动识别 UTF-8（含 BOM）与 GB18030；预览出现乱码时请手动选择。'}>
          <Radio.Group
            value={options.encoding}
            disabled={xlsx}
            onChange={(e) => wizard.setOptions({ encoding: e.target.value as Encoding })}
            options={ENCODINGS.map((e) => ({ value: e, label: ENCODING_LABELS[e] }))}
            data-testid="import-encoding"
          />
        </Form.Item>
        {xlsx ? (
          <Form.Item label="工作表">
            <Select
              value={options.sheet ?? sheets[0]}
              onChange={(sheet: string) => wizard.setOptions({ sheet })}
              options={sheets.map((s) => ({ value: s, label: s }))}
              style={{ width: 280 }}
              loading={preview.isFetching}
              data-testid="import-sheet"
              aria-label="工作表"
            />
          </Form.Item>
        ) : null}
        <Form.Item label="导入到单位" extra={BUREAU_HINTS[directory]}>
          <Select
            value={options.bureauId}
            onChange={(bureauId: number) => wizard.setOptions({ bureauId })}
            options={bureauOptions(bureaus.within(user.bureauId))}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 280 }}
            data-testid="import-bureau"
            aria-label="导入到单位"
          />
        </Form.Item>
        <Form.Item label="导入方式" extra={MODE_HINTS[options.mode]} style={{ marginBottom: 0 }}>
          <Radio.Group
            value={options.mode}
            onChange={(e) => wizard.setOptions({ mode: e.target.value as Mode })}
            options={MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))}
            data-testid="import-mode"
          />
        </Form.Item>
      </Form>
    </div>
  );
}
