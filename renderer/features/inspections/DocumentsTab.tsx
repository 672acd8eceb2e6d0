import { FileAddOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DocumentDto } from '../../../shared/contract/documents';
import type { InspectionDto } from '../../../shared/contract/inspections';
import { useRpc, useRpcMutation } from '../../rpc/use-rpc';
import { dateTimeText } from './inspection-labels';
import type { InspectionPermissions } from './inspection-permissions';
import { ProblemAlert } from './ProblemAlert';
import { useInspectionAction } from './use-inspection-action';
import { useOpenDocument } from './use-open-document';

const KIND_TITLES: Record<string, string> = { notice: '行政检查告知书', register: '行政检查登记表', order: '责令改正通知书' };

/** 文书: generate a new version of 告知书 / 登记表 (the notice takes the next 文号), list versions, 打印 opens the PDF. */
export function DocumentsTab({ inspection: i, can }: { inspection: InspectionDto; can: InspectionPermissions }) {
  const docs = useRpc('documents.list', { inspectionId: i.id }, { staleTime: 0 });
  const render = useRpcMutation('documents.render');
  const action = useInspectionAction();
  const opener = useOpenDocument();
  const [rendering, setRendering] = useState<string | null>(null);

  const generate = (kind: 'notice' | 'register') => {
    setRendering(kind);
    void action
      .run(async () => {
        const doc = await render.mutateAsync({ inspectionId: i.id, kind });
        await opener.open(doc.id);
      }, `已生成${KIND_TITLES[kind]}`)
      .finally(() => setRendering(null));
  };

  return (
    <div style={{ display: 'grid', gap: 12 }} data-testid="inspection-documents">
      {can.edit ? (
        <Space wrap>
          <Button type="primary" icon={<FileAddOutlined />} loading={rendering === 'notice'} onClick={() => generate('notice')} data-testid="doc-render-notice">
            生成并打印行政检查告知书
          </Button>
          <Button icon={<FileAddOutlined />} loading={rendering === 'register'} onClick={() => generate('register')} data-testid="doc-render-register">
            生成并打印行政检查登记表
          </Button>
        </Space>
      ) : null}
      <Typography.Text type="secondary">
        每次生成保存为新版本（不覆盖旧版本），并自动归入抽查专卷；告知书按单位、年度连续编文号。责令改正通知书在“后续处置”中按整改事项生成。
      </Typography.Text>
      <ProblemAlert problem={action.problem} />
      <Table<DocumentDto>
        size="small"
        rowKey="id"
        loading={docs.isLoading}
        pagination={false}
        dataSource={docs.data ?? []}
        locale={{ emptyText: '尚未生成文书' }}
        columns={[
          { title: '文书', dataIndex: 'title', render: (t: string, d) => <span style={{ whiteSpace: 'nowrap' }} data-testid="doc-title">{t || KIND_TITLES[d.kind]}</span> },
          { title: '版本', dataIndex: 'version', width: 80, render: (v: number) => <Tag>第 {v} 版</Tag> },
          { title: '文号', dataIndex: 'docNo', width: 200, render: (n: string | null) => <span data-testid="doc-no">{n ?? '—'}</span> },
          { title: '成文日期', dataIndex: 'docDate', width: 110 },
          { title: '页数', dataIndex: 'pageCount', width: 55 },
          { title: '生成时间', dataIndex: 'createdAt', width: 140, render: dateTimeText },
          {
            key: 'print',
            width: 90,
            render: (_: unknown, d) => (
              <Button size="small" icon={<PrinterOutlined />} onClick={() => void opener.open(d.id)} data-testid="doc-print">
                打印
              </Button>
            ),
          },
        ]}
        data-testid="documents-table"
      />
    </div>
  );
}
