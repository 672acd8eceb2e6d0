import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { CreateArchives1700000000013 } from '../../electron/core/db/migrations/0013-create-archives';
import { migratedUpTo, seedVolume, SHA, T } from '../support/migration-seed';

/** A folder migrated up to 0013 with one volume, one entry and one binding, then 0013. */
async function folder() {
  const { ds, runner } = await migratedUpTo(CreateArchives1700000000013);
  await seedVolume(ds);
  await ds.query(`INSERT INTO users (id, login, display_name, password_hash, bureau_id, roles, created_at, updated_at) VALUES (1, 'clerk', 'clerk', 'x', 1, '["clerk"]', ${T}, ${T}), (2, 'legal', 'legal', 'x', 1, '["legal"]', ${T}, ${T})`);
  await ds.query(`INSERT INTO volume_entries (id, volume_id, source, blob_sha256, media_type, doc_type, page_count, created_at, updated_at) VALUES (1, 1, 'imported', '${SHA}', 'application/pdf', 'evidence', 2, ${T}, ${T})`);
  await ds.query(`INSERT INTO volume_bindings (volume_id, version, blob_sha256, sha256, size, pages, content_pages, manifest, bound_at) VALUES (1, 1, '${SHA}', '${SHA}', 10, 4, 2, '{}', ${T})`);
  await new CreateArchives1700000000013().up(runner);
  return { ds, runner };
}

const review = (round: number, version = 1) => `INSERT INTO legal_reviews (volume_id, round, binding_version, submitted_by, submitted_at) VALUES (1, ${round}, ${version}, 1, ${T})`;
const decide = (id: number, reviewer: number, decision = `'return'`) => `UPDATE legal_reviews SET decision = ${decision}, findings = '[]', items = '[]', comments = 'x', reviewer_id = ${reviewer}, decided_at = ${T} WHERE id = ${id}`;
const archive = (seq: number, no = `'J001-WS·2026-D10-SCJG-00${seq}'`) =>
  `INSERT INTO volume_archives (volume_id, archive_no, custody_bureau_id, year, retention, seq, binding_version, review_id, archived_by, archived_at) VALUES (1, ${no}, 1, 2026, 'D10', ${seq}, 1, 2, 1, ${T})`;

