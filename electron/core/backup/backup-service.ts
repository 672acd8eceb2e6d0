import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AuditVerifyReport } from '../../../shared/contract';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { Clock, RandomSource } from '../config';
import { DB_FILE, type Database } from '../db/database';
import { MIGRATIONS } from '../db/migrations';
import type { JobRunContext } from '../jobs/job-service';
import { BACKUP_FORMAT, MANIFEST_FILE, readManifest, sealManifest, verifyFiles, type BackupManifest, type FileEntry } from './backup-manifest';
import { diskError, exists, isEmptyDir, isInside, sha256File, syncDir, writeDurable } from '../blobs/durable-files';
import { openRaw, snapshotDatabase } from './sqlite-snapshot';
import { DATA_SUBDIRS } from '../data-folder';

/**
 * What a restore needs from the restored folder once opened by the real composition root. `idle` waits for
 * the work the app starts when it opens a folder (after restore has cancelled the jobs in flight at backup
 * time, that is the catching up of an older backup, e.g. the archived files of volumes archived before
 * migration 0016), so the restored folder is checked as the app will find it.
 */
export type OpenedFolder = { schemaVersion(): Promise<number>; verifyAudit(): Promise<AuditVerifyReport>; close(): Promise<void>; idle?(): Promise<void> };

type Deps = {
  db: Database;
  dataDir: string;
  clock: Clock;
  random: RandomSource;
  audit: AuditService;
  appVersion: string;
  /** Open a data folder with createAppContext (migrations run); used to prove a restore opens. */
  openFolder: (dataDir: string) => Promise<OpenedFolder>;
};

export type BackupResult = { dir: string; id: string; createdAt: string; databaseSha256: string; blobs: number; copied: number; reused: number; bytesCopied: number; counts: Record<string, number> };
export type BackupVerifyResult = { dir: string; id: string; createdAt: string; ok: boolean; files: number; bytes: number; problems: { path: string; problem: string }[] };
export type RestoreResult = { dataDir: string; backupId: string; createdAt: string; files: number; schemaVersion: number; counts: Record<string, number>; auditOk: boolean; auditEvents: number };

const blobPath = (sha256: string) => path.posix.join('blobs', sha256.slice(0, 2), sha256);

/** Row counts of every ordinary table (FTS shadow tables and SQLite's own left out). */
export async function tableCounts(file: string): Promise<Record<string, number>> {
  const raw = await openRaw(file, true);
  try {
    const all = await raw.all<{ name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`);
    const virtual = all.filter((t) => /^CREATE VIRTUAL/i.test(t.sql)).map((t) => t.name);
    const tables = all.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)));
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = (await raw.all<{ n: number }>(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`))[0]?.n ?? 0;
    return counts;
  } finally {
    await raw.close();
  }
}

/**
 * Backup and restore of the data folder (issue 8 item 7): the database through SQLite's online backup
 * API, the blobs copied by content hash (a blob the backup folder holds is not copied again), and a
 * manifest written last, so a backup cut short (disk full, unplugged drive) never claims to be complete.
 * Restore verifies every hash before it writes anything, into an empty folder only, then opens the
 * result with the real composition root (migrations run when the backup is older) and checks the audit chain.
 */
