import type { PublicationRowDto } from '../../../shared/contract';
import { RESULT_CATEGORIES, RESULT_CATEGORY_LABELS, overallResultText, type ResultCategory } from '../../../shared/domain/inspections/inspections';
import { AppError } from '../../../shared/errors/app-error';
import type { Database, Tx } from '../db/database';
import { taskNumber } from '../documents/inspection-facts';

type Db = Database | Tx;

export type PublishRange = { bureauId: number; from: string; to: string; includePublished: boolean; inspectionIds?: number[] };

/** The publicity file's columns (domain-reference §8.1, "App publicity export"), in order; 序号 first. */
export const PUBLICATION_COLUMNS: readonly (readonly [keyof PublicationRowDto | 'seq', string])[] = [
  ['seq', '序号'],
  ['bureauName', '检查实施机关'],
  ['drawType', '抽查类型'],
  ['planNo', '抽查计划编号'],
  ['planTitle', '抽查计划名称'],
  ['taskNo', '抽查任务编号'],
  ['taskTitle', '抽查任务名称'],
  ['targetName', '检查对象名称'],
  ['targetCode', '统一社会信用代码'],
  ['itemName', '检查事项'],
  ['itemResult', '检查结果'],
  ['completedOn', '抽查完成日期'],
  ['result', '结果'],
  ['remark', '备注'],
];

/**
 * 抽查计划编号. Plans carry no official code yet; like the 任务编号 (year + task id, printed on the 告知书),
 * the plan's year and id make one that is unique and stable: `2026-P0003`. The P keeps it apart from a task
 * number of the same digits.
 */
export const planNumber = (year: number, planId: number): string => `${year}-P${String(planId).padStart(4, '0')}`;

/** Texts every row may legitimately carry: a withheld text equal to one of these betrays nothing. */
const VOCABULARY = new Set<string>([...Object.values(RESULT_CATEGORY_LABELS), '未检查', '未发现问题', '发现问题', '定向', '不定向']);

type ResultRow = {
  id: number; status: string; year: number; ended_on: string | null; task_id: number; bureau_name: string; task_name: string; directed: number;
  plan_id: number; plan_year: number; plan_title: string; target_name: string; code: string | null; categories: string; remark: string | null;
  remark_non_public: string | null; non_public: string | null; non_public_note: string | null; summary: string | null; formed_on: string;
};
type ItemResultRow = { inspection_id: number; item_id: number; checked: number; finding: string | null; handling: string | null };

export type BuiltPublication = { rows: PublicationRowDto[]; inspectionIds: number[]; withheld: number; remarksWithheld: number; withheldIds: number[] };

const allowedStatuses = (includePublished: boolean) => (includePublished ? ['reviewed', 'published'] : ['reviewed']);

const parseCategories = (json: string): ResultCategory[] =>
  (JSON.parse(json) as string[]).filter((c): c is ResultCategory => (RESULT_CATEGORIES as readonly string[]).includes(c));

/**
 * The item's 检查结果 as published. Category-level words only: the free-text 发现问题情况 / 处置情况 stay in
 * the case file — they may name people or business data the Art. 16 review never looked at.
 * Not checked → 未检查; checked without a finding → 未发现问题; with a finding → the result's problem
 * labels (发现问题 when it has none); no per-item row → the overall result (it covers the whole target).
 */
function itemResultText(item: ItemResultRow | undefined, categories: readonly ResultCategory[], overall: string): string {
  if (!item) return overall;
  if (item.checked === 0) return '未检查';
  if (!(item.finding ?? '').trim()) return '未发现问题';
  const problems = categories.filter((c) => c !== 'no_problem' && c !== 'no_activity');
  return problems.length > 0 ? overallResultText(problems) : '发现问题';
}

async function inChunks<T>(ids: readonly number[], load: (chunk: readonly number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await load(ids.slice(i, i + 500))));
  return out;
}
const marks = (n: number) => Array(n).fill('?').join(',');

/**
 * Refuse an explicit list that names anything the bureau may not publish: not its own inspection
 * (谁检查谁公示), a result marked 不予公开 (Art. 16), or one not (yet) reviewed. Checked before the range
 * is applied, so naming a withheld result is an error, never a silent omission.
 */
