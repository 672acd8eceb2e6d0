import { afterEach, describe, expect, it } from 'vitest';
import { makeTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(async () => t?.app.close());

describe('bureaus', () => {
  it('seeds 沈阳市市场监督管理局 and its 13 district/county bureaus once', async () => {
    t = await makeTestContext();
    const list = await t.admin.call('bureaus.list', {});
    expect(list).toHaveLength(14);
    const city = list.find((b) => b.divisionCode === '210100');
    expect(city).toMatchObject({ name: '沈阳市市场监督管理局', level: 'city', parentId: null });
    expect(list.filter((b) => b.parentId === city?.id).map((b) => b.divisionCode).sort()).toEqual(
      ['210102', '210103', '210104', '210105', '210106', '210111', '210112', '210113', '210114', '210115', '210123', '210124', '210181'],
    );
    expect(list.find((b) => b.divisionCode === '210181')?.name).toBe('新民市市场监督管理局');
    expect(await t.app.services.bureaus.seed()).toBe(0);
  });

  it('archive settings are editable by admins, validated and audited', async () => {
    t = await makeTestContext();
    const id = t.bureauId('210102');
    const updated = await t.admin.call('bureaus.updateSettings', { bureauId: id, fondsCode: 'J021', orgCode: 'XYJG', shortName: '沈和市监' });
    expect(updated).toMatchObject({ fondsCode: 'J021', orgCode: 'XYJG', version: 2 });
    expect(await t.admin.raw('bureaus.updateSettings', { bureauId: id, fondsCode: 'j-21' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const clerk = await t.createUser('clerk.hp', '210102', ['clerk']);
    expect(await clerk.raw('bureaus.updateSettings', { bureauId: id, fondsCode: 'J022' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const events = await t.admin.call('audit.list', { limit: 5 });
    expect(events.some((e) => e.action === 'bureaus.updateSettings' && e.entityId === String(id))).toBe(true);
  });
});
