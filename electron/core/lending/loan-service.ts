import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { LoanDto } from '../../../shared/contract';
import { dueDate, givesCopy, type LoanForm, type LoanPurpose, type LoanState } from '../../../shared/domain/lending/lending';
import type { Role } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { BlobStore } from '../blobs/blob-store';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import { beijingDate } from '../inspections/inspection-deadlines';
import { findVolume } from '../volumes/volume-repository';
import { findArchive } from '../archives/archive-repository';
import { findLoan, findLoanRow, listLoans, loanSnapshot, type LoanRow } from './loan-repository';
import { copySource } from './loan-copy';
import { watermarkPdf } from './loan-watermark';

type Deps = { db: Database; clock: Clock; audit: AuditService; bureaus: BureauService; blobs: BlobStore; exportsDir: string; fontBytes: () => Promise<Uint8Array> };

/** Who is calling, as the lending rules need it (built by the handlers from the call context). */
export type LoanCaller = {
  actor: AuditActor;
  userId: number;
  displayName: string;
  bureauId: number;
  roles: readonly Role[];
  canAccessBureau(bureauId: number): boolean;
  /** The bureaus whose loans the caller may list (the caller's subtree). */
  bureauScope(): number[];
};

/** Roles that see every loan of the volumes their bureaus keep (others see their own loans only). */
const LOAN_OVERSEERS: readonly Role[] = ['admin', 'clerk', 'legal'];
const isCustodyClerk = (c: LoanCaller, custodyBureauId: number) => (c.roles.includes('clerk') || c.roles.includes('admin')) && c.canAccessBureau(custodyBureauId);

/**
 * Whether a borrower is handed the full bound version rather than the public copy: the legal role (法制审核
 * reviewed the whole volume before it was archived) and the custody bureau's clerks and admins (who keep
 * the originals anyway). Everyone else — inspectors, reviewers, other bureaus' clerks — gets the public copy,
 * in which non-public pages are placeholders.
 */
export const mayReadFullVolume = (c: LoanCaller, custodyBureauId: number): boolean => c.roles.includes('legal') || isCustodyClerk(c, custodyBureauId);

export type LoanRequest = { volumeId: number; form: LoanForm; purpose: LoanPurpose; purposeNote: string | null; days: number; external?: { name: string; unit: string } };

/**
 * Lending (借阅) of archived volumes (issue 8 item 4): request → approve/reject by the custody bureau's
 * clerk or admin (never the borrower) → for paper, out and back; for electronic, a watermarked copy while
 * current. Dates are Beijing dates; loan lengths are calendar days. Every step and every copy handed out
 * is an audit event.
 */
