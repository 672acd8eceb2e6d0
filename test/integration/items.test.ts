import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/contract';
import { makeTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(async () => t?.app.close());

type CreateInput = MethodInput<'items.create'>;

const licence = (bureauId: number): CreateInput => ({
  bureauId,
  businessLine: ' 信用监管 ',
  seq: 1,
  category: '登记事项检查',
  name: '营业执照（登记证）规范使用情况的检查',
  targetScope: '企业、个体工商户',
  itemClass: 'general',
  methods: ['online', 'on_site', 'online'],
  basis: '《市场主体登记管理条例》第三十六条',
});
const pricing = (bureauId: number): CreateInput => ({ bureauId, businessLine: '价格', category: '价格', name: '经营者价格行为的检查', itemClass: 'general', methods: ['on_site'] });

/** Make sure the reference table exists (migration 0005 adds it; older trees may not have it yet). */
async function tagTarget(t: TestContext, itemId: number) {
  await t.app.db.write((tx) => tx.run('CREATE TABLE IF NOT EXISTS target_item_tags (target_id INTEGER NOT NULL, item_id INTEGER NOT NULL, PRIMARY KEY (target_id, item_id))'));
  const target = await t.admin.call('targets.create', { kind: 'for_profit', creditCode: '914403001922038216', name: '甲公司', territorialBureauId: t.bureauId('210102') });
  await t.app.db.write((tx) => tx.run('INSERT INTO target_item_tags (target_id, item_id) VALUES (?, ?)', [target.id, itemId]));
}

describe('inspection item list (随机抽查事项清单)', () => {
  it('creates an item with normalised fields, a derived code and list version 1 (手工维护)', async () => {
    t = await makeTestContext();
    const city = t.bureauId('210100');
    const item = await t.admin.call('items.create', licence(city));
    expect(item).toMatchObject({
      bureauId: city,
      level: 'city',
      businessLine: '信用监管',
      code: '登记事项检查|营业执照(登记证)规范使用情况的检查',
      methods: ['on_site', 'online'],
      custodyRule: 'territorial',
      status: 'active',
      retiredReason: null,
      subject: null,
      firstVersion: 1,
      lastVersion: 1,
      version: 1,
    });
    expect(await t.admin.call('items.get', { id: item.id })).toEqual(item);
    const versions = await t.admin.call('items.versions', { bureauId: city, level: 'city', businessLine: '信用监管' });
    expect(versions).toEqual([expect.objectContaining({ version: 1, source: '手工维护', itemCount: 1, createdByLogin: 'admin' })]);
    const district = await t.admin.call('items.create', { ...licence(t.bureauId('210102')), code: ' DJ-001 ' });
    expect(district).toMatchObject({ level: 'district', code: 'DJ-001', firstVersion: 1 });
  });

  it('refuses a second item with the same code in one list, allows it in another list', async () => {
    t = await makeTestContext();
    const city = t.bureauId('210100');
    const first = await t.admin.call('items.create', licence(city));
    expect(await t.admin.raw('items.create', { ...licence(city), seq: 9 })).toEqual({ ok: false, error: { code: 'ITEM_DUPLICATE', details: { field: 'code', existingId: first.id, status: 'active' } } });
    await t.admin.call('items.create', { ...licence(city), level: 'district' });
    await t.admin.call('items.create', { ...licence(city), businessLine: '广告' });
    expect((await t.admin.call('items.list', { bureauId: city })).total).toBe(3);
  });

  it('read for any signed-in user in scope; write for admin and clerk of the bureau subtree only', async () => {
    t = await makeTestContext();
    const [city, heping, shenhe] = [t.bureauId('210100'), t.bureauId('210102'), t.bureauId('210103')];
    const cityItem = await t.admin.call('items.create', pricing(city));
    const shenheItem = await t.admin.call('items.create', pricing(shenhe));
    const clerk = await t.createUser('hp-clerk', '210102', ['clerk']);
    const inspector = await t.createUser('hp-insp', '210102', ['inspector']);

    const own = await clerk.call('items.create', pricing(heping));
    expect(own).toMatchObject({ level: 'district', bureauId: heping });
    expect((await inspector.call('items.list', {})).items.map((i) => i.id)).toEqual([own.id]);
    expect(await inspector.call('items.get', { id: own.id })).toEqual(own);
    expect(await inspector.raw('items.create', pricing(heping))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { requiredRoles: ['admin', 'clerk'] } } });
    expect(await inspector.raw('items.retire', { id: own.id, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Another district's list, and the city's, are out of a district clerk's reach.
    expect(await clerk.raw('items.create', pricing(shenhe))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { bureauId: shenhe } } });
    expect(await clerk.raw('items.list', { bureauId: shenhe })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await clerk.raw('items.get', { id: shenheItem.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const { id, version, ...rest } = shenheItem;
    const fields = { seq: rest.seq, category: rest.category, name: '改名', itemClass: rest.itemClass, methods: rest.methods, custodyRule: rest.custodyRule };
    expect(await clerk.raw('items.update', { id, expectedVersion: version, ...fields })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await clerk.raw('items.retire', { id: cityItem.id, reason: '停止' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await clerk.raw('items.delete', { id: shenheItem.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await clerk.raw('items.versions', { bureauId: shenhe, level: 'district', businessLine: '价格' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await t.admin.call('items.get', { id: shenheItem.id })).name).toBe('经营者价格行为的检查');

    // The city clerk reaches every district's list.
    const cityClerk = await t.createUser('city-clerk', '210100', ['clerk']);
    expect(await cityClerk.call('items.update', { id, expectedVersion: version, ...fields })).toMatchObject({ name: '改名', version: 2 });
    expect((await cityClerk.call('items.list', {})).total).toBe(3);
    expect((await cityClerk.call('items.list', { bureauId: city })).items.map((i) => i.id)).toEqual([cityItem.id]);
  });

  it('edits with optimistic versions; each change is a new list version; a no-op edit changes nothing', async () => {
    t = await makeTestContext();
    const city = t.bureauId('210100');
    const item = await t.admin.call('items.create', licence(city));
    await t.admin.call('items.create', { ...pricing(city), businessLine: '信用监管' });
    const edit = { seq: 1, category: item.category, name: item.name, targetScope: item.targetScope, itemClass: 'key' as const, methods: item.methods, basis: item.basis, custodyRule: 'registration' as const };
    const updated = await t.admin.call('items.update', { id: item.id, expectedVersion: 1, ...edit });
    expect(updated).toMatchObject({ itemClass: 'key', custodyRule: 'registration', version: 2, firstVersion: 1, lastVersion: 3 });
    expect(await t.admin.raw('items.update', { id: item.id, expectedVersion: 1, ...edit, remark: '晚到的修改' })).toEqual({ ok: false, error: { code: 'ITEM_VERSION_CONFLICT', details: { current: 2 } } });
    expect(await t.admin.call('items.update', { id: item.id, expectedVersion: 2, ...edit })).toEqual(updated);
    const versions = await t.admin.call('items.versions', { bureauId: city, level: 'city', businessLine: '信用监管' });
    expect(versions.map((v) => [v.version, v.itemCount])).toEqual([[3, 2], [2, 2], [1, 1]]);
  });

  it('retires instead of deleting: kept for history, out of the active list, not editable', async () => {
    t = await makeTestContext();
    const city = t.bureauId('210100');
    const item = await t.admin.call('items.create', licence(city));
    const retired = await t.admin.call('items.retire', { id: item.id, reason: ' 省局清单调整 ' });
    expect(retired).toMatchObject({ status: 'retired', retiredReason: '省局清单调整', version: 2, lastVersion: 2 });
    expect(await t.admin.raw('items.retire', { id: item.id, reason: '再次' })).toMatchObject({ ok: false, error: { code: 'ITEM_RETIRED' } });
    const { id, version, category, name, itemClass } = retired;
    expect(await t.admin.raw('items.update', { id, expectedVersion: version, category, name, itemClass })).toMatchObject({ ok: false, error: { code: 'ITEM_RETIRED' } });
    expect((await t.admin.call('items.list', { bureauId: city, status: 'active' })).total).toBe(0);
    expect((await t.admin.call('items.list', { bureauId: city, status: 'retired' })).items).toEqual([retired]);
    expect((await t.admin.call('items.versions', { bureauId: city, level: 'city', businessLine: '信用监管' }))[0]).toMatchObject({ version: 2, itemCount: 0 });
  });

  it('deletes only an item nothing references (ITEM_IN_USE otherwise)', async () => {
    t = await makeTestContext();
    const city = t.bureauId('210100');
    const used = await t.admin.call('items.create', licence(city));
    const unused = await t.admin.call('items.create', pricing(city));
    await tagTarget(t, used.id);
    expect(await t.admin.raw('items.delete', { id: used.id })).toEqual({ ok: false, error: { code: 'ITEM_IN_USE', details: { id: used.id, references: 1 } } });
    expect(await t.admin.call('items.delete', { id: unused.id })).toEqual({ ok: true });
    expect(await t.admin.raw('items.get', { id: unused.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await t.admin.call('items.versions', { bureauId: city, level: 'city', businessLine: '价格' })).map((v) => [v.version, v.itemCount])).toEqual([[2, 0], [1, 1]]);
    const events = await t.admin.call('audit.list', { limit: 1 });
    expect(events[0]).toMatchObject({ action: 'items.delete', entity: 'item', entityId: String(unused.id) });
    // Retired but referenced: still not deletable.
    await t.admin.call('items.retire', { id: used.id, reason: '停用' });
    expect(await t.admin.raw('items.delete', { id: used.id })).toMatchObject({ ok: false, error: { code: 'ITEM_IN_USE' } });
  });

  it('keeps a readable history from the audit log, and audit verify catches an item edited behind the app', async () => {
    t = await makeTestContext();
    const city = t.bureauId('210100');
    const item = await t.admin.call('items.create', licence(city));
    const { id, version, category, name, itemClass, methods } = item;
    await t.admin.call('items.update', { id, expectedVersion: version, category, name, itemClass, methods, seq: 2, basis: item.basis });
    await t.admin.call('items.retire', { id, reason: '调整' });
    const history = await t.admin.call('items.history', { id });
    expect(history.map((h) => h.action)).toEqual(['items.retire', 'items.update', 'items.create']);
    expect(history[1]?.changes).toEqual([
      { field: 'lastVersion', before: 1, after: 2 },
      { field: 'seq', before: 1, after: 2 },
      { field: 'targetScope', before: '企业、个体工商户', after: null },
    ]);
    expect((await t.app.services.audit.verify(async () => undefined)).ok).toBe(true);
    await t.app.db.write((tx) => tx.run(`UPDATE items SET item_class = 'key' WHERE id = ?`, [id]));
    const report = await t.app.services.audit.verify(async () => undefined);
    expect(report.problems).toEqual([{ kind: 'entity', seq: null, entity: `item:${id}`, detail: 'row differs from its last audited state' }]);
  });

  it('filters by level, line, class, status and text; lists business lines for the filters', async () => {
    t = await makeTestContext();
    const [city, heping] = [t.bureauId('210100'), t.bureauId('210102')];
    await t.admin.call('items.create', licence(city));
    await t.admin.call('items.create', { ...pricing(city), itemClass: 'key' });
    await t.admin.call('items.create', { ...licence(heping), seq: 3 });
    await t.admin.call('items.create', { ...pricing(heping), name: '明码标价_100%检查', seq: 1 });
    const names = async (input: MethodInput<'items.list'>) => (await t.admin.call('items.list', input)).items.map((i) => i.name);
    expect(await names({ bureauId: heping })).toEqual(['明码标价_100%检查', '营业执照（登记证）规范使用情况的检查']);
    expect(await names({ itemClass: 'key' })).toEqual(['经营者价格行为的检查']);
    expect(await names({ businessLine: '信用监管', level: 'district' })).toEqual(['营业执照（登记证）规范使用情况的检查']);
    expect(await names({ query: '登记事项' })).toHaveLength(2);
    expect(await names({ query: '_100%' })).toEqual(['明码标价_100%检查']);
    expect(await names({ query: '100%%' })).toEqual([]);
    expect(await names({ query: 'DJ' })).toEqual([]);
    const page = await t.admin.call('items.list', { page: 2, pageSize: 3 });
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page.items).toHaveLength(1);
    const lines = await t.admin.call('items.businessLines', {});
    expect(lines).toEqual([
      { bureauId: city, level: 'city', businessLine: '价格', activeCount: 1, latestVersion: 1 },
      { bureauId: city, level: 'city', businessLine: '信用监管', activeCount: 1, latestVersion: 1 },
      { bureauId: heping, level: 'district', businessLine: '价格', activeCount: 1, latestVersion: 1 },
      { bureauId: heping, level: 'district', businessLine: '信用监管', activeCount: 1, latestVersion: 1 },
    ]);
    const clerk = await t.createUser('hp', '210102', ['clerk']);
    expect((await clerk.call('items.businessLines', { level: 'district' })).map((l) => l.businessLine)).toEqual(['价格', '信用监管']);
    expect(await clerk.call('items.businessLines', { level: 'city' })).toEqual([]);
  });

  it('validates input through the contract', async () => {
    t = await makeTestContext();
    const res = await t.admin.raw('items.create', { ...licence(t.bureauId('210100')), itemClass: 'major', methods: ['phone'], businessLine: '  ' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (res.ok) throw new Error('expected INVALID_INPUT');
    const paths = (res.error.details.issues as { path: unknown[] }[]).map((i) => i.path.join('.'));
    expect(paths.sort()).toEqual(['businessLine', 'itemClass', 'methods.0']);
    expect(await t.admin.raw('items.create', { ...licence(999) })).toMatchObject({ ok: false, error: { code: 'BUREAU_NOT_FOUND' } });
  });
});
