import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AuditVerifyReport, PublicationRowDto } from '../../shared/contract';
import { assertNothingWithheld } from '../../electron/core/publish/publication-rows';
import { seededWorld, seedResult } from '../support/result-seed';
import { fixedClock, makeTestContext, type TestContext } from '../support/test-context';

const HEADERS = ['序号', '检查实施机关', '抽查类型', '抽查计划编号', '抽查计划名称', '抽查任务编号', '抽查任务名称', '检查对象名称', '统一社会信用代码', '检查事项', '检查结果', '抽查完成日期', '结果', '备注'];
const PRIVATE_REMARK = '当事人家属身份证号码及家庭住址另附';
const SECRET_REMARK = '配方工艺参数属于商业秘密不予公开';
const SECRET_FINDING = '核心配方比例与供应商合同价格';
const MAY = { from: '2026-05-01', to: '2026-05-31' };
/** "Now" for these tests: after every seeded date, so publication dates are not in the future. */
const TODAY = '2026-06-20T02:00:00.000Z';

async function auditOk(t: TestContext) {
  const { jobId } = await t.admin.call('audit.verify', {});
  await t.app.services.jobs.idle();
  return (await t.admin.call('jobs.get', { id: jobId })).result as AuditVerifyReport;
}

/**
 * Eight drawn inspections at 和平区局 (i0 … i7), results seeded:
 * i0 reviewed 05-06 未发现问题 (public remark) · i1 reviewed 05-07 发现问题已责令改正, remark withheld (privacy) ·
 * i2 reviewed 05-08 but the whole result 不予公开 (trade secret) · i3 awaiting review · i4 reviewed 06-10
 * (outside May) · i5 published 05-12 · i6, i7 left untouched.
 */
async function publishWorld(t: TestContext) {
  const w = await seededWorld(t);
  expect(w.inspections.length).toBeGreaterThanOrEqual(8);
  const i = w.inspections.map((x) => x.inspectionId) as [number, number, number, number, number, number, number, number, ...number[]];
  const [a, b] = w.itemIds as [number, number];
  await seedResult(t, { inspectionId: i[0]!, endedOn: '2026-04-28', formedOn: '2026-05-06', categories: ['no_problem'], remark: '经现场核查，经营正常' });
  await seedResult(t, {
    inspectionId: i[1]!, endedOn: '2026-04-29', formedOn: '2026-05-07', categories: ['corrected'], measures: ['order_correction'], followUp: 'open',
    items: [{ itemId: a, checked: true, finding: '许可证未悬挂' }, { itemId: b, checked: false }], remark: PRIVATE_REMARK, remarkNonPublic: 'privacy',
  });
  await seedResult(t, {
    inspectionId: i[2]!, endedOn: '2026-04-30', formedOn: '2026-05-08', categories: ['pending_follow_up'], measures: ['case_transfer'], followUp: 'open',
    items: [{ itemId: a, checked: true, finding: SECRET_FINDING }, { itemId: b, checked: true }], remark: SECRET_REMARK, nonPublic: 'trade_secret', nonPublicNote: '涉及企业商业秘密，经审核不予公示',
  });
  await seedResult(t, { inspectionId: i[3]!, status: 'awaiting_review', endedOn: '2026-05-06', categories: ['no_problem'] });
  await seedResult(t, { inspectionId: i[4]!, endedOn: '2026-06-01', formedOn: '2026-06-10', categories: ['no_problem'] });
  await seedResult(t, { inspectionId: i[5]!, status: 'published', endedOn: '2026-05-04', formedOn: '2026-05-11', publishedOn: '2026-05-12', categories: ['no_activity'] });
  const clerk = await t.createUser('hp.clerk', '210102', ['clerk']);
  return { w, i, clerk, names: w.inspections.map((x) => x.name) as [string, string, string, ...string[]] };
}

