import { Select, Space } from 'antd';
import dayjs from 'dayjs';
import { PLAN_STATUSES, PLAN_STATUS_LABELS } from '../../../shared/domain/plans/plans';
import { useRpc } from '../../rpc/use-rpc';
import { BureauFilter } from '../directory/BureauFilter';
import type { PlanListState } from './plan-list-params';

type Props = { state: PlanListState; onChange(patch: Partial<PlanListState>): void };

/** 抽查计划 filters: year (the years that have plans, and this and next year), status, bureau. */
export function PlanFilterBar({ state, onChange }: Props) {
  const all = useRpc('plans.list', {}, { staleTime: 30_000 });
  const thisYear = dayjs().year();
  const years = [...new Set([thisYear + 1, thisYear, ...(all.data ?? []).map((p) => p.year), ...(state.year ? [state.year] : [])])].sort((a, b) => b - a);
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Select
        value={state.year ?? 0}
        onChange={(year: number) => onChange({ year: year || undefined })}
        style={{ width: 120 }}
        options={[{ value: 0, label: '全部年度' }, ...years.map((y) => ({ value: y, label: `${y} 年度` }))]}
        data-testid="plans-year-filter"
        aria-label="年度"
      />
      <Select
        value={state.status ?? ''}
        onChange={(status: PlanListState['status'] | '') => onChange({ status: status || undefined })}
        style={{ width: 130 }}
        options={[{ value: '', label: '全部状态' }, ...PLAN_STATUSES.map((s) => ({ value: s, label: PLAN_STATUS_LABELS[s] }))]}
        data-testid="plans-status-filter"
        aria-label="状态"
      />
      <BureauFilter value={state.bureauId} onChange={(bureauId) => onChange({ bureauId })} testId="plans-bureau-filter" width={240} />
    </Space>
  );
}
