import fs from 'node:fs/promises';
import path from 'node:path';
import type { ScanDocumentDto, ScanPageDto } from '../../../shared/contract';
import { normaliseForSearch, type ScanSource } from '../../../shared/domain/scans/scans';
import { VOLUME_DOC_TYPE_LABELS, type Region, type VolumeDocType } from '../../../shared/domain/volumes/volumes';
import { AppError } from '../../../shared/errors/app-error';
import { assertVolumeEditable } from '../archives/archive-repository';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { BlobStore } from '../blobs/blob-store';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock, Logger } from '../config';
import type { Database, Tx } from '../db/database';
import type { StagedFiles } from '../imports/staged-files';
import { beijingDate } from '../inspections/inspection-deadlines';
import type { JobService } from '../jobs/job-service';
import type { OcrPageResult } from '../ocr/ocr-types';
import { findVolume, type VolumeRow } from '../volumes/volume-repository';
import type { VolumeService } from '../volumes/volume-service';
import { buildScanPdf, layoutForText, type ScanPdfPage } from './scan-pdf';
import { documentPages, findBatch, findDocument, findPage, indexDocument, indexPage, latestLayout, latestTexts, type DocumentRow, type PageRow } from './scan-repository';
import { burnPages, burnRegions, withoutRegions } from './scan-redact';
import { createScanProcessing } from './scan-process';
import { createScanReads } from './scan-reads';
import { searchPages } from './scan-search';
import { separatorSheetPdf } from './separator';

/** What the scanning pipeline needs of the OCR engine (electron/core/ocr). */
export type OcrPort = { recognize(image: Buffer, options?: { dpi?: number; signal?: AbortSignal }): Promise<OcrPageResult> };

/** Passes when the caller may see the bureau; throws FORBIDDEN otherwise. */
export type CanSee = (bureauId: number) => boolean;

export type Deps = {
  db: Database;
  clock: Clock;
  audit: AuditService;
  blobs: BlobStore;
  jobs: JobService;
  staged: StagedFiles;
  bureaus: BureauService;
  volumes: VolumeService;
  logger: Logger;
  ocr: () => OcrPort;
  /** Pages recognised at once (the pool's worker count). */
  ocrConcurrency: () => number;
  fontBytes: () => Promise<Uint8Array>;
  exportsDir: string;
  inboxDir: string;
};

type IncomingFile = { name: string; bytes: Uint8Array };
type JobInput = { batchId: number; actor: AuditActor };


/**
 * Scanning (issue 6): incoming files → pages → orientation, deskew and OCR → text versions and the search
 * index → documents split at separator sheets → searchable PDFs filed into case volumes.
 */
