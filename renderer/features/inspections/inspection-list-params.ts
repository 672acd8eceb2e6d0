import type { MethodInput } from '../../../shared/contract/index';
import { INSPECTION_STATUSES, type InspectionStatus } from '../../../shared/domain/inspections/inspections';
import { oneOf, pathWith, readPaging, text, type Paging } from '../directory/list-params';

export const DUE_FILTERS = ['attention', 'due_soon', 'overdue'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];
export const DUE_FILTER_LABELS = { attention: '临期或逾期', due_soon: '临期', overdue: '逾期' } as const satisfies Record<DueFilter, string>;

export type InspectionListState = Paging & { status?: InspectionStatus; due?: DueFilter; mine: boolean; q?: string };

export function readInspectionListState(params: URLSearchParams): InspectionListState {
  return {
    status: oneOf(INSPECTION_STATUSES, params.get('status')),
    due: oneOf(DUE_FILTERS, params.get('due')),
    mine: params.get('mine') === '1',
    q: text(params.get('q')),
    ...readPaging(params),
  };
}

export function inspectionListPath(s: InspectionListState): string {
  return pathWith('/inspections', { status: s.status, due: s.due, mine: s.mine ? 1 : undefined, q: s.q }, s);
}

export function toInspectionListInput(s: InspectionListState): MethodInput<'inspections.list'> {
  return { status: s.status, due: s.due, mine: s.mine || undefined, q: s.q, page: s.page, pageSize: s.pageSize };
}
