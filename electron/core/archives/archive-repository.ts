import type { ArchivedFileDto, LegalReviewDto, VolumeArchiveDto } from '../../../shared/contract';
import { returnList, type AutoFinding, type ManualItem } from '../../../shared/domain/archives/archives';
import type { RetentionPeriod } from '../../../shared/domain/volumes/volumes';
import { AppError } from '../../../shared/errors/app-error';
import { isErrorCode } from '../../../shared/errors/codes';
import type { Database, Tx } from '../db/database';

/** SQL for legal reviews, archived volumes, 档号 settings and counters; services get DTOs, never rows. */

export type ReviewRow = {
  id: number; volume_id: number; round: number; binding_version: number; submitted_by: number | null; submitted_at: string;
  findings: string | null; items: string | null; decision: 'approve' | 'return' | null; comments: string | null; reviewer_id: number | null; decided_at: string | null;
};
type ReviewNamedRow = ReviewRow & { submitted_by_name: string | null; reviewer_name: string | null };

export type ArchiveRow = {
  volume_id: number; archive_no: string; custody_bureau_id: number; year: number; retention: RetentionPeriod; retention_reason: string | null; seq: number;
  binding_version: number; review_id: number; archived_by: number | null; archived_at: string;
};

const REVIEW_SELECT = `SELECT r.*, su.display_name AS submitted_by_name, ru.display_name AS reviewer_name FROM legal_reviews r
  LEFT JOIN users su ON su.id = r.submitted_by LEFT JOIN users ru ON ru.id = r.reviewer_id`;

export function reviewDto(r: ReviewNamedRow): LegalReviewDto {
  const findings = r.findings === null ? null : (JSON.parse(r.findings) as AutoFinding[]);
  const items = r.items === null ? null : (JSON.parse(r.items) as ManualItem[]);
  return {
    id: r.id, volumeId: r.volume_id, round: r.round, bindingVersion: r.binding_version, submittedBy: r.submitted_by, submittedByName: r.submitted_by_name, submittedAt: r.submitted_at,
    findings, items, decision: r.decision, comments: r.comments, reviewerId: r.reviewer_id, reviewerName: r.reviewer_name, decidedAt: r.decided_at,
    returnList: r.decision === 'return' ? returnList(findings ?? [], items ?? [], r.comments) : [],
  };
}

export async function listReviews(tx: Database | Tx, volumeId: number): Promise<LegalReviewDto[]> {
  return (await tx.all<ReviewNamedRow>(`${REVIEW_SELECT} WHERE r.volume_id = ? ORDER BY r.round DESC`, [volumeId])).map(reviewDto);
}

export async function findReview(tx: Database | Tx, id: number): Promise<LegalReviewDto> {
  const row = await tx.get<ReviewNamedRow>(`${REVIEW_SELECT} WHERE r.id = ?`, [id]);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'legal_review', id });
  return reviewDto(row);
}

/** As audited: the whole row. */
export const reviewSnapshot = async (tx: Database | Tx, id: number): Promise<object> => {
  const { id: _id, ...rest } = (await tx.get<ReviewRow>('SELECT * FROM legal_reviews WHERE id = ?', [id])) as ReviewRow;
  return rest;
};

export async function loadReviewSnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<ReviewRow>('SELECT * FROM legal_reviews')).map(({ id, ...rest }) => [String(id), rest]));
}

export type ArchivedFileRow = {
  id: number; volume_id: number; version: number; binding_version: number; derived_from_sha256: string; supplement_id: number | null; blob_sha256: string;
  sha256: string; size: number; pages: number; content_pages: number; manifest: string; made_by: number | null; made_at: string;
};

export const archivedFileDto = (r: ArchivedFileRow): ArchivedFileDto => ({
  version: r.version, bindingVersion: r.binding_version, derivedFromSha256: r.derived_from_sha256, supplementId: r.supplement_id,
  sha256: r.sha256, size: r.size, pages: r.pages, contentPages: r.content_pages, madeAt: r.made_at,
});

export async function listArchivedFiles(tx: Database | Tx, volumeId: number): Promise<ArchivedFileRow[]> {
  return tx.all<ArchivedFileRow>('SELECT * FROM volume_archived_files WHERE volume_id = ? ORDER BY version DESC', [volumeId]);
}

/**
 * Archived volumes (one, or all) whose latest event — the archiving, or the latest 补充件 — has no archived
 * file (made after a crash before its job started, a failed job, or archived before migration 0016), with the
 * 'archives.archivedFile' job queued or running for it, if any.
 */
