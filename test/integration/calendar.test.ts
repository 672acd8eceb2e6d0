import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditVerifyReport, CalendarYearDto } from '../../shared/contract';
import { createAppContext } from '../../electron/core/app-context';
import { createHeadlessPlatform } from '../../electron/host/headless-platform';
import { fixedClock, makeTestContext, memoryLogger, RESOURCES_DIR, type TestContext } from '../support/test-context';

let t: TestContext | null = null;
afterEach(async () => {
  await t?.app.close();
  t = null;
});

/** Invented for the test (not the real 2027 notice): 元旦 2027-01-01 (Fri) off, 2027-02-06 (Sat) a make-up day. */
const FILE_2027 = JSON.stringify({
  year: 2027,
  papers: ['https://example.invalid/test-notice-2027'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '春节', date: '2027-02-06', isOffDay: false },
  ],
});

/** The bundled 2026 file plus an invented day off on Monday 2026-03-02. */
function corrected2026(): string {
  const file = JSON.parse(fs.readFileSync(path.join(RESOURCES_DIR, 'holidays', '2026.json'), 'utf8')) as { days: unknown[] };
  file.days.push({ name: '测试', date: '2026-03-02', isOffDay: true });
  return JSON.stringify(file);
}

async function verify(ctx: TestContext): Promise<AuditVerifyReport> {
  const { jobId } = await ctx.admin.call('audit.verify', {});
  await ctx.app.services.jobs.idle();
  return (await ctx.admin.call('jobs.get', { id: jobId })).result as AuditVerifyReport;
}

