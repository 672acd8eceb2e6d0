import path from 'node:path';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { CreateHolidayYears1700000000007 } from '../../electron/core/db/migrations/0007-create-holiday-years';
import { tempDir } from '../support/test-context';

const T = `'2026-03-02T09:00:00.000Z'`;
const HASH = `'${'a'.repeat(64)}'`;

async function migrated() {
  const ds = new DataSource({ type: 'sqlite', database: path.join(tempDir(), 'm.sqlite') });
  await ds.initialize();
  await ds.query('PRAGMA foreign_keys = ON');
  const runner = ds.createQueryRunner();
  for (const M of MIGRATIONS) await new M().up(runner);
  return { ds, runner };
}

const tables = async (ds: DataSource) => ((await ds.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'holiday_years'`)) as { name: string }[]).map((r) => r.name);
const insert = (year: string, json = `'{"year":2027,"papers":[],"days":[]}'`, hash = HASH, dayCount = '2') =>
  `INSERT INTO holiday_years (year, raw_json, sha256, day_count, imported_by, imported_at) VALUES (${year}, ${json}, ${hash}, ${dayCount}, NULL, ${T})`;

describe('migration 0007: imported holiday year files', () => {
  it('is listed, under its 13-digit number', () => {
    expect(MIGRATIONS.map((M) => new M().name)).toContain('CreateHolidayYears1700000000007');
  });

  it('creates holiday_years with one row per year and its checks; down drops it', async () => {
    const { ds, runner } = await migrated();
    expect(await tables(ds)).toEqual(['holiday_years']);
    await ds.query(insert('2027'));
    await expect(ds.query(insert('2027'))).rejects.toThrow(/UNIQUE|PRIMARY/);
    await expect(ds.query(insert('1899'))).rejects.toThrow(/CHECK/);
    await expect(ds.query(insert('2028', `'{"year": 2028,'`))).rejects.toThrow(/CHECK/);
    await expect(ds.query(insert('2028', undefined, `'abc'`))).rejects.toThrow(/CHECK/);
    await expect(ds.query(insert('2028', undefined, HASH, '0'))).rejects.toThrow(/CHECK/);
    await expect(ds.query(`INSERT INTO holiday_years (year, raw_json, sha256, day_count, imported_by, imported_at) VALUES (2029, '{}', ${HASH}, 1, 999, ${T})`)).rejects.toThrow(/FOREIGN KEY/);
    await new CreateHolidayYears1700000000007().down(runner);
    expect(await tables(ds)).toEqual([]);
    await ds.destroy();
  });
});
