import type { InspectionDto, InspectionSummaryDto } from '../../../shared/contract';
import type { WorkCalendar } from '../../../shared/domain/calendar';
import {
  initialFollowUp,
  resultProblems,
  signingProblems,
  type FollowUpMeasure,
  type FollowUpStatus,
  type InspectionStatus,
  type NonPublicReason,
  type ResultCategory,
  type SigningStatus,
} from '../../../shared/domain/inspections/inspections';
import type { InspectionMethod } from '../../../shared/domain/items';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import { createInspectionCore, summarise, type AssertBureau, type Expected } from './inspection-core';
import { matchesDue, memoCalendar } from './inspection-deadlines';
import { createFollowUp } from './inspection-follow-up';
import { checkMembers } from './inspection-members';
import {
  findResult,
  findSigning,
  loadMembers,
  loadTaskItems,
  resultCategories,
  resultSnapshot,
  signingSnapshot,
  SUMMARY_SELECT,
  type InspectionRow,
  type ResultRow,
  type SigningRow,
} from './inspection-repository';

type Deps = { db: Database; clock: Clock; audit: AuditService; bureaus: BureauService; calendar: () => WorkCalendar };

export type InspectionListFilter = {
  bureauIds: number[];
  taskId?: number;
  status?: InspectionStatus;
  followUpStatus?: FollowUpStatus;
  due?: 'due_soon' | 'overdue' | 'attention';
  /** The caller's user id when only their own inspections are wanted. */
  mineOf?: number | null;
  q?: string;
  page: number;
  pageSize: number;
};

export type ResultInput = Expected & {
  categories: ResultCategory[];
  measures: FollowUpMeasure[];
  measureOther: string | null;
  summary: string | null;
  items: { itemId: number; checked: boolean; finding: string | null; handling: string | null }[];
  remark: string | null;
  remarkNonPublic: NonPublicReason | null;
  nonPublic: NonPublicReason | null;
  nonPublicNote: string | null;
};

/** States in which the result may still be written (谁检查、谁录入: during or after the inspection, before review). */
const ENTRY_STATES: InspectionStatus[] = ['in_progress', 'awaiting_entry'];
/** Before the result is submitted, the plan of the inspection (methods, dates, team) may still change. */
const PLANNING_STATES: InspectionStatus[] = ['pending', 'in_progress', 'awaiting_entry'];

/**
 * The inspection after the draw (Arts. 14–17): plan, team changes, start and end, the signing of the 登记表,
 * result entry by a member inspector, a second person's review, and (inspection-follow-up.ts) correction
 * orders and closing. Every rule is enforced here, not only in the UI; every change is one transaction
 * with its audit event.
 */
