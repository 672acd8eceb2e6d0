import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportResult, JobDto } from '../../shared/contract';
import { makeTestContext, tempDir, type TestContext } from '../support/test-context';

const FIXTURES = path.resolve(__dirname, '../fixtures');
let t: TestContext;
afterEach(async () => t?.app.close());

async function runImport(t: TestContext, file: string, extra: Record<string, unknown> = {}): Promise<{ job: JobDto; result: ImportResult }> {
  const staged = await t.admin.call('imports.stageFile', { path: path.join(FIXTURES, file) });
  const { jobId } = await t.admin.call('imports.start', { stagedId: staged.id, directory: 'targets', ...extra } as never);
  await t.app.services.jobs.idle();
  const job = await t.admin.call('jobs.get', { id: jobId });
  const result = (job.result ?? (job.errorDetails as { result?: ImportResult })?.result) as ImportResult;
  return { job, result };
}

const names = async (t: TestContext) => (await t.admin.call('targets.list', { pageSize: 100 })).items.map((x) => x.name).sort();

describe('target import', () => {
  it('UTF-8 with BOM, CRLF, aliased headers, quoted commas/quotes/line breaks, blank lines, extra columns', async () => {
    t = await makeTestContext();
    const { job, result } = await runImport(t, 'targets-utf8-bom-crlf.csv');
    expect(job.state).toBe('succeeded');
    expect(result).toMatchObject({ inserted: 2, updated: 0, rejected: 1, encoding: 'utf8' });
    // line numbers count physical lines: the blank line 3 and the line break inside a quoted field (4–5)
    expect(result.errors).toEqual([expect.objectContaining({ line: 6, column: '标识', code: 'TARGET_IDENTIFIER_REQUIRED' })]);
    const list = await t.admin.call('targets.list', { pageSize: 10 });
    const tencent = list.items.find((x) => x.creditCode === '9144030071526726XG');
    expect(tencent).toMatchObject({ name: '沈阳腾讯"示例"科技有限公司', address: '沈阳市沈河区\n中街路8号', riskLevel: 'low', creditClass: 'B', regStatus: 'active', territorialBureauId: t.bureauId('210103') });
    expect(list.items.find((x) => x.creditCode === '914403001922038216')).toMatchObject({ address: '沈阳市和平区南京北街1号,A座', legalRep: '张三', kind: 'for_profit', riskLevel: 'higher', creditClass: 'A' });
    expect(list.items.find((x) => x.kind === 'non_market')).toBeUndefined();
  });

  it('GB18030 is detected and decoded', async () => {
    t = await makeTestContext();
    const { result } = await runImport(t, 'targets-gb18030.csv');
    expect(result).toMatchObject({ inserted: 2, rejected: 0, encoding: 'gb18030' });
    expect(await names(t)).toEqual(['沈阳市皇姑区示例计算机系统有限公司', '沈阳铁西示例石油化工有限公司']);
    const tiexi = (await t.admin.call('targets.list', { query: '石油化工' })).items[0];
    expect(tiexi).toMatchObject({ territorialBureauId: t.bureauId('210106'), regStatus: 'revoked', riskLevel: 'high' });
  });

  it('every bad row is reported with line, column, code and Chinese message; good rows go in (skip-bad)', async () => {
    t = await makeTestContext();
    const { job, result } = await runImport(t, 'targets-bad-rows.csv');
    expect(job.state).toBe('succeeded');
    expect(result).toMatchObject({ inserted: 2, rejected: 9 });
    const byLine = Object.fromEntries(result.errors.map((e) => [e.line, e]));
    expect(byLine[2]).toMatchObject({ column: '统一社会信用代码', code: 'USCC_CHECKSUM', message: expect.stringContaining('校验位应为 6') });
    expect(byLine[3]).toMatchObject({ code: 'USCC_LENGTH' });
    expect(byLine[4]).toMatchObject({ code: 'USCC_CHARSET' });
    expect(byLine[5]).toMatchObject({ code: 'USCC_REGNO_CHECKSUM' });
    expect(byLine[6]).toMatchObject({ code: 'TARGET_CODE_REQUIRED' });
    expect(byLine[7]).toMatchObject({ column: '属地', code: 'IMPORT_BUREAU_UNKNOWN', message: expect.stringContaining('火星区') });
    expect(byLine[8]).toMatchObject({ column: '风险等级', code: 'IMPORT_VALUE_INVALID', message: expect.stringContaining('极高') });
    expect(byLine[10]).toMatchObject({ code: 'IMPORT_DUPLICATE_IN_FILE', message: expect.stringContaining('第 9 行') });
    expect(byLine[12]).toMatchObject({ column: '名称', code: 'IMPORT_REQUIRED' });
    expect(await names(t)).toEqual(['正确的非营利单位', '没有名称的下一行'].sort());

    const report = await t.admin.call('imports.errorReport', { jobId: job.id });
    expect(report.csv.startsWith('\uFEFF行号,列,错误代码,错误说明\r\n')).toBe(true);
    expect(report.csv.split('\r\n').filter(Boolean)).toHaveLength(1 + 9);
  });

  it('all-or-nothing: one bad row and nothing is written, but every error is still reported', async () => {
    t = await makeTestContext();
    const { job, result } = await runImport(t, 'targets-bad-rows.csv', { mode: 'all-or-nothing' });
    expect(job).toMatchObject({ state: 'failed', errorCode: 'IMPORT_REJECTED' });
    expect(result).toMatchObject({ inserted: 0, rejected: 9 });
    expect(await names(t)).toEqual([]);
    expect((await t.admin.call('imports.errorReport', { jobId: job.id })).csv).toContain('USCC_CHECKSUM');
  });

  it('re-running the same file updates nothing; a changed row is an update with history', async () => {
    t = await makeTestContext();
    await runImport(t, 'targets-gb18030.csv');
    const again = await runImport(t, 'targets-gb18030.csv');
    expect(again.result).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const changed = path.join(tempDir(), 'changed.csv');
    fs.writeFileSync(changed, '统一社会信用代码,名称,属地,风险等级\n91440300708461136T,沈阳市皇姑区示例计算机系统有限公司,皇姑区,高\n');
    const staged = await t.admin.call('imports.stageFile', { path: changed });
    await t.admin.call('imports.start', { stagedId: staged.id, directory: 'targets' } as never);
    await t.app.services.jobs.idle();
    const target = (await t.admin.call('targets.list', { query: '91440300708461136T' })).items[0];
    expect(target).toMatchObject({ riskLevel: 'high', version: 2 });
    const history = await t.admin.call('targets.history', { id: target?.id as number });
    expect(history[0]).toMatchObject({ action: 'imports.targets', changes: expect.arrayContaining([{ field: 'riskLevel', before: 'medium', after: 'high' }]) });
    const { jobId } = await t.admin.call('audit.verify', {});
    await t.app.services.jobs.idle();
    expect(((await t.admin.call('jobs.get', { id: jobId })).result as { ok: boolean }).ok).toBe(true);
  });

  it('XLSX: the chosen sheet, rich text cells; a number-mangled code is rejected', async () => {
    t = await makeTestContext();
    const staged = await t.admin.call('imports.stageFile', { path: path.join(FIXTURES, 'targets-two-sheets.xlsx') });
    const preview = await t.admin.call('imports.preview', { stagedId: staged.id, directory: 'targets', sheet: '名录' });
    expect(preview).toMatchObject({ format: 'xlsx', sheets: ['说明', '名录'], headers: ['统一社会信用代码', '名称', '属地', '风险等级', '信用等级'], missing: [], repeated: [] });
    const { result } = await runImport(t, 'targets-two-sheets.xlsx', { sheet: '名录' });
    expect(result).toMatchObject({ inserted: 2, rejected: 1 });
    expect(await names(t)).toEqual(['沈阳表格示例一有限公司', '沈阳表格示例二有限公司']);
    expect(result.errors[0]).toMatchObject({ line: 4, code: 'USCC_LENGTH' });
  });

  it('a broken quote costs its record only; a corrupt XLSX and a missing required column fail the job with a code', async () => {
    t = await makeTestContext();
    const broken = await runImport(t, 'targets-broken-quote.csv');
    expect(broken.result.errors.map((e) => e.code)).toContain('IMPORT_CSV_MALFORMED');
    expect(broken.result.inserted).toBeGreaterThanOrEqual(1);
    const corrupt = await runImport(t, 'corrupt.xlsx');
    expect(corrupt.job).toMatchObject({ state: 'failed', errorCode: 'IMPORT_FILE_UNREADABLE' });
    const header = await runImport(t, 'targets-missing-name-column.csv');
    expect(header.job).toMatchObject({ state: 'failed', errorCode: 'IMPORT_HEADER_MISSING', errorDetails: { missing: ['名称'] } });
  });

  it('a district clerk cannot import into another district', async () => {
    t = await makeTestContext();
    const clerk = await t.createUser('hp.clerk', '210102', ['clerk']);
    const staged = await clerk.call('imports.stageFile', { path: path.join(FIXTURES, 'targets-gb18030.csv') });
    expect(await clerk.raw('imports.start', { stagedId: staged.id, directory: 'targets', bureauId: t.bureauId('210103') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const { jobId } = await clerk.call('imports.start', { stagedId: staged.id, directory: 'targets' } as never);
    await t.app.services.jobs.idle();
    const result = (await clerk.call('jobs.get', { id: jobId })).result as ImportResult;
    expect(result).toMatchObject({ inserted: 0, rejected: 2 });
    expect(result.errors[0]).toMatchObject({ column: '属地', code: 'FORBIDDEN' });
  });

  it('preview names the columns it maps, ignores, misses and sees twice', async () => {
    t = await makeTestContext();
    const file = path.join(tempDir(), 'twice.csv');
    fs.writeFileSync(file, '企业名称,信用代码,统一社会信用代码,备注\n甲公司,914403001922038216,,x\n');
    const staged = await t.admin.call('imports.stageFile', { path: file });
    const preview = await t.admin.call('imports.preview', { stagedId: staged.id, directory: 'targets' });
    expect(preview.mapping).toEqual([
      { header: '企业名称', key: 'name', label: '名称' },
      { header: '信用代码', key: 'creditCode', label: '统一社会信用代码' },
      { header: '统一社会信用代码', key: null, label: null },
      { header: '备注', key: null, label: null },
    ]);
    expect(preview).toMatchObject({ repeated: ['统一社会信用代码'], missing: [], encoding: 'utf8', rows: [{ line: 2, cells: ['甲公司', '914403001922038216', '', 'x'] }] });
  });

  it('templates download as CSV with BOM and as a real XLSX', async () => {
    t = await makeTestContext();
    const csv = await t.admin.call('imports.template', { directory: 'targets', format: 'csv' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF统一社会信用代码,名称,主体类型')).toBe(true);
    const xlsx = await t.admin.call('imports.template', { directory: 'targets', format: 'xlsx' });
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(xlsx.fileName).toBe('检查对象名录导入模板.xlsx');
  });
});