export async function checkNamedInspections(db: Db, bureauId: number, ids: readonly number[], includePublished: boolean): Promise<void> {
  const unique = [...new Set(ids)];
  const found = await inChunks(unique, (chunk) =>
    db.all<{ id: number; inspecting_bureau_id: number; status: string; non_public: string | null }>(
      `SELECT i.id, i.inspecting_bureau_id, i.status, r.non_public FROM inspections i LEFT JOIN inspection_results r ON r.inspection_id = i.id WHERE i.id IN (${marks(chunk.length)})`,
      [...chunk],
    ),
  );
  const byId = new Map(found.map((r) => [r.id, r]));
  const missing = unique.filter((id) => !byId.has(id));
  if (missing.length > 0) throw new AppError('NOT_FOUND', { entity: 'inspection', ids: missing });
  const foreign = found.filter((r) => r.inspecting_bureau_id !== bureauId).map((r) => r.id);
  if (foreign.length > 0) throw new AppError('PUBLISH_NOT_OWN_BUREAU', { inspectionIds: foreign });
  const nonPublic = found.filter((r) => r.non_public !== null).map((r) => r.id);
  if (nonPublic.length > 0) throw new AppError('PUBLISH_NON_PUBLIC', { inspectionIds: nonPublic });
  const allowed = allowedStatuses(includePublished);
  const unreviewed = found.filter((r) => !allowed.includes(r.status));
  if (unreviewed.length > 0) throw new AppError('PUBLISH_NOT_REVIEWED', { inspectionIds: unreviewed.map((r) => r.id), statuses: unreviewed.map((r) => r.status) });
}

/**
 * The publicity rows of `range`: results of the bureau's own inspections, reviewed (and, when asked,
 * already published), formed within [from, to]; one row per target and item. Results marked 不予公开
 * are withheld whole, remarks marked so are blanked; both are counted. The last guard then looks for any
 * withheld text in any cell and refuses the file (PUBLISH_NON_PUBLIC) if one slipped through.
 */