export async function archivedFileGaps(tx: Database | Tx, volumeId?: number): Promise<{ volumeId: number; supplementId: number | null; jobId: number | null; lastError: string | null }[]> {
  const rows = await tx.all<{ volume_id: number; supplement_id: number | null; job_id: number | null; last_error: string | null }>(
    `SELECT x.volume_id, x.supplement_id, (SELECT max(j.id) FROM jobs j WHERE j.kind = 'archives.archivedFile' AND j.state IN ('queued','running')
       AND json_extract(j.input, '$.volumeId') = x.volume_id AND json_extract(j.input, '$.supplementId') IS x.supplement_id) AS job_id,
       (SELECT j.error_code FROM jobs j WHERE j.kind = 'archives.archivedFile' AND j.state = 'failed'
       AND json_extract(j.input, '$.volumeId') = x.volume_id AND json_extract(j.input, '$.supplementId') IS x.supplement_id ORDER BY j.id DESC LIMIT 1) AS last_error
     FROM (SELECT a.volume_id, (SELECT max(s.id) FROM volume_supplements s WHERE s.volume_id = a.volume_id) AS supplement_id FROM volume_archives a ${volumeId === undefined ? '' : 'WHERE a.volume_id = ?'}) x
     WHERE NOT EXISTS (SELECT 1 FROM volume_archived_files f WHERE f.volume_id = x.volume_id AND f.supplement_id IS x.supplement_id)
     ORDER BY x.volume_id`,
    volumeId === undefined ? [] : [volumeId],
  );
  return rows.map((r) => ({ volumeId: r.volume_id, supplementId: r.supplement_id, jobId: r.job_id, lastError: r.last_error }));
}

export async function loadArchivedFileSnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<{ id: number }>('SELECT * FROM volume_archived_files')).map(({ id, ...rest }) => [String(id), rest]));
}

export async function findArchive(tx: Database | Tx, volumeId: number): Promise<VolumeArchiveDto | null> {
  const r = await tx.get<ArchiveRow & { archived_by_name: string | null }>(
    'SELECT a.*, u.display_name AS archived_by_name FROM volume_archives a LEFT JOIN users u ON u.id = a.archived_by WHERE a.volume_id = ?',
    [volumeId],
  );
  if (!r) return null;
  const supplements = await tx.all<{ id: number; note: string; added_by: number | null; added_by_name: string | null; added_at: string }>(
    'SELECT s.id, s.note, s.added_by, u.display_name AS added_by_name, s.added_at FROM volume_supplements s LEFT JOIN users u ON u.id = s.added_by WHERE s.volume_id = ? ORDER BY s.id',
    [volumeId],
  );
  const locations = await tx.all<{ id: number; room: string; cabinet: string; shelf: string; box: string; reason: string | null; moved_by: number | null; moved_by_name: string | null; moved_at: string }>(
    'SELECT l.*, u.display_name AS moved_by_name FROM volume_locations l LEFT JOIN users u ON u.id = l.moved_by WHERE l.volume_id = ? ORDER BY l.id DESC',
    [volumeId],
  );
  return {
    volumeId: r.volume_id, archiveNo: r.archive_no, custodyBureauId: r.custody_bureau_id, year: r.year, retention: r.retention, retentionReason: r.retention_reason, seq: r.seq,
    bindingVersion: r.binding_version, reviewId: r.review_id, archivedBy: r.archived_by, archivedByName: r.archived_by_name, archivedAt: r.archived_at,
    locations: locations.map((l) => ({ id: l.id, room: l.room, cabinet: l.cabinet, shelf: l.shelf, box: l.box, reason: l.reason, movedBy: l.moved_by, movedByName: l.moved_by_name, movedAt: l.moved_at })),
    supplements: supplements.map((x) => ({ id: x.id, note: x.note, addedBy: x.added_by, addedByName: x.added_by_name, addedAt: x.added_at })),
    files: (await listArchivedFiles(tx, volumeId)).map(archivedFileDto),
    ...(await fileState(tx, volumeId)),
  };
}

async function fileState(tx: Database | Tx, volumeId: number): Promise<Pick<VolumeArchiveDto, 'fileState' | 'fileJobId' | 'fileLastError'>> {
  const gap = (await archivedFileGaps(tx, volumeId))[0];
  if (!gap) return { fileState: 'current', fileJobId: null, fileLastError: null };
  const fileLastError = gap.lastError !== null && isErrorCode(gap.lastError) ? gap.lastError : null;
  return gap.jobId === null ? { fileState: 'missing', fileJobId: null, fileLastError } : { fileState: 'pending', fileJobId: gap.jobId, fileLastError };
}

