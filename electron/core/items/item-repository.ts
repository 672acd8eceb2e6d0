import type { BusinessLineDto, ItemDto, ItemListVersionDto } from '../../../shared/contract';
import { likeContains, whereBuilder } from '../db/where';
import type { CustodyRule, InspectionMethod, ItemClass, ItemLevel } from '../../../shared/domain/items';
import type { Database, Tx } from '../db/database';
import { selectColumns } from '../db/entities';
import { ItemEntity, ItemListVersionEntity, type ItemListVersionRow, type ItemRow } from './item-entity';

const ITEM_COLUMNS = selectColumns(ItemEntity, 'i');
const VERSION_COLUMNS = selectColumns(ItemListVersionEntity, 'v');

/** One list: a bureau's items of one level and business line. */
export type ItemListKey = { bureauId: number; level: ItemLevel; businessLine: string };

/** The business fields of an item, normalised (what an import compares and a form edits). */
export type ItemFieldValues = {
  code: string;
  seq: number | null;
  category: string;
  name: string;
  targetScope: string | null;
  itemClass: ItemClass;
  methods: InspectionMethod[];
  subject: string | null;
  basis: string | null;
  content: string | null;
  ratioNote: string | null;
  remark: string | null;
  custodyRule: CustodyRule;
};

/**
 * Tables whose rows reference an item. An item referenced anywhere can only be retired, never deleted.
 * target_item_tags comes with migration 0005; later features (tasks, inspections) add theirs here.
 */
export const ITEM_REFERENCES: readonly { table: string; column: string }[] = [
  { table: 'target_item_tags', column: 'item_id' },
  { table: 'task_items', column: 'item_id' },
];

export function itemToDto(r: ItemRow): ItemDto {
  return {
    id: r.id,
    bureauId: r.bureauId,
    level: r.level as ItemDto['level'],
    businessLine: r.businessLine,
    code: r.code,
    seq: r.seq,
    category: r.category,
    name: r.name,
    targetScope: r.targetScope,
    itemClass: r.itemClass as ItemDto['itemClass'],
    methods: JSON.parse(r.methods) as ItemDto['methods'],
    subject: r.subject,
    basis: r.basis,
    content: r.content,
    ratioNote: r.ratioNote,
    remark: r.remark,
    custodyRule: r.custodyRule as ItemDto['custodyRule'],
    status: r.status as ItemDto['status'],
    retiredReason: r.retiredReason,
    firstVersion: r.firstVersion,
    lastVersion: r.lastVersion,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** The audited state: every business field (timestamps live in the audit event itself). */
export function itemSnapshot(r: ItemRow): object {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = itemToDto(r);
  return rest;
}

/** Does an existing active row already hold exactly these fields? */
export function sameItemFields(r: ItemRow, f: ItemFieldValues): boolean {
  const d = itemToDto(r);
  const keys: (keyof ItemFieldValues)[] = ['code', 'seq', 'category', 'name', 'targetScope', 'itemClass', 'subject', 'basis', 'content', 'ratioNote', 'remark', 'custodyRule'];
  return d.status === 'active' && keys.every((k) => d[k] === f[k]) && JSON.stringify(d.methods) === JSON.stringify(f.methods);
}

export async function findItem(db: Database | Tx, id: number): Promise<ItemRow | undefined> {
  return db.get<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items i WHERE i.id = ?`, [id]);
}

export async function findItemByCode(db: Database | Tx, list: ItemListKey, code: string): Promise<ItemRow | undefined> {
  return db.get<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items i WHERE i.bureau_id = ? AND i.level = ? AND i.business_line = ? AND i.code = ?`, [
    list.bureauId,
    list.level,
    list.businessLine,
    code,
  ]);
}

const fieldParams = (f: ItemFieldValues) => [
  f.code, f.seq, f.category, f.name, f.targetScope, f.itemClass, JSON.stringify(f.methods), f.subject, f.basis, f.content, f.ratioNote, f.remark, f.custodyRule,
];

export async function insertItem(tx: Tx, list: ItemListKey, f: ItemFieldValues, listVersion: number, now: string): Promise<ItemRow> {
  const { lastId } = await tx.run(
    `INSERT INTO items (bureau_id, level, business_line, code, seq, category, name, target_scope, item_class, methods, subject, basis,
       content, ratio_note, remark, custody_rule, status, first_version, last_version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)`,
    [list.bureauId, list.level, list.businessLine, ...fieldParams(f), listVersion, listVersion, now, now],
  );
  return (await findItem(tx, lastId)) as ItemRow;
}

/** New field values; a retired item listed again becomes active. */
export async function updateItem(tx: Tx, id: number, f: ItemFieldValues, listVersion: number, now: string): Promise<ItemRow> {
  await tx.run(
    `UPDATE items SET code = ?, seq = ?, category = ?, name = ?, target_scope = ?, item_class = ?, methods = ?, subject = ?, basis = ?,
       content = ?, ratio_note = ?, remark = ?, custody_rule = ?, status = 'active', retired_reason = NULL, last_version = ?,
       version = version + 1, updated_at = ? WHERE id = ?`,
    [...fieldParams(f), listVersion, now, id],
  );
  return (await findItem(tx, id)) as ItemRow;
}

export async function retireItem(tx: Tx, id: number, reason: string, listVersion: number, now: string): Promise<ItemRow> {
  await tx.run(`UPDATE items SET status = 'retired', retired_reason = ?, last_version = ?, version = version + 1, updated_at = ? WHERE id = ?`, [
    reason,
    listVersion,
    now,
    id,
  ]);
  return (await findItem(tx, id)) as ItemRow;
}

export async function deleteItem(tx: Tx, id: number): Promise<void> {
  await tx.run('DELETE FROM items WHERE id = ?', [id]);
}

/** Rows referencing the item, over the reference tables that exist in this database. */
export async function countItemReferences(db: Database | Tx, id: number): Promise<number> {
  let total = 0;
  for (const ref of ITEM_REFERENCES) {
    const exists = await db.get(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`, [ref.table]);
    if (!exists) continue;
    total += (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${ref.table} WHERE ${ref.column} = ?`, [id]))?.n ?? 0;
  }
  return total;
}

