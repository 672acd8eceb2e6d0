import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { CreateLending1700000000015 } from '../../electron/core/db/migrations/0015-create-lending';
import { migratedUpTo, seedVolume, SHA, T } from '../support/migration-seed';

/** A folder migrated up to 0015 with one archived volume and a clerk (1) and an inspector (2), then 0015. */
async function folder() {
  const { ds, runner } = await migratedUpTo(CreateLending1700000000015);
  await seedVolume(ds);
  await ds.query(`INSERT INTO users (id, login, display_name, password_hash, bureau_id, roles, created_at, updated_at) VALUES (1, 'clerk', 'clerk', 'x', 1, '["clerk"]', ${T}, ${T}), (2, 'jcy', 'jcy', 'x', 1, '["inspector"]', ${T}, ${T}), (3, 'legal', 'legal', 'x', 1, '["legal"]', ${T}, ${T})`);
  await ds.query(`INSERT INTO volume_bindings (volume_id, version, blob_sha256, sha256, size, pages, content_pages, manifest, bound_at) VALUES (1, 1, '${SHA}', '${SHA}', 10, 4, 2, '{}', ${T})`);
  await ds.query(`INSERT INTO legal_reviews (volume_id, round, binding_version, submitted_by, submitted_at) VALUES (1, 1, 1, 1, ${T})`);
  await ds.query(`UPDATE legal_reviews SET decision = 'approve', findings = '[]', items = '[]', reviewer_id = 3, decided_at = ${T} WHERE id = 1`);
  await ds.query(`INSERT INTO volume_archives (volume_id, archive_no, custody_bureau_id, year, retention, seq, binding_version, review_id, archived_by, archived_at) VALUES (1, 'J001-WS·2026-D10-SCJG-001', 1, 2026, 'D10', 1, 1, 1, 1, ${T})`);
  await new CreateLending1700000000015().up(runner);
  return { ds, runner };
}

const loan = (form: 'paper' | 'electronic', borrower: string | null = '2') =>
  `INSERT INTO loans (volume_id, custody_bureau_id, form, borrower_user_id, borrower_name, purpose, days, requested_by, requested_at) VALUES (1, 1, '${form}', ${borrower ?? 'NULL'}, 'x', 'consult', 7, 2, ${T})`;
const decide = (id: number, by: number, status = 'approved') => `UPDATE loans SET status = '${status}', due_on = '2026-03-09', decided_by = ${by}, decided_at = ${T} WHERE id = ${id}`;

describe('migration 0015: loans (借阅)', () => {
  it('is listed right after every lower-numbered migration', () => {
    const names = MIGRATIONS.map((M) => new M().name);
    const at = names.indexOf('CreateLending1700000000015');
    expect(at).toBeGreaterThan(0);
    expect(names.slice(0, at).every((n) => Number(n.slice(-4)) < 15)).toBe(true);
    expect(names.slice(at + 1).every((n) => Number(n.slice(-4)) > 15)).toBe(true);
  });

  it('lends archived volumes only; no self-approval; forward only; one paper original out; never deleted', async () => {
    const { ds, runner } = await folder();
    await expect(ds.query(loan('electronic').replace('VALUES (1,', 'VALUES (9,'))).rejects.toThrow(/FOREIGN KEY/); // not archived
    await expect(ds.query(loan('electronic', null))).rejects.toThrow(/CHECK/); // an outside borrower only on paper
    await expect(ds.query(loan('paper').replace("'consult'", "'gossip'"))).rejects.toThrow(/CHECK/);
    await ds.query(loan('electronic')); // 1
    await ds.query(loan('paper', null)); // 2
    await ds.query(loan('paper')); // 3
    await expect(ds.query(decide(1, 2))).rejects.toThrow(/CHECK/); // the borrower approves their own
    await expect(ds.query(`UPDATE loans SET status = 'approved' WHERE id = 1`)).rejects.toThrow(/CHECK/); // no decision recorded
    await ds.query(decide(1, 1));
    await expect(ds.query(`UPDATE loans SET status = 'out', out_at = ${T} WHERE id = 1`)).rejects.toThrow(/CHECK/); // electronic never goes out
    await expect(ds.query(`UPDATE loans SET status = 'requested', decided_at = NULL, decided_by = NULL WHERE id = 1`)).rejects.toThrow(/forward/);
    await ds.query(decide(2, 1));
    await ds.query(decide(3, 1));
    await ds.query(`UPDATE loans SET status = 'out', out_at = ${T}, out_by = 1 WHERE id = 2`);
    await expect(ds.query(`UPDATE loans SET status = 'out', out_at = ${T}, out_by = 1 WHERE id = 3`)).rejects.toThrow(/UNIQUE/);
    await expect(ds.query(`UPDATE loans SET borrower_name = 'y' WHERE id = 2`)).rejects.toThrow(/forward/);
    await ds.query(`UPDATE loans SET status = 'returned', returned_at = ${T}, returned_by = 1, return_condition = '完好' WHERE id = 2`);
    await ds.query(`UPDATE loans SET status = 'out', out_at = ${T}, out_by = 1 WHERE id = 3`);
    await expect(ds.query(`DELETE FROM loans WHERE id = 2`)).rejects.toThrow(/never deleted/);

    await new CreateLending1700000000015().down(runner);
    expect(await ds.query(`SELECT name FROM sqlite_master WHERE name = 'loans'`)).toEqual([]);
    await ds.destroy();
  });
});
