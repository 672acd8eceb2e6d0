import type { DocumentField } from '../../../shared/domain/documents/doc-fields';
import type { PageNumberPosition, VolumeBindingDto, VolumeEntryDto, VolumeMarkDto, VolumePublicCopyDto, VolumeSummaryDto } from '../../../shared/contract';
import type { NonPublicReason } from '../../../shared/domain/inspections/inspections';
import type { Region } from '../../../shared/domain/volumes/volumes';
import { GENERATED_DOC_TYPES, orderEntries, type PageRotation, type VolumeDocType, type VolumeEntrySource, type VolumeMediaType } from '../../../shared/domain/volumes/volumes';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { Database, Tx } from '../db/database';
import { assertVolumeEditable } from '../archives/archive-repository';

/** SQL for volumes, their entries, page states and bindings; services get DTOs, never rows. */

export type VolumeRow = {
  id: number; task_id: number | null; task_name: string | null; target_id: number; target_name: string; inspection_id: number | null;
  custody_bureau_id: number; custody_bureau_name: string; inspecting_bureau_id: number; inspecting_bureau_name: string;
  title: string; status: VolumeSummaryDto['status']; version: number; updated_at: string; bound_version: number | null;
  opened_by: VolumeSummaryDto['openedBy']; purpose: VolumeSummaryDto['purpose']; basis: string | null; custody_rule: VolumeSummaryDto['custodyRule'];
};

export type EntryRow = {
  id: number; volume_id: number; position: number | null; source: VolumeEntrySource; generated_kind: string | null; document_id: number | null; correction_id: number | null; document_version: number | null;
  blob_sha256: string; media_type: VolumeMediaType; doc_type: VolumeDocType; doc_no: string | null; responsible: string | null; title: string | null;
  doc_date: string | null; remark: string | null; page_count: number; original_name: string | null; created_by: number | null; created_at: string; updated_at: string; version: number;
  scan_document_id: number | null;
};

export type PageRow = { entry_id: number; page_index: number; rotation: PageRotation; excluded: number; reason: string | null };

export type MarkRow = {
  id: number; entry_id: number; page_index: number | null; reason: NonPublicReason; note: string | null; marked_by: number | null; marked_at: string;
  /** A rectangle on the page as fractions of the upright page (JSON {x0,y0,x1,y1}); null = the whole page or document. */
  region: string | null;
  /** A field of a generated document (migration 0017); null = a page, region or the whole document. */
  field: DocumentField | null;
  lifted_by: number | null; lifted_at: string | null; lift_reason: string | null; consent_entry_id: number | null;
};
type MarkNamedRow = MarkRow & { marked_by_name: string | null; lifted_by_name: string | null };

type BindingRow = { version: number; pages: number; content_pages: number; sha256: string; size: number; incomplete_reason: string | null; page_numbers: PageNumberPosition; bound_by: number | null; bound_by_name: string | null; bound_at: string; blob_sha256: string };

const VOLUME_SELECT = `SELECT v.id, v.task_id, k.name AS task_name, v.target_id, t.name AS target_name, v.inspection_id,
  v.custody_bureau_id, cb.name AS custody_bureau_name, v.inspecting_bureau_id, ib.name AS inspecting_bureau_name, v.title, v.opened_by, v.purpose, v.basis, v.custody_rule, v.status, v.version, v.updated_at,
  (SELECT max(b.version) FROM volume_bindings b WHERE b.volume_id = v.id) AS bound_version
  FROM volumes v JOIN targets t ON t.id = v.target_id LEFT JOIN tasks k ON k.id = v.task_id
  JOIN bureaus cb ON cb.id = v.custody_bureau_id JOIN bureaus ib ON ib.id = v.inspecting_bureau_id`;

export const summaryDto = (r: VolumeRow): VolumeSummaryDto => ({
  id: r.id, taskId: r.task_id, taskName: r.task_name, targetId: r.target_id, targetName: r.target_name, inspectionId: r.inspection_id,
  custodyBureauId: r.custody_bureau_id, custodyBureauName: r.custody_bureau_name, inspectingBureauId: r.inspecting_bureau_id, inspectingBureauName: r.inspecting_bureau_name,
  title: r.title, openedBy: r.opened_by, purpose: r.purpose, basis: r.basis, custodyRule: r.custody_rule, status: r.status, boundVersion: r.bound_version, version: r.version, updatedAt: r.updated_at,
});

export async function findVolume(tx: Database | Tx, id: number): Promise<VolumeRow> {
  const row = await tx.get<VolumeRow>(`${VOLUME_SELECT} WHERE v.id = ?`, [id]);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'volume', id });
  return row;
}

