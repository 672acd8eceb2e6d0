import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../electron/core/audit/audit-service';
import { createAppContext, type AppContext } from '../../electron/core/app-context';
import { createHeadlessPlatform } from '../../electron/host/headless-platform';
import { approveForArchive, archiveStaff, completeVolume, verifyArchive } from '../support/archive-fixtures';
import { makeTestContext, memoryLogger, RESOURCES_DIR, seededRandom, type TestContext } from '../support/test-context';
import { bindVolume, pageText } from '../support/volume-fixtures';

/** While `during` runs, the reviewed binding's file is away: an archived-file job started then fails (as if the app had died). */
async function bindingAway<T>({ app }: TestContext, volumeId: number, during: () => Promise<T>): Promise<T> {
  const { blob_sha256 } = (await app.db.get<{ blob_sha256: string }>('SELECT blob_sha256 FROM volume_bindings WHERE volume_id = ? ORDER BY version DESC LIMIT 1', [volumeId]))!;
  const file = app.services.blobs.pathOf(blob_sha256);
  fs.renameSync(file, `${file}.away`);
  try {
    const out = await during();
    await app.services.jobs.idle();
    return out;
  } finally {
    fs.renameSync(`${file}.away`, file);
  }
}

const open = (t: TestContext) => createAppContext({ dataDir: t.dataDir, resourcesDir: RESOURCES_DIR, platform: createHeadlessPlatform(), clock: t.clock, random: seededRandom(`${t.dataDir}:again`), logger: memoryLogger().logger });
const jobsFor = async (app: AppContext, volumeId: number) =>
  app.db.all<{ state: string; supplement: number | null }>(`SELECT state, json_extract(input, '$.supplementId') AS supplement FROM jobs WHERE kind = 'archives.archivedFile' AND json_extract(input, '$.volumeId') = ? ORDER BY id`, [volumeId]);

async function checkVolume(app: AppContext, volumeId: number) {
  const { runId } = await app.services.fixity.start(SYSTEM_ACTOR, { volumeId, bureauIds: [] });
  await app.services.jobs.idle();
  return app.services.fixity.get(runId, () => undefined);
}

describe('archived files that were never made (issue 8)', () => {
  it('missing → 四性 ARCHIVED_FILE_MISSING; 重新生成 only by the custody bureau’s clerks; the startup sweep starts a job once; existing files never remade', async () => {
    const t = await makeTestContext();
    const v = await completeVolume(t);
    const { clerk } = await archiveStaff(t);
    await bindVolume(t, v.volumeId, clerk);
    await approveForArchive(t, v.volumeId);
    const archived = await bindingAway(t, v.volumeId, () => clerk.call('archives.archive', { volumeId: v.volumeId }));
    expect(await jobsFor(t.app, v.volumeId)).toEqual([{ state: 'failed', supplement: null }]);

    // Archived without an archived file and no job making one: the record says so, the check fails on it (integrity).
    expect(await clerk.call('archives.get', { volumeId: v.volumeId })).toMatchObject({ files: [], fileState: 'missing', fileJobId: null, fileLastError: 'BLOB_MISSING' });
    const failed = await verifyArchive(t, v.volumeId, clerk);
    expect(failed.ok).toBe(false);
    expect(failed.failures).toEqual([{ volumeId: v.volumeId, property: 'integrity', code: 'ARCHIVED_FILE_MISSING', item: `archive:${v.volumeId}`, detail: expect.stringContaining('归档后没有归档文件') }]);

    // Not transferred without it (the package carries the archived file).
    const to = t.bureauId('210103');
    expect(await clerk.raw('transfers.export', { volumeIds: [v.volumeId], toBureauId: to })).toMatchObject({ ok: false, error: { code: 'ARCHIVED_FILE_MISSING', details: { volumeId: v.volumeId, jobId: null } } });

    // 重新生成: not for an inspector, not for another bureau's clerk (nothing started); the custody clerk's starts the job, audited.
    const inspector = await t.createUser('jcy9', '210102', ['inspector']);
    expect(await inspector.raw('archives.regenerateArchivedFile', { volumeId: v.volumeId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const elsewhere = await t.createUser('dag9', '210103', ['clerk']);
    expect(await elsewhere.raw('archives.regenerateArchivedFile', { volumeId: v.volumeId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await jobsFor(t.app, v.volumeId)).toHaveLength(1);
    const { jobId } = await clerk.call('archives.regenerateArchivedFile', { volumeId: v.volumeId });
    await t.app.services.jobs.idle();
    expect(await clerk.call('jobs.get', { id: jobId })).toMatchObject({ state: 'succeeded' });
    const record = await clerk.call('archives.get', { volumeId: v.volumeId });
    expect(record).toMatchObject({ fileState: 'current', files: [{ version: 1, supplementId: null }] });
    expect(await t.app.db.get(`SELECT actor_login FROM audit_events WHERE action = 'archives.regenerateArchivedFile' AND entity_id = ?`, [String(v.volumeId)])).toEqual({ actor_login: 'dag1' });
    expect(await clerk.raw('archives.regenerateArchivedFile', { volumeId: v.volumeId })).toMatchObject({ ok: false, error: { code: 'ARCHIVED_FILE_EXISTS' } });
    const exported = await clerk.call('archives.exportArchivedFile', { volumeId: v.volumeId });
    expect(pageText(`${t.dataDir}/exports/${exported.fileName}`, 1)).toContain(archived.archiveNo);
    expect((await verifyArchive(t, v.volumeId, clerk)).failures).toEqual([]);

    // A 补充件 whose job fails, then the app stops: at the next start the sweep starts that job (once); a second start adds none.
    await bindingAway(t, v.volumeId, () => clerk.call('archives.addSupplement', { volumeId: v.volumeId, note: '补充整改复查照片 3 张' }));
    const supplementId = (await clerk.call('archives.get', { volumeId: v.volumeId }))!.supplements[0]!.id;
    expect((await verifyArchive(t, v.volumeId, clerk)).failures).toEqual([expect.objectContaining({ code: 'ARCHIVED_FILE_MISSING', detail: expect.stringContaining('补充件') })]);
    await t.app.close();

    let app = await open(t);
    expect(await app.services.archivedFiles.sweep()).toEqual([]); // the startup sweep already started it
    await app.services.jobs.idle();
    expect(await jobsFor(app, v.volumeId)).toEqual([
      { state: 'failed', supplement: null },
      { state: 'succeeded', supplement: null },
      { state: 'failed', supplement: supplementId },
      { state: 'succeeded', supplement: supplementId },
    ]);
    const files = await app.db.all<{ version: number; supplement_id: number | null; sha256: string; made_by: number | null }>('SELECT version, supplement_id, sha256, made_by FROM volume_archived_files WHERE volume_id = ? ORDER BY version', [v.volumeId]);
    expect(files).toEqual([expect.objectContaining({ version: 1, supplement_id: null, sha256: record!.files[0]!.sha256 }), expect.objectContaining({ version: 2, supplement_id: supplementId, made_by: null })]);
    expect(await app.services.archivedFiles.sweep()).toEqual([]);
    await app.close();

    app = await open(t);
    await app.services.jobs.idle();
    expect(await jobsFor(app, v.volumeId)).toHaveLength(4);
    const sound = await checkVolume(app, v.volumeId);
    expect(sound).toMatchObject({ ok: true, failures: [] });
    expect((await app.services.audit.verify(async () => undefined)).problems).toEqual([]);
    await app.close();
  }, 400_000);
});
