import path from 'node:path';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { CreateSchema0001 } from '../../electron/core/db/migrations/0001-create-schema';
import { CreateEntityHistory1700000000002 } from '../../electron/core/db/migrations/0002-create-entity-history';
import { CreateInspectors1700000000004 } from '../../electron/core/db/migrations/0004-create-inspectors';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { tempDir } from '../support/test-context';

const NEW_TABLES = ['experts', 'inspector_absences', 'inspectors', 'recusals'];
const T = `'2026-03-02T09:00:00.000Z'`;

async function migrated() {
  const ds = new DataSource({ type: 'sqlite', database: path.join(tempDir(), 'm.sqlite') });
  await ds.initialize();
  await ds.query('PRAGMA foreign_keys = ON');
  const runner = ds.createQueryRunner();
  await new CreateSchema0001().up(runner);
  await new CreateEntityHistory1700000000002().up(runner);
  await new CreateInspectors1700000000004().up(runner);
  await ds.query(`INSERT INTO bureaus (id, division_code, name, level, fonds_code, org_code, short_name, created_at, updated_at) VALUES (1, '210100', 'x', 'city', 'J001', 'SCJG', '沈市监', ${T}, ${T})`);
  await ds.query(`INSERT INTO targets (id, kind, credit_code, name, territorial_bureau_id, created_at, updated_at) VALUES (1, 'for_profit', '914403001922038216', '甲公司', 1, ${T}, ${T})`);
  return { ds, runner };
}

const tables = async (ds: DataSource) =>
  ((await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (${NEW_TABLES.map((t) => `'${t}'`).join(',')}) ORDER BY name`)) as { name: string }[]).map((r) => r.name);

const inspector = (cols: string, values: string) => `INSERT INTO inspectors (bureau_id, name, created_at, updated_at${cols}) VALUES (1, '张明', ${T}, ${T}${values})`;

describe('migration 0004: inspectors, absences, experts, recusals', () => {
  it('is listed between 0002 and any later migration, under its 13-digit number', () => {
    const names = MIGRATIONS.map((M) => new M().name);
    expect(names).toContain('CreateInspectors1700000000004');
    const numbers = names.map((n) => Number(/(\d{13})$/.exec(n)?.[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('creates the four tables with their constraints, and drops them again', async () => {
    const { ds, runner } = await migrated();
    expect(await tables(ds)).toEqual(NEW_TABLES);

    await ds.query(inspector(', cert_no, cert_valid_from, cert_valid_to, enforcement_qualified', `, '21010220190001', '2024-01-01', '2028-12-31', 1`));
    const [row] = await ds.query('SELECT status, version, business_lines, expertise, enforcement_qualified FROM inspectors');
    expect(row).toEqual({ status: 'active', version: 1, business_lines: '[]', expertise: '[]', enforcement_qualified: 1 });
    // 执法证号 unique when present; several inspectors may have none.
    await expect(ds.query(inspector(', cert_no', `, '21010220190001'`))).rejects.toThrow(/UNIQUE/);
    await ds.query(inspector('', ''));
    await ds.query(inspector('', ''));
    await expect(ds.query(inspector(', cert_valid_from, cert_valid_to', `, '2029-01-01', '2028-12-31'`))).rejects.toThrow(/CHECK/);
    await expect(ds.query(inspector(', status', `, 'retired'`))).rejects.toThrow(/CHECK/);
    await expect(ds.query(inspector(', enforcement_qualified', ', 2'))).rejects.toThrow(/CHECK/);
    await expect(ds.query(inspector(', business_lines', `, 'not json'`))).rejects.toThrow(/CHECK/);
    await expect(ds.query(inspector(', id_suffix', `, '210102199001011234'`))).rejects.toThrow(/CHECK/);
    await expect(ds.query(`INSERT INTO inspectors (bureau_id, name, created_at, updated_at) VALUES (99, 'x', ${T}, ${T})`)).rejects.toThrow(/FOREIGN KEY/);

    await ds.query(`INSERT INTO inspector_absences (inspector_id, from_date, to_date, reason) VALUES (1, '2026-03-01', '2026-03-10', '休假')`);
    await expect(ds.query(`INSERT INTO inspector_absences (inspector_id, from_date, to_date, reason) VALUES (1, '2026-03-10', '2026-03-01', '休假')`)).rejects.toThrow(/CHECK/);

    await ds.query(`INSERT INTO recusals (inspector_id, target_id, reason, created_at) VALUES (1, 1, '近亲属', ${T})`);
    await expect(ds.query(`INSERT INTO recusals (inspector_id, target_id, reason, created_at) VALUES (1, 1, '利害关系', ${T})`)).rejects.toThrow(/UNIQUE/);
    await expect(ds.query(`INSERT INTO recusals (inspector_id, target_id, reason, created_at) VALUES (1, 42, '利害关系', ${T})`)).rejects.toThrow(/FOREIGN KEY/);

    await ds.query(`INSERT INTO experts (bureau_id, name, field, created_at, updated_at) VALUES (1, '王教授', '特种设备', ${T}, ${T})`);
    await expect(ds.query(`INSERT INTO experts (bureau_id, name, created_at, updated_at) VALUES (1, '王教授', ${T}, ${T})`)).rejects.toThrow(/NOT NULL/);

    const plan = (await ds.query(`EXPLAIN QUERY PLAN SELECT id FROM recusals WHERE target_id = 1`)) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('recusals_target');

    await new CreateInspectors1700000000004().down(runner);
    expect(await tables(ds)).toEqual([]);
    await runner.release();
    await ds.destroy();
  });
});