export function createInspectionService({ db, clock, audit, bureaus, calendar }: Deps) {
  const core = createInspectionCore({ db, clock, audit, calendar });
  const { loadForChange, touch, recordInspection, detail, notFuture, today } = core;

  async function list(f: InspectionListFilter): Promise<{ items: InspectionSummaryDto[]; total: number; page: number; pageSize: number }> {
    const where = [`i.inspecting_bureau_id IN (${f.bureauIds.map(() => '?').join(',') || 'NULL'})`];
    const args: unknown[] = [...f.bureauIds];
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      args.push(...values);
    };
    if (f.taskId !== undefined) add('i.task_id = ?', f.taskId);
    if (f.status !== undefined) add('i.status = ?', f.status);
    if (f.followUpStatus !== undefined) add('i.follow_up_status = ?', f.followUpStatus);
    if (f.q) add(`(instr(t.name, ?) > 0 OR instr(upper(coalesce(t.credit_code, t.identifier, '')), upper(?)) > 0)`, f.q, f.q);
    if (f.mineOf !== undefined) {
      add(`EXISTS (SELECT 1 FROM inspection_members m JOIN inspectors s ON s.id = m.member_id WHERE m.inspection_id = i.id AND m.kind = 'inspector' AND s.user_id = ?)`, f.mineOf ?? -1);
    }
    const sql = `${SUMMARY_SELECT} WHERE ${where.join(' AND ')}`;
    const now = today();
    const cal = memoCalendar(calendar());
    const offset = (f.page - 1) * f.pageSize;
    const strip = ({ deadlines: _d, ...s }: ReturnType<typeof summarise>): InspectionSummaryDto => s;
    if (f.due === undefined) {
      const total = (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM inspections i JOIN targets t ON t.id = i.target_id WHERE ${where.join(' AND ')}`, args))?.n ?? 0;
      const rows = await db.all<InspectionRow>(`${sql} ORDER BY i.id LIMIT ? OFFSET ?`, [...args, f.pageSize, offset]);
      return { items: rows.map((r) => strip(summarise(r, now, cal))), total, page: f.page, pageSize: f.pageSize };
    }
    // Deadlines are derived (working days, holidays), not stored: the candidate rows of the bureau scope are
    // read once and their deadlines computed in JS (calendar answers memoised per call): 5,000 inspections in
    // one bureau list in 0.2–0.3 s, mostly reading the rows; and the filter stays exact after a holiday file
    // is imported. Published or closed cases owe nothing but can
    // still carry an unpublished order, so no state is excluded up front.
    // Before the inspection ends nothing is due (no end date, no result, no order): right after a draw
    // that is nearly every row, so those are left out in SQL.
    const due = f.due;
    const matched = (await db.all<InspectionRow>(`${sql} AND i.status NOT IN ('pending', 'in_progress')`, args)).map((r) => summarise(r, now, cal)).filter((s) => matchesDue(s.deadlines, due));
    matched.sort((a, b) => (a.nextDeadline?.due ?? '9999').localeCompare(b.nextDeadline?.due ?? '9999') || a.id - b.id);
    return { items: matched.slice(offset, offset + f.pageSize).map(strip), total: matched.length, page: f.page, pageSize: f.pageSize };
  }

  async function get(id: number, assertBureau: AssertBureau): Promise<InspectionDto> {
    await core.load(db, id, assertBureau);
    return detail(db, id);
  }

  async function update(
    actor: AuditActor,
    input: Expected & { methods: InspectionMethod[]; plannedStart: string | null; plannedEnd: string | null; reuseNote: string | null },
    assertBureau: AssertBureau,
  ): Promise<InspectionDto> {
    return db.write(async (tx) => {
      await loadForChange(tx, input, assertBureau, ...PLANNING_STATES);
      if (input.plannedStart !== null && input.plannedEnd !== null && input.plannedEnd < input.plannedStart) {
        throw new AppError('INSPECTION_DATES_INVALID', { field: 'plannedEnd' });
      }
      const methods = [...new Set(input.methods)];
      await touch(tx, input.id, { methods: JSON.stringify(methods), planned_start: input.plannedStart, planned_end: input.plannedEnd, reuse_note: input.reuseNote });
      await recordInspection(tx, actor, 'inspections.update', input.id);
      return detail(tx, input.id);
    });
  }

  async function changeMembers(actor: AuditActor, input: Expected & { inspectorIds: number[]; expertIds: number[]; reason: string }, assertBureau: AssertBureau): Promise<InspectionDto> {
    return db.write(async (tx) => {
      const row = await loadForChange(tx, input, assertBureau, ...PLANNING_STATES);
      if (!input.reason.trim()) throw new AppError('INVALID_INPUT', { issues: [{ path: ['reason'], code: 'too_small', message: '请填写调整原因' }] });
      const team = await checkMembers(tx, { inspection: row, inspectorIds: input.inspectorIds, expertIds: input.expertIds, today: today(), within: bureaus.within });
      const names = (members: { kind: string; name: string }[]) => [...members.filter((m) => m.kind === 'inspector'), ...members.filter((m) => m.kind === 'expert')].map((m) => m.name);
      const before = names(await loadMembers(tx, row.id));
      const after = [...team.inspectors.map((m) => m.name), ...team.experts.map((m) => m.name)];
      const { lastId } = await tx.run(`INSERT INTO inspection_member_changes (inspection_id, before_json, after_json, reason, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)`, [
        row.id,
        JSON.stringify(before),
        JSON.stringify(after),
        input.reason.trim(),
        actor.userId,
        clock.now().toISOString(),
      ]);
      await tx.run('DELETE FROM inspection_members WHERE inspection_id = ?', [row.id]);
      const members = [...team.inspectors.map((m, p) => [row.id, 'inspector', m.id, p + 1]), ...team.experts.map((m, p) => [row.id, 'expert', m.id, p + 1])];
      await tx.run(`INSERT INTO inspection_members (inspection_id, kind, member_id, position) SELECT value->>0, value->>1, value->>2, value->>3 FROM json_each(?)`, [JSON.stringify(members)]);
      await touch(tx, row.id);
      await recordInspection(tx, actor, 'inspections.changeMembers', row.id, { changeId: lastId, reason: input.reason.trim(), before, after });
      return detail(tx, row.id);
    });
  }

  async function start(actor: AuditActor, input: Expected & { startedOn: string }, assertBureau: AssertBureau): Promise<InspectionDto> {
    return db.write(async (tx) => {
      await loadForChange(tx, input, assertBureau, 'pending');
      notFuture(input.startedOn, 'startedOn');
      await touch(tx, input.id, { status: 'in_progress', started_on: input.startedOn });
      await recordInspection(tx, actor, 'inspections.start', input.id);
      return detail(tx, input.id);
    });
  }

  async function finish(actor: AuditActor, input: Expected & { endedOn: string }, assertBureau: AssertBureau): Promise<InspectionDto> {
    return db.write(async (tx) => {
      const row = await loadForChange(tx, input, assertBureau, 'in_progress');
      if (row.started_on !== null && input.endedOn < row.started_on) throw new AppError('INSPECTION_DATES_INVALID', { field: 'endedOn', startedOn: row.started_on });
      notFuture(input.endedOn, 'endedOn');
      await touch(tx, input.id, { status: 'awaiting_entry', ended_on: input.endedOn });
      await recordInspection(tx, actor, 'inspections.finish', input.id);
      return detail(tx, input.id);
    });
  }

  async function setSigning(
    actor: AuditActor,
    input: Expected & { status: SigningStatus; reason: string | null; witnessName: string | null; witnessIdNo: string | null },
    assertBureau: AssertBureau,
  ): Promise<InspectionDto> {
    return db.write(async (tx) => {
      await loadForChange(tx, input, assertBureau, ...ENTRY_STATES);
      const problems = signingProblems(input);
      if (problems.length > 0) throw new AppError('SIGNING_INCOMPLETE', { problems });
      await tx.run(
        `INSERT INTO inspection_signings (inspection_id, status, reason, witness_name, witness_id_no, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (inspection_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, witness_name = excluded.witness_name,
           witness_id_no = excluded.witness_id_no, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
        [input.id, input.status, input.reason, input.witnessName, input.witnessIdNo, actor.userId, clock.now().toISOString()],
      );
      await touch(tx, input.id);
      const signing = (await findSigning(tx, input.id)) as SigningRow;
      await audit.record(tx, { actor, action: 'inspections.setSigning', entity: 'inspection_signing', entityId: input.id, after: signingSnapshot(signing) });
      return detail(tx, input.id);
    });
  }

  /** 谁检查、谁录入: only a user linked to an inspector on this inspection's team. */
  /** Whether the user is linked to one of the inspection's inspectors. */
  async function isMember(tx: Tx, inspectionId: number, userId: number | null): Promise<boolean> {
    if (userId === null) return false;
    const member = await tx.get(
      `SELECT 1 FROM inspection_members m JOIN inspectors s ON s.id = m.member_id WHERE m.inspection_id = ? AND m.kind = 'inspector' AND s.user_id = ?`,
      [inspectionId, userId],
    );
    return member !== undefined;
  }

  async function assertMember(tx: Tx, inspectionId: number, actor: AuditActor): Promise<void> {
    if (!(await isMember(tx, inspectionId, actor.userId))) throw new AppError('RESULT_NOT_MEMBER', { inspectionId });
  }

  async function recordResult(tx: Tx, actor: AuditActor, action: string, id: number): Promise<void> {
    const result = (await findResult(tx, id)) as ResultRow;
    await audit.record(tx, { actor, action, entity: 'inspection_result', entityId: id, after: await resultSnapshot(tx, result) });
  }

  /** A draft may be incomplete; consistency is checked on submission. */
  async function saveResult(actor: AuditActor, input: ResultInput, assertBureau: AssertBureau): Promise<InspectionDto> {
    return db.write(async (tx) => {
      const row = await loadForChange(tx, input, assertBureau, ...ENTRY_STATES);
      await assertMember(tx, row.id, actor);
      const taskItems = new Set((await loadTaskItems(tx, row.task_id)).map((i) => i.id));
      const ids = input.items.map((i) => i.itemId);
      const foreign = ids.filter((id) => !taskItems.has(id));
      if (foreign.length > 0 || new Set(ids).size !== ids.length) {
        throw new AppError('RESULT_INVALID', { problems: [foreign.length > 0 ? '检查事项不属于本次抽查任务' : '检查事项重复'], itemIds: foreign });
      }
      const now = clock.now().toISOString();
      await tx.run(
        `INSERT INTO inspection_results (inspection_id, categories, measures, measure_other, summary, remark, remark_non_public, non_public, non_public_note, entered_by, entered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (inspection_id) DO UPDATE SET categories = excluded.categories, measures = excluded.measures, measure_other = excluded.measure_other,
           summary = excluded.summary, remark = excluded.remark, remark_non_public = excluded.remark_non_public, non_public = excluded.non_public,
           non_public_note = excluded.non_public_note, entered_by = excluded.entered_by, entered_at = excluded.entered_at`,
        [row.id, JSON.stringify(input.categories), JSON.stringify(input.measures), input.measureOther, input.summary, input.remark, input.remarkNonPublic, input.nonPublic, input.nonPublicNote, actor.userId, now],
      );
      await tx.run('DELETE FROM inspection_item_results WHERE inspection_id = ?', [row.id]);
      const items = input.items.map((i) => [row.id, i.itemId, i.checked ? 1 : 0, i.finding, i.handling]);
      await tx.run(`INSERT INTO inspection_item_results (inspection_id, item_id, checked, finding, handling) SELECT value->>0, value->>1, value->>2, value->>3, value->>4 FROM json_each(?)`, [JSON.stringify(items)]);
      await touch(tx, row.id);
      await recordResult(tx, actor, 'inspections.saveResult', row.id);
      return detail(tx, row.id);
    });
  }

  async function submitResult(actor: AuditActor, input: Expected, assertBureau: AssertBureau): Promise<InspectionDto> {
    return db.write(async (tx) => {
      const row = await loadForChange(tx, input, assertBureau, 'awaiting_entry');
      await assertMember(tx, row.id, actor);
      const signing = await findSigning(tx, row.id);
      if (!signing) throw new AppError('SIGNING_REQUIRED', { problems: signingProblems({ status: null, reason: null, witnessName: null, witnessIdNo: null }) });
      const unsigned = signingProblems({ status: signing.status, reason: signing.reason, witnessName: signing.witness_name, witnessIdNo: signing.witness_id_no });
      if (unsigned.length > 0) throw new AppError('SIGNING_INCOMPLETE', { problems: unsigned });
      const result = await findResult(tx, row.id);
      const problems = result ? resultProblems({ ...resultCategories(result), measureOther: result.measure_other }) : ['请先录入检查结果'];
      if (problems.length > 0) throw new AppError('RESULT_INVALID', { problems });
      // The one who submits answers for the result (谁检查、谁录入), whoever saved the last draft.
      await tx.run('UPDATE inspection_results SET submitted_at = ?, entered_by = ? WHERE inspection_id = ?', [clock.now().toISOString(), actor.userId, row.id]);
      await touch(tx, row.id, { status: 'awaiting_review' });
      await recordInspection(tx, actor, 'inspections.submitResult', row.id);
      await recordResult(tx, actor, 'inspections.submitResult', row.id);
      return detail(tx, row.id);
    });
  }

  /** 谁复核、谁负责: a second person approves (the result is formed today) or returns it with a comment. */
  async function review(actor: AuditActor, input: Expected & { decision: 'approve' | 'return'; comment: string | null }, assertBureau: AssertBureau): Promise<InspectionDto> {
    return db.write(async (tx) => {
      const row = await loadForChange(tx, input, assertBureau, 'awaiting_review');
      const result = (await findResult(tx, row.id)) as ResultRow;
      // Neither the entrant nor another member of the inspecting team reviews the team's own result.
      if (actor.userId === null || result.entered_by === actor.userId || (await isMember(tx, row.id, actor.userId))) {
        throw new AppError('RESULT_SELF_REVIEW', { enteredBy: result.entered_by });
      }
      const comment = input.comment?.trim() || null;
      if (input.decision === 'return' && comment === null) throw new AppError('RESULT_INVALID', { problems: ['退回时请填写复核意见'] });
      const { lastId } = await tx.run(`INSERT INTO inspection_reviews (inspection_id, decision, comment, reviewer_id, entered_by, reviewed_at) VALUES (?, ?, ?, ?, ?, ?)`, [
        row.id,
        input.decision,
        comment,
        actor.userId,
        result.entered_by,
        clock.now().toISOString(),
      ]);
      if (input.decision === 'approve') {
        await tx.run('UPDATE inspection_results SET formed_on = ? WHERE inspection_id = ?', [today(), row.id]);
        await touch(tx, row.id, { status: 'reviewed', follow_up_status: initialFollowUp(resultCategories(result)) });
      } else {
        await touch(tx, row.id, { status: 'awaiting_entry' });
      }
      await recordInspection(tx, actor, `inspections.review.${input.decision}`, row.id, { reviewId: lastId, comment });
      if (input.decision === 'approve') await recordResult(tx, actor, 'inspections.review.approve', row.id);
      return detail(tx, row.id);
    });
  }

  const followUp = createFollowUp(core);

  return {
    list,
    get,
    update,
    changeMembers,
    start,
    finish,
    setSigning,
    saveResult,
    submitResult,
    review,
    ...followUp,
    history: (id: number) => audit.history('inspection', id),
  };
}

export type InspectionService = ReturnType<typeof createInspectionService>;
