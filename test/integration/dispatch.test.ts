import { afterEach, describe, expect, it } from 'vitest';
import { makeTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(async () => t?.app.close());

describe('dispatch: the single choke point', () => {
  it('unknown method → METHOD_NOT_FOUND', async () => {
    t = await makeTestContext();
    expect(await t.admin.raw('targets.destroyEverything', {})).toEqual({ ok: false, error: { code: 'METHOD_NOT_FOUND', details: { method: 'targets.destroyEverything' } } });
    expect(await t.admin.raw('toString', {})).toMatchObject({ ok: false, error: { code: 'METHOD_NOT_FOUND' } });
  });

  it('bad input → INVALID_INPUT with the paths; unknown fields are refused', async () => {
    t = await makeTestContext();
    const res = await t.admin.raw('targets.create', { kind: 'company', name: '', territorialBureauId: 'x', extra: 1 });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('INVALID_INPUT');
    const paths = (res.error.details.issues as { path: unknown[] }[]).map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['kind', 'name', 'territorialBureauId']));
    expect(JSON.stringify(res.error.details)).toContain('extra');
  });

  it('no session → UNAUTHENTICATED; wrong role → FORBIDDEN', async () => {
    t = await makeTestContext();
    expect(await t.caller(null).raw('targets.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.caller('forged-token').raw('targets.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const inspector = await t.createUser('insp', '210102', ['inspector']);
    expect(await inspector.raw('users.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await inspector.raw('audit.verify', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await inspector.raw('targets.create', { kind: 'for_profit', creditCode: '914403001922038216', name: 'x', territorialBureauId: t.bureauId('210102') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it("a district user cannot reach another district's data; the city bureau reaches all", async () => {
    t = await makeTestContext();
    const heping = await t.createUser('hp.clerk', '210102', ['clerk']);
    const shenhe = t.bureauId('210103');
    expect(await heping.raw('targets.list', { bureauId: shenhe })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await heping.raw('targets.create', { kind: 'for_profit', creditCode: '914403001922038216', name: '甲公司', territorialBureauId: shenhe })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const other = await t.admin.call('targets.create', { kind: 'for_profit', creditCode: '914403001922038216', name: '沈河甲公司', territorialBureauId: shenhe });
    expect(await heping.raw('targets.get', { id: other.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const { id, version, warnings: _w, tags: _t, createdAt: _c, updatedAt: _u, ...fields } = other;
    expect(await heping.raw('targets.update', { ...fields, id, expectedVersion: version, territorialBureauId: t.bureauId('210102') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const districtAdmin = await t.createUser('hp.admin', '210102', ['admin']);
    expect(await districtAdmin.raw('bureaus.updateSettings', { bureauId: shenhe, fondsCode: 'J099' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.admin.call('targets.list', { bureauId: shenhe })).toMatchObject({ total: 1 });
  });

  it('an unexpected failure is logged and returned as INTERNAL without a stack', async () => {
    t = await makeTestContext();
    await t.app.db.write((tx) => tx.run('DROP TRIGGER targets_fts_ai'));
    await t.app.db.write((tx) => tx.run('DROP TABLE targets_fts'));
    const res = await t.admin.raw('targets.list', { query: '有限公司' });
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', details: {} } });
    expect(t.logEntries.some((e) => e.level === 'error' && e.message.includes('unexpected'))).toBe(true);
  });
});
