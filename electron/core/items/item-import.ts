import { matchLabel, type ImportColumn, type RowIssue } from '../../../shared/domain/imports';
import {
  CUSTODY_RULE_NAMES,
  INSPECTION_METHOD_NAMES,
  IMPORT_LIST_SOURCE,
  ITEM_CLASS_NAMES,
  ITEM_LEVEL_LABELS,
  ITEM_LEVEL_NAMES,
  ITEM_TEXT_LIMITS,
  itemCodeFrom,
  normaliseBusinessLine,
  normaliseItemCode,
  notInVersionReason,
  sortMethods,
  splitMethodCell,
  type InspectionMethod,
  type ItemLevel,
} from '../../../shared/domain/items';
import type { ErrorCode } from '../../../shared/errors/codes';
import { messageZh } from '../../../shared/errors/messages-zh';
import type { AuditActor, BulkRecorder } from '../audit/audit-service';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock } from '../config';
import type { Tx } from '../db/database';
import type { ImportKind } from '../imports/import-kind';
import {
  activeItemsOf,
  countChangedIn,
  findItemByCode,
  insertItem,
  itemSnapshot,
  nextListVersion,
  retireItem,
  sameItemFields,
  updateItem,
  writeListVersion,
  type ItemFieldValues,
  type ItemListKey,
} from './item-repository';

export const ITEM_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'seq', label: '序号', aliases: ['编号'], required: false },
  { key: 'code', label: '事项编码', aliases: ['编码', '事项代码'], required: false, hint: '留空时按“抽查类别 + 抽查事项”生成；再次导入时据此识别同一事项' },
  { key: 'category', label: '抽查类别', aliases: ['类别', '检查类别'], required: true },
  { key: 'name', label: '抽查事项', aliases: ['事项名称', '检查事项'], required: true },
  { key: 'targetScope', label: '检查对象', aliases: ['抽查对象'], required: false },
  { key: 'itemClass', label: '事项类别', aliases: ['类别属性'], required: true, hint: '一般检查事项 / 重点检查事项（可简写为 一般 / 重点）' },
  { key: 'methods', label: '检查方式', aliases: ['抽查方式'], required: false, hint: '实地核查、书面检查、网络检查、抽样检测、委托专业机构、行政部门检查结果或专业意见；多个用顿号分隔' },
  { key: 'subject', label: '检查主体', aliases: ['实施主体'], required: false },
  { key: 'basis', label: '检查依据', aliases: ['抽查依据', '法律依据'], required: false },
  { key: 'content', label: '抽查内容', aliases: ['检查内容'], required: false },
  { key: 'ratioNote', label: '抽查比例及频次', aliases: ['抽查比例'], required: false },
  { key: 'businessLine', label: '业务条线', aliases: ['条线', '业务领域'], required: true, hint: '如 信用监管、食品安全、特种设备、产品质量、价格、广告' },
  { key: 'level', label: '层级', aliases: [], required: false, hint: '市级 / 区县级；留空为导入单位的层级' },
  { key: 'custodyRule', label: '管辖规则', aliases: ['归档管辖'], required: false, hint: '登记机关 / 属地（默认属地）：案卷由检查对象的登记机关或属地单位保管' },
  { key: 'remark', label: '备注', aliases: [], required: false },
];

const LIMITED: readonly (keyof typeof ITEM_TEXT_LIMITS)[] = ['businessLine', 'code', 'category', 'name', 'targetScope', 'subject', 'basis', 'content', 'ratioNote', 'remark'];

export type ItemImportRow = { list: ItemListKey; fields: ItemFieldValues };

/** One list an import touched and the codes the file holds for it. */
export type SeenList = { level: ItemLevel; businessLine: string; codes: ReadonlySet<string> };

export type ItemImportFinish = {
  /** Per touched list: the version written (null when the file changed nothing in it), its active items, retirements. */
  lists: { level: ItemLevel; businessLine: string; version: number | null; itemCount: number | null; retired: number }[];
  retired: number;
};

type Deps = { clock: Clock; bureaus: Pick<BureauService, 'get'> };

/**
 * One import: the bureau it is for (the engine checked the caller may act on it); `level` for rows
 * without a 层级 (default: the bureau's own); `source` names the new list versions (the file name);
 * `actor` becomes their created_by. A superset of the engine's ImportContext.
 */
export type ItemImportContext = { bureauId: number; level?: ItemLevel; source?: string; actor?: AuditActor };

const label = (key: string) => ITEM_IMPORT_COLUMNS.find((c) => c.key === key)?.label ?? key;
const listKeyOf = (list: { level: ItemLevel; businessLine: string }) => `${ITEM_LEVEL_LABELS[list.level]}·${list.businessLine}`;