export function createLoanService({ db, clock, audit, bureaus, blobs, exportsDir, fontBytes }: Deps) {
  const now = () => clock.now().toISOString();
  const today = () => beijingDate(clock.now());

  /** The volume is the business of its custody bureau and of the bureau that inspected it. */
  async function assertVolumeAccess(c: LoanCaller, volumeId: number) {
    const volume = await findVolume(db, volumeId);
    if (!c.canAccessBureau(volume.custody_bureau_id) && !c.canAccessBureau(volume.inspecting_bureau_id)) throw new AppError('FORBIDDEN', { bureauId: volume.custody_bureau_id });
    return volume;
  }

  async function assertVisible(c: LoanCaller, row: LoanRow) {
    if (row.borrower_user_id === c.userId) return;
    if (c.roles.some((r) => LOAN_OVERSEERS.includes(r)) && c.canAccessBureau(row.custody_bureau_id)) return;
    throw new AppError('FORBIDDEN', { loanId: row.id });
  }

  async function change(c: LoanCaller, id: number, action: string, step: (tx: Tx, row: LoanRow) => Promise<object>): Promise<LoanDto> {
    await db.write(async (tx) => {
      const row = await findLoanRow(tx, id);
      if (!isCustodyClerk(c, row.custody_bureau_id)) throw new AppError('LENDING_NOT_CUSTODY', { custodyBureauId: row.custody_bureau_id });
      const detail = await step(tx, row);
      await audit.record(tx, { actor: c.actor, action, entity: 'loan', entityId: id, after: await loanSnapshot(tx, id), detail: { volumeId: row.volume_id, ...detail } });
    });
    return findLoan(db, id, today());
  }

  async function request(c: LoanCaller, input: LoanRequest): Promise<LoanDto> {
    const volume = await assertVolumeAccess(c, input.volumeId);
    const archive = await findArchive(db, input.volumeId);
    if (!archive) throw new AppError('LENDING_NOT_ARCHIVED', { volumeId: input.volumeId, status: volume.status });
    let borrower: { userId: number | null; name: string; unit: string | null } = { userId: c.userId, name: c.displayName, unit: bureaus.get(c.bureauId).name };
    if (input.external) {
      if (!isCustodyClerk(c, archive.custodyBureauId)) throw new AppError('LENDING_NOT_CUSTODY', { custodyBureauId: archive.custodyBureauId });
      if (input.form !== 'paper') throw new AppError('LENDING_EXTERNAL_ELECTRONIC', { form: input.form });
      borrower = { userId: null, name: input.external.name, unit: input.external.unit };
    }
    const id = await db.write(async (tx) => {
      const { lastId } = await tx.run(
        `INSERT INTO loans (volume_id, custody_bureau_id, form, borrower_user_id, borrower_name, borrower_unit, purpose, purpose_note, days, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [input.volumeId, archive.custodyBureauId, input.form, borrower.userId, borrower.name, borrower.unit, input.purpose, input.purposeNote?.trim() || null, input.days, c.userId, now()],
      );
      await audit.record(tx, { actor: c.actor, action: 'lending.request', entity: 'loan', entityId: lastId, after: await loanSnapshot(tx, lastId), detail: { volumeId: input.volumeId, archiveNo: archive.archiveNo } });
      return lastId;
    });
    return findLoan(db, id, today());
  }

  /** Approve or reject an open request; the borrower never decides their own. */
  function decide(c: LoanCaller, id: number, approve: boolean, note: string | null): Promise<LoanDto> {
    return change(c, id, approve ? 'lending.approve' : 'lending.reject', async (tx, row) => {
      if (row.status !== 'requested') throw new AppError('LENDING_STATE_INVALID', { id, status: row.status });
      if (row.borrower_user_id === c.userId) throw new AppError('LENDING_SELF_APPROVAL', { id });
      const due = approve ? dueDate(today(), row.days) : null;
      await tx.run('UPDATE loans SET status = ?, due_on = ?, decided_by = ?, decided_at = ?, decision_note = ?, version = version + 1 WHERE id = ?', [approve ? 'approved' : 'rejected', due, c.userId, now(), note?.trim() || null, id]);
      return { dueOn: due };
    });
  }

  /** A paper original leaves the store: the loan period starts again on the day it goes out. */
  function checkOut(c: LoanCaller, id: number): Promise<LoanDto> {
    return change(c, id, 'lending.checkOut', async (tx, row) => {
      if (row.form !== 'paper' || row.status !== 'approved') throw new AppError('LENDING_STATE_INVALID', { id, status: row.status, form: row.form });
      const out = await tx.get<{ id: number }>(`SELECT id FROM loans WHERE volume_id = ? AND status = 'out'`, [row.volume_id]);
      if (out) throw new AppError('LENDING_PAPER_OUT', { volumeId: row.volume_id, loanId: out.id });
      const due = dueDate(today(), row.days);
      await tx.run(`UPDATE loans SET status = 'out', due_on = ?, out_by = ?, out_at = ?, version = version + 1 WHERE id = ?`, [due, c.userId, now(), id]);
      return { dueOn: due };
    });
  }

  function giveBack(c: LoanCaller, id: number, condition: string): Promise<LoanDto> {
    return change(c, id, 'lending.return', async (tx, row) => {
      if (row.status !== 'out') throw new AppError('LENDING_STATE_INVALID', { id, status: row.status });
      const late = row.due_on !== null && row.due_on < today();
      await tx.run(`UPDATE loans SET status = 'returned', returned_by = ?, returned_at = ?, return_condition = ?, version = version + 1 WHERE id = ?`, [c.userId, now(), condition.trim(), id]);
      return { late };
    });
  }

  async function list(c: LoanCaller, f: { states?: LoanState[]; overdue?: boolean; volumeId?: number; borrowerUserId?: number; page: number; pageSize: number }) {
    const overseer = c.roles.some((r) => LOAN_OVERSEERS.includes(r));
    const page = await listLoans(db, { ...f, custodyBureauIds: overseer ? c.bureauScope() : [], ownUserId: c.userId }, today());
    return { ...page, page: f.page, pageSize: f.pageSize };
  }

  async function get(c: LoanCaller, id: number): Promise<LoanDto> {
    await assertVisible(c, await findLoanRow(db, id));
    return findLoan(db, id, today());
  }

  /**
   * The borrower opens (view) or saves (export) the copy of a current electronic loan: the public copy, or the
   * full archived version for those who may read it, watermarked "借阅：<name> <date> <档号>". The copy is
   * written to exports/ inside the transaction that records the audit event, so nothing is handed out unlogged.
   */
  async function openCopy(c: LoanCaller, id: number, mode: 'view' | 'export') {
    const row = await findLoanRow(db, id);
    if (row.borrower_user_id !== c.userId) throw new AppError('LENDING_NOT_BORROWER', { id });
    await assertVolumeAccess(c, row.volume_id);
    const day = today();
    if (!givesCopy(row.status, row.form, row.due_on, day)) throw new AppError(row.form === 'electronic' ? 'LENDING_EXPIRED' : 'LENDING_STATE_INVALID', { id, status: row.status, dueOn: row.due_on });
    const archive = await findArchive(db, row.volume_id);
    if (!archive) throw new AppError('LENDING_NOT_ARCHIVED', { volumeId: row.volume_id });
    const variant = mayReadFullVolume(c, row.custody_bureau_id) ? 'full' : 'public';
    const source = await copySource(db, row.volume_id, archive.bindingVersion, variant);
    const stamped = await watermarkPdf(await blobs.read(source.blobSha256), `借阅：${row.borrower_name} ${day} ${archive.archiveNo}`, await fontBytes());
    const sha256 = createHash('sha256').update(stamped.bytes).digest('hex');
    const fileName = `借阅${id}-${archive.archiveNo}-${variant === 'full' ? '完整版' : '公开版'}-${day}.pdf`.replace(/[\\/:*?"<>|\s]/g, '_');
    await db.write(async (tx) => {
      await audit.record(tx, {
        actor: c.actor, action: mode === 'view' ? 'lending.viewCopy' : 'lending.exportCopy', entity: 'loan', entityId: id,
        detail: { volumeId: row.volume_id, archiveNo: archive.archiveNo, variant, version: source.version, sourceSha256: source.sha256, sha256, fileName, pages: stamped.pages },
      });
      await fs.mkdir(exportsDir, { recursive: true });
      await fs.writeFile(path.join(exportsDir, fileName), stamped.bytes);
    });
    return { fileName, variant, version: source.version, sha256, pages: stamped.pages } as const;
  }

  return {
    request,
    approve: (c: LoanCaller, id: number, note: string | null) => decide(c, id, true, note),
    reject: (c: LoanCaller, id: number, note: string) => decide(c, id, false, note),
    checkOut,
    giveBack,
    list,
    get,
    openCopy,
  };
}

export type LoanService = ReturnType<typeof createLoanService>;
