import { Table, Typography } from 'antd';
import type { PlanVersionDto } from '../../../shared/contract/plans';
import { dateTimeText, versionText } from './plan-labels';

/** 公示版本: every published version with what changed since the one before. */
export function PlanVersions({ versions }: { versions: PlanVersionDto[] }) {
  return (
    <Table<PlanVersionDto>
      data-testid="plan-versions"
      className="cb-top-cells"
      rowKey="planVersion"
      size="small"
      dataSource={versions}
      pagination={false}
      locale={{ emptyText: '尚未公示' }}
      columns={[
        { title: '版本', dataIndex: 'planVersion', width: 70, render: (v: number) => versionText(v) },
        { title: '公示时间', dataIndex: 'publishedAt', width: 170, render: (at: string) => dateTimeText(at) },
        {
          title: '变更内容',
          dataIndex: 'changes',
          render: (changes: string[]) => (
            <div style={{ display: 'grid', gap: 2 }}>
              {changes.map((c, i) => (
                <span key={i}>{c}</span>
              ))}
            </div>
          ),
        },
        {
          title: '调整说明',
          dataIndex: 'changeNote',
          width: 320,
          render: (note: string | null) => (note ? <span style={{ whiteSpace: 'pre-wrap' }}>{note}</span> : <Typography.Text type="secondary">—</Typography.Text>),
        },
      ]}
    />
  );
}
