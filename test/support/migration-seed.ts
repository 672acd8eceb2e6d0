import path from 'node:path';
import { DataSource, type QueryRunner } from 'typeorm';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { tempDir } from './test-context';

export const T = `'2026-03-02T09:00:00.000Z'`;
export const SHA = 'ab'.repeat(32);

/** A fresh SQLite file with foreign keys on, migrated up to (not including) `before`. */
export async function migratedUpTo(before: (typeof MIGRATIONS)[number]): Promise<{ ds: DataSource; runner: QueryRunner }> {
  const ds = new DataSource({ type: 'sqlite', database: path.join(tempDir(), 'm.sqlite') });
  await ds.initialize();
  await ds.query('PRAGMA foreign_keys = ON');
  const runner = ds.createQueryRunner();
  for (const M of MIGRATIONS.slice(0, MIGRATIONS.indexOf(before))) await new M().up(runner);
  return { ds, runner };
}

/** One bureau, target, plan, task, inspection and its volume, a blob and a stored 告知书 (id 7) in that volume. */
export async function seedVolume(ds: DataSource): Promise<void> {
  await ds.query(`INSERT INTO bureaus (id, division_code, name, level, fonds_code, org_code, short_name, created_at, updated_at) VALUES (1, '210100', 'x', 'city', 'J001', 'SCJG', '沈市监', ${T}, ${T})`);
  await ds.query(`INSERT INTO targets (id, kind, credit_code, name, territorial_bureau_id, created_at, updated_at) VALUES (1, 'for_profit', '914403001922038216', '甲公司', 1, ${T}, ${T})`);
  await ds.query(`INSERT INTO plans (id, bureau_id, year, business_line, title, created_at, updated_at) VALUES (1, 1, 2026, '食品安全', '计划', ${T}, ${T})`);
  await ds.query(`INSERT INTO tasks (id, plan_id, batch_no, name, executing_bureau_id, scope, ratios, matching, window_from, window_to, created_at, updated_at) VALUES (1, 1, 1, '第一批', 1, '{}', '{}', '{}', '2026-04-01', '2026-06-30', ${T}, ${T})`);
  await ds.query(`INSERT INTO inspections (id, task_id, target_id, inspecting_bureau_id, year, purpose, created_at, updated_at) VALUES (1, 1, 1, 1, 2026, 'general', ${T}, ${T})`);
  await ds.query(`INSERT INTO volumes (id, task_id, target_id, inspection_id, custody_bureau_id, inspecting_bureau_id, title, opened_by, created_at, updated_at) VALUES (1, 1, 1, 1, 1, 1, '专卷', 'draw', ${T}, ${T})`);
  await ds.query(`INSERT INTO blobs (sha256, size, media_type, created_at) VALUES ('${SHA}', 10, 'application/pdf', ${T})`);
  await ds.query(`INSERT INTO documents (id, inspection_id, volume_id, kind, version, title, responsible, doc_date, blob_sha256, page_count, created_at) VALUES (7, 1, 1, 'notice', 1, '行政检查告知书', 'x', '2026-03-02', '${SHA}', 1, ${T})`);
}
