import { EntitySchema } from 'typeorm';

/** Row shapes of the inspector directory tables (migration 0004), as EntitySchema objects. */
export type InspectorDbRow = {
  id: number;
  bureauId: number;
  name: string;
  gender: string | null;
  idSuffix: string | null;
  certNo: string | null;
  certValidFrom: string | null;
  certValidTo: string | null;
  enforcementQualified: number;
  businessLines: string;
  expertise: string;
  region: string | null;
  phone: string | null;
  status: string;
  userId: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type AbsenceRow = { id: number; inspectorId: number; fromDate: string; toDate: string; reason: string };

export type ExpertRow = {
  id: number;
  bureauId: number;
  name: string;
  organisation: string | null;
  field: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  status: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type RecusalRow = { id: number; inspectorId: number; targetId: number; reason: string; createdBy: number | null; createdAt: string };

const text = (nullable = false) => ({ type: 'text' as const, nullable });
const int = (nullable = false) => ({ type: 'integer' as const, nullable });
const id = { type: 'integer' as const, primary: true, generated: 'increment' as const };
const stamps = {
  version: { ...int(), name: 'version' },
  createdAt: { ...text(), name: 'created_at' },
  updatedAt: { ...text(), name: 'updated_at' },
};

export const InspectorEntity = new EntitySchema<InspectorDbRow>({
  name: 'Inspector',
  tableName: 'inspectors',
  columns: {
    id,
    bureauId: { ...int(), name: 'bureau_id' },
    name: text(),
    gender: text(true),
    idSuffix: { ...text(true), name: 'id_suffix' },
    certNo: { ...text(true), name: 'cert_no' },
    certValidFrom: { ...text(true), name: 'cert_valid_from' },
    certValidTo: { ...text(true), name: 'cert_valid_to' },
    enforcementQualified: { ...int(), name: 'enforcement_qualified' },
    businessLines: { ...text(), name: 'business_lines' },
    expertise: text(),
    region: text(true),
    phone: text(true),
    status: text(),
    userId: { ...int(true), name: 'user_id' },
    ...stamps,
  },
});

export const AbsenceEntity = new EntitySchema<AbsenceRow>({
  name: 'InspectorAbsence',
  tableName: 'inspector_absences',
  columns: {
    id,
    inspectorId: { ...int(), name: 'inspector_id' },
    fromDate: { ...text(), name: 'from_date' },
    toDate: { ...text(), name: 'to_date' },
    reason: text(),
  },
});

export const ExpertEntity = new EntitySchema<ExpertRow>({
  name: 'Expert',
  tableName: 'experts',
  columns: {
    id,
    bureauId: { ...int(), name: 'bureau_id' },
    name: text(),
    organisation: text(true),
    field: text(),
    title: text(true),
    phone: text(true),
    email: text(true),
    status: text(),
    ...stamps,
  },
});

export const RecusalEntity = new EntitySchema<RecusalRow>({
  name: 'Recusal',
  tableName: 'recusals',
  columns: {
    id,
    inspectorId: { ...int(), name: 'inspector_id' },
    targetId: { ...int(), name: 'target_id' },
    reason: text(),
    createdBy: { ...int(true), name: 'created_by' },
    createdAt: { ...text(), name: 'created_at' },
  },
});

export const INSPECTOR_ENTITY_SCHEMAS = [InspectorEntity, AbsenceEntity, ExpertEntity, RecusalEntity];