export function createScanService(d: Deps) {
  const { db, clock, audit, blobs, jobs } = d;
  const now = () => clock.now().toISOString();

  // ---- access -------------------------------------------------------------------------------------------

  /** A batch is its bureau's; a document filed into a volume is also visible to the volume's bureaus. */
  async function assertPage(tx: Database | Tx, page: PageRow, canSee: CanSee): Promise<void> {
    const batch = await findBatch(tx, page.batch_id);
    if (canSee(batch.bureau_id)) return;
    if (page.document_id !== null) {
      const doc = await findDocument(tx, page.document_id);
      if (doc.volume_id !== null) {
        const v = await findVolume(tx, doc.volume_id);
        if (canSee(v.custody_bureau_id) || canSee(v.inspecting_bureau_id)) return;
      }
    }
    throw new AppError('FORBIDDEN', { bureauId: batch.bureau_id });
  }

  function assertBureau(bureauId: number, canSee: CanSee) {
    if (!canSee(bureauId)) throw new AppError('FORBIDDEN', { bureauId });
  }

  async function assertVolume(tx: Database | Tx, volumeId: number, canSee: CanSee): Promise<VolumeRow> {
    const v = await findVolume(tx, volumeId);
    if (!canSee(v.custody_bureau_id) && !canSee(v.inspecting_bureau_id)) throw new AppError('FORBIDDEN', { bureauId: v.custody_bureau_id });
    return v;
  }

  // ---- batches ------------------------------------------------------------------------------------------

  /**
   * Store every incoming file as it is (a file that turns out unreadable is kept and reported, never lost)
   * and start the processing job.
   */
  async function createBatch(
    actor: AuditActor,
    input: { bureauId: number; source: ScanSource; files: IncomingFile[]; volumeId?: number | null; docType?: VolumeDocType | null; label?: string | null; inboxDir?: string | null; beforeProcessing?: (batchId: number) => Promise<void> },
    canSee: CanSee,
  ): Promise<{ batchId: number; jobId: number }> {
    assertBureau(input.bureauId, canSee);
    if (input.volumeId) await assertVolume(db, input.volumeId, canSee);
    const batchId = await db.write(async (tx) => {
      const { lastId } = await tx.run(`INSERT INTO scan_batches (bureau_id, source, label, volume_id, doc_type, created_by, created_at, inbox_dir) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
        input.bureauId,
        input.source,
        input.label ?? null,
        input.volumeId ?? null,
        input.docType ?? null,
        actor.userId,
        now(),
        input.inboxDir ?? null,
      ]);
      for (const [i, file] of input.files.entries()) {
        const blob = await blobs.put(tx, file.bytes, 'application/octet-stream');
        await tx.run(`INSERT INTO scan_files (batch_id, seq, original_name, blob_sha256) VALUES (?, ?, ?, ?)`, [lastId, i + 1, file.name, blob.sha256]);
      }
      await audit.record(tx, { actor, action: 'scans.createBatch', entity: 'scan_batch', entityId: lastId, detail: { source: input.source, files: input.files.map((f) => f.name), volumeId: input.volumeId ?? null } });
      return lastId;
    });
    await input.beforeProcessing?.(batchId);
    const job = await jobs.start('scans.process', { batchId, actor } satisfies JobInput, actor.userId);
    await db.write((tx) => tx.run('UPDATE scan_batches SET job_id = ? WHERE id = ?', [job.id, batchId]));
    return { batchId, jobId: job.id };
  }

  async function createBatchFromStaged(actor: AuditActor, input: { bureauId: number; stagedIds: string[]; source: 'upload' | 'scanner' | 'camera'; volumeId?: number; docType?: VolumeDocType; label?: string }, canSee: CanSee) {
    const files: IncomingFile[] = [];
    for (const id of input.stagedIds) {
      const staged = await d.staged.get(id);
      files.push({ name: staged.name, bytes: new Uint8Array(await fs.readFile(staged.path)) });
    }
    return createBatch(actor, { ...input, files }, canSee);
  }

  const processing = createScanProcessing(d, (actor, documentId) => fileDocumentRow(actor, documentId));

  // ---- filing ---------------------------------------------------------------------------------------------

  /**
   * The document's searchable PDF from its pages' stored images and current texts. With `regions` (page
   * index → rectangles, fractions of the upright page) it is the public copy's version: each such page is
   * rebuilt from its source image with the rectangles' pixels replaced, and every OCR word touching a
   * rectangle left out of its text layer (a corrected line touching one is left out whole).
   */
  async function documentPdf(tx: Database | Tx, doc: DocumentRow, title: string, regions?: ReadonlyMap<number, readonly Region[]>): Promise<{ bytes: Uint8Array; pageCount: number }> {
    const pages = await documentPages(tx, doc.id);
    if (pages.length === 0) throw new AppError('SCAN_DOCUMENT_EMPTY', { id: doc.id });
    if (pages.some((p) => p.status === 'pending')) throw new AppError('SCAN_PAGE_NOT_READY', { id: doc.id });
    const texts = await latestTexts(tx, pages.map((p) => p.id));
    const rectsOf = (index: number) => regions?.get(index) ?? [];
    // Pages with rectangles are burned first, two at a time; the others pass their stored image through.
    const toBurn = pages.flatMap((page, index) => (rectsOf(index).length > 0 && page.media_type !== 'application/pdf' ? [{ page, index }] : []));
    const burned = await burnPages(toBurn, async ({ page, index }) => burnRegions(await blobs.read(page.image_sha256), page.rotation, rectsOf(index)));
    const burnedAt = new Map(toBurn.map((b, k) => [b.index, burned[k] as (typeof burned)[number]]));
    const out: ScanPdfPage[] = [];
    for (const [index, p] of pages.entries()) {
      const rects = rectsOf(index);
      if (p.media_type === 'application/pdf') {
        if (rects.length > 0) throw new AppError('VOLUME_REGION_NOT_SCAN', { documentId: doc.id, page: index + 1 });
        out.push({ kind: 'pdf', bytes: new Uint8Array(await blobs.read(p.image_sha256)), pageIndex: p.file_page - 1 });
        continue;
      }
      const text = texts.get(p.id);
      const ocrLayout = await latestLayout(tx, p.id);
      const upright = p.rotation === 90 || p.rotation === 270 ? { width: p.height ?? 0, height: p.width ?? 0 } : { width: p.width ?? 0, height: p.height ?? 0 };
      const layout = text === undefined ? null : text.source === 'correction' ? layoutForText(ocrLayout, text.text, upright) : ocrLayout;
      const redacted = burnedAt.get(index);
      if (!redacted) {
        out.push({ kind: 'image', bytes: new Uint8Array(await blobs.read(p.image_sha256)), mediaType: p.media_type, width: p.width ?? 0, height: p.height ?? 0, dpi: p.dpi ?? 300, rotation: p.rotation, layout });
        continue;
      }
      out.push({ kind: 'image', bytes: redacted.bytes, mediaType: 'image/jpeg', width: redacted.width, height: redacted.height, dpi: p.dpi ?? 300, rotation: 0, layout: layout && withoutRegions(layout, rects, text?.source === 'correction') });
    }
    const pdf = await buildScanPdf(out, { fontBytes: await d.fontBytes(), title, creationDate: clock.now(), keywords: ['扫描件'] });
    if (pdf.droppedChars > 0) d.logger.warn('characters missing from the text-layer font', { documentId: doc.id, count: pdf.droppedChars });
    return { bytes: pdf.bytes, pageCount: pages.length };
  }

  async function fileDocumentRow(actor: AuditActor, documentId: number): Promise<void> {
    const doc = await findDocument(db, documentId);
    if (doc.status !== 'inbox') throw new AppError('SCAN_DOCUMENT_FILED', { id: documentId });
    if (doc.volume_id === null) throw new AppError('SCAN_DOCUMENT_NO_VOLUME', { id: documentId });
    const title = doc.title ?? VOLUME_DOC_TYPE_LABELS[doc.doc_type];
    const pdf = await documentPdf(db, doc, title);
    await db.write(async (tx) => {
      const fresh = await findDocument(tx, documentId);
      if (fresh.version !== doc.version || fresh.status !== 'inbox') throw new AppError('CONFLICT', { entity: 'scan_document', id: documentId, version: fresh.version });
      const entryId = await d.volumes.addEntry(tx, actor, {
        volumeId: doc.volume_id as number,
        bytes: pdf.bytes,
        mediaType: 'application/pdf',
        pageCount: pdf.pageCount,
        originalName: `扫描件-${documentId}.pdf`,
        scanDocumentId: documentId,
        action: 'scans.fileDocument',
        docType: doc.doc_type,
        docNo: null,
        responsible: null,
        title: doc.title,
        // The 目录 needs a date: the day the paper was scanned (Beijing time) until the clerk enters the document's own.
        docDate: beijingDate(clock.now()),
        remark: null,
      });
      await tx.run(`UPDATE scan_documents SET status = 'filed', entry_id = ?, version = version + 1, updated_at = ? WHERE id = ?`, [entryId, now(), documentId]);
      await indexDocument(tx, documentId);
      await audit.record(tx, { actor, action: 'scans.fileDocument', entity: 'scan_document', entityId: documentId, detail: { volumeId: doc.volume_id, entryId, pages: pdf.pageCount } });
    });
  }

  /**
   * After a correction of a filed page the entry's PDF is rebuilt, so the next binding carries the corrected
   * text. A volume in review or archived is read-only: the correction then serves search only (the bound
   * and archived PDF stays as it was reviewed).
   */
  async function refreshFiledPdf(actor: AuditActor, documentId: number): Promise<void> {
    const doc = await findDocument(db, documentId);
    if (doc.status !== 'filed' || doc.entry_id === null || doc.volume_id === null) return;
    if (!(await volumeEditable(db, doc.volume_id))) return;
    const entry = await db.get<{ title: string | null; doc_type: VolumeDocType; version: number }>('SELECT title, doc_type, version FROM volume_entries WHERE id = ?', [doc.entry_id]);
    if (!entry) return;
    const pdf = await documentPdf(db, doc, entry.title ?? VOLUME_DOC_TYPE_LABELS[entry.doc_type]);
    await db.write(async (tx) => {
      await assertVolumeEditable(tx, doc.volume_id as number);
      const blob = await blobs.put(tx, pdf.bytes, 'application/pdf');
      await tx.run('UPDATE volume_entries SET blob_sha256 = ?, page_count = ?, version = version + 1, updated_at = ? WHERE id = ?', [blob.sha256, pdf.pageCount, now(), doc.entry_id]);
      await audit.record(tx, { actor, action: 'scans.refreshFiledPdf', entity: 'scan_document', entityId: documentId, detail: { entryId: doc.entry_id, sha256: blob.sha256 } });
    });
  }

  // ---- reads (scan-reads.ts) -------------------------------------------------------------------------------

  const reads = createScanReads({ db, blobs, assertBureau, assertPage });
  const { documentDto, getPage } = reads;

  // ---- edits ----------------------------------------------------------------------------------------------

  async function correctText(actor: AuditActor, input: { pageId: number; baseVersion: number; text: string }, canSee: CanSee): Promise<ScanPageDto> {
    const page = await findPage(db, input.pageId);
    await assertPage(db, page, canSee);
    if (page.status !== 'done' && page.status !== 'failed') throw new AppError('SCAN_PAGE_NOT_READY', { id: page.id });
    const text = normaliseForSearch(input.text.replace(/\r\n?/g, '\n'));
    await db.write(async (tx) => {
      const { v } = (await tx.get<{ v: number }>('SELECT coalesce(max(version), 0) AS v FROM page_texts WHERE page_id = ?', [page.id])) as { v: number };
      if (v !== input.baseVersion) throw new AppError('CONFLICT', { entity: 'page_text', id: page.id, version: v });
      await tx.run(`INSERT INTO page_texts (page_id, version, source, text, created_by, created_at) VALUES (?, ?, 'correction', ?, ?, ?)`, [page.id, v + 1, text, actor.userId, now()]);
      await tx.run('UPDATE scan_pages SET flagged = 0 WHERE id = ?', [page.id]);
      await indexPage(tx, page.id);
      await audit.record(tx, { actor, action: 'scans.correctText', entity: 'scan_page', entityId: page.id, detail: { version: v + 1, chars: [...text].length } });
    });
    if (page.document_id !== null) await refreshFiledPdf(actor, page.document_id);
    return getPage(page.id, canSee);
  }

  /** A page OSD turned wrongly: set its rotation and queue it for recognition again (a new text version). */
  async function rotatePage(actor: AuditActor, input: { pageId: number; rotation: 0 | 90 | 180 | 270 }, canSee: CanSee): Promise<{ jobId: number }> {
    const page = await findPage(db, input.pageId);
    await assertPage(db, page, canSee);
    if (page.media_type === 'application/pdf') throw new AppError('INVALID_INPUT', { reason: 'PDF 页面不能旋转重识别' });
    if (page.document_id !== null && (await findDocument(db, page.document_id)).status === 'filed') throw new AppError('SCAN_DOCUMENT_FILED', { id: page.document_id });
    if (page.status === 'pending') throw new AppError('SCAN_PAGE_NOT_READY', { id: page.id });
    await db.write(async (tx) => {
      await tx.run(`UPDATE scan_pages SET rotation = ?, status = 'pending', flagged = 0 WHERE id = ?`, [input.rotation, page.id]);
      await audit.record(tx, { actor, action: 'scans.rotatePage', entity: 'scan_page', entityId: page.id, detail: { from: page.rotation, to: input.rotation } });
    });
    const job = await jobs.start('scans.process', { batchId: page.batch_id, actor } satisfies JobInput, actor.userId);
    return { jobId: job.id };
  }

  async function editableDocument(tx: Database | Tx, id: number, version: number | null, canSee: CanSee): Promise<DocumentRow> {
    const doc = await findDocument(tx, id);
    assertBureau(doc.bureau_id, canSee);
    if (doc.status !== 'inbox') throw new AppError('SCAN_DOCUMENT_FILED', { id });
    if (version !== null && doc.version !== version) throw new AppError('CONFLICT', { entity: 'scan_document', id, version: doc.version });
    return doc;
  }

  async function updateDocument(actor: AuditActor, input: { id: number; version: number; volumeId: number | null; docType: VolumeDocType; title: string | null }, canSee: CanSee): Promise<ScanDocumentDto> {
    if (input.volumeId !== null) await assertVolume(db, input.volumeId, canSee);
    return db.write(async (tx) => {
      await editableDocument(tx, input.id, input.version, canSee);
      const title = input.title && input.title.trim() !== '' ? input.title.trim() : null;
      await tx.run('UPDATE scan_documents SET volume_id = ?, doc_type = ?, title = ?, version = version + 1, updated_at = ? WHERE id = ?', [input.volumeId, input.docType, title, now(), input.id]);
      await indexDocument(tx, input.id);
      await audit.record(tx, { actor, action: 'scans.updateDocument', entity: 'scan_document', entityId: input.id, detail: { volumeId: input.volumeId, docType: input.docType, title } });
      return documentDto(tx, await findDocument(tx, input.id));
    });
  }

  async function splitDocument(actor: AuditActor, input: { id: number; version: number; atPageId: number }, canSee: CanSee): Promise<ScanDocumentDto[]> {
    return db.write(async (tx) => {
      const doc = await editableDocument(tx, input.id, input.version, canSee);
      const pages = await documentPages(tx, doc.id);
      const at = pages.findIndex((p) => p.id === input.atPageId);
      if (at <= 0) throw new AppError('INVALID_INPUT', { reason: '拆分位置应为第 2 页及以后的某一页' });
      const stamp = now();
      const { lastId } = await tx.run(`INSERT INTO scan_documents (batch_id, bureau_id, volume_id, doc_type, title, status, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, 'inbox', ?, ?)`, [
        doc.batch_id,
        doc.bureau_id,
        doc.volume_id,
        doc.doc_type,
        stamp,
        stamp,
      ]);
      for (const [i, p] of pages.slice(at).entries()) await tx.run('UPDATE scan_pages SET document_id = ?, position = ? WHERE id = ?', [lastId, i + 1, p.id]);
      await tx.run('UPDATE scan_documents SET version = version + 1, updated_at = ? WHERE id = ?', [stamp, doc.id]);
      await indexDocument(tx, lastId);
      await audit.record(tx, { actor, action: 'scans.splitDocument', entity: 'scan_document', entityId: doc.id, detail: { newDocumentId: lastId, atPageId: input.atPageId } });
      return [await documentDto(tx, await findDocument(tx, doc.id)), await documentDto(tx, await findDocument(tx, lastId))];
    });
  }

  async function mergeDocuments(actor: AuditActor, input: { ids: number[] }, canSee: CanSee): Promise<ScanDocumentDto> {
    if (new Set(input.ids).size !== input.ids.length) throw new AppError('INVALID_INPUT', { reason: '合并的文件有重复' });
    return db.write(async (tx) => {
      const docs = [];
      for (const id of input.ids) docs.push(await editableDocument(tx, id, null, canSee));
      const first = docs[0] as DocumentRow;
      let position = 0;
      for (const doc of docs) {
        for (const p of await documentPages(tx, doc.id)) await tx.run('UPDATE scan_pages SET document_id = ?, position = ? WHERE id = ?', [first.id, ++position, p.id]);
        if (doc.id !== first.id) await tx.run(`UPDATE scan_documents SET status = 'discarded', version = version + 1, updated_at = ? WHERE id = ?`, [now(), doc.id]);
      }
      await tx.run('UPDATE scan_documents SET version = version + 1, updated_at = ? WHERE id = ?', [now(), first.id]);
      await indexDocument(tx, first.id);
      await audit.record(tx, { actor, action: 'scans.mergeDocuments', entity: 'scan_document', entityId: first.id, detail: { merged: input.ids } });
      return documentDto(tx, await findDocument(tx, first.id));
    });
  }

  async function fileDocument(actor: AuditActor, input: { id: number; version: number }, canSee: CanSee): Promise<ScanDocumentDto> {
    const doc = await editableDocument(db, input.id, input.version, canSee);
    if (doc.volume_id !== null) await assertVolume(db, doc.volume_id, canSee);
    await fileDocumentRow(actor, doc.id);
    return documentDto(db, await findDocument(db, doc.id));
  }

  // ---- separator sheets -----------------------------------------------------------------------------------

  async function separatorSheet(actor: AuditActor, input: { volumeId: number; docType: VolumeDocType; title: string | null }, canSee: CanSee): Promise<{ fileName: string }> {
    const v = await assertVolume(db, input.volumeId, canSee);
    const bytes = await separatorSheetPdf({ volumeId: v.id, docType: input.docType, title: input.title, volumeTitle: v.title, targetName: v.target_name }, { fontBytes: await d.fontBytes(), creationDate: clock.now() });
    const fileName = `条码分隔页-专卷${v.id}-${VOLUME_DOC_TYPE_LABELS[input.docType].replace(/[\\/:*?"<>|\s]/g, '')}.pdf`;
    await fs.mkdir(d.exportsDir, { recursive: true });
    await fs.writeFile(path.join(d.exportsDir, fileName), bytes);
    await db.write((tx) => audit.record(tx, { actor, action: 'scans.separatorSheet', entity: 'volume', entityId: v.id, detail: { docType: input.docType, title: input.title, fileName } }));
    return { fileName };
  }

  return {
    createBatch,
    createBatchFromStaged,
    run: processing.run,
    listBatches: reads.listBatches,
    getBatch: reads.getBatch,
    inbox: reads.inbox,
    getPage,
    pageImage: reads.pageImage,
    correctText,
    rotatePage,
    updateDocument,
    splitDocument,
    mergeDocuments,
    fileDocument,
    search: (input: Parameters<typeof searchPages>[1]) => searchPages(db, input),
    separatorSheet,
    documentPdf: async (documentId: number) => documentPdf(db, await findDocument(db, documentId), `扫描件 ${documentId}`),
    /** The filed document's PDF for the public copy: rectangles burned into the images, their words gone. */
    redactedDocumentPdf: async (documentId: number, title: string, regions: ReadonlyMap<number, readonly Region[]>) => (await documentPdf(db, await findDocument(db, documentId), title, regions)).bytes,
  };
}

export type ScanService = ReturnType<typeof createScanService>;
export { burnRegions, withoutRegions };

async function volumeEditable(tx: Database | Tx, volumeId: number): Promise<boolean> {
  try {
    await assertVolumeEditable(tx, volumeId);
    return true;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'VOLUME_ARCHIVED' || error.code === 'VOLUME_IN_REVIEW')) return false;
    throw error;
  }
}