export const archiveSnapshot = async (tx: Database | Tx, volumeId: number): Promise<object> => {
  const { volume_id: _v, ...rest } = (await tx.get<ArchiveRow>('SELECT * FROM volume_archives WHERE volume_id = ?', [volumeId])) as ArchiveRow;
  return rest;
};

export async function loadArchiveSnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<ArchiveRow>('SELECT * FROM volume_archives')).map(({ volume_id, ...rest }) => [String(volume_id), rest]));
}

export async function loadSettingSnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<{ bureau_id: number; pattern: string; updated_by: number | null; version: number }>('SELECT bureau_id, pattern, updated_by, version FROM archive_settings')).map(({ bureau_id, ...rest }) => [String(bureau_id), rest]));
}

/** The next 案卷号 of (bureau, year, retention), taken inside the archiving transaction: gapless. */
export async function takeArchiveSeq(tx: Tx, bureauId: number, year: number, retention: RetentionPeriod): Promise<number> {
  const row = await tx.get<{ last_seq: number }>('SELECT last_seq FROM archive_counters WHERE bureau_id = ? AND year = ? AND retention = ?', [bureauId, year, retention]);
  if (!row) {
    await tx.run('INSERT INTO archive_counters (bureau_id, year, retention, last_seq) VALUES (?, ?, ?, 1)', [bureauId, year, retention]);
    return 1;
  }
  await tx.run('UPDATE archive_counters SET last_seq = last_seq + 1 WHERE bureau_id = ? AND year = ? AND retention = ?', [bureauId, year, retention]);
  return row.last_seq + 1;
}

/**
 * Archived and in-review volumes are read-only: the volume services call this inside their write
 * transaction before any change (the database triggers of migration 0013 are the backstop).
 */
export async function assertVolumeEditable(tx: Database | Tx, volumeId: number): Promise<void> {
  const row = await tx.get<{ status: string; archived: number }>('SELECT status, EXISTS (SELECT 1 FROM volume_archives a WHERE a.volume_id = v.id) AS archived FROM volumes v WHERE v.id = ?', [volumeId]);
  if (!row) return;
  if (row.archived === 1 || row.status === 'archived') throw new AppError('VOLUME_ARCHIVED', { id: volumeId });
  if (row.status === 'in_review') throw new AppError('VOLUME_IN_REVIEW', { id: volumeId });
}

/**
 * The latest bound version is current when nothing that goes into a binding changed after it: no audit
 * event on the volume's title, entries or marks comes after the binding's own event (ordered by the audit
 * chain's sequence, not by clock time).
 */
export async function latestBindingCurrent(tx: Database | Tx, volumeId: number): Promise<{ version: number | null; current: boolean }> {
  const binding = await tx.get<{ id: number; version: number }>('SELECT id, version FROM volume_bindings WHERE volume_id = ? ORDER BY version DESC LIMIT 1', [volumeId]);
  if (!binding) return { version: null, current: false };
  const since = (await tx.get<{ seq: number | null }>(`SELECT max(seq) AS seq FROM audit_events WHERE entity = 'volume_binding' AND entity_id = ?`, [String(binding.id)]))?.seq ?? 0;
  const later = await tx.get<{ n: number }>(
    `SELECT count(*) AS n FROM audit_events e WHERE e.seq > ? AND (
       (e.entity = 'volume' AND e.entity_id = ? AND e.action = 'volumes.update')
       OR (e.entity = 'volume_entry' AND e.entity_id IN (SELECT CAST(id AS TEXT) FROM volume_entries WHERE volume_id = ?))
       OR (e.entity = 'volume_redaction' AND e.entity_id IN (SELECT CAST(m.id AS TEXT) FROM volume_redactions m JOIN volume_entries x ON x.id = m.entry_id WHERE x.volume_id = ?)))`,
    [since, String(volumeId), volumeId, volumeId],
  );
  return { version: binding.version, current: (later?.n ?? 0) === 0 };
}

export async function loadSupplementSnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<{ id: number }>('SELECT * FROM volume_supplements')).map(({ id, ...rest }) => [String(id), rest]));
}

export async function loadLocationSnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<{ id: number }>('SELECT * FROM volume_locations')).map(({ id, ...rest }) => [String(id), rest]));
}
