import fs from 'node:fs/promises';
import path from 'node:path';
import type { InspectionDto, PageNumberPosition, VolumeDto, VolumeEntryDto } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/roles';
import { defaultRetention, isComplete, volumeChecklist, type ChecklistItem, type PageRotation, type VolumeDocType, type VolumeMediaType } from '../../../shared/domain/volumes/volumes';
import { AppError } from '../../../shared/errors/app-error';
import { SYSTEM_ACTOR, type AuditActor, type AuditService } from '../audit/audit-service';
import type { BlobStore } from '../blobs/blob-store';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import { volumeSnapshot } from '../draws/draw-repository';
import type { StagedFiles } from '../imports/staged-files';
import { findSigning, signingSnapshot } from '../inspections/inspection-repository';
import type { InspectionService } from '../inspections/inspection-service';
import type { JobService } from '../jobs/job-service';
import { assertVolumeEditable, findArchive } from '../archives/archive-repository';
import { inspectVolumeFile } from './volume-files';
import { openVolumeByHand, type OpenVolumeInput } from './volume-open';
import { createVolumeTitleSettings } from './volume-title';
import { entryDto, entrySnapshot, findEntry, findVolume, listBindings, listPublicCopies, listVolumes, orderedEntries, publicCopyCurrent, summaryDto, syncGenerated, type VolumeRow } from './volume-repository';

type Deps = { db: Database; clock: Clock; audit: AuditService; blobs: BlobStore; jobs: JobService; staged: StagedFiles; inspections: InspectionService; exportsDir: string };

/** Passes when the caller may see one of the bureaus (a volume: its custody or its inspecting bureau). */
export type AssertAnyBureau = (bureauIds: readonly number[]) => void;

type Metadata = { docType: VolumeDocType; docNo: string | null; responsible: string | null; title: string | null; docDate: string | null; remark: string | null };

const blank = (v: string | null) => (v === null || v.trim() === '' ? null : v.trim());