/** Validate and normalise one record of an item list file. Pure: no database. */
export function parseItemRecord(record: Readonly<Record<string, string>>, line: number, ctx: { bureauId: number; level: ItemLevel }): { ok: true; key: string; row: ItemImportRow } | { ok: false; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const issue = (key: string, code: ErrorCode, extra = '') => issues.push({ line, column: label(key), code, message: messageZh(code) + extra });
  const get = (key: string) => (record[key] ?? '').trim();
  const opt = (key: string) => get(key) || null;
  const pick = <T extends string>(key: string, names: Readonly<Record<T, readonly string[]>>, code: ErrorCode): T | null => {
    const raw = get(key);
    if (!raw) return null;
    const value = matchLabel(raw, names);
    if (value === undefined) issue(key, code, `（“${raw}”）`);
    return value ?? null;
  };

  for (const key of ['category', 'name', 'itemClass', 'businessLine']) if (!get(key)) issue(key, 'IMPORT_REQUIRED');
  for (const key of LIMITED) if ([...get(key)].length > ITEM_TEXT_LIMITS[key]) issue(key, 'IMPORT_VALUE_INVALID', `（超过 ${ITEM_TEXT_LIMITS[key]} 字）`);
  const seqRaw = get('seq').normalize('NFKC').replace(/\.0+$/, '');
  const seq = seqRaw === '' ? null : /^\d{1,5}$/.test(seqRaw) && Number(seqRaw) > 0 ? Number(seqRaw) : NaN;
  if (Number.isNaN(seq)) issue('seq', 'IMPORT_VALUE_INVALID', `（“${get('seq')}”不是正整数）`);
  const itemClass = pick('itemClass', ITEM_CLASS_NAMES, 'ITEM_CLASS_INVALID');
  const level = pick('level', ITEM_LEVEL_NAMES, 'ITEM_LEVEL_INVALID') ?? ctx.level;
  const custodyRule = pick('custodyRule', CUSTODY_RULE_NAMES, 'ITEM_CUSTODY_INVALID') ?? 'territorial';
  const methods: InspectionMethod[] = [];
  const unknown: string[] = [];
  for (const part of splitMethodCell(get('methods'))) {
    const method = matchLabel(part, INSPECTION_METHOD_NAMES);
    if (method) methods.push(method);
    else unknown.push(part);
  }
  if (unknown.length > 0) issue('methods', 'ITEM_METHOD_INVALID', `（“${unknown.join('、')}”）`);
  if (issues.length > 0 || !itemClass) return { ok: false, issues };

  const category = get('category');
  const name = get('name');
  const givenCode = normaliseItemCode(get('code'));
  const fields: ItemFieldValues = {
    code: givenCode || itemCodeFrom(category, name),
    seq: seq as number | null,
    category,
    name,
    targetScope: opt('targetScope'),
    itemClass,
    methods: sortMethods(methods),
    subject: opt('subject'),
    basis: opt('basis'),
    content: opt('content'),
    ratioNote: opt('ratioNote'),
    remark: opt('remark'),
    custodyRule,
  };
  const list: ItemListKey = { bureauId: ctx.bureauId, level, businessLine: normaliseBusinessLine(get('businessLine')) };
  return { ok: true, key: `${listKeyOf(list)}·${fields.code}`, row: { list, fields } };
}

/**
 * After the last chunk, in the same write transaction and before `bulk.finish`: for every list the file
 * touched, retire its active items the file no longer has (reason 未列入第N版清单) and write version N
 * with the file as its source. A list the file left exactly as it was gets no new version.
 * Pass `retireMissing: false` when rows were rejected (a rejected row must not retire its item).
 */
export async function finishImport(
  tx: Tx,
  bureauId: number,
  seen: Iterable<SeenList>,
  options: { bulk: BulkRecorder; source: string; createdBy: number | null; now: string; retireMissing?: boolean },
): Promise<ItemImportFinish> {
  const out: ItemImportFinish = { lists: [], retired: 0 };
  for (const s of seen) {
    const list: ItemListKey = { bureauId, level: s.level, businessLine: s.businessLine };
    const version = await nextListVersion(tx, list);
    let retired = 0;
    if (options.retireMissing !== false) {
      for (const item of await activeItemsOf(tx, list)) {
        if (s.codes.has(item.code)) continue;
        const row = await retireItem(tx, item.id, notInVersionReason(version), version, options.now);
        await options.bulk.add(row.id, itemSnapshot(row));
        retired++;
      }
    }
    out.retired += retired;
    if ((await countChangedIn(tx, list, version)) === 0) {
      out.lists.push({ level: s.level, businessLine: s.businessLine, version: null, itemCount: null, retired });
      continue;
    }
    const written = await writeListVersion(tx, list, version, { source: options.source, createdBy: options.createdBy, now: options.now });
    out.lists.push({ level: s.level, businessLine: s.businessLine, ...written, retired });
  }
  return out;
}

export type ItemImportKind = ImportKind<ItemImportRow> & {
  /** The lists this import touched, with the codes seen in each (rejected rows included, when identifiable). */
  seen(): SeenList[];
  /** What `finish` did (null before it ran). */
  summary(): ItemImportFinish | null;
};

/**
 * The item list's import for one bureau: rows upserted by code within (bureau, level, business line);
 * `finish` writes the new list versions and retires what the file no longer lists.
 * A rejected row still protects its item from retirement when its list and code can be told; when they
 * cannot, nothing is retired in its list (or in any list, without a business line).
 */
