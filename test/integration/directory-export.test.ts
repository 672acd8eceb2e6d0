import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/contract';
import { AppError } from '../../shared/errors/app-error';
import { writeTableExport } from '../../electron/core/exports/table-export';
import { INSPECTOR_COLUMNS } from '../../electron/core/inspectors/inspector-import';
import { ITEM_IMPORT_COLUMNS } from '../../electron/core/items/item-import';
import { makeTestContext, tempDir, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(async () => t?.app.close());

const CITY = '210100';
const HEPING = '210102';
const SHENHE = '210103';

type ExportResult = { fileName: string; path: string; rows: number };
type ItemInput = MethodInput<'items.create'>;

async function seedItems(t: TestContext) {
  const city = t.bureauId(CITY);
  const items: ItemInput[] = [
    {
      bureauId: city,
      businessLine: '食品安全',
      seq: 1,
      category: '食品生产',
      name: '食品生产者生产过程控制的检查',
      targetScope: '食品生产者',
      itemClass: 'key',
      methods: ['online', 'on_site'],
      basis: '《食品安全法》第四十六条, 第五十条\n《食品生产许可管理办法》',
      content: '是否按“许可”条件生产, 是否有"出厂检验"记录',
      custodyRule: 'registration',
    },
    { bureauId: city, businessLine: '食品安全', seq: 2, category: '食品经营', name: '食品经营者经营条件的检查', itemClass: 'general', methods: ['written', 'other_dept'] },
    { bureauId: city, businessLine: '价格', category: '价格', name: '经营者价格行为的检查', itemClass: 'general', methods: ['on_site'], remark: '-见附件' },
    { bureauId: t.bureauId(SHENHE), businessLine: '价格', category: '价格', name: '明码标价的检查', itemClass: 'general', methods: [] },
  ];
  for (const item of items) await t.admin.call('items.create', item);
}

async function seedInspectors(t: TestContext) {
  const base = { businessLines: [], expertise: [] };
  await t.admin.call('inspectors.create', {
    ...base,
    bureauId: t.bureauId(HEPING),
    name: '张明',
    certNo: '21010220190001',
    certValidFrom: '2024-01-01',
    certValidTo: '2028-12-31',
    businessLines: ['食品', '特种设备'],
    expertise: ['特种设备'],
    region: '南湖市场监管所',
    phone: '024-23456789',
    gender: 'male',
    idSuffix: '123X',
  });
  await t.admin.call('inspectors.create', { ...base, bureauId: t.bureauId(SHENHE), name: '李华', businessLines: ['食品'], phone: '13800000000', gender: 'female', enforcementQualified: false });
  await t.admin.call('inspectors.create', { ...base, bureauId: t.bureauId(HEPING), name: '王强', certNo: 'LN0001234', certValidTo: '2026-06-30', businessLines: ['计量'], status: 'inactive' });
}

async function exported(t: TestContext, jobId: number): Promise<ExportResult> {
  await t.app.services.jobs.idle();
  const job = await t.admin.call('jobs.get', { id: jobId });
  expect(job).toMatchObject({ state: 'succeeded' });
  return job.result as ExportResult;
}

/** Import the file back (the engine the UI uses) and return its counts. */
async function reimport(t: TestContext, file: string, directory: 'items' | 'inspectors', bureauId?: number) {
  const staged = await t.admin.call('imports.stageFile', { path: file });
  const { jobId } = await t.admin.call('imports.start', { stagedId: staged.id, directory, ...(bureauId ? { bureauId } : {}) });
  await t.app.services.jobs.idle();
  return (await t.admin.call('jobs.get', { id: jobId })).result;
}

async function readXlsx(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push(Array.from({ length: sheet.columnCount }, (_v, i) => row.getCell(i + 1).text)));
  return rows;
}

