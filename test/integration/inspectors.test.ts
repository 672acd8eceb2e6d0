import { afterEach, describe, expect, it } from 'vitest';
import type { AuditVerifyReport, MethodInput } from '../../shared/contract';
import { makeTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(async () => t?.app.close());

const HEPING = '210102';
const SHENHE = '210103';

const zhang = (t: TestContext, over: Partial<MethodInput<'inspectors.create'>> = {}): MethodInput<'inspectors.create'> => ({
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
  ...over,
});

async function verify(t: TestContext): Promise<AuditVerifyReport> {
  const { jobId } = await t.admin.call('audit.verify', {});
  await t.app.services.jobs.idle();
  return (await t.admin.call('jobs.get', { id: jobId })).result as AuditVerifyReport;
}

const fields = ({ id: _i, version: _v, createdAt: _c, updatedAt: _u, ...rest }: { id: number; version: number; createdAt: string; updatedAt: string } & MethodInput<'inspectors.create'>) => rest;

describe('inspector directory (执法检查人员名录库)', () => {
  it('creates, reads and filters; qualification defaults to 是 when a 执法证号 is given', async () => {
    t = await makeTestContext();
    const a = await t.admin.call('inspectors.create', zhang(t, { certNo: ' 2101 0220 1900 01 ' }));
    expect(a).toMatchObject({ certNo: '21010220190001', enforcementQualified: true, status: 'active', version: 1, userId: null, idSuffix: null });
    const b = await t.admin.call('inspectors.create', zhang(t, { bureauId: t.bureauId(SHENHE), name: '李华', certNo: null, certValidFrom: null, certValidTo: null, businessLines: ['计量'], expertise: ['计量', '计量'], phone: null }));
    expect(b).toMatchObject({ enforcementQualified: false, expertise: ['计量'] });
    const c = await t.admin.call('inspectors.create', zhang(t, { name: '王强', certNo: 'LN0001234', certValidTo: '2026-06-30', status: 'inactive', businessLines: [] }));

    const names = async (input: MethodInput<'inspectors.list'>) => (await t.admin.call('inspectors.list', input)).items.map((i) => i.name).sort();
    expect(await names({})).toEqual(['张明', '李华', '王强'].sort());
    expect(await names({ query: '张' })).toEqual(['张明']);
    expect(await names({ query: 'ln000' })).toEqual(['王强']);
    expect(await names({ qualified: false })).toEqual(['李华']);
    expect(await names({ businessLine: '食品' })).toEqual(['张明']);
    expect(await names({ expertise: '计量' })).toEqual(['李华']);
    expect(await names({ status: 'inactive' })).toEqual(['王强']);
    expect(await names({ certExpiringBefore: '2027-01-01' })).toEqual(['王强']);
    expect(await names({ bureauId: t.bureauId(SHENHE) })).toEqual(['李华']);
    expect(await t.admin.call('inspectors.list', { page: 2, pageSize: 2 })).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ id: a.id }] });
    expect(await t.admin.call('inspectors.get', { id: c.id })).toEqual({ ...c, absences: [], recusals: [] });
  });

  it.each<[string, Partial<MethodInput<'inspectors.create'>>, string, string]>([
    ['执法证号 too short', { certNo: 'AB12' }, 'INSPECTOR_CERT_FORMAT', 'certNo'],
    ['执法证号 with Chinese', { certNo: '沈执字2019001' }, 'INSPECTOR_CERT_FORMAT', 'certNo'],
    ['certificate dates reversed', { certValidFrom: '2029-01-01' }, 'INSPECTOR_CERT_DATES', 'certValidTo'],
    ['bad phone', { phone: '打电话' }, 'INSPECTOR_PHONE_FORMAT', 'phone'],
    ['ID suffix not four characters of an ID', { idSuffix: '12a4' }, 'INSPECTOR_ID_SUFFIX_FORMAT', 'idSuffix'],
    ['unknown account', { userId: 999 }, 'INSPECTOR_USER_NOT_FOUND', 'userId'],
  ])('%s → %s', async (_name, over, code, field) => {
    t = await makeTestContext();
    expect(await t.admin.raw('inspectors.create', zhang(t, over))).toMatchObject({ ok: false, error: { code, details: { field } } });
  });

  it('refuses a duplicate 执法证号, a second inspector on one account, a full ID number and an unknown bureau', async () => {
    t = await makeTestContext();
    const first = await t.admin.call('inspectors.create', zhang(t, { userId: 1 }));
    expect(first.userId).toBe(1);
    expect(await t.admin.raw('inspectors.create', zhang(t, { name: '张明明', certNo: '21010220190001' }))).toEqual({ ok: false, error: { code: 'INSPECTOR_DUPLICATE', details: { field: 'certNo', existingId: first.id } } });
    expect(await t.admin.raw('inspectors.create', zhang(t, { certNo: null, userId: 1 }))).toMatchObject({ ok: false, error: { code: 'INSPECTOR_USER_LINKED', details: { existingId: first.id } } });
    expect(await t.admin.raw('inspectors.create', zhang(t, { certNo: null, idSuffix: '21010219900101123X' }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.admin.raw('inspectors.create', zhang(t, { bureauId: 999 }))).toMatchObject({ ok: false, error: { code: 'BUREAU_NOT_FOUND' } });
  });

  it('keeps each district to its own inspectors; the city sees all; only admin and clerk write', async () => {
    t = await makeTestContext();
    const hpClerk = await t.createUser('hp-clerk', HEPING, ['clerk']);
    const hpInspector = await t.createUser('hp-insp', HEPING, ['inspector']);
    const own = await hpClerk.call('inspectors.create', zhang(t));
    const other = await t.admin.call('inspectors.create', zhang(t, { bureauId: t.bureauId(SHENHE), name: '李华', certNo: '21010320190001' }));
    const forbidden = { ok: false, error: { code: 'FORBIDDEN' } };

    expect(await hpClerk.raw('inspectors.create', zhang(t, { bureauId: t.bureauId(SHENHE), certNo: null }))).toMatchObject(forbidden);
    expect((await hpClerk.call('inspectors.list', {})).items.map((i) => i.id)).toEqual([own.id]);
    expect(await hpClerk.raw('inspectors.list', { bureauId: t.bureauId(SHENHE) })).toMatchObject(forbidden);
    expect(await hpClerk.raw('inspectors.get', { id: other.id })).toMatchObject(forbidden);
    expect(await hpClerk.raw('inspectors.history', { id: other.id })).toMatchObject(forbidden);
    expect(await hpClerk.raw('inspectors.update', { ...fields(other), bureauId: t.bureauId(HEPING), id: other.id, expectedVersion: 1 })).toMatchObject(forbidden);
    expect(await hpClerk.raw('inspectors.update', { ...fields(own), bureauId: t.bureauId(SHENHE), id: own.id, expectedVersion: 1 })).toMatchObject(forbidden);
    expect(await hpClerk.raw('inspectors.setStatus', { id: other.id, status: 'inactive' })).toMatchObject(forbidden);
    expect(await hpClerk.raw('inspectors.addAbsence', { inspectorId: other.id, fromDate: '2026-03-01', toDate: '2026-03-02', reason: '休假' })).toMatchObject(forbidden);
    expect(await hpClerk.raw('inspectors.create', zhang(t, { certNo: null, userId: 1 }))).toMatchObject(forbidden); // the city admin's account

    expect((await hpInspector.call('inspectors.get', { id: own.id })).name).toBe('张明');
    expect(await hpInspector.raw('inspectors.create', zhang(t, { certNo: null }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { requiredRoles: ['admin', 'clerk'] } } });
    expect((await t.admin.call('inspectors.list', {})).total).toBe(2);
    // Linked by the city to a city account, the district can still manage its inspector.
    await t.admin.call('inspectors.update', { ...fields(own), id: own.id, expectedVersion: 1, userId: 1 });
    expect(await hpClerk.call('inspectors.setStatus', { id: own.id, status: 'inactive' })).toMatchObject({ status: 'inactive', userId: 1, version: 3 });
  });

  it('edits with optimistic versions, sets status, and keeps a readable history', async () => {
    t = await makeTestContext();
    const created = await t.admin.call('inspectors.create', zhang(t));
    const updated = await t.admin.call('inspectors.update', { ...fields(created), id: created.id, expectedVersion: 1, region: '北市场监管所', businessLines: ['食品'] });
    expect(updated).toMatchObject({ version: 2, region: '北市场监管所' });
    expect(await t.admin.raw('inspectors.update', { ...fields(created), id: created.id, expectedVersion: 1, phone: '13800000000' })).toEqual({ ok: false, error: { code: 'INSPECTOR_VERSION_CONFLICT', details: { current: 2 } } });
    expect(await t.admin.raw('inspectors.setStatus', { id: created.id, status: 'inactive', expectedVersion: 1 })).toMatchObject({ ok: false, error: { code: 'INSPECTOR_VERSION_CONFLICT' } });
    expect(await t.admin.call('inspectors.setStatus', { id: created.id, status: 'inactive' })).toMatchObject({ status: 'inactive', version: 3 });
    const history = await t.admin.call('inspectors.history', { id: created.id });
    expect(history.map((h) => h.action)).toEqual(['inspectors.setStatus', 'inspectors.update', 'inspectors.create']);
    expect(history[1]?.changes).toEqual([
      { field: 'businessLines', before: ['食品', '特种设备'], after: ['食品'] },
      { field: 'region', before: '南湖市场监管所', after: '北市场监管所' },
    ]);
  });

  it('records away periods, reports overlaps, refuses reversed dates, removes them', async () => {
    t = await makeTestContext();
    const i = await t.admin.call('inspectors.create', zhang(t));
    const leave = await t.admin.call('inspectors.addAbsence', { inspectorId: i.id, fromDate: '2026-03-01', toDate: '2026-03-10', reason: '休假' });
    expect(leave).toEqual({ absence: { id: expect.any(Number), inspectorId: i.id, fromDate: '2026-03-01', toDate: '2026-03-10', reason: '休假' }, overlaps: [] });
    const training = await t.admin.call('inspectors.addAbsence', { inspectorId: i.id, fromDate: '2026-03-10', toDate: '2026-03-12', reason: '培训' });
    expect(training.overlaps).toEqual([leave.absence]);
    await t.admin.call('inspectors.addAbsence', { inspectorId: i.id, fromDate: '2026-02-01', toDate: '2026-02-01', reason: '病假' });
    expect(await t.admin.raw('inspectors.addAbsence', { inspectorId: i.id, fromDate: '2026-04-02', toDate: '2026-04-01', reason: '借调' })).toMatchObject({ ok: false, error: { code: 'INSPECTOR_ABSENCE_DATES' } });
    expect(await t.admin.raw('inspectors.addAbsence', { inspectorId: i.id, fromDate: '2026-02-30', toDate: '2026-03-01', reason: '借调' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await t.admin.call('inspectors.get', { id: i.id })).absences.map((a) => a.fromDate)).toEqual(['2026-02-01', '2026-03-01', '2026-03-10']);

    await t.admin.call('inspectors.removeAbsence', { id: leave.absence.id });
    expect(await t.admin.raw('inspectors.removeAbsence', { id: leave.absence.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const detail = await t.admin.call('inspectors.get', { id: i.id });
    expect(detail.absences.map((a) => a.reason)).toEqual(['病假', '培训']);
    expect(detail.version).toBe(1); // away periods do not invalidate an open edit form
    const history = await t.admin.call('inspectors.history', { id: i.id });
    expect(history.map((h) => h.action)).toEqual(['inspectors.removeAbsence', 'inspectors.addAbsence', 'inspectors.addAbsence', 'inspectors.addAbsence', 'inspectors.create']);
  });
});

describe('expert library (专家库)', () => {
  it('creates, lists, updates with versions, refuses duplicates and other districts', async () => {
    t = await makeTestContext();
    const hp = t.bureauId(HEPING);
    const expert = await t.admin.call('experts.create', { bureauId: hp, name: '王教授', organisation: '沈阳特种设备检测研究院', field: '特种设备', title: '正高级工程师', email: 'wang@example.cn' });
    expect(expert).toMatchObject({ version: 1, status: 'active', phone: null });
    expect(await t.admin.raw('experts.create', { bureauId: hp, name: '王教授', organisation: '沈阳特种设备检测研究院', field: '压力容器' })).toMatchObject({ ok: false, error: { code: 'EXPERT_DUPLICATE', details: { existingId: expert.id } } });
    expect(await t.admin.raw('experts.create', { bureauId: hp, name: '赵老师', field: '计量', email: 'not-an-email' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.admin.call('experts.create', { bureauId: t.bureauId(SHENHE), name: '赵老师', field: '计量', email: '' })).toMatchObject({ email: null });

    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, ...rest } = expert;
    const updated = await t.admin.call('experts.update', { ...rest, id: expert.id, expectedVersion: 1, status: 'inactive' });
    expect(updated).toMatchObject({ version: 2, status: 'inactive' });
    expect(await t.admin.raw('experts.update', { ...rest, id: expert.id, expectedVersion: 1 })).toEqual({ ok: false, error: { code: 'EXPERT_VERSION_CONFLICT', details: { current: 2 } } });
    expect((await t.admin.call('experts.list', { query: '检测研究院' })).items.map((e) => e.name)).toEqual(['王教授']);
    expect((await t.admin.call('experts.list', { status: 'active' })).items.map((e) => e.name)).toEqual(['赵老师']);

    const shClerk = await t.createUser('sh-clerk', SHENHE, ['clerk']);
    expect((await shClerk.call('experts.list', {})).items.map((e) => e.name)).toEqual(['赵老师']);
    expect(await shClerk.raw('experts.get', { id: expert.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await shClerk.raw('experts.update', { ...rest, bureauId: t.bureauId(SHENHE), id: expert.id, expectedVersion: 2 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await shClerk.raw('experts.history', { id: expert.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const history = await t.admin.call('experts.history', { id: expert.id });
    expect(history.map((h) => h.action)).toEqual(['experts.update', 'experts.create']);
    expect(history[0]?.changes).toContainEqual({ field: 'status', before: 'active', after: 'inactive' });
  });
});

describe('recusals (回避)', () => {
  it('adds across bureaus, refuses duplicates, lists by inspector or target, removes with an audited reason', async () => {
    t = await makeTestContext();
    const target = await t.admin.call('targets.create', { kind: 'for_profit', creditCode: '914403001922038216', name: '沈河甲公司', territorialBureauId: t.bureauId(SHENHE) });
    const hpClerk = await t.createUser('hp-clerk', HEPING, ['clerk']);
    const hpLegal = await t.createUser('hp-legal', HEPING, ['legal']);
    const hpInspector = await t.createUser('hp-insp', HEPING, ['inspector']);
    const shClerk = await t.createUser('sh-clerk', SHENHE, ['clerk']);
    const zhangMing = await hpClerk.call('inspectors.create', zhang(t));
    const liHua = await hpClerk.call('inspectors.create', zhang(t, { name: '李华', certNo: null }));

    const r1 = await hpClerk.call('recusals.add', { inspectorId: zhangMing.id, targetId: target.id, reason: '近亲属' });
    expect(r1).toMatchObject({ inspectorName: '张明', targetName: '沈河甲公司', reason: '近亲属' });
    expect(await hpClerk.raw('recusals.add', { inspectorId: zhangMing.id, targetId: target.id, reason: '利害关系' })).toEqual({ ok: false, error: { code: 'RECUSAL_DUPLICATE', details: { existingId: r1.id } } });
    const r2 = await hpLegal.call('recusals.add', { inspectorId: liHua.id, targetId: target.id, reason: '曾任职' });
    expect(await hpInspector.raw('recusals.add', { inspectorId: liHua.id, targetId: target.id, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await shClerk.raw('recusals.add', { inspectorId: liHua.id, targetId: target.id, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await hpClerk.raw('recusals.add', { inspectorId: liHua.id, targetId: 999, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { entity: 'target' } } });

    expect((await hpInspector.call('recusals.list', { targetId: target.id })).map((r) => r.id)).toEqual([r1.id, r2.id]);
    expect(await shClerk.call('recusals.list', { targetId: target.id })).toEqual([]); // the inspectors are not theirs
    expect(await shClerk.raw('recusals.list', { inspectorId: zhangMing.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await hpClerk.raw('recusals.list', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await hpClerk.call('inspectors.get', { id: liHua.id })).recusals).toEqual([r2]);

    expect(await hpClerk.raw('recusals.remove', { id: r1.id, reason: ' ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await hpLegal.call('recusals.remove', { id: r1.id, reason: '亲属关系已解除' });
    expect(await hpLegal.raw('recusals.remove', { id: r1.id, reason: '再次' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await hpClerk.call('recusals.list', { inspectorId: zhangMing.id })).toEqual([]);
    const [event] = await t.app.db.all<{ action: string; actor_login: string; payload: string }>("SELECT action, actor_login, payload FROM audit_events WHERE entity = 'recusal' ORDER BY seq DESC LIMIT 1");
    expect(event).toMatchObject({ action: 'recusals.remove', actor_login: 'hp-legal' });
    expect(JSON.parse(event?.payload ?? '{}').detail).toEqual({ reason: '亲属关系已解除', removed: { inspectorId: zhangMing.id, targetId: target.id, reason: '近亲属', createdBy: expect.any(Number) } });
    const history = await t.app.services.audit.history('recusal', r1.id);
    expect(history.map((h) => h.action)).toEqual(['recusals.remove', 'recusals.add']);
    expect(history[0]?.changes).toContainEqual({ field: 'reason', before: '近亲属', after: null });
  });
});

describe('audit verify over the inspector directory', () => {
  it('is clean after changes through the app and names rows edited behind its back', async () => {
    t = await makeTestContext();
    const target = await t.admin.call('targets.create', { kind: 'for_profit', creditCode: '914403001922038216', name: '甲公司', territorialBureauId: t.bureauId(HEPING) });
    const i = await t.admin.call('inspectors.create', zhang(t));
    const j = await t.admin.call('inspectors.create', zhang(t, { name: '李华', certNo: null }));
    await t.admin.call('inspectors.setStatus', { id: j.id, status: 'inactive' });
    const away = await t.admin.call('inspectors.addAbsence', { inspectorId: j.id, fromDate: '2026-03-01', toDate: '2026-03-10', reason: '休假' });
    const expert = await t.admin.call('experts.create', { bureauId: t.bureauId(HEPING), name: '王教授', field: '特种设备' });
    const recusal = await t.admin.call('recusals.add', { inspectorId: i.id, targetId: target.id, reason: '近亲属' });
    const removed = await t.admin.call('recusals.add', { inspectorId: j.id, targetId: target.id, reason: '利害关系' });
    await t.admin.call('recusals.remove', { id: removed.id, reason: '录入错误' });
    expect(await verify(t)).toMatchObject({ ok: true, problems: [] });

    await t.app.db.write(async (tx) => {
      await tx.run("UPDATE inspectors SET enforcement_qualified = 0 WHERE id = ?", [i.id]);
      await tx.run('DELETE FROM inspector_absences WHERE id = ?', [away.absence.id]);
      await tx.run("UPDATE experts SET field = '食品' WHERE id = ?", [expert.id]);
      await tx.run("UPDATE recusals SET reason = '无' WHERE id = ?", [recusal.id]);
    });
    const report = await verify(t);
    expect(report.ok).toBe(false);
    const differs = (entity: string) => ({ kind: 'entity', seq: null, entity, detail: 'row differs from its last audited state' });
    expect(report.problems).toEqual(expect.arrayContaining([differs(`inspector:${i.id}`), differs(`inspector:${j.id}`), differs(`expert:${expert.id}`), differs(`recusal:${recusal.id}`)]));
    expect(report.problems).toHaveLength(4);
  });
});
