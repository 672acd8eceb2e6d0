import path from 'node:path';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { CreateDocuments1700000000008 } from '../../electron/core/db/migrations/0008-create-documents';
import { InspectionWorkflow1700000000009 } from '../../electron/core/db/migrations/0009-inspection-workflow';
import { tempDir } from '../support/test-context';

const T = `'2026-03-02T09:00:00.000Z'`;
const SHA = 'ab'.repeat(32);

/** A folder migrated to 0008 with one inspection and one stored notice, then (optionally) 0009. */
async function folder() {
  const ds = new DataSource({ type: 'sqlite', database: path.join(tempDir(), 'm.sqlite') });
  await ds.initialize();
  await ds.query('PRAGMA foreign_keys = ON');
  const runner = ds.createQueryRunner();
  for (const M of MIGRATIONS.slice(0, MIGRATIONS.indexOf(CreateDocuments1700000000008) + 1)) await new M().up(runner);
  await ds.query(`INSERT INTO bureaus (id, division_code, name, level, fonds_code, org_code, short_name, created_at, updated_at) VALUES (1, '210100', 'x', 'city', 'J001', 'SCJG', '沈市监', ${T}, ${T})`);
  await ds.query(`INSERT INTO users (id, login, display_name, bureau_id, roles, password_hash, created_at, updated_at) VALUES (1, 'a', 'A', 1, '["inspector"]', 'x', ${T}, ${T}), (2, 'b', 'B', 1, '["reviewer"]', 'x', ${T}, ${T})`);
  await ds.query(`INSERT INTO targets (id, kind, credit_code, name, territorial_bureau_id, created_at, updated_at) VALUES (1, 'for_profit', '914403001922038216', '甲公司', 1, ${T}, ${T})`);
  await ds.query(`INSERT INTO plans (id, bureau_id, year, business_line, title, created_at, updated_at) VALUES (1, 1, 2026, '食品安全', '计划', ${T}, ${T})`);
  await ds.query(`INSERT INTO tasks (id, plan_id, batch_no, name, executing_bureau_id, scope, ratios, matching, window_from, window_to, created_at, updated_at) VALUES (1, 1, 1, '第一批', 1, '{}', '{}', '{}', '2026-04-01', '2026-06-30', ${T}, ${T})`);
  await ds.query(`INSERT INTO inspections (id, task_id, target_id, inspecting_bureau_id, year, purpose, created_at, updated_at) VALUES (1, 1, 1, 1, 2026, 'general', ${T}, ${T})`);
  await ds.query(`INSERT INTO blobs (sha256, size, media_type, created_at) VALUES ('${SHA}', 10, 'application/pdf', ${T})`);
  await ds.query(`INSERT INTO doc_number_sequences (bureau_id, year, kind, last_no) VALUES (1, 2026, 'notice', 1)`);
  await ds.query(`INSERT INTO documents (id, inspection_id, kind, version, doc_no, title, responsible, doc_date, blob_sha256, page_count, created_at) VALUES (7, 1, 'notice', 1, '沈市监检告〔2026〕1号', '行政检查告知书', '沈阳市市场监督管理局', '2026-03-02', '${SHA}', 1, ${T})`);
  return { ds, runner };
}

