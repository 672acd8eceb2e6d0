import type { TargetCreateInput } from '../../../shared/contract';
import { bureauResolver, type NamedBureau } from '../../../shared/domain/bureau-names';
import { labelMatcher, type ImportColumn, type RowIssue } from '../../../shared/domain/imports';
import { CREDIT_CLASSES, REG_STATUS_LABELS, RISK_LEVEL_LABELS, type CreditClass, type RegStatus, type RiskLevel, type SubjectKind } from '../../../shared/domain/targets';
import { AppError } from '../../../shared/errors/app-error';
import { messageZh } from '../../../shared/errors/messages-zh';
import type { Tx } from '../db/database';
import { withJsonArray } from '../db/json-rows';
import type { TargetRow } from '../db/entities';
import type { BulkRecorder } from '../audit/audit-service';
import type { ImportKind } from '../imports/import-kind';
import { TARGET_COLUMNS, tagsOf, targetSnapshotJson } from './target-repository';
import { deferredSearchIndex, type DeferredSearchIndex } from './target-search-index';
import { normaliseTargetCodes, TARGET_WRITE_COLUMNS, targetWriteValues, type NormalisedCodes } from './target-service';

export const TARGET_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'creditCode', label: '统一社会信用代码', aliases: ['统一信用代码', '信用代码', '注册号', '统一社会信用代码/注册号', '统一信用代码/注册号'], required: false, hint: '营利性、非营利性主体必填；旧注册号可填 15 位' },
  { key: 'name', label: '名称', aliases: ['企业名称', '主体名称', '单位名称', '对象名称'], required: true },
  { key: 'kind', label: '主体类型', aliases: ['主体类别', '对象类型'], required: false, hint: '营利性 / 非营利性 / 非市场主体；留空时按代码推断' },
  { key: 'identifier', label: '标识', aliases: ['对象标识', '产品标识', '项目标识'], required: false, hint: '非市场主体（产品、项目、行为）必填' },
  { key: 'description', label: '说明', aliases: ['对象说明', '描述'], required: false },
  { key: 'legalRep', label: '法定代表人', aliases: ['负责人', '法定代表人（负责人）', '法定代表人(负责人)', '经营者'], required: false },
  { key: 'address', label: '住所', aliases: ['经营场所', '住所（经营场所）', '住所(经营场所)', '地址'], required: false },
  { key: 'registrationBureau', label: '登记机关', aliases: ['登记机构'], required: false },
  { key: 'territorialBureau', label: '属地', aliases: ['管辖单位', '属地单位', '管辖机关'], required: false, hint: '留空时为导入时选择的单位' },
  { key: 'industry', label: '行业', aliases: ['所属行业', '行业类别'], required: false },
  { key: 'riskLevel', label: '风险等级', aliases: ['风险分类', '风险级别'], required: false, hint: '低 / 较低 / 一般 / 较高 / 高' },
  { key: 'creditClass', label: '信用等级', aliases: ['信用分类', '信用风险分类'], required: false, hint: 'A / B / C / D' },
  { key: 'regStatus', label: '登记状态', aliases: ['经营状态', '状态'], required: false, hint: '存续 / 注销 / 吊销 / 撤销 / 迁出' },
];

const KIND_LABELS: Record<SubjectKind, readonly string[]> = {
  for_profit: ['营利性', '营利性市场主体', '企业', '公司', '个体工商户', '个体', '农民专业合作社', '合作社', '分支机构', '外国企业常驻代表机构'],
  non_profit: ['非营利性', '非营利性市场主体', '社会组织', '事业单位', '社会团体', '民办非企业单位', '基金会'],
  non_market: ['非市场主体', '产品', '项目', '行为'],
};
const RISK_LABELS = Object.fromEntries(Object.entries(RISK_LEVEL_LABELS).map(([k, v]) => [k, [v, `${v}风险`]])) as Record<RiskLevel, string[]>;
const CREDIT_LABELS = Object.fromEntries(CREDIT_CLASSES.map((c) => [c, [`${c}类`, `${c}级`]])) as Record<CreditClass, string[]>;
const STATUS_LABELS = {
  ...Object.fromEntries(Object.entries(REG_STATUS_LABELS).map(([k, v]) => [k, [v]])),
  active: ['存续', '在业', '开业', '在营', '存续（在营、开业、在册）', '正常'],
} as Record<RegStatus, string[]>;

const MATCH = {
  kind: labelMatcher(KIND_LABELS),
  riskLevel: labelMatcher(RISK_LABELS),
  creditClass: labelMatcher(CREDIT_LABELS),
  regStatus: labelMatcher(STATUS_LABELS),
};

/** A valid row with its column values, worked out while the file is read. */
export type TargetImportRow = { input: TargetCreateInput; codes: NormalisedCodes; values: unknown[] };

type Options = {
  bureaus: readonly NamedBureau[];
  defaultBureauId: number;
  canAccessBureau: (id: number) => boolean;
  now: () => string;
  /** New rows indexed by the search triggers before the import indexes the rest in bulk (tests lower it). */
  bulkIndexAfter?: number;
};

