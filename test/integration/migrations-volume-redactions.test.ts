import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { CreateVolumeEntries1700000000010 } from '../../electron/core/db/migrations/0010-create-volume-entries';
import { CreateVolumeRedactions1700000000011 } from '../../electron/core/db/migrations/0011-create-volume-redactions';
import { migratedUpTo, seedVolume, SHA, T } from '../support/migration-seed';


/** A folder migrated to 0010 with one volume, one imported entry and one binding, then 0011. */
async function folder() {
  const { ds, runner } = await migratedUpTo(CreateVolumeEntries1700000000010);
  await seedVolume(ds);
  await new CreateVolumeEntries1700000000010().up(runner);
  await ds.query(`INSERT INTO volume_entries (id, volume_id, source, blob_sha256, media_type, doc_type, page_count, created_at, updated_at) VALUES (1, 1, 'imported', '${SHA}', 'application/pdf', 'evidence', 2, ${T}, ${T})`);
  await ds.query(`INSERT INTO volume_bindings (volume_id, version, blob_sha256, sha256, size, pages, content_pages, manifest, bound_at) VALUES (1, 1, '${SHA}', '${SHA}', 10, 4, 2, '{}', ${T})`);
  await new CreateVolumeRedactions1700000000011().up(runner);
  return { ds, runner };
}

const mark = (page: string, reason = `'trade_secret'`) => `INSERT INTO volume_redactions (entry_id, page_index, reason, marked_at) VALUES (1, ${page}, ${reason}, ${T})`;
const publicCopy = (version: number, basedOn: number) =>
  `INSERT INTO volume_public_copies (volume_id, version, based_on_version, blob_sha256, sha256, size, pages, content_pages, withheld_pages, manifest, bound_at) VALUES (1, ${version}, ${basedOn}, '${SHA}', '${SHA}', 10, 4, 2, 1, '{}', ${T})`;

describe('migration 0011: 不予公开 marks and public copies', () => {
  it('is listed right after 0010', () => {
    const names = MIGRATIONS.map((M) => new M().name);
    expect(names.indexOf('CreateVolumeRedactions1700000000011')).toBe(names.indexOf('CreateVolumeEntries1700000000010') + 1);
  });

  it('keeps one live mark per document or page, freezes lifted marks, never deletes; public copies are immutable and point at a full version', async () => {
    const { ds, runner } = await folder();
    await ds.query(mark('NULL'));
    await ds.query(mark('0', `'privacy'`));
    await expect(ds.query(mark('NULL', `'privacy'`))).rejects.toThrow(/UNIQUE/);
    await expect(ds.query(mark('0'))).rejects.toThrow(/UNIQUE/);
    await expect(ds.query(mark('1', `'public'`))).rejects.toThrow(/CHECK/);
    await expect(ds.query(`UPDATE volume_redactions SET lifted_at = ${T}, lift_reason = 'x', consent_entry_id = 1 WHERE id = 2`)).rejects.toThrow(/CHECK/);
    await expect(ds.query(`UPDATE volume_redactions SET reason = 'privacy' WHERE id = 1`)).rejects.toThrow(/immutable/);
    await ds.query(`UPDATE volume_redactions SET lifted_at = ${T}, lifted_by = NULL, lift_reason = '企业书面同意', consent_entry_id = 1 WHERE id = 1`);
    await expect(ds.query(`UPDATE volume_redactions SET lift_reason = 'y' WHERE id = 1`)).rejects.toThrow(/immutable/);
    await expect(ds.query(`DELETE FROM volume_redactions WHERE id = 2`)).rejects.toThrow(/never deleted/);
    await ds.query(mark('NULL', `'privacy'`)); // the lifted mark no longer counts as live
    await ds.query(publicCopy(1, 1));
    await expect(ds.query(publicCopy(1, 1))).rejects.toThrow(/UNIQUE/);
    await expect(ds.query(publicCopy(2, 9))).rejects.toThrow(/FOREIGN KEY/);
    await expect(ds.query(`UPDATE volume_public_copies SET pages = 5`)).rejects.toThrow(/immutable/);
    await expect(ds.query(`DELETE FROM volume_public_copies`)).rejects.toThrow(/immutable/);
    await new CreateVolumeRedactions1700000000011().down(runner);
    expect(await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('volume_redactions', 'volume_public_copies')`)).toEqual([]);
    await ds.destroy();
  });
});
