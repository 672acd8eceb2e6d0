import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { readManifest, sealManifest, MANIFEST_FILE, type BackupManifest } from '../../electron/core/backup/backup-manifest';
import { restoreBackup, tableCounts } from '../../electron/core/backup/backup-service';
import { createAppContext } from '../../electron/core/app-context';
import { sha256File } from '../../electron/core/blobs/durable-files';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { CreateLending1700000000015 } from '../../electron/core/db/migrations/0015-create-lending';
import { createHeadlessPlatform } from '../../electron/host/headless-platform';
import { AppError } from '../../shared/errors/app-error';
import { cli } from '../support/cli';
import { RESOURCES_DIR, fixedClock, makeTestContext, memoryLogger, tempDir } from '../support/test-context';
import { archivedVolumeWithSecret } from '../support/lending-fixtures';
import { runJob } from './transfer-fixtures';

const NAMES = MIGRATIONS.map((M) => new M().name);
/** The schema the older backup is at: everything before 0015 (lending), i.e. through 0014 (transfers). */
const OLD = MIGRATIONS.indexOf(CreateLending1700000000015);
/** Job kinds an older build did not have (0016 made the archived file a job of its own). */
const NEWER_JOB_KINDS = ['archives.archivedFile'];

/** The tables a folder migrated through `keep` has (the migrations' own table, kept by TypeORM, too). */
async function tablesAt(keep: number): Promise<string[]> {
  return withDb(path.join(tempDir(), 'schema.sqlite'), async (ds) => {
    const runner = ds.createQueryRunner();
    for (const M of MIGRATIONS.slice(0, keep)) await new M().up(runner);
    await runner.release();
    return ['migrations', ...(await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)).map((r: { name: string }) => r.name)];
  });
}

/** Rewrite a backup's database and reseal its manifests as the service writes them (both copies). */
async function reseal(dir: string, m: BackupManifest, change: (dbFile: string) => Promise<Partial<BackupManifest>>) {
  const dbFile = path.join(dir, m.database.path);
  const patch = await change(dbFile);
  const database = { path: m.database.path, ...(await sha256File(dbFile)) };
  const { digest: _old, ...rest } = m;
  const next = sealManifest({ ...rest, ...patch, database, counts: await tableCounts(dbFile), files: [database, ...m.files.filter((f) => f.path !== m.database.path)] });
  const text = JSON.stringify(next, null, 1);
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), text);
  fs.writeFileSync(path.join(dir, path.dirname(m.database.path), MANIFEST_FILE), text);
  return next;
}

async function withDb<T>(file: string, fn: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = new DataSource({ type: 'sqlite', database: file });
  await ds.initialize();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}

/**
 * Turn a backup into the one a build at schema `keep` makes. The backup layout (casebinder-backup/1 and the
 * service that writes it) is the same in that build, so only the database differs: it is taken back with the
 * migrations' own down steps, after checking that the tables they drop hold no rows, and loses the job rows
 * of kinds that build did not have.
 */
async function olderBackup(dir: string, keep: number) {
  const oldTables = await tablesAt(keep);
  return reseal(dir, await readManifest(dir), async (dbFile) => {
    await withDb(dbFile, async (ds) => {
      const newer = (await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)).map((r: { name: string }) => r.name).filter((n: string) => !oldTables.includes(n));
      expect(newer).toContain('loans');
      for (const table of newer) expect((await ds.query(`SELECT count(*) AS n FROM "${table}"`))[0].n, table).toBe(0);
      await ds.query(`DELETE FROM jobs WHERE kind IN (${NEWER_JOB_KINDS.map((k) => `'${k}'`).join(',')})`);
      const runner = ds.createQueryRunner();
      for (const M of MIGRATIONS.slice(keep).reverse()) {
        const migration = new M();
        await migration.down(runner);
        await ds.query('DELETE FROM migrations WHERE name = ?', [migration.name]);
      }
      await runner.release();
      expect((await ds.query('SELECT name FROM migrations ORDER BY id')).map((r: { name: string }) => r.name)).toEqual(NAMES.slice(0, keep));
      expect((await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)).map((r: { name: string }) => r.name).sort()).toEqual([...oldTables].sort());
      expect((await ds.query(`SELECT name FROM pragma_table_info('documents')`)).map((c: { name: string }) => c.name)).not.toContain('facts');
    });
    return { migrations: NAMES.slice(0, keep), schemaVersion: keep, appVersion: '0.0.14' };
  });
}

