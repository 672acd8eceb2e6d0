import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { MonthlyReportRowDto } from '../../shared/contract';
import { RESULT_CATEGORIES, RESULT_CATEGORY_LABELS, type ResultCategory } from '../../shared/domain/inspections/inspections';
import { seededWorld, seedResult } from '../support/result-seed';
import { makeTestContext, type TestContext } from '../support/test-context';

const zeros = Object.fromEntries(RESULT_CATEGORIES.map((c) => [c, 0])) as Record<ResultCategory, number>;

/**
 * May 2026 at 和平区局, around the 劳动节 holiday (1–5 May off, Saturday 9 May worked):
 * - entry due 10 working days after the end: 28 Apr → 14 May (12 May without the holiday).
 *   i0 submitted 13 May (on time), i1 at 00:30 on 15 May Beijing = 14 May UTC (late: Beijing days count),
 *   i2 ended 6 May, submitted 8 May (on time), i7 ended 10 Apr, submitted 1 May Beijing = 30 Apr UTC (late, and in May).
 * - publication due 10 working days after forming: i2 formed 8 May → 21 May, published 20 May (on time);
 *   i3 formed 27 Apr → 13 May, published 12 May (on time only because of the holiday); i4 formed 23 Apr →
 *   11 May, published 12 May (late).
 * - follow-up open at the end of May: i1 (formed 18 May, open), i5 (closed 3 June); not i6 (closed 20 May).
 */
async function reportWorld(t: TestContext) {
  const w = await seededWorld(t);
  expect(w.inspections.length).toBeGreaterThanOrEqual(8);
  const i = w.inspections.map((x) => x.inspectionId);
  await seedResult(t, { inspectionId: i[0]!, endedOn: '2026-04-28', submittedAt: '2026-05-13T02:00:00.000Z', formedOn: '2026-05-14', categories: ['no_problem'] });
  await seedResult(t, {
    inspectionId: i[1]!, endedOn: '2026-04-28', submittedAt: '2026-05-14T16:30:00.000Z', formedOn: '2026-05-18',
    categories: ['unpublished_info', 'pending_follow_up'], measures: ['order_correction'], followUp: 'open',
  });
  await seedResult(t, { inspectionId: i[2]!, status: 'published', endedOn: '2026-05-06', submittedAt: '2026-05-08T01:00:00.000Z', formedOn: '2026-05-08', publishedOn: '2026-05-20', categories: ['no_problem'] });
  await seedResult(t, { inspectionId: i[3]!, status: 'published', endedOn: '2026-04-20', submittedAt: '2026-04-24T02:00:00.000Z', formedOn: '2026-04-27', publishedOn: '2026-05-12', categories: ['no_activity'] });
  await seedResult(t, { inspectionId: i[4]!, status: 'published', endedOn: '2026-04-20', submittedAt: '2026-04-22T02:00:00.000Z', formedOn: '2026-04-23', publishedOn: '2026-05-12', categories: ['deregistered'] });
  await seedResult(t, { inspectionId: i[5]!, endedOn: '2026-04-08', submittedAt: '2026-04-09T02:00:00.000Z', formedOn: '2026-04-10', categories: ['unreachable'], measures: ['refer_daily'], followUp: 'closed', followUpClosedOn: '2026-06-03' });
  await seedResult(t, { inspectionId: i[6]!, endedOn: '2026-04-08', submittedAt: '2026-04-09T02:00:00.000Z', formedOn: '2026-04-10', categories: ['obstructed'], measures: ['refer_daily'], followUp: 'closed', followUpClosedOn: '2026-05-20' });
  await seedResult(t, { inspectionId: i[7]!, status: 'awaiting_review', endedOn: '2026-04-10', submittedAt: '2026-04-30T17:00:00.000Z', categories: ['no_problem'] });
  return { w, drawn: w.inspections.length };
}

const MAY_HEPING = {
  tasks: 2, // drawWorld's task and the seeded one, both 1 Apr – 30 Jun
  drawn: 0, // the draw ran on 2 March
  inspected: 1, // only i2 ended in May
  byCategory: { ...zeros, no_problem: 2, unpublished_info: 1, pending_follow_up: 1 },
  entryOnTime: 2,
  entryLate: 2,
  publishedOnTime: 2,
  publishedLate: 1,
  openFollowUps: 2,
};