export function createItemImportKind(deps: Deps, ctx: ItemImportContext): ItemImportKind {
  const level = ctx.level ?? deps.bureaus.get(ctx.bureauId).level;
  const seen = new Map<string, { level: ItemLevel; businessLine: string; codes: Set<string> }>();
  const blocked = new Set<string>(); // business lines (any level) whose missing items must not be retired
  let blockAll = false;
  let result: ItemImportFinish | null = null;

  function markSeen(list: { level: ItemLevel; businessLine: string }, code: string) {
    const key = listKeyOf(list);
    let entry = seen.get(key);
    if (!entry) seen.set(key, (entry = { level: list.level, businessLine: list.businessLine, codes: new Set() }));
    entry.codes.add(code);
  }

  function noteRejected(record: Readonly<Record<string, string>>) {
    const get = (key: string) => (record[key] ?? '').trim();
    const businessLine = normaliseBusinessLine(get('businessLine'));
    if (!businessLine) return void (blockAll = true);
    const rowLevel = get('level') ? matchLabel(get('level'), ITEM_LEVEL_NAMES) : level;
    const code = normaliseItemCode(get('code')) || (get('category') && get('name') ? itemCodeFrom(get('category'), get('name')) : '');
    if (!rowLevel || !code) return void blocked.add(businessLine);
    markSeen({ level: rowLevel, businessLine }, code);
  }

  function parseRow(record: Readonly<Record<string, string>>, line: number) {
    const parsed = parseItemRecord(record, line, { bureauId: ctx.bureauId, level });
    if (!parsed.ok) noteRejected(record);
    return parsed;
  }

  async function applyChunk(tx: Tx, rows: { key: string; row: ItemImportRow; line: number }[], bulk: BulkRecorder) {
    const now = deps.clock.now().toISOString();
    const versions = new Map<string, number>(); // the version this import will write, per list (stable within its transaction)
    const counts = { inserted: 0, updated: 0, unchanged: 0, issues: [] as RowIssue[] };
    for (const { row } of rows) {
      markSeen(row.list, row.fields.code);
      const key = listKeyOf(row.list);
      const version = versions.get(key) ?? (await nextListVersion(tx, row.list));
      versions.set(key, version);
      const existing = await findItemByCode(tx, row.list, row.fields.code);
      if (existing && sameItemFields(existing, row.fields)) {
        counts.unchanged++;
        continue;
      }
      const written = existing ? await updateItem(tx, existing.id, row.fields, version, now) : await insertItem(tx, row.list, row.fields, version, now);
      await bulk.add(written.id, itemSnapshot(written));
      if (existing) counts.updated++;
      else counts.inserted++;
    }
    return counts;
  }

  async function finish(tx: Tx, bulk: BulkRecorder) {
    const lists = [...seen.values()];
    const options = { bulk, source: ctx.source ?? IMPORT_LIST_SOURCE, createdBy: ctx.actor?.userId ?? null, now: deps.clock.now().toISOString() };
    const retiring = lists.filter((l) => !blockAll && !blocked.has(l.businessLine));
    const keeping = lists.filter((l) => !retiring.includes(l));
    const a = await finishImport(tx, ctx.bureauId, retiring, options);
    const b = await finishImport(tx, ctx.bureauId, keeping, { ...options, retireMissing: false });
    result = { lists: [...a.lists, ...b.lists], retired: a.retired };
  }

  return {
    directory: 'items',
    entity: 'item',
    columns: ITEM_IMPORT_COLUMNS,
    parseRow,
    applyChunk,
    finish,
    seen: () => [...seen.values()],
    summary: () => result,
    templateRows: ITEM_TEMPLATE_ROWS,
  };
}

/** Two rows after domain reference §9.2 (custody rules there are unconfirmed defaults). */
export const ITEM_TEMPLATE_ROWS: readonly Readonly<Record<string, string>>[] = [
  {
    seq: '1',
    code: '',
    category: '登记事项检查',
    name: '营业执照（登记证）规范使用情况的检查',
    targetScope: '企业、个体工商户、农民专业合作社、外国企业常驻代表机构',
    itemClass: '一般检查事项',
    methods: '现场检查、网络检查',
    subject: '县级以上市场监管部门',
    basis: '《市场主体登记管理条例》第三十六条、第三十七条、第四十八条；《电子商务法》第十五条',
    content: '是否在住所（经营场所）醒目位置悬挂营业执照；电子商务经营者是否在首页显著位置公示营业执照信息',
    ratioNote: '',
    businessLine: '信用监管',
    level: '',
    custodyRule: '登记机关',
    remark: '',
  },
  {
    seq: '2',
    code: '',
    category: '产品质量',
    name: '产品质量监督抽查',
    targetScope: '生产者、销售者',
    itemClass: '重点检查事项',
    methods: '抽样检测',
    subject: '县级以上市场监管部门',
    basis: '《产品质量法》第十五条',
    content: '',
    ratioNote: '',
    businessLine: '产品质量',
    level: '',
    custodyRule: '属地',
    remark: '',
  },
];
