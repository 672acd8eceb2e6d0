import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppContext } from '../../electron/core/app-context';
import { createHeadlessPlatform } from '../../electron/host/headless-platform';
import { AppError } from '../../shared/errors/app-error';
import { RESOURCES_DIR, fixedClock, makeTestContext, memoryLogger, tempDir, type TestContext } from '../support/test-context';

let t: TestContext | undefined;
afterEach(async () => {
  await t?.app.close();
  t = undefined;
});

const open = (dataDir: string, create = false) =>
  createAppContext({ dataDir, resourcesDir: RESOURCES_DIR, platform: createHeadlessPlatform(), create, clock: fixedClock(), logger: memoryLogger().logger });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
  return 'no error';
}

describe('data folder', () => {
  it('creates the layout of the architecture on first run', async () => {
    t = await makeTestContext();
    for (const entry of ['casebinder.sqlite', 'blobs', 'inbox', 'exports', 'logs']) expect(fs.existsSync(path.join(t.dataDir, entry))).toBe(true);
    const [journal] = await t.app.db.all<{ journal_mode: string }>('PRAGMA journal_mode');
    const [sync] = await t.app.db.all<{ synchronous: number }>('PRAGMA synchronous');
    const [fk] = await t.app.db.all<{ foreign_keys: number }>('PRAGMA foreign_keys');
    expect([journal?.journal_mode, sync?.synchronous, fk?.foreign_keys]).toEqual(['wal', 2, 1]);
  });

  it('refuses a missing folder unless asked to create it', async () => {
    expect(await codeOf(open(path.join(tempDir(), 'nope')))).toBe('DATA_NOT_INITIALISED');
  });

  it('a corrupt database stops the start with DATA_CORRUPT and is left byte-for-byte untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'casebinder.sqlite');
    const garbage = Buffer.from('This is not a database, but somebody’s precious file.\n'.repeat(100));
    fs.writeFileSync(file, garbage);
    expect(await codeOf(open(dir, true))).toBe('DATA_CORRUPT');
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'casebinder.sqlite-wal'))).toBe(false);
  });

  it('a database damaged after its header is reported as DATA_CORRUPT', async () => {
    t = await makeTestContext();
    const dir = t.dataDir;
    await t.app.close();
    t = undefined;
    const file = path.join(dir, 'casebinder.sqlite');
    const bytes = fs.readFileSync(file);
    bytes.fill(0xff, 100, 4096 * 2); // wipe the schema page
    fs.writeFileSync(file, bytes);
    const before = fs.readFileSync(file);
    expect(await codeOf(open(dir))).toBe('DATA_CORRUPT');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('a data folder written by a newer build → DATA_TOO_NEW, nothing migrated', async () => {
    t = await makeTestContext();
    await t.app.db.write((tx) => tx.run("INSERT INTO migrations (timestamp, name) VALUES (1800000000000, 'FutureThing1800000000000')"));
    const dir = t.dataDir;
    await t.app.close();
    t = undefined;
    expect(await codeOf(open(dir))).toBe('DATA_TOO_NEW');
  });

  it.skipIf(process.getuid?.() === 0)('a read-only folder → DATA_READONLY (skipped as root: root writes anyway)', async () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o555);
    expect(await codeOf(open(dir, true))).toBe('DATA_READONLY');
  });

  it('a data path that is a file, not a folder → DATA_CORRUPT, file untouched', async () => {
    const dir = path.join(tempDir(), 'file-not-folder');
    fs.writeFileSync(dir, 'x');
    expect(await codeOf(open(dir, true))).toBe('DATA_CORRUPT');
    expect(fs.readFileSync(dir, 'utf8')).toBe('x');
  });
});
