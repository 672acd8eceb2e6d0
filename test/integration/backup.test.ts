import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreBackup } from '../../electron/core/backup/backup-service';
import { createAppContext } from '../../electron/core/app-context';
import { createHeadlessPlatform } from '../../electron/host/headless-platform';
import { RESOURCES_DIR, fixedClock, makeTestContext, memoryLogger, tempDir, type TestContext } from '../support/test-context';
import { importBytes, textPdf } from '../support/volume-fixtures';
import { boundVolume, runJob } from './transfer-fixtures';

type Counts = Record<string, number>;
const blobHashes = (dir: string) =>
  fs.readdirSync(path.join(dir, 'blobs')).filter((d) => /^[0-9a-f]{2}$/.test(d)).flatMap((d) => fs.readdirSync(path.join(dir, 'blobs', d)).map((f) => createHash('sha256').update(fs.readFileSync(path.join(dir, 'blobs', d, f))).digest('hex'))).sort();

async function liveCounts(t: TestContext, tables: string[]): Promise<Counts> {
  const out: Counts = {};
  for (const table of tables) out[table] = (await t.app.db.get<{ n: number }>(`SELECT count(*) AS n FROM "${table}"`))?.n ?? 0;
  return out;
}

const openFolder = async (dataDir: string) => {
  const app = await createAppContext({ dataDir, resourcesDir: RESOURCES_DIR, platform: createHeadlessPlatform(), clock: fixedClock(), logger: memoryLogger().logger, resumeJobs: false });
  return { schemaVersion: () => app.db.schemaVersion(), verifyAudit: () => app.services.audit.verify(async () => undefined), close: () => app.close() };
};

