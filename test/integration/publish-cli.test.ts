import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seededWorld, seedResult } from '../support/result-seed';
import { makeTestContext, tempDir } from '../support/test-context';
import { cli } from '../support/cli';



describe('casebinder publish export (plain node CLI)', () => {
  it('writes the CSV or XLSX for a bureau named by its division code, withholding 不予公开 results', async () => {
    const t = await makeTestContext();
    const w = await seededWorld(t);
    const [a, b, c] = w.inspections;
    await seedResult(t, { inspectionId: a!.inspectionId, endedOn: '2026-05-06', formedOn: '2026-05-08', categories: ['no_problem'] });
    await seedResult(t, { inspectionId: b!.inspectionId, endedOn: '2026-05-06', formedOn: '2026-05-08', categories: ['no_problem'], remark: '企业负责人个人手机号另行登记', remarkNonPublic: 'privacy' });
    await seedResult(t, { inspectionId: c!.inspectionId, endedOn: '2026-05-06', formedOn: '2026-05-08', categories: ['no_problem'], nonPublic: 'state_secret', remark: '涉密单位内部设施情况' });
    await t.createUser('hp.clerk', '210102', ['clerk']);
    await t.createUser('city.clerk', '210100', ['clerk']);
    await t.app.close();
    const dir = tempDir();
    const dd = ['--data-dir', t.dataDir, '--json'];
    const range = ['--bureau', '210102', '--from', '2026-05-01', '--to', '2026-05-31'];

    // As the data folder's administrator (no --user): the file for the bureau named.
    const csv = await cli(['publish', 'export', ...range, '--out', path.join(dir, '公示.csv'), ...dd]);
    expect(csv.code, csv.stderr).toBe(0);
    expect(JSON.parse(csv.stdout)).toEqual({ file: path.join(dir, '公示.csv'), format: 'csv', rows: 4, inspections: 2, withheld: 1 });
    const text = fs.readFileSync(path.join(dir, '公示.csv'), 'utf8');
    const records = parse(text, { bom: true }) as string[][];
    expect(records).toHaveLength(5);
    expect(records[0]?.slice(0, 3)).toEqual(['序号', '检查实施机关', '抽查类型']);
    expect(new Set(records.slice(1).map((r) => r[7]))).toEqual(new Set([a!.name, b!.name]));
    for (const hidden of ['企业负责人个人手机号另行登记', '涉密单位内部设施情况', c!.name]) expect(text).not.toContain(hidden);

    // --format xlsx (or an .xlsx name) writes a workbook.
    const xlsx = await cli(['publish', 'export', ...range, '--out', path.join(dir, '公示.dat'), '--format', 'xlsx', ...dd]);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, '公示.dat'));
    expect(book.worksheets[0]?.rowCount).toBe(5);

    // As a user: 谁检查谁公示 applies — the district's own clerk may, the city's clerk may not.
    expect((await cli(['publish', 'export', ...range, '--out', path.join(dir, 'own.csv'), '--user', 'hp.clerk', ...dd])).code).toBe(0);
    const city = await cli(['publish', 'export', ...range, '--out', path.join(dir, 'city.csv'), '--user', 'city.clerk', ...dd]);
    expect(city.code).toBe(1);
    expect(JSON.parse(city.stdout)).toMatchObject({ ok: false, error: { code: 'PUBLISH_NOT_OWN_BUREAU' } });
    expect(city.stderr).toContain('谁检查谁公示');
    expect(fs.existsSync(path.join(dir, 'city.csv'))).toBe(false);

    // Usage errors exit 2; an unknown bureau is reported.
    expect((await cli(['publish', 'export', '--bureau', '210102', '--from', '2026-05-31', '--to', '2026-05-01', '--out', path.join(dir, 'x.csv'), ...dd])).code).toBe(2);
    expect((await cli(['publish', 'export', '--bureau', '210102', '--from', '2026-05-01', '--to', '2026-05-31', ...dd])).code).toBe(2);
    const unknown = await cli(['publish', 'export', '--bureau', '999999', '--from', '2026-05-01', '--to', '2026-05-31', '--out', path.join(dir, 'x.csv'), ...dd]);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ ok: false, error: { code: 'BUREAU_NOT_FOUND' } });
  }, 120_000); // eight CLI runs, each a fresh node process opening the data folder
});
