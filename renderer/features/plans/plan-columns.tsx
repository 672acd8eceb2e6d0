import { Tag, type TableColumnsType } from 'antd';
import type { PlanDto } from '../../../shared/contract/plans';
import { PLAN_STATUS_LABELS } from '../../../shared/domain/plans/plans';
import { hrefOf } from '../../router/navigation';
import { dateText, PLAN_STATUS_COLORS, versionText } from './plan-labels';

export function planColumns(bureauName: (id: number) => string): TableColumnsType<PlanDto> {
  return [
    { title: '年度', dataIndex: 'year', width: 80 },
    {
      title: '计划名称',
      dataIndex: 'title',
      width: 360,
      ellipsis: true,
      render: (title: string, plan) => (
        <a href={hrefOf(`/plans/${plan.id}`)} data-testid="plan-link">
          {title}
        </a>
      ),
    },
    { title: '业务条线', dataIndex: 'businessLine', width: 120, ellipsis: true },
    { title: '单位', dataIndex: 'bureauId', width: 190, ellipsis: true, render: (id: number) => bureauName(id) },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (s: PlanDto['status']) => (
        <Tag color={PLAN_STATUS_COLORS[s]} data-testid="plan-status">
          {PLAN_STATUS_LABELS[s]}
        </Tag>
      ),
    },
    { title: '版本', dataIndex: 'planVersion', width: 70, render: (v: number) => versionText(v) },
    { title: '任务数', dataIndex: 'taskCount', width: 80, align: 'center' },
    { title: '公示日期', dataIndex: 'publishedAt', width: 120, render: (at: string | null) => dateText(at) },
  ];
}
