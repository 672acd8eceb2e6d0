import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { CreateArchivedFiles1700000000016 } from '../../electron/core/db/migrations/0016-create-archived-files';
import { migratedUpTo, seedVolume, SHA, T } from '../support/migration-seed';

/** A folder migrated up to 0016 with one archived volume (binding v1, approved review, 档号) and a finished check, then 0016. */
async function folder() {
  const { ds, runner } = await migratedUpTo(CreateArchivedFiles1700000000016);
  await seedVolume(ds);
  await ds.query(`INSERT INTO users (id, login, display_name, password_hash, bureau_id, roles, created_at, updated_at) VALUES (1, 'clerk', 'clerk', 'x', 1, '["clerk"]', ${T}, ${T}), (2, 'legal', 'legal', 'x', 1, '["legal"]', ${T}, ${T})`);
  await ds.query(`INSERT INTO volume_bindings (volume_id, version, blob_sha256, sha256, size, pages, content_pages, manifest, bound_at) VALUES (1, 1, '${SHA}', '${SHA}', 10, 4, 2, '{}', ${T})`);
  await ds.query(`INSERT INTO legal_reviews (volume_id, round, binding_version, submitted_by, submitted_at, findings, items, decision, reviewer_id, decided_at) VALUES (1, 1, 1, 1, ${T}, '[]', '[]', 'approve', 2, ${T})`);
  await ds.query(`INSERT INTO volume_archives (volume_id, archive_no, custody_bureau_id, year, retention, seq, binding_version, review_id, archived_at) VALUES (1, 'J001-WS·2026-D10-SCJG-001', 1, 2026, 'D10', 1, 1, 1, ${T})`);
  await ds.query(`INSERT INTO fixity_runs (bureau_ids, state, ok, started_at, finished_at) VALUES ('[1]', 'finished', 1, ${T}, ${T})`);
  await new CreateArchivedFiles1700000000016().up(runner);
  return { ds, runner };
}

const file = (version: number, bindingVersion = 1) =>
  `INSERT INTO volume_archived_files (volume_id, version, binding_version, derived_from_sha256, blob_sha256, sha256, size, pages, content_pages, manifest, made_at) VALUES (1, ${version}, ${bindingVersion}, '${SHA}', '${SHA}', '${SHA}', 10, 5, 2, '{}', ${T})`;

describe('migration 0016: archived files, periodic four-property checks', () => {
  it('is listed right after 0015', () => {
    const names = MIGRATIONS.map((M) => new M().name);
    expect(names.indexOf('CreateArchivedFiles1700000000016')).toBe(names.indexOf('CreateLending1700000000015') + 1);
  });

  it('archived files are immutable versions of an archived volume derived from one of its bindings; schedules default off; old runs are not scheduled', async () => {
    const { ds, runner } = await folder();
    await ds.query(file(1));
    await expect(ds.query(file(1))).rejects.toThrow(/UNIQUE/);
    await expect(ds.query(file(2, 9))).rejects.toThrow(/FOREIGN KEY/);
    await expect(ds.query(`UPDATE volume_archived_files SET pages = 6`)).rejects.toThrow(/immutable/);
    await expect(ds.query(`DELETE FROM volume_archived_files`)).rejects.toThrow(/immutable/);
    expect(await ds.query('SELECT scheduled FROM fixity_runs')).toEqual([{ scheduled: 0 }]);
    await ds.query(`INSERT INTO fixity_schedules (bureau_id, interval_days, updated_at) VALUES (1, NULL, ${T})`);
    await expect(ds.query(`UPDATE fixity_schedules SET interval_days = 0`)).rejects.toThrow(/CHECK/);
    await new CreateArchivedFiles1700000000016().down(runner);
    expect(await ds.query(`SELECT name FROM sqlite_master WHERE name IN ('volume_archived_files', 'fixity_schedules')`)).toEqual([]);
    await ds.destroy();
  });
});