describe('directory export (CSV with BOM, XLSX)', () => {
  it('exports the filtered item list with the import columns and labels; importing it back changes nothing', async () => {
    t = await makeTestContext();
    await seedItems(t);
    const city = t.bureauId(CITY);
    const lines = async () => (await t.admin.call('items.businessLines', { bureauId: city })).map((l) => [l.businessLine, l.activeCount, l.latestVersion]);
    const before = await lines();

    const csvJob = await t.admin.call('items.export', { filter: { bureauId: city, businessLine: ' 食品安全 ' }, format: 'csv' });
    const csv = await exported(t, csvJob.jobId);
    expect(csv).toMatchObject({ rows: 2, fileName: '随机抽查事项清单-20260302-090000.csv' });
    expect(path.dirname(csv.path)).toBe(path.join(t.dataDir, 'exports'));
    expect(fs.existsSync(`${csv.path}.part`)).toBe(false);
    const text = fs.readFileSync(csv.path, 'utf8');
    expect(text.startsWith('\uFEFF' + ITEM_IMPORT_COLUMNS.map((c) => c.label).join(',') + '\r\n')).toBe(true);
    expect(text.startsWith('\uFEFF序号,事项编码,抽查类别,抽查事项,检查对象,事项类别,检查方式')).toBe(true);
    expect(text).toContain(',重点检查事项,实地核查、网络检查,');
    expect(text).toContain(',一般检查事项,书面检查、行政部门检查结果或专业意见,');
    expect(text).toContain('"《食品安全法》第四十六条, 第五十条\n《食品生产许可管理办法》"');
    expect(text).toContain(',食品安全,市级,登记机关,');
    expect(text).toContain(',食品安全,市级,属地,');
    expect(text).not.toContain('价格');
    expect(await reimport(t, csv.path, 'items', city)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 0 });

    const xlsxJob = await t.admin.call('items.export', { filter: { level: 'city', status: 'active' }, format: 'xlsx' });
    const xlsx = await exported(t, xlsxJob.jobId);
    expect(xlsx).toMatchObject({ rows: 3, fileName: '随机抽查事项清单-20260302-090000.xlsx' });
    const rows = await readXlsx(xlsx.path);
    expect(rows[0]).toEqual(ITEM_IMPORT_COLUMNS.map((c) => c.label));
    expect(rows.slice(1).map((r) => [r[0], r[3], r[11], r[12]])).toEqual([
      ['', '经营者价格行为的检查', '价格', '市级'],
      ['1', '食品生产者生产过程控制的检查', '食品安全', '市级'],
      ['2', '食品经营者经营条件的检查', '食品安全', '市级'],
    ]);
    expect(rows[1]?.[14]).toBe('-见附件'); // XLSX cells are text: no formula guard needed
    expect(await reimport(t, xlsx.path, 'items', city)).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
    // Nothing retired, no new list version.
    expect(await lines()).toEqual(before);
    expect((await t.admin.call('items.list', { status: 'retired' })).total).toBe(0);
  });

  it('exports the filtered inspector directory with the import columns and labels; importing it back changes nothing', async () => {
    t = await makeTestContext();
    await seedInspectors(t);
    const csvJob = await t.admin.call('inspectors.export', { filter: { businessLine: '食品' }, format: 'csv' });
    const csv = await exported(t, csvJob.jobId);
    expect(csv).toMatchObject({ rows: 2, fileName: '执法检查人员名录-20260302-090000.csv' });
    const text = fs.readFileSync(csv.path, 'utf8');
    expect(text.split('\r\n')).toEqual([
      '\uFEFF' + INSPECTOR_COLUMNS.map((c) => c.label).join(','),
      '张明,和平区市场监督管理局,21010220190001,2024-01-01,2028-12-31,是,食品、特种设备,特种设备,南湖市场监管所,024-23456789,男,在岗,123X',
      '李华,沈河区市场监督管理局,,,,否,食品,,,13800000000,女,在岗,',
      '',
    ]);
    expect(await reimport(t, csv.path, 'inspectors')).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 0 });

    const xlsxJob = await t.admin.call('inspectors.export', { filter: { bureauId: t.bureauId(HEPING) }, format: 'xlsx' });
    const xlsx = await exported(t, xlsxJob.jobId);
    expect(xlsx).toMatchObject({ rows: 2, fileName: '执法检查人员名录-20260302-090000.xlsx' });
    const rows = await readXlsx(xlsx.path);
    expect(rows[0]).toEqual(INSPECTOR_COLUMNS.map((c) => c.label));
    expect(rows[2]).toEqual(['王强', '和平区市场监督管理局', 'LN0001234', '', '2026-06-30', '是', '计量', '', '', '', '', '离岗', '']);
    expect(await reimport(t, xlsx.path, 'inspectors')).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 0 });

    // The same second again: a new name, the first file kept.
    const again = await exported(t, (await t.admin.call('inspectors.export', { filter: {}, format: 'xlsx' })).jobId);
    expect(again).toMatchObject({ rows: 3, fileName: '执法检查人员名录-20260302-090000-2.xlsx' });
    expect(fs.existsSync(xlsx.path)).toBe(true);
  });

  it("a district user exports only their bureau and can't export another district", async () => {
    t = await makeTestContext();
    await seedItems(t);
    await seedInspectors(t);
    const user = await t.createUser('hp.inspector', HEPING, ['inspector']);
    const shenhe = t.bureauId(SHENHE);
    for (const method of ['items.export', 'inspectors.export'] as const) {
      expect(await user.raw(method, { filter: { bureauId: shenhe }, format: 'csv' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const own = await user.call('inspectors.export', { filter: {}, format: 'csv' });
    expect((await exported(t, own.jobId)).rows).toBe(2); // 张明, 王强 (和平区)
    const items = await user.call('items.export', { filter: {}, format: 'csv' });
    expect((await exported(t, items.jobId)).rows).toBe(0); // the city's and 沈河's lists are not theirs
  });
});

describe('writeTableExport', () => {
  async function* failing(): AsyncGenerator<string[][]> {
    yield [['a', 'b']];
    throw new AppError('JOB_CANCELLED', {});
  }

  it('leaves no file and no .part behind when writing stops', async () => {
    const dir = tempDir();
    for (const format of ['csv', 'xlsx'] as const) {
      const file = path.join(dir, `out.${format}`);
      await expect(writeTableExport({ file, format, headers: ['甲', '乙'], batches: failing() })).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
      expect(fs.readdirSync(dir)).toEqual([]);
    }
  });

  it.skipIf(!fs.existsSync('/dev/full'))('turns a full disk into DISK_FULL and removes the .part file', async () => {
    const dir = tempDir();
    async function* big(): AsyncGenerator<string[][]> {
      for (let i = 0; i < 20; i++) yield Array.from({ length: 500 }, (_v, n) => [`第${i}-${n}行`, 'x'.repeat(100)]);
    }
    for (const format of ['csv', 'xlsx'] as const) {
      const file = path.join(dir, `out.${format}`);
      fs.symlinkSync('/dev/full', `${file}.part`); // every write fails with ENOSPC
      await expect(writeTableExport({ file, format, headers: ['甲', '乙'], batches: big() })).rejects.toMatchObject({ code: 'DISK_FULL' });
      expect(fs.readdirSync(dir)).toEqual([]);
    }
  });
});
