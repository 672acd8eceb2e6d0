import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditVerifyReport, ImportResult } from '../../shared/contract';
import { mapHeaders } from '../../shared/domain/imports';
import type { InspectorRow } from '../../electron/core/inspectors/inspector-import';
import type { ImportKind } from '../../electron/core/imports/import-kind';
import { makeTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(async () => t?.app.close());

const everywhere = { canAccessBureau: (_id: number) => true };
const kindOf = (t: TestContext, ctx: { canAccessBureau: (id: number) => boolean } = everywhere): ImportKind<InspectorRow> => t.app.services.inspectorDirectory.importKind(ctx);

const zhang = {
  name: '张明',
  bureau: '和平区市场监督管理局',
  certNo: '2101 0220 1900 01',
  certValidFrom: '2024/1/1',
  certValidTo: '2028年12月31日',
  businessLines: '食品、特种设备',
  expertise: '特种设备，计量',
  region: '南湖市场监管所',
  phone: '024-23456789',
  gender: '男',
  status: '在岗',
};
const li = { name: '李华', bureau: '沈河', phone: '13800000000', businessLines: '登记注册' };

function parseAll(kind: ImportKind<InspectorRow>, records: Record<string, string>[]) {
  return records.map((record, i) => {
    const parsed = kind.parseRow(record, i + 2);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    return { key: parsed.key, row: parsed.row, line: i + 2 };
  });
}

/** What the engine does with one chunk: a write transaction holding one bulk audit event. */
async function importChunk(t: TestContext, records: Record<string, string>[]) {
  const kind = kindOf(t);
  const rows = parseAll(kind, records);
  return t.app.db.write(async (tx) => {
    const bulk = await t.app.services.audit.beginBulk(tx, { actor: { userId: 1, login: 'admin' }, action: 'imports.run', entity: kind.entity, entityId: 'job-1' });
    const result = await kind.applyChunk(tx, rows, bulk);
    const event = await bulk.finish({ file: 'inspectors.csv' });
    return { ...result, changes: event.changes };
  });
}

async function verify(t: TestContext): Promise<AuditVerifyReport> {
  const { jobId } = await t.admin.call('audit.verify', {});
  await t.app.services.jobs.idle();
  return (await t.admin.call('jobs.get', { id: jobId })).result as AuditVerifyReport;
}

describe('inspector import kind', () => {
  it('maps the headers people use to its columns', async () => {
    t = await makeTestContext();
    const mapping = mapHeaders(['执法人员姓名', '所在单位', '证件号', '发证日期', '有效期至', '执法资格', '专业特长', '片区', '电话', '备注'], kindOf(t).columns);
    expect(mapping).toEqual({ keys: ['name', 'bureau', 'certNo', 'certValidFrom', 'certValidTo', 'qualified', 'expertise', 'region', 'phone', null], missing: [], repeated: [] });
    expect(mapHeaders(['姓名'], kindOf(t).columns).missing.map((c) => c.label)).toEqual(['所属单位']);
  });

  it('parses good rows: dates in several forms, lists, labels, bureau names, open-ended certificates', async () => {
    t = await makeTestContext();
    const kind = kindOf(t);
    const parsed = kind.parseRow(zhang, 2);
    expect(parsed).toEqual({
      ok: true,
      key: 'cert:21010220190001',
      row: {
        bureauId: t.bureauId('210102'), name: '张明', certNo: '21010220190001', certValidFrom: '2024-01-01', certValidTo: '2028-12-31',
        enforcementQualified: null, businessLines: ['食品', '特种设备'], expertise: ['特种设备', '计量'], region: '南湖市场监管所',
        phone: '024-23456789', gender: 'male', status: 'active', idSuffix: null,
      },
    });
    expect(kind.parseRow(li, 3)).toMatchObject({ ok: true, key: `person:${t.bureauId('210103')}:李华:13800000000`, row: { certNo: null, businessLines: ['登记注册'], status: null } });
    expect(kind.parseRow({ ...zhang, certValidFrom: '', certValidTo: '2024-01-01至2028-12-31' }, 4)).toMatchObject({ ok: true, row: { certValidFrom: '2024-01-01', certValidTo: '2028-12-31' } });
    expect(kind.parseRow({ ...zhang, certValidTo: '长期' }, 5)).toMatchObject({ ok: true, row: { certValidTo: null } });
    expect(kind.parseRow({ ...zhang, qualified: 'N', status: '离岗', bureau: '210103' }, 6)).toMatchObject({ ok: true, row: { enforcementQualified: false, status: 'inactive', bureauId: t.bureauId('210103') } });
    expect(kind.parseRow({ ...li, idSuffix: '21010319900101123x' }, 7)).toMatchObject({ ok: true, row: { idSuffix: '123X' } });
    for (const template of kind.templateRows) expect(kind.parseRow(template, 2).ok).toBe(true);
    expect(kind.templateRows).toHaveLength(2);
  });

  it.each<[string, Record<string, string>, { column: string; code: string }[]]>([
    ['missing name', { ...li, name: '' }, [{ column: '姓名', code: 'IMPORT_REQUIRED' }]],
    ['unknown unit', { ...li, bureau: '大连市' }, [{ column: '所属单位', code: 'IMPORT_BUREAU_UNKNOWN' }]],
    ['missing unit', { name: '李华' }, [{ column: '所属单位', code: 'IMPORT_REQUIRED' }]],
    ['impossible date', { ...zhang, certValidFrom: '2026-13-01' }, [{ column: '证件有效期起', code: 'INSPECTOR_DATE_INVALID' }]],
    ['reversed dates', { ...zhang, certValidFrom: '2029-01-01' }, [{ column: '证件有效期至', code: 'INSPECTOR_CERT_DATES' }]],
    ['bad 执法证号', { ...zhang, certNo: 'AB-1' }, [{ column: '执法证号', code: 'INSPECTOR_CERT_FORMAT' }]],
    ['unknown yes/no', { ...zhang, qualified: '也许' }, [{ column: '是否具有执法资格', code: 'IMPORT_VALUE_INVALID' }]],
    ['unknown status and gender', { ...zhang, status: '出差', gender: '未知' }, [{ column: '性别', code: 'IMPORT_VALUE_INVALID' }, { column: '状态', code: 'IMPORT_VALUE_INVALID' }]],
    ['bad phone', { ...li, phone: '无' }, [{ column: '联系电话', code: 'INSPECTOR_PHONE_FORMAT' }]],
  ])('refuses %s with the line, column and a Chinese message', async (_name, record, expected) => {
    t = await makeTestContext();
    const parsed = kindOf(t).parseRow(record, 9);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map(({ column, code }) => ({ column, code }))).toEqual(expected);
    for (const issue of parsed.issues) {
      expect(issue.line).toBe(9);
      expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('inserts, updates and leaves unchanged; blank cells keep stored values; one bulk event covers the rows', async () => {
    t = await makeTestContext();
    const first = await importChunk(t, [zhang, li, { ...li, name: '王强', phone: '13900000000' }]);
    expect(first).toEqual({ inserted: 3, updated: 0, unchanged: 0, issues: [], changes: 3 });
    const list = await t.admin.call('inspectors.list', { query: '张明' });
    const stored = list.items[0];
    expect(stored).toMatchObject({ enforcementQualified: true, certValidTo: '2028-12-31', expertise: ['特种设备', '计量'], version: 1 });

    // Same rows again → unchanged; 张明 with a blank phone and a new region → updated, phone kept;
    // 李华 (no 执法证号 before) now with one → found by unit + name + phone, the certificate added.
    const second = await importChunk(t, [{ ...zhang, phone: '', region: '北市场监管所' }, { ...li, certNo: 'SY20260001' }, { ...li, name: '王强', phone: '13900000000' }]);
    expect(second).toEqual({ inserted: 0, updated: 2, unchanged: 1, issues: [], changes: 2 });
    const updated = await t.admin.call('inspectors.get', { id: stored?.id as number });
    expect(updated).toMatchObject({ phone: '024-23456789', region: '北市场监管所', version: 2 });
    const liHua = (await t.admin.call('inspectors.list', { query: '李华' })).items;
    expect(liHua).toEqual([expect.objectContaining({ certNo: 'SY20260001', enforcementQualified: true, version: 2 })]);
    expect((await t.admin.call('inspectors.list', {})).total).toBe(3);

    expect(await verify(t)).toMatchObject({ ok: true });
    const history = await t.admin.call('inspectors.history', { id: stored?.id as number });
    expect(history.map((h) => h.action)).toEqual(['imports.run', 'imports.run']);
  });

  it('reports rows it cannot place: an ambiguous person, dates reversed against the stored ones', async () => {
    t = await makeTestContext();
    await t.admin.call('inspectors.create', { bureauId: t.bureauId('210103'), name: '李华', phone: '13800000000' });
    await t.admin.call('inspectors.create', { bureauId: t.bureauId('210103'), name: '李华', phone: '13800000000', region: '另一个所' });
    await importChunk(t, [zhang]);
    const result = await importChunk(t, [li, { ...zhang, certValidFrom: '', certValidTo: '2023-06-30' }, { ...li, name: '赵新' }]);
    expect(result.inserted).toBe(1);
    expect(result.updated + result.unchanged).toBe(0);
    expect(result.issues.map(({ line, column, code }) => ({ line, column, code }))).toEqual([
      { line: 2, column: '姓名', code: 'INSPECTOR_IMPORT_AMBIGUOUS' },
      { line: 3, column: '证件有效期至', code: 'INSPECTOR_CERT_DATES' },
    ]);
    expect(await verify(t)).toMatchObject({ ok: true });
  });

  it('keeps an import inside the importer\'s bureaus: other units and other districts\' 执法证号 are refused', async () => {
    t = await makeTestContext();
    await t.admin.call('inspectors.create', { bureauId: t.bureauId('210103'), name: '赵新', certNo: 'SH20260001' });
    const heping = { canAccessBureau: (id: number) => id === t.bureauId('210102') };
    const kind = kindOf(t, heping);
    expect(kind.parseRow({ ...li }, 2)).toMatchObject({ ok: false, issues: [{ column: '所属单位', code: 'FORBIDDEN' }] });
    const rows = parseAll(kind, [{ ...zhang, certNo: 'SH20260001' }]);
    const result = await t.app.db.write(async (tx) => {
      const bulk = await t.app.services.audit.beginBulk(tx, { actor: { userId: 1, login: 'admin' }, action: 'imports.run', entity: 'inspector', entityId: 'job-2' });
      const applied = await kind.applyChunk(tx, rows, bulk);
      await bulk.finish();
      return applied;
    });
    expect(result).toMatchObject({ inserted: 0, updated: 0, issues: [{ line: 2, column: '执法证号', code: 'INSPECTOR_DUPLICATE' }] });
    expect((await t.admin.call('inspectors.list', { query: 'SH2026' })).items).toEqual([expect.objectContaining({ name: '赵新', bureauId: t.bureauId('210103'), version: 1 })]);
  });

  it('runs through the import engine: aliased headers, mixed date forms, scope and bad rows reported', async () => {
    t = await makeTestContext();
    const clerk = await t.createUser('hp-clerk', '210102', ['clerk']);
    const staged = await clerk.call('imports.stageFile', { path: path.resolve(__dirname, '../fixtures/inspectors-aliased-headers.csv') });
    const { jobId } = await clerk.call('imports.start', { stagedId: staged.id, directory: 'inspectors' });
    await t.app.services.jobs.idle();
    const job = await t.admin.call('jobs.get', { id: jobId });
    const result = job.result as ImportResult;
    expect(result).toMatchObject({ inserted: 3, updated: 0, rejected: 2 });
    expect(result.errors.map(({ line, column, code }) => ({ line, column, code }))).toEqual([
      { line: 5, column: '所属单位', code: 'FORBIDDEN' },
      { line: 6, column: '证件有效期起', code: 'INSPECTOR_DATE_INVALID' },
      { line: 6, column: '是否具有执法资格', code: 'IMPORT_VALUE_INVALID' },
      { line: 6, column: '执法证号', code: 'INSPECTOR_CERT_FORMAT' },
    ]);
    const byName = Object.fromEntries((await clerk.call('inspectors.list', {})).items.map((i) => [i.name, i]));
    expect(byName['张明']).toMatchObject({ certNo: '21010220190001', certValidFrom: '2024-01-01', certValidTo: '2028-12-31', enforcementQualified: true, businessLines: ['食品', '特种设备'] });
    expect(byName['李华']).toMatchObject({ certNo: null, enforcementQualified: false, region: '五里河所', expertise: ['计量'] });
    expect(byName['王强']).toMatchObject({ certValidTo: null, enforcementQualified: true, status: 'inactive', businessLines: ['价格', '广告'] });
    expect(await verify(t)).toMatchObject({ ok: true });
  });
});
