import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type QueryRunner } from 'typeorm';
import { AppError } from '../../../shared/errors/app-error';
import { MIGRATIONS } from './migrations';
import { ENTITY_SCHEMAS } from './entities';

export const DB_FILE = 'casebinder.sqlite';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type Row = Record<string, unknown>;

export type Reader = { get<T = Row>(sql: string, params?: unknown[]): Promise<T | undefined> };

/** A write transaction. Runs under BEGIN IMMEDIATE, so readers in other processes never see half a change. */
export type Tx = {
  all<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: unknown[]): Promise<T | undefined>;
  /** INSERT/UPDATE/DELETE: lastId (for INSERT) and the number of changed rows. */
  run(sql: string, params?: unknown[]): Promise<{ lastId: number; changes: number }>;
  /**
   * The statement for `sql`, compiled once per transaction and run many times (bulk writers); finalized
   * when the transaction ends. Runs of one statement execute in call order, and the transaction waits for
   * every run before it commits or rolls back. tx.run compiles every time and needs the JavaScript thread
   * between compiling and running: while that thread is busy (reading an import file), SQLite waits.
   */
  prepare(sql: string): Promise<PreparedStatement>;
  readonly runner: QueryRunner;
};

export type PreparedStatement = {
  run(params: unknown[]): Promise<{ changes: number }>;
  all<T = Row>(params: unknown[]): Promise<T[]>;
};

/** The parts of the sqlite3 driver's connection and statement objects used for prepared statements. */
type DriverStatement = {
  run(params: unknown[], callback: (this: { changes: number }, error: Error | null) => void): void;
  all(params: unknown[], callback: (error: Error | null, rows: unknown[]) => void): void;
  finalize(callback: () => void): void;
};
type DriverConnection = { prepare(sql: string, callback: (error: Error | null) => void): DriverStatement };

export type Database = {
  readonly ds: DataSource;
  readonly file: string;
  all<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: unknown[]): Promise<T | undefined>;
  /** Serialised write transaction; rolls back on throw. */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Big reads split over two connections, so SQLite works on both cores. Runs while this process holds the
   * write lock (a write transaction that writes nothing): no commit can land between the readers' queries,
   * so they all see one state of the database. The second connection is read-only, opened on first use.
   */
  readParallel<T>(fn: (readers: readonly Reader[]) => Promise<T>): Promise<T>;
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
};

export async function openDatabase(dataDir: string): Promise<Database> {
  const file = path.join(dataDir, DB_FILE);
  assertLooksLikeSqlite(file);
  const ds = new DataSource({
    type: 'sqlite',
    database: file,
    driver: quietSqlite3(),
    enableWAL: true,
    busyTimeout: 5000,
    entities: ENTITY_SCHEMAS,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
  });
  try {
    await ds.initialize();
    await ds.query('PRAGMA synchronous = FULL');
    await ds.query('PRAGMA foreign_keys = ON');
    // 64 MB page cache (default 2 MB): bulk imports touch index pages all over big B-trees.
    await ds.query('PRAGMA cache_size = -65536');
    await assertNotNewer(ds);
    await ds.runMigrations({ transaction: 'each' });
  } catch (error) {
    if (ds.isInitialized) await ds.destroy().catch(() => undefined);
    throw mapOpenError(error);
  }
  return wrap(ds, file);
}

/**
 * TypeORM calls sqlite3.verbose(), which wraps every statement call to capture a stack trace: measured at
 * ~10% of a bulk import's CPU time. Hand TypeORM the module with a verbose() that changes nothing.
 */
function quietSqlite3(): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sqlite3 = require('sqlite3') as object;
  return Object.assign(Object.create(sqlite3) as object, { verbose: () => sqlite3 });
}

/** The driver's connection object, as much of it as a read-only second connection needs. */
type ReadConnection = {
  get(sql: string, params: unknown[], callback: (error: Error | null, row: unknown) => void): void;
  configure(option: 'busyTimeout', ms: number): void;
  close(callback: (error: Error | null) => void): void;
};

function openReadConnection(file: string): Promise<ReadConnection> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sqlite3 = require('sqlite3') as { Database: new (file: string, mode: number, callback: (error: Error | null) => void) => ReadConnection; OPEN_READONLY: number };
  return new Promise((resolve, reject) => {
    const connection = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => {
      if (error) return reject(error);
      connection.configure('busyTimeout', 5000);
      resolve(connection);
    });
  });
}

