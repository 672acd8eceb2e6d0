import { EntitySchema } from 'typeorm';

/**
 * Row shapes as TypeORM EntitySchema objects (no decorators). Repositories map rows to the DTOs of
 * shared/contract; entity objects never leave the core. Columns are snake_case in SQL.
 */
export type BureauRow = {
  id: number;
  divisionCode: string;
  name: string;
  level: 'city' | 'district';
  parentId: number | null;
  fondsCode: string;
  orgCode: string;
  shortName: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type UserRow = {
  id: number;
  login: string;
  displayName: string;
  bureauId: number;
  roles: string;
  passwordHash: string;
  mustChangePassword: number;
  active: number;
  failedAttempts: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type TargetRow = {
  id: number;
  kind: string;
  creditCode: string | null;
  identifier: string | null;
  description: string | null;
  name: string;
  legalRep: string | null;
  address: string | null;
  registrationBureauId: number | null;
  territorialBureauId: number;
  industry: string | null;
  riskLevel: string | null;
  creditClass: string | null;
  regStatus: string;
  warnings: string;
  nameBigrams: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};

const text = (nullable = false) => ({ type: 'text' as const, nullable });
const int = (nullable = false) => ({ type: 'integer' as const, nullable });
const stamps = {
  version: { ...int(), name: 'version' },
  createdAt: { ...text(), name: 'created_at' },
  updatedAt: { ...text(), name: 'updated_at' },
};

export const BureauEntity = new EntitySchema<BureauRow>({
  name: 'Bureau',
  tableName: 'bureaus',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    divisionCode: { ...text(), name: 'division_code' },
    name: text(),
    level: text(),
    parentId: { ...int(true), name: 'parent_id' },
    fondsCode: { ...text(), name: 'fonds_code' },
    orgCode: { ...text(), name: 'org_code' },
    shortName: { ...text(), name: 'short_name' },
    ...stamps,
  },
});

export const UserEntity = new EntitySchema<UserRow>({
  name: 'User',
  tableName: 'users',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    login: text(),
    displayName: { ...text(), name: 'display_name' },
    bureauId: { ...int(), name: 'bureau_id' },
    roles: text(),
    passwordHash: { ...text(), name: 'password_hash' },
    mustChangePassword: { ...int(), name: 'must_change_password' },
    active: int(),
    failedAttempts: { ...int(), name: 'failed_attempts' },
    lockedUntil: { ...text(true), name: 'locked_until' },
    lastLoginAt: { ...text(true), name: 'last_login_at' },
    ...stamps,
  },
});

export const TargetEntity = new EntitySchema<TargetRow>({
  name: 'Target',
  tableName: 'targets',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    kind: text(),
    creditCode: { ...text(true), name: 'credit_code' },
    identifier: text(true),
    description: text(true),
    name: text(),
    legalRep: { ...text(true), name: 'legal_rep' },
    address: text(true),
    registrationBureauId: { ...int(true), name: 'registration_bureau_id' },
    territorialBureauId: { ...int(), name: 'territorial_bureau_id' },
    industry: text(true),
    riskLevel: { ...text(true), name: 'risk_level' },
    creditClass: { ...text(true), name: 'credit_class' },
    regStatus: { ...text(), name: 'reg_status' },
    warnings: text(),
    nameBigrams: { ...text(), name: 'name_bigrams' },
    ...stamps,
  },
});

export const ENTITY_SCHEMAS = [BureauEntity, UserEntity, TargetEntity];

/** Build a SELECT column list that aliases snake_case columns to the entity's camelCase properties. */
export function selectColumns(schema: EntitySchema<object>, alias?: string): string {
  const columns = schema.options.columns as Record<string, { name?: string }>;
  return Object.entries(columns)
    .map(([prop, def]) => `${alias ? alias + '.' : ''}${def.name ?? prop} AS "${prop}"`)
    .join(', ');
}
