import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { completeUscc } from '../../shared/domain/uscc';
import { makeTestContext, tempDir, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(async () => t?.app.close());

describe('cancelling an import', () => {
  it('mid-file: the job is cancelled and the directory and history are exactly as before', async () => {
    t = await makeTestContext();
    const historyBefore = (await t.app.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM entity_history'))?.n;
    const file = path.join(tempDir(), 'big.csv');
    const lines = ['统一社会信用代码,名称,属地'];
    for (let i = 0; i < 40_000; i++) lines.push(`${completeUscc(`91210102${String(i).padStart(8, '0')}`)},沈阳取消测试第${i}号有限公司,和平区`);
    fs.writeFileSync(file, lines.join('\n'));
    const staged = await t.admin.call('imports.stageFile', { path: file });
    let cancelled = false;
    const off = t.app.events.subscribe((e) => {
      if (!cancelled && e.type === 'job.progress' && e.phase === 'rows') {
        cancelled = true;
        void t.admin.call('jobs.cancel', { id: e.jobId });
      }
    });
    const { jobId } = await t.admin.call('imports.start', { stagedId: staged.id, directory: 'targets' } as never);
    await t.app.services.jobs.idle();
    off();
    expect(cancelled).toBe(true);
    expect((await t.admin.call('jobs.get', { id: jobId })).state).toBe('cancelled');
    // Give any stray statement a moment to land, then look: nothing may have been written.
    await new Promise((r) => setTimeout(r, 200));
    expect((await t.app.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM targets'))?.n).toBe(0);
    expect((await t.app.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM entity_history'))?.n).toBe(historyBefore);
    expect((await t.app.services.audit.verify(async () => undefined)).ok).toBe(true);
  }, 60_000);
});
