import { afterEach, describe, expect, it } from 'vitest';
import { completeUscc } from '../../shared/domain/uscc';
import { makeTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(async () => t?.app.close());

const base = (t: TestContext) => ({ kind: 'for_profit' as const, name: '沈阳和平示例商贸有限公司', territorialBureauId: t.bureauId('210102') });

describe('target directory (检查对象名录库)', () => {
  it('refuses a wrong check character with the field and the expected character, then accepts the fix', async () => {
    t = await makeTestContext();
    const bad = await t.admin.raw('targets.create', { ...base(t), creditCode: '914403001922038217' });
    expect(bad).toEqual({ ok: false, error: { code: 'USCC_CHECKSUM', details: { field: 'creditCode', expected: '6' } } });
    const ok = await t.admin.call('targets.create', { ...base(t), creditCode: '9144 0300 1922 0382 16' });
    expect(ok).toMatchObject({ creditCode: '914403001922038216', version: 1, warnings: [], regStatus: 'active' });
    expect(await t.admin.call('targets.get', { id: ok.id })).toEqual(ok);
  });

  it.each([
    ['91440300192203821', 'USCC_LENGTH'],
    ['91440300192203821O', 'USCC_CHARSET'],
    ['', 'TARGET_CODE_REQUIRED'],
  ])('code %j → %s', async (code, expected) => {
    t = await makeTestContext();
    expect(await t.admin.raw('targets.create', { ...base(t), creditCode: code })).toMatchObject({ ok: false, error: { code: expected } });
  });

  it('duplicate credit code → TARGET_DUPLICATE naming the existing record', async () => {
    t = await makeTestContext();
    const first = await t.admin.call('targets.create', { ...base(t), creditCode: '914403001922038216' });
    const dup = await t.admin.raw('targets.create', { ...base(t), name: '另一家', creditCode: '914403001922038216' });
    expect(dup).toEqual({ ok: false, error: { code: 'TARGET_DUPLICATE', details: { field: 'creditCode', existingId: first.id } } });
  });

  it('organisation-code mismatch is a warning stored with the target', async () => {
    t = await makeTestContext();
    const body = '91440300192203822';
    const { usccCheckChar } = await import('../../shared/domain/uscc');
    const created = await t.admin.call('targets.create', { ...base(t), creditCode: body + usccCheckChar(body) });
    expect(created.warnings).toEqual(['USCC_ORG_CODE_MISMATCH']);
  });

  it('non-market subjects need an identifier and a description instead of a code', async () => {
    t = await makeTestContext();
    const missing = await t.admin.raw('targets.create', { kind: 'non_market', name: '电动自行车', territorialBureauId: t.bureauId('210100') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'TARGET_IDENTIFIER_REQUIRED', details: { field: 'identifier' } } });
    const created = await t.admin.call('targets.create', { kind: 'non_market', identifier: 'CP-001', description: '电动自行车产品质量抽查', name: '电动自行车', territorialBureauId: t.bureauId('210100'), creditCode: '914403001922038216' });
    expect(created).toMatchObject({ creditCode: null, identifier: 'CP-001' });
  });

  it('search by name (trigram and short LIKE) and by code, paged and scoped to the bureau', async () => {
    t = await makeTestContext();
    const hp = t.bureauId('210102');
    for (let i = 0; i < 30; i++) {
      await t.admin.call('targets.create', { kind: 'for_profit', creditCode: completeUscc(`912101020${String(i).padStart(7, '0')}`), name: i % 3 === 0 ? `沈阳食品第${i}有限公司` : `沈阳建材第${i}有限公司`, territorialBureauId: hp });
    }
    await t.admin.call('targets.create', { kind: 'for_profit', creditCode: '914403001922038216', name: '沈河食品公司', territorialBureauId: t.bureauId('210103') });
    expect((await t.admin.call('targets.list', { query: '沈阳食品', bureauId: hp })).total).toBe(10);
    expect((await t.admin.call('targets.list', { query: '食品' })).total).toBe(11); // 2 characters → LIKE
    expect((await t.admin.call('targets.list', { query: '9144030019' })).items.map((x) => x.name)).toEqual(['沈河食品公司']);
    expect((await t.admin.call('targets.list', { query: 'ma' })).total).toBe(0);
    const page2 = await t.admin.call('targets.list', { bureauId: hp, page: 2, pageSize: 12 });
    expect(page2).toMatchObject({ total: 30, page: 2, pageSize: 12 });
    expect(page2.items).toHaveLength(12);
    const clerk = await t.createUser('hp', '210102', ['clerk']);
    expect((await clerk.call('targets.list', { query: '食品' })).total).toBe(10);
    expect((await t.admin.call('targets.list', { query: '%' })).total).toBe(0);
  });

  it('edits with optimistic versions and keeps a readable history', async () => {
    t = await makeTestContext();
    const created = await t.admin.call('targets.create', { ...base(t), creditCode: '914403001922038216', riskLevel: 'low' });
    const { id: _id, version, warnings: _w, tags: _t, createdAt: _c, updatedAt: _u, ...fields } = created;
    const updated = await t.admin.call('targets.update', { ...fields, id: created.id, expectedVersion: version, riskLevel: 'high', name: '沈阳和平示例商贸有限责任公司' });
    expect(updated.version).toBe(2);
    const stale = await t.admin.raw('targets.update', { ...fields, id: created.id, expectedVersion: version, riskLevel: 'medium' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'TARGET_VERSION_CONFLICT', details: { current: 2 } } });
    const history = await t.admin.call('targets.history', { id: created.id });
    expect(history.map((h) => h.action)).toEqual(['targets.update', 'targets.create']);
    expect(history[0]?.actorLogin).toBe('admin');
    expect(history[0]?.changes).toEqual([
      { field: 'name', before: '沈阳和平示例商贸有限公司', after: '沈阳和平示例商贸有限责任公司' },
      { field: 'riskLevel', before: 'low', after: 'high' },
    ]);
  });

  it('unknown bureau → BUREAU_NOT_FOUND on the field', async () => {
    t = await makeTestContext();
    const res = await t.admin.raw('targets.create', { ...base(t), creditCode: '914403001922038216', registrationBureauId: 999 });
    expect(res).toMatchObject({ ok: false, error: { code: 'BUREAU_NOT_FOUND', details: { field: 'registrationBureauId' } } });
  });
});
