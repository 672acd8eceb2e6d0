import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors/app-error';
import { makeTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(async () => t?.app.close());

describe('jobs', () => {
  it('a job reports progress, can be cancelled mid-run, and cannot be cancelled twice', async () => {
    t = await makeTestContext();
    const jobs = t.app.services.jobs;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let seen = 0;
    jobs.register('audit.verify', async (ctx) => {
      for (let i = 1; i <= 100; i++) {
        if (i === 10) await gate;
        t.clock.advance(1000); // every progress call is persisted
        await ctx.progress(i, 100, 'step');
        seen = i;
      }
      return 'finished';
    });
    const { jobId } = await t.admin.call('audit.verify', {});
    await new Promise((r) => setTimeout(r, 50));
    expect((await t.admin.call('jobs.get', { id: jobId })).state).toBe('running');
    await t.admin.call('jobs.cancel', { id: jobId });
    release();
    await jobs.idle();
    const job = await t.admin.call('jobs.get', { id: jobId });
    expect(job.state).toBe('cancelled');
    expect(seen).toBeLessThan(100);
    expect(await t.admin.raw('jobs.cancel', { id: jobId })).toMatchObject({ ok: false, error: { code: 'JOB_NOT_CANCELLABLE' } });
  });

  it('a failing job stores its error code; an unexpected error becomes INTERNAL', async () => {
    t = await makeTestContext();
    const jobs = t.app.services.jobs;
    jobs.register('audit.verify', async () => {
      throw new AppError('DISK_FULL');
    });
    const a = await jobs.start('audit.verify', {}, null);
    await jobs.idle();
    expect(await jobs.get(a.id)).toMatchObject({ state: 'failed', errorCode: 'DISK_FULL' });
    jobs.register('audit.verify', async () => {
      throw new TypeError('boom');
    });
    const b = await jobs.start('audit.verify', {}, null);
    await jobs.idle();
    expect(await jobs.get(b.id)).toMatchObject({ state: 'failed', errorCode: 'INTERNAL' });
  });

  it('a job that was running when the app stopped resumes from its checkpoint at the next start', async () => {
    t = await makeTestContext();
    const dataDir = t.dataDir;
    const jobs = t.app.services.jobs;
    jobs.register('audit.verify', async (ctx) => {
      await ctx.saveCheckpoint({ next: 3 });
      await new Promise(() => undefined); // never finishes in this run
    });
    const job = await jobs.start('audit.verify', { items: 5 }, null);
    await new Promise((r) => setTimeout(r, 50));
    // Simulate a crash: close the database without letting the job finish.
    await t.app.db.close();

    const { createAppContext } = await import('../../electron/core/app-context');
    const { createHeadlessPlatform } = await import('../../electron/host/headless-platform');
    const { RESOURCES_DIR, fixedClock } = await import('../support/test-context');
    const app2 = await createAppContext({ dataDir, resourcesDir: RESOURCES_DIR, platform: createHeadlessPlatform(), clock: fixedClock(), resumeJobs: false });
    const resumedFrom: unknown[] = [];
    app2.services.jobs.register('audit.verify', async (ctx) => {
      resumedFrom.push(ctx.checkpoint, ctx.input);
      await ctx.progress(5, 5, 'done');
      return { resumed: true };
    });
    expect(await app2.services.jobs.resume()).toBe(1);
    await app2.services.jobs.idle();
    expect(resumedFrom).toEqual([{ next: 3 }, { items: 5 }]);
    expect(await app2.services.jobs.get(job.id)).toMatchObject({ state: 'succeeded', done: 5, total: 5, result: { resumed: true } });
    await app2.close();
    t = undefined as unknown as TestContext;
  });
});