describe('monthly report (月报表)', () => {
  it('counts a seeded month per bureau, with on-time and late entries and publications across the May holiday', async () => {
    const t = await makeTestContext();
    const { w, drawn } = await reportWorld(t);
    // The deadlines the test is built on, from the app's own calendar.
    expect(t.app.services.calendar.addWorkdays('2026-04-28', 10).due).toBe('2026-05-14');
    expect(t.app.services.calendar.addWorkdays('2026-04-27', 10).due).toBe('2026-05-13');
    expect(t.app.services.calendar.addWorkdays('2026-04-23', 10).due).toBe('2026-05-11');

    const heping = await t.admin.call('reports.monthly', { bureauId: w.bureauId, month: '2026-05' });
    expect(heping.rows).toHaveLength(1);
    expect(heping.rows[0]).toEqual({ bureauId: w.bureauId, bureauName: t.app.services.bureaus.get(w.bureauId).name, divisionCode: '210102', ...MAY_HEPING } satisfies MonthlyReportRowDto);
    expect(heping.total).toEqual(MAY_HEPING);

    // The city's report lists every bureau of its subtree (itself first); the total adds them up.
    const cityId = t.bureauId('210100');
    const city = await t.admin.call('reports.monthly', { bureauId: cityId, month: '2026-05' });
    expect(city.rows[0]?.bureauId).toBe(cityId);
    expect(city.rows.length).toBe(t.app.services.bureaus.subtree(cityId).length);
    expect(city.rows.find((r) => r.bureauId === w.bureauId)).toMatchObject(MAY_HEPING);
    expect(city.total).toEqual(MAY_HEPING);

    // March: the draw (and nothing else).
    const march = await t.admin.call('reports.monthly', { bureauId: w.bureauId, month: '2026-03' });
    expect(march.total).toEqual({ tasks: 0, drawn, inspected: 0, byCategory: zeros, entryOnTime: 0, entryLate: 0, publishedOnTime: 0, publishedLate: 0, openFollowUps: 0 });
    // April: results formed then, and follow-ups open at its end (i5, i6 formed 10 April).
    const april = await t.admin.call('reports.monthly', { bureauId: w.bureauId, month: '2026-04' });
    expect(april.total).toMatchObject({ inspected: 7, openFollowUps: 2, byCategory: { ...zeros, no_activity: 1, deregistered: 1, unreachable: 1, obstructed: 1 } });

    // A neighbouring district's user may not see 和平区局's report; a bad month is refused.
    const neighbour = await t.createUser('sh.clerk', '210103', ['clerk']);
    expect(await neighbour.raw('reports.monthly', { bureauId: w.bureauId, month: '2026-05' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.admin.raw('reports.monthly', { bureauId: w.bureauId, month: '2026-13' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await t.app.close();
  });

  it('exports the report as XLSX: title, bold two-row header with the result categories as columns, a row per bureau, totals', async () => {
    const t = await makeTestContext();
    await reportWorld(t);
    const cityId = t.bureauId('210100');
    const { fileName } = await t.admin.call('reports.exportMonthly', { bureauId: cityId, month: '2026-05' });
    expect(fileName).toMatch(/^月报表-210100-2026-05-\d{8}-\d{6}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(t.dataDir, 'exports', fileName));
    const sheet = book.getWorksheet('月报表')!;
    const city = t.app.services.bureaus.get(cityId);
    expect(sheet.getCell('A1').value).toBe(`${city.name} 2026年5月 双随机抽查工作月报表`);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    const header = (sheet.getRow(4).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 5)).toEqual(['单位', '区划代码', '抽查任务数', '抽取对象数', '已检查对象数']);
    expect(header.slice(5, 5 + RESULT_CATEGORIES.length)).toEqual(RESULT_CATEGORIES.map((c) => RESULT_CATEGORY_LABELS[c]));
    expect(header.slice(5 + RESULT_CATEGORIES.length)).toEqual(['按时录入', '逾期录入', '按时公示', '逾期公示', '月末未完结后续处置']);
    expect(sheet.getRow(3).getCell(6).value).toBe('检查结果（按结果形成日期）');
    expect(sheet.getRow(4).getCell(6).font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBeGreaterThan(20);

    const bureaus = t.app.services.bureaus.subtree(cityId).length;
    const heping = [...Array(bureaus).keys()].map((k) => sheet.getRow(5 + k)).find((r) => r.getCell(2).value === '210102')!;
    const col = (label: string) => header.indexOf(label) + 1;
    expect(heping.getCell(col('抽查任务数')).value).toBe(2);
    expect(heping.getCell(col('未发现问题')).value).toBe(2);
    expect(heping.getCell(col('逾期录入')).value).toBe(2);
    expect(heping.getCell(col('逾期公示')).value).toBe(1);
    const total = sheet.getRow(5 + bureaus);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.font?.bold).toBe(true);
    expect(total.getCell(col('按时公示')).value).toBe(2);
    expect(total.getCell(col('月末未完结后续处置')).value).toBe(2);
    expect(sheet.rowCount).toBe(5 + bureaus);
    expect(book.getWorksheet('指标说明')?.rowCount).toBeGreaterThan(5);
    expect((await t.admin.call('audit.list', { limit: 5 })).some((e) => e.action === 'reports.exportMonthly')).toBe(true);
    await t.app.close();
  });
});
