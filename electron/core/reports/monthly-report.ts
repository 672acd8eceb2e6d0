import type { MonthlyReportDto, MonthlyReportRowDto } from '../../../shared/contract';
import { publicationDue, resultEntryDue, type WorkCalendar } from '../../../shared/domain/calendar';
import { RESULT_CATEGORIES, type ResultCategory } from '../../../shared/domain/inspections/inspections';
import type { BureauDto } from '../../../shared/contract';
import type { Database } from '../db/database';

type Counts = Omit<MonthlyReportRowDto, 'bureauId' | 'bureauName' | 'divisionCode'>;

export type MonthRange = { month: string; first: string; last: string; /** [from, to) of the month in Beijing time, as UTC ISO strings. */ fromUtc: string; toUtc: string };

/** `2026-05` → its first and last day, and its instants (Beijing is UTC+8 all year, no DST). */
export function monthRange(month: string): MonthRange {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const instant = (yy: number, mm: number) => new Date(Date.UTC(yy, mm - 1, 1) - 8 * 3600_000).toISOString();
  return { month, first: `${month}-01`, last, fromUtc: instant(y, m), toUtc: instant(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1) };
}

/** A UTC timestamp's calendar day in Beijing. */
const beijingDay = (iso: string): string => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

const emptyCounts = (): Counts => ({
  tasks: 0, drawn: 0, inspected: 0,
  byCategory: Object.fromEntries(RESULT_CATEGORIES.map((c) => [c, 0])) as Record<ResultCategory, number>,
  entryOnTime: 0, entryLate: 0, publishedOnTime: 0, publishedLate: 0, openFollowUps: 0,
});

/**
 * The 月报表 of `bureauIds` (a bureau and its subtree) for one month. Every figure is attributed to the
 * bureau that did the work (the task's executing bureau, the inspection's inspecting bureau), and each
 * counts what happened within the month — definitions below, next to each query.
 */
