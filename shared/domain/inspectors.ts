/** Inspector directory (执法检查人员名录库), experts and recusals: vocabularies and pure rules. */
import type { ErrorCode } from '../errors/codes';
import { periodsOverlap } from './dates';

export const INSPECTOR_STATUSES = ['active', 'inactive'] as const;
export type InspectorStatus = (typeof INSPECTOR_STATUSES)[number];
export const INSPECTOR_STATUS_LABELS = { active: '在岗', inactive: '离岗' } as const satisfies Record<InspectorStatus, string>;

export const EXPERT_STATUSES = INSPECTOR_STATUSES;
export type ExpertStatus = InspectorStatus;
export const EXPERT_STATUS_LABELS = { active: '可聘请', inactive: '停用' } as const satisfies Record<ExpertStatus, string>;

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS = { male: '男', female: '女' } as const satisfies Record<Gender, string>;

/** Suggestions for the UI; both fields are free text. */
export const ABSENCE_REASON_SUGGESTIONS = ['休假', '培训', '借调', '病假', '其他'] as const;
export const RECUSAL_REASON_SUGGESTIONS = ['近亲属', '曾任职', '利害关系', '其他'] as const;

export const AVAILABILITIES = ['available', 'away', 'cert_expired', 'not_qualified', 'inactive'] as const;
export type Availability = (typeof AVAILABILITIES)[number];
export const AVAILABILITY_LABELS = {
  available: '可选派',
  away: '不在岗（休假、培训、借调等）',
  cert_expired: '执法证不在有效期内',
  not_qualified: '无执法资格',
  inactive: '离岗',
} as const satisfies Record<Availability, string>;

export type AvailabilityInspector = {
  status: InspectorStatus;
  enforcementQualified: boolean;
  certValidFrom: string | null;
  certValidTo: string | null;
};
export type AbsencePeriod = { fromDate: string; toDate: string };

/**
 * Can the inspector be sent to an inspection on `onDate` ('YYYY-MM-DD')? The most lasting reason wins:
 * inactive, then no enforcement qualification, then a certificate not valid that day (an unknown
 * validity bound does not block), then an absence covering the day (bounds inclusive).
 */
export function availability(inspector: AvailabilityInspector, absences: readonly AbsencePeriod[], onDate: string): Availability {
  if (inspector.status === 'inactive') return 'inactive';
  if (!inspector.enforcementQualified) return 'not_qualified';
  if (inspector.certValidTo !== null && inspector.certValidTo < onDate) return 'cert_expired';
  if (inspector.certValidFrom !== null && inspector.certValidFrom > onDate) return 'cert_expired';
  const day = { fromDate: onDate, toDate: onDate };
  if (absences.some((a) => periodsOverlap(a, day))) return 'away';
  return 'available';
}

/** 执法证号: letters and digits, 6–30 characters, stored upper-case without spaces. */
export const CERT_NO_PATTERN = /^[A-Z0-9]{6,30}$/;
/** Phone numbers: digits with + - ( ) and an optional extension (转 / ext); 5–30 characters. */
const PHONE_PATTERN = /^\+?[0-9(][0-9()-]{3,24}(?:(?:转|ext\.?|x)[0-9]{1,6})?$/i;
/** Only the last four characters of the ID number are ever stored. */
const ID_SUFFIX_PATTERN = /^[0-9]{3}[0-9X]$/;

export function normaliseCertNo(raw: string | null | undefined): string | null {
  const v = (raw ?? '').normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return v === '' ? null : v;
}

export function normalisePhone(raw: string | null | undefined): string | null {
  const v = (raw ?? '').normalize('NFKC').replace(/\s+/g, '');
  return v === '' ? null : v;
}

export function normaliseIdSuffix(raw: string | null | undefined): string | null {
  const v = (raw ?? '').normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return v === '' ? null : v;
}

/** 业务条线 / 专长 values: trimmed, inner runs of spaces collapsed (as items normalise 业务条线). */
export function normaliseTag(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

/** Split a multi-value cell (食品、特种设备；计量) into distinct values, order kept. */
export function splitList(raw: string): string[] {
  return cleanTags(raw.split(/[、，,;；/／|\n]+/));
}

/** Distinct normalised values, empty ones dropped. */
export function cleanTags(values: readonly string[]): string[] {
  return [...new Set(values.map(normaliseTag).filter((v) => v !== ''))];
}

export type InspectorCheckFields = {
  certNo: string | null;
  certValidFrom: string | null;
  certValidTo: string | null;
  phone: string | null;
  idSuffix: string | null;
};
export type InspectorField = keyof InspectorCheckFields;
export type InspectorIssue = { field: InspectorField; code: ErrorCode };

/** Semantic checks on normalised fields, shared by the service (first issue thrown) and the import. */
export function checkInspectorFields(f: InspectorCheckFields): InspectorIssue[] {
  const issues: InspectorIssue[] = [];
  if (f.certNo !== null && !CERT_NO_PATTERN.test(f.certNo)) issues.push({ field: 'certNo', code: 'INSPECTOR_CERT_FORMAT' });
  if (f.certValidFrom !== null && f.certValidTo !== null && f.certValidFrom > f.certValidTo) {
    issues.push({ field: 'certValidTo', code: 'INSPECTOR_CERT_DATES' });
  }
  if (f.phone !== null && !PHONE_PATTERN.test(f.phone)) issues.push({ field: 'phone', code: 'INSPECTOR_PHONE_FORMAT' });
  if (f.idSuffix !== null && !ID_SUFFIX_PATTERN.test(f.idSuffix)) issues.push({ field: 'idSuffix', code: 'INSPECTOR_ID_SUFFIX_FORMAT' });
  return issues;
}
