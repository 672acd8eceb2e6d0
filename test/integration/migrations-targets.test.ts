import path from 'node:path';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { ExtendTargets1700000000005 } from '../../electron/core/db/migrations/0005-extend-targets';
import { tempDir } from '../support/test-context';

describe('migration 0005-extend-targets', () => {
  it('adds the bigram index, tags, filter indexes and staged files, and removes them again', async () => {
    const ds = new DataSource({ type: 'sqlite', database: path.join(tempDir(), 'm.sqlite') });
    await ds.initialize();
    const runner = ds.createQueryRunner();
    for (const M of MIGRATIONS) {
      const m = new M();
      if (m.name.endsWith('1700000000005')) break;
      await m.up(runner);
    }
    await new ExtendTargets1700000000005().up(runner);
    await ds.query(`INSERT INTO bureaus (id, division_code, name, level, fonds_code, org_code, short_name, created_at, updated_at) VALUES (1, '210100', 'x', 'city', 'J001', 'SCJG', '沈市监', 't', 't')`);
    await ds.query(`INSERT INTO targets (kind, credit_code, name, name_bigrams, territorial_bureau_id, created_at, updated_at) VALUES ('for_profit', '914403001922038216', '沈阳食品', '沈阳 阳食 食品', 1, 't', 't')`);
    expect(await ds.query(`SELECT rowid FROM targets_bigram WHERE targets_bigram MATCH '"食品"'`)).toEqual([{ rowid: 1 }]);
    await ds.query(`UPDATE targets SET name = '沈阳建材', name_bigrams = '沈阳 阳建 建材' WHERE id = 1`);
    expect(await ds.query(`SELECT rowid FROM targets_bigram WHERE targets_bigram MATCH '"食品"'`)).toEqual([]);
    expect(await ds.query(`SELECT rowid FROM targets_fts WHERE targets_fts MATCH '"阳建材"'`)).toEqual([{ rowid: 1 }]);
    // Only name/code changes reindex the trigram table now.
    await ds.query(`UPDATE targets SET risk_level = 'high' WHERE id = 1`);
    expect(await ds.query(`SELECT rowid FROM targets_fts WHERE targets_fts MATCH '"阳建材"'`)).toEqual([{ rowid: 1 }]);
    await ds.query('INSERT INTO target_item_tags (target_id, item_id) VALUES (1, 5)');
    const plan = (await ds.query(`EXPLAIN QUERY PLAN SELECT id FROM targets WHERE territorial_bureau_id = 1 AND risk_level = 'high'`)) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('targets_bureau_risk');
    await ds.query('DELETE FROM target_item_tags');
    await new ExtendTargets1700000000005().down(runner);
    const tables = ((await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table'`)) as { name: string }[]).map((r) => r.name);
    expect(tables).not.toContain('target_item_tags');
    expect(tables).not.toContain('targets_bigram');
    expect(tables).not.toContain('staged_files');
    await runner.release();
    await ds.destroy();
  });
});