export async function computeMonthlyReport(db: Database, calendar: WorkCalendar, bureaus: readonly BureauDto[], month: string): Promise<MonthlyReportDto> {
  const r = monthRange(month);
  const ids = bureaus.map((b) => b.id);
  const inList = `(${ids.map(() => '?').join(',')})`;
  const counts = new Map(ids.map((id) => [id, emptyCounts()]));
  const at = (bureauId: number) => counts.get(bureauId) as Counts;

  // 抽查任务数: tasks of a plan published at least once, not cancelled or merged into another, whose
  // inspection window [window_from, window_to] overlaps the month.
  for (const row of await db.all<{ b: number; n: number }>(
    `SELECT k.executing_bureau_id AS b, count(*) AS n FROM tasks k JOIN plans p ON p.id = k.plan_id
     WHERE k.executing_bureau_id IN ${inList} AND k.status NOT IN ('cancelled','merged') AND p.published_at IS NOT NULL
       AND k.window_from <= ? AND k.window_to >= ? GROUP BY k.executing_bureau_id`,
    [...ids, r.last, r.first],
  )) at(row.b).tasks = row.n;

  // 抽取对象数: targets selected by draws completed within the month (drawn_at, Beijing time).
  for (const row of await db.all<{ b: number; n: number }>(
    `SELECT k.executing_bureau_id AS b, count(*) AS n FROM draw_selections s JOIN draws d ON d.id = s.draw_id JOIN tasks k ON k.id = d.task_id
     WHERE k.executing_bureau_id IN ${inList} AND d.status = 'completed' AND d.drawn_at >= ? AND d.drawn_at < ? GROUP BY k.executing_bureau_id`,
    [...ids, r.fromUtc, r.toUtc],
  )) at(row.b).drawn = row.n;

  // 已检查对象数: inspections that ended (ended_on) within the month.
  for (const row of await db.all<{ b: number; n: number }>(
    `SELECT inspecting_bureau_id AS b, count(*) AS n FROM inspections WHERE inspecting_bureau_id IN ${inList} AND ended_on BETWEEN ? AND ? GROUP BY inspecting_bureau_id`,
    [...ids, r.first, r.last],
  )) at(row.b).inspected = row.n;

  // 检查结果: results formed (review approved, formed_on) within the month, per category; a target with
  // two results counts under both.
  for (const row of await db.all<{ b: number; c: string; n: number }>(
    `SELECT i.inspecting_bureau_id AS b, c.value AS c, count(*) AS n FROM inspection_results res JOIN inspections i ON i.id = res.inspection_id, json_each(res.categories) c
     WHERE i.inspecting_bureau_id IN ${inList} AND res.formed_on BETWEEN ? AND ? GROUP BY i.inspecting_bureau_id, c.value`,
    [...ids, r.first, r.last],
  )) {
    if ((RESULT_CATEGORIES as readonly string[]).includes(row.c)) at(row.b).byCategory[row.c as ResultCategory] += row.n;
  }

  // 按时 / 逾期录入: results submitted for review (submitted_at, Beijing day) within the month, on time when
  // that day is no later than the 10th working day after the inspection ended (Art. 14(5)). A result
  // returned and submitted again counts once, by its last submission.
  for (const row of await db.all<{ b: number; ended_on: string; submitted_at: string }>(
    `SELECT i.inspecting_bureau_id AS b, i.ended_on, res.submitted_at FROM inspection_results res JOIN inspections i ON i.id = res.inspection_id
     WHERE i.inspecting_bureau_id IN ${inList} AND i.ended_on IS NOT NULL AND res.submitted_at >= ? AND res.submitted_at < ?`,
    [...ids, r.fromUtc, r.toUtc],
  )) {
    if (beijingDay(row.submitted_at) <= resultEntryDue(calendar, row.ended_on).due) at(row.b).entryOnTime++;
    else at(row.b).entryLate++;
  }

  // 按时 / 逾期公示: results published (published_on) within the month, on time when no later than the
  // 10th working day after the result was formed (Art. 16).
  for (const row of await db.all<{ b: number; formed_on: string; published_on: string }>(
    `SELECT i.inspecting_bureau_id AS b, res.formed_on, pub.published_on FROM publications pub JOIN inspections i ON i.id = pub.inspection_id
       JOIN inspection_results res ON res.inspection_id = i.id
     WHERE i.inspecting_bureau_id IN ${inList} AND res.formed_on IS NOT NULL AND pub.published_on BETWEEN ? AND ?`,
    [...ids, r.first, r.last],
  )) {
    if (row.published_on <= publicationDue(calendar, row.formed_on).due) at(row.b).publishedOnTime++;
    else at(row.b).publishedLate++;
  }

  // 未完结后续处置 at the month's end: follow-up opens with the result (formed_on) and stays open until it
  // is closed (follow_up_closed_on); counted when the result was formed by the month's last day and the
  // follow-up was still open then (open now, or closed after that day).
  for (const row of await db.all<{ b: number; n: number }>(
    `SELECT i.inspecting_bureau_id AS b, count(*) AS n FROM inspections i JOIN inspection_results res ON res.inspection_id = i.id
     WHERE i.inspecting_bureau_id IN ${inList} AND res.formed_on <= ?
       AND (i.follow_up_status = 'open' OR (i.follow_up_status = 'closed' AND i.follow_up_closed_on > ?)) GROUP BY i.inspecting_bureau_id`,
    [...ids, r.last, r.last],
  )) at(row.b).openFollowUps = row.n;

  const rows = bureaus.map((b) => ({ bureauId: b.id, bureauName: b.name, divisionCode: b.divisionCode || null, ...at(b.id) }));
  return { month, rows, total: sumCounts(rows) };
}

function sumCounts(rows: readonly Counts[]): Counts {
  const total = emptyCounts();
  for (const row of rows) {
    for (const key of ['tasks', 'drawn', 'inspected', 'entryOnTime', 'entryLate', 'publishedOnTime', 'publishedLate', 'openFollowUps'] as const) total[key] += row[key];
    for (const c of RESULT_CATEGORIES) total.byCategory[c] += row.byCategory[c];
  }
  return total;
}