const count = async (ctx: TestContext, table: string) => (await ctx.app.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n ?? 0;
const yearOf = (years: CalendarYearDto[], year: number) => years.find((y) => y.year === year);

describe('working-day calendar through dispatch', () => {
  it('any signed-in user counts working days on the bundled holidays; bad input is refused', async () => {
    t = await makeTestContext();
    const inspector = await t.createUser('hp.inspector', '210102', ['inspector']);
    expect(await inspector.call('calendar.addWorkdays', { date: '2025-09-26', days: 10 })).toEqual({ due: '2025-10-16', calendarCovered: true });
    expect(await inspector.call('calendar.addWorkdays', { date: '2031-03-07', days: 10 })).toEqual({ due: '2031-03-21', calendarCovered: false });
    expect((await inspector.raw('calendar.addWorkdays', { date: '2025-02-30', days: 1 })).ok).toBe(false);
    expect(await inspector.raw('calendar.addWorkdays', { date: '2025-09-26', days: -1 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.caller(null).raw('calendar.addWorkdays', { date: '2025-09-26', days: 1 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    const years = await inspector.call('calendar.years', {});
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: 20 }, (_, i) => 2007 + i));
    expect(yearOf(years, 2025)).toMatchObject({ source: 'bundled', dayCount: 33, offDays: 28, makeUpDays: 5, importedAt: null, papers: ['https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'] });
    expect(yearOf(years, 2025)?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an admin imports a newer year and a correction of a bundled one; both persist; audit verify stays ok', async () => {
    t = await makeTestContext();
    // Before: 2027 is unknown, so 2027-01-01 (Fri) is assumed a working day.
    expect(await t.admin.call('calendar.addWorkdays', { date: '2026-12-30', days: 2 })).toEqual({ due: '2027-01-01', calendarCovered: false });

    const y2027 = await t.admin.call('calendar.importYear', { json: FILE_2027 });
    expect(y2027).toEqual({ year: 2027, source: 'imported', dayCount: 2, offDays: 1, makeUpDays: 1, papers: ['https://example.invalid/test-notice-2027'], sha256: expect.stringMatching(/^[0-9a-f]{64}$/), importedAt: '2026-03-02T09:00:00.000Z' });
    // 12-31 (Thu) = 1, 2027-01-01 off, weekend, 01-04 (Mon) = 2.
    expect(await t.admin.call('calendar.addWorkdays', { date: '2026-12-30', days: 2 })).toEqual({ due: '2027-01-04', calendarCovered: true });
    // 2027-02-05 (Fri) + 1 → the make-up Saturday.
    expect(await t.admin.call('calendar.addWorkdays', { date: '2027-02-05', days: 1 })).toEqual({ due: '2027-02-06', calendarCovered: true });

    // Bundled 2026: 2026-02-10 + 10 → 03-02; the imported file makes 03-02 a day off → 03-03.
    expect((await t.admin.call('calendar.addWorkdays', { date: '2026-02-10', days: 10 })).due).toBe('2026-03-02');
    const y2026 = await t.admin.call('calendar.importYear', { json: corrected2026() });
    expect(y2026).toMatchObject({ year: 2026, source: 'imported', dayCount: 40, offDays: 34, makeUpDays: 6 });
    expect((await t.admin.call('calendar.addWorkdays', { date: '2026-02-10', days: 10 })).due).toBe('2026-03-03');
    const years = await t.admin.call('calendar.years', {});
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: 21 }, (_, i) => 2007 + i));
    expect(yearOf(years, 2026)?.source).toBe('imported');

    // Each import is one audited event on entity holiday_year; importing the same file again records nothing.
    const events = (await t.admin.call('audit.list', { limit: 10 })).filter((e) => e.entity === 'holiday_year');
    expect(events.map((e) => [e.action, e.entityId])).toEqual([['calendar.importYear', '2026'], ['calendar.importYear', '2027']]);
    const before = await count(t, 'audit_events');
    expect(await t.admin.call('calendar.importYear', { json: FILE_2027 })).toEqual(y2027);
    expect(await count(t, 'audit_events')).toBe(before);
    expect(await verify(t)).toMatchObject({ ok: true, problems: [] });

    // A restart reads the imports back from the data folder.
    const dataDir = t.dataDir;
    await t.app.close();
    t = null;
    const app = await createAppContext({ dataDir, resourcesDir: RESOURCES_DIR, platform: createHeadlessPlatform(), clock: fixedClock(), logger: memoryLogger().logger });
    try {
      expect(app.services.calendar.addWorkdays('2026-02-10', 10)).toEqual({ due: '2026-03-03', calendarCovered: true });
      expect(app.services.calendar.years().filter((y) => y.source === 'imported').map((y) => y.year)).toEqual([2026, 2027]);
    } finally {
      await app.close();
    }
  });

  it('a non-admin may not import; a malformed or empty file is CALENDAR_FILE_INVALID and stores nothing', async () => {
    t = await makeTestContext();
    const clerk = await t.createUser('city.clerk', '210100', ['clerk', 'legal']);
    expect(await clerk.raw('calendar.importYear', { json: FILE_2027 })).toEqual({ ok: false, error: { code: 'FORBIDDEN', details: { method: 'calendar.importYear', requiredRoles: ['admin'] } } });

    const events = await count(t, 'audit_events');
    const notJson = await t.admin.raw('calendar.importYear', { json: '{"year": 2027, "days": [' });
    expect(notJson).toMatchObject({ ok: false, error: { code: 'CALENDAR_FILE_INVALID', details: { problems: [expect.stringMatching(/^不是有效的 JSON/)] } } });
    const wrongYear = JSON.stringify({ year: 2027, papers: [], days: [{ name: '元旦', date: '2026-06-01', isOffDay: true }] });
    expect(await t.admin.raw('calendar.importYear', { json: wrongYear })).toMatchObject({ ok: false, error: { code: 'CALENDAR_FILE_INVALID', details: { problems: [expect.stringContaining('不属于 2027 年度')] } } });
    const duplicate = JSON.stringify({ year: 2027, papers: [], days: [{ name: 'a', date: '2027-01-01', isOffDay: true }, { name: 'b', date: '2027-01-01', isOffDay: false }] });
    expect(await t.admin.raw('calendar.importYear', { json: duplicate })).toMatchObject({ ok: false, error: { code: 'CALENDAR_FILE_INVALID' } });
    // Upstream's placeholder for a year whose notice is not out: would only blank the year out.
    const empty2026 = JSON.stringify({ year: 2026, papers: [], days: [] });
    expect(await t.admin.raw('calendar.importYear', { json: empty2026 })).toMatchObject({ ok: false, error: { code: 'CALENDAR_FILE_INVALID', details: { year: 2026 } } });

    expect(await count(t, 'holiday_years')).toBe(0);
    expect(await count(t, 'audit_events')).toBe(events);
    expect(yearOf(await t.admin.call('calendar.years', {}), 2026)?.source).toBe('bundled');
    expect((await t.admin.call('calendar.addWorkdays', { date: '2026-02-10', days: 10 })).due).toBe('2026-03-02');
    expect(await verify(t)).toMatchObject({ ok: true });
  });

  it('an imported file edited behind the app’s back fails audit verify and is not used after a restart', async () => {
    t = await makeTestContext();
    await t.admin.call('calendar.importYear', { json: FILE_2027 });
    await t.app.db.write((tx) => tx.run(`UPDATE holiday_years SET raw_json = replace(raw_json, '2027-02-06', '2027-02-13') WHERE year = 2027`));
    const report = await verify(t);
    expect(report.problems).toEqual([{ kind: 'entity', seq: null, entity: 'holiday_year:2027', detail: 'row differs from its last audited state' }]);

    const dataDir = t.dataDir;
    await t.app.close();
    t = null;
    const { logger, entries } = memoryLogger();
    const app = await createAppContext({ dataDir, resourcesDir: RESOURCES_DIR, platform: createHeadlessPlatform(), clock: fixedClock(), logger });
    try {
      expect(app.services.calendar.years().map((y) => y.year)).not.toContain(2027);
      expect(entries).toEqual(expect.arrayContaining([expect.objectContaining({ level: 'error', context: { year: 2027 } })]));
    } finally {
      await app.close();
    }
  });
});