describe('migration 0013: legal reviews, 档号 counters, archived volumes, four-property check runs', () => {
  it('is listed right after every lower-numbered migration', () => {
    const names = MIGRATIONS.map((M) => new M().name);
    const at = names.indexOf('CreateArchives1700000000013');
    expect(at).toBeGreaterThan(0);
    expect(names.slice(0, at).every((n) => Number(n.slice(-4)) < 13)).toBe(true);
    expect(names.slice(at + 1).every((n) => Number(n.slice(-4)) > 13)).toBe(true);
  });

  it('keeps one open round, freezes decided rounds, refuses self-review; counters step by one; an archived volume is read-only', async () => {
    const { ds, runner } = await folder();
    await ds.query(review(1));
    await expect(ds.query(review(2))).rejects.toThrow(/UNIQUE/); // one open round per volume
    await expect(ds.query(review(2, 9))).rejects.toThrow(/UNIQUE|FOREIGN KEY/);
    await expect(ds.query(decide(1, 1))).rejects.toThrow(/CHECK/); // the submitter cannot decide
    await expect(ds.query(`UPDATE legal_reviews SET decision = 'approve' WHERE id = 1`)).rejects.toThrow(/CHECK/);
    await ds.query(decide(1, 2));
    await expect(ds.query(`UPDATE legal_reviews SET comments = 'y' WHERE id = 1`)).rejects.toThrow(/immutable/);
    await expect(ds.query(`DELETE FROM legal_reviews WHERE id = 1`)).rejects.toThrow(/never deleted/);
    await ds.query(review(2));
    await ds.query(decide(2, 2, `'approve'`));

    await ds.query(`INSERT INTO archive_counters (bureau_id, year, retention, last_seq) VALUES (1, 2026, 'D10', 1)`);
    await expect(ds.query(`UPDATE archive_counters SET last_seq = 3`)).rejects.toThrow(/steps by one/);
    await ds.query(`UPDATE archive_counters SET last_seq = last_seq + 1`);
    await expect(ds.query(`DELETE FROM archive_counters`)).rejects.toThrow(/never deleted/);
    await expect(ds.query(`INSERT INTO archive_counters (bureau_id, year, retention, last_seq) VALUES (1, 2026, 'D20', 1)`)).rejects.toThrow(/CHECK/);

    await ds.query(`UPDATE volumes SET status = 'archived' WHERE id = 1`);
    await ds.query(archive(1));
    await expect(ds.query(`UPDATE volume_archives SET archive_no = 'x'`)).rejects.toThrow(/immutable/);
    await expect(ds.query(`DELETE FROM volume_archives`)).rejects.toThrow(/immutable/);
    for (const sql of [
      `UPDATE volumes SET title = 'changed' WHERE id = 1`,
      `UPDATE volume_entries SET title = 'changed' WHERE id = 1`,
      `DELETE FROM volume_entries WHERE id = 1`,
      `INSERT INTO volume_entries (volume_id, source, blob_sha256, media_type, doc_type, page_count, created_at, updated_at) VALUES (1, 'imported', '${SHA}', 'application/pdf', 'other', 1, ${T}, ${T})`,
      `INSERT INTO volume_pages (entry_id, page_index, rotation, excluded, updated_at) VALUES (1, 0, 90, 0, ${T})`,
      `INSERT INTO volume_redactions (entry_id, page_index, reason, marked_at) VALUES (1, 0, 'privacy', ${T})`,
      `INSERT INTO volume_bindings (volume_id, version, blob_sha256, sha256, size, pages, content_pages, manifest, bound_at) VALUES (1, 2, '${SHA}', '${SHA}', 10, 4, 2, '{}', ${T})`,
      `INSERT INTO volume_public_copies (volume_id, version, based_on_version, blob_sha256, sha256, size, pages, content_pages, withheld_pages, manifest, bound_at) VALUES (1, 1, 1, '${SHA}', '${SHA}', 10, 4, 2, 0, '{}', ${T})`,
    ]) {
      await expect(ds.query(sql), sql).rejects.toThrow(/VOLUME_ARCHIVED/);
    }
    expect(await ds.query(`SELECT title FROM volumes WHERE id = 1`)).toEqual([{ title: '专卷' }]);
    // Later additions are supplements: a note for the 备考表, immutable.
    await ds.query(`INSERT INTO volume_supplements (volume_id, note, added_by, added_at) VALUES (1, '补充：整改复查照片', 1, ${T})`);
    await expect(ds.query(`INSERT INTO volume_supplements (volume_id, note, added_at) VALUES (1, '  ', ${T})`)).rejects.toThrow(/CHECK/);
    await expect(ds.query(`UPDATE volume_supplements SET note = 'x'`)).rejects.toThrow(/immutable/);

    await ds.query(`INSERT INTO volume_locations (volume_id, room, cabinet, shelf, box, moved_at) VALUES (1, '一号库房', '3', '2', '001', ${T})`);
    await expect(ds.query(`INSERT INTO volume_locations (volume_id, room, cabinet, shelf, box, moved_at) VALUES (1, '一号库房', '3', '2', ' ', ${T})`)).rejects.toThrow(/CHECK/);
    await expect(ds.query(`UPDATE volume_locations SET box = '002'`)).rejects.toThrow(/immutable/);
    await ds.query(`INSERT INTO fixity_runs (id, volume_id, bureau_ids, started_at) VALUES (1, 1, '[1]', ${T})`);
    await expect(ds.query(`UPDATE fixity_runs SET state = 'finished' WHERE id = 1`)).rejects.toThrow(/CHECK/);
    await ds.query(`INSERT INTO fixity_failures (run_id, volume_id, property, code, item, detail) VALUES (1, 1, 'integrity', 'PAGE_NUMBERING_BROKEN', 'binding:v1', 'x')`);
    await expect(ds.query(`INSERT INTO fixity_failures (run_id, volume_id, property, code, item, detail) VALUES (1, 1, 'beauty', 'X', 'y', 'z')`)).rejects.toThrow(/CHECK/);
    await ds.query(`UPDATE fixity_runs SET state = 'finished', ok = 0, finished_at = ${T} WHERE id = 1`);

    await new CreateArchives1700000000013().down(runner);
    const left = await ds.query(`SELECT name FROM sqlite_master WHERE name IN ('legal_reviews', 'archive_counters', 'volume_archives', 'volume_supplements', 'fixity_runs', 'fixity_failures', 'archive_settings', 'volume_locations', 'volumes_archived_update')`);
    expect(left).toEqual([]);
    await ds.query(`UPDATE volumes SET title = 'editable again' WHERE id = 1`);
    await ds.destroy();
  });
});
