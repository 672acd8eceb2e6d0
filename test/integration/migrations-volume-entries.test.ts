import path from 'node:path';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { CreateVolumeEntries1700000000010 } from '../../electron/core/db/migrations/0010-create-volume-entries';
import { tempDir } from '../support/test-context';

const T = `'2026-03-02T09:00:00.000Z'`;
const SHA = 'ab'.repeat(32);

/** A folder migrated to 0009 with one volume and one stored notice, then 0010. */
async function folder() {
  const ds = new DataSource({ type: 'sqlite', database: path.join(tempDir(), 'm.sqlite') });
  await ds.initialize();
  await ds.query('PRAGMA foreign_keys = ON');
  const runner = ds.createQueryRunner();
  for (const M of MIGRATIONS.slice(0, MIGRATIONS.indexOf(CreateVolumeEntries1700000000010))) await new M().up(runner);
  await ds.query(`INSERT INTO bureaus (id, division_code, name, level, fonds_code, org_code, short_name, created_at, updated_at) VALUES (1, '210100', 'x', 'city', 'J001', 'SCJG', '沈市监', ${T}, ${T})`);
  await ds.query(`INSERT INTO targets (id, kind, credit_code, name, territorial_bureau_id, created_at, updated_at) VALUES (1, 'for_profit', '914403001922038216', '甲公司', 1, ${T}, ${T})`);
  await ds.query(`INSERT INTO plans (id, bureau_id, year, business_line, title, created_at, updated_at) VALUES (1, 1, 2026, '食品安全', '计划', ${T}, ${T})`);
  await ds.query(`INSERT INTO tasks (id, plan_id, batch_no, name, executing_bureau_id, scope, ratios, matching, window_from, window_to, created_at, updated_at) VALUES (1, 1, 1, '第一批', 1, '{}', '{}', '{}', '2026-04-01', '2026-06-30', ${T}, ${T})`);
  await ds.query(`INSERT INTO inspections (id, task_id, target_id, inspecting_bureau_id, year, purpose, created_at, updated_at) VALUES (1, 1, 1, 1, 2026, 'general', ${T}, ${T})`);
  await ds.query(`INSERT INTO volumes (id, task_id, target_id, inspection_id, custody_bureau_id, inspecting_bureau_id, title, opened_by, created_at, updated_at) VALUES (1, 1, 1, 1, 1, 1, '专卷', 'draw', ${T}, ${T})`);
  await ds.query(`INSERT INTO blobs (sha256, size, media_type, created_at) VALUES ('${SHA}', 10, 'application/pdf', ${T})`);
  await ds.query(`INSERT INTO documents (id, inspection_id, volume_id, kind, version, title, responsible, doc_date, blob_sha256, page_count, created_at) VALUES (7, 1, 1, 'notice', 1, '行政检查告知书', 'x', '2026-03-02', '${SHA}', 1, ${T})`);
  await new CreateVolumeEntries1700000000010().up(runner);
  return { ds, runner };
}

const entry = (fields: string, values: string) => `INSERT INTO volume_entries (volume_id, blob_sha256, media_type, page_count, created_at, updated_at, ${fields}) VALUES (1, '${SHA}', 'application/pdf', 1, ${T}, ${T}, ${values})`;

describe('migration 0010: volume entries, page states, bindings', () => {
  it('is listed after 0009', () => {
    const names = MIGRATIONS.map((M) => new M().name);
    expect(names.indexOf('CreateVolumeEntries1700000000010')).toBe(names.indexOf('InspectionWorkflow1700000000009') + 1);
  });

  it('checks entries and pages, keeps one entry per generated kind, and never rewrites a binding; down drops the tables', async () => {
    const { ds, runner } = await folder();
    await ds.query(entry('source, generated_kind, document_id, doc_type', `'generated', 'notice', 7, 'notice'`));
    await expect(ds.query(entry('source, generated_kind, document_id, doc_type', `'generated', 'notice', 7, 'notice'`))).rejects.toThrow(/UNIQUE/);
    await expect(ds.query(entry('source, doc_type', `'generated', 'notice'`))).rejects.toThrow(/CHECK/);
    await expect(ds.query(entry('source, doc_type', `'imported', 'bogus'`))).rejects.toThrow(/CHECK/);
    await ds.query(entry('source, doc_type', `'imported', 'evidence'`));
    await expect(ds.query(`INSERT INTO volume_pages (entry_id, page_index, rotation, updated_at) VALUES (2, 0, 45, ${T})`)).rejects.toThrow(/CHECK/);
    await expect(ds.query(`INSERT INTO volume_pages (entry_id, page_index, excluded, updated_at) VALUES (2, 0, 1, ${T})`)).rejects.toThrow(/CHECK/);
    await ds.query(`INSERT INTO volume_pages (entry_id, page_index, excluded, reason, updated_at) VALUES (2, 0, 1, '重复页', ${T})`);
    await ds.query(`INSERT INTO volume_bindings (volume_id, version, blob_sha256, sha256, size, pages, content_pages, manifest, bound_at) VALUES (1, 1, '${SHA}', '${SHA}', 10, 4, 1, '{}', ${T})`);
    await expect(ds.query(`INSERT INTO volume_bindings (volume_id, version, blob_sha256, sha256, size, pages, content_pages, manifest, bound_at) VALUES (1, 1, '${SHA}', '${SHA}', 10, 4, 1, '{}', ${T})`)).rejects.toThrow(/UNIQUE/);
    await expect(ds.query(`UPDATE volume_bindings SET pages = 5`)).rejects.toThrow(/immutable/);
    await expect(ds.query(`DELETE FROM volume_bindings`)).rejects.toThrow(/immutable/);
    await new CreateVolumeEntries1700000000010().down(runner);
    expect(await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('volume_entries', 'volume_pages', 'volume_bindings')`)).toEqual([]);
    await ds.destroy();
  });
});
