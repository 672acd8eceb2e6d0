import type { TargetFilterInput, TargetListInput } from '../../../shared/contract/targets';
import { CREDIT_CLASSES, REG_STATUSES, RISK_LEVELS, SUBJECT_KINDS, type CreditClass, type RegStatus, type RiskLevel, type SubjectKind } from '../../../shared/domain/targets';
import { oneOf, pathWith, positiveInt, readPaging, text, type Paging } from '../directory/list-params';

export { PAGE_SIZES } from '../directory/list-params';

export type TargetListState = Paging & {
  query: string;
  kind?: SubjectKind;
  bureauId?: number;
  industry?: string;
  riskLevel?: RiskLevel;
  creditClass?: CreditClass;
  regStatus?: RegStatus;
  tagItemId?: number;
};

/** The list's filters live in the hash (#/targets?q=…&page=2) so “back” from a detail keeps them. */
export function readListState(params: URLSearchParams): TargetListState {
  return {
    query: params.get('q') ?? '',
    kind: oneOf(SUBJECT_KINDS, params.get('kind')),
    bureauId: positiveInt(params.get('bureau')),
    industry: text(params.get('industry')),
    riskLevel: oneOf(RISK_LEVELS, params.get('risk')),
    creditClass: oneOf(CREDIT_CLASSES, params.get('credit')),
    regStatus: oneOf(REG_STATUSES, params.get('status')),
    tagItemId: positiveInt(params.get('tag')),
    ...readPaging(params),
  };
}

export function listStatePath(s: TargetListState): string {
  return pathWith(
    '/targets',
    { q: s.query, kind: s.kind, bureau: s.bureauId, industry: s.industry, risk: s.riskLevel, credit: s.creditClass, status: s.regStatus, tag: s.tagItemId },
    s,
  );
}

/** The filters alone: what bulk tagging and export work on. */
export function toFilterInput(s: TargetListState): TargetFilterInput {
  return {
    query: s.query.trim() || undefined,
    kind: s.kind,
    bureauId: s.bureauId,
    industry: s.industry,
    riskLevel: s.riskLevel,
    creditClass: s.creditClass,
    regStatus: s.regStatus,
    tagItemId: s.tagItemId,
  };
}

export function toListInput(s: TargetListState): TargetListInput {
  return { ...toFilterInput(s), page: s.page, pageSize: s.pageSize };
}

export function isFiltered(s: TargetListState): boolean {
  return Object.values(toFilterInput(s)).some((v) => v !== undefined);
}
