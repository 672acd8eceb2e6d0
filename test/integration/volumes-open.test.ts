import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/contract';
import { drawnWorld } from '../support/inspection-fixtures';
import { makeTestContext, type TestContext } from '../support/test-context';
import { bindVolume, importBytes, pageText, textPdf } from '../support/volume-fixtures';

let t: TestContext;
afterEach(async () => t?.app.close());

const item = (bureauId: number, name: string, custodyRule: 'registration' | 'territorial'): MethodInput<'items.create'> => ({
  bureauId, businessLine: '综合', category: '登记事项检查', name, itemClass: 'general', methods: ['on_site'], custodyRule,
});

/** A target registered at the city bureau (登记机关) and located in 和平区 (属地), two items with each Art. 8 rule, a 和平区 clerk. */
async function setup() {
  t = await makeTestContext();
  const city = t.bureauId('210100');
  const heping = t.bureauId('210102');
  const target = await t.admin.call('targets.create', { kind: 'for_profit', creditCode: '914403001922038216', name: '沈阳投诉测试有限公司', territorialBureauId: heping, registrationBureauId: city });
  const byRegistration = await t.admin.call('items.create', item(city, '营业执照规范使用情况的检查', 'registration'));
  const territorial = await t.admin.call('items.create', item(city, '食品经营场所卫生状况的检查', 'territorial'));
  const clerk = await t.createUser('heping-clerk', '210102', ['clerk']);
  return { city, heping, target, byRegistration, territorial, clerk };
}

