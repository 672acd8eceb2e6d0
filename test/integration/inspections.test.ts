import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditVerifyReport, InspectionDto, MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { drawnWorld, inspectorUsers, reviewedInspection, todayOf, type DrawnWorld } from '../support/inspection-fixtures';
import { makeTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
let drawn: DrawnWorld;
/** Each test takes its own drawn inspection, so the tests share one (slow to build) world. */
let next = 0;
const takeInspection = () => {
  const id = drawn.inspectionIds[next++];
  if (id === undefined) throw new Error('the draw opened too few inspections for these tests');
  return id;
};

async function verifyAudit(): Promise<AuditVerifyReport> {
  const { jobId } = await t.admin.call('audit.verify', {});
  await t.app.services.jobs.idle();
  return (await t.admin.call('jobs.get', { id: jobId })).result as AuditVerifyReport;
}

/** The error code (and details) of a call expected to fail. */
async function failure(call: Promise<unknown>): Promise<{ code: string; details: Record<string, unknown> }> {
  try {
    await call;
  } catch (error) {
    const rpc = (error as { rpc?: { code: string; details: Record<string, unknown> } }).rpc;
    if (rpc) return rpc;
    throw error;
  }
  throw new Error('the call succeeded');
}

const get = (id: number) => t.admin.call('inspections.get', { id });

/** start → finish today → (signed) → a consistent draft by `entrant`. */
async function readyForSubmit(id: number, entrant: Awaited<ReturnType<TestContext['signIn']>>, options: { sign?: boolean } = {}): Promise<InspectionDto> {
  const today = todayOf(t);
  let dto = await get(id);
  dto = await t.admin.call('inspections.start', { id, version: dto.version, startedOn: today });
  dto = await t.admin.call('inspections.finish', { id, version: dto.version, endedOn: today });
  if (options.sign ?? true) dto = await t.admin.call('inspections.setSigning', { id, version: dto.version, status: 'signed', reason: null, witnessName: null, witnessIdNo: null });
  return entrant.call('inspections.saveResult', draft(dto, { categories: ['no_problem'], measures: ['none_needed'] }));
}

function draft(dto: InspectionDto, r: Pick<MethodInput<'inspections.saveResult'>, 'categories' | 'measures'>): MethodInput<'inspections.saveResult'> {
  return {
    id: dto.id,
    version: dto.version,
    ...r,
    measureOther: null,
    summary: '现场检查',
    items: dto.items.map((i) => ({ itemId: i.id, checked: true, finding: '未发现问题', handling: null })),
    remark: null,
    remarkNonPublic: null,
    nonPublic: null,
    nonPublicNote: null,
  };
}

beforeAll(async () => {
  t = await makeTestContext();
  drawn = await drawnWorld(t, { targets: 100 });
}, 120_000);

describe('inspection workflow (Arts. 14–16)', () => {
  it('runs start → finish → signing → result → submit → approve, with deadlines and an unbroken audit chain', async () => {
    const { inspectionId: id, inspection, users } = await reviewedInspection(t, { drawn, index: next++ });
    expect(inspection).toMatchObject({ status: 'reviewed', followUpStatus: 'none', startedOn: '2026-03-02', endedOn: '2026-03-02' });
    expect(inspection.signing).toMatchObject({ status: 'signed' });
    expect(inspection.result).toMatchObject({ categories: ['no_problem'], measures: ['none_needed'], enteredBy: users.entrant.userId, formedOn: '2026-03-02' });
    expect(inspection.result?.items).toHaveLength(inspection.items.length);
    expect(inspection.reviews).toEqual([expect.objectContaining({ decision: 'approve', reviewerId: users.reviewer.userId, comment: '同意' })]);
    expect(inspection.members.filter((m) => m.kind === 'inspector').slice(0, 2).map((m) => m.userId)).toEqual([users.entrant.userId, users.second.userId]);
    // 2026-03-02 is a Monday: 10 working days later is Monday 03-16 (no holidays in between).
    expect(inspection.deadlines).toEqual([
      { kind: 'entry', due: '2026-03-16', status: 'met', workdaysLeft: null, calendarCovered: true, metOn: '2026-03-02' },
      { kind: 'publication', due: '2026-03-16', status: 'ok', workdaysLeft: 10, calendarCovered: true, metOn: null },
    ]);
    expect(inspection.nextDeadline).toMatchObject({ kind: 'publication', due: '2026-03-16' });
    expect(inspection.publication).toBeNull();
    const history = await t.app.services.inspections.history(id);
    expect(history.map((h) => h.action)).toEqual(['inspections.review.approve', 'inspections.submitResult', 'inspections.finish', 'inspections.start', 'draws.openInspections']);
    expect(await verifyAudit()).toMatchObject({ ok: true, problems: [] });
  });

  it('refuses a review by the user who entered the result (RESULT_SELF_REVIEW), even holding the reviewer role', async () => {
    const id = takeInspection();
    const detail = await get(id);
    const inspector = detail.members.find((m) => m.kind === 'inspector' && m.userId === null);
    if (!inspector) throw new Error('no unlinked inspector');
    const both = await t.createUser('both1', '210102', ['inspector', 'reviewer']);
    const me = await both.call('auth.me', {});
    const { id: iid, version, createdAt: _c, updatedAt: _u, absences: _a, recusals: _r, ...fields } = await t.admin.call('inspectors.get', { id: inspector.memberId });
    await t.admin.call('inspectors.update', { ...fields, id: iid, expectedVersion: version, userId: me.id });
    let dto = await readyForSubmit(id, both);
    dto = await both.call('inspections.submitResult', { id, version: dto.version });
    const refused = await failure(both.call('inspections.review', { id, version: dto.version, decision: 'approve', comment: null }));
    expect(refused.code).toBe('RESULT_SELF_REVIEW');
    expect((await get(id)).status).toBe('awaiting_review');
  });

  it('refuses a review by another member of the inspecting team, even holding the reviewer role', async () => {
    const id = takeInspection();
    const detail = await get(id);
    const [lead, partner] = detail.members.filter((m) => m.kind === 'inspector' && m.userId === null);
    if (!lead || !partner) throw new Error('need two unlinked inspectors');
    const link = async (login: string, roles: ('inspector' | 'reviewer')[], inspectorId: number) => {
      const user = await t.createUser(login, '210102', roles);
      const me = await user.call('auth.me', {});
      const { id: iid, version, createdAt: _c, updatedAt: _u, absences: _a, recusals: _r, ...fields } = await t.admin.call('inspectors.get', { id: inspectorId });
      await t.admin.call('inspectors.update', { ...fields, id: iid, expectedVersion: version, userId: me.id });
      return user;
    };
    const entrant = await link('team1', ['inspector'], lead.memberId);
    const teammate = await link('team2', ['inspector', 'reviewer'], partner.memberId);
    let dto = await readyForSubmit(id, entrant);
    dto = await entrant.call('inspections.submitResult', { id, version: dto.version });
    expect(await failure(teammate.call('inspections.review', { id, version: dto.version, decision: 'approve', comment: null }))).toMatchObject({ code: 'RESULT_SELF_REVIEW' });
  });

  it('refuses submission without a signing record (SIGNING_REQUIRED) and a refusal without a witness (SIGNING_INCOMPLETE)', async () => {
    const id = takeInspection();
    const { entrant } = await inspectorUsers(t, id);
    let dto = await readyForSubmit(id, entrant, { sign: false });
    expect(await failure(entrant.call('inspections.submitResult', { id, version: dto.version }))).toMatchObject({ code: 'SIGNING_REQUIRED' });
    const incomplete = await failure(t.admin.call('inspections.setSigning', { id, version: dto.version, status: 'refused', reason: '负责人拒绝签字', witnessName: null, witnessIdNo: null }));
    expect(incomplete.code).toBe('SIGNING_INCOMPLETE');
    expect(incomplete.details.problems).toEqual(['请填写见证人姓名', '请填写见证人身份证件号码']);
    dto = await t.admin.call('inspections.setSigning', { id, version: dto.version, status: 'refused', reason: '负责人拒绝签字', witnessName: '李见证', witnessIdNo: '210102199001011234' });
    expect(dto.signing).toMatchObject({ status: 'refused', witnessName: '李见证' });
    dto = await entrant.call('inspections.submitResult', { id, version: dto.version });
    expect(dto.status).toBe('awaiting_review');
  });

  it('lets only a member inspector enter results (RESULT_NOT_MEMBER)', async () => {
    const id = takeInspection();
    const dto = await t.admin.call('inspections.start', { id, version: (await get(id)).version, startedOn: '2026-03-02' });
    // An inspector of the same bureau with an account, but not on this team.
    const outsider = await t.admin.call('inspectors.create', { bureauId: drawn.world.bureauId, name: '检查员外', certNo: '21010220190999', certValidFrom: '2024-01-01', certValidTo: '2029-12-31', businessLines: [], expertise: [] });
    const caller = await t.createUser('outsider1', '210102', ['inspector']);
    const { id: iid, version, createdAt: _c, updatedAt: _u, ...fields } = outsider;
    await t.admin.call('inspectors.update', { ...fields, id: iid, expectedVersion: version, userId: (await caller.call('auth.me', {})).id });
    expect(await failure(caller.call('inspections.saveResult', draft(dto, { categories: ['no_problem'], measures: ['none_needed'] })))).toMatchObject({ code: 'RESULT_NOT_MEMBER' });
    // A clerk (no inspector role) is refused by the contract itself.
    const clerk = await t.createUser('clerk1', '210102', ['clerk']);
    expect(await failure(clerk.call('inspections.saveResult', draft(dto, { categories: ['no_problem'], measures: ['none_needed'] })))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('returns a result with the comment to 待录入, and refuses a return without one', async () => {
    const id = takeInspection();
    const { entrant, reviewer } = await inspectorUsers(t, id);
    let dto = await readyForSubmit(id, entrant);
    dto = await entrant.call('inspections.submitResult', { id, version: dto.version });
    expect(await failure(reviewer.call('inspections.review', { id, version: dto.version, decision: 'return', comment: '  ' }))).toMatchObject({ code: 'RESULT_INVALID' });
    dto = await reviewer.call('inspections.review', { id, version: dto.version, decision: 'return', comment: '检查事项结果填写不完整' });
    expect(dto.status).toBe('awaiting_entry');
    const again = await get(id);
    expect(again.reviews).toEqual([expect.objectContaining({ decision: 'return', comment: '检查事项结果填写不完整', reviewerName: 'reviewer1' })]);
    // Entry is due again (returned results are not "entered").
    expect(again.deadlines[0]).toMatchObject({ kind: 'entry', status: 'ok', metOn: null });
    dto = await entrant.call('inspections.submitResult', { id, version: dto.version });
    dto = await reviewer.call('inspections.review', { id, version: dto.version, decision: 'approve', comment: null });
    expect(dto.reviews.map((r) => r.decision)).toEqual(['return', 'approve']);
  });

  it('refuses inconsistent categories and measures with the problems in Chinese (RESULT_INVALID)', async () => {
    const id = takeInspection();
    const { entrant } = await inspectorUsers(t, id);
    let dto = await readyForSubmit(id, entrant);
    dto = await entrant.call('inspections.saveResult', draft(dto, { categories: ['no_problem', 'false_info'], measures: [] }));
    const refused = await failure(entrant.call('inspections.submitResult', { id, version: dto.version }));
    expect(refused.code).toBe('RESULT_INVALID');
    expect(refused.details.problems).toEqual(['“未发现问题”不能与“公示信息隐瞒真实情况、弄虚作假”同时选择', '检查结果需要后续处置，请选择后续处置措施']);
    const foreign = await failure(entrant.call('inspections.saveResult', { ...draft(dto, { categories: [], measures: [] }), items: [{ itemId: drawn.world.items.key.id, checked: true, finding: null, handling: null }] }));
    expect(foreign).toMatchObject({ code: 'RESULT_INVALID', details: { itemIds: [drawn.world.items.key.id] } });
  });

  it('changes members only to ≥2 usable inspectors, with a reason, and keeps the change', async () => {
    const id = takeInspection();
    const dto = await get(id);
    const current = dto.members.filter((m) => m.kind === 'inspector').map((m) => m.memberId);
    const others = drawn.world.inspectorIds.filter((i) => !current.includes(i));
    const unqualified = await t.admin.call('inspectors.create', { bureauId: drawn.world.bureauId, name: '无证人员', businessLines: [], expertise: [] });
    const bad = await failure(t.admin.call('inspections.changeMembers', { id, version: dto.version, inspectorIds: [others[0] as number, unqualified.id], expertIds: [], reason: '原检查人员出差' }));
    expect(bad.code).toBe('INSPECTION_MEMBERS_INVALID');
    expect(bad.details.problems).toEqual(['无证人员：不具备执法资格', '至少需要两名符合条件的执法检查人员']);
    await t.admin.call('recusals.add', { inspectorId: others[1] as number, targetId: dto.targetId, reason: '近亲属任该企业股东' });
    const recused = await failure(t.admin.call('inspections.changeMembers', { id, version: dto.version, inspectorIds: [others[0] as number, others[1] as number], expertIds: [], reason: '原检查人员出差' }));
    expect(recused.details.inspectors).toEqual([{ inspectorId: others[1], reason: 'recused' }]);
    expect(await failure(t.admin.call('inspections.changeMembers', { id, version: dto.version, inspectorIds: [others[0] as number, others[2] as number], expertIds: [], reason: '' }))).toMatchObject({ code: 'INVALID_INPUT' });

    const changed = await t.admin.call('inspections.changeMembers', { id, version: dto.version, inspectorIds: [others[0] as number, others[2] as number], expertIds: [], reason: '原检查人员出差' });
    const names = async (ids: number[]) => Promise.all(ids.map(async (i) => (await t.admin.call('inspectors.get', { id: i })).name));
    expect(changed.inspectorNames).toEqual(await names([others[0] as number, others[2] as number]));
    expect(changed.memberChanges).toEqual([expect.objectContaining({ before: await names(current), after: changed.inspectorNames, reason: '原检查人员出差', changedByName: expect.any(String) })]);
    // The old version is stale now.
    expect(await failure(t.admin.call('inspections.update', { id, version: dto.version, methods: ['on_site'], plannedStart: null, plannedEnd: null, reuseNote: null }))).toMatchObject({
      code: 'INSPECTION_VERSION_CONFLICT',
      details: { current: changed.version },
    });
    const updated = await t.admin.call('inspections.update', { id, version: changed.version, methods: ['on_site', 'written'], plannedStart: '2026-04-01', plannedEnd: '2026-04-03', reuseNote: null });
    expect(updated).toMatchObject({ methods: ['on_site', 'written'], plannedStart: '2026-04-01', version: changed.version + 1 });
    // With planned dates known, leave in that period disqualifies.
    await t.admin.call('inspectors.addAbsence', { inspectorId: others[3] as number, fromDate: '2026-04-02', toDate: '2026-04-10', reason: '培训' });
    const away = await failure(t.admin.call('inspections.changeMembers', { id, version: updated.version, inspectorIds: [others[0] as number, others[3] as number], expertIds: [], reason: '调整' }));
    expect(away.details.inspectors).toEqual([{ inspectorId: others[3], reason: 'absent' }]);
  });

  it('checks states and dates: no finish before start, no future end, no result before the inspection starts', async () => {
    const id = takeInspection();
    const { entrant } = await inspectorUsers(t, id);
    let dto = await get(id);
    expect(await failure(t.admin.call('inspections.finish', { id, version: dto.version, endedOn: '2026-03-02' }))).toMatchObject({ code: 'INSPECTION_STATE_INVALID' });
    expect(await failure(entrant.call('inspections.saveResult', draft(dto, { categories: ['no_problem'], measures: ['none_needed'] })))).toMatchObject({ code: 'INSPECTION_STATE_INVALID' });
    dto = await t.admin.call('inspections.start', { id, version: dto.version, startedOn: '2026-03-01' });
    expect(await failure(t.admin.call('inspections.finish', { id, version: dto.version, endedOn: '2026-02-28' }))).toMatchObject({ code: 'INSPECTION_DATES_INVALID' });
    expect(await failure(t.admin.call('inspections.finish', { id, version: dto.version, endedOn: '2026-03-03' }))).toMatchObject({ code: 'INSPECTION_DATES_INVALID' });
    // A draft may be incomplete while the inspection is going on.
    dto = await entrant.call('inspections.saveResult', draft(dto, { categories: [], measures: [] }));
    expect(dto.result).toMatchObject({ categories: [], submittedAt: null });
  });
});

describe('follow-up (Art. 17)', () => {
  it('adds corrections, rechecks, hands over, refuses closing while one is open, then closes', async () => {
    const { inspectionId: id, inspection } = await reviewedInspection(t, { drawn, index: next++, categories: ['corrected'], measures: ['order_correction'] });
    expect(inspection.followUpStatus).toBe('open');
    let dto = await t.admin.call('inspections.addCorrection', { id, version: inspection.version, content: '限期补充公示年度报告', issuedOn: '2026-03-02', deadlineOn: '2026-03-20' });
    dto = await t.admin.call('inspections.addCorrection', { id, version: dto.version, content: '限期整改进货查验记录', issuedOn: '2026-03-02', deadlineOn: '2026-03-10' });
    const [first, second] = dto.corrections;
    if (!first || !second) throw new Error('corrections missing');
    expect(dto.deadlines.map((d) => [d.kind, d.due, d.status])).toEqual([
      ['entry', '2026-03-16', 'met'],
      ['publication', '2026-03-16', 'ok'],
      ['order_publication', '2026-03-11', 'ok'],
      ['correction', '2026-03-20', 'ok'],
      ['order_publication', '2026-03-11', 'ok'],
      ['correction', '2026-03-10', 'ok'],
    ]);
    expect(await failure(t.admin.call('inspections.addCorrection', { id, version: dto.version, content: 'x', issuedOn: '2026-03-02', deadlineOn: '2026-03-01' }))).toMatchObject({ code: 'INSPECTION_DATES_INVALID' });

    dto = await t.admin.call('inspections.recheck', { id, version: dto.version, correctionId: second.id, recheckOn: '2026-03-02', corrected: false, note: '未整改' });
    expect(await failure(t.admin.call('inspections.closeFollowUp', { id, version: dto.version, closedOn: '2026-03-02', note: null }))).toMatchObject({
      code: 'FOLLOW_UP_STATE_INVALID',
      details: { openCorrections: [first.id] },
    });
    expect(await failure(t.admin.call('inspections.handOver', { id, version: dto.version, correctionId: first.id, toBureauId: drawn.world.bureauId, handedOn: '2026-03-02', note: null }))).toMatchObject({
      code: 'CORRECTION_STATE_INVALID',
    });
    // The bureau with jurisdiction may be another district, outside the caller's own subtree.
    const shenhe = t.bureauId('210103');
    const herClerk = await t.createUser('hpclerk', '210102', ['clerk']);
    dto = await herClerk.call('inspections.handOver', { id, version: dto.version, correctionId: second.id, toBureauId: shenhe, handedOn: '2026-03-02', note: '移交属地所' });
    // The order's own publication (Art. 16): only the inspecting bureau records it.
    expect(await failure(t.admin.call('inspections.publishCorrection', { id, version: dto.version, correctionId: second.id, publishedOn: '2026-03-02' }))).toMatchObject({ code: 'PUBLISH_NOT_OWN_BUREAU' });
    dto = await herClerk.call('inspections.publishCorrection', { id, version: dto.version, correctionId: second.id, publishedOn: '2026-03-02' });
    expect(dto.corrections[1]?.publishedOn).toBe('2026-03-02');
    expect(dto.deadlines.filter((d) => d.kind === 'order_publication').map((d) => d.metOn)).toEqual([null, '2026-03-02']);
    expect(await failure(herClerk.call('inspections.publishCorrection', { id, version: dto.version, correctionId: second.id, publishedOn: '2026-03-02' }))).toMatchObject({ code: 'CORRECTION_STATE_INVALID' });
    dto = await t.admin.call('inspections.recheck', { id, version: dto.version, correctionId: first.id, recheckOn: '2026-03-02', corrected: true, note: null });
    expect(dto.corrections.map((c) => c.status)).toEqual(['corrected', 'handed_over']);
    expect(dto.corrections[1]).toMatchObject({ handedToBureauId: shenhe, handedOn: '2026-03-02', handedToBureauName: expect.stringContaining('沈河') });
    expect(dto.deadlines.filter((d) => d.kind === 'correction').map((d) => d.metOn)).toEqual(['2026-03-02', '2026-03-02']);

    dto = await t.admin.call('inspections.closeFollowUp', { id, version: dto.version, closedOn: '2026-03-02', note: '已全部处置' });
    expect(dto).toMatchObject({ followUpStatus: 'closed', followUpClosedOn: '2026-03-02', followUpNote: '已全部处置' });
    expect(await failure(t.admin.call('inspections.closeFollowUp', { id, version: dto.version, closedOn: '2026-03-02', note: null }))).toMatchObject({ code: 'FOLLOW_UP_STATE_INVALID' });
    expect(await verifyAudit()).toMatchObject({ ok: true, problems: [] });
  });

  it('opens follow-up when a correction is added to a result that needed none; a non-public result owes no publication', async () => {
    const { inspectionId: id, inspection } = await reviewedInspection(t, { drawn, index: next++, nonPublic: 'trade_secret', nonPublicNote: '涉及配方' });
    expect(inspection.followUpStatus).toBe('none');
    expect(inspection.deadlines.map((d) => d.kind)).toEqual(['entry']);
    const dto = await t.admin.call('inspections.addCorrection', { id, version: inspection.version, content: '限期改正标签', issuedOn: '2026-03-02', deadlineOn: '2026-03-31' });
    expect(dto.followUpStatus).toBe('open');
    expect(dto.deadlines.map((d) => d.kind)).toEqual(['entry', 'correction']);
  });

  it('shows the publication (publish.mark) in get, meets the publication deadline, and still takes corrections', async () => {
    const { inspectionId: id } = await reviewedInspection(t, { drawn, index: next++, categories: ['unpublished_info'], measures: ['order_correction'] });
    // 谁检查谁公示: a clerk of the inspecting bureau publishes.
    const clerk = await t.createUser('publisher1', '210102', ['clerk']);
    await clerk.call('publish.mark', { inspectionIds: [id], publishedOn: '2026-03-02', platforms: ['gsxt'] });
    const published = await get(id);
    expect(published).toMatchObject({ status: 'published', followUpStatus: 'open', publication: { publishedOn: '2026-03-02', platforms: ['gsxt'], publishedByName: expect.any(String) } });
    expect(published.deadlines.find((d) => d.kind === 'publication')).toMatchObject({ status: 'met', metOn: '2026-03-02' });
    const dto = await t.admin.call('inspections.addCorrection', { id, version: published.version, content: '限期公示年度报告', issuedOn: '2026-03-02', deadlineOn: '2026-03-31' });
    expect(dto.deadlines.find((d) => d.kind === 'order_publication')).toMatchObject({ status: 'met', metOn: '2026-03-02' });
    expect(dto.nextDeadline).toMatchObject({ kind: 'correction', due: '2026-03-31' });
  });
});

describe('deadlines on the working-day calendar', () => {
  it('counts result entry across the 2026 National Day holiday and lists due-soon and overdue inspections', async () => {
    const id = takeInspection();
    // Sessions expire over months of clock: call as the admin through a trusted session (as the CLI does).
    const adminLogin = (await t.admin.call('auth.me', {})).login;
    const asAdmin = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
      const res = await t.app.dispatch({ method, input }, await t.app.services.auth.sessionForLogin(adminLogin));
      if (!res.ok) throw new Error(`${method} failed: ${res.error.code}`);
      return res.value as MethodOutput<M>;
    };
    t.clock.set('2026-09-29T02:00:00.000Z'); // 10:00 in Beijing
    try {
      let dto = await asAdmin('inspections.get', { id });
      dto = await asAdmin('inspections.start', { id, version: dto.version, startedOn: '2026-09-28' });
      dto = await asAdmin('inspections.finish', { id, version: dto.version, endedOn: '2026-09-28' });
      // From Mon 09-28: 09-29, 09-30 (1–2); Oct 1–7 off; 10-08, 10-09 (3–4); Sat 10-10 is a make-up working
      // day (5); 10-12 … 10-16 (6–10).
      expect(dto.deadlines).toEqual([{ kind: 'entry', due: '2026-10-16', status: 'ok', workdaysLeft: 9, calendarCovered: true, metOn: null }]);
      const listed = async (due: 'due_soon' | 'overdue' | 'attention') => (await asAdmin('inspections.list', { due, bureauId: drawn.world.bureauId })).items.map((i) => i.id);
      expect(await listed('attention')).not.toContain(id);

      t.clock.set('2026-10-14T02:00:00.000Z');
      expect(await listed('due_soon')).toContain(id);
      expect(await listed('overdue')).not.toContain(id);
      const soon = (await asAdmin('inspections.list', { due: 'due_soon', taskId: drawn.world.task.id })).items.find((i) => i.id === id);
      expect(soon?.nextDeadline).toMatchObject({ kind: 'entry', status: 'due_soon', workdaysLeft: 2 });

      t.clock.set('2026-10-19T02:00:00.000Z');
      expect(await listed('overdue')).toContain(id);
      expect(await listed('attention')).toContain(id);
      expect(await listed('due_soon')).not.toContain(id);
    } finally {
      t.clock.set('2026-03-02T09:00:00.000Z');
    }
  });

  it('filters the list by status, follow-up, task, text and the caller’s own inspections', async () => {
    const all = await t.admin.call('inspections.list', { bureauId: drawn.world.bureauId, pageSize: 500 });
    expect(all.total).toBe(drawn.inspectionIds.length);
    const reviewed = await t.admin.call('inspections.list', { status: 'reviewed' });
    expect(reviewed.items.length).toBeGreaterThan(0);
    expect(reviewed.items.every((i) => i.status === 'reviewed')).toBe(true);
    expect((await t.admin.call('inspections.list', { followUpStatus: 'closed' })).items).toHaveLength(1);
    const one = all.items[0] as (typeof all.items)[number];
    expect((await t.admin.call('inspections.list', { q: one.targetCode })).items.map((i) => i.id)).toEqual([one.id]);
    const { entrant } = await inspectorUsers(t, one.id);
    const mine = await entrant.call('inspections.list', { mine: true, pageSize: 500 });
    expect(mine.items.map((i) => i.id)).toContain(one.id);
    expect(mine.total).toBeLessThan(all.total);
    // Another district sees none of them and may not open one.
    const shenhe = await t.createUser('shenhe1', '210103', ['clerk']);
    expect((await shenhe.call('inspections.list', {})).total).toBe(0);
    expect(await failure(shenhe.call('inspections.get', { id: one.id }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(shenhe.call('inspections.list', { bureauId: drawn.world.bureauId }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(shenhe.call('inspections.start', { id: one.id, version: one.version, startedOn: '2026-03-02' }))).toMatchObject({ code: 'FORBIDDEN' });
    const paged = await t.admin.call('inspections.list', { pageSize: 2, page: 2 });
    expect(paged.items.map((i) => i.id)).toEqual(all.items.slice(2, 4).map((i) => i.id));
    expect(await verifyAudit()).toMatchObject({ ok: true, problems: [] });
  });
});
