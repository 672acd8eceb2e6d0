import path from 'node:path';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { CreateSchema0001 } from '../../electron/core/db/migrations/0001-create-schema';
import { CreateEntityHistory1700000000002 } from '../../electron/core/db/migrations/0002-create-entity-history';
import { CreateItems1700000000003 } from '../../electron/core/db/migrations/0003-create-items';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { tempDir } from '../support/test-context';

const tables = async (ds: DataSource) =>
  ((await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'item%' ORDER BY name`)) as { name: string }[]).map((r) => r.name);
const plan = async (ds: DataSource, sql: string) => ((await ds.query(`EXPLAIN QUERY PLAN ${sql}`)) as { detail: string }[]).map((p) => p.detail).join(' ');

const insertItem = (code: string, extra: Partial<Record<'item_class' | 'methods' | 'custody_rule' | 'level', string>> = {}) => {
  const v = { item_class: 'general', methods: '["on_site"]', custody_rule: 'territorial', level: 'district', ...extra };
  return `INSERT INTO items (bureau_id, level, business_line, code, category, name, item_class, methods, custody_rule, first_version, last_version, created_at, updated_at)
    VALUES (1, '${v.level}', '信用监管', '${code}', '登记事项检查', '名称规范使用情况的检查', '${v.item_class}', '${v.methods}', '${v.custody_rule}', 1, 1, 't', 't')`;
};

describe('migration 0003 (item lists)', () => {
  it('is registered right after 0002', () => {
    const names = MIGRATIONS.map((M) => new M().name);
    expect(names.indexOf('CreateItems1700000000003')).toBe(names.indexOf('CreateEntityHistory1700000000002') + 1);
  });

  it('creates items and item_list_versions with their constraints and indexes, and drops them again', async () => {
    const ds = new DataSource({ type: 'sqlite', database: path.join(tempDir(), 'm.sqlite') });
    await ds.initialize();
    const runner = ds.createQueryRunner();
    await new CreateSchema0001().up(runner);
    await new CreateEntityHistory1700000000002().up(runner);
    await new CreateItems1700000000003().up(runner);
    expect(await tables(ds)).toEqual(['item_list_versions', 'items']);
    await ds.query(`INSERT INTO bureaus (id, division_code, name, level, fonds_code, org_code, short_name, created_at, updated_at) VALUES (1, '210102', 'x', 'district', 'J002', 'SCJG', '沈和市监', 't', 't')`);

    await ds.query(insertItem('A'));
    expect(await ds.query(`SELECT status, custody_rule, version, seq FROM items`)).toEqual([{ status: 'active', custody_rule: 'territorial', version: 1, seq: null }]);
    await expect(ds.query(insertItem('A'))).rejects.toThrow(/UNIQUE/);
    await ds.query(insertItem('A', { level: 'city' }));
    await expect(ds.query(insertItem('B', { item_class: 'major' }))).rejects.toThrow(/CHECK/);
    await expect(ds.query(insertItem('C', { methods: 'on_site' }))).rejects.toThrow(/CHECK/);
    await expect(ds.query(insertItem('D', { custody_rule: 'city' }))).rejects.toThrow(/CHECK/);
    await expect(ds.query(insertItem('E', { level: 'province' }))).rejects.toThrow(/CHECK/);

    const version = (v: number) => `INSERT INTO item_list_versions (bureau_id, level, business_line, version, source, item_count, created_at) VALUES (1, 'district', '信用监管', ${v}, '手工维护', 1, 't')`;
    await ds.query(version(1));
    await expect(ds.query(version(1))).rejects.toThrow(/UNIQUE/);
    await expect(ds.query(version(0))).rejects.toThrow(/CHECK/);

    expect(await plan(ds, `SELECT * FROM items WHERE bureau_id = 1 AND level = 'district' AND business_line = '信用监管' AND status = 'active' ORDER BY seq`)).toContain('items_list');
    expect(await plan(ds, `SELECT MAX(version) FROM item_list_versions WHERE bureau_id = 1 AND level = 'district' AND business_line = '信用监管'`)).toMatch(/USING (COVERING )?INDEX/);

    await new CreateItems1700000000003().down(runner);
    expect(await tables(ds)).toEqual([]);
    await runner.release();
    await ds.destroy();
  });
});
