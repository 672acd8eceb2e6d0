import type { InspectionDto } from '../../../shared/contract';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor } from '../audit/audit-service';
import type { Tx } from '../db/database';
import type { AssertBureau, Expected, InspectionCore } from './inspection-core';
import { correctionSnapshot, findCorrection, type CorrectionRow } from './inspection-repository';

/** Follow-up happens once the result stands: after review, and still after publication. */
const AFTER_REVIEW = ['reviewed', 'published'] as const;

/**
 * Art. 17 follow-up: correction orders with a time limit, the recheck, hand-over of what was not
 * corrected to the bureau with jurisdiction, and closing the follow-up with a date (the case volume stays
 * open until then). A correction order on an inspection that needed no follow-up opens it.
 */
export function createFollowUp(core: InspectionCore) {
  const { db, audit, clock, loadForChange, touch, recordInspection, detail, notFuture } = core;

  async function recordCorrection(tx: Tx, actor: AuditActor, action: string, id: number, detail?: object): Promise<void> {
    const row = (await findCorrection(tx, id)) as CorrectionRow;
    await audit.record(tx, { actor, action, entity: 'correction_order', entityId: id, after: correctionSnapshot(row), detail });
  }

  /** The correction of this inspection, in one of the allowed states. */
  async function correctionOf(tx: Tx, inspectionId: number, correctionId: number, ...allowed: CorrectionRow['status'][]): Promise<CorrectionRow> {
    const row = await findCorrection(tx, correctionId);
    if (!row || row.inspection_id !== inspectionId) throw new AppError('NOT_FOUND', { entity: 'correction_order', id: correctionId });
    if (!allowed.includes(row.status)) throw new AppError('CORRECTION_STATE_INVALID', { status: row.status, allowed });
    return row;
  }

  async function updateCorrection(tx: Tx, id: number, set: Record<string, unknown>): Promise<void> {
    const columns = Object.keys(set);
    await tx.run(`UPDATE correction_orders SET ${columns.map((c) => `${c} = ?, `).join('')}version = version + 1, updated_at = ? WHERE id = ?`, [
      ...columns.map((c) => set[c]),
      clock.now().toISOString(),
      id,
    ]);
  }

  async function addCorrection(actor: AuditActor, input: Expected & { content: string; issuedOn: string; deadlineOn: string }, assertBureau: AssertBureau): Promise<InspectionDto> {
    return db.write(async (tx) => {
      const row = await loadForChange(tx, input, assertBureau, ...AFTER_REVIEW);
      if (row.follow_up_status === 'closed') throw new AppError('FOLLOW_UP_STATE_INVALID', { followUpStatus: row.follow_up_status });
      notFuture(input.issuedOn, 'issuedOn');
      if (input.deadlineOn < input.issuedOn) throw new AppError('INSPECTION_DATES_INVALID', { field: 'deadlineOn', issuedOn: input.issuedOn });
      const now = clock.now().toISOString();
      const { lastId } = await tx.run(
        `INSERT INTO correction_orders (inspection_id, content, issued_on, deadline_on, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [row.id, input.content, input.issuedOn, input.deadlineOn, actor.userId, now, now],
      );
      await recordCorrection(tx, actor, 'inspections.addCorrection', lastId);
      if (row.follow_up_status === 'none') {
        await touch(tx, row.id, { follow_up_status: 'open' });
        await recordInspection(tx, actor, 'inspections.addCorrection', row.id, { correctionId: lastId });
      } else {
        await touch(tx, row.id);
      }
      return detail(tx, row.id);
    });
  }

  async function recheck(actor: AuditActor, input: Expected & { correctionId: number; recheckOn: string; corrected: boolean; note: string | null }, assertBureau: AssertBureau): Promise<InspectionDto> {
    return db.write(async (tx) => {
      const row = await loadForChange(tx, input, assertBureau, ...AFTER_REVIEW);
      const correction = await correctionOf(tx, row.id, input.correctionId, 'open');
      notFuture(input.recheckOn, 'recheckOn');
      if (input.recheckOn < correction.issued_on) throw new AppError('INSPECTION_DATES_INVALID', { field: 'recheckOn', issuedOn: correction.issued_on });
      await updateCorrection(tx, correction.id, { status: input.corrected ? 'corrected' : 'not_corrected', recheck_on: input.recheckOn, recheck_note: input.note });
      await touch(tx, row.id);
      await recordCorrection(tx, actor, 'inspections.recheck', correction.id);
      return detail(tx, row.id);
    });
  }

  async function handOver(actor: AuditActor, input: Expected & { correctionId: number; toBureauId: number; handedOn: string; note: string | null }, assertBureau: AssertBureau): Promise<InspectionDto> {
    return db.write(async (tx) => {
      const row = await loadForChange(tx, input, assertBureau, ...AFTER_REVIEW);
      const correction = await correctionOf(tx, row.id, input.correctionId, 'not_corrected');
      notFuture(input.handedOn, 'handedOn');
      if (correction.recheck_on !== null && input.handedOn < correction.recheck_on) throw new AppError('INSPECTION_DATES_INVALID', { field: 'handedOn', recheckOn: correction.recheck_on });
      if (!(await tx.get('SELECT 1 FROM bureaus WHERE id = ?', [input.toBureauId]))) throw new AppError('BUREAU_NOT_FOUND', { field: 'toBureauId' });
      await updateCorrection(tx, correction.id, { status: 'handed_over', handed_to_bureau_id: input.toBureauId, handed_on: input.handedOn, handed_note: input.note });
      await touch(tx, row.id);
      await recordCorrection(tx, actor, 'inspections.handOver', correction.id);
      return detail(tx, row.id);
    });
  }

  /**
   * Art. 16: an order is published within 7 working days of the decision — on its own when it comes after
   * the result was published. 谁检查谁公示: only a user of the inspecting bureau records it.
   */
  async function publishCorrection(actor: AuditActor, input: Expected & { correctionId: number; publishedOn: string }, assertBureau: AssertBureau, callerBureauId: number): Promise<InspectionDto> {
    return db.write(async (tx) => {
      const row = await loadForChange(tx, input, assertBureau, ...AFTER_REVIEW);
      if (callerBureauId !== row.inspecting_bureau_id) throw new AppError('PUBLISH_NOT_OWN_BUREAU', { inspectionId: row.id });
      if (row.non_public !== null) throw new AppError('PUBLISH_NON_PUBLIC', { inspectionIds: [row.id] });
      const correction = await correctionOf(tx, row.id, input.correctionId, 'open', 'corrected', 'not_corrected', 'handed_over');
      if (correction.published_on !== null) throw new AppError('CORRECTION_STATE_INVALID', { publishedOn: correction.published_on });
      notFuture(input.publishedOn, 'publishedOn');
      if (input.publishedOn < correction.issued_on) throw new AppError('INSPECTION_DATES_INVALID', { field: 'publishedOn', issuedOn: correction.issued_on });
      await updateCorrection(tx, correction.id, { published_on: input.publishedOn });
      await touch(tx, row.id);
      await recordCorrection(tx, actor, 'inspections.publishCorrection', correction.id);
      return detail(tx, row.id);
    });
  }

  /** 后续处置完结: refused while an order is still within its time limit and not rechecked. */
  async function closeFollowUp(actor: AuditActor, input: Expected & { closedOn: string; note: string | null }, assertBureau: AssertBureau): Promise<InspectionDto> {
    return db.write(async (tx) => {
      const row = await loadForChange(tx, input, assertBureau);
      if (row.follow_up_status !== 'open') throw new AppError('FOLLOW_UP_STATE_INVALID', { followUpStatus: row.follow_up_status });
      const open = await tx.all<{ id: number }>(`SELECT id FROM correction_orders WHERE inspection_id = ? AND status = 'open' ORDER BY id`, [row.id]);
      if (open.length > 0) throw new AppError('FOLLOW_UP_STATE_INVALID', { openCorrections: open.map((c) => c.id) });
      notFuture(input.closedOn, 'closedOn');
      if (row.formed_on !== null && input.closedOn < row.formed_on) throw new AppError('INSPECTION_DATES_INVALID', { field: 'closedOn', formedOn: row.formed_on });
      await touch(tx, row.id, { follow_up_status: 'closed', follow_up_closed_on: input.closedOn, follow_up_note: input.note });
      await recordInspection(tx, actor, 'inspections.closeFollowUp', row.id);
      return detail(tx, row.id);
    });
  }

  return { addCorrection, recheck, handOver, publishCorrection, closeFollowUp };
}