export async function activeItemsOf(tx: Tx, list: ItemListKey): Promise<ItemRow[]> {
  return tx.all<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items i WHERE i.bureau_id = ? AND i.level = ? AND i.business_line = ? AND i.status = 'active'`, [
    list.bureauId,
    list.level,
    list.businessLine,
  ]);
}

/** The number the next version of a list gets (1 for a new list). */
export async function nextListVersion(db: Database | Tx, list: ItemListKey): Promise<number> {
  const row = await db.get<{ v: number | null }>(`SELECT MAX(version) AS v FROM item_list_versions WHERE bureau_id = ? AND level = ? AND business_line = ?`, [
    list.bureauId,
    list.level,
    list.businessLine,
  ]);
  return (row?.v ?? 0) + 1;
}

/** Items whose last change belongs to `version` of the list (inserted, updated or retired by it). */
export async function countChangedIn(tx: Tx, list: ItemListKey, version: number): Promise<number> {
  const row = await tx.get<{ n: number }>(`SELECT COUNT(*) AS n FROM items WHERE bureau_id = ? AND level = ? AND business_line = ? AND last_version = ?`, [
    list.bureauId,
    list.level,
    list.businessLine,
    version,
  ]);
  return row?.n ?? 0;
}

/** Record a new version of a list, counting its active items as they are now. */
export async function writeListVersion(
  tx: Tx,
  list: ItemListKey,
  version: number,
  meta: { source: string; createdBy: number | null; now: string },
): Promise<{ version: number; itemCount: number }> {
  const count = await tx.get<{ n: number }>(`SELECT COUNT(*) AS n FROM items WHERE bureau_id = ? AND level = ? AND business_line = ? AND status = 'active'`, [
    list.bureauId,
    list.level,
    list.businessLine,
  ]);
  const itemCount = count?.n ?? 0;
  await tx.run(
    `INSERT INTO item_list_versions (bureau_id, level, business_line, version, source, item_count, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [list.bureauId, list.level, list.businessLine, version, meta.source, itemCount, meta.createdBy, meta.now],
  );
  return { version, itemCount };
}

export async function listVersions(db: Database, list: ItemListKey): Promise<ItemListVersionDto[]> {
  const rows = await db.all<ItemListVersionRow & { createdByLogin: string | null }>(
    `SELECT ${VERSION_COLUMNS}, u.login AS "createdByLogin" FROM item_list_versions v LEFT JOIN users u ON u.id = v.created_by
     WHERE v.bureau_id = ? AND v.level = ? AND v.business_line = ? ORDER BY v.version DESC`,
    [list.bureauId, list.level, list.businessLine],
  );
  return rows.map((r) => ({ ...r, level: r.level as ItemLevel }));
}

