import { AppError } from '../../../shared/errors/app-error';

/**
 * The parts of node-sqlite3 used here. Its typings (lib/sqlite3.d.ts) do not declare Database#backup;
 * the API is documented in src/backup.h: `db.backup(file, cb)`, `backup.step(pages, cb)`,
 * `backup.finish(cb)`, `completed`, `failed`; SQLITE_BUSY / SQLITE_LOCKED are retried, not fatal.
 */
type Backup = { step(pages: number, cb: (error: Error | null) => void): void; finish(cb: (error?: Error | null) => void): void; readonly completed: boolean; readonly failed: boolean };
type Connection = {
  backup(file: string, cb: (error: Error | null) => void): Backup;
  all(sql: string, params: unknown[], cb: (error: Error | null, rows: unknown[]) => void): void;
  run(sql: string, params: unknown[], cb: (error: Error | null) => void): void;
  configure(option: 'busyTimeout', ms: number): void;
  close(cb: (error: Error | null) => void): void;
};
type Sqlite3 = { Database: new (file: string, mode: number, cb: (error: Error | null) => void) => Connection; OPEN_READONLY: number; OPEN_READWRITE: number };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sqlite3 = (): Sqlite3 => require('sqlite3') as Sqlite3;

export type RawDb = {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<void>;
  close(): Promise<void>;
};

/** A plain connection to an SQLite file outside the app's DataSource (a backup copy, a restored file). */
export function openRaw(file: string, readOnly: boolean): Promise<RawDb & { connection: Connection }> {
  const s = sqlite3();
  return new Promise((resolve, reject) => {
    const connection = new s.Database(file, readOnly ? s.OPEN_READONLY : s.OPEN_READWRITE, (error) => {
      if (error) return reject(error);
      connection.configure('busyTimeout', 5000);
      resolve({
        connection,
        all: <T>(sql: string, params: unknown[] = []) => new Promise<T[]>((ok, ko) => connection.all(sql, params, (e, rows) => (e ? ko(e) : ok(rows as T[])))),
        run: (sql, params = []) => new Promise<void>((ok, ko) => connection.run(sql, params, (e) => (e ? ko(e) : ok()))),
        close: () => new Promise<void>((ok, ko) => connection.close((e) => (e ? ko(e) : ok()))),
      });
    });
  });
}

/**
 * Copy the live database to `destFile` with SQLite's online backup API, all pages in one step: the copy
 * is one consistent state (a single read transaction on a separate read-only connection; in WAL mode
 * writers go on meanwhile). Chosen over `VACUUM INTO` because it copies pages as they are (no rebuild of
 * a big database's indexes while the read transaction stays open) and is the API SQLite documents for
 * live backups; the copy is switched to a rollback journal so it is one self-contained file.
 */
export async function snapshotDatabase(srcFile: string, destFile: string): Promise<void> {
  const src = await openRaw(srcFile, true);
  try {
    await new Promise<void>((resolve, reject) => {
      const backup = src.connection.backup(destFile, (error) => {
        if (error) return reject(error);
        const step = () =>
          backup.step(-1, (stepError) => {
            if (stepError) return reject(stepError);
            if (backup.completed) return backup.finish(() => resolve());
            if (backup.failed) return reject(new Error('sqlite backup failed'));
            setTimeout(step, 50); // SQLITE_BUSY / SQLITE_LOCKED: retried
          });
        step();
      });
    });
  } catch (error) {
    throw mapSqliteIoError(error);
  } finally {
    await src.close().catch(() => undefined);
  }
  const dest = await openRaw(destFile, false);
  try {
    await dest.run('PRAGMA journal_mode = DELETE');
  } finally {
    await dest.close();
  }
}

export function mapSqliteIoError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const text = String((error as Error)?.message ?? error);
  if (/SQLITE_FULL|ENOSPC/.test(text) || (error as NodeJS.ErrnoException)?.code === 'ENOSPC') return new AppError('DISK_FULL', {}, { cause: error });
  return error;
}
