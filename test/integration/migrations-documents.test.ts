import path from 'node:path';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { CreateDocuments1700000000008 } from '../../electron/core/db/migrations/0008-create-documents';
import { tempDir } from '../support/test-context';

const NEW_TABLES = ['doc_number_sequences', 'documents'];
const T = `'2026-03-02T09:00:00.000Z'`;
const SHA = 'ab'.repeat(32);

async function migrated() {
  const ds = new DataSource({ type: 'sqlite', database: path.join(tempDir(), 'm.sqlite') });
  await ds.initialize();
  await ds.query('PRAGMA foreign_keys = ON');
  const runner = ds.createQueryRunner();
  for (const M of MIGRATIONS.slice(0, MIGRATIONS.indexOf(CreateDocuments1700000000008) + 1)) await new M().up(runner);
  await ds.query(`INSERT INTO bureaus (id, division_code, name, level, fonds_code, org_code, short_name, created_at, updated_at) VALUES (1, '210100', 'x', 'city', 'J001', 'SCJG', '沈市监', ${T}, ${T})`);
  await ds.query(`INSERT INTO targets (id, kind, credit_code, name, territorial_bureau_id, created_at, updated_at) VALUES (1, 'for_profit', '914403001922038216', '甲公司', 1, ${T}, ${T})`);
  await ds.query(`INSERT INTO plans (id, bureau_id, year, business_line, title, created_at, updated_at) VALUES (1, 1, 2026, '食品安全', '计划', ${T}, ${T})`);
  await ds.query(`INSERT INTO tasks (id, plan_id, batch_no, name, executing_bureau_id, scope, ratios, matching, window_from, window_to, created_at, updated_at) VALUES (1, 1, 1, '第一批', 1, '{}', '{}', '{}', '2026-04-01', '2026-06-30', ${T}, ${T})`);
  await ds.query(`INSERT INTO inspections (id, task_id, target_id, inspecting_bureau_id, year, purpose, created_at, updated_at) VALUES (1, 1, 1, 1, 2026, 'general', ${T}, ${T})`);
  await ds.query(`INSERT INTO blobs (sha256, size, media_type, created_at) VALUES ('${SHA}', 10, 'application/pdf', ${T})`);
  return { ds, runner };
}

const tables = async (ds: DataSource) =>
  ((await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (${NEW_TABLES.map((t) => `'${t}'`).join(',')}) ORDER BY name`)) as { name: string }[]).map((r) => r.name);
const doc = (version: number, kind = 'notice') =>
  `INSERT INTO documents (inspection_id, kind, version, doc_no, title, responsible, doc_date, blob_sha256, page_count, created_at) VALUES (1, '${kind}', ${version}, NULL, '行政检查告知书', '沈阳市市场监督管理局', '2026-03-02', '${SHA}', 1, ${T})`;

describe('migration 0008: documents and document-number sequences', () => {
  it('is listed after the holiday-years migration, under its 13-digit number', () => {
    const names = MIGRATIONS.map((M) => new M().name);
    expect(names.indexOf('CreateDocuments1700000000008')).toBe(names.indexOf('CreateHolidayYears1700000000007') + 1);
  });

  it('creates the tables with their constraints; documents cannot change; down drops them', async () => {
    const { ds, runner } = await migrated();
    expect(await tables(ds)).toEqual(NEW_TABLES);
    await ds.query(`INSERT INTO doc_number_sequences (bureau_id, year, kind, last_no) VALUES (1, 2026, 'notice', 1)`);
    await expect(ds.query(`INSERT INTO doc_number_sequences (bureau_id, year, kind, last_no) VALUES (1, 2026, 'notice', 2)`)).rejects.toThrow(/UNIQUE|PRIMARY/);
    await expect(ds.query(`INSERT INTO doc_number_sequences (bureau_id, year, kind, last_no) VALUES (1, 2026, 'order', 1)`)).rejects.toThrow(/CHECK/);
    await ds.query(doc(1));
    await ds.query(doc(1, 'register'));
    await expect(ds.query(doc(1))).rejects.toThrow(/UNIQUE/);
    await expect(ds.query(doc(2, 'bogus'))).rejects.toThrow(/CHECK/);
    await expect(ds.query(`INSERT INTO documents (inspection_id, kind, version, title, responsible, doc_date, blob_sha256, page_count, created_at) VALUES (1, 'notice', 3, 't', 'r', '2026-03-02', '${'cd'.repeat(32)}', 1, ${T})`)).rejects.toThrow(/FOREIGN KEY/);
    await expect(ds.query(`UPDATE documents SET title = 'x'`)).rejects.toThrow(/immutable/);
    await expect(ds.query(`DELETE FROM documents`)).rejects.toThrow(/immutable/);
    await new CreateDocuments1700000000008().down(runner);
    expect(await tables(ds)).toEqual([]);
    await ds.destroy();
  });
});
