import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import sqlite3 from 'sqlite3';
import { describe, expect, it } from 'vitest';
import { createAppContext } from '../../electron/core/app-context';
import { createHeadlessPlatform } from '../../electron/host/headless-platform';
import { OCR_FIXTURES, fixture } from '../support/scan-fixtures';
import { RESOURCES_DIR, memoryLogger, tempDir } from '../support/test-context';

const BIN = path.resolve(__dirname, '../../bin/casebinder.cjs');
const run = promisify(execFile);

function query<T>(file: string, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
    db.all(sql, (err, rows) => db.close(() => (err ? reject(err) : resolve(rows as T[]))));
  });
}

describe('an OCR job killed half-way', () => {
  it('resumes after a restart without duplicating a page or a text, and the CLI finds the text', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    await run(process.execPath, [BIN, 'init', '--data-dir', dataDir, '--json']);
    const files = ['scan-upright.png', 'scan-skewed-2deg.jpg', 'scan-rotated-180.png', 'scan-two-pages.tif'].map((f) => path.join(OCR_FIXTURES, f));
    const child = spawn(process.execPath, [BIN, 'scan', 'import', ...files, '--data-dir', dataDir, '--json'], { stdio: 'ignore' });
    const dbFile = path.join(dataDir, 'casebinder.sqlite');
    // Pull the plug once the first page is recognised and others are still waiting.
    let state = { done: 0, pending: 0 };
    for (let i = 0; i < 1200; i++) {
      const [row] = await query<{ done: number; pending: number }>(dbFile, `SELECT sum(status = 'done') AS done, sum(status = 'pending') AS pending FROM scan_pages`).catch(() => [{ done: 0, pending: 0 }]);
      state = { done: row?.done ?? 0, pending: row?.pending ?? 0 };
      if (state.done >= 1 && state.pending >= 1) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(state.done).toBeGreaterThanOrEqual(1);
    expect(state.pending).toBeGreaterThanOrEqual(1);
    const [job] = await query<{ state: string }>(dbFile, `SELECT state FROM jobs WHERE kind = 'scans.process'`);
    expect(job?.state).toBe('running');

    // Next start: the job resumes and recognises only what was left.
    const app = await createAppContext({ dataDir, resourcesDir: RESOURCES_DIR, platform: createHeadlessPlatform(), logger: memoryLogger().logger });
    try {
      await app.services.jobs.idle();
      const done = await app.db.get<{ state: string; result: string }>(`SELECT state, result FROM jobs WHERE kind = 'scans.process'`);
      expect(done?.state).toBe('succeeded');
      const pages = await app.db.all<{ file_id: number; file_page: number; status: string; versions: number }>(
        `SELECT file_id, file_page, status, (SELECT count(*) FROM page_texts t WHERE t.page_id = p.id) AS versions FROM scan_pages p ORDER BY seq`,
      );
      expect(pages).toHaveLength(5); // 1 + 1 + 1 + 2, each once
      expect(pages.every((p) => p.status === 'done' && p.versions === 1)).toBe(true);
      expect((await app.db.get<{ n: number }>('SELECT count(*) AS n FROM scan_documents'))?.n).toBe(1);
      expect((await app.services.audit.verify(async () => undefined)).ok).toBe(true);
    } finally {
      await app.close();
    }
    const { stdout } = await run(process.execPath, [BIN, 'search', '食品安全监督', '--data-dir', dataDir, '--json']);
    const found = JSON.parse(stdout) as { hits: { snippet: string }[] };
    expect(found.hits.length).toBeGreaterThan(0);
    expect(found.hits[0]?.snippet).toContain('【食品安全监督】');
  }, 300_000);

  it('scan import reports a corrupt file with its code and exit 1 while the good file is recognised', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    await run(process.execPath, [BIN, 'init', '--data-dir', dataDir, '--json']);
    const broken = path.join(dir, 'broken.jpg');
    fs.writeFileSync(broken, fixture('corrupt-truncated.jpg'));
    const result = await run(process.execPath, [BIN, 'scan', 'import', path.join(OCR_FIXTURES, 'scan-upright.png'), broken, '--data-dir', dataDir, '--json']).catch((e: { code: number; stdout: string }) => e);
    expect((result as { code?: number }).code).toBe(1);
    const json = JSON.parse((result as { stdout: string }).stdout) as { pages: number; failedFiles: number; failures: { file: string; code: string }[] };
    expect(json).toMatchObject({ pages: 1, failedFiles: 1, failures: [{ file: 'broken.jpg', code: 'SCAN_FILE_INVALID' }] });
  }, 120_000);
});
