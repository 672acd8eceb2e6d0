import type { TargetCreateInput, TargetDto } from '../../../shared/contract/targets';
import { normalizeCode } from '../../../shared/domain/uscc';
import { kindNeedsCreditCode, type CreditClass, type RegStatus, type RiskLevel, type SubjectKind } from '../../../shared/domain/targets';

/** What the form holds: optional text is '' or undefined, selects may be cleared. */
export type TargetFormValues = {
  kind: SubjectKind;
  creditCode?: string;
  identifier?: string;
  description?: string;
  name?: string;
  legalRep?: string;
  address?: string;
  registrationBureauId?: number | null;
  territorialBureauId?: number;
  industry?: string;
  riskLevel?: RiskLevel | null;
  creditClass?: CreditClass | null;
  regStatus?: RegStatus;
};

export const TARGET_FIELD_NAMES = [
  'kind',
  'creditCode',
  'identifier',
  'description',
  'name',
  'legalRep',
  'address',
  'registrationBureauId',
  'territorialBureauId',
  'industry',
  'riskLevel',
  'creditClass',
  'regStatus',
] as const;

const text = (value: string | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

export function toTargetInput(values: TargetFormValues): TargetCreateInput {
  const market = kindNeedsCreditCode(values.kind);
  return {
    kind: values.kind,
    creditCode: market && values.creditCode ? normalizeCode(values.creditCode) || null : null,
    identifier: market ? null : text(values.identifier),
    description: market ? null : text(values.description),
    name: values.name?.trim() ?? '',
    legalRep: text(values.legalRep),
    address: text(values.address),
    registrationBureauId: values.registrationBureauId ?? null,
    territorialBureauId: values.territorialBureauId ?? 0,
    industry: text(values.industry),
    riskLevel: values.riskLevel ?? null,
    creditClass: values.creditClass ?? null,
    regStatus: values.regStatus ?? 'active',
  };
}

export function fromTarget(target: TargetDto): TargetFormValues {
  return {
    kind: target.kind,
    creditCode: target.creditCode ?? undefined,
    identifier: target.identifier ?? undefined,
    description: target.description ?? undefined,
    name: target.name,
    legalRep: target.legalRep ?? undefined,
    address: target.address ?? undefined,
    registrationBureauId: target.registrationBureauId,
    territorialBureauId: target.territorialBureauId,
    industry: target.industry ?? undefined,
    riskLevel: target.riskLevel,
    creditClass: target.creditClass,
    regStatus: target.regStatus,
  };
}
