import type { TargetDto, TargetFilterInput } from '../../../shared/contract';
import { canonicalJson, sha256Hex } from '../audit/canonical-json';
import type { Database, Tx } from '../db/database';
import { likeContains, whereBuilder } from '../db/where';
import { selectColumns, TargetEntity, type TargetRow } from '../db/entities';

export const TARGET_COLUMNS = selectColumns(TargetEntity, 't');
/** Text searches stop counting here; the UI shows "10000+". */
export const COUNT_CAP = 10_000;

export function targetToDto(r: TargetRow, tags: number[]): TargetDto {
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
    tags,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** The audited state: every business field and the tags (timestamps live in the audit event itself). */
export function targetSnapshot(r: TargetRow, tags: number[]): object {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = targetToDto(r, [...tags].sort((a, b) => a - b));
  return rest;
}

/**
 * canonicalJson(targetSnapshot(row, tags)) without the generic key sort: the keys are written in canonical
 * (sorted) order. The generic path cost ~6% of the main thread in a 200,000-row import
 * (test/unit/target-snapshot.test.ts keeps the two equal).
 */
export function targetSnapshotJson(r: Omit<TargetRow, 'id' | 'createdAt' | 'updatedAt' | 'nameBigrams'>, tags: readonly number[]): string {
  return JSON.stringify({
    address: r.address,
    creditClass: r.creditClass,
    creditCode: r.creditCode,
    description: r.description,
    identifier: r.identifier,
    industry: r.industry,
    kind: r.kind,
    legalRep: r.legalRep,
    name: r.name,
    regStatus: r.regStatus,
    registrationBureauId: r.registrationBureauId,
    riskLevel: r.riskLevel,
    tags: tags.length === 0 ? [] : [...tags].sort((a, b) => a - b),
    territorialBureauId: r.territorialBureauId,
    version: r.version,
    warnings: JSON.parse(r.warnings) as string[],
  });
}

export async function tagsOf(db: Database | Tx, ids: number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>(ids.map((id) => [id, []]));
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await db.all<{ target_id: number; item_id: number }>(
      `SELECT target_id, item_id FROM target_item_tags WHERE target_id IN (${chunk.map(() => '?').join(',')}) ORDER BY item_id`,
      chunk,
    );
    for (const r of rows) map.get(r.target_id)?.push(r.item_id);
  }
  return map;
}

export async function findTarget(db: Database | Tx, id: number): Promise<{ row: TargetRow; tags: number[] } | undefined> {
  const row = await db.get<TargetRow>(`SELECT ${TARGET_COLUMNS} FROM targets t WHERE t.id = ?`, [id]);
  if (!row) return undefined;
  return { row, tags: (await tagsOf(db, [id])).get(id) ?? [] };
}

export async function findTargetIdBy(db: Database | Tx, column: 'credit_code' | 'identifier', value: string, exceptId = 0): Promise<number | undefined> {
  const row = await db.get<{ id: number }>(`SELECT id FROM targets WHERE ${column} = ? AND id <> ?`, [value, exceptId]);
  return row?.id;
}

/**
 * Name/code search. ≥ 3 characters: the trigram FTS index. 2 letters/digits: the bigram FTS index.
 * Anything else (1 character, punctuation): LIKE on the same columns.
 */
export function searchClause(query: string): { sql: string; params: unknown[] } {
  const q = query.normalize('NFKC').replace(/\s+/g, '');
  const chars = [...q];
  if (chars.length >= 3) {
    return { sql: `t.id IN (SELECT rowid FROM targets_fts WHERE targets_fts MATCH ?)`, params: [`"${q.replace(/"/g, '""')}"`] };
  }
  if (chars.length === 2 && /^[\p{L}\p{N}]{2}$/u.test(q)) {
    return { sql: `t.id IN (SELECT rowid FROM targets_bigram WHERE targets_bigram MATCH ?)`, params: [`"${q.toLowerCase()}"`] };
  }
  const like = likeContains(q);
  return { sql: `(t.name LIKE ? ESCAPE '\\' OR t.credit_code LIKE ? ESCAPE '\\' OR t.identifier LIKE ? ESCAPE '\\')`, params: [like, like, like] };
}

/** WHERE clause for the directory filters over the given bureaus. */
export function filterClause(filter: Omit<TargetFilterInput, 'bureauId'> & { bureauIds: number[] }): { sql: string; params: unknown[] } {
  const w = whereBuilder();
  w.in('t.territorial_bureau_id', filter.bureauIds);
  w.eq('t.kind', filter.kind);
  w.eq('t.industry', filter.industry);
  w.eq('t.risk_level', filter.riskLevel);
  w.eq('t.credit_class', filter.creditClass);
  w.eq('t.reg_status', filter.regStatus);
  if (filter.tagItemId !== undefined) w.add('t.id IN (SELECT target_id FROM target_item_tags WHERE item_id = ?)', filter.tagItemId);
  if (filter.query) {
    const s = searchClause(filter.query);
    w.add(s.sql, ...s.params);
  }
  return w.build();
}

export async function listTargets(
  db: Database,
  filter: Omit<TargetFilterInput, 'bureauId'> & { bureauIds: number[]; page: number; pageSize: number },
): Promise<{ rows: TargetRow[]; tags: Map<number, number[]>; total: number; totalCapped: boolean }> {
  const { sql, params } = filterClause(filter);
  // Text searches can match most of a million rows: count up to a cap instead of all of them.
  const countSql = filter.query
    ? `SELECT COUNT(*) AS n FROM (SELECT 1 FROM targets t WHERE ${sql} LIMIT ${COUNT_CAP + 1})`
    : `SELECT COUNT(*) AS n FROM targets t WHERE ${sql}`;
  const counted = (await db.get<{ n: number }>(countSql, params))?.n ?? 0;
  const rows = await db.all<TargetRow>(`SELECT ${TARGET_COLUMNS} FROM targets t WHERE ${sql} ORDER BY t.id DESC LIMIT ? OFFSET ?`, [
    ...params,
    filter.pageSize,
    (filter.page - 1) * filter.pageSize,
  ]);
  const tags = await tagsOf(db, rows.map((r) => r.id));
  return { rows, tags, total: Math.min(counted, COUNT_CAP), totalCapped: counted > COUNT_CAP };
}

/** Digests of every target's audited state (a million snapshots would not fit comfortably in memory). */
export async function loadTargetSnapshots(db: Database): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let lastId = 0;
  for (;;) {
    const rows = await db.all<TargetRow>(`SELECT ${TARGET_COLUMNS} FROM targets t WHERE t.id > ? ORDER BY t.id LIMIT 5000`, [lastId]);
    if (rows.length === 0) return out;
    const tags = await tagsOf(db, rows.map((r) => r.id));
    for (const r of rows) out.set(String(r.id), sha256Hex(canonicalJson(targetSnapshot(r, tags.get(r.id) ?? []))));
    lastId = (rows[rows.length - 1] as TargetRow).id;
  }
}