export async function buildPublication(db: Db, range: PublishRange): Promise<BuiltPublication> {
  if (range.inspectionIds) await checkNamedInspections(db, range.bureauId, range.inspectionIds, range.includePublished);
  const statuses = allowedStatuses(range.includePublished);
  const named = range.inspectionIds ? [...new Set(range.inspectionIds)] : null;
  const select = (extra: string, params: unknown[]) =>
    db.all<ResultRow>(
      `SELECT i.id, i.status, i.year, i.ended_on, i.task_id, b.name AS bureau_name, k.name AS task_name, k.directed,
         p.id AS plan_id, p.year AS plan_year, p.title AS plan_title, t.name AS target_name, coalesce(t.credit_code, t.identifier) AS code,
         r.categories, r.remark, r.remark_non_public, r.non_public, r.non_public_note, r.summary, r.formed_on
       FROM inspections i JOIN inspection_results r ON r.inspection_id = i.id JOIN bureaus b ON b.id = i.inspecting_bureau_id
         JOIN tasks k ON k.id = i.task_id JOIN plans p ON p.id = k.plan_id JOIN targets t ON t.id = i.target_id
       WHERE i.inspecting_bureau_id = ? AND r.formed_on IS NOT NULL AND r.formed_on BETWEEN ? AND ? AND i.status IN (${marks(statuses.length)}) ${extra}
       ORDER BY r.formed_on, i.id`,
      [range.bureauId, range.from, range.to, ...statuses, ...params],
    );
  const results = named
    ? (await inChunks(named, (chunk) => select(`AND i.id IN (${marks(chunk.length)})`, [...chunk]))).sort((a, b) => a.formed_on.localeCompare(b.formed_on) || a.id - b.id)
    : await select('', []);

  const published = results.filter((r) => r.non_public === null);
  const withheldRows = results.filter((r) => r.non_public !== null);
  const taskIds = [...new Set(published.map((r) => r.task_id))];
  const taskItems = await inChunks(taskIds, (chunk) =>
    db.all<{ task_id: number; item_id: number; name: string }>(
      `SELECT ti.task_id, it.id AS item_id, it.name FROM task_items ti JOIN items it ON it.id = ti.item_id WHERE ti.task_id IN (${marks(chunk.length)}) ORDER BY it.business_line, it.seq, it.id`,
      [...chunk],
    ),
  );
  const itemResults = await inChunks(results.map((r) => r.id), (chunk) =>
    db.all<ItemResultRow>(`SELECT inspection_id, item_id, checked, finding, handling FROM inspection_item_results WHERE inspection_id IN (${marks(chunk.length)})`, [...chunk]),
  );
  const itemsOf = new Map<number, { item_id: number; name: string }[]>();
  for (const ti of taskItems) itemsOf.set(ti.task_id, [...(itemsOf.get(ti.task_id) ?? []), ti]);
  const resultOf = new Map(itemResults.map((r) => [`${r.inspection_id}:${r.item_id}`, r]));

  let remarksWithheld = 0;
  const rows: PublicationRowDto[] = [];
  for (const r of published) {
    const categories = parseCategories(r.categories);
    const overall = overallResultText(categories);
    const remarkHidden = r.remark_non_public !== null && Boolean((r.remark ?? '').trim());
    if (remarkHidden) remarksWithheld++;
    const common = {
      inspectionId: r.id,
      bureauName: r.bureau_name,
      drawType: r.directed ? '定向' : '不定向',
      planNo: planNumber(r.plan_year, r.plan_id),
      planTitle: r.plan_title,
      taskNo: taskNumber(r.year, r.task_id),
      taskTitle: r.task_name,
      targetName: r.target_name,
      targetCode: r.code ?? '',
      completedOn: r.ended_on ?? '',
      result: overall,
      remark: r.remark_non_public !== null ? '' : (r.remark ?? '').trim(),
    };
    const items = itemsOf.get(r.task_id) ?? [];
    // A task without items still gets its target published, with the overall result only.
    if (items.length === 0) rows.push({ ...common, itemName: '', itemResult: overall });
    for (const item of items) rows.push({ ...common, itemName: item.name, itemResult: itemResultText(resultOf.get(`${r.id}:${item.item_id}`), categories, overall) });
  }

  const withheldIds = new Set(withheldRows.map((r) => r.id));
  const secrets = [
    ...results.filter((r) => r.remark_non_public !== null).map((r) => r.remark),
    ...withheldRows.flatMap((r) => [r.remark, r.non_public_note, r.summary]),
    ...itemResults.filter((i) => withheldIds.has(i.inspection_id)).flatMap((i) => [i.finding, i.handling]),
  ];
  assertNothingWithheld(rows, secrets);
  return { rows, inspectionIds: published.map((r) => r.id), withheld: withheldRows.length, remarksWithheld, withheldIds: withheldRows.map((r) => r.id) };
}

/**
 * The last guard (Art. 16; house rule 7): no cell of the file may contain a text that was withheld. Texts
 * under 4 characters and the fixed vocabulary of results are skipped — they betray nothing and would
 * match ordinary cells.
 */
export function assertNothingWithheld(rows: readonly PublicationRowDto[], secrets: readonly (string | null)[]): void {
  const texts = [...new Set(secrets.map((s) => (s ?? '').trim()).filter((s) => [...s].length >= 4 && !VOCABULARY.has(s)))];
  if (texts.length === 0) return;
  const leaked = new Set<number>();
  for (const row of rows) {
    const cells = Object.values(row).filter((v): v is string => typeof v === 'string');
    if (cells.some((cell) => texts.some((t) => cell.includes(t)))) leaked.add(row.inspectionId);
  }
  if (leaked.size > 0) throw new AppError('PUBLISH_NON_PUBLIC', { reason: 'withheld text found in the file', inspectionIds: [...leaked] });
}

/** The rows as the file's cells, in PUBLICATION_COLUMNS order. */
export const publicationCells = (row: PublicationRowDto, seq: number): string[] =>
  PUBLICATION_COLUMNS.map(([key]) => (key === 'seq' ? String(seq) : String(row[key])));
