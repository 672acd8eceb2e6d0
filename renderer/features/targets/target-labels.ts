import type { TargetDto } from '../../../shared/contract/targets';
import { isErrorCode } from '../../../shared/errors/codes';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { REG_STATUS_LABELS, RISK_LEVEL_LABELS, SUBJECT_KIND_LABELS, type SubjectKind } from '../../../shared/domain/targets';

/** Short labels for tables and the kind radio. */
export const SUBJECT_KIND_SHORT = {
  for_profit: '营利性',
  non_profit: '非营利性',
  non_market: '非市场主体',
} as const satisfies Record<SubjectKind, string>;

export const FIELD_LABELS: Record<string, string> = {
  kind: '主体类型',
  creditCode: '统一社会信用代码',
  identifier: '标识',
  description: '说明',
  name: '名称',
  legalRep: '法定代表人（负责人）',
  address: '住所（经营场所）',
  registrationBureauId: '登记机关',
  territorialBureauId: '属地',
  industry: '行业',
  riskLevel: '风险等级',
  creditClass: '信用等级',
  regStatus: '登记状态',
  warnings: '校验提示',
  tags: '分类标注',
};

export const CREDIT_CLASS_LABELS: Record<string, string> = { A: 'A 类', B: 'B 类', C: 'C 类', D: 'D 类' };

function lookup(labels: Record<string, string>, value: unknown): string {
  return typeof value === 'string' ? (labels[value] ?? value) : '—';
}

/** Human text for one field value (used by the detail view and the change history). */
export function formatFieldValue(field: string, value: unknown, bureauName: (id: number) => string): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  switch (field) {
    case 'warnings':
      return Array.isArray(value) ? value.map((code) => (isErrorCode(code) ? MESSAGES_ZH[code] : String(code))).join('；') : String(value);
    case 'kind':
      return lookup(SUBJECT_KIND_LABELS, value);
    case 'riskLevel':
      return lookup(RISK_LEVEL_LABELS, value);
    case 'creditClass':
      return lookup(CREDIT_CLASS_LABELS, value);
    case 'regStatus':
      return lookup(REG_STATUS_LABELS, value);
    case 'registrationBureauId':
    case 'territorialBureauId':
      return typeof value === 'number' ? bureauName(value) : String(value);
    default:
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  }
}

/** The code column: 统一社会信用代码 for market subjects, 标识 for the others. */
export function targetCode(target: Pick<TargetDto, 'creditCode' | 'identifier'>): string {
  return target.creditCode ?? target.identifier ?? '—';
}