const INSERT_FRESH = `INSERT INTO targets (id, ${TARGET_WRITE_COLUMNS.join(', ')}, created_at, updated_at)
  SELECT ${Array.from({ length: TARGET_WRITE_COLUMNS.length + 1 }, (_, i) => `value->>${i}`).join(', ')}, ?, ? FROM jsonb_each(CAST(? AS TEXT))`;

const label = (key: string) => TARGET_IMPORT_COLUMNS.find((c) => c.key === key)?.label ?? key;

/** The target directory's import: validation per row, upsert by credit code (or identifier). */
export function createTargetImportKind(options: Options): ImportKind<TargetImportRow> {
  const resolveBureau = bureauResolver(options.bureaus);
  // One kind per import run, so one transaction: set with the first new rows, completed by finish().
  let searchIndex: DeferredSearchIndex | null = null;
  let nextId: number | null = null;

  function parseRow(record: Readonly<Record<string, string>>, line: number) {
    const issues: RowIssue[] = [];
    const issue = (key: string | null, code: RowIssue['code'], extra = '') =>
      issues.push({ line, column: key === null ? null : label(key), code, message: messageZh(code) + extra });
    const get = (key: string) => (record[key] ?? '').trim();
    const pick = <T extends string>(key: keyof typeof MATCH, match: (raw: string) => T | undefined): T | null => {
      const raw = get(key);
      if (!raw) return null;
      const value = match(raw);
      if (value === undefined) issue(key, 'IMPORT_VALUE_INVALID', `（“${raw}”）`);
      return value ?? null;
    };
    const bureau = (key: string): number | null => {
      const raw = get(key);
      if (!raw) return null;
      const id = resolveBureau(raw);
      if (id === undefined) issue(key, 'IMPORT_BUREAU_UNKNOWN', `（“${raw}”）`);
      return id ?? null;
    };
    if (!get('name')) issue('name', 'IMPORT_REQUIRED');
    let kind = pick('kind', MATCH.kind);
    if (!kind) kind = get('creditCode') ? (get('creditCode').startsWith('9') || get('creditCode').length === 15 ? 'for_profit' : 'non_profit') : get('identifier') ? 'non_market' : 'for_profit';
    const territorial = bureau('territorialBureau') ?? options.defaultBureauId;
    if (!options.canAccessBureau(territorial)) issue('territorialBureau', 'FORBIDDEN', '（不能导入到其他单位的名录）');
    const input: TargetCreateInput = {
      kind,
      creditCode: get('creditCode') || null,
      identifier: get('identifier') || null,
      description: get('description') || null,
      name: get('name'),
      legalRep: get('legalRep') || null,
      address: get('address') || null,
      registrationBureauId: bureau('registrationBureau'),
      territorialBureauId: territorial,
      industry: get('industry') || null,
      riskLevel: pick('riskLevel', MATCH.riskLevel),
      creditClass: pick('creditClass', MATCH.creditClass),
      regStatus: pick('regStatus', MATCH.regStatus) ?? 'active',
    };
    let codes: NormalisedCodes | null = null;
    try {
      codes = normaliseTargetCodes(input);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const field = String(error.details.field ?? 'creditCode');
      const expected = error.details.expected ? `（校验位应为 ${String(error.details.expected)}）` : '';
      issue(field, error.code, expected);
    }
    if (issues.length > 0 || !codes) return { ok: false as const, issues };
    return { ok: true as const, key: codes.creditCode ?? `id:${codes.identifier}`, row: { input, codes, values: targetWriteValues(input, codes) } };
  }

  /**
   * Chunks overlap (ImportKind.overlapChunks): while SQLite inserts one, the next is looked up and queued,
   * so SQLite is not left idle between them. The part up to queuing (look-ups, updates, ids, history) runs
   * one chunk at a time in file order; only the waits for the INSERTs overlap.
   */
  let front: Promise<unknown> = Promise.resolve();
  let lastInsert: Promise<unknown> = Promise.resolve();
  async function applyChunk(tx: Tx, rows: { key: string; row: TargetImportRow; line: number }[], bulk: BulkRecorder) {
    const turn = front.then(() => queueChunk(tx, rows, bulk));
    front = turn.catch(() => undefined);
    const { counts, inserting, last } = await turn;
    await inserting;
    if (last !== null) searchIndex?.inserted(last);
    return counts;
  }

  async function queueChunk(tx: Tx, rows: { key: string; row: TargetImportRow; line: number }[], bulk: BulkRecorder) {
    const existing = await findExisting(tx, rows.map((r) => r.row.codes));
    const tags = existing.size === 0 ? new Map<number, number[]>() : await tagsOf(tx, [...existing.values()].map((r) => r.id));
    const now = options.now();
    let updated = 0;
    let unchanged = 0;
    const fresh: TargetImportRow[] = [];
    for (const { key, row } of rows) {
      const current = existing.get(key);
      if (!current) {
        fresh.push(row);
        continue;
      }
      const next = rowFrom(current.id, row.values, current.version + 1, current.createdAt, now);
      const tagList = tags.get(current.id) ?? [];
      if (targetSnapshotJson({ ...next, version: current.version }, tagList) === targetSnapshotJson(current, tagList)) {
        unchanged++;
        continue;
      }
      await tx.run(`UPDATE targets SET ${TARGET_WRITE_COLUMNS.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ? WHERE id = ?`, [...row.values, now, current.id]);
      await bulk.addJson(current.id, targetSnapshotJson(next, tagList));
      updated++;
    }
    const counts = { inserted: fresh.length, updated, unchanged, issues: [] };
    if (fresh.length === 0) return { counts, inserting: Promise.resolve(), last: null };
    // Ids are given here (the import holds the write lock and is the only writer of targets until it
    // commits), so MAX(id) is read once per import and the history rows need no answer from the INSERT.
    nextId ??= ((await tx.get<{ id: number | null }>('SELECT MAX(id) AS id FROM targets'))?.id ?? 0) + 1;
    const first = nextId;
    nextId += fresh.length;
    searchIndex ??= deferredSearchIndex(tx, options.bulkIndexAfter);
    await searchIndex.beforeInsert(first, nextId - 1, lastInsert);
    // One JSON parameter instead of 17,000 bound values: binding runs on the JavaScript thread, json_each
    // runs on SQLite's (measured: ~8% of import time moved off the main thread). jsonb_each, not json_each:
    // each row stays binary for the 16 `->>` look-ups instead of being printed as text and parsed again
    // (JSON work was 12% of SQLite's time in a 1,000,000-row import). Passed as bytes: see json-rows.ts.
    const statement = await tx.prepare(INSERT_FRESH);
    const inserting = withJsonArray(
      fresh.map((row, i) => JSON.stringify([first + i, ...row.values])),
      (bytes) => statement.run([now, now, bytes]),
    );
    lastInsert = inserting.catch(() => undefined);
    // Snapshots are made here, while SQLite inserts, and dropped at once: made when the file was read they
    // lived through a chunk and young-generation GC copied them (GC was 20% of the main thread).
    for (let i = 0; i < fresh.length; i++) {
      const id = first + i;
      await bulk.addJson(id, targetSnapshotJson(rowFrom(id, (fresh[i] as TargetImportRow).values, 1, now, now), []));
    }
    return { counts, inserting, last: nextId - 1 };
  }

  return {
    directory: 'targets',
    entity: 'target',
    columns: TARGET_IMPORT_COLUMNS,
    parseRow,
    applyChunk,
    // 5,000 rows a statement, not 1,000: each statement copies every existing page it changes (the scattered
    // index leaves) to the statement journal, and does its fixed work once. 1,000,000 rows: 69 s → 54 s.
    chunkRows: 5000,
    overlapChunks: true,
    settle: async () => searchIndex?.settle(),
    finish: async () => searchIndex?.finish(),
    templateRows: [
      { creditCode: '91210102MA0XY12326', name: '沈阳市和平区鑫源食品商行', kind: '营利性', legalRep: '张三', address: '沈阳市和平区南京北街 1 号', registrationBureau: '和平区市场监督管理局', territorialBureau: '和平区市场监督管理局', industry: '批发和零售业', riskLevel: '一般', creditClass: 'A', regStatus: '存续' },
      { identifier: 'CP-2026-0001', description: '电动自行车（质量监督抽查）', name: '电动自行车', kind: '非市场主体', territorialBureau: '沈阳市市场监督管理局', riskLevel: '较高', regStatus: '存续' },
    ],
  };
}

