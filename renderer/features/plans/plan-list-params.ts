import type { MethodInput } from '../../../shared/contract/index';
import { PLAN_STATUSES, type PlanStatus } from '../../../shared/domain/plans/plans';
import { oneOf, pathWith, positiveInt, readPaging, type Paging } from '../directory/list-params';

export type PlanListState = Paging & { year?: number; status?: PlanStatus; bureauId?: number };

export function readPlanListState(params: URLSearchParams): PlanListState {
  return {
    year: positiveInt(params.get('year')),
    status: oneOf(PLAN_STATUSES, params.get('status')),
    bureauId: positiveInt(params.get('bureau')),
    ...readPaging(params),
  };
}

export function planListPath(s: PlanListState): string {
  return pathWith('/plans', { year: s.year, status: s.status, bureau: s.bureauId }, s);
}

export function toPlanListInput(s: PlanListState): MethodInput<'plans.list'> {
  return { year: s.year, status: s.status, bureauId: s.bureauId };
}