export async function listVolumes(db: Database, f: { bureauIds: number[]; status?: string; taskId?: number; q?: string; page: number; pageSize: number }) {
  const where = ['(v.custody_bureau_id IN (SELECT value FROM json_each(?)) OR v.inspecting_bureau_id IN (SELECT value FROM json_each(?)))'];
  const params: unknown[] = [JSON.stringify(f.bureauIds), JSON.stringify(f.bureauIds)];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (f.status) add('v.status = ?', f.status);
  if (f.taskId) add('v.task_id = ?', f.taskId);
  if (f.q) add(`(v.title LIKE ? ESCAPE '\\' OR t.name LIKE ? ESCAPE '\\' OR t.credit_code LIKE ? ESCAPE '\\')`, ...Array<string>(3).fill(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const sql = `${VOLUME_SELECT} WHERE ${where.join(' AND ')}`;
  const total = (await db.get<{ n: number }>(`SELECT count(*) AS n FROM (${sql})`, params))?.n ?? 0;
  const rows = await db.all<VolumeRow>(`${sql} ORDER BY v.id DESC LIMIT ? OFFSET ?`, [...params, f.pageSize, (f.page - 1) * f.pageSize]);
  return { items: rows.map(summaryDto), total, page: f.page, pageSize: f.pageSize };
}

const ENTRY_SELECT = `SELECT e.*, d.version AS document_version FROM volume_entries e LEFT JOIN documents d ON d.id = e.document_id`;

export async function findEntry(tx: Database | Tx, id: number): Promise<EntryRow> {
  const row = await tx.get<EntryRow>(`${ENTRY_SELECT} WHERE e.id = ?`, [id]);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'volume_entry', id });
  return row;
}

const MARK_SELECT = `SELECT m.*, mu.display_name AS marked_by_name, lu.display_name AS lifted_by_name FROM volume_redactions m
  JOIN volume_entries e ON e.id = m.entry_id LEFT JOIN users mu ON mu.id = m.marked_by LEFT JOIN users lu ON lu.id = m.lifted_by`;

export async function findMark(tx: Database | Tx, id: number): Promise<MarkRow> {
  const row = await tx.get<MarkRow>('SELECT * FROM volume_redactions WHERE id = ?', [id]);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'volume_redaction', id });
  return row;
}

/** The volume's entries in binding order, each with its page states and 不予公开 marks (live and lifted). */
export async function orderedEntries(tx: Database | Tx, volumeId: number): Promise<{ row: EntryRow; pages: PageRow[]; marks: MarkNamedRow[]; scanPageIds: number[] | null }[]> {
  const rows = await tx.all<EntryRow>(`${ENTRY_SELECT} WHERE e.volume_id = ?`, [volumeId]);
  const pages = await tx.all<PageRow>(`SELECT p.* FROM volume_pages p JOIN volume_entries e ON e.id = p.entry_id WHERE e.volume_id = ? ORDER BY p.entry_id, p.page_index`, [volumeId]);
  const marks = await tx.all<MarkNamedRow>(`${MARK_SELECT} WHERE e.volume_id = ? ORDER BY m.id`, [volumeId]);
  const ordered = orderEntries(rows.map((r) => ({ id: r.id, docType: r.doc_type, docDate: r.doc_date, position: r.position, row: r })));
  // A filed scan's PDF pages are its scan pages in document order (the region tool draws on their images).
  const scanPages = await tx.all<{ document_id: number; id: number }>(
    `SELECT p.document_id, p.id FROM scan_pages p JOIN volume_entries e ON e.scan_document_id = p.document_id WHERE e.volume_id = ? AND p.status <> 'separator' ORDER BY p.document_id, p.position, p.seq`,
    [volumeId],
  );
  const scanPageIdsOf = (documentId: number | null) => (documentId === null ? null : scanPages.filter((p) => p.document_id === documentId).map((p) => p.id));
  return ordered.map((o) => ({ row: o.row, pages: pages.filter((p) => p.entry_id === o.id && p.page_index < o.row.page_count), marks: marks.filter((m) => m.entry_id === o.id), scanPageIds: scanPageIdsOf(o.row.scan_document_id) }));
}

export const markDto = (m: MarkNamedRow): VolumeMarkDto => ({
  id: m.id, entryId: m.entry_id, pageIndex: m.page_index, region: m.region ? (JSON.parse(m.region) as Region) : null, field: m.field ?? null, reason: m.reason, note: m.note, markedBy: m.marked_by, markedByName: m.marked_by_name, markedAt: m.marked_at,
  liftedBy: m.lifted_by, liftedByName: m.lifted_by_name, liftedAt: m.lifted_at, liftReason: m.lift_reason, consentEntryId: m.consent_entry_id,
});

