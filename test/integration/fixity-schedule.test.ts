import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedClock, makeTestContext } from '../support/test-context';

const DAY = 24 * 60 * 60 * 1000;

describe('periodic four-property checks (定期四性检测)', () => {
  afterEach(() => vi.useRealTimers());

  it('off by default; every N days per bureau as a normal job started by the system, counted from the last full check; the hourly timer starts a due one', async () => {
    const clock = fixedClock('2026-03-02T09:00:00.000Z');
    const t = await makeTestContext({ clock });
    const schedule = t.app.services.fixitySchedule;
    const admin = () => t.signIn('admin', t.adminPassword); // a session a week later is a new one
    const heping = t.bureauId('210102');
    expect(await t.admin.call('archives.getSettings', { bureauId: heping })).toMatchObject({ fixityIntervalDays: null, nextFixityAt: null });
    expect(await schedule.checkDue()).toEqual([]);

    const settings = await t.admin.call('archives.updateFixitySchedule', { bureauId: heping, intervalDays: 7 });
    expect(settings).toMatchObject({ fixityIntervalDays: 7, lastFixityAt: null, nextFixityAt: '2026-03-02T09:00:00.000Z' });
    const [first] = await schedule.checkDue();
    expect(first).toBeDefined();
    await t.app.services.jobs.idle();
    const run = await t.admin.call('archives.fixityRun', { id: first as number });
    expect(run).toMatchObject({ state: 'finished', ok: true, startedBy: null, volumeId: null });
    const job = await t.admin.call('jobs.get', { id: run.jobId as number });
    expect(job).toMatchObject({ kind: 'archives.verify', state: 'succeeded' });
    expect(await t.admin.call('archives.getSettings', { bureauId: heping })).toMatchObject({ lastFixityAt: '2026-03-02T09:00:00.000Z', nextFixityAt: '2026-03-09T09:00:00.000Z' });

    clock.advance(6 * DAY + 23 * 3600_000);
    expect(await schedule.checkDue()).toEqual([]); // not yet due
    // A check run by a person over the bureau counts as the last one.
    clock.advance(3600_000);
    const manual = await (await admin()).call('archives.verify', {});
    await t.app.services.jobs.idle();
    expect(await schedule.checkDue()).toEqual([]);
    expect((await (await admin()).call('archives.getSettings', { bureauId: heping })).lastFixityAt).toBe('2026-03-09T09:00:00.000Z');
    expect(manual.runId).toBeGreaterThan(first as number);

    // The host's timer: a look at start and every hour.
    clock.advance(7 * DAY);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const before = (await t.app.db.get<{ n: number }>('SELECT count(*) AS n FROM fixity_runs WHERE scheduled = 1'))!.n;
    schedule.start();
    await vi.waitFor(async () => expect((await t.app.db.get<{ n: number }>('SELECT count(*) AS n FROM fixity_runs WHERE scheduled = 1'))!.n).toBe(before + 1), { timeout: 10_000 });
    await t.app.services.jobs.idle();
    clock.advance(7 * DAY);
    vi.advanceTimersByTime(3600_000);
    await vi.waitFor(async () => expect((await t.app.db.get<{ n: number }>('SELECT count(*) AS n FROM fixity_runs WHERE scheduled = 1'))!.n).toBe(before + 2), { timeout: 10_000 });
    await t.app.services.jobs.idle();

    // Off again: nothing more.
    await (await admin()).call('archives.updateFixitySchedule', { bureauId: heping, intervalDays: null });
    clock.advance(30 * DAY);
    expect(await schedule.checkDue()).toEqual([]);
    await t.app.close();
  }, 120_000);
});
