import dayjs from 'dayjs';
import type { ExpertListInput, InspectorFilterInput, InspectorListInput } from '../../../shared/contract/inspectors';
import { EXPERT_STATUSES, INSPECTOR_STATUSES, type ExpertStatus, type InspectorStatus } from '../../../shared/domain/inspectors';
import { oneOf, pathWith, positiveInt, readPaging, text, type Paging } from '../directory/list-params';

export const CERT_FILTERS = ['expired', '30', '90'] as const;
export type CertFilter = (typeof CERT_FILTERS)[number];
export const CERT_FILTER_LABELS = {
  expired: '执法证已过期',
  '30': '30 天内到期（含已过期）',
  '90': '90 天内到期（含已过期）',
} as const satisfies Record<CertFilter, string>;

export type InspectorListState = Paging & {
  query: string;
  bureauId?: number;
  qualified?: 'yes' | 'no';
  businessLine?: string;
  expertise?: string;
  status?: InspectorStatus;
  cert?: CertFilter;
};

export type ExpertListState = Paging & { query: string; bureauId?: number; status?: ExpertStatus };

export type InspectorsTab = 'inspectors' | 'experts';

export function readTab(params: URLSearchParams): InspectorsTab {
  return params.get('tab') === 'experts' ? 'experts' : 'inspectors';
}

export function readInspectorListState(params: URLSearchParams): InspectorListState {
  return {
    query: params.get('q') ?? '',
    bureauId: positiveInt(params.get('bureau')),
    qualified: oneOf(['yes', 'no'] as const, params.get('qualified')),
    businessLine: text(params.get('line')),
    expertise: text(params.get('expertise')),
    status: oneOf(INSPECTOR_STATUSES, params.get('status')),
    cert: oneOf(CERT_FILTERS, params.get('cert')),
    ...readPaging(params),
  };
}

export function inspectorListPath(s: InspectorListState): string {
  return pathWith('/inspectors', { q: s.query, bureau: s.bureauId, qualified: s.qualified, line: s.businessLine, expertise: s.expertise, status: s.status, cert: s.cert }, s);
}

/** The day before which a certificate must end to match the 证件到期 filter. */
function certBefore(cert: CertFilter | undefined, today: string): string | undefined {
  if (!cert) return undefined;
  return cert === 'expired' ? today : dayjs(today).add(Number(cert), 'day').format('YYYY-MM-DD');
}

export function toInspectorFilterInput(s: InspectorListState, today: string): InspectorFilterInput {
  return {
    query: s.query.trim() || undefined,
    bureauId: s.bureauId,
    qualified: s.qualified === undefined ? undefined : s.qualified === 'yes',
    businessLine: s.businessLine,
    expertise: s.expertise,
    status: s.status,
    certExpiringBefore: certBefore(s.cert, today),
  };
}

export function toInspectorListInput(s: InspectorListState, today: string): InspectorListInput {
  return { ...toInspectorFilterInput(s, today), page: s.page, pageSize: s.pageSize };
}

export function readExpertListState(params: URLSearchParams): ExpertListState {
  return { query: params.get('q') ?? '', bureauId: positiveInt(params.get('bureau')), status: oneOf(EXPERT_STATUSES, params.get('status')), ...readPaging(params) };
}

export function expertListPath(s: ExpertListState): string {
  return pathWith('/inspectors', { tab: 'experts', q: s.query, bureau: s.bureauId, status: s.status }, s);
}

export function toExpertListInput(s: ExpertListState): ExpertListInput {
  return { query: s.query.trim() || undefined, bureauId: s.bureauId, status: s.status, page: s.page, pageSize: s.pageSize };
}
