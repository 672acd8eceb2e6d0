import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { CreateVolumeEntries1700000000010 } from '../../electron/core/db/migrations/0010-create-volume-entries';
import { migratedUpTo, seedVolume, SHA, T } from '../support/migration-seed';


/** A folder migrated to 0009 with one volume and one stored notice, then 0010. */
async function folder() {
  const { ds, runner } = await migratedUpTo(CreateVolumeEntries1700000000010);
  await seedVolume(ds);
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