/** As audited: the whole row. */
export const markSnapshot = (m: MarkRow): object => {
  const { id: _id, region, field, ...rest } = m;
  // Added by migrations 0012 and 0017: left out while null, so marks audited before them still verify.
  return { ...rest, ...(region === null || region === undefined ? {} : { region }), ...(field === null || field === undefined ? {} : { field }) };
};

export async function loadMarkSnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<MarkRow>('SELECT * FROM volume_redactions')).map((m) => [String(m.id), markSnapshot(m)]));
}

export const entryDto = (r: EntryRow, pages: PageRow[], seq: number, marks: MarkNamedRow[] = [], scanPageIds: number[] | null = null): VolumeEntryDto => ({
  id: r.id, scanDocumentId: r.scan_document_id, scanPageIds, seq, source: r.source, documentId: r.document_id, documentVersion: r.document_version, docType: r.doc_type, mediaType: r.media_type, blobSha256: r.blob_sha256,
  docNo: r.doc_no, responsible: r.responsible, title: r.title, docDate: r.doc_date, remark: r.remark, pageCount: r.page_count,
  pages: pages.map((p) => ({ index: p.page_index, rotation: p.rotation, excluded: p.excluded === 1, reason: p.reason })), marks: marks.map(markDto), version: r.version,
});

/** As audited: the whole entry but its timestamps. */
export const entrySnapshot = (r: EntryRow): object => {
  const { created_at: _c, updated_at: _u, document_version: _v, scan_document_id: scan, ...rest } = r;
  // Added by migration 0012: left out while null, so entries audited before it still verify.
  return scan === null || scan === undefined ? rest : { ...rest, scan_document_id: scan };
};

export async function loadEntrySnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<EntryRow>(`${ENTRY_SELECT}`)).map((r) => [String(r.id), entrySnapshot(r)]));
}

/**
 * Generated documents join their volume here, when the volume is read or bound: one entry per kind,
 * pointing at the latest version (an older version stays in `documents`, no longer bound). Doing it on
 * read keeps the document service unaware of volumes' internals, and a volume opened before this
 * feature existed picks up its documents the first time it is looked at.
 */
/**
 * File the volume's generated documents as entries: the latest 告知书 and 登记表, and for each correction
 * order the 通知书 it points at (one entry per order). Called in the transaction that renders a document;
 * reading a volume catches up documents rendered before entries existed.
 */