describe('volumes opened by hand (投诉举报 / 转办交办)', () => {
  it('opens a volume at the custody bureau of the items’ rule, with the generated title, audited; one per target and source', async () => {
    const s = await setup();
    const v = await s.clerk.call('volumes.open', { targetId: s.target.id, purpose: 'complaint', basis: ' TS-2026-0012 ', itemIds: [s.byRegistration.id] });
    expect(v).toMatchObject({
      title: '关于对沈阳投诉测试有限公司的投诉举报检查专卷',
      openedBy: 'manual', purpose: 'complaint', basis: 'TS-2026-0012', custodyRule: 'registration',
      custodyBureauId: s.city, inspectingBureauId: s.heping, taskId: null, inspectionId: null, status: 'open', entries: [],
    });
    // The checklist of a volume without an inspection in the system: the documents are the evidence.
    expect(v.checklist.map((i) => [i.key, i.status])).toEqual([['basis', 'missing'], ['notice', 'missing'], ['service_proof', 'missing'], ['register', 'missing'], ['publication', 'missing']]);
    expect(v.complete).toBe(false);

    // Any item under 属地 keeps the volume at the 属地 bureau; a referral is another source.
    const referral = await s.clerk.call('volumes.open', { targetId: s.target.id, purpose: 'referral', basis: '沈市监交〔2026〕3号', itemIds: [s.byRegistration.id, s.territorial.id], title: '关于对沈阳投诉测试有限公司转办事项的检查专卷' });
    expect(referral).toMatchObject({ custodyBureauId: s.heping, custodyRule: 'territorial', title: '关于对沈阳投诉测试有限公司转办事项的检查专卷' });
    const none = await s.clerk.call('volumes.open', { targetId: s.target.id, purpose: 'complaint', basis: 'TS-2026-0013' });
    expect(none).toMatchObject({ custodyBureauId: s.heping, custodyRule: 'territorial' });

    // The same complaint twice is refused with the volume to open instead; nothing is added.
    const again = await s.clerk.raw('volumes.open', { targetId: s.target.id, purpose: 'complaint', basis: 'TS-2026-0012' });
    expect(again).toMatchObject({ ok: false, error: { code: 'VOLUME_EXISTS', details: { volumeId: v.id } } });
    expect(await t.app.db.write((tx) => tx.run('INSERT INTO volumes (target_id, custody_bureau_id, inspecting_bureau_id, title, opened_by, purpose, basis, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [s.target.id, s.city, s.heping, 'x', 'manual', 'complaint', 'TS-2026-0012', 'now', 'now'])).catch((e: Error) => e.message)).toMatch(/UNIQUE/);

    const list = await s.clerk.call('volumes.list', { q: '投诉测试' });
    expect(list.items.map((i) => [i.id, i.purpose, i.basis])).toEqual([[none.id, 'complaint', 'TS-2026-0013'], [referral.id, 'referral', '沈市监交〔2026〕3号'], [v.id, 'complaint', 'TS-2026-0012']]);
    const events = (await t.admin.call('audit.list', { limit: 50 })).filter((e) => e.action === 'volumes.open');
    expect(events).toHaveLength(3);
    const { jobId } = await t.admin.call('audit.verify', {});
    await t.app.services.jobs.idle();
    const verified = (await t.admin.call('jobs.get', { id: jobId })).result as { ok: boolean };
    expect(verified.ok, JSON.stringify(verified)).toBe(true);
  });

  it('refuses a role that does not keep volumes, another bureau as the inspecting unit, a retired or unknown item and an unknown target', async () => {
    const s = await setup();
    const inspector = await t.createUser('heping-inspector', '210102', ['inspector']);
    const base = { targetId: s.target.id, purpose: 'complaint' as const, basis: 'TS-1' };
    expect(await inspector.raw('volumes.open', base)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.clerk.raw('volumes.open', { ...base, inspectingBureauId: t.bureauId('210103') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await t.admin.call('items.retire', { id: s.territorial.id, reason: '清单调整' });
    expect(await s.clerk.raw('volumes.open', { ...base, itemIds: [s.territorial.id] })).toMatchObject({ ok: false, error: { code: 'VOLUME_ITEM_INVALID', details: { itemIds: [s.territorial.id] } } });
    expect(await s.clerk.raw('volumes.open', { ...base, itemIds: [999999] })).toMatchObject({ ok: false, error: { code: 'VOLUME_ITEM_INVALID' } });
    expect(await s.clerk.raw('volumes.open', { ...base, targetId: 999999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await s.clerk.raw('volumes.open', { ...base, basis: '  ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await t.admin.call('volumes.list', {})).total).toBe(0);
  });

  it('is complete once the source, notice, proof of service, register and publication record are filed, and binds', async () => {
    const s = await setup();
    const v = await s.clerk.call('volumes.open', { targetId: s.target.id, purpose: 'complaint', basis: 'TS-2026-0012', itemIds: [s.territorial.id] });
    const docs = [['task_list', '投诉举报登记表'], ['notice', '行政检查告知书'], ['service_proof', '送达回证'], ['register', '现场检查笔录'], ['publication', '检查结果公示截图']] as const;
    for (const [docType, title] of docs) {
      const res = await importBytes(t, v.id, `${docType}.pdf`, await textPdf([`${docType} page`]), { docType, title }, s.clerk);
      expect(res.ok, JSON.stringify(res)).toBe(true);
    }
    const filled = await s.clerk.call('volumes.get', { id: v.id });
    expect(filled.checklist.filter((i) => i.status === 'missing')).toEqual([]);
    expect(filled.complete).toBe(true);
    // A correction order in the volume asks for its re-check record.
    await importBytes(t, v.id, 'order.pdf', await textPdf(['order page']), { docType: 'order', title: '责令改正通知书' }, s.clerk);
    const withOrder = await s.clerk.call('volumes.get', { id: v.id });
    expect(withOrder.checklist.find((i) => i.key === 'recheck')).toMatchObject({ status: 'missing' });
    await importBytes(t, v.id, 'recheck.pdf', await textPdf(['recheck page']), { docType: 'recheck', title: '复查记录' }, s.clerk);

    const bound = await bindVolume(t, v.id, s.clerk);
    expect(bound.contentPages).toBe(7);
    const { fileName } = await s.clerk.call('volumes.exportFile', { id: v.id });
    const file = path.join(t.dataDir, 'exports', fileName);
    expect(fs.existsSync(file)).toBe(true);
    expect(pageText(file, 1)).toContain('投诉举报检查专卷');
    expect(pageText(file, 2)).toContain('投诉举报登记表'); // the source leads the 目录 (§3.7 order)
  }, 120_000);

  it('titles follow the inspecting bureau’s 案卷题名 pattern (draws and by hand); a bad pattern is refused; existing titles stay', async () => {
    t = await makeTestContext();
    const heping = t.bureauId('210102');
    const clerk = await t.createUser('heping-clerk', '210102', ['clerk']);
    const settings = await clerk.call('volumes.titleSettings', { bureauId: heping });
    expect(settings).toMatchObject({ isDefault: true, pattern: '关于对{对象名称}的{检查来源}检查专卷', example: '关于对沈阳市××食品有限公司的双随机抽查检查专卷', exampleByHand: '关于对沈阳市××食品有限公司的投诉举报检查专卷' });
    expect(await clerk.raw('volumes.updateTitleSettings', { bureauId: heping, pattern: '{年度}年{对象名称}' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const [pattern, problem] of [['{年度}年检查专卷', '缺少 {对象名称}'], ['{对象名称}{案卷号}', '未知的占位符 {案卷号}'], ['{对象名称}}', '花括号不成对']] as const) {
      expect(await t.admin.raw('volumes.updateTitleSettings', { bureauId: heping, pattern })).toMatchObject({ ok: false, error: { code: 'VOLUME_TITLE_PATTERN_INVALID', details: { problems: expect.arrayContaining([problem]) } } });
    }
    const before = await clerk.call('volumes.open', { targetId: (await t.admin.call('targets.create', { kind: 'for_profit', creditCode: '914403001922038216', name: '沈阳题名测试商行', territorialBureauId: heping })).id, purpose: 'complaint', basis: 'TS-1' });
    const set = await t.admin.call('volumes.updateTitleSettings', { bureauId: heping, pattern: ' {对象名称}{年度}年度{检查来源}专卷 ' });
    expect(set).toMatchObject({ isDefault: false, pattern: '{对象名称}{年度}年度{检查来源}专卷', example: expect.stringMatching(/^沈阳市××食品有限公司20\d\d年度双随机抽查专卷$/) });

    // A draw by 和平区 names its volumes by the pattern with the plan's year; opening by hand uses it too.
    const drawn = await drawnWorld(t);
    const volumes = (await t.admin.call('volumes.list', { taskId: drawn.world.task.id, pageSize: 500 })).items;
    expect(volumes.length).toBeGreaterThan(0);
    for (const v of volumes) expect(v.title).toBe(`${v.targetName}2026年度双随机抽查专卷`);
    const byHand = await clerk.call('volumes.open', { targetId: volumes[0]!.targetId, purpose: 'referral', basis: '沈市监交〔2026〕3号' });
    expect(byHand.title).toMatch(new RegExp(`^${volumes[0]!.targetName}20\\d\\d年度转办交办专卷$`));
    expect((await clerk.call('volumes.get', { id: before.id })).title).toBe('关于对沈阳题名测试商行的投诉举报检查专卷');
    expect((await t.admin.call('audit.list', { limit: 200 })).some((e) => e.action === 'volumes.updateTitleSettings')).toBe(true);
  }, 120_000);
});