describe('publication of results (publish.*)', () => {
  it('previews and exports one row per target and item with the §8.1 columns, withholding what Art. 16 keeps back', async () => {
    const t = await makeTestContext({ clock: fixedClock(TODAY) });
    const { w, i, clerk, names } = await publishWorld(t);
    const bureau = t.app.services.bureaus.get(w.bureauId);

    const preview = await clerk.call('publish.preview', { bureauId: w.bureauId, ...MAY });
    expect(preview).toMatchObject({ inspectionIds: [i[0], i[1]], withheld: 1, remarksWithheld: 1 });
    expect(preview.rows).toHaveLength(4);
    expect(preview.rows[0]).toEqual({
      inspectionId: i[0], bureauName: bureau.name, drawType: '不定向', planNo: `2026-P${String(w.planId).padStart(4, '0')}`, planTitle: '和平区局2026年度食品安全双随机抽查计划',
      taskNo: `2026-${String(w.taskId).padStart(4, '0')}`, taskTitle: '第二批次 食品经营者抽查', targetName: names[0], targetCode: w.inspections[0]!.code,
      itemName: w.itemNames[0]!, itemResult: '未发现问题', completedOn: '2026-04-28', result: '未发现问题', remark: '经现场核查，经营正常',
    } satisfies PublicationRowDto);
    // i1: the item with a finding carries the result's problem label; the unchecked one says so; the remark is blank.
    expect(preview.rows.filter((r) => r.inspectionId === i[1]).map((r) => [r.itemName, r.itemResult, r.result, r.remark])).toEqual([
      [w.itemNames[0], '发现问题已责令改正', '发现问题已责令改正', ''],
      [w.itemNames[1], '未检查', '发现问题已责令改正', ''],
    ]);
    // Re-export includes the already published one.
    expect((await clerk.call('publish.preview', { bureauId: w.bureauId, ...MAY, includePublished: true })).inspectionIds).toEqual([i[0], i[1], i[5]]);

    // CSV: UTF-8 with BOM, CRLF, RFC 4180 — read back with csv-parse.
    const csv = await clerk.call('publish.export', { bureauId: w.bureauId, ...MAY });
    expect(csv).toMatchObject({ rows: 4, inspections: 2, withheld: 1 });
    expect(csv.fileName).toMatch(/^双随机抽查结果公示-210102-2026-05-01至2026-05-31-\d{8}-\d{6}\.csv$/);
    const bytes = fs.readFileSync(path.join(t.dataDir, 'exports', csv.fileName));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const raw = bytes.toString('utf8');
    expect(raw.split('\r\n')).toHaveLength(6); // header + 4 rows + the empty tail after the last CRLF
    const records = parse(raw, { bom: true, relax_column_count: false }) as string[][];
    expect(records[0]).toEqual(HEADERS);
    expect(records.slice(1).map((r) => [r[0], r[7], r[9], r[10]])).toEqual([
      ['1', names[0], w.itemNames[0], '未发现问题'],
      ['2', names[0], w.itemNames[1], '未发现问题'],
      ['3', names[1], w.itemNames[0], '发现问题已责令改正'],
      ['4', names[1], w.itemNames[1], '未检查'],
    ]);
    expect(records[3]?.[8]).toBe(w.inspections[1]!.code);
    // Nothing withheld reaches the file: not the private remark, not the withheld result's target, remark, note or finding.
    for (const secret of [PRIVATE_REMARK, SECRET_REMARK, SECRET_FINDING, '涉及企业商业秘密', names[2]!, '发现问题待后续处理']) expect(raw).not.toContain(secret);

    // XLSX read back with exceljs: the same header, every cell text (18-character codes intact).
    const xlsx = await clerk.call('publish.export', { bureauId: w.bureauId, ...MAY, format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(t.dataDir, 'exports', xlsx.fileName));
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(5);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(sheet.getRow(2).getCell(9).value).toBe(w.inspections[0]!.code);
    expect(sheet.getRow(4).getCell(14).value ?? '').toBe('');
    for (let r = 1; r <= sheet.rowCount; r++) {
      sheet.getRow(r).eachCell((cell) => {
        expect(String(cell.value)).not.toContain(PRIVATE_REMARK);
        expect(String(cell.value)).not.toContain(SECRET_REMARK);
      });
    }

    // Each export is audited; the chain stays whole.
    const events = (await t.admin.call('audit.list', { limit: 10 })).filter((e) => e.action === 'publish.export');
    expect(events.length).toBe(2);
    const report = await auditOk(t);
    expect(report.ok, JSON.stringify(report.problems)).toBe(true);
    await t.app.close();
  });

  it('refuses to name a 不予公开 or unreviewed result, and another bureau publishing (谁检查谁公示)', async () => {
    const t = await makeTestContext({ clock: fixedClock(TODAY) });
    const { w, i, clerk } = await publishWorld(t);
    const refused = async (caller: typeof clerk, method: string, input: unknown) => {
      const res = await caller.raw(method, input);
      if (res.ok) throw new Error(`${method} unexpectedly succeeded`);
      return res.error;
    };
    expect(await refused(clerk, 'publish.preview', { bureauId: w.bureauId, ...MAY, inspectionIds: [i[0], i[2]] })).toEqual({ code: 'PUBLISH_NON_PUBLIC', details: { inspectionIds: [i[2]] } });
    expect(await refused(clerk, 'publish.export', { bureauId: w.bureauId, ...MAY, inspectionIds: [i[2]], format: 'csv' })).toMatchObject({ code: 'PUBLISH_NON_PUBLIC' });
    expect(await refused(clerk, 'publish.export', { bureauId: w.bureauId, ...MAY, inspectionIds: [i[3]] })).toMatchObject({ code: 'PUBLISH_NOT_REVIEWED', details: { inspectionIds: [i[3]] } });
    expect(await refused(clerk, 'publish.preview', { bureauId: w.bureauId, ...MAY, inspectionIds: [i[6]] })).toMatchObject({ code: 'PUBLISH_NOT_REVIEWED' });
    // Named and allowed: only those.
    expect((await clerk.call('publish.preview', { bureauId: w.bureauId, ...MAY, inspectionIds: [i[1]] })).inspectionIds).toEqual([i[1]]);
    expect(fs.existsSync(path.join(t.dataDir, 'exports')) ? fs.readdirSync(path.join(t.dataDir, 'exports')) : []).toEqual([]);

    // The city bureau may see the district but does not publish its results; a neighbouring district may not even look.
    const city = await t.createUser('city.clerk', '210100', ['clerk']);
    expect(await refused(city, 'publish.preview', { bureauId: w.bureauId, ...MAY })).toMatchObject({ code: 'PUBLISH_NOT_OWN_BUREAU' });
    expect(await refused(city, 'publish.export', { bureauId: w.bureauId, ...MAY })).toMatchObject({ code: 'PUBLISH_NOT_OWN_BUREAU' });
    expect(await refused(city, 'publish.mark', { inspectionIds: [i[0]], publishedOn: '2026-05-12', platforms: ['gsxt'] })).toMatchObject({ code: 'PUBLISH_NOT_OWN_BUREAU', details: { inspectionIds: [i[0]] } });
    const neighbour = await t.createUser('sh.clerk', '210103', ['clerk']);
    expect(await refused(neighbour, 'publish.preview', { bureauId: w.bureauId, ...MAY })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused(neighbour, 'publish.mark', { inspectionIds: [i[0]], publishedOn: '2026-05-12', platforms: ['gsxt'] })).toMatchObject({ code: 'PUBLISH_NOT_OWN_BUREAU' });
    // Inspectors enter results; they do not publish.
    const inspector = await t.createUser('hp.inspector', '210102', ['inspector']);
    expect(await refused(inspector, 'publish.preview', { bureauId: w.bureauId, ...MAY })).toMatchObject({ code: 'FORBIDDEN' });
    await t.app.close();
  });

  it('marks reviewed results published (date, platforms, by), all or nothing', async () => {
    const t = await makeTestContext({ clock: fixedClock(TODAY) });
    const { w, i, clerk } = await publishWorld(t);
    const refusedCode = async (input: unknown) => {
      const res = await clerk.raw('publish.mark', input);
      return res.ok ? 'ok' : res.error.code;
    };
    expect(await refusedCode({ inspectionIds: [i[0], i[2]], publishedOn: '2026-05-12', platforms: ['gsxt'] })).toBe('PUBLISH_NON_PUBLIC');
    expect(await refusedCode({ inspectionIds: [i[0], i[3]], publishedOn: '2026-05-12', platforms: ['gsxt'] })).toBe('PUBLISH_NOT_REVIEWED');
    expect(await refusedCode({ inspectionIds: [i[5]], publishedOn: '2026-05-20', platforms: ['gsxt'] })).toBe('PUBLISH_NOT_REVIEWED'); // already published
    expect(await refusedCode({ inspectionIds: [i[0]], publishedOn: '2026-05-01', platforms: ['gsxt'] })).toBe('INSPECTION_DATES_INVALID'); // before the result was formed
    expect(await refusedCode({ inspectionIds: [i[0]], publishedOn: '2026-06-21', platforms: ['gsxt'] })).toBe('INSPECTION_DATES_INVALID'); // after today
    expect(await refusedCode({ inspectionIds: [99999], publishedOn: '2026-05-12', platforms: ['gsxt'] })).toBe('NOT_FOUND');
    expect((await t.app.db.get<{ n: number }>(`SELECT count(*) AS n FROM publications`))?.n).toBe(1); // only the seeded one

    const me = await clerk.call('auth.me', {});
    expect(await clerk.call('publish.mark', { inspectionIds: [i[0]!, i[1]!], publishedOn: '2026-05-12', platforms: ['gsxt', 'credit_china'] })).toEqual({ published: 2 });
    const rows = await t.app.db.all<{ id: number; status: string; published_on: string; platforms: string; published_by: number }>(
      `SELECT i.id, i.status, p.published_on, p.platforms, p.published_by FROM inspections i JOIN publications p ON p.inspection_id = i.id WHERE i.id IN (?, ?) ORDER BY i.id`,
      [i[0], i[1]],
    );
    expect(rows).toEqual([
      { id: i[0], status: 'published', published_on: '2026-05-12', platforms: '["gsxt","credit_china"]', published_by: me.id },
      { id: i[1], status: 'published', published_on: '2026-05-12', platforms: '["gsxt","credit_china"]', published_by: me.id },
    ].sort((a, b) => (a.id ?? 0) - (b.id ?? 0)));
    // Published ones leave the default preview and come back on re-export.
    expect((await clerk.call('publish.preview', { bureauId: w.bureauId, ...MAY })).inspectionIds).toEqual([]);
    expect((await clerk.call('publish.preview', { bureauId: w.bureauId, ...MAY, includePublished: true })).inspectionIds).toEqual([i[0], i[1], i[5]]);
    const report = await auditOk(t);
    expect(report.ok, JSON.stringify(report.problems)).toBe(true);
    await t.app.close();
  });

  it('the last guard refuses a file in which a withheld text appears, wherever it came from', async () => {
    const t = await makeTestContext({ clock: fixedClock(TODAY) });
    const w = await seededWorld(t);
    const [x, y] = w.inspections;
    // A public result whose remark quotes the withheld one: the row builder publishes remarks, the guard catches it.
    await seedResult(t, { inspectionId: x!.inspectionId, endedOn: '2026-07-01', formedOn: '2026-07-02', categories: ['no_problem'], remark: `参见：${SECRET_REMARK}` });
    await seedResult(t, { inspectionId: y!.inspectionId, endedOn: '2026-07-01', formedOn: '2026-07-02', categories: ['no_problem'], remark: SECRET_REMARK, nonPublic: 'trade_secret' });
    const clerk = await t.createUser('hp.clerk', '210102', ['clerk']);
    const res = await clerk.raw('publish.export', { bureauId: w.bureauId, from: '2026-07-01', to: '2026-07-31' });
    expect(res).toMatchObject({ ok: false, error: { code: 'PUBLISH_NON_PUBLIC', details: { inspectionIds: [x!.inspectionId] } } });
    expect(fs.existsSync(path.join(t.dataDir, 'exports')) ? fs.readdirSync(path.join(t.dataDir, 'exports')) : []).toEqual([]);

    // Short texts and the result vocabulary are not secrets worth refusing a file over.
    const row = { inspectionId: 1, remark: '', result: '未发现问题', itemResult: '未发现问题' } as PublicationRowDto;
    expect(() => assertNothingWithheld([row], ['未发现问题', '无', null])).not.toThrow();
    expect(() => assertNothingWithheld([{ ...row, remark: 'x 商业秘密内容 y' }], ['商业秘密内容'])).toThrow(/PUBLISH_NON_PUBLIC|不予公示/);
    await t.app.close();
  });
});