describe('migration 0009: the inspection workflow', () => {
  it('is listed after 0008', () => {
    const names = MIGRATIONS.map((M) => new M().name);
    expect(names.indexOf('InspectionWorkflow1700000000009')).toBe(names.indexOf('CreateDocuments1700000000008') + 1);
  });

  it('keeps stored documents and their numbers, admits the correction order, and documents stay immutable', async () => {
    const { ds, runner } = await folder();
    await new InspectionWorkflow1700000000009().up(runner);
    expect(await ds.query(`SELECT id, kind, doc_no FROM documents`)).toEqual([{ id: 7, kind: 'notice', doc_no: '沈市监检告〔2026〕1号' }]);
    expect(await ds.query(`SELECT kind, last_no FROM doc_number_sequences`)).toEqual([{ kind: 'notice', last_no: 1 }]);
    await ds.query(`INSERT INTO doc_number_sequences (bureau_id, year, kind, last_no) VALUES (1, 2026, 'order', 1)`);
    await ds.query(`INSERT INTO documents (inspection_id, kind, version, title, responsible, doc_date, blob_sha256, page_count, created_at) VALUES (1, 'order', 1, '责令改正通知书', 'x', '2026-03-02', '${SHA}', 1, ${T})`);
    await expect(ds.query(`INSERT INTO documents (inspection_id, kind, version, title, responsible, doc_date, blob_sha256, page_count, created_at) VALUES (1, 'bogus', 1, 't', 'x', '2026-03-02', '${SHA}', 1, ${T})`)).rejects.toThrow(/CHECK/);
    await expect(ds.query(`UPDATE documents SET title = 'x'`)).rejects.toThrow(/immutable/);
    await expect(ds.query(`DELETE FROM documents`)).rejects.toThrow(/immutable/);
    expect((await ds.query(`SELECT name FROM sqlite_master WHERE name LIKE '%_0008'`)).length).toBe(0);
    await ds.destroy();
  });

  it('checks signing, reviews, corrections; reviews and member changes are never rewritten; down drops the new tables', async () => {
    const { ds, runner } = await folder();
    const m = new InspectionWorkflow1700000000009();
    await m.up(runner);
    expect(await ds.query(`SELECT methods, follow_up_status FROM inspections`)).toEqual([{ methods: '[]', follow_up_status: 'none' }]);
    await expect(ds.query(`UPDATE inspections SET follow_up_status = 'bogus'`)).rejects.toThrow(/CHECK/);
    // A refusal needs a reason and a witness.
    await expect(ds.query(`INSERT INTO inspection_signings (inspection_id, status, recorded_at) VALUES (1, 'refused', ${T})`)).rejects.toThrow(/CHECK/);
    await ds.query(`INSERT INTO inspection_signings (inspection_id, status, reason, witness_name, witness_id_no, recorded_at) VALUES (1, 'refused', '拒签', '李四', '210102199001011234', ${T})`);
    // The one who entered may not review.
    await expect(ds.query(`INSERT INTO inspection_reviews (inspection_id, decision, reviewer_id, entered_by, reviewed_at) VALUES (1, 'approve', 1, 1, ${T})`)).rejects.toThrow(/CHECK/);
    await ds.query(`INSERT INTO inspection_reviews (inspection_id, decision, comment, reviewer_id, entered_by, reviewed_at) VALUES (1, 'return', '补充', 2, 1, ${T})`);
    await expect(ds.query(`UPDATE inspection_reviews SET comment = 'x'`)).rejects.toThrow(/immutable/);
    await ds.query(`INSERT INTO inspection_member_changes (inspection_id, before_json, after_json, reason, changed_at) VALUES (1, '[1,2]', '[1,3]', '请假', ${T})`);
    await expect(ds.query(`DELETE FROM inspection_member_changes`)).rejects.toThrow(/immutable/);
    await expect(ds.query(`INSERT INTO inspection_results (inspection_id, non_public) VALUES (1, 'bogus')`)).rejects.toThrow(/CHECK/);
    await expect(ds.query(`INSERT INTO correction_orders (inspection_id, content, issued_on, deadline_on, created_at, updated_at) VALUES (1, '改正', '2026-05-10', '2026-05-01', ${T}, ${T})`)).rejects.toThrow(/CHECK/);
    await ds.query(`INSERT INTO correction_orders (inspection_id, content, issued_on, deadline_on, created_at, updated_at) VALUES (1, '改正', '2026-05-10', '2026-05-20', ${T}, ${T})`);
    await m.down(runner);
    const left = await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('correction_orders','publications','inspection_reviews','inspection_results','inspection_item_results','inspection_signings','inspection_member_changes')`);
    expect(left).toEqual([]);
    await ds.destroy();
  });
});
