import type { LegalReviewDto, ReviewSheetDto, VolumeArchiveDto } from '../../../shared/contract';
import { ARCHIVE_CLERKS } from '../../../shared/contract/archives';
import { DEFAULT_ARCHIVE_PATTERN, decisionProblems, formatArchiveNo, MANUAL_ITEM_KEYS, MANUAL_ITEM_LABELS, patternProblems, retentionProblem, type ManualItem, type ReviewDecision } from '../../../shared/domain/archives/archives';
import type { Role } from '../../../shared/domain/roles';
import type { RetentionPeriod } from '../../../shared/domain/volumes/volumes';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import { volumeSnapshot } from '../draws/draw-repository';
import { beijingDate } from '../inspections/inspection-deadlines';
import { findVolume } from '../volumes/volume-repository';
import type { AssertAnyBureau, VolumeService } from '../volumes/volume-service';
import { archivedFileGaps, archiveSnapshot, findArchive, findReview, latestBindingCurrent, listReviews, reviewSnapshot, takeArchiveSeq } from './archive-repository';
import { expectedCustody, reviewFindings } from './review-findings';

type Deps = {
  db: Database; clock: Clock; audit: AuditService; bureaus: BureauService; volumes: VolumeService;
  /** Start the job that makes the archived file (archived-file-job.ts): at archiving (supplementId null) and after each 补充件. */
  startArchivedFile: (actor: AuditActor, volumeId: number, supplementId: number | null) => Promise<{ id: number }>;
  /** The bureau's periodic four-property check (fixity-schedule.ts). */
  schedule: { of: (bureauId: number) => Promise<{ fixityIntervalDays: number | null; lastFixityAt: string | null; nextFixityAt: string | null }> };
};

/**
 * Legal review (法制审核) and archiving of bound volumes at their custody bureau (issue 8 items 1–2):
 * bound → in_review (submitted by a clerk) → returned to the clerk (bound) or approved → archived, with
 * a gapless 档号 per (bureau, year, retention). Every step audited in its own transaction.
 */
