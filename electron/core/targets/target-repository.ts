import type { TargetDto } from '../../../shared/contract';
import type { Database, Tx } from '../db/database';
import { selectColumns, TargetEntity, type TargetRow } from '../db/entities';

export const TARGET_COLUMNS = selectColumns(TargetEntity, 't');

export function targetToDto(r: TargetRow): TargetDto {
  return {
    id: r.id,
    kind: r.kind as TargetDto['kind'],
    creditCode: r.creditCode,
    identifier: r.identifier,
    description: r.description,
    name: r.name,
    legalRep: r.legalRep,
    address: r.address,
    registrationBureauId: r.registrationBureauId,
    territorialBureauId: r.territorialBureauId,
    industry: r.industry,
    riskLevel: r.riskLevel as TargetDto['riskLevel'],
    creditClass: r.creditClass as TargetDto['creditClass'],
    regStatus: r.regStatus as TargetDto['regStatus'],
    warnings: JSON.parse(r.warnings) as string[],
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** The audited state: every business field (timestamps live in the audit event itself). */
export function targetSnapshot(r: TargetRow): object {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = targetToDto(r);
  return rest;
}

export async function findTarget(db: Database | Tx, id: number): Promise<TargetRow | undefined> {
  return db.get<TargetRow>(`SELECT ${TARGET_COLUMNS} FROM targets t WHERE t.id = ?`, [id]);
}

export async function findTargetIdBy(db: Database | Tx, column: 'credit_code' | 'identifier', value: string, exceptId = 0): Promise<number | undefined> {
  const row = await db.get<{ id: number }>(`SELECT id FROM targets WHERE ${column} = ? AND id <> ?`, [value, exceptId]);
  return row?.id;
}

/** FTS5 trigram needs ≥ 3 characters; shorter queries use LIKE on the same columns. */
export function searchClause(query: string): { sql: string; params: unknown[] } {
  const q = query.normalize('NFKC').replace(/\s+/g, '');
  if ([...q].length >= 3) {
    return { sql: `t.id IN (SELECT rowid FROM targets_fts WHERE targets_fts MATCH ?)`, params: [`"${q.replace(/"/g, '""')}"`] };
  }
  const like = `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  return { sql: `(t.name LIKE ? ESCAPE '\\' OR t.credit_code LIKE ? ESCAPE '\\' OR t.identifier LIKE ? ESCAPE '\\')`, params: [like, like, like] };
}

export async function listTargets(
  db: Database,
  filter: { bureauIds: number[]; query?: string; kind?: string; page: number; pageSize: number },
): Promise<{ rows: TargetRow[]; total: number }> {
  const where: string[] = [`t.territorial_bureau_id IN (${filter.bureauIds.map(() => '?').join(',')})`];
  const params: unknown[] = [...filter.bureauIds];
  if (filter.kind) {
    where.push('t.kind = ?');
    params.push(filter.kind);
  }
  if (filter.query) {
    const s = searchClause(filter.query);
    where.push(s.sql);
    params.push(...s.params);
  }
  const whereSql = where.join(' AND ');
  const total = (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM targets t WHERE ${whereSql}`, params))?.n ?? 0;
  const rows = await db.all<TargetRow>(`SELECT ${TARGET_COLUMNS} FROM targets t WHERE ${whereSql} ORDER BY t.id DESC LIMIT ? OFFSET ?`, [
    ...params,
    filter.pageSize,
    (filter.page - 1) * filter.pageSize,
  ]);
  return { rows, total };
}

export async function loadTargetSnapshots(db: Database): Promise<Map<string, object>> {
  const rows = await db.all<TargetRow>(`SELECT ${TARGET_COLUMNS} FROM targets t`);
  return new Map(rows.map((r) => [String(r.id), targetSnapshot(r)]));
}
