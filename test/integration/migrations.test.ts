import path from 'node:path';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { CreateSchema0001 } from '../../electron/core/db/migrations/0001-create-schema';
import { CreateEntityHistory1700000000002 } from '../../electron/core/db/migrations/0002-create-entity-history';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { tempDir } from '../support/test-context';

async function fresh() {
  const ds = new DataSource({ type: 'sqlite', database: path.join(tempDir(), 'm.sqlite') });
  await ds.initialize();
  return ds;
}
const tables = async (ds: DataSource) =>
  ((await ds.query(`SELECT name FROM sqlite_master WHERE type IN ('table') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'targets_fts_%' ORDER BY name`)) as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  it('names carry increasing 13-digit numbers matching their order', () => {
    const numbers = MIGRATIONS.map((M) => Number(/(\d{13})$/.exec(new M().name)?.[1]));
    expect(numbers).toEqual(numbers.map((_, i) => 1700000000000 + i + 1));
  });

  it('0001 creates the foundation schema (with trigram FTS kept in sync by triggers) and drops it again', async () => {
    const ds = await fresh();
    const runner = ds.createQueryRunner();
    await new CreateSchema0001().up(runner);
    expect(await tables(ds)).toEqual(['audit_events', 'blobs', 'bureaus', 'jobs', 'meta', 'sessions', 'targets', 'targets_fts', 'users']);
    await ds.query(`INSERT INTO bureaus (id, division_code, name, level, fonds_code, org_code, short_name, created_at, updated_at) VALUES (1, '210100', 'x', 'city', 'J001', 'SCJG', '沈市监', 't', 't')`);
    await ds.query(`INSERT INTO targets (kind, credit_code, name, territorial_bureau_id, created_at, updated_at) VALUES ('for_profit', '914403001922038216', '沈阳食品有限公司', 1, 't', 't')`);
    expect(await ds.query(`SELECT rowid FROM targets_fts WHERE targets_fts MATCH '"食品有限"'`)).toEqual([{ rowid: 1 }]);
    await ds.query(`UPDATE targets SET name = '沈阳建材有限公司' WHERE id = 1`);
    expect(await ds.query(`SELECT rowid FROM targets_fts WHERE targets_fts MATCH '"食品有限"'`)).toEqual([]);
    await expect(ds.query(`INSERT INTO targets (kind, credit_code, name, territorial_bureau_id, created_at, updated_at) VALUES ('for_profit', '914403001922038216', 'dup', 1, 't', 't')`)).rejects.toThrow(/UNIQUE/);
    await expect(ds.query(`INSERT INTO targets (kind, name, territorial_bureau_id, created_at, updated_at) VALUES ('company', 'bad kind', 1, 't', 't')`)).rejects.toThrow(/CHECK/);
    await new CreateSchema0001().down(runner);
    expect(await tables(ds)).toEqual([]);
    await runner.release();
    await ds.destroy();
  });

  it('0002 adds entity_history with its lookup indexes, and removes it again', async () => {
    const ds = await fresh();
    const runner = ds.createQueryRunner();
    await new CreateSchema0001().up(runner);
    await new CreateEntityHistory1700000000002().up(runner);
    expect(await tables(ds)).toContain('entity_history');
    const plan = (await ds.query(`EXPLAIN QUERY PLAN SELECT * FROM entity_history WHERE entity = 'target' AND entity_id = '1' ORDER BY id`)) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('entity_history_entity');
    await new CreateEntityHistory1700000000002().down(runner);
    expect(await tables(ds)).not.toContain('entity_history');
    await runner.release();
    await ds.destroy();
  });
});