function wrap(ds: DataSource, file: string): Database {
  let queue: Promise<unknown> = Promise.resolve();
  let second: Promise<ReadConnection> | null = null;
  const all = <T>(sql: string, params: unknown[] = []) => ds.query(sql, params) as Promise<T[]>;
  const write = <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    const next = queue.then(() => runWrite(ds, fn));
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    ds,
    file,
    all,
    get: async <T>(sql: string, params: unknown[] = []) => (await all<T>(sql, params))[0],
    write,
    readParallel(fn) {
      return write(async (tx) => {
        second ??= openReadConnection(file);
        const connection = await second;
        const reader: Reader = {
          get: <T>(sql: string, params: unknown[] = []) =>
            new Promise<T | undefined>((resolve, reject) => connection.get(sql, params, (error, row) => (error ? reject(error) : resolve(row as T | undefined)))),
        };
        return fn([{ get: (sql, params) => tx.get(sql, params) }, reader]);
      });
    },
    async schemaVersion() {
      const rows = await all<{ n: number }>('SELECT COUNT(*) AS n FROM migrations');
      return rows[0]?.n ?? 0;
    },
    async close() {
      await queue.catch(() => undefined);
      const reader = await second?.catch(() => null);
      if (reader) await new Promise<void>((resolve) => reader.close(() => resolve()));
      if (ds.isInitialized) await ds.destroy();
    },
  };
}

async function runWrite<T>(ds: DataSource, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const runner = ds.createQueryRunner();
  const prepared = new Map<string, Promise<DriverStatement>>();
  // Runs of prepared statements not finished yet: bulk writers may queue one and go on, so the transaction
  // waits for them before it commits or rolls back (a statement must never run outside its transaction).
  const running = new Set<Promise<unknown>>();
  const track = <R>(run: Promise<R>): Promise<R> => {
    running.add(run);
    const forget = () => void running.delete(run);
    run.then(forget, forget);
    return run;
  };
  const tx: Tx = {
    runner,
    all: (sql, params = []) => runner.query(sql, params),
    get: async (sql, params = []) => ((await runner.query(sql, params)) as never[])[0],
    run: async (sql, params = []) => {
      const result = await runner.query(sql, params, true);
      return { lastId: Number(result.raw ?? 0), changes: Number(result.affected ?? 0) };
    },
    async prepare(sql) {
      let compiling = prepared.get(sql);
      if (!compiling) {
        // Registered before any await, so callers asking at the same time share one statement (and its order).
        compiling = runner.connect().then(
          (connection) =>
            new Promise<DriverStatement>((resolve, reject) => {
              const s = (connection as DriverConnection).prepare(sql, (error) => (error ? reject(error) : resolve(s)));
            }),
        );
        prepared.set(sql, compiling);
      }
      const statement = await compiling;
      return {
        run: (params) =>
          track(
            new Promise((resolve, reject) => {
              statement.run(params, function (error) {
                if (error) reject(error);
                else resolve({ changes: this.changes });
              });
            }),
          ),
        all: <R>(params: unknown[]) =>
          track(new Promise<R[]>((resolve, reject) => statement.all(params, (error, rows) => (error ? reject(error) : resolve(rows as R[]))))),
      };
    },
  };
  const settle = async () => {
    while (running.size > 0) await Promise.allSettled([...running]);
  };
  await runner.query('BEGIN IMMEDIATE');
  try {
    const value = await fn(tx);
    await settle();
    await runner.query('COMMIT');
    return value;
  } catch (error) {
    await settle();
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    for (const compiling of prepared.values()) {
      const statement = await compiling.catch(() => null);
      if (statement) await new Promise<void>((resolve) => statement.finalize(() => resolve()));
    }
    await runner.release();
  }
}

function assertLooksLikeSqlite(file: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // created on first run
    throw new AppError('DATA_CORRUPT', { file, reason: (error as Error).message });
  }
  try {
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    if (read === 0) return; // empty file: SQLite treats it as a new database
    if (read < 16 || !header.equals(SQLITE_HEADER)) throw new AppError('DATA_CORRUPT', { file, reason: 'not an SQLite file' });
  } finally {
    fs.closeSync(fd);
  }
}

async function assertNotNewer(ds: DataSource): Promise<void> {
  const exists = await ds.query(`SELECT name FROM sqlite_master WHERE type='table' AND name='migrations'`);
  if (exists.length === 0) return;
  const applied = (await ds.query('SELECT name FROM migrations')) as { name: string }[];
  const known = new Set(MIGRATIONS.map((M) => new M().name));
  const unknown = applied.map((r) => r.name).filter((name) => !known.has(name));
  if (unknown.length > 0) throw new AppError('DATA_TOO_NEW', { migrations: unknown });
}

/** SQLite / fs failures at start become the data-folder codes; everything else stays a bug. */
export function mapOpenError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const text = String((error as { message?: string })?.message ?? error);
  if (/SQLITE_NOTADB|SQLITE_CORRUPT|file is not a database|malformed/i.test(text)) return new AppError('DATA_CORRUPT', { reason: text }, { cause: error });
  if (/SQLITE_READONLY|SQLITE_CANTOPEN|EACCES|EROFS|EPERM/i.test(text)) return new AppError('DATA_READONLY', { reason: text }, { cause: error });
  if (/SQLITE_FULL|ENOSPC/i.test(text)) return new AppError('DISK_FULL', { reason: text }, { cause: error });
  return error;
}
