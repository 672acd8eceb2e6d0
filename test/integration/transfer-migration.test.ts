import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { CreateTransfers1700000000014 } from '../../electron/core/db/migrations/0014-create-transfers';
import { migratedUpTo, seedVolume, SHA, T } from '../support/migration-seed';

const transfer = (direction: string, packageId: string, status: string, receipt: string) =>
  `INSERT INTO transfers (direction, package_id, status, from_bureau_code, from_bureau_name, to_bureau_code, to_bureau_name, key_id, tag_manifest_sha256, volumes, payload_bytes, payload_files, receipt, created_at)
   VALUES ('${direction}', '${packageId}', '${status}', '210100', 'a', '210102', 'b', 'k', '${SHA}', '[]', 1, 1, ${receipt}, ${T})`;

describe('migration 0014: transfer keys, trusted keys, transfers, received volumes', () => {
  it('is listed after the migrations before it', () => {
    const names = MIGRATIONS.map((M) => new M().name);
    expect(names).toContain('CreateTransfers1700000000014');
    expect(names.indexOf('CreateTransfers1700000000014')).toBeGreaterThan(names.indexOf('CreateVolumeRedactions1700000000011'));
  });

  it('one key per bureau, immutable; a package once per direction; received ⇔ receipt; origin per volume', async () => {
    const { ds, runner } = await migratedUpTo(CreateTransfers1700000000014);
    await seedVolume(ds);
    await new CreateTransfers1700000000014().up(runner);
    const key = (id: string) => `INSERT INTO transfer_keys (bureau_id, key_id, algorithm, public_key, private_key, created_at) VALUES (1, '${id}', 'Ed25519', 'p', 's', ${T})`;
    await ds.query(key('k1'));
    await expect(ds.query(key('k2'))).rejects.toThrow(/UNIQUE/);
    await expect(ds.query(`UPDATE transfer_keys SET public_key = 'x'`)).rejects.toThrow(/immutable/);
    await expect(ds.query(`INSERT INTO trusted_keys (key_id, algorithm, public_key, bureau_code, bureau_name, trusted_at) VALUES ('t', 'RSA', 'p', '210102', 'b', ${T})`)).rejects.toThrow(/CHECK/);
    await ds.query(transfer('outgoing', 'p1', 'sent', 'NULL'));
    await ds.query(transfer('incoming', 'p1', 'received', `'{}'`));
    await expect(ds.query(transfer('incoming', 'p1', 'received', `'{}'`))).rejects.toThrow(/UNIQUE/);
    await expect(ds.query(transfer('outgoing', 'p2', 'received', 'NULL'))).rejects.toThrow(/CHECK/);
    await expect(ds.query(transfer('outgoing', 'p3', 'sent', `'{}'`))).rejects.toThrow(/CHECK/);
    await ds.query(`INSERT INTO received_volumes (volume_id, transfer_id, origin_bureau_code, origin_bureau_name, origin_volume_id, received_at) VALUES (1, 2, '210100', 'a', 7, ${T})`);
    await expect(ds.query(`INSERT INTO received_volumes (volume_id, transfer_id, origin_bureau_code, origin_bureau_name, origin_volume_id, received_at) VALUES (1, 2, '210100', 'a', 8, ${T})`)).rejects.toThrow(/UNIQUE|PRIMARY/);
    await expect(ds.query(`INSERT INTO received_volumes (volume_id, transfer_id, origin_bureau_code, origin_bureau_name, origin_volume_id, received_at) VALUES (99, 2, '210100', 'a', 8, ${T})`)).rejects.toThrow(/FOREIGN KEY/);
    await new CreateTransfers1700000000014().down(runner);
    expect(await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('transfer_keys', 'trusted_keys', 'transfers', 'received_volumes')`)).toEqual([]);
    await ds.destroy();
  });
});