describe('backup and restore of the data folder', () => {
  it('backs up (online backup API + blobs), copies only new blobs the second time, restores a verified identical folder; a damaged backup or a non-empty target is refused', async () => {
    const t = await makeTestContext();
    const v = await boundVolume(t);
    const dir = path.join(tempDir(), 'usb-backup');

    const first = await runJob(t, 'backup.run', { dir });
    expect(first.state, JSON.stringify(first.errorDetails)).toBe('succeeded');
    const r1 = first.result as { blobs: number; copied: number; reused: number; counts: Counts; id: string };
    expect(r1.copied).toBe(r1.blobs);
    expect(r1.blobs).toBeGreaterThan(4);
    const manifest1 = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[]; schemaVersion: number; counts: Counts };
    expect(manifest1.files).toHaveLength(r1.blobs + 1);
    expect(manifest1.counts.volumes).toBe((await liveCounts(t, ['volumes'])).volumes);

    // Mutate: one more document, bound again (new PDF blobs).
    t.clock.advance(3600_000);
    expect((await importBytes(t, v.volumeId, 'later.pdf', await textPdf(['LATER EVIDENCE']), { docType: 'evidence', title: '补充材料' })).ok).toBe(true);
    const rebind = await t.admin.call('volumes.bind', { id: v.volumeId });
    await t.app.services.jobs.idle();
    expect((await t.admin.call('jobs.get', { id: rebind.jobId })).state).toBe('succeeded');

    const second = await runJob(t, 'backup.run', { dir });
    expect(second.state, JSON.stringify(second.errorDetails)).toBe('succeeded');
    const r2 = second.result as { blobs: number; copied: number; reused: number; counts: Counts; id: string };
    expect(r2.blobs).toBe(r1.blobs + 2); // the imported PDF and the new bound version
    expect(r2.copied).toBe(2);
    expect(r2.reused).toBe(r1.blobs);
    expect(fs.readdirSync(path.join(dir, 'snapshots')).sort()).toEqual([r1.id, r2.id].sort());
    expect(fs.existsSync(path.join(dir, 'tmp', r2.id))).toBe(false);
    const tables = Object.keys(r2.counts);
    const atBackup = r2.counts;
    const verified = await runJob(t, 'backup.verify', { dir });
    expect(verified.result).toMatchObject({ ok: true, files: r2.blobs + 1, problems: [] });

    const target = path.join(tempDir(), 'restored');
    const restored = await restoreBackup({ dir, dataDir: target, openFolder });
    expect(restored).toMatchObject({ backupId: r2.id, auditOk: true, files: r2.blobs + 1 });
    expect(restored.counts).toEqual(atBackup);
    const manifest2 = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
    expect(blobHashes(target)).toEqual(manifest2.files.slice(1).map((f) => f.sha256).sort());
    expect(blobHashes(target).every((h) => fs.existsSync(path.join(t.dataDir, 'blobs', h.slice(0, 2), h)))).toBe(true);
    const reopened = await createAppContext({ dataDir: target, resourcesDir: RESOURCES_DIR, platform: createHeadlessPlatform(), clock: t.clock, logger: memoryLogger().logger });
    const admin = await reopened.services.auth.sessionForLogin('admin');
    expect(await reopened.dispatch({ method: 'volumes.exportFile', input: { id: v.volumeId, version: 2 } }, admin)).toMatchObject({ ok: true, value: { version: 2 } });
    expect((await reopened.services.audit.verify(async () => undefined)).ok).toBe(true);
    expect((await reopened.db.all<{ state: string }>(`SELECT state FROM jobs WHERE kind = 'backup.run'`)).map((j) => j.state)).toEqual(['succeeded', 'cancelled']); // in flight at backup time: not resumed
    await reopened.close();
    expect(tables).toContain('audit_events');

    // A non-empty target is refused before anything is read or written.
    await expect(restoreBackup({ dir, dataDir: target, openFolder })).rejects.toMatchObject({ code: 'RESTORE_TARGET_NOT_EMPTY' });
    // A flipped byte in a backed-up blob: refused with the file named, nothing written.
    const someBlob = path.join(dir, manifest1.files[1]?.path as string);
    const bytes = fs.readFileSync(someBlob);
    bytes.writeUInt8(bytes.readUInt8(0) ^ 0x01, 0);
    fs.writeFileSync(someBlob, bytes);
    const target2 = path.join(tempDir(), 'restored2');
    await expect(restoreBackup({ dir, dataDir: target2, openFolder })).rejects.toMatchObject({ code: 'BACKUP_DAMAGED', details: { problems: [{ path: manifest1.files[1]?.path, problem: 'mismatch' }] } });
    expect(fs.existsSync(target2)).toBe(false);
    expect((await runJob(t, 'backup.verify', { dir })).result).toMatchObject({ ok: false });
    // An edited manifest is refused too.
    const manifestFile = path.join(dir, 'manifest.json');
    fs.writeFileSync(manifestFile, fs.readFileSync(manifestFile, 'utf8').replace('"volume_bindings": 1', '"volume_bindings": 9'));
    await expect(restoreBackup({ dir, dataDir: target2, openFolder })).rejects.toMatchObject({ code: 'BACKUP_DAMAGED' });
    // A backup folder inside the data folder is refused; restore is for admins.
    expect((await runJob(t, 'backup.run', { dir: path.join(t.dataDir, 'exports', 'b') })).errorCode).toBe('BACKUP_OUT_INVALID');
    expect(await v.clerk.raw('backup.restore', { dir, dataDir: target2 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await t.app.close();
  }, 240_000);

  it('a backup cut short by a full disk fails with DISK_FULL and leaves no manifest', async (ctx) => {
    const t = await makeTestContext();
    await boundVolume(t);
    // Room for the database copy and a little more: the disk fills while blobs are copied.
    const db = (await t.app.db.get<{ n: number }>('SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()'))?.n ?? 0;
    const blobs = (await t.app.db.get<{ n: number }>('SELECT sum(size) AS n FROM blobs'))?.n ?? 0;
    expect(blobs).toBeGreaterThan(256 * 1024);
    const mountPoint = tempDir('casebinder-full-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${Math.ceil((db + 128 * 1024) / 4096) * 4096}`, 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      await t.app.close();
      ctx.skip('needs a small tmpfs (root with mount rights) to fill a real disk');
    }
    try {
      const dir = path.join(mountPoint, 'backup');
      const failed = await runJob(t, 'backup.run', { dir });
      expect(failed).toMatchObject({ state: 'failed', errorCode: 'DISK_FULL' });
      expect(fs.existsSync(path.join(dir, 'manifest.json'))).toBe(false);
      expect(fs.existsSync(path.join(dir, 'blobs'))).toBe(true); // it failed while copying blobs
      expect(fs.existsSync(path.join(dir, 'snapshots')) ? fs.readdirSync(path.join(dir, 'snapshots')) : []).toEqual([]);
      expect(fs.readdirSync(path.join(dir, 'tmp'))).toEqual([]);
      await expect(restoreBackup({ dir, dataDir: path.join(tempDir(), 'r'), openFolder })).rejects.toMatchObject({ code: 'BACKUP_NOT_FOUND' });
      await t.app.close();
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  }, 120_000);
});
