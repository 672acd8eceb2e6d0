import type { AbsenceDto, InspectorDto } from '../../../shared/contract';
import { likeContains, whereBuilder } from '../db/where';
import type { Gender, InspectorStatus } from '../../../shared/domain/inspectors';
import type { Database, Tx } from '../db/database';
import { selectColumns } from '../db/entities';
import { AbsenceEntity, InspectorEntity, type AbsenceRow, type InspectorDbRow } from './inspector-entities';

type Db = Database | Tx;

export const INSPECTOR_COLUMNS = selectColumns(InspectorEntity, 'i');
const ABSENCE_COLUMNS = selectColumns(AbsenceEntity, 'a');

/** The business fields of an inspector: what a form or an import row sets. */
export type InspectorValues = {
  bureauId: number;
  name: string;
  gender: Gender | null;
  idSuffix: string | null;
  certNo: string | null;
  certValidFrom: string | null;
  certValidTo: string | null;
  enforcementQualified: boolean;
  businessLines: string[];
  expertise: string[];
  region: string | null;
  phone: string | null;
  status: InspectorStatus;
  userId: number | null;
};

export function inspectorValues(r: InspectorDbRow): InspectorValues {
  return {
    bureauId: r.bureauId,
    name: r.name,
    gender: r.gender as Gender | null,
    idSuffix: r.idSuffix,
    certNo: r.certNo,
    certValidFrom: r.certValidFrom,
    certValidTo: r.certValidTo,
    enforcementQualified: r.enforcementQualified === 1,
    businessLines: JSON.parse(r.businessLines) as string[],
    expertise: JSON.parse(r.expertise) as string[],
    region: r.region,
    phone: r.phone,
    status: r.status as InspectorStatus,
    userId: r.userId,
  };
}

export function inspectorToDto(r: InspectorDbRow): InspectorDto {
  return { id: r.id, ...inspectorValues(r), version: r.version, createdAt: r.createdAt, updatedAt: r.updatedAt };
}

export const absenceToDto = (r: AbsenceRow): AbsenceDto => ({ ...r });

/** The audited state: business fields, version and the away periods (no timestamps). */
export function inspectorSnapshot(r: InspectorDbRow, absences: readonly AbsenceRow[]): object {
  return { ...inspectorValues(r), version: r.version, absences: absences.map(({ id, fromDate, toDate, reason }) => ({ id, fromDate, toDate, reason })) };
}

export async function findInspector(db: Db, id: number): Promise<InspectorDbRow | undefined> {
  return db.get<InspectorDbRow>(`SELECT ${INSPECTOR_COLUMNS} FROM inspectors i WHERE i.id = ?`, [id]);
}

export async function findInspectorByCert(db: Db, certNo: string): Promise<InspectorDbRow | undefined> {
  return db.get<InspectorDbRow>(`SELECT ${INSPECTOR_COLUMNS} FROM inspectors i WHERE i.cert_no = ?`, [certNo]);
}

/** Same bureau, name and phone (NULL phone matches NULL): the import key of rows without a 执法证号. */
export async function findInspectorsByPerson(db: Db, bureauId: number, name: string, phone: string | null): Promise<InspectorDbRow[]> {
  return db.all<InspectorDbRow>(`SELECT ${INSPECTOR_COLUMNS} FROM inspectors i WHERE i.bureau_id = ? AND i.name = ? AND i.phone IS ? ORDER BY i.id`, [bureauId, name, phone]);
}

export async function findInspectorIdByUser(db: Db, userId: number, exceptId: number): Promise<number | undefined> {
  return (await db.get<{ id: number }>('SELECT id FROM inspectors WHERE user_id = ? AND id <> ?', [userId, exceptId]))?.id;
}

export async function listAbsences(db: Db, inspectorId: number): Promise<AbsenceRow[]> {
  return db.all<AbsenceRow>(`SELECT ${ABSENCE_COLUMNS} FROM inspector_absences a WHERE a.inspector_id = ? ORDER BY a.from_date, a.id`, [inspectorId]);
}

export async function findAbsence(db: Db, id: number): Promise<AbsenceRow | undefined> {
  return db.get<AbsenceRow>(`SELECT ${ABSENCE_COLUMNS} FROM inspector_absences a WHERE a.id = ?`, [id]);
}

/** The inspector's current audited state, read inside the writing transaction. */
export async function loadInspectorSnapshot(db: Db, id: number): Promise<{ row: InspectorDbRow; snapshot: object }> {
  const row = (await findInspector(db, id)) as InspectorDbRow;
  return { row, snapshot: inspectorSnapshot(row, await listAbsences(db, id)) };
}

function params(v: InspectorValues): unknown[] {
  return [
    v.bureauId, v.name, v.gender, v.idSuffix, v.certNo, v.certValidFrom, v.certValidTo, v.enforcementQualified ? 1 : 0,
    JSON.stringify(v.businessLines), JSON.stringify(v.expertise), v.region, v.phone, v.status, v.userId,
  ];
}

