import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { FieldMarks1700000000017 } from '../../electron/core/db/migrations/0017-field-marks';
import { migratedUpTo, seedVolume, SHA, T } from '../support/migration-seed';

const mark = (columns: string, values: string) => `INSERT INTO volume_redactions (entry_id, reason, marked_at, ${columns}) VALUES (1, 'privacy', ${T}, ${values})`;

describe('migration 0017: field marks on generated documents, facts kept with documents', () => {
  it('is listed right after 0016', () => {
    const names = MIGRATIONS.map((M) => new M().name);
    expect(names.indexOf('FieldMarks1700000000017')).toBe(names.indexOf('CreateArchivedFiles1700000000016') + 1);
  });

  it('keeps older marks and documents as they were; one live mark per field beside the page marks; a field mark names no page or region', async () => {
    const { ds, runner } = await migratedUpTo(FieldMarks1700000000017);
    await seedVolume(ds);
    await ds.query(`INSERT INTO volume_entries (id, volume_id, source, generated_kind, document_id, blob_sha256, media_type, doc_type, page_count, created_at, updated_at) VALUES (1, 1, 'generated', 'notice', 7, '${SHA}', 'application/pdf', 'notice', 2, ${T}, ${T})`);
    await ds.query(mark('page_index', 'NULL')); // a whole-document mark from before
    await new FieldMarks1700000000017().up(runner);
    expect(await ds.query('SELECT field FROM volume_redactions')).toEqual([{ field: null }]);
    expect(await ds.query('SELECT facts FROM documents WHERE id = 7')).toEqual([{ facts: null }]);

    await ds.query(mark('field', `'address'`)); // beside the whole-document mark
    await ds.query(mark('field', `'legal_rep'`));
    await expect(ds.query(mark('field', `'address'`))).rejects.toThrow(/UNIQUE/);
    await expect(ds.query(mark('page_index, field', `0, 'experts'`))).rejects.toThrow(/neither a page nor a region/);
    await expect(ds.query(mark('page_index', 'NULL'))).rejects.toThrow(/UNIQUE/); // the page/document rule still holds
    await expect(ds.query(`UPDATE volume_redactions SET field = 'experts' WHERE id = 2`)).rejects.toThrow(/immutable/);
    await ds.query(`UPDATE volume_redactions SET lifted_at = ${T}, lift_reason = '同意' WHERE id = 2`);
    await ds.query(mark('field', `'address'`)); // the lifted one no longer counts as live
    await ds.destroy();
  });

  it('goes down cleanly while no field mark exists', async () => {
    const { ds, runner } = await migratedUpTo(FieldMarks1700000000017);
    await new FieldMarks1700000000017().up(runner);
    await new FieldMarks1700000000017().down(runner);
    const columns = (await ds.query(`SELECT name FROM pragma_table_info('volume_redactions')`)) as { name: string }[];
    expect(columns.map((c) => c.name)).not.toContain('field');
    expect(((await ds.query(`SELECT name FROM pragma_table_info('documents')`)) as { name: string }[]).map((c) => c.name)).not.toContain('facts');
    await ds.destroy();
  });
});
