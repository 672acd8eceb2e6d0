import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { completeUscc } from '../../shared/domain/uscc';
import { createAppContext } from '../../electron/core/app-context';
import { createHeadlessPlatform } from '../../electron/host/headless-platform';
import { RESOURCES_DIR, memoryLogger, tempDir } from '../support/test-context';

const BIN = path.resolve(__dirname, '../../bin/casebinder.cjs');
const ROWS = 100_000;

function query<T>(file: string, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
    db.all(sql, (err, rows) => db.close(() => (err ? reject(err) : resolve(rows as T[]))));
  });
}

describe('an import killed half-way', () => {
  it('leaves no partial rows, and the resumed job finishes the whole file', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    await promisify(execFile)(process.execPath, [BIN, 'init', '--data-dir', dataDir, '--json']);
    const csv = path.join(dir, 'big.csv');
    const lines = ['统一社会信用代码,名称,属地,风险等级'];
    for (let i = 0; i < ROWS; i++) lines.push(`${completeUscc(`91210102${String(i).padStart(8, '0')}`)},沈阳测试第${i}号有限公司,和平区,一般`);
    fs.writeFileSync(csv, lines.join('\n'));

    const child = spawn(process.execPath, [BIN, 'targets', 'import', csv, '--data-dir', dataDir, '--json'], { stdio: 'ignore' });
    const dbFile = path.join(dataDir, 'casebinder.sqlite');
    // Wait until the job is running (its transaction is open), then pull the plug.
    for (let i = 0; i < 200; i++) {
      const running = await query<{ n: number }>(dbFile, `SELECT COUNT(*) AS n FROM jobs WHERE state = 'running'`).catch(() => [{ n: 0 }]);
      if (running[0]?.n) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const [{ n: afterKill }] = (await query<{ n: number }>(dbFile, 'SELECT COUNT(*) AS n FROM targets')) as [{ n: number }];
    const [job] = await query<{ state: string }>(dbFile, `SELECT state FROM jobs WHERE kind = 'imports.run'`);
    expect(job?.state).toBe('running'); // killed before it could finish
    expect(afterKill).toBe(0);
    expect((await query<{ n: number }>(dbFile, 'SELECT COUNT(*) AS n FROM entity_history'))[0]?.n).toBe(15); // 14 bureaus + admin

    // Next start: the job resumes from the staged copy and imports everything exactly once.
    const app = await createAppContext({ dataDir, resourcesDir: RESOURCES_DIR, platform: createHeadlessPlatform(), logger: memoryLogger().logger });
    await app.services.jobs.idle();
    expect((await app.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM targets'))?.n).toBe(ROWS);
    const done = await app.db.get<{ state: string; result: string }>(`SELECT state, result FROM jobs WHERE kind = 'imports.run'`);
    expect(done?.state).toBe('succeeded');
    expect(JSON.parse(done?.result ?? '{}')).toMatchObject({ inserted: ROWS, rejected: 0 });
    expect((await app.services.audit.verify(async () => undefined)).ok).toBe(true);
    await app.close();
  }, 120_000);
});
