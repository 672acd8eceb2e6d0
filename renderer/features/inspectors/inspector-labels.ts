import dayjs from 'dayjs';
import type { InspectorDto } from '../../../shared/contract/inspectors';
import { EXPERT_STATUS_LABELS, GENDER_LABELS, INSPECTOR_STATUS_LABELS } from '../../../shared/domain/inspectors';

/** Field labels in display order (detail drawer, change history). */
export const INSPECTOR_FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  gender: '性别',
  bureauId: '所属单位',
  certNo: '执法证号',
  enforcementQualified: '执法资格',
  certValidFrom: '证件有效期起',
  certValidTo: '证件有效期至',
  businessLines: '业务条线',
  expertise: '专长',
  region: '负责区域',
  phone: '联系电话',
  idSuffix: '身份证后四位',
  status: '状态',
  userId: '关联系统账户',
  absences: '不在岗期间',
};

export const EXPERT_FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  organisation: '工作单位',
  field: '专业领域',
  title: '职称',
  phone: '联系电话',
  email: '电子邮箱',
  bureauId: '所属单位',
  status: '状态',
};

function lookup(labels: Record<string, string>, value: unknown): string {
  return typeof value === 'string' ? (labels[value] ?? value) : '—';
}

type Absence = { fromDate?: unknown; toDate?: unknown; reason?: unknown };

/** Human text for one inspector (or expert) field value. */
export function formatInspectorValue(field: string, value: unknown, bureauName: (id: number) => string, statusLabels: Record<string, string> = INSPECTOR_STATUS_LABELS): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  switch (field) {
    case 'gender':
      return lookup(GENDER_LABELS, value);
    case 'status':
      return lookup(statusLabels, value);
    case 'enforcementQualified':
      return value === true ? '具有' : '不具有';
    case 'bureauId':
      return typeof value === 'number' ? bureauName(value) : String(value);
    case 'certValidTo':
      return String(value);
    case 'userId':
      return `#${String(value)}`;
    case 'absences':
      return Array.isArray(value) ? (value as Absence[]).map((a) => `${String(a.fromDate)} 至 ${String(a.toDate)}（${String(a.reason)}）`).join('；') : String(value);
    default:
      return Array.isArray(value) ? value.map(String).join('、') : typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  }
}

export const formatExpertValue = (field: string, value: unknown, bureauName: (id: number) => string) => formatInspectorValue(field, value, bureauName, EXPERT_STATUS_LABELS);

export type CertState = 'none' | 'valid' | 'expiring' | 'expired';

/** Is the 执法证 still valid today, ending within 30 days, or expired? (Open-ended: valid.) */
export function certState(inspector: Pick<InspectorDto, 'certNo' | 'certValidTo'>, today: string): CertState {
  if (!inspector.certNo) return 'none';
  if (inspector.certValidTo === null) return 'valid';
  if (inspector.certValidTo < today) return 'expired';
  return inspector.certValidTo < dayjs(today).add(30, 'day').format('YYYY-MM-DD') ? 'expiring' : 'valid';
}

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}