export async function syncGenerated(tx: Tx, volumeId: number, actor: AuditActor, audit: AuditService, now: string): Promise<number> {
  const latest = await tx.all<{ id: number; kind: keyof typeof GENERATED_DOC_TYPES; correction_id: number | null; doc_no: string | null; responsible: string; title: string; doc_date: string; blob_sha256: string; page_count: number }>(
    `SELECT d.id, d.kind, NULL AS correction_id, d.doc_no, d.responsible, d.title, d.doc_date, d.blob_sha256, d.page_count FROM documents d
     WHERE d.volume_id = ? AND d.kind <> 'order' AND d.version = (SELECT max(x.version) FROM documents x WHERE x.inspection_id = d.inspection_id AND x.kind = d.kind)
     UNION ALL
     SELECT d.id, d.kind, c.id AS correction_id, d.doc_no, d.responsible, d.title, d.doc_date, d.blob_sha256, d.page_count FROM correction_orders c JOIN documents d ON d.id = c.document_id
     WHERE d.volume_id = ?
     ORDER BY 1`,
    [volumeId, volumeId],
  );
  let changed = 0;
  const find = (kind: string, correctionId: number | null) =>
    tx.get<EntryRow>(`${ENTRY_SELECT} WHERE e.volume_id = ? AND e.generated_kind = ? AND coalesce(e.correction_id, 0) = ?`, [volumeId, kind, correctionId ?? 0]);
  for (const d of latest) {
    const entry = await find(d.kind, d.correction_id);
    if (entry?.document_id === d.id) continue;
    if (changed === 0) await assertVolumeEditable(tx, volumeId); // a document re-rendered for an archived or in-review volume
    if (entry) {
      await tx.run(`UPDATE volume_entries SET document_id = ?, blob_sha256 = ?, doc_no = ?, responsible = ?, title = ?, doc_date = ?, page_count = ?, updated_at = ?, version = version + 1 WHERE id = ?`, [d.id, d.blob_sha256, d.doc_no, d.responsible, d.title, d.doc_date, d.page_count, now, entry.id]);
    } else {
      await tx.run(
        `INSERT INTO volume_entries (volume_id, source, generated_kind, document_id, correction_id, blob_sha256, media_type, doc_type, doc_no, responsible, title, doc_date, page_count, created_by, created_at, updated_at) VALUES (?, 'generated', ?, ?, ?, ?, 'application/pdf', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [volumeId, d.kind, d.id, d.correction_id, d.blob_sha256, GENERATED_DOC_TYPES[d.kind], d.doc_no, d.responsible, d.title, d.doc_date, d.page_count, actor.userId, now, now],
      );
    }
    const after = (await find(d.kind, d.correction_id)) as EntryRow;
    await audit.record(tx, { actor, action: 'volumes.syncGenerated', entity: 'volume_entry', entityId: after.id, after: entrySnapshot(after), detail: { documentId: d.id, replaced: entry?.document_id ?? null } });
    changed++;
  }
  return changed;
}

export async function loadBindingSnapshots(db: Database): Promise<Map<string, object>> {
  const rows = await db.all<{ id: number }>('SELECT * FROM volume_bindings');
  return new Map(rows.map(({ id, ...rest }) => [String(id), rest]));
}

export async function listBindings(tx: Database | Tx, volumeId: number): Promise<(VolumeBindingDto & { blobSha256: string })[]> {
  const rows = await tx.all<BindingRow>(
    `SELECT b.version, b.pages, b.content_pages, b.sha256, b.size, b.incomplete_reason, coalesce(json_extract(b.manifest, '$.pageNumbers'), 'top-right') AS page_numbers, b.bound_by, u.display_name AS bound_by_name, b.bound_at, b.blob_sha256
     FROM volume_bindings b LEFT JOIN users u ON u.id = b.bound_by WHERE b.volume_id = ? ORDER BY b.version DESC`,
    [volumeId],
  );
  return rows.map((r) => ({ version: r.version, pages: r.pages, contentPages: r.content_pages, sha256: r.sha256, size: r.size, incompleteReason: r.incomplete_reason, pageNumbers: r.page_numbers, boundBy: r.bound_by, boundByName: r.bound_by_name, boundAt: r.bound_at, blobSha256: r.blob_sha256 }));
}

export async function loadPublicCopySnapshots(db: Database): Promise<Map<string, object>> {
  const rows = await db.all<{ id: number }>('SELECT * FROM volume_public_copies');
  return new Map(rows.map(({ id, ...rest }) => [String(id), rest]));
}

export async function listPublicCopies(tx: Database | Tx, volumeId: number): Promise<(VolumePublicCopyDto & { blobSha256: string })[]> {
  const rows = await tx.all<{ version: number; based_on_version: number; pages: number; content_pages: number; withheld_pages: number; sha256: string; size: number; bound_by: number | null; bound_by_name: string | null; bound_at: string; blob_sha256: string }>(
    `SELECT c.version, c.based_on_version, c.pages, c.content_pages, c.withheld_pages, c.sha256, c.size, c.bound_by, u.display_name AS bound_by_name, c.bound_at, c.blob_sha256
     FROM volume_public_copies c LEFT JOIN users u ON u.id = c.bound_by WHERE c.volume_id = ? ORDER BY c.version DESC`,
    [volumeId],
  );
  return rows.map((r) => ({ version: r.version, basedOnVersion: r.based_on_version, pages: r.pages, contentPages: r.content_pages, withheldPages: r.withheld_pages, sha256: r.sha256, size: r.size, boundBy: r.bound_by, boundByName: r.bound_by_name, boundAt: r.bound_at, blobSha256: r.blob_sha256 }));
}

/** Ids of the volume's live marks, ascending: a public copy records them, and is current while they stay the same. */
export async function liveMarkIds(tx: Database | Tx, volumeId: number): Promise<number[]> {
  return (await tx.all<{ id: number }>('SELECT m.id FROM volume_redactions m JOIN volume_entries e ON e.id = m.entry_id WHERE e.volume_id = ? AND m.lifted_at IS NULL ORDER BY m.id', [volumeId])).map((r) => r.id);
}

/** The latest public copy is current when it follows the latest full version and the live marks are the ones it was made with. */
export async function publicCopyCurrent(tx: Database | Tx, volumeId: number): Promise<boolean> {
  const row = await tx.get<{ based_on_version: number; manifest: string; latest: number | null }>(
    `SELECT c.based_on_version, c.manifest, (SELECT max(b.version) FROM volume_bindings b WHERE b.volume_id = c.volume_id) AS latest
     FROM volume_public_copies c WHERE c.volume_id = ? ORDER BY c.version DESC LIMIT 1`,
    [volumeId],
  );
  if (!row || row.based_on_version !== row.latest) return false;
  const made = (JSON.parse(row.manifest) as { liveMarks?: number[] }).liveMarks ?? [];
  return JSON.stringify(made) === JSON.stringify(await liveMarkIds(tx, volumeId));
}