/** 随机抽查专卷: documents in order, page states, the completeness checklist, binding as a job, versions. */
export function createVolumeService({ db, clock, audit, blobs, jobs, staged, inspections, exportsDir }: Deps) {
  const now = () => clock.now().toISOString();
  /** The volume's access was checked; the inspection is read on its behalf (custody bureaus see it too). */
  const inspectionOf = (row: VolumeRow) => (row.inspection_id === null ? Promise.resolve(null) : inspections.get(row.inspection_id, () => undefined));

  async function load(tx: Database | Tx, id: number, access: AssertAnyBureau): Promise<VolumeRow> {
    const row = await findVolume(tx, id);
    access([row.custody_bureau_id, row.inspecting_bureau_id]);
    return row;
  }

  /** As load, for a change: an archived or in-review volume is read-only (VOLUME_ARCHIVED / VOLUME_IN_REVIEW). */
  async function editable(tx: Database | Tx, id: number, access: AssertAnyBureau): Promise<VolumeRow> {
    const row = await load(tx, id, access);
    await assertVolumeEditable(tx, id);
    return row;
  }

  async function sync(id: number, actor: AuditActor) {
    await db.write((tx) => syncGenerated(tx, id, actor, audit, now()));
  }

  async function checklistOf(row: VolumeRow, inspection: InspectionDto | null): Promise<ChecklistItem[]> {
    const entries = await orderedEntries(db, row.id);
    const docTypes = new Set(entries.filter((e) => e.pages.filter((p) => p.excluded === 1).length < e.row.page_count).map((e) => e.row.doc_type));
    return volumeChecklist({
      methods: inspection?.methods ?? [],
      docTypes,
      signing: inspection?.signing ? { status: inspection.signing.status, witnessName: inspection.signing.witnessName } : null,
      reviewed: inspection !== null && (inspection.status === 'reviewed' || inspection.status === 'published'),
      published: inspection?.publication != null,
      corrections: (inspection?.corrections ?? []).map((c) => ({ status: c.status, recheckOn: c.recheckOn })),
      byHand: row.purpose !== null,
    });
  }

  async function get(id: number, access: AssertAnyBureau): Promise<VolumeDto> {
    const before = await load(db, id, access);
    // Documents are filed when rendered; this only catches up ones rendered before volumes had entries,
    // in the system's name (the reader did not file them). Not while in review or archived (read-only).
    if (before.status === 'open' || before.status === 'bound') await sync(id, SYSTEM_ACTOR);
    const row = await findVolume(db, id);
    const inspection = await inspectionOf(row);
    const checklist = await checklistOf(row, inspection);
    const entries = (await orderedEntries(db, id)).map((e, i) => entryDto(e.row, e.pages, i + 1, e.marks, e.scanPageIds));
    const bindings = (await listBindings(db, id)).map(({ blobSha256: _b, ...b }) => b);
    const publicCopies = (await listPublicCopies(db, id)).map(({ blobSha256: _b, ...c }) => c);
    const archived = await findArchive(db, id);
    return {
      ...summaryDto(row),
      entries,
      checklist,
      complete: isComplete(checklist),
      retention: archived?.retention ?? defaultRetention(inspection?.result?.categories ?? [], (inspection?.corrections.length ?? 0) > 0),
      archiveNo: archived?.archiveNo ?? null,
      bindings,
      publicCopies,
      publicCurrent: await publicCopyCurrent(db, id),
    };
  }

  async function touchVolume(tx: Tx, actor: AuditActor, id: number, action: string, detail: object = {}) {
    await tx.run('UPDATE volumes SET version = version + 1, updated_at = ? WHERE id = ?', [now(), id]);
    const raw = await tx.get<Parameters<typeof volumeSnapshot>[0]>('SELECT * FROM volumes WHERE id = ?', [id]);
    await audit.record(tx, { actor, action, entity: 'volume', entityId: id, after: volumeSnapshot(raw as Parameters<typeof volumeSnapshot>[0]), detail });
  }

  /** A volume opened by hand (投诉举报 / 转办交办); the caller checked that the inspecting bureau is theirs. */
  async function open(actor: AuditActor, input: OpenVolumeInput, access: AssertAnyBureau): Promise<VolumeDto> {
    const id = await db.write((tx) => openVolumeByHand(tx, audit, actor, input, now()));
    return get(id, access);
  }

  async function update(actor: AuditActor, input: { id: number; version: number; title: string }, access: AssertAnyBureau): Promise<VolumeDto> {
    await db.write(async (tx) => {
      const row = await editable(tx, input.id, access);
      if (row.version !== input.version) throw new AppError('CONFLICT', { entity: 'volume', id: input.id, version: row.version });
      await tx.run('UPDATE volumes SET title = ? WHERE id = ?', [input.title, input.id]);
      await touchVolume(tx, actor, input.id, 'volumes.update', { title: input.title });
    });
    return get(input.id, access);
  }

  async function entryOut(tx: Database | Tx, entryId: number): Promise<VolumeEntryDto> {
    const entry = await findEntry(tx, entryId);
    const all = await orderedEntries(tx, entry.volume_id);
    const index = all.findIndex((e) => e.row.id === entryId);
    return entryDto(entry, all[index]?.pages ?? [], index + 1, all[index]?.marks ?? [], all[index]?.scanPageIds ?? null);
  }

  /** Inspect the staged file first: a corrupt or encrypted file is refused before anything is stored. */
  async function importDocument(actor: AuditActor, input: Metadata & { volumeId: number; stagedId: string }, access: AssertAnyBureau): Promise<VolumeEntryDto> {
    await editable(db, input.volumeId, access);
    const file = await staged.get(input.stagedId);
    const bytes = new Uint8Array(await fs.readFile(file.path));
    const inspected = await inspectVolumeFile(bytes);
    return db.write(async (tx) => {
      await load(tx, input.volumeId, access);
      const entryId = await addEntry(tx, actor, { ...input, bytes, mediaType: inspected.mediaType, pageCount: inspected.pageCount, originalName: file.name, scanDocumentId: null, action: 'volumes.importDocument' });
      return entryOut(tx, entryId);
    });
  }

  /**
   * Store a document's file and file it as an entry (imported here, or a scanned document filed from the
   * scanning inbox, which passes its searchable PDF and its scan_documents id). The caller checked access.
   */
  async function addEntry(tx: Tx, actor: AuditActor, input: Metadata & { volumeId: number; bytes: Uint8Array; mediaType: VolumeMediaType; pageCount: number; originalName: string | null; scanDocumentId: number | null; action: string }): Promise<number> {
    await assertVolumeEditable(tx, input.volumeId);
    const blob = await blobs.put(tx, input.bytes, input.mediaType);
    const at = now();
    const { lastId } = await tx.run(
      `INSERT INTO volume_entries (volume_id, source, blob_sha256, media_type, doc_type, doc_no, responsible, title, doc_date, remark, page_count, original_name, scan_document_id, created_by, created_at, updated_at)
       VALUES (?, 'imported', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [input.volumeId, blob.sha256, input.mediaType, input.docType, blank(input.docNo), blank(input.responsible), blank(input.title), input.docDate, blank(input.remark), input.pageCount, input.originalName, input.scanDocumentId, actor.userId, at, at],
    );
    // After a reorder every entry has a position: the new one goes last rather than jumping into the stored order.
    await tx.run(`UPDATE volume_entries SET position = (SELECT max(position) + 1 FROM volume_entries WHERE volume_id = ?) WHERE id = ? AND EXISTS (SELECT 1 FROM volume_entries WHERE volume_id = ? AND position IS NOT NULL)`, [input.volumeId, lastId, input.volumeId]);
    await audit.record(tx, { actor, action: input.action, entity: 'volume_entry', entityId: lastId, after: entrySnapshot(await findEntry(tx, lastId)), detail: { fileName: input.originalName, size: blob.size, scanDocumentId: input.scanDocumentId } });
    if (input.docType === 'register') await linkSignedForm(tx, actor, input.volumeId, lastId);
    return lastId;
  }

  /** The signed 登记表 back from the scanner is linked to the inspection's signing record (Art. 14(3)). */
  async function linkSignedForm(tx: Tx, actor: AuditActor, volumeId: number, entryId: number): Promise<void> {
    const { inspection_id: inspectionId } = await findVolume(tx, volumeId);
    if (inspectionId === null || !(await findSigning(tx, inspectionId))) return;
    await tx.run('UPDATE inspection_signings SET scan_document_id = ? WHERE inspection_id = ?', [entryId, inspectionId]);
    const signing = (await findSigning(tx, inspectionId)) as NonNullable<Awaited<ReturnType<typeof findSigning>>>;
    await audit.record(tx, { actor, action: 'volumes.linkSignedForm', entity: 'inspection_signing', entityId: inspectionId, after: signingSnapshot(signing), detail: { entryId } });
  }

  async function updateDocument(actor: AuditActor, input: Metadata & { id: number; version: number }, access: AssertAnyBureau): Promise<VolumeEntryDto> {
    return db.write(async (tx) => {
      const entry = await findEntry(tx, input.id);
      await editable(tx, entry.volume_id, access);
      if (entry.version !== input.version) throw new AppError('CONFLICT', { entity: 'volume_entry', id: input.id, version: entry.version });
      const next = { doc_no: blank(input.docNo), responsible: blank(input.responsible), title: blank(input.title), doc_date: input.docDate };
      // A generated document's 文号, 责任者, 题名 and 日期 are the document's own: they follow its versions.
      if (entry.source === 'generated' && (Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== entry[k])) throw new AppError('VOLUME_ENTRY_READ_ONLY');
      await tx.run('UPDATE volume_entries SET doc_type = ?, doc_no = ?, responsible = ?, title = ?, doc_date = ?, remark = ?, updated_at = ?, version = version + 1 WHERE id = ?', [input.docType, next.doc_no, next.responsible, next.title, next.doc_date, blank(input.remark), now(), input.id]);
      await audit.record(tx, { actor, action: 'volumes.updateDocument', entity: 'volume_entry', entityId: input.id, after: entrySnapshot(await findEntry(tx, input.id)) });
      return entryOut(tx, input.id);
    });
  }

  async function reorder(actor: AuditActor, input: { volumeId: number; entryIds: number[] }, access: AssertAnyBureau): Promise<VolumeDto> {
    await editable(db, input.volumeId, access);
    await sync(input.volumeId, actor);
    await db.write(async (tx) => {
      await assertVolumeEditable(tx, input.volumeId);
      const ids = (await tx.all<{ id: number }>('SELECT id FROM volume_entries WHERE volume_id = ?', [input.volumeId])).map((r) => r.id);
      const given = new Set(input.entryIds);
      if (given.size !== input.entryIds.length || given.size !== ids.length || ids.some((id) => !given.has(id))) throw new AppError('VOLUME_ORDER_MISMATCH', { expected: ids.length, given: input.entryIds.length });
      for (const [i, id] of input.entryIds.entries()) {
        const changed = await tx.run('UPDATE volume_entries SET position = ?, updated_at = ?, version = version + 1 WHERE id = ? AND position IS NOT ?', [i + 1, now(), id, i + 1]);
        if (changed.changes > 0) await audit.record(tx, { actor, action: 'volumes.reorder', entity: 'volume_entry', entityId: id, after: entrySnapshot(await findEntry(tx, id)) });
      }
    });
    return get(input.volumeId, access);
  }

  async function setPageState(actor: AuditActor, input: { entryId: number; pageIndex: number; rotation: PageRotation; excluded: boolean; reason: string | null }, access: AssertAnyBureau): Promise<VolumeEntryDto> {
    return db.write(async (tx) => {
      const entry = await findEntry(tx, input.entryId);
      await editable(tx, entry.volume_id, access);
      if (input.pageIndex >= entry.page_count) throw new AppError('INVALID_INPUT', { issues: [{ path: ['pageIndex'], message: `该文件只有 ${entry.page_count} 页` }] });
      await tx.run(
        `INSERT INTO volume_pages (entry_id, page_index, rotation, excluded, reason, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (entry_id, page_index) DO UPDATE SET rotation = excluded.rotation, excluded = excluded.excluded, reason = excluded.reason, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
        [input.entryId, input.pageIndex, input.rotation, input.excluded ? 1 : 0, blank(input.reason), actor.userId, now()],
      );
      await tx.run('UPDATE volume_entries SET version = version + 1, updated_at = ? WHERE id = ?', [now(), input.entryId]);
      await audit.record(tx, { actor, action: 'volumes.setPageState', entity: 'volume_entry', entityId: input.entryId, after: entrySnapshot(await findEntry(tx, input.entryId)), detail: { pageIndex: input.pageIndex, rotation: input.rotation, excluded: input.excluded, reason: input.reason } });
      return entryOut(tx, input.entryId);
    });
  }

  async function check(id: number, access: AssertAnyBureau) {
    const volume = await get(id, access);
    return { complete: volume.complete, checklist: volume.checklist };
  }

  /**
   * Start a binding job. An incomplete volume is bound only by the legal role with a reason (printed in
   * the 备考表 and kept on the version row); the job re-reads everything, so what is bound is what is there
   * when it runs.
   */
  async function bind(actor: AuditActor, roles: readonly Role[], input: { id: number; incompleteReason?: string; pageNumbers?: PageNumberPosition }, access: AssertAnyBureau): Promise<{ jobId: number }> {
    await editable(db, input.id, access);
    const volume = await get(input.id, access);
    const missing = volume.checklist.filter((i) => i.status === 'missing').map((i) => i.label);
    if (missing.length > 0 && (!roles.includes('legal') || !input.incompleteReason)) throw new AppError('VOLUME_INCOMPLETE', { missing, legalRoleRequired: true, reasonRequired: !input.incompleteReason });
    if (!volume.entries.some((e) => e.pages.filter((p) => p.excluded).length < e.pageCount)) throw new AppError('VOLUME_EMPTY');
    const job = await jobs.start('volumes.bind', { volumeId: input.id, incompleteReason: missing.length > 0 ? input.incompleteReason : null, missing, pageNumbers: input.pageNumbers ?? 'top-right', actor }, actor.userId);
    return { jobId: job.id };
  }

  /** Start a public-copy job (公开版) from the latest full version's structure and the marks as they are now. */
  async function bindPublic(actor: AuditActor, input: { id: number }, access: AssertAnyBureau): Promise<{ jobId: number }> {
    await editable(db, input.id, access);
    if ((await listBindings(db, input.id)).length === 0) throw new AppError('VOLUME_NOT_BOUND', { id: input.id, version: null });
    const job = await jobs.start('volumes.bindPublic', { volumeId: input.id, incompleteReason: null, missing: [], actor }, actor.userId);
    return { jobId: job.id };
  }

  async function versions(id: number, access: AssertAnyBureau) {
    await load(db, id, access);
    return (await listBindings(db, id)).map(({ blobSha256: _b, ...b }) => b);
  }

  /**
   * Write a bound version or public copy (default the latest) to exports/ or `outFile` (CLI); the blob is
   * checked against its hash on read.
   */
  async function exportFile(input: { id: number; version?: number; public?: boolean }, access: AssertAnyBureau, outFile?: string) {
    const row = await load(db, input.id, access);
    const all = input.public ? await listPublicCopies(db, input.id) : await listBindings(db, input.id);
    const binding = input.version === undefined ? all[0] : all.find((b) => b.version === input.version);
    if (!binding) throw new AppError('VOLUME_NOT_BOUND', { id: input.id, version: input.version ?? null, public: input.public ?? false });
    const bytes = await blobs.read(binding.blobSha256);
    const suffix = input.public ? `公开版${binding.version}` : `v${binding.version}`;
    const fileName = outFile ? path.basename(outFile) : `${row.title.replace(/[\\/:*?"<>|]/g, '_')}-卷${row.id}-${suffix}.pdf`;
    const file = outFile ? path.resolve(outFile) : path.join(exportsDir, fileName);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, bytes);
    return { fileName, file, version: binding.version, sha256: binding.sha256 };
  }

  /**
   * One document's stored file (PDF or image) into exports/, for the workspace's page thumbnails and viewer.
   * Named by entry and content hash, so showing it again rewrites the same file rather than adding one.
   */
  async function exportEntry(input: { entryId: number }, access: AssertAnyBureau) {
    const entry = await findEntry(db, input.entryId);
    await load(db, entry.volume_id, access);
    const extension = entry.media_type === 'application/pdf' ? 'pdf' : entry.media_type === 'image/png' ? 'png' : 'jpg';
    const fileName = `卷${entry.volume_id}-文件${entry.id}-${entry.blob_sha256.slice(0, 12)}.${extension}`;
    await fs.mkdir(exportsDir, { recursive: true });
    await fs.writeFile(path.join(exportsDir, fileName), await blobs.read(entry.blob_sha256));
    return { fileName, mediaType: entry.media_type, pageCount: entry.page_count };
  }

  return { list: listVolumes.bind(null, db), get, open, exportEntry, titles: createVolumeTitleSettings({ db, audit, clock }), update, importDocument, addEntry, updateDocument, reorder, setPageState, check, bind, bindPublic, versions, exportFile, inspectionOf, checklistOf };
}

export type VolumeService = ReturnType<typeof createVolumeService>;
