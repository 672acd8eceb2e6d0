import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { VolumesOpenedByHand1700000000020 } from '../../electron/core/db/migrations/0020-volumes-opened-by-hand';
import { migratedUpTo, seedVolume, T } from '../support/migration-seed';

const manual = (id: number, purpose: string, basis: string, rule = 'territorial') =>
  `INSERT INTO volumes (id, target_id, custody_bureau_id, inspecting_bureau_id, title, opened_by, purpose, basis, custody_rule, created_at, updated_at)
   VALUES (${id}, 1, 1, 1, '关于对甲公司的投诉举报检查专卷', 'manual', '${purpose}', '${basis}', '${rule}', ${T}, ${T})`;

describe('migration 0020: volumes opened by hand', () => {
  it('comes right after 0019; keeps a drawn volume as it was; one volume per target and source; a title pattern names the target; down removes both', async () => {
    const names = MIGRATIONS.map((M) => new M().name);
    expect(names.indexOf('VolumesOpenedByHand1700000000020')).toBe(names.indexOf('CreateReceivedArchivedFiles1700000000019') + 1);
    const { ds, runner } = await migratedUpTo(VolumesOpenedByHand1700000000020);
    await seedVolume(ds);
    await new VolumesOpenedByHand1700000000020().up(runner);
    expect(await ds.query('SELECT purpose, basis, custody_rule FROM volumes WHERE id = 1')).toEqual([{ purpose: null, basis: null, custody_rule: null }]);
    await ds.query(manual(2, 'complaint', 'TS-1'));
    await ds.query(manual(3, 'referral', 'TS-1', 'registration'));
    await expect(ds.query(manual(4, 'complaint', 'TS-1'))).rejects.toThrow(/UNIQUE/);
    await expect(ds.query(manual(5, 'general', 'TS-2'))).rejects.toThrow(/CHECK/);
    await expect(ds.query(manual(6, 'complaint', '  '))).rejects.toThrow(/CHECK/);
    await expect(ds.query(manual(7, 'complaint', 'TS-3', 'anywhere'))).rejects.toThrow(/CHECK/);
    await ds.query(`INSERT INTO volume_title_patterns (bureau_id, pattern, updated_at) VALUES (1, '{年度}年关于对{对象名称}的检查专卷', ${T})`);
    await expect(ds.query(`INSERT INTO volume_title_patterns (bureau_id, pattern, updated_at) VALUES (1, '{对象名称}', ${T})`)).rejects.toThrow(/UNIQUE|PRIMARY/);
    await expect(ds.query(`UPDATE volume_title_patterns SET pattern = '专卷' WHERE bureau_id = 1`)).rejects.toThrow(/CHECK/);
    await new VolumesOpenedByHand1700000000020().down(runner);
    expect((await ds.query(`SELECT name FROM pragma_table_info('volumes')`)).map((c: { name: string }) => c.name)).not.toContain('purpose');
    expect(await ds.query(`SELECT name FROM sqlite_master WHERE name = 'volume_title_patterns'`)).toEqual([]);
    expect(await ds.query('SELECT count(*) AS n FROM volumes')).toEqual([{ n: 3 }]);
    await ds.destroy();
  });
});
