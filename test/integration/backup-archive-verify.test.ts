import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FixityRunDto } from '../../shared/contract';
import { restoreBackup } from '../../electron/core/backup/backup-service';
import { createAppContext, type AppContext } from '../../electron/core/app-context';
import { createHeadlessPlatform } from '../../electron/host/headless-platform';
import { archiveStaff, completeVolume, verifyArchive } from '../support/archive-fixtures';
import { fixture, scanBatch } from '../support/scan-fixtures';
import { RESOURCES_DIR, fixedClock, makeTestContext, memoryLogger, tempDir } from '../support/test-context';
import { bindVolume } from '../support/volume-fixtures';
import { runJob } from './transfer-fixtures';

/** Call a method in another app context as its admin and wait for the jobs it starts. */
async function as<T>(app: AppContext, method: string, input: unknown): Promise<T> {
  const session = await app.services.auth.sessionForLogin('admin');
  const res = await app.dispatch({ method, input }, session);
  if (!res.ok) throw new Error(`${method}: ${JSON.stringify(res.error)}`);
  await app.services.jobs.idle();
  return res.value as T;
}

describe('a restored backup', () => {
  it('gives the same four-property check and finds the same scanned text as the original', async () => {
    const t = await makeTestContext();
    const v = await completeVolume(t);
    const { clerk } = await archiveStaff(t);
    await scanBatch(t, [{ name: 'licence.png', bytes: fixture('scan-upright.png') }], { volumeId: v.volumeId, docType: 'evidence' }, clerk);
    await bindVolume(t, v.volumeId, clerk);
    const before = await verifyArchive(t);
    expect(before, JSON.stringify(before.failures)).toMatchObject({ ok: true, failures: [] });
    const hitsBefore = (await t.admin.call('scans.search', { q: '食品安全监督' })).hits.map((h) => h.pageId);
    expect(hitsBefore).toHaveLength(1);

    const dir = path.join(tempDir(), 'backup');
    expect((await runJob(t, 'backup.run', { dir })).state).toBe('succeeded');
    const target = path.join(tempDir(), 'restored');
    const openFolder = async (dataDir: string) => {
      const app = await createAppContext({ dataDir, resourcesDir: RESOURCES_DIR, platform: createHeadlessPlatform(), clock: fixedClock(), logger: memoryLogger().logger, resumeJobs: false });
      return { schemaVersion: () => app.db.schemaVersion(), verifyAudit: () => app.services.audit.verify(async () => undefined), close: () => app.close() };
    };
    expect(await restoreBackup({ dir, dataDir: target, openFolder })).toMatchObject({ auditOk: true });

    const restored = await createAppContext({ dataDir: target, resourcesDir: RESOURCES_DIR, platform: createHeadlessPlatform(), clock: t.clock, logger: memoryLogger().logger });
    try {
      const { runId } = await as<{ runId: number }>(restored, 'archives.verify', {});
      const after = await as<FixityRunDto>(restored, 'archives.fixityRun', { id: runId });
      expect(after, JSON.stringify(after.failures)).toMatchObject({ ok: true, checked: before.checked, pages: before.pages, failures: [] });
      const hitsAfter = await as<{ hits: { pageId: number }[] }>(restored, 'scans.search', { q: '食品安全监督' });
      expect(hitsAfter.hits.map((h) => h.pageId)).toEqual(hitsBefore);
    } finally {
      await restored.close();
    }
  }, 240_000);
});
