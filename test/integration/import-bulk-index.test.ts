import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { completeUscc } from '../../shared/domain/uscc';
import { BULK_INDEX_AFTER, FILL_EVERY } from '../../electron/core/targets/target-search-index';
import { makeTestContext, tempDir, type TestContext } from '../support/test-context';

// Enough new rows for the import to drop the search triggers, index two ranges in the background and the
// rest at the end (see target-search-index.ts).
const ROWS = BULK_INDEX_AFTER + 2 * FILL_EVERY + 1234;

let t: TestContext;
afterEach(async () => t?.app.close());

const code = (i: number) => completeUscc(`91210102${String(i).padStart(8, '0')}`);

function bigFile(lastLine?: string): string {
  const file = path.join(tempDir(), 'big.csv');
  const lines = ['统一社会信用代码,名称,属地,风险等级'];
  for (let i = 0; i < ROWS; i++) lines.push(`${code(i)},沈阳批量索引第${i}号${i % 2 ? '商贸' : '餐饮'}有限公司,和平区,一般`);
  if (lastLine) lines.push(lastLine);
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

/** Everything the bulk path touches that must look exactly as before: trigger SQL and the FTS5 settings. */
async function schemaState(t: TestContext) {
  return {
    triggers: await t.app.db.all(`SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`),
    ftsConfig: await t.app.db.all('SELECT k, v FROM targets_fts_config ORDER BY k'),
    bigramConfig: await t.app.db.all('SELECT k, v FROM targets_bigram_config ORDER BY k'),
  };
}

async function searchIndexesIntact(t: TestContext) {
  // FTS5 raises an error if an external-content index disagrees with its table.
  await t.app.db.write(async (tx) => {
    await tx.run(`INSERT INTO targets_fts(targets_fts, rank) VALUES ('integrity-check', 1)`);
    await tx.run(`INSERT INTO targets_bigram(targets_bigram, rank) VALUES ('integrity-check', 1)`);
  });
}

async function start(t: TestContext, file: string, extra: Record<string, unknown> = {}) {
  const staged = await t.admin.call('imports.stageFile', { path: file });
  return (await t.admin.call('imports.start', { stagedId: staged.id, directory: 'targets', ...extra } as never)).jobId;
}

describe('a large target import indexes its new rows in bulk', () => {
  it('finds rows from every part of the file, restores the triggers byte for byte, and new edits are indexed again', async () => {
    t = await makeTestContext();
    const before = await schemaState(t);
    const jobId = await start(t, bigFile());
    await t.app.services.jobs.idle();
    expect((await t.admin.call('jobs.get', { id: jobId })).result).toMatchObject({ inserted: ROWS, rejected: 0 });
    expect(await schemaState(t)).toEqual(before);
    await searchIndexesIntact(t);

    const names = async (query: string) => (await t.admin.call('targets.list', { query, pageSize: 100 })).items.map((x) => x.name);
    // Trigger-indexed (first rows), background-filled (middle), filled at the end (last rows): trigram, code, bigram.
    for (const i of [7, BULK_INDEX_AFTER + 10, BULK_INDEX_AFTER + FILL_EVERY + 10, ROWS - 1]) {
      expect(await names(`批量索引第${i}号`)).toContain(`沈阳批量索引第${i}号${i % 2 ? '商贸' : '餐饮'}有限公司`);
      expect(await names(code(i))).toHaveLength(1);
    }
    expect((await t.admin.call('targets.list', { query: '餐饮', pageSize: 1 })).total).toBe(Math.min(Math.ceil(ROWS / 2), 10_000));

    const created = await t.admin.call('targets.create', { kind: 'for_profit', creditCode: code(ROWS + 5), name: '沈阳导入之后新建测试有限公司', territorialBureauId: t.bureauId('210102') });
    expect(await names('导入之后新建')).toEqual([created.name]);
    await searchIndexesIntact(t);
    const { jobId: verify } = await t.admin.call('audit.verify', {});
    await t.app.services.jobs.idle();
    expect(((await t.admin.call('jobs.get', { id: verify })).result as { ok: boolean }).ok).toBe(true);
  }, 120_000);

  it('all-or-nothing with a bad last row, and a cancel after the switch, leave triggers, settings and indexes as before', async () => {
    t = await makeTestContext();
    const before = await schemaState(t);
    const rejected = await start(t, bigFile(`${code(ROWS + 1)},,和平区,一般`), { mode: 'all-or-nothing' });
    await t.app.services.jobs.idle();
    expect(await t.admin.call('jobs.get', { id: rejected })).toMatchObject({ state: 'failed', errorCode: 'IMPORT_REJECTED' });

    let cancelled = false;
    const off = t.app.events.subscribe((e) => {
      if (!cancelled && e.type === 'job.progress' && e.phase === 'rows' && e.done > BULK_INDEX_AFTER + FILL_EVERY + 5000) {
        cancelled = true;
        void t.admin.call('jobs.cancel', { id: e.jobId });
      }
    });
    const cancelledJob = await start(t, bigFile());
    await t.app.services.jobs.idle();
    off();
    expect((await t.admin.call('jobs.get', { id: cancelledJob })).state).toBe('cancelled');

    expect((await t.app.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM targets'))?.n).toBe(0);
    expect(await schemaState(t)).toEqual(before);
    await searchIndexesIntact(t);
    expect((await t.app.services.audit.verify(async () => undefined)).ok).toBe(true);
  }, 120_000);
});