export async function insertInspector(tx: Tx, v: InspectorValues, now: string): Promise<number> {
  const { lastId } = await tx.run(
    `INSERT INTO inspectors (bureau_id, name, gender, id_suffix, cert_no, cert_valid_from, cert_valid_to, enforcement_qualified,
       business_lines, expertise, region, phone, status, user_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [...params(v), now, now],
  );
  return lastId;
}

/** Overwrite the business fields and bump the version. */
export async function updateInspector(tx: Tx, id: number, v: InspectorValues, now: string): Promise<void> {
  await tx.run(
    `UPDATE inspectors SET bureau_id = ?, name = ?, gender = ?, id_suffix = ?, cert_no = ?, cert_valid_from = ?, cert_valid_to = ?,
       enforcement_qualified = ?, business_lines = ?, expertise = ?, region = ?, phone = ?, status = ?, user_id = ?,
       version = version + 1, updated_at = ? WHERE id = ?`,
    [...params(v), now, id],
  );
}

export type InspectorFilter = {
  bureauIds: number[];
  query?: string;
  qualified?: boolean;
  businessLine?: string;
  expertise?: string;
  status?: string;
  certExpiringBefore?: string;
  page: number;
  pageSize: number;
};


/** The list's filters without paging (also what an export selects). */
export type InspectorSelection = Omit<InspectorFilter, 'page' | 'pageSize'>;

/** WHERE clause (alias i) of the directory filters. A city is thousands of people, not millions: LIKE and json_each need no index. */
export function inspectorFilterClause(f: InspectorSelection): { sql: string; params: unknown[] } {
  const w = whereBuilder();
  w.in('i.bureau_id', f.bureauIds);
  if (f.query) {
    const like = likeContains(f.query.normalize('NFKC').trim());
    w.add(`(i.name LIKE ? ESCAPE '\\' OR i.cert_no LIKE ? ESCAPE '\\')`, like, like.toUpperCase());
  }
  if (f.qualified !== undefined) w.add('i.enforcement_qualified = ?', f.qualified ? 1 : 0);
  if (f.businessLine) w.add('EXISTS (SELECT 1 FROM json_each(i.business_lines) WHERE value = ?)', f.businessLine);
  if (f.expertise) w.add('EXISTS (SELECT 1 FROM json_each(i.expertise) WHERE value = ?)', f.expertise);
  w.eq('i.status', f.status);
  if (f.certExpiringBefore) w.add('i.cert_valid_to IS NOT NULL AND i.cert_valid_to < ?', f.certExpiringBefore);
  return w.build();
}

export async function listInspectors(db: Database, f: InspectorFilter): Promise<{ rows: InspectorDbRow[]; total: number }> {
  const { sql: whereSql, params: args } = inspectorFilterClause(f);
  const total = (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM inspectors i WHERE ${whereSql}`, args))?.n ?? 0;
  const rows = await db.all<InspectorDbRow>(`SELECT ${INSPECTOR_COLUMNS} FROM inspectors i WHERE ${whereSql} ORDER BY i.id DESC LIMIT ? OFFSET ?`, [
    ...args,
    f.pageSize,
    (f.page - 1) * f.pageSize,
  ]);
  return { rows, total };
}

/** Ids of the matching inspectors by 所属单位, then as entered. */
export async function inspectorIdsForExport(db: Database, f: InspectorSelection): Promise<number[]> {
  const { sql, params } = inspectorFilterClause(f);
  return (await db.all<{ id: number }>(`SELECT i.id AS "id" FROM inspectors i WHERE ${sql} ORDER BY i.bureau_id, i.id`, params)).map((r) => r.id);
}

/** The inspectors with these ids, in the order given (ids no longer present are skipped). */
export async function inspectorsByIds(db: Database, ids: readonly number[]): Promise<InspectorDbRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.all<InspectorDbRow>(`SELECT ${INSPECTOR_COLUMNS} FROM inspectors i WHERE i.id IN (${ids.map(() => '?').join(',')})`, [...ids]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function loadInspectorSnapshots(db: Database): Promise<Map<string, object>> {
  const rows = await db.all<InspectorDbRow>(`SELECT ${INSPECTOR_COLUMNS} FROM inspectors i`);
  const absences = await db.all<AbsenceRow>(`SELECT ${ABSENCE_COLUMNS} FROM inspector_absences a ORDER BY a.from_date, a.id`);
  const byInspector = new Map<number, AbsenceRow[]>();
  for (const a of absences) byInspector.set(a.inspectorId, [...(byInspector.get(a.inspectorId) ?? []), a]);
  return new Map(rows.map((r) => [String(r.id), inspectorSnapshot(r, byInspector.get(r.id) ?? [])]));
}
