import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { CreateVolumeEntries1700000000010 } from '../../electron/core/db/migrations/0010-create-volume-entries';
import { CreateVolumeRedactions1700000000011 } from '../../electron/core/db/migrations/0011-create-volume-redactions';
import { CreateScans1700000000012 } from '../../electron/core/db/migrations/0012-create-scans';
import { migratedUpTo, seedVolume, SHA, T } from '../support/migration-seed';

/** A folder at 0011 with a volume, an entry and a live page mark, then 0012. */
async function folder() {
  const { ds, runner } = await migratedUpTo(CreateVolumeEntries1700000000010);
  await seedVolume(ds);
  await new CreateVolumeEntries1700000000010().up(runner);
  await new CreateVolumeRedactions1700000000011().up(runner);
  await ds.query(`INSERT INTO volume_entries (id, volume_id, source, blob_sha256, media_type, doc_type, page_count, created_at, updated_at) VALUES (1, 1, 'imported', '${SHA}', 'application/pdf', 'evidence', 2, ${T}, ${T})`);
  await ds.query(`INSERT INTO volume_redactions (entry_id, page_index, reason, marked_at) VALUES (1, 0, 'privacy', ${T})`);
  await new CreateScans1700000000012().up(runner);
  return { ds, runner };
}

const region = (page: string, lifted = false) =>
  `INSERT INTO volume_redactions (entry_id, page_index, reason, marked_at, region${lifted ? ', lifted_at, lift_reason' : ''}) VALUES (1, ${page}, 'trade_secret', ${T}, '{"x0":0.1,"y0":0.1,"x1":0.5,"y1":0.2}'${lifted ? `, ${T}, 'x'` : ''})`;

describe('migration 0012: scans, page texts, search index, region marks', () => {
  it('is listed right after 0011', () => {
    const names = MIGRATIONS.map((M) => new M().name);
    expect(names.indexOf('CreateScans1700000000012')).toBe(names.indexOf('CreateVolumeRedactions1700000000011') + 1);
  });

  it('keeps page texts immutable and lets a page carry several region marks next to its page mark', async () => {
    const { ds } = await folder();
    await ds.query(`INSERT INTO scan_batches (id, bureau_id, source, created_at) VALUES (1, 1, 'upload', ${T})`);
    await ds.query(`INSERT INTO scan_files (id, batch_id, seq, original_name, blob_sha256) VALUES (1, 1, 1, 'a.jpg', '${SHA}')`);
    await ds.query(`INSERT INTO scan_pages (id, batch_id, file_id, file_page, seq, image_sha256, media_type) VALUES (1, 1, 1, 1, 1, '${SHA}', 'image/jpeg')`);
    await expect(ds.query(`INSERT INTO scan_pages (batch_id, file_id, file_page, seq, image_sha256, media_type) VALUES (1, 1, 1, 2, '${SHA}', 'image/jpeg')`)).rejects.toThrow(/UNIQUE/);
    await expect(ds.query(`INSERT INTO scan_pages (batch_id, file_id, file_page, seq, image_sha256, media_type) VALUES (1, 1, 2, 2, '${SHA}', 'image/tiff')`)).rejects.toThrow(/CHECK/);
    await ds.query(`INSERT INTO page_texts (page_id, version, source, text, created_at) VALUES (1, 1, 'ocr', '原文', ${T})`);
    await expect(ds.query(`UPDATE page_texts SET text = '改'`)).rejects.toThrow(/immutable/);
    await expect(ds.query(`DELETE FROM page_texts`)).rejects.toThrow(/immutable/);
    await expect(ds.query(`INSERT INTO scan_documents (batch_id, bureau_id, status, created_at, updated_at) VALUES (1, 1, 'filed', ${T}, ${T})`)).rejects.toThrow(/CHECK/);
    await ds.query(`INSERT INTO page_fts (rowid, body, meta) VALUES (1, '食品安全监督抽查', '')`);
    expect(await ds.query(`SELECT rowid FROM page_fts WHERE page_fts MATCH '"安全监督"'`)).toEqual([{ rowid: 1 }]);

    await ds.query(region('0'));
    await ds.query(region('0')); // several rectangles on one page, beside its page mark
    await expect(ds.query(region('NULL'))).rejects.toThrow(/one page/);
    await expect(ds.query(`INSERT INTO volume_redactions (entry_id, page_index, reason, marked_at) VALUES (1, 0, 'trade_secret', ${T})`)).rejects.toThrow(/UNIQUE/);
    await expect(ds.query(`UPDATE volume_redactions SET region = NULL WHERE region IS NOT NULL`)).rejects.toThrow(/immutable/);

    await ds.destroy();
  });

  it('rolls back to 0011 (on a folder without region marks)', async () => {
    const { ds, runner } = await folder();
    await new CreateScans1700000000012().down(runner);
    const left = await ds.query(`SELECT name FROM sqlite_master WHERE name IN ('scan_batches', 'scan_pages', 'page_texts', 'page_fts', 'scan_documents')`);
    expect(left).toEqual([]);
    expect((await ds.query(`PRAGMA table_info(volume_redactions)`)).map((c: { name: string }) => c.name)).not.toContain('region');
    await ds.destroy();
  });
});