export function createArchiveService({ db, clock, audit, bureaus, volumes, startArchivedFile, schedule }: Deps) {
  const now = () => clock.now().toISOString();

  async function setStatus(tx: Tx, actor: AuditActor, volumeId: number, status: 'bound' | 'in_review' | 'archived', action: string, detail: object) {
    await tx.run('UPDATE volumes SET status = ?, version = version + 1, updated_at = ? WHERE id = ?', [status, now(), volumeId]);
    const raw = await tx.get<Parameters<typeof volumeSnapshot>[0]>('SELECT * FROM volumes WHERE id = ?', [volumeId]);
    await audit.record(tx, { actor, action, entity: 'volume', entityId: volumeId, after: volumeSnapshot(raw as Parameters<typeof volumeSnapshot>[0]), detail });
  }

  async function findings(volumeId: number, access: AssertAnyBureau) {
    const volume = await volumes.get(volumeId, access);
    const inspection = await volumes.inspectionOf(await findVolume(db, volumeId));
    return reviewFindings(volume, inspection, await expectedCustody(db, volumeId), (id) => bureaus.get(id).name);
  }

  async function submitForReview(actor: AuditActor, volumeId: number, access: AssertAnyBureau): Promise<LegalReviewDto> {
    await volumes.get(volumeId, access); // access, and generated documents filed before the check below
    return db.write(async (tx) => {
      const row = await findVolume(tx, volumeId);
      if (row.status === 'archived') throw new AppError('VOLUME_ARCHIVED', { id: volumeId });
      if (row.status !== 'bound') throw new AppError(row.status === 'open' ? 'VOLUME_NOT_BOUND' : 'ARCHIVE_STATE_INVALID', { id: volumeId, status: row.status });
      const latest = await latestBindingCurrent(tx, volumeId);
      if (latest.version === null) throw new AppError('VOLUME_NOT_BOUND', { id: volumeId, version: null });
      if (!latest.current) throw new AppError('ARCHIVE_BINDING_STALE', { id: volumeId, version: latest.version });
      const round = ((await tx.get<{ r: number | null }>('SELECT max(round) AS r FROM legal_reviews WHERE volume_id = ?', [volumeId]))?.r ?? 0) + 1;
      const { lastId } = await tx.run('INSERT INTO legal_reviews (volume_id, round, binding_version, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?)', [volumeId, round, latest.version, actor.userId, now()]);
      await audit.record(tx, { actor, action: 'archives.submitForReview', entity: 'legal_review', entityId: lastId, after: await reviewSnapshot(tx, lastId), detail: { volumeId, round, bindingVersion: latest.version } });
      await setStatus(tx, actor, volumeId, 'in_review', 'archives.submitForReview', { round });
      return findReview(tx, lastId);
    });
  }

  async function getReview(volumeId: number, access: AssertAnyBureau): Promise<ReviewSheetDto> {
    const computed = await findings(volumeId, access);
    const row = await findVolume(db, volumeId);
    const rounds = await listReviews(db, volumeId);
    return {
      volumeId,
      volumeStatus: row.status,
      open: rounds.find((r) => r.decision === null) ?? null,
      findings: computed,
      manualItems: MANUAL_ITEM_KEYS.map((key) => ({ key, label: MANUAL_ITEM_LABELS[key] })),
      rounds,
    };
  }

  /**
   * The legal role decides the open round. The reviewer is neither the clerk who submitted it nor the one
   * who bound the version under review. The findings are recomputed now and kept with the decision.
   */
  async function decide(actor: AuditActor, roles: readonly Role[], input: { volumeId: number; round: number; decision: ReviewDecision; items: ManualItem[]; comments: string | null }, access: AssertAnyBureau): Promise<LegalReviewDto> {
    if (!roles.includes('legal')) throw new AppError('FORBIDDEN', { requiredRoles: ['legal'] });
    const computed = await findings(input.volumeId, access);
    const comments = input.comments?.trim() ? input.comments.trim() : null;
    const items = input.items.map((i) => ({ key: i.key, ok: i.ok, note: i.note?.trim() ? i.note.trim() : null }));
    return db.write(async (tx) => {
      const open = await tx.get<{ id: number; round: number; binding_version: number; submitted_by: number | null }>('SELECT id, round, binding_version, submitted_by FROM legal_reviews WHERE volume_id = ? AND decision IS NULL', [input.volumeId]);
      if (!open || open.round !== input.round) throw new AppError('ARCHIVE_STATE_INVALID', { id: input.volumeId, round: input.round, openRound: open?.round ?? null });
      const binder = (await tx.get<{ bound_by: number | null }>('SELECT bound_by FROM volume_bindings WHERE volume_id = ? AND version = ?', [input.volumeId, open.binding_version]))?.bound_by ?? null;
      if (actor.userId !== null && (actor.userId === open.submitted_by || actor.userId === binder)) throw new AppError('ARCHIVE_SELF_REVIEW', { id: input.volumeId, submittedBy: open.submitted_by, boundBy: binder });
      const problems = decisionProblems(input.decision, computed, items, comments);
      if (problems.length > 0) throw new AppError('ARCHIVE_REVIEW_ITEMS', { problems });
      const ordered = MANUAL_ITEM_KEYS.map((k) => items.find((i) => i.key === k) as ManualItem);
      await tx.run('UPDATE legal_reviews SET findings = ?, items = ?, decision = ?, comments = ?, reviewer_id = ?, decided_at = ? WHERE id = ?', [JSON.stringify(computed), JSON.stringify(ordered), input.decision, comments, actor.userId, now(), open.id]);
      await audit.record(tx, { actor, action: 'archives.decide', entity: 'legal_review', entityId: open.id, after: await reviewSnapshot(tx, open.id), detail: { volumeId: input.volumeId, round: open.round, decision: input.decision } });
      // Approved: stays in review (read-only) until archived. Returned: back to the clerk, editable again.
      if (input.decision === 'return') await setStatus(tx, actor, input.volumeId, 'bound', 'archives.returnVolume', { round: open.round });
      return findReview(tx, open.id);
    });
  }

  async function patternOf(tx: Database | Tx, bureauId: number): Promise<{ pattern: string; isDefault: boolean }> {
    const row = await tx.get<{ pattern: string }>('SELECT pattern FROM archive_settings WHERE bureau_id = ?', [bureauId]);
    return row ? { pattern: row.pattern, isDefault: false } : { pattern: DEFAULT_ARCHIVE_PATTERN, isDefault: true };
  }

  /** Archive an approved volume at its custody bureau: 档号 and retention, in one transaction with the counter. */
  async function archive(actor: AuditActor, input: { volumeId: number; retention?: RetentionPeriod; retentionReason?: string }, assertCustody: (bureauId: number) => void, access: AssertAnyBureau): Promise<VolumeArchiveDto> {
    const volume = await volumes.get(input.volumeId, access);
    assertCustody(volume.custodyBureauId);
    const inspection = await volumes.inspectionOf(await findVolume(db, input.volumeId));
    const problem = retentionProblem(volume.retention, input.retention, input.retentionReason);
    if (problem) throw new AppError('ARCHIVE_RETENTION_INVALID', { problem, defaultRetention: volume.retention });
    const retention = input.retention ?? volume.retention;
    const year = inspection?.year ?? Number(beijingDate(clock.now()).slice(0, 4));
    await db.write(async (tx) => {
      const row = await findVolume(tx, input.volumeId);
      if (row.status === 'archived') throw new AppError('VOLUME_ARCHIVED', { id: input.volumeId });
      const review = await tx.get<{ id: number; binding_version: number; decision: string | null }>('SELECT id, binding_version, decision FROM legal_reviews WHERE volume_id = ? ORDER BY round DESC LIMIT 1', [input.volumeId]);
      const latest = await latestBindingCurrent(tx, input.volumeId);
      if (row.status !== 'in_review' || review?.decision !== 'approve' || review.binding_version !== latest.version || !latest.current) {
        throw new AppError('ARCHIVE_NOT_APPROVED', { id: input.volumeId, status: row.status, decision: review?.decision ?? null });
      }
      const bureau = bureaus.get(row.custody_bureau_id);
      const seq = await takeArchiveSeq(tx, bureau.id, year, retention);
      const archiveNo = formatArchiveNo((await patternOf(tx, bureau.id)).pattern, { fondsCode: bureau.fondsCode, orgCode: bureau.orgCode, year, retention, seq });
      const taken = await tx.get<{ volume_id: number }>('SELECT volume_id FROM volume_archives WHERE archive_no = ?', [archiveNo]);
      if (taken) throw new AppError('CONFLICT', { archiveNo, volumeId: taken.volume_id });
      await setStatus(tx, actor, input.volumeId, 'archived', 'archives.archive', { archiveNo });
      const reason = retention === volume.retention ? null : (input.retentionReason ?? '').trim();
      await tx.run(
        `INSERT INTO volume_archives (volume_id, archive_no, custody_bureau_id, year, retention, retention_reason, seq, binding_version, review_id, archived_by, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [input.volumeId, archiveNo, bureau.id, year, retention, reason, seq, review.binding_version, review.id, actor.userId, now()],
      );
      await audit.record(tx, { actor, action: 'archives.archive', entity: 'volume_archive', entityId: input.volumeId, after: await archiveSnapshot(tx, input.volumeId), detail: { archiveNo, retention, defaultRetention: volume.retention } });
    });
    await startArchivedFile(actor, input.volumeId, null); // the archived file: cover with the 档号 (a job)
    return (await findArchive(db, input.volumeId)) as VolumeArchiveDto;
  }

  /** A later addition to an archived volume (补充件): a note for the 备考表; what was archived stays as it is. */
  async function addSupplement(actor: AuditActor, input: { volumeId: number; note: string }, assertCustody: (bureauId: number) => void, access: AssertAnyBureau): Promise<VolumeArchiveDto> {
    const row = await findVolume(db, input.volumeId);
    access([row.custody_bureau_id, row.inspecting_bureau_id]);
    assertCustody(row.custody_bureau_id);
    const supplementId = await db.write(async (tx) => {
      if (!(await findArchive(tx, input.volumeId))) throw new AppError('ARCHIVE_STATE_INVALID', { id: input.volumeId, status: row.status });
      const { lastId } = await tx.run('INSERT INTO volume_supplements (volume_id, note, added_by, added_at) VALUES (?, ?, ?, ?)', [input.volumeId, input.note.trim(), actor.userId, now()]);
      const { id: _id, ...after } = (await tx.get<{ id: number }>('SELECT * FROM volume_supplements WHERE id = ?', [lastId])) as { id: number };
      await audit.record(tx, { actor, action: 'archives.addSupplement', entity: 'volume_supplement', entityId: lastId, after, detail: { volumeId: input.volumeId } });
      return lastId;
    });
    await startArchivedFile(actor, input.volumeId, supplementId); // a new archived file whose 备考表 lists it
    return (await findArchive(db, input.volumeId)) as VolumeArchiveDto;
  }

  /**
   * Start the archived-file job again when the latest archiving/补充件 has no archived file and no job making
   * it (the custody bureau's clerks and admins; audited). A job already under way is returned; an archived file
   * that exists is never made again (ARCHIVED_FILE_EXISTS).
   */
  async function regenerateArchivedFile(actor: AuditActor, roles: readonly Role[], volumeId: number, assertCustody: (bureauId: number) => void, access: AssertAnyBureau): Promise<{ jobId: number }> {
    if (!roles.some((r) => (ARCHIVE_CLERKS as readonly Role[]).includes(r))) throw new AppError('FORBIDDEN', { requiredRoles: ARCHIVE_CLERKS });
    const row = await findVolume(db, volumeId);
    access([row.custody_bureau_id, row.inspecting_bureau_id]);
    assertCustody(row.custody_bureau_id);
    if (row.status !== 'archived') throw new AppError('ARCHIVE_STATE_INVALID', { id: volumeId, status: row.status }); // the archiving sets it in its own transaction
    const gap = (await archivedFileGaps(db, volumeId))[0];
    if (!gap) throw new AppError('ARCHIVED_FILE_EXISTS', { volumeId });
    if (gap.jobId !== null) return { jobId: gap.jobId };
    await db.write((tx) => audit.record(tx, { actor, action: 'archives.regenerateArchivedFile', entity: 'volume_archive', entityId: volumeId, detail: { supplementId: gap.supplementId } }));
    const job = await startArchivedFile(actor, volumeId, gap.supplementId);
    return { jobId: job.id };
  }

  /** Paper originals: record where the box is now (库房 / 柜 / 架 / 盒); earlier places stay as history. */
  async function setLocation(actor: AuditActor, input: { volumeId: number; room: string; cabinet: string; shelf: string; box: string; reason?: string | null }, assertCustody: (bureauId: number) => void, access: AssertAnyBureau): Promise<VolumeArchiveDto> {
    const row = await findVolume(db, input.volumeId);
    access([row.custody_bureau_id, row.inspecting_bureau_id]);
    assertCustody(row.custody_bureau_id);
    await db.write(async (tx) => {
      if (!(await findArchive(tx, input.volumeId))) throw new AppError('ARCHIVE_STATE_INVALID', { id: input.volumeId, status: row.status });
      const { lastId } = await tx.run('INSERT INTO volume_locations (volume_id, room, cabinet, shelf, box, reason, moved_by, moved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [input.volumeId, input.room.trim(), input.cabinet.trim(), input.shelf.trim(), input.box.trim(), input.reason?.trim() || null, actor.userId, now()]);
      const { id: _id, ...after } = (await tx.get<{ id: number }>('SELECT * FROM volume_locations WHERE id = ?', [lastId])) as { id: number };
      await audit.record(tx, { actor, action: 'archives.setLocation', entity: 'volume_location', entityId: lastId, after, detail: { volumeId: input.volumeId } });
    });
    return (await findArchive(db, input.volumeId)) as VolumeArchiveDto;
  }

  async function get(volumeId: number, access: AssertAnyBureau): Promise<VolumeArchiveDto | null> {
    const row = await findVolume(db, volumeId);
    access([row.custody_bureau_id, row.inspecting_bureau_id]);
    return findArchive(db, volumeId);
  }

  async function settingsOut(bureauId: number) {
    const bureau = bureaus.get(bureauId);
    const { pattern, isDefault } = await patternOf(db, bureauId);
    const year = Number(beijingDate(clock.now()).slice(0, 4));
    return { bureauId, pattern, isDefault, example: formatArchiveNo(pattern, { fondsCode: bureau.fondsCode, orgCode: bureau.orgCode, year, retention: 'D10', seq: 1 }), ...(await schedule.of(bureauId)) };
  }

  async function updateSettings(actor: AuditActor, input: { bureauId: number; pattern: string }) {
    bureaus.get(input.bureauId);
    const problems = patternProblems(input.pattern);
    if (problems.length > 0) throw new AppError('ARCHIVE_PATTERN_INVALID', { problems });
    await db.write(async (tx) => {
      await tx.run(
        `INSERT INTO archive_settings (bureau_id, pattern, updated_by, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (bureau_id) DO UPDATE SET pattern = excluded.pattern, updated_by = excluded.updated_by, updated_at = excluded.updated_at, version = version + 1`,
        [input.bureauId, input.pattern, actor.userId, now()],
      );
      const after = await tx.get<{ pattern: string; updated_by: number | null; version: number }>('SELECT pattern, updated_by, version FROM archive_settings WHERE bureau_id = ?', [input.bureauId]);
      await audit.record(tx, { actor, action: 'archives.updateSettings', entity: 'archive_setting', entityId: input.bureauId, after: after as object });
    });
    return settingsOut(input.bureauId);
  }

  return { submitForReview, getReview, decide, archive, addSupplement, regenerateArchivedFile, setLocation, get, settings: settingsOut, updateSettings };
}

export type ArchiveService = ReturnType<typeof createArchiveService>;
