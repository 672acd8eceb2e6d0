import type { TargetListInput } from '../../../shared/contract/targets';
import { SUBJECT_KINDS, type SubjectKind } from '../../../shared/domain/targets';

export type TargetListState = { query: string; kind?: SubjectKind; bureauId?: number; page: number; pageSize: number };

export const PAGE_SIZES = [20, 50, 100] as const;

const positive = (raw: string | null): number | undefined => {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** The list's filters live in the hash (#/targets?q=…&page=2) so “back” from a detail keeps them. */
export function readListState(params: URLSearchParams): TargetListState {
  const kind = params.get('kind');
  const size = positive(params.get('size'));
  return {
    query: params.get('q') ?? '',
    kind: SUBJECT_KINDS.find((k) => k === kind),
    bureauId: positive(params.get('bureau')),
    page: positive(params.get('page')) ?? 1,
    pageSize: PAGE_SIZES.find((s) => s === size) ?? 20,
  };
}

export function listStatePath(state: TargetListState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  if (state.kind) params.set('kind', state.kind);
  if (state.bureauId) params.set('bureau', String(state.bureauId));
  if (state.page > 1) params.set('page', String(state.page));
  if (state.pageSize !== 20) params.set('size', String(state.pageSize));
  const query = params.toString();
  return query ? `/targets?${query}` : '/targets';
}

export function toListInput(state: TargetListState): TargetListInput {
  return {
    query: state.query.trim() || undefined,
    kind: state.kind,
    bureauId: state.bureauId,
    page: state.page,
    pageSize: state.pageSize,
  };
}
