import path from 'node:path';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { CreatePlansDraws1700000000006 } from '../../electron/core/db/migrations/0006-create-plans-draws';
import { tempDir } from '../support/test-context';

const NEW_TABLES = ['draw_selections', 'draws', 'inspection_members', 'inspections', 'plan_versions', 'plans', 'task_items', 'tasks', 'volumes'];
const T = `'2026-03-02T09:00:00.000Z'`;

async function migrated() {
  const ds = new DataSource({ type: 'sqlite', database: path.join(tempDir(), 'm.sqlite') });
  await ds.initialize();
  await ds.query('PRAGMA foreign_keys = ON');
  const runner = ds.createQueryRunner();
  for (const M of MIGRATIONS) await new M().up(runner);
  await ds.query(`INSERT INTO bureaus (id, division_code, name, level, fonds_code, org_code, short_name, created_at, updated_at) VALUES (1, '210100', 'x', 'city', 'J001', 'SCJG', '沈市监', ${T}, ${T})`);
  await ds.query(`INSERT INTO targets (id, kind, credit_code, name, territorial_bureau_id, created_at, updated_at) VALUES (1, 'for_profit', '914403001922038216', '甲公司', 1, ${T}, ${T})`);
  await ds.query(`INSERT INTO plans (id, bureau_id, year, business_line, title, created_at, updated_at) VALUES (1, 1, 2026, '食品安全', '计划', ${T}, ${T})`);
  return { ds, runner };
}

const tables = async (ds: DataSource) =>
  ((await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (${NEW_TABLES.map((t) => `'${t}'`).join(',')}) ORDER BY name`)) as { name: string }[]).map((r) => r.name);
const task = (window = `'2026-04-01', '2026-06-30'`) =>
  `INSERT INTO tasks (plan_id, batch_no, name, executing_bureau_id, scope, ratios, matching, window_from, window_to, created_at, updated_at) VALUES (1, 1, '第一批', 1, '{}', '{}', '{}', ${window}, ${T}, ${T})`;

describe('migration 0006: plans, tasks, draws, inspections, volumes', () => {
  it('is the last listed migration, under its 13-digit number', () => {
    expect(MIGRATIONS.map((M) => new M().name)).toContain('CreatePlansDraws1700000000006');
  });

  it('creates the tables with their constraints; a completed draw and its selections cannot change; down drops them', async () => {
    const { ds, runner } = await migrated();
    expect(await tables(ds)).toEqual(NEW_TABLES);
    await expect(ds.query(`INSERT INTO plans (bureau_id, year, business_line, title, status, created_at, updated_at) VALUES (1, 2026, 'x', 'y', 'bogus', ${T}, ${T})`)).rejects.toThrow(/CHECK/);
    await expect(ds.query(task(`'2026-07-01', '2026-06-30'`))).rejects.toThrow(/CHECK/);
    await ds.query(task());
    await ds.query(`INSERT INTO draws (id, task_id, status, seed_source, seed_commitment, seed_hex, committed_at) VALUES (1, 1, 'committed', 'csprng', 'c', 's', ${T})`);
    await ds.query(`INSERT INTO draw_selections (draw_id, seq, target_id, stratum, inspector_ids, expert_ids) VALUES (1, 1, 1, 'low/A', '[1,2]', '[]')`);
    // Still committed: it may move on.
    await ds.query(`UPDATE draws SET status = 'completed' WHERE id = 1`);
    await expect(ds.query(`UPDATE draws SET witness = 'x' WHERE id = 1`)).rejects.toThrow(/immutable/);
    await expect(ds.query(`DELETE FROM draws WHERE id = 1`)).rejects.toThrow(/immutable/);
    await expect(ds.query(`UPDATE draw_selections SET target_id = 1 WHERE draw_id = 1`)).rejects.toThrow(/immutable/);
    await ds.query(`INSERT INTO inspections (id, task_id, draw_id, target_id, inspecting_bureau_id, year, purpose, created_at, updated_at) VALUES (1, 1, 1, 1, 1, 2026, 'general', ${T}, ${T})`);
    await expect(ds.query(`INSERT INTO inspections (task_id, target_id, inspecting_bureau_id, year, purpose, created_at, updated_at) VALUES (1, 1, 1, 2026, 'general', ${T}, ${T})`)).rejects.toThrow(/UNIQUE/);
    await ds.query(`INSERT INTO volumes (task_id, target_id, inspection_id, custody_bureau_id, inspecting_bureau_id, title, opened_by, created_at, updated_at) VALUES (1, 1, 1, 1, 1, '专卷', 'draw', ${T}, ${T})`);
    await expect(ds.query(`INSERT INTO volumes (task_id, target_id, custody_bureau_id, inspecting_bureau_id, title, opened_by, created_at, updated_at) VALUES (1, 1, 1, 1, '专卷', 'draw', ${T}, ${T})`)).rejects.toThrow(/UNIQUE/);
    await new CreatePlansDraws1700000000006().down(runner);
    expect(await tables(ds)).toEqual([]);
    await ds.destroy();
  });
});
