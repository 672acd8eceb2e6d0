import { Alert, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HistoryEntry } from '../../../shared/contract/targets';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc } from '../../rpc/use-rpc';
import { useBureaus } from '../bureaus/use-bureaus';
import { FIELD_LABELS, formatFieldValue } from './target-labels';

const ACTION_LABELS: Record<string, string> = {
  'targets.create': '新增',
  'targets.update': '修改',
  'targets.import': '导入',
};

const ORDER = Object.keys(FIELD_LABELS);
const fieldOrder = (field: string) => (ORDER.includes(field) ? ORDER.indexOf(field) : ORDER.length);

export function TargetHistory({ id }: { id: number }) {
  const history = useRpc('targets.history', { id });
  const bureaus = useBureaus();
  if (history.error) return <Alert type="error" showIcon title={failureMessage(history.error)} />;

  return (
    <Table<HistoryEntry>
      data-testid="target-history"
      className="cb-top-cells"
      rowKey="seq"
      size="small"
      loading={history.isLoading}
      dataSource={history.data ?? []}
      pagination={false}
      locale={{ emptyText: '暂无变更记录' }}
      columns={[
        { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
        { title: '操作人', dataIndex: 'actorLogin', width: 120, render: (login: string | null) => login ?? '系统' },
        { title: '操作', dataIndex: 'action', width: 90, render: (action: string) => ACTION_LABELS[action] ?? action },
        {
          title: '变更内容',
          key: 'changes',
          render: (_: unknown, entry) => {
            // Hide no-op entries such as “no warnings” → “no warnings”.
            const changes = entry.changes
              .filter((c) => formatFieldValue(c.field, c.before, bureaus.nameOf) !== formatFieldValue(c.field, c.after, bureaus.nameOf))
              .sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field));
            return changes.length === 0 ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : (
              <div style={{ display: 'grid', gap: 2 }}>
                {changes.map((change) => {
                  const before = formatFieldValue(change.field, change.before, bureaus.nameOf);
                  const after = formatFieldValue(change.field, change.after, bureaus.nameOf);
                  return (
                    <div key={change.field}>
                      <Typography.Text type="secondary">{FIELD_LABELS[change.field] ?? change.field}：</Typography.Text>
                      {before === '—' ? null : (
                        <>
                          <Typography.Text delete>{before}</Typography.Text>
                          {' → '}
                        </>
                      )}
                      <Typography.Text strong={before !== '—'}>{after}</Typography.Text>
                    </div>
                  );
                })}
              </div>
            );
          },
        },
      ]}
    />
  );
}
