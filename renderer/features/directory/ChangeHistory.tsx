import { Alert, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HistoryEntry } from '../../../shared/contract/targets';
import { failureMessage } from '../../rpc/rpc-failure';

/** What the audit log's action names mean to a person (imports and bulk changes included). */
const ACTION_LABELS: Record<string, string> = {
  'targets.create': '新增',
  'targets.update': '修改',
  'targets.setTags': '分类标注',
  'targets.tagBulk.add': '批量标注',
  'targets.tagBulk.remove': '批量取消标注',
  'targets.import': '导入',
  'imports.targets': '导入',
  'imports.items': '导入',
  'imports.inspectors': '导入',
  'items.create': '新增',
  'items.update': '修改',
  'items.retire': '停用',
  'inspectors.create': '新增',
  'inspectors.update': '修改',
  'inspectors.setStatus': '在岗状态',
  'experts.create': '新增',
  'experts.update': '修改',
};

type Props = {
  testId: string;
  entries: HistoryEntry[] | undefined;
  loading: boolean;
  error: Error | null;
  /** Field labels in display order; fields not listed are shown last under their own name. */
  labels: Record<string, string>;
  format(field: string, value: unknown): string;
};

/** 变更历史: one row per audited change with the fields that changed, before → after. */
export function ChangeHistory({ testId, entries, loading, error, labels, format }: Props) {
  if (error) return <Alert type="error" showIcon title={failureMessage(error)} />;
  const order = Object.keys(labels);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);

  return (
    <Table<HistoryEntry>
      data-testid={testId}
      className="cb-top-cells"
      rowKey="seq"
      size="small"
      loading={loading}
      dataSource={entries ?? []}
      pagination={false}
      locale={{ emptyText: '暂无变更记录' }}
      columns={[
        { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
        { title: '操作人', dataIndex: 'actorLogin', width: 110, render: (login: string | null) => login ?? '系统' },
        { title: '操作', dataIndex: 'action', width: 100, render: (action: string) => ACTION_LABELS[action] ?? action },
        {
          title: '变更内容',
          key: 'changes',
          render: (_: unknown, entry) => {
            // Hide no-op entries such as “no warnings” → “no warnings”.
            const changes = entry.changes.filter((c) => format(c.field, c.before) !== format(c.field, c.after)).sort((a, b) => rank(a.field) - rank(b.field));
            if (changes.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
            return (
              <div style={{ display: 'grid', gap: 2 }}>
                {changes.map((change) => {
                  const before = format(change.field, change.before);
                  const after = format(change.field, change.after);
                  return (
                    <div key={change.field}>
                      <Typography.Text type="secondary">{labels[change.field] ?? change.field}：</Typography.Text>
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
