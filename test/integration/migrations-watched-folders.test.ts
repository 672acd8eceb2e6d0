import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { CreateWatchedFolders1700000000018 } from '../../electron/core/db/migrations/0018-create-watched-folders';
import { migratedUpTo, seedVolume, T } from '../support/migration-seed';

describe('migration 0018: watched folders', () => {
  it('comes right after 0017; folders keep their path and bureau, are never deleted; batches name their hot folder', async () => {
    const names = MIGRATIONS.map((M) => new M().name);
    expect(names.indexOf('CreateWatchedFolders1700000000018')).toBe(names.indexOf('FieldMarks1700000000017') + 1);
    const { ds, runner } = await migratedUpTo(CreateWatchedFolders1700000000018);
    await seedVolume(ds);
    await ds.query(`INSERT INTO scan_batches (id, bureau_id, source, created_at) VALUES (1, 1, 'inbox', ${T})`);
    await new CreateWatchedFolders1700000000018().up(runner);
    expect(await ds.query('SELECT inbox_dir FROM scan_batches')).toEqual([{ inbox_dir: null }]);
    await ds.query(`INSERT INTO watched_folders (path, bureau_id, created_at, updated_at) VALUES ('/srv/scans', 1, ${T}, ${T})`);
    await expect(ds.query(`INSERT INTO watched_folders (path, bureau_id, created_at, updated_at) VALUES ('/srv/scans', 1, ${T}, ${T})`)).rejects.toThrow(/UNIQUE/);
    await expect(ds.query(`UPDATE watched_folders SET path = '/srv/other'`)).rejects.toThrow(/keeps its path/);
    await ds.query(`UPDATE watched_folders SET enabled = 0, version = version + 1`);
    await expect(ds.query(`DELETE FROM watched_folders`)).rejects.toThrow(/never deleted/);
    await new CreateWatchedFolders1700000000018().down(runner);
    expect(await ds.query(`SELECT name FROM sqlite_master WHERE name = 'watched_folders'`)).toEqual([]);
    await ds.destroy();
  });
});
