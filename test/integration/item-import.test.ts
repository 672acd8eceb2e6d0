import { afterEach, describe, expect, it } from 'vitest';
import { mapHeaders, type RowIssue } from '../../shared/domain/imports';
import type { ImportKindFactory } from '../../electron/core/imports/import-kind';
import { createItemImportKind, ITEM_IMPORT_COLUMNS, ITEM_TEMPLATE_ROWS, type ItemImportKind, type ItemImportRow } from '../../electron/core/items/item-import';
import { makeTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(async () => t?.app.close());

const ACTOR = { userId: 1, login: 'admin' };

const row = (over: Record<string, string> = {}): Record<string, string> => ({
  seq: '1',
  category: '登记事项检查',
  name: '名称规范使用情况的检查',
  targetScope: '企业、个体工商户',
  itemClass: '一般',
  methods: '现场检查、网络检查',
  businessLine: '信用监管',
  ...over,
});

function kindFor(t: TestContext, bureauCode = '210102', source = '2026年第1版.xlsx'): ItemImportKind {
  const { clock, app } = t;
  return createItemImportKind({ clock, bureaus: app.services.bureaus }, { bureauId: t.bureauId(bureauCode), actor: ACTOR, source });
}

/** What the import engine does: parse every record, apply in chunks, finish, close the bulk event — one transaction. */
async function runImport(t: TestContext, kind: ItemImportKind, records: Record<string, string>[], chunkSize = 2) {
  return t.app.db.write(async (tx) => {
    const bulk = await t.app.services.audit.beginBulk(tx, { actor: ACTOR, action: 'imports.items', entity: kind.entity, entityId: 'staged-1' });
    const valid: { key: string; row: ItemImportRow; line: number }[] = [];
    const issues: RowIssue[] = [];
    records.forEach((record, i) => {
      const parsed = kind.parseRow(record, i + 2);
      if (parsed.ok) valid.push({ key: parsed.key, row: parsed.row, line: i + 2 });
      else issues.push(...parsed.issues);
    });
    const counts = { inserted: 0, updated: 0, unchanged: 0 };
    for (let i = 0; i < valid.length; i += chunkSize) {
      const r = await kind.applyChunk(tx, valid.slice(i, i + chunkSize), bulk);
      counts.inserted += r.inserted;
      counts.updated += r.updated;
      counts.unchanged += r.unchanged;
    }
    await kind.finish?.(tx, bulk);
    const event = await bulk.finish({ file: 'x.xlsx' });
    return { counts, issues, summary: kind.summary(), changes: event.changes };
  });
}

const activeNames = async (t: TestContext, businessLine: string) =>
  (await t.admin.call('items.list', { bureauId: t.bureauId('210102'), businessLine, status: 'active' })).items.map((i) => i.name);

describe('item list import kind', () => {
  it('maps the usual headers through aliases; the template rows parse', async () => {
    t = await makeTestContext();
    const mapping = mapHeaders(['编号', '事项代码', '类别', '事项名称', '抽查对象', '类别属性', '抽查方式', '实施主体', '法律依据', '检查内容', '抽查比例', '业务领域', '层级', '归档管辖', '备注'], ITEM_IMPORT_COLUMNS);
    expect(mapping.missing).toEqual([]);
    expect(mapping.keys).toEqual(['seq', 'code', 'category', 'name', 'targetScope', 'itemClass', 'methods', 'subject', 'basis', 'content', 'ratioNote', 'businessLine', 'level', 'custodyRule', 'remark']);
    expect(mapHeaders(['抽查事项'], ITEM_IMPORT_COLUMNS).missing.map((c) => c.label)).toEqual(['抽查类别', '事项类别', '业务条线']);
    const kind = kindFor(t);
    const parsed = ITEM_TEMPLATE_ROWS.map((r, i) => kind.parseRow(r, i + 2));
    expect(parsed.map((p) => p.ok)).toEqual([true, true]);
    expect(parsed[0]).toMatchObject({
      ok: true,
      key: '区县级·信用监管·登记事项检查|营业执照(登记证)规范使用情况的检查',
      row: { list: { bureauId: t.bureauId('210102'), level: 'district', businessLine: '信用监管' }, fields: { seq: 1, itemClass: 'general', methods: ['on_site', 'online'], custodyRule: 'registration', ratioNote: null } },
    });
    expect(parsed[1]).toMatchObject({ ok: true, row: { fields: { itemClass: 'key', methods: ['sampling'], custodyRule: 'territorial' } } });
    const cityKind = kindFor(t, '210100');
    expect(cityKind.parseRow(row(), 2)).toMatchObject({ ok: true, row: { list: { level: 'city' } } });
  });

  it('normalises cells: codes, 层级, several method separators and platform codes, 序号 from a spreadsheet number', async () => {
    t = await makeTestContext();
    const parsed = kindFor(t).parseRow(row({ code: ' ＤＪ－００１ ', level: '市级', methods: '网络监测；书面/ 现场检查,2', seq: '12.0', custodyRule: '登记机关', businessLine: ' 信用  监管 ' }), 5);
    expect(parsed).toMatchObject({ ok: true, key: '市级·信用 监管·DJ-001', row: { list: { level: 'city', businessLine: '信用 监管' }, fields: { code: 'DJ-001', seq: 12, methods: ['on_site', 'written', 'online'], custodyRule: 'registration' } } });
    expect(kindFor(t).parseRow(row({ methods: '', seq: '' }), 2)).toMatchObject({ ok: true, row: { fields: { methods: [], seq: null } } });
  });

  it.each([
    ['missing 抽查类别', { category: '' }, [{ column: '抽查类别', code: 'IMPORT_REQUIRED' }]],
    ['missing 抽查事项 and 业务条线', { name: ' ', businessLine: '' }, [{ column: '抽查事项', code: 'IMPORT_REQUIRED' }, { column: '业务条线', code: 'IMPORT_REQUIRED' }]],
    ['missing 事项类别', { itemClass: '' }, [{ column: '事项类别', code: 'IMPORT_REQUIRED' }]],
    ['bad 事项类别', { itemClass: '特别检查事项' }, [{ column: '事项类别', code: 'ITEM_CLASS_INVALID', message: expect.stringContaining('特别检查事项') }]],
    ['bad 检查方式', { methods: '现场检查、电话抽查、同上' }, [{ column: '检查方式', code: 'ITEM_METHOD_INVALID', message: expect.stringContaining('电话抽查、同上') }]],
    ['bad 层级', { level: '省级' }, [{ column: '层级', code: 'ITEM_LEVEL_INVALID' }]],
    ['bad 管辖规则', { custodyRule: '上级' }, [{ column: '管辖规则', code: 'ITEM_CUSTODY_INVALID' }]],
    ['bad 序号', { seq: '一' }, [{ column: '序号', code: 'IMPORT_VALUE_INVALID' }]],
    ['too long 抽查事项', { name: '长'.repeat(301) }, [{ column: '抽查事项', code: 'IMPORT_VALUE_INVALID', message: expect.stringContaining('300') }]],
  ])('%s → issues', async (_case, over, expected) => {
    t = await makeTestContext();
    const parsed = kindFor(t).parseRow(row(over), 7);
    expect(parsed.ok).toBe(false);
    const issues = (parsed as { issues: RowIssue[] }).issues;
    expect(issues).toEqual(expected.map((e) => expect.objectContaining({ line: 7, ...e })));
    for (const issue of issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('inserts, updates, leaves identical rows alone and retires what the next version no longer lists', async () => {
    t = await makeTestContext();
    const v1 = [
      row({ seq: '1' }),
      row({ seq: '2', name: '经营期限的检查' }),
      row({ seq: '3', name: '年度报告公示信息的检查', methods: '书面检查、实地核查、网络检查' }),
      row({ seq: '1', businessLine: '产品质量', category: '产品质量', name: '产品质量监督抽查', itemClass: '重点', methods: '抽样检测' }),
    ];
    const first = await runImport(t, kindFor(t), v1);
    expect(first.counts).toEqual({ inserted: 4, updated: 0, unchanged: 0 });
    expect(first.changes).toBe(4);
    expect(first.summary).toEqual({
      lists: [
        { level: 'district', businessLine: '信用监管', version: 1, itemCount: 3, retired: 0 },
        { level: 'district', businessLine: '产品质量', version: 1, itemCount: 1, retired: 0 },
      ],
      retired: 0,
    });

    // Version 2 of 信用监管: one row unchanged, one changed, one dropped, one new. 产品质量 is not in the file.
    const v2 = [row({ seq: '1' }), row({ seq: '2', name: '经营期限的检查', itemClass: '重点检查事项' }), row({ seq: '3', name: '即时公示信息的检查' })];
    const second = await runImport(t, kindFor(t, '210102', '2026年第2版.csv'), v2);
    expect(second.counts).toEqual({ inserted: 1, updated: 1, unchanged: 1 });
    expect(second.changes).toBe(3); // the update, the insert, the retirement
    expect(second.summary).toEqual({ lists: [{ level: 'district', businessLine: '信用监管', version: 2, itemCount: 3, retired: 1 }], retired: 1 });
    expect(await activeNames(t, '信用监管')).toEqual(['名称规范使用情况的检查', '经营期限的检查', '即时公示信息的检查']);
    expect(await activeNames(t, '产品质量')).toEqual(['产品质量监督抽查']);
    const retired = (await t.admin.call('items.list', { status: 'retired' })).items;
    expect(retired).toEqual([expect.objectContaining({ name: '年度报告公示信息的检查', retiredReason: '未列入第2版清单', firstVersion: 1, lastVersion: 2 })]);
    const changed = (await t.admin.call('items.list', { query: '经营期限' })).items[0];
    expect(changed).toMatchObject({ itemClass: 'key', firstVersion: 1, lastVersion: 2, version: 2 });
    const versions = await t.admin.call('items.versions', { bureauId: t.bureauId('210102'), level: 'district', businessLine: '信用监管' });
    expect(versions.map((v) => [v.version, v.source, v.itemCount, v.createdByLogin])).toEqual([
      [2, '2026年第2版.csv', 3, 'admin'],
      [1, '2026年第1版.xlsx', 3, 'admin'],
    ]);

    // The same file again: nothing changes and no new version is written.
    const again = await runImport(t, kindFor(t), v2);
    expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    expect(again.summary?.lists).toEqual([{ level: 'district', businessLine: '信用监管', version: null, itemCount: null, retired: 0 }]);

    // A retired item listed again comes back; a manual edit afterwards continues the numbering.
    const back = await runImport(t, kindFor(t), [...v2, v1[2] as Record<string, string>]);
    expect(back.counts).toEqual({ inserted: 0, updated: 1, unchanged: 3 });
    expect((await t.admin.call('items.get', { id: (retired[0] as { id: number }).id })).status).toBe('active');
    await t.admin.call('items.retire', { id: (retired[0] as { id: number }).id, reason: '手工停用' });
    expect((await t.admin.call('items.versions', { bureauId: t.bureauId('210102'), level: 'district', businessLine: '信用监管' })).map((v) => v.version)).toEqual([4, 3, 2, 1]);
  });

  it('a rejected row does not retire its item; a row without a business line blocks all retirement', async () => {
    t = await makeTestContext();
    await runImport(t, kindFor(t), [row({ seq: '1' }), row({ seq: '2', name: '经营期限的检查' }), row({ seq: '3', name: '年度报告公示信息的检查' })]);
    const partial = await runImport(t, kindFor(t), [row({ seq: '1' }), row({ seq: '2', name: '经营期限的检查', itemClass: '不明' })]);
    expect(partial.issues.map((i) => i.code)).toEqual(['ITEM_CLASS_INVALID']);
    expect(partial.summary?.retired).toBe(1);
    expect(await activeNames(t, '信用监管')).toEqual(['名称规范使用情况的检查', '经营期限的检查']);
    const blind = await runImport(t, kindFor(t), [row({ seq: '1' }), row({ seq: '2', businessLine: '' })]);
    expect(blind.summary).toEqual({ lists: [{ level: 'district', businessLine: '信用监管', version: null, itemCount: null, retired: 0 }], retired: 0 });
    expect(await activeNames(t, '信用监管')).toEqual(['名称规范使用情况的检查', '经营期限的检查']);
  });

  it('one bulk audit event covers the import; history shows it; audit verify stays clean', async () => {
    t = await makeTestContext();
    await runImport(t, kindFor(t), [row(), row({ name: '经营期限的检查' })]);
    await runImport(t, kindFor(t), [row({ remark: '新增备注' })]);
    const item = (await t.admin.call('items.list', { query: '名称规范' })).items[0] as { id: number };
    const history = await t.admin.call('items.history', { id: item.id });
    expect(history.map((h) => h.action)).toEqual(['imports.items', 'imports.items']);
    expect(history[0]?.changes).toEqual([
      { field: 'lastVersion', before: 1, after: 2 },
      { field: 'remark', before: null, after: '新增备注' },
    ]);
    const report = await t.app.services.audit.verify(async () => undefined);
    expect(report).toMatchObject({ ok: true, problems: [] });
  });

  it('fits the import engine’s kind factory', async () => {
    t = await makeTestContext();
    const factory: ImportKindFactory = (ctx) => createItemImportKind({ clock: t.clock, bureaus: t.app.services.bureaus }, ctx);
    const kind = factory({ bureauId: t.bureauId('210100'), actor: ACTOR, canAccessBureau: () => true, fileName: '事项清单.xlsx' });
    expect(kind).toMatchObject({ directory: 'items', entity: 'item' });
    expect(kind.parseRow(row(), 2)).toMatchObject({ ok: true, row: { list: { level: 'city' } } });
  });
});
