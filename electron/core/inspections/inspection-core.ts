import type { InspectionDto, InspectionSummaryDto } from '../../../shared/contract';
import type { DrawPurpose } from '../../../shared/domain/draws/draw-record';
import type { WorkCalendar } from '../../../shared/domain/calendar';
import type { InspectionStatus } from '../../../shared/domain/inspections/inspections';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import { beijingDate, inspectionDeadlines, nextDeadline } from './inspection-deadlines';
import {
  correctionFacts,
  findInspection,
  findResult,
  findSigning,
  inspectionAuditSnapshot,
  loadCorrections,
  loadMemberChanges,
  loadMembers,
  loadPublication,
  loadReviews,
  loadTaskItems,
  parseJson,
  parseMethods,
  resultToDto,
  signingToDto,
  type InspectionRow,
} from './inspection-repository';

export type AssertBureau = (bureauId: number) => void;
export type CoreDeps = { db: Database; clock: Clock; audit: AuditService; calendar: () => WorkCalendar };
/** Every mutation names the inspection and the version the caller saw. */
export type Expected = { id: number; version: number };

/** Summary fields and deadlines of one row (pure; the list runs it over every candidate row). */
export function summarise(row: InspectionRow, today: string, calendar: WorkCalendar): InspectionSummaryDto & { deadlines: InspectionDto['deadlines'] } {
  const deadlines = inspectionDeadlines(
    { status: row.status, endedOn: row.ended_on, submittedAt: row.submitted_at, formedOn: row.formed_on, nonPublic: row.non_public, publishedOn: row.published_on, corrections: correctionFacts(row) },
    today,
    calendar,
  );
  return {
    id: row.id,
    taskId: row.task_id,
    taskTitle: row.task_title,
    planTitle: row.plan_title,
    purpose: row.purpose as DrawPurpose,
    year: row.year,
    targetId: row.target_id,
    targetName: row.target_name,
    targetCode: row.target_code ?? '',
    inspectingBureauId: row.inspecting_bureau_id,
    inspectingBureauName: row.bureau_name,
    status: row.status,
    followUpStatus: row.follow_up_status,
    methods: parseMethods(row.methods),
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    inspectorNames: parseJson<string[]>(row.inspector_names, []),
    nextDeadline: nextDeadline(deadlines),
    version: row.version,
    updatedAt: row.updated_at,
    deadlines,
  };
}

/** The pieces every inspection service shares: loading under a version check, saving, auditing, the detail. */
export function createInspectionCore({ db, clock, audit, calendar }: CoreDeps) {
  const today = () => beijingDate(clock.now());

  async function load(tx: Database | Tx, id: number, assertBureau: AssertBureau): Promise<InspectionRow> {
    const row = await findInspection(tx, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'inspection', id });
    assertBureau(row.inspecting_bureau_id);
    return row;
  }

  /** Load for a change: bureau, then the optimistic version, then (if given) the allowed states. */
  async function loadForChange(tx: Tx, expected: Expected, assertBureau: AssertBureau, ...allowed: InspectionStatus[]): Promise<InspectionRow> {
    const row = await load(tx, expected.id, assertBureau);
    if (row.version !== expected.version) throw new AppError('INSPECTION_VERSION_CONFLICT', { current: row.version });
    if (allowed.length > 0 && !allowed.includes(row.status)) throw new AppError('INSPECTION_STATE_INVALID', { status: row.status, allowed });
    return row;
  }

  /**
   * Every mutation moves the inspection's version, also when only a result, signing or correction
   * changed: the version guards the whole case as the user sees it on one screen.
   */
  async function touch(tx: Tx, id: number, set: Record<string, unknown> = {}): Promise<void> {
    const columns = Object.keys(set);
    await tx.run(`UPDATE inspections SET ${columns.map((c) => `${c} = ?, `).join('')}version = version + 1, updated_at = ? WHERE id = ?`, [
      ...columns.map((c) => set[c]),
      clock.now().toISOString(),
      id,
    ]);
  }

  /** Audit an inspection row change with its full audited state (what `audit verify` compares). */
  async function recordInspection(tx: Tx, actor: AuditActor, action: string, id: number, detail?: object): Promise<void> {
    await audit.record(tx, { actor, action, entity: 'inspection', entityId: id, after: await inspectionAuditSnapshot(tx, id), detail });
  }

  async function detail(tx: Database | Tx, id: number): Promise<InspectionDto> {
    const row = await findInspection(tx, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'inspection', id });
    const items = await loadTaskItems(tx, row.task_id);
    const volume = await tx.get<{ id: number; custody: string }>(
      `SELECT v.id, b.name AS custody FROM volumes v JOIN bureaus b ON b.id = v.custody_bureau_id WHERE v.inspection_id = ? OR (v.task_id = ? AND v.target_id = ?) ORDER BY v.id LIMIT 1`,
      [id, row.task_id, row.target_id],
    );
    const target = (await tx.get<{ name: string; credit_code: string | null; identifier: string | null; legal_rep: string | null; address: string | null; kind: string }>(
      'SELECT name, credit_code, identifier, legal_rep, address, kind FROM targets WHERE id = ?',
      [row.target_id],
    )) as { name: string; credit_code: string | null; identifier: string | null; legal_rep: string | null; address: string | null; kind: string };
    const signing = await findSigning(tx, id);
    const result = await findResult(tx, id);
    const { deadlines, ...summary } = summarise(row, today(), calendar());
    return {
      ...summary,
      planId: row.plan_id,
      // Tasks carry no official code yet: the same number the generated documents print.
      taskNo: `${row.year}-${String(row.task_id).padStart(4, '0')}`,
      volumeId: volume?.id ?? null,
      custodyBureauName: volume?.custody ?? null,
      target: { name: target.name, creditCode: target.credit_code, identifier: target.identifier, legalRep: target.legal_rep, address: target.address, kind: target.kind },
      items,
      members: await loadMembers(tx, id),
      memberChanges: await loadMemberChanges(tx, id),
      reuseNote: row.reuse_note,
      signing: signing ? signingToDto(signing) : null,
      result: result ? await resultToDto(tx, result, items) : null,
      reviews: await loadReviews(tx, id),
      corrections: await loadCorrections(tx, id),
      publication: await loadPublication(tx, id),
      followUpClosedOn: row.follow_up_closed_on,
      followUpNote: row.follow_up_note,
      deadlines,
    };
  }

  /** A date the user says something happened on: never after today (Beijing). */
  function notFuture(date: string, field: string): void {
    if (date > today()) throw new AppError('INSPECTION_DATES_INVALID', { field, date, today: today() });
  }

  return { db, audit, clock, today, load, loadForChange, touch, recordInspection, detail, notFuture };
}

export type InspectionCore = ReturnType<typeof createInspectionCore>;
