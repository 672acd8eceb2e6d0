import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { CreateReceivedArchivedFiles1700000000019 } from '../../electron/core/db/migrations/0019-create-received-archived-files';
import { migratedUpTo, seedVolume, SHA, T } from '../support/migration-seed';

const file = (version: number, bindingVersion = 1) =>
  `INSERT INTO received_archived_files (volume_id, transfer_id, origin_archive_no, origin_version, binding_version, derived_from_sha256, blob_sha256, sha256, size, pages, content_pages, manifest, made_at, received_at)
   VALUES (1, 1, 'J001-WS·2026-D10-SCJG-001', ${version}, ${bindingVersion}, '${SHA}', '${SHA}', '${SHA}', 10, 5, 2, '{}', ${T}, ${T})`;

describe('migration 0019: received archived files', () => {
  it('comes right after 0018; a received volume keeps the sender’s archived file as it came: derived from one of its bindings, immutable', async () => {
    const names = MIGRATIONS.map((M) => new M().name);
    expect(names.indexOf('CreateReceivedArchivedFiles1700000000019')).toBe(names.indexOf('CreateWatchedFolders1700000000018') + 1);
    const { ds, runner } = await migratedUpTo(CreateReceivedArchivedFiles1700000000019);
    await seedVolume(ds);
    await ds.query(`INSERT INTO volume_bindings (volume_id, version, blob_sha256, sha256, size, pages, content_pages, manifest, bound_at) VALUES (1, 1, '${SHA}', '${SHA}', 10, 4, 2, '{}', ${T})`);
    await ds.query(
      `INSERT INTO transfers (id, direction, package_id, status, from_bureau_code, from_bureau_name, to_bureau_code, to_bureau_name, key_id, tag_manifest_sha256, volumes, payload_bytes, payload_files, receipt, created_at, closed_at)
       VALUES (1, 'incoming', '00000000-0000-4000-8000-000000000000', 'received', '210102', '和平区', '210103', '沈河区', 'k', '${SHA}', '[]', 1, 1, '{}', ${T}, ${T})`,
    );
    await new CreateReceivedArchivedFiles1700000000019().up(runner);
    await expect(ds.query(file(1))).rejects.toThrow(/FOREIGN KEY/); // not a received volume
    await ds.query(`INSERT INTO received_volumes (volume_id, transfer_id, origin_bureau_code, origin_bureau_name, origin_volume_id, origin_archive_no, received_at) VALUES (1, 1, '210102', '和平区', 9, 'J001-WS·2026-D10-SCJG-001', ${T})`);
    await ds.query(file(1));
    await expect(ds.query(file(1))).rejects.toThrow(/UNIQUE/);
    await expect(ds.query(file(2, 9))).rejects.toThrow(/FOREIGN KEY/);
    await expect(ds.query(`UPDATE received_archived_files SET pages = 6`)).rejects.toThrow(/immutable/);
    await expect(ds.query(`DELETE FROM received_archived_files`)).rejects.toThrow(/immutable/);
    await new CreateReceivedArchivedFiles1700000000019().down(runner);
    expect(await ds.query(`SELECT name FROM sqlite_master WHERE name = 'received_archived_files'`)).toEqual([]);
    await ds.destroy();
  });
});