export async function listBusinessLines(db: Database, filter: { bureauIds: number[]; level?: ItemLevel }): Promise<BusinessLineDto[]> {
  if (filter.bureauIds.length === 0) return [];
  const params: unknown[] = [...filter.bureauIds];
  let levelSql = '';
  if (filter.level) {
    levelSql = 'AND l.level = ?';
    params.push(filter.level);
  }
  // Lists are the union of lines that have items and lines that have versions (a list emptied by retirement still exists).
  const rows = await db.all<{ bureauId: number; level: ItemLevel; businessLine: string; activeCount: number; latestVersion: number }>(
    `SELECT l.bureau_id AS "bureauId", l.level AS "level", l.business_line AS "businessLine",
       (SELECT COUNT(*) FROM items i WHERE i.bureau_id = l.bureau_id AND i.level = l.level AND i.business_line = l.business_line AND i.status = 'active') AS "activeCount",
       COALESCE((SELECT MAX(v.version) FROM item_list_versions v WHERE v.bureau_id = l.bureau_id AND v.level = l.level AND v.business_line = l.business_line), 0) AS "latestVersion"
     FROM (SELECT bureau_id, level, business_line FROM items UNION SELECT bureau_id, level, business_line FROM item_list_versions) l
     WHERE l.bureau_id IN (${filter.bureauIds.map(() => '?').join(',')}) ${levelSql}
     ORDER BY l.bureau_id, l.level, l.business_line`,
    params,
  );
  return rows;
}

export type ItemListFilter = {
  bureauIds: number[];
  level?: ItemLevel;
  businessLine?: string;
  itemClass?: ItemClass;
  status?: 'active' | 'retired';
  query?: string;
  page: number;
  pageSize: number;
};

/** The list's filters without paging (also what an export selects). */
export type ItemSelection = Omit<ItemListFilter, 'page' | 'pageSize'>;

/** The list's order: per list (bureau, level, business line), active first, by 序号. */
const ITEM_LIST_ORDER = 'i.bureau_id, i.level, i.business_line, i.status, i.seq IS NULL, i.seq, i.id';

/** WHERE clause (alias i) of the item filters. */
export function itemFilterClause(filter: ItemSelection): { sql: string; params: unknown[] } {
  const w = whereBuilder();
  w.in('i.bureau_id', filter.bureauIds);
  w.eq('i.level', filter.level);
  w.eq('i.business_line', filter.businessLine);
  w.eq('i.item_class', filter.itemClass);
  w.eq('i.status', filter.status);
  if (filter.query) {
    const like = likeContains(filter.query);
    w.add(`(i.name LIKE ? ESCAPE '\\' OR i.category LIKE ? ESCAPE '\\' OR i.code LIKE ? ESCAPE '\\')`, like, like, like);
  }
  return w.build();
}

export async function listItems(db: Database, filter: ItemListFilter): Promise<{ rows: ItemRow[]; total: number }> {
  if (filter.bureauIds.length === 0) return { rows: [], total: 0 };
  const { sql: whereSql, params } = itemFilterClause(filter);
  const total = (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM items i WHERE ${whereSql}`, params))?.n ?? 0;
  const rows = await db.all<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items i WHERE ${whereSql} ORDER BY ${ITEM_LIST_ORDER} LIMIT ? OFFSET ?`, [
    ...params,
    filter.pageSize,
    (filter.page - 1) * filter.pageSize,
  ]);
  return { rows, total };
}

/** Ids of the matching items in list order (a city's lists are thousands of items at most). */
export async function itemIdsInListOrder(db: Database, filter: ItemSelection): Promise<number[]> {
  const { sql, params } = itemFilterClause(filter);
  return (await db.all<{ id: number }>(`SELECT i.id AS "id" FROM items i WHERE ${sql} ORDER BY ${ITEM_LIST_ORDER}`, params)).map((r) => r.id);
}

/** The items with these ids, in the order given (ids no longer present are skipped). */
export async function itemsByIds(db: Database, ids: readonly number[]): Promise<ItemRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.all<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items i WHERE i.id IN (${ids.map(() => '?').join(',')})`, [...ids]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function loadItemSnapshots(db: Database): Promise<Map<string, object>> {
  const rows = await db.all<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items i`);
  return new Map(rows.map((r) => [String(r.id), itemSnapshot(r)]));
}