export function createBackupService({ db, dataDir, clock, random, audit, appVersion, openFolder }: Deps) {
  const stampOf = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

  async function assertBackupDir(dir: string): Promise<void> {
    if (isInside(dir, dataDir) || isInside(dataDir, dir)) throw new AppError('BACKUP_OUT_INVALID', { dir, reason: 'inside data folder' });
    if (!(await isEmptyDir(dir)) && !(await exists(path.join(dir, MANIFEST_FILE))) && !(await exists(path.join(dir, 'snapshots')))) {
      throw new AppError('BACKUP_OUT_INVALID', { dir, reason: 'not a backup folder' });
    }
  }

  async function copyBlob(dir: string, sha256: string, tmpDir: string): Promise<number> {
    const source = path.join(dataDir, 'blobs', sha256.slice(0, 2), sha256);
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(source);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('BLOB_MISSING', { sha256 });
      throw error;
    }
    const got = createHash('sha256').update(bytes).digest('hex');
    if (got !== sha256) throw new AppError('BLOB_CORRUPT', { sha256 }); // never carry a damaged file into the backup
    await writeDurable(path.join(dir, blobPath(sha256)), bytes, path.join(tmpDir, `${sha256}.part`));
    return bytes.byteLength;
  }

  /** Copy the blobs the backup folder does not hold yet (same name and size = same content: named by hash). */
  async function copyBlobs(dir: string, blobs: { sha256: string; size: number }[], tmpDir: string, progress: (done: number) => Promise<void>) {
    const files: FileEntry[] = [];
    let copied = 0;
    let bytesCopied = 0;
    let blobBytes = 0;
    for (const [i, blob] of blobs.entries()) {
      const present = await fs.stat(path.join(dir, blobPath(blob.sha256))).then((st) => st.size === blob.size, () => false);
      if (!present) {
        bytesCopied += await copyBlob(dir, blob.sha256, tmpDir);
        copied++;
      }
      blobBytes += blob.size;
      files.push({ path: blobPath(blob.sha256), sha256: blob.sha256, size: blob.size });
      if (i % 20 === 0) await progress(i);
    }
    return { files, copied, bytesCopied, blobBytes };
  }

  async function run(ctx: JobRunContext): Promise<BackupResult> {
    const input = ctx.input as { dir: string; actor: AuditActor };
    const dir = path.resolve(input.dir);
    await assertBackupDir(dir);
    const createdAt = clock.now().toISOString();
    const id = `${stampOf(createdAt)}-${random.bytes(4).toString('hex')}`;
    const tmpDir = path.join(dir, 'tmp', id);
    const snapshotDir = path.join(dir, 'snapshots', id);
    let manifestWritten = false;
    try {
      await fs.mkdir(tmpDir, { recursive: true });
      const tmpDb = path.join(tmpDir, DB_FILE);
      await ctx.progress(0, 1, 'database');
      await snapshotDatabase(db.file, tmpDb);
      const counts = await tableCounts(tmpDb);
      const raw = await openRaw(tmpDb, true);
      const [blobs, migrations] = await Promise.all([
        raw.all<{ sha256: string; size: number }>('SELECT sha256, size FROM blobs ORDER BY sha256'),
        raw.all<{ name: string }>('SELECT name FROM migrations ORDER BY id'),
      ]).finally(() => raw.close());
      const { files, copied, bytesCopied, blobBytes } = await copyBlobs(dir, blobs, tmpDir, (done) => ctx.progress(done, blobs.length, 'blobs'));
      const dbRel = path.posix.join('snapshots', id, DB_FILE);
      const database = { path: dbRel, ...(await sha256File(tmpDb)) };
      await fs.mkdir(snapshotDir, { recursive: true });
      await fs.rename(tmpDb, path.join(dir, dbRel));
      await syncDir(snapshotDir);
      const manifest = sealManifest({
        format: BACKUP_FORMAT, id, createdAt, appVersion, schemaVersion: migrations.length, migrations: migrations.map((m) => m.name),
        database, blobs: { count: blobs.length, bytes: blobBytes, copied, reused: blobs.length - copied }, counts, files: [database, ...files],
      });
      const text = JSON.stringify(manifest, null, 1);
      await writeDurable(path.join(snapshotDir, MANIFEST_FILE), text, path.join(tmpDir, 'snapshot-manifest.part'));
      await writeDurable(path.join(dir, MANIFEST_FILE), text, path.join(tmpDir, 'manifest.part'));
      manifestWritten = true;
      await fs.rm(tmpDir, { recursive: true, force: true });
      await db.write((tx) => audit.record(tx, { actor: input.actor, action: 'backup.run', entity: 'backup', entityId: id, detail: { dir, databaseSha256: database.sha256, blobs: blobs.length, copied } }));
      await ctx.progress(blobs.length, blobs.length, 'done');
      return { dir, id, createdAt, databaseSha256: database.sha256, blobs: blobs.length, copied, reused: blobs.length - copied, bytesCopied, counts };
    } catch (error) {
      // Copied blobs stay (whole files named by their hash, reused next time); the snapshot without its
      // manifest and the tmp files go, so nothing claims to be a complete backup.
      await fs.rm(tmpDir, { recursive: true, force: true }).catch(() => undefined);
      if (!manifestWritten) await fs.rm(snapshotDir, { recursive: true, force: true }).catch(() => undefined);
      throw diskError(error);
    }
  }

  async function verify(ctx: JobRunContext | null, dirInput: string): Promise<BackupVerifyResult> {
    const dir = path.resolve(dirInput);
    const manifest = await readManifest(dir);
    const report = await verifyFiles(dir, manifest, async (done, total) => void (await ctx?.progress(done, total, 'verify')));
    return { dir, id: manifest.id, createdAt: manifest.createdAt, ok: report.problems.length === 0, files: report.files, bytes: report.bytes, problems: report.problems };
  }

  return {
    run,
    verifyJob: (ctx: JobRunContext) => verify(ctx, (ctx.input as { dir: string }).dir),
    verify: (dir: string) => verify(null, dir),
    restoreJob: (ctx: JobRunContext) => {
      const input = ctx.input as { dir: string; dataDir: string; actor: AuditActor };
      return restoreBackup({ dir: input.dir, dataDir: input.dataDir, openFolder, progress: (done, total, phase) => ctx.progress(done, total, phase) }).then(async (result) => {
        await db.write((tx) => audit.record(tx, { actor: input.actor, action: 'backup.restore', entity: 'backup', entityId: result.backupId, detail: { dir: path.resolve(input.dir), dataDir: result.dataDir } }));
        return result;
      });
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;

/**
 * A backup taken by a newer build (a migration this build does not know) cannot be restored: refused
 * before anything is written (BACKUP_TOO_NEW). An older one is restored as it is and brought up to date
 * by the migrations when the restored folder is first opened.
 */
function assertNotNewer(manifest: BackupManifest): void {
  const known = MIGRATIONS.map((M) => new M().name);
  const unknown = manifest.migrations.filter((name) => !known.includes(name));
  if (unknown.length > 0 || manifest.schemaVersion > known.length) {
    throw new AppError('BACKUP_TOO_NEW', { backupAppVersion: manifest.appVersion, backupSchemaVersion: manifest.schemaVersion, appSchemaVersion: known.length, migrations: unknown });
  }
}

/**
 * Restore `dir` into the empty folder `dataDir`: refuses a damaged backup (BACKUP_DAMAGED, nothing
 * written), a non-empty target and a backup from a newer build (BACKUP_TOO_NEW, nothing written); on any
 * failure removes what it wrote. An older backup is migrated to this build's schema when opened.
 */
export async function restoreBackup(o: { dir: string; dataDir: string; openFolder: (dataDir: string) => Promise<OpenedFolder>; progress?: (done: number, total: number, phase: string) => Promise<void> }): Promise<RestoreResult> {
  const dir = path.resolve(o.dir);
  const target = path.resolve(o.dataDir);
  const progress = o.progress ?? (async () => undefined);
  if (!(await isEmptyDir(target))) throw new AppError('RESTORE_TARGET_NOT_EMPTY', { dataDir: target });
  if (isInside(target, dir) || isInside(dir, target)) throw new AppError('BACKUP_OUT_INVALID', { dir, dataDir: target });
  const manifest: BackupManifest = await readManifest(dir);
  assertNotNewer(manifest);
  const checked = await verifyFiles(dir, manifest, (done, total) => progress(done, total, 'verify'));
  if (checked.problems.length > 0) throw new AppError('BACKUP_DAMAGED', { dir, problems: checked.problems });

  const created = !(await exists(target));
  try {
    await fs.mkdir(target, { recursive: true });
    for (const sub of DATA_SUBDIRS) await fs.mkdir(path.join(target, sub), { recursive: true });
    for (const [i, entry] of manifest.files.entries()) {
      const dest = entry.path === manifest.database.path ? path.join(target, DB_FILE) : path.join(target, entry.path);
      const bytes = await fs.readFile(path.join(dir, entry.path));
      // Checked again as copied: the drive may have changed since the verification pass.
      if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256) throw new AppError('BACKUP_DAMAGED', { dir, problems: [{ path: entry.path, problem: 'mismatch' }] });
      await writeDurable(dest, bytes);
      if (i % 50 === 0) await progress(i, manifest.files.length, 'copy');
    }
    // Jobs running when the backup was taken (the backup job itself among them) are not resumed by the
    // restored folder: an export would write into somebody's drive again.
    const raw = await openRaw(path.join(target, DB_FILE), false);
    try {
      await raw.run(`UPDATE jobs SET state = 'cancelled', cancel_requested = 1, phase = 'restored' WHERE state IN ('queued','running')`);
    } finally {
      await raw.close();
    }
    const opened = await o.openFolder(target);
    try {
      await opened.idle?.();
      const report = await opened.verifyAudit();
      return { dataDir: target, backupId: manifest.id, createdAt: manifest.createdAt, files: manifest.files.length, schemaVersion: await opened.schemaVersion(), counts: await tableCounts(path.join(target, DB_FILE)), auditOk: report.ok, auditEvents: report.events };
    } finally {
      await opened.close().catch(() => undefined);
    }
  } catch (error) {
    if (created) await fs.rm(target, { recursive: true, force: true }).catch(() => undefined);
    else for (const name of await fs.readdir(target).catch(() => [] as string[])) await fs.rm(path.join(target, name), { recursive: true, force: true }).catch(() => undefined);
    throw diskError(error);
  }
}