/** Build the row as it will be stored, so the snapshot written to history equals the one read back later. */
function rowFrom(id: number, values: unknown[], version: number, createdAt: string, updatedAt: string): TargetRow {
  const v = values as [string, string | null, string | null, string | null, string, string | null, string | null, number | null, number, string | null, string | null, string | null, string, string, string];
  return {
    id, kind: v[0], creditCode: v[1], identifier: v[2], description: v[3], name: v[4], legalRep: v[5], address: v[6],
    registrationBureauId: v[7], territorialBureauId: v[8], industry: v[9], riskLevel: v[10], creditClass: v[11], regStatus: v[12],
    warnings: v[13], nameBigrams: v[14], version, createdAt, updatedAt,
  };
}

/** The stored rows for a chunk's keys, in one statement (each look-up is a round trip through the event loop). */
async function findExisting(tx: Tx, codes: NormalisedCodes[]): Promise<Map<string, TargetRow>> {
  const out = new Map<string, TargetRow>();
  const credit = codes.map((c) => c.creditCode).filter((c): c is string => c !== null);
  const ident = codes.map((c) => c.identifier).filter((c): c is string => c !== null);
  const select = await tx.prepare(
    `SELECT ${TARGET_COLUMNS} FROM targets t WHERE t.credit_code IN (SELECT value FROM json_each(?)) OR t.identifier IN (SELECT value FROM json_each(?))`,
  );
  const rows = await select.all<TargetRow>([JSON.stringify(credit), JSON.stringify(ident)]);
  for (const r of rows) {
    if (r.creditCode !== null) out.set(r.creditCode, r);
    if (r.identifier !== null) out.set(`id:${r.identifier}`, r);
  }
  return out;
}
