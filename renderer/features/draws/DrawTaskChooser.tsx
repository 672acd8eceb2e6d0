import { ThunderboltOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import type { PlanDto, TaskDto } from '../../../shared/contract/plans';
import { DRAW_PURPOSE_LABELS } from '../../../shared/domain/draws/draw-record';
import { TASK_STATUS_LABELS } from '../../../shared/domain/plans/plans';
import { hrefOf, navigate } from '../../router/navigation';
import { failureMessage } from '../../rpc/rpc-failure';
import { useRpc, useRpcMany } from '../../rpc/use-rpc';
import { TASK_STATUS_COLORS, windowText } from '../plans/plan-labels';

type Row = { task: TaskDto; plan: PlanDto };

const RANK = { open: 0, drawn: 1, merged: 2, cancelled: 3 } as const;

/** The tasks of approved and published plans, those still to be drawn first. */
export function DrawTaskChooser() {
  const approved = useRpc('plans.list', { status: 'approved' });
  const published = useRpc('plans.list', { status: 'published' });
  const plans = useMemo(() => [...(approved.data ?? []), ...(published.data ?? [])], [approved.data, published.data]);
  const inputs = useMemo(() => plans.map((p) => ({ id: p.id })), [plans]);
  const details = useRpcMany('plans.get', inputs);
  const rows: Row[] = details
    .flatMap((d) => (d.data ? d.data.tasks.filter((t) => t.status !== 'merged' && t.status !== 'cancelled').map((task) => ({ task, plan: d.data.plan })) : []))
    .sort((a, b) => RANK[a.task.status] - RANK[b.task.status] || b.plan.year - a.plan.year || b.task.updatedAt.localeCompare(a.task.updatedAt));
  const loading = approved.isLoading || published.isLoading || details.some((d) => d.isLoading);
  const error = approved.error ?? published.error ?? details.find((d) => d.error)?.error ?? null;
  const open = (row: Row) => navigate(`/draws?task=${row.task.id}`);

  return (
    <Card title="随机摇号" data-testid="draws-page">
      <Typography.Paragraph type="secondary">选择一个抽查任务进入摇号。只列出已审核通过或已公示的年度抽查计划中的任务；草稿计划须先报送审核。</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={failureMessage(error)} style={{ marginBottom: 12 }} /> : null}
      <Table<Row>
        data-testid="draw-tasks-table"
        rowKey={(r) => r.task.id}
        size="middle"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 个任务` }}
        rowClassName={() => 'cb-row'}
        onRow={(row) => ({
          tabIndex: 0,
          onClick: (event) => {
            if (!(event.target as HTMLElement).closest('a, button')) open(row);
          },
          onKeyDown: (event) => {
            if (event.key === 'Enter' && event.target === event.currentTarget) open(row);
          },
        })}
        locale={{ emptyText: '没有可摇号的任务：年度抽查计划经法制审核通过后，其中的任务在此列出' }}
        columns={[
          {
            title: '抽查任务',
            key: 'task',
            render: (_: unknown, r) => (
              <div style={{ display: 'grid' }}>
                <Typography.Text strong data-testid="draw-task-name">
                  {r.task.name}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.plan.year} 年度 · <a href={hrefOf(`/plans/${r.plan.id}`)}>{r.plan.title}</a>
                </Typography.Text>
              </div>
            ),
          },
          { title: '批次', key: 'batch', width: 80, render: (_: unknown, r) => `第 ${r.task.batchNo} 批` },
          { title: '抽查目的', key: 'purpose', width: 140, render: (_: unknown, r) => DRAW_PURPOSE_LABELS[r.task.purpose] },
          { title: '检查时间', key: 'window', width: 200, render: (_: unknown, r) => windowText(r.task.windowFrom, r.task.windowTo) },
          { title: '状态', key: 'status', width: 90, render: (_: unknown, r) => <Tag color={TASK_STATUS_COLORS[r.task.status]}>{TASK_STATUS_LABELS[r.task.status]}</Tag> },
          {
            title: '操作',
            key: 'go',
            width: 110,
            render: (_: unknown, r) => (
              <Button size="small" type={r.task.status === 'open' ? 'primary' : 'default'} icon={r.task.status === 'open' ? <ThunderboltOutlined /> : undefined} onClick={() => open(r)}>
                {r.task.status === 'open' ? '摇号' : '查看结果'}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
