import { Tag, Tooltip, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import type { TaskDto } from '../../../shared/contract/plans';
import { DRAW_PURPOSE_LABELS } from '../../../shared/domain/draws/draw-record';
import { TASK_STATUS_LABELS } from '../../../shared/domain/plans/plans';
import { hrefOf } from '../../router/navigation';
import { directedText, TASK_STATUS_COLORS, windowText } from './plan-labels';

/** The tasks (批次) of a plan; `actions` renders the last column. */
export function taskColumns(tasks: readonly TaskDto[], actions: (task: TaskDto) => ReactNode): TableColumnsType<TaskDto> {
  const batchOf = (id: number | null) => tasks.find((t) => t.id === id)?.batchNo;
  return [
    { title: '批次', dataIndex: 'batchNo', width: 70, render: (n: number) => `第 ${n} 批` },
    {
      title: '任务名称',
      dataIndex: 'name',
      width: 210,
      ellipsis: true,
      render: (name: string, task) => (
        <a href={hrefOf(`/plans/${task.planId}/tasks/${task.id}`)} data-testid="task-link">
          {name}
        </a>
      ),
    },
    { title: '抽查目的', dataIndex: 'purpose', width: 130, render: (p: TaskDto['purpose']) => DRAW_PURPOSE_LABELS[p] },
    { title: '方式', dataIndex: 'directed', width: 70, render: (d: boolean) => directedText(d) },
    {
      title: '事项',
      dataIndex: 'items',
      ellipsis: { showTitle: false },
      render: (items: TaskDto['items']) => {
        const text = items.map((i) => i.name).join('、');
        return (
          <Tooltip title={text} placement="topLeft">
            <span>{text}</span>
          </Tooltip>
        );
      },
    },
    { title: '检查时间', key: 'window', width: 200, render: (_: unknown, t) => windowText(t.windowFrom, t.windowTo) },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (s: TaskDto['status'], t) => (
        <Tag color={TASK_STATUS_COLORS[s]} data-testid="task-status">
          {TASK_STATUS_LABELS[s]}
          {s === 'merged' && batchOf(t.mergedInto) ? ` → 第 ${batchOf(t.mergedInto)} 批` : ''}
        </Tag>
      ),
    },
    { title: '操作', key: 'actions', width: 140, render: (_: unknown, t) => actions(t) },
  ];
}