describe('restore of an older backup', () => {
  it('a backup at schema 0014 restores through the migrations to the latest: data and files present, audit chain and four-property check sound; a newer backup is refused and nothing written', async () => {
    // Data only through features that existed at 0014: an archived volume (documents, a scan, a 不予公开 mark,
    // bindings, its public copy, the legal review, the 档号). That build made no archived file (0016): its job fails here.
    const t = await makeTestContext();
    t.app.services.jobs.register('archives.archivedFile', async () => {
      throw new AppError('INTERNAL', { reason: 'no archived files before migration 0016' });
    });
    const v = await archivedVolumeWithSecret(t);
    const volumeBefore = await t.admin.call('volumes.get', { id: v.volumeId });
    const dir = path.join(tempDir(), 'backup-0014');
    const backup = await runJob(t, 'backup.run', { dir });
    expect(backup.state, JSON.stringify(backup.errorDetails)).toBe('succeeded');
    await t.app.close();

    const old = await olderBackup(dir, OLD);
    expect(old).toMatchObject({ schemaVersion: 14, migrations: NAMES.slice(0, 14) });
    expect((await cli(['backup', 'verify', dir, '--data-dir', t.dataDir, '--json'])).code).toBe(0);

    // restore DIR --data-dir NEW: copied, opened (0015 onwards run, startup work done), the audit chain verified.
    const target = path.join(tempDir(), 'restored');
    const restore = await cli(['restore', dir, '--data-dir', target, '--json']);
    expect(restore.code, restore.stderr + restore.stdout).toBe(0);
    expect(JSON.parse(restore.stdout)).toMatchObject({ backupId: old.id, auditOk: true, schemaVersion: NAMES.length, files: old.files.length });
    const counts = JSON.parse(restore.stdout).counts as Record<string, number>;
    for (const table of ['volumes', 'volume_entries', 'volume_bindings', 'volume_public_copies', 'volume_redactions', 'volume_archives', 'documents']) expect(counts[table], table).toBe(old.counts[table]);
    // Caught up as the app does at its first start after the upgrade: the archived file of the volume archived before 0016.
    expect(counts.volume_archived_files).toBe(1);
    expect(counts.audit_events).toBe(old.counts.audit_events! + 1); // its archives.archivedFile event
    expect(counts.blobs).toBe(old.counts.blobs! + 1); // and its PDF
    expect(counts.loans).toBe(0);

    const dd = ['--data-dir', target, '--json'];
    const fixity = await cli(['archive', 'verify', ...dd]);
    expect(fixity.code, fixity.stdout + fixity.stderr).toBe(0);
    expect(JSON.parse(fixity.stdout)).toMatchObject({ ok: true, checked: 1, failures: [] });
    const audit = await cli(['audit', 'verify', ...dd]);
    expect(audit.code, audit.stdout).toBe(0);

    // Opened by the app: at the latest schema, the volume, its binding and its files as they were.
    const app = await createAppContext({ dataDir: target, resourcesDir: RESOURCES_DIR, platform: createHeadlessPlatform(), clock: fixedClock('2026-03-03T09:00:00.000Z'), logger: memoryLogger().logger });
    try {
      expect((await app.db.all<{ name: string }>('SELECT name FROM migrations ORDER BY id')).map((r) => r.name)).toEqual(NAMES);
      expect((await app.db.all<{ name: string }>(`SELECT name FROM pragma_table_info('documents')`)).map((c) => c.name)).toContain('facts');
      const admin = await app.services.auth.sessionForLogin('admin');
      const volume = await app.dispatch({ method: 'volumes.get', input: { id: v.volumeId } }, admin);
      expect(volume).toMatchObject({ ok: true, value: { id: v.volumeId, title: volumeBefore.title, entries: volumeBefore.entries.map((e) => ({ id: e.id, blobSha256: e.blobSha256 })) } });
      const exported = await app.dispatch({ method: 'volumes.exportFile', input: { id: v.volumeId, version: 1 } }, admin);
      const bound = volumeBefore.bindings.find((b) => b.version === v.archive.bindingVersion)!;
      expect(exported).toMatchObject({ ok: true, value: { version: 1, sha256: bound.sha256 } });
      expect(await app.dispatch({ method: 'archives.get', input: { volumeId: v.volumeId } }, admin)).toMatchObject({ ok: true, value: { archiveNo: v.archive.archiveNo, files: [{ bindingVersion: v.archive.bindingVersion }] } });
    } finally {
      await app.close();
    }

    // A backup from a newer build (a migration this one does not know): refused before anything is written.
    const newer = await reseal(dir, await readManifest(dir), async (dbFile) => {
      await withDb(dbFile, (ds) => ds.query(`INSERT INTO migrations (timestamp, name) VALUES (1700000000099, 'FutureThing1700000000099')`));
      return { migrations: [...NAMES.slice(0, OLD), 'FutureThing1700000000099'], schemaVersion: OLD + 1, appVersion: '9.0.0' };
    });
    const target2 = path.join(tempDir(), 'restored-newer');
    const refused = await cli(['restore', dir, '--data-dir', target2, '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, error: { code: 'BACKUP_TOO_NEW', details: { backupAppVersion: '9.0.0', migrations: ['FutureThing1700000000099'] } } });
    expect(refused.stderr).toContain('更新版本');
    expect(fs.existsSync(target2)).toBe(false);
    const emptyTarget = fs.mkdtempSync(path.join(tempDir(), 'empty-'));
    const openFolder = async () => {
      throw new Error('must not be opened');
    };
    await expect(restoreBackup({ dir, dataDir: emptyTarget, openFolder })).rejects.toMatchObject({ code: 'BACKUP_TOO_NEW' });
    expect(fs.readdirSync(emptyTarget)).toEqual([]);
    // A later backup layout is refused the same way, not taken for a damaged one.
    fs.writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify({ ...newer, format: 'casebinder-backup/2' }));
    await expect(restoreBackup({ dir, dataDir: emptyTarget, openFolder })).rejects.toMatchObject({ code: 'BACKUP_TOO_NEW', details: { format: 'casebinder-backup/2' } });
    expect(fs.readdirSync(emptyTarget)).toEqual([]);
  }, 300_000);
});
