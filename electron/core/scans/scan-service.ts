import fs from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { ScanBatchDto, ScanBatchSummaryDto, ScanDocumentDto, ScanFileDto, ScanPageDto, ScanPageSummaryDto, ScanSearchHitDto } from '../../../shared/contract';
import { normaliseForSearch, REVIEW_CONFIDENCE, type ScanSource, type SeparatorPayload } from '../../../shared/domain/scans/scans';
import { VOLUME_DOC_TYPE_LABELS, type Region, type VolumeDocType } from '../../../shared/domain/volumes/volumes';
import { AppError } from '../../../shared/errors/app-error';
import { isErrorCode } from '../../../shared/errors/codes';
import { messageZh } from '../../../shared/errors/messages-zh';
import { assertVolumeEditable } from '../archives/archive-repository';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { BlobStore } from '../blobs/blob-store';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock, Logger } from '../config';
import type { Database, Tx } from '../db/database';
import type { StagedFiles } from '../imports/staged-files';
import type { JobRunContext, JobService } from '../jobs/job-service';
import type { OcrPageResult } from '../ocr/ocr-types';
import { findVolume, type VolumeRow } from '../volumes/volume-repository';
import type { VolumeService } from '../volumes/volume-service';
import { splitScanFile, type SplitPage } from './scan-files';
import { buildScanPdf, layoutForText, type PageLayout, type ScanPdfPage } from './scan-pdf';
import {
  documentPages,
  findBatch,
  findDocument,
  findPage,
  indexDocument,
  indexPage,
  latestLayout,
  latestTexts,
  type BatchRow,
  type DocumentRow,
  type FileRow,
  type PageRow,
  type StoredLayout,
  type StoredLine,
  type TextRow,
} from './scan-repository';
import { detectSeparator, separatorSheetPdf } from './separator';

/** What the scanning pipeline needs of the OCR engine (electron/core/ocr). */
export type OcrPort = { recognize(image: Buffer, options?: { dpi?: number; signal?: AbortSignal }): Promise<OcrPageResult> };

/** Passes when the caller may see the bureau; throws FORBIDDEN otherwise. */
export type CanSee = (bureauId: number) => boolean;

type Deps = {
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

const pageSummary = (p: PageRow, textVersion: number | null): ScanPageSummaryDto => ({
  id: p.id,
  seq: p.seq,
  fileId: p.file_id,
  filePage: p.file_page,
  documentId: p.document_id,
  status: p.status,
  rotation: p.rotation,
  width: p.width,
  height: p.height,
  meanConfidence: p.mean_confidence,
  flagged: p.flagged === 1,
  textSource: p.text_source,
  textVersion,
  errorCode: isErrorCode(p.error_code) ? p.error_code : null,
});

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
    input: { bureauId: number; source: ScanSource; files: IncomingFile[]; volumeId?: number | null; docType?: VolumeDocType | null; label?: string | null; beforeProcessing?: (batchId: number) => Promise<void> },
    canSee: CanSee,
  ): Promise<{ batchId: number; jobId: number }> {
    assertBureau(input.bureauId, canSee);
    if (input.volumeId) await assertVolume(db, input.volumeId, canSee);
    const batchId = await db.write(async (tx) => {
      const { lastId } = await tx.run(`INSERT INTO scan_batches (bureau_id, source, label, volume_id, doc_type, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
        input.bureauId,
        input.source,
        input.label ?? null,
        input.volumeId ?? null,
        input.docType ?? null,
        actor.userId,
        now(),
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

  // ---- the processing job -------------------------------------------------------------------------------

  /**
   * Resumable by construction: every file and every page changes state in the transaction that stores
   * what was made of it, so a job killed half-way continues with what is still pending and never stores a
   * page or a text twice.
   */
  async function run(ctx: JobRunContext): Promise<unknown> {
    const { batchId, actor } = ctx.input as JobInput;
    const batch = await findBatch(db, batchId);
    const files = await db.all<FileRow>(`SELECT * FROM scan_files WHERE batch_id = ? AND status = 'pending' ORDER BY seq`, [batchId]);
    for (const [i, file] of files.entries()) {
      await ctx.progress(i, files.length, '拆分页面');
      await splitFile(batch, file);
    }
    const pending = await db.all<PageRow>(`SELECT * FROM scan_pages WHERE batch_id = ? AND status = 'pending' ORDER BY seq`, [batchId]);
    // As many pages in flight as the OCR pool has workers; the first error (a cancel) stops the others.
    const controller = new AbortController();
    let next = 0;
    let done = 0;
    await ctx.progress(0, pending.length, '识别文字');
    const lane = async () => {
      while (next < pending.length && !controller.signal.aborted) {
        const page = pending[next++] as PageRow;
        await recognisePage(page, controller.signal);
        await ctx.progress(++done, pending.length, '识别文字');
      }
    };
    const lanes = Array.from({ length: Math.max(1, Math.min(d.ocrConcurrency(), pending.length)) }, () =>
      lane().catch((error: unknown) => {
        controller.abort();
        throw error;
      }),
    );
    const settled = await Promise.allSettled(lanes);
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    await ctx.progress(pending.length, pending.length, '拆分归档');
    await assemble(batch, actor);
    const filed: number[] = [];
    for (const doc of await db.all<DocumentRow>(`SELECT * FROM scan_documents WHERE batch_id = ? AND status = 'inbox' AND volume_id IS NOT NULL ORDER BY id`, [batchId])) {
      try {
        await fileDocumentRow(actor, doc.id);
        filed.push(doc.id);
      } catch (error) {
        // A document that cannot be filed (e.g. the volume is archived meanwhile) waits in the inbox.
        d.logger.warn('scan document not filed', { documentId: doc.id, error: String(error) });
      }
    }
    return batchStats(batchId, filed.length);
  }

  async function batchStats(batchId: number, filed: number) {
    const counts = await db.get<{ files: number; failed_files: number; pages: number; failed_pages: number; separators: number; flagged: number; documents: number }>(
      `SELECT (SELECT count(*) FROM scan_files WHERE batch_id = :b) AS files,
              (SELECT count(*) FROM scan_files WHERE batch_id = :b AND status = 'failed') AS failed_files,
              (SELECT count(*) FROM scan_pages WHERE batch_id = :b AND status <> 'separator') AS pages,
              (SELECT count(*) FROM scan_pages WHERE batch_id = :b AND status = 'failed') AS failed_pages,
              (SELECT count(*) FROM scan_pages WHERE batch_id = :b AND status = 'separator') AS separators,
              (SELECT count(*) FROM scan_pages WHERE batch_id = :b AND flagged = 1) AS flagged,
              (SELECT count(*) FROM scan_documents WHERE batch_id = :b) AS documents`.replace(/:b/g, '?'),
      Array(7).fill(batchId),
    );
    return { batchId, ...counts, filed };
  }

  async function splitFile(batch: BatchRow, file: FileRow): Promise<void> {
    let pages: SplitPage[];
    let mediaType: string;
    try {
      const split = await splitScanFile(await blobs.read(file.blob_sha256));
      pages = split.pages;
      mediaType = split.mediaType;
    } catch (error) {
      const code = error instanceof AppError ? error.code : 'SCAN_FILE_INVALID';
      const details = error instanceof AppError ? error.details : { reason: String((error as Error)?.message ?? error).slice(0, 200) };
      await db.write((tx) => tx.run(`UPDATE scan_files SET status = 'failed', error_code = ?, error_details = ? WHERE id = ?`, [code, JSON.stringify(details), file.id]));
      await moveInboxOriginal(batch, file, 'failed');
      return;
    }
    await db.write(async (tx) => {
      const { n } = (await tx.get<{ n: number }>('SELECT coalesce(max(seq), 0) AS n FROM scan_pages WHERE batch_id = ?', [batch.id])) as { n: number };
      for (const [i, page] of pages.entries()) {
        const at = now();
        if (page.kind === 'pdf') {
          // A page that carries text keeps it: the page stays in its PDF, the text is version 1.
          const { lastId } = await tx.run(
            `INSERT INTO scan_pages (batch_id, file_id, file_page, seq, image_sha256, media_type, width, height, dpi, status, text_source) VALUES (?, ?, ?, ?, ?, 'application/pdf', ?, ?, 72, 'done', 'pdf')`,
            [batch.id, file.id, page.pageIndex + 1, n + i + 1, file.blob_sha256, Math.round(page.width), Math.round(page.height)],
          );
          await tx.run(`INSERT INTO page_texts (page_id, version, source, text, created_at) VALUES (?, 1, 'pdf', ?, ?)`, [lastId, normaliseForSearch(page.text), at]);
          await indexPage(tx, lastId);
          continue;
        }
        const blob = await blobs.put(tx, page.bytes, page.mediaType);
        await tx.run(`INSERT INTO scan_pages (batch_id, file_id, file_page, seq, image_sha256, media_type, width, height, dpi) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
          batch.id,
          file.id,
          i + 1,
          n + i + 1,
          blob.sha256,
          page.mediaType,
          page.width,
          page.height,
          page.dpi,
        ]);
      }
      await tx.run(`UPDATE scan_files SET status = 'split', media_type = ?, page_count = ? WHERE id = ?`, [mediaType, pages.length, file.id]);
    });
    await moveInboxOriginal(batch, file, 'processed');
  }

  /** Hot-folder files wait in inbox/processing/ until their fate is known, then move on; never deleted. */
  async function moveInboxOriginal(batch: BatchRow, file: FileRow, to: 'processed' | 'failed'): Promise<void> {
    if (batch.source !== 'inbox') return;
    const name = inboxHeldName(batch.id, file.original_name);
    const from = path.join(d.inboxDir, 'processing', name);
    try {
      await fs.mkdir(path.join(d.inboxDir, to), { recursive: true });
      await fs.rename(from, path.join(d.inboxDir, to, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') d.logger.warn('inbox file not moved', { from, to, error: String(error) });
    }
  }

  /**
   * One page: a separator sheet is recognised as such; any other page goes through the OCR engine. A page
   * the user turned by hand (status pending with a rotation) is turned first and OCR's own orientation
   * check then only confirms it.
   */
  async function recognisePage(page: PageRow, signal: AbortSignal): Promise<void> {
    const bytes = await blobs.read(page.image_sha256);
    const isFirstPass = (await db.get('SELECT 1 FROM page_texts WHERE page_id = ?', [page.id])) === undefined;
    if (isFirstPass && page.rotation === 0) {
      let separator: SeparatorPayload | null = null;
      try {
        separator = await detectSeparator(bytes, page.width ?? 2480);
      } catch (error) {
        d.logger.warn('separator detection failed', { pageId: page.id, error: String(error) });
      }
      if (separator) {
        await db.write((tx) => tx.run(`UPDATE scan_pages SET status = 'separator', separator = ? WHERE id = ? AND status = 'pending'`, [JSON.stringify(separator), page.id]));
        return;
      }
    }
    let result: OcrPageResult;
    let rotation = page.rotation;
    try {
      const input = rotation === 0 ? bytes : await sharp(bytes).rotate(rotation).png({ compressionLevel: 1 }).toBuffer();
      result = await d.ocr().recognize(input, { dpi: page.dpi ?? undefined, signal });
      rotation = ((rotation + result.rotation) % 360) as PageRow['rotation'];
    } catch (error) {
      if (signal.aborted) throw error; // cancelled: the page stays pending for the next run
      const code = error instanceof AppError ? error.code : 'OCR_FAILED';
      const details = error instanceof AppError ? error.details : { reason: String((error as Error)?.message ?? error).slice(0, 200) };
      await db.write((tx) => tx.run(`UPDATE scan_pages SET status = 'failed', error_code = ?, error_details = ? WHERE id = ? AND status = 'pending'`, [code, JSON.stringify(details), page.id]));
      return;
    }
    const layout: StoredLayout = {
      width: result.width,
      height: result.height,
      rotation,
      lines: result.lines.map((l) => ({ text: l.text, bbox: l.bbox, baselineY: l.baselineY, confidence: Math.round(l.confidence), words: l.words.map((w) => ({ text: w.text, confidence: Math.round(w.confidence), bbox: w.bbox })) })),
    };
    await db.write(async (tx) => {
      const current = await tx.get<{ status: string }>('SELECT status FROM scan_pages WHERE id = ?', [page.id]);
      if (current?.status !== 'pending') return; // done by an earlier run that was interrupted after committing
      const { v } = (await tx.get<{ v: number }>('SELECT coalesce(max(version), 0) + 1 AS v FROM page_texts WHERE page_id = ?', [page.id])) as { v: number };
      await tx.run(`INSERT INTO page_texts (page_id, version, source, text, layout, model, psm, confidence, created_at) VALUES (?, ?, 'ocr', ?, ?, ?, ?, ?, ?)`, [
        page.id,
        v,
        result.text,
        JSON.stringify(layout),
        result.model,
        result.psm,
        result.meanConfidence,
        now(),
      ]);
      await tx.run(`UPDATE scan_pages SET status = 'done', rotation = ?, skew = ?, text_source = 'ocr', mean_confidence = ?, flagged = ?, error_code = NULL, error_details = NULL WHERE id = ?`, [
        rotation,
        result.skewDegrees,
        result.meanConfidence,
        result.meanConfidence < REVIEW_CONFIDENCE ? 1 : 0,
        page.id,
      ]);
      await indexPage(tx, page.id);
    });
  }

  /**
   * Group the batch's finished pages into documents: a separator sheet starts a document of the volume and
   * type it names; pages before the first sheet form a document of the batch's volume (or wait in the
   * inbox). A sheet naming a volume the batch's bureau may not file into leaves its pages in the inbox.
   */
  async function assemble(batch: BatchRow, actor: AuditActor): Promise<void> {
    await db.write(async (tx) => {
      const pages = await tx.all<PageRow>(`SELECT * FROM scan_pages WHERE batch_id = ? AND document_id IS NULL AND status <> 'pending' ORDER BY seq`, [batch.id]);
      if (pages.length === 0) return;
      type Group = { volumeId: number | null; docType: VolumeDocType; title: string | null; separatorPageId: number | null; pages: PageRow[]; warning: string | null };
      const groups: Group[] = [];
      let current: Group = { volumeId: batch.volume_id, docType: batch.doc_type ?? 'other', title: null, separatorPageId: null, pages: [], warning: null };
      for (const page of pages) {
        if (page.status === 'separator') {
          groups.push(current);
          const sep = JSON.parse(page.separator as string) as SeparatorPayload;
          const usable = await separatorVolumeUsable(tx, batch, sep.volumeId);
          current = { volumeId: usable ? sep.volumeId : null, docType: sep.docType, title: sep.title, separatorPageId: page.id, pages: [], warning: usable ? null : 'SCAN_SEPARATOR_VOLUME' };
          await tx.run('UPDATE scan_pages SET document_id = NULL WHERE id = ?', [page.id]);
          continue;
        }
        current.pages.push(page);
      }
      groups.push(current);
      for (const g of groups) {
        if (g.pages.length === 0) continue;
        const at = now();
        const { lastId } = await tx.run(`INSERT INTO scan_documents (batch_id, bureau_id, volume_id, doc_type, title, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'inbox', ?, ?)`, [
          batch.id,
          batch.bureau_id,
          g.volumeId,
          g.docType,
          g.title,
          at,
          at,
        ]);
        for (const [i, p] of g.pages.entries()) await tx.run('UPDATE scan_pages SET document_id = ?, position = ? WHERE id = ?', [lastId, i + 1, p.id]);
        await indexDocument(tx, lastId);
        await audit.record(tx, { actor, action: 'scans.assemble', entity: 'scan_document', entityId: lastId, detail: { batchId: batch.id, pages: g.pages.length, volumeId: g.volumeId, docType: g.docType, separatorPageId: g.separatorPageId, warning: g.warning } });
      }
    });
  }

  async function separatorVolumeUsable(tx: Tx, batch: BatchRow, volumeId: number): Promise<boolean> {
    const v = await tx.get<{ custody_bureau_id: number; inspecting_bureau_id: number }>('SELECT custody_bureau_id, inspecting_bureau_id FROM volumes WHERE id = ?', [volumeId]);
    if (!v) return false;
    return d.bureaus.within(v.custody_bureau_id, batch.bureau_id) || d.bureaus.within(v.inspecting_bureau_id, batch.bureau_id);
  }

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
    const out: ScanPdfPage[] = [];
    for (const [index, p] of pages.entries()) {
      const bytes = new Uint8Array(await blobs.read(p.image_sha256));
      const rects = regions?.get(index) ?? [];
      if (p.media_type === 'application/pdf') {
        if (rects.length > 0) throw new AppError('VOLUME_REGION_NOT_SCAN', { documentId: doc.id, page: index + 1 });
        out.push({ kind: 'pdf', bytes, pageIndex: p.file_page - 1 });
        continue;
      }
      const text = texts.get(p.id);
      const ocrLayout = await latestLayout(tx, p.id);
      const upright = p.rotation === 90 || p.rotation === 270 ? { width: p.height ?? 0, height: p.width ?? 0 } : { width: p.width ?? 0, height: p.height ?? 0 };
      const layout = text === undefined ? null : text.source === 'correction' ? layoutForText(ocrLayout, text.text, upright) : ocrLayout;
      if (rects.length === 0) {
        out.push({ kind: 'image', bytes, mediaType: p.media_type, width: p.width ?? 0, height: p.height ?? 0, dpi: p.dpi ?? 300, rotation: p.rotation, layout });
        continue;
      }
      const burned = await burnRegions(bytes, p.rotation, rects);
      out.push({ kind: 'image', bytes: burned.bytes, mediaType: 'image/jpeg', width: burned.width, height: burned.height, dpi: p.dpi ?? 300, rotation: 0, layout: layout && withoutRegions(layout, rects, text?.source === 'correction') });
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

  // ---- reads ----------------------------------------------------------------------------------------------

  async function documentDto(tx: Database | Tx, doc: DocumentRow): Promise<ScanDocumentDto> {
    const pages = await documentPages(tx, doc.id);
    const texts = await latestTexts(tx, pages.map((p) => p.id));
    const v = doc.volume_id === null ? null : await tx.get<{ title: string; target_name: string }>('SELECT v.title, t.name AS target_name FROM volumes v JOIN targets t ON t.id = v.target_id WHERE v.id = ?', [doc.volume_id]);
    return {
      id: doc.id,
      batchId: doc.batch_id,
      bureauId: doc.bureau_id,
      volumeId: doc.volume_id,
      volumeTitle: v?.title ?? null,
      targetName: v?.target_name ?? null,
      docType: doc.doc_type,
      title: doc.title,
      status: doc.status,
      entryId: doc.entry_id,
      pages: pages.map((p) => pageSummary(p, texts.get(p.id)?.version ?? null)),
      createdAt: doc.created_at,
      version: doc.version,
    };
  }

  type BatchCounts = { files: number; failed_files: number; pages: number; done_pages: number; failed_pages: number; flagged_pages: number };
  const BATCH_COUNTS = `(SELECT count(*) FROM scan_files f WHERE f.batch_id = b.id) AS files,
    (SELECT count(*) FROM scan_files f WHERE f.batch_id = b.id AND f.status = 'failed') AS failed_files,
    (SELECT count(*) FROM scan_pages p WHERE p.batch_id = b.id AND p.status <> 'separator') AS pages,
    (SELECT count(*) FROM scan_pages p WHERE p.batch_id = b.id AND p.status = 'done') AS done_pages,
    (SELECT count(*) FROM scan_pages p WHERE p.batch_id = b.id AND p.status = 'failed') AS failed_pages,
    (SELECT count(*) FROM scan_pages p WHERE p.batch_id = b.id AND p.flagged = 1) AS flagged_pages`;

  const batchSummary = (b: BatchRow & BatchCounts): ScanBatchSummaryDto => ({
    id: b.id,
    bureauId: b.bureau_id,
    source: b.source,
    label: b.label,
    volumeId: b.volume_id,
    jobId: b.job_id,
    files: b.files,
    failedFiles: b.failed_files,
    pages: b.pages,
    donePages: b.done_pages,
    failedPages: b.failed_pages,
    flaggedPages: b.flagged_pages,
    createdAt: b.created_at,
  });

  async function listBatches(input: { bureauIds: number[]; page: number; pageSize: number }) {
    const scope = JSON.stringify(input.bureauIds);
    const total = (await db.get<{ n: number }>('SELECT count(*) AS n FROM scan_batches WHERE bureau_id IN (SELECT value FROM json_each(?))', [scope]))?.n ?? 0;
    const rows = await db.all<BatchRow & BatchCounts>(`SELECT b.*, ${BATCH_COUNTS} FROM scan_batches b WHERE b.bureau_id IN (SELECT value FROM json_each(?)) ORDER BY b.id DESC LIMIT ? OFFSET ?`, [
      scope,
      input.pageSize,
      (input.page - 1) * input.pageSize,
    ]);
    return { items: rows.map(batchSummary), total, page: input.page, pageSize: input.pageSize };
  }

  async function getBatch(id: number, canSee: CanSee): Promise<ScanBatchDto> {
    const b = await db.get<BatchRow & BatchCounts>(`SELECT b.*, ${BATCH_COUNTS} FROM scan_batches b WHERE b.id = ?`, [id]);
    if (!b) throw new AppError('SCAN_NOT_FOUND', { entity: 'batch', id });
    assertBureau(b.bureau_id, canSee);
    const files = await db.all<FileRow>('SELECT * FROM scan_files WHERE batch_id = ? ORDER BY seq', [id]);
    const docs = await db.all<DocumentRow>('SELECT * FROM scan_documents WHERE batch_id = ? ORDER BY id', [id]);
    const loose = await db.all<PageRow>('SELECT * FROM scan_pages WHERE batch_id = ? AND document_id IS NULL ORDER BY seq', [id]);
    const looseTexts = await latestTexts(db, loose.map((p) => p.id));
    return {
      ...batchSummary(b),
      fileList: files.map((f): ScanFileDto => ({
        id: f.id,
        seq: f.seq,
        originalName: f.original_name,
        mediaType: f.media_type,
        status: f.status,
        pageCount: f.page_count,
        errorCode: isErrorCode(f.error_code) ? f.error_code : null,
        errorMessage: isErrorCode(f.error_code) ? messageZh(f.error_code) : null,
      })),
      documents: await Promise.all(docs.map((doc) => documentDto(db, doc))),
      unassignedPages: loose.map((p) => pageSummary(p, looseTexts.get(p.id)?.version ?? null)),
    };
  }

  async function inbox(input: { bureauIds: number[] }): Promise<ScanDocumentDto[]> {
    const docs = await db.all<DocumentRow>(`SELECT * FROM scan_documents WHERE status = 'inbox' AND bureau_id IN (SELECT value FROM json_each(?)) ORDER BY id`, [JSON.stringify(input.bureauIds)]);
    return Promise.all(docs.map((doc) => documentDto(db, doc)));
  }

  async function pageDto(tx: Database | Tx, page: PageRow): Promise<ScanPageDto> {
    const versions = await tx.all<TextRow & { created_by_name: string | null }>(
      `SELECT t.*, u.display_name AS created_by_name FROM page_texts t LEFT JOIN users u ON u.id = t.created_by WHERE t.page_id = ? ORDER BY t.version`,
      [page.id],
    );
    const latest = versions[versions.length - 1];
    const layout = await latestLayout(tx, page.id);
    return {
      ...pageSummary(page, latest?.version ?? null),
      batchId: page.batch_id,
      layoutWidth: layout?.width ?? null,
      layoutHeight: layout?.height ?? null,
      lines: (layout?.lines ?? []).map((l) => ({ text: l.text, confidence: l.confidence ?? null, bbox: l.bbox, words: l.words ?? [] })),
      text: latest?.text ?? '',
      versions: versions.map((v) => ({ version: v.version, source: v.source, createdBy: v.created_by, createdByName: v.created_by_name, createdAt: v.created_at, confidence: v.confidence })),
      separator: page.separator === null ? null : (JSON.parse(page.separator) as SeparatorPayload),
      skew: page.skew,
    };
  }

  async function getPage(id: number, canSee: CanSee): Promise<ScanPageDto> {
    const page = await findPage(db, id);
    await assertPage(db, page, canSee);
    return pageDto(db, page);
  }

  /** The page turned upright, scaled for a thumbnail or the viewer; a PDF page gets a plain placeholder. */
  async function pageImage(input: { id: number; size: 'thumb' | 'view' }, canSee: CanSee): Promise<{ dataUrl: string; width: number; height: number }> {
    const page = await findPage(db, input.id);
    await assertPage(db, page, canSee);
    const box = input.size === 'thumb' ? 240 : 1600;
    let image: Sharp;
    if (page.media_type === 'application/pdf') {
      const w = box;
      const h = Math.round(box * ((page.height ?? 842) / (page.width ?? 595)));
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="#fafafa" stroke="#bbb" stroke-width="4"/><text x="50%" y="50%" font-size="${Math.round(w / 8)}" text-anchor="middle" fill="#888">PDF</text></svg>`;
      image = sharp(Buffer.from(svg));
    } else {
      image = sharp(await blobs.read(page.image_sha256)).rotate(page.rotation).resize({ width: box, height: box, fit: 'inside', withoutEnlargement: true });
    }
    const { data, info } = await image.jpeg({ quality: input.size === 'thumb' ? 70 : 85 }).toBuffer({ resolveWithObject: true });
    return { dataUrl: `data:image/jpeg;base64,${data.toString('base64')}`, width: info.width, height: info.height };
  }

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

  // ---- search ---------------------------------------------------------------------------------------------

  /**
   * Every term must match (page text or its document's metadata): ≥ 3 characters through the trigram index,
   * 2 through the bigram index, 1 by a scan of the stored text. Newest pages first; only pages the caller's
   * bureaus may see.
   */
  async function search(input: { q: string; bureauIds: number[]; year?: number; docType?: VolumeDocType; limit: number }): Promise<{ hits: ScanSearchHitDto[]; total: number; truncated: boolean }> {
    // Terms are split before normalising (normalising removes the space between two Chinese terms).
    const terms = [...new Set(input.q.split(/[\s\u3000]+/).map((t) => normaliseForSearch(t).toLowerCase()).filter((t) => t !== ''))].slice(0, 8);
    if (terms.length === 0) return { hits: [], total: 0, truncated: false };
    const quoted = (t: string) => `"${t.replace(/"/g, '""')}"`;
    // One index drives the query in rowid order (newest first), so LIMIT stops it early: every term of
    // ≥ 3 characters in one trigram MATCH, else every 2-character term in one bigram MATCH, else a walk over
    // the stored text. The remaining short terms are checked on the driver's candidate rows only.
    const long = terms.filter((t) => [...t].length >= 3);
    const two = terms.filter((t) => [...t].length === 2);
    const where: string[] = [];
    const params: unknown[] = [];
    let from = 'page_fts f';
    let order = 'f.rowid';
    let checked: string[];
    if (long.length > 0) {
      where.push('f.page_fts MATCH ?');
      params.push(long.map(quoted).join(' AND '));
      checked = terms.filter((t) => [...t].length < 3);
    } else if (two.length > 0) {
      from = 'page_bigram g JOIN page_fts f ON f.rowid = g.rowid';
      order = 'g.rowid';
      where.push('g.page_bigram MATCH ?');
      params.push(two.map(quoted).join(' AND '));
      checked = terms.filter((t) => [...t].length < 2);
    } else {
      checked = terms;
    }
    for (const term of checked) {
      where.push('(instr(lower(f.body), ?) > 0 OR instr(lower(f.meta), ?) > 0)');
      params.push(term, term);
    }
    const scope = JSON.stringify(input.bureauIds);
    where.push(`(b.bureau_id IN (SELECT value FROM json_each(?)) OR v.custody_bureau_id IN (SELECT value FROM json_each(?)) OR v.inspecting_bureau_id IN (SELECT value FROM json_each(?)))`);
    params.push(scope, scope, scope);
    where.push(`coalesce(d.status, 'inbox') <> 'discarded'`);
    if (input.year !== undefined) {
      where.push(`substr(b.created_at, 1, 4) = ?`);
      params.push(String(input.year));
    }
    if (input.docType !== undefined) {
      where.push('d.doc_type = ?');
      params.push(input.docType);
    }
    type Hit = { page_id: number; body: string; meta: string; document_id: number | null; batch_id: number; volume_id: number | null; volume_title: string | null; target_name: string | null; doc_type: VolumeDocType | null; doc_title: string | null; position: number | null; seq: number; created_at: string };
    const rows = await db.all<Hit>(
      `SELECT p.id AS page_id, f.body, f.meta, p.document_id, p.batch_id, d.volume_id, v.title AS volume_title, t.name AS target_name, d.doc_type, d.title AS doc_title, p.position, p.seq, b.created_at
         FROM ${from} JOIN scan_pages p ON p.id = f.rowid JOIN scan_batches b ON b.id = p.batch_id
         LEFT JOIN scan_documents d ON d.id = p.document_id LEFT JOIN volumes v ON v.id = d.volume_id LEFT JOIN targets t ON t.id = v.target_id
        WHERE ${where.join(' AND ')}
        ORDER BY ${order} DESC LIMIT ?`,
      [...params, input.limit + 1],
    );
    const truncated = rows.length > input.limit;
    const hits = rows.slice(0, input.limit).map((r): ScanSearchHitDto => ({
      pageId: r.page_id,
      documentId: r.document_id,
      batchId: r.batch_id,
      volumeId: r.volume_id,
      volumeTitle: r.volume_title,
      targetName: r.target_name,
      docType: r.doc_type,
      documentTitle: r.doc_title,
      pageNo: r.position ?? r.seq,
      snippet: snippet(r.body, terms) ?? snippet(r.meta, terms) ?? r.body.slice(0, 60),
      createdAt: r.created_at,
    }));
    return { hits, total: hits.length, truncated };
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
    run,
    listBatches,
    getBatch,
    inbox,
    getPage,
    pageImage,
    correctText,
    rotatePage,
    updateDocument,
    splitDocument,
    mergeDocuments,
    fileDocument,
    search,
    separatorSheet,
    documentPdf: async (documentId: number) => documentPdf(db, await findDocument(db, documentId), `扫描件 ${documentId}`),
    /** The filed document's PDF for the public copy: rectangles burned into the images, their words gone. */
    redactedDocumentPdf: async (documentId: number, title: string, regions: ReadonlyMap<number, readonly Region[]>) => (await documentPdf(db, await findDocument(db, documentId), title, regions)).bytes,
  };
}

export type ScanService = ReturnType<typeof createScanService>;

/**
 * The page turned upright with the rectangles filled black — the pixels replaced, not covered — re-encoded
 * as a JPEG without metadata (public copy only; the stored scan is never touched).
 */
export async function burnRegions(bytes: Uint8Array, rotation: number, rects: readonly Region[]): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const upright = await sharp(bytes).rotate(rotation).toBuffer({ resolveWithObject: true });
  const { width, height } = upright.info;
  const boxes = rects.map((r) => {
    const left = Math.max(0, Math.floor(r.x0 * width));
    const top = Math.max(0, Math.floor(r.y0 * height));
    return { left, top, w: Math.max(1, Math.min(width, Math.ceil(r.x1 * width)) - left), h: Math.max(1, Math.min(height, Math.ceil(r.y1 * height)) - top) };
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${boxes.map((b) => `<rect x="${b.left}" y="${b.top}" width="${b.w}" height="${b.h}" fill="#000"/>`).join('')}</svg>`;
  const out = await sharp(upright.data)
    .composite([{ input: Buffer.from(svg), top: 0, left: 0 }])
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 90, chromaSubsampling: '4:4:4' })
    .toBuffer();
  return { bytes: new Uint8Array(out), width, height };
}

/** The layout without anything inside the rectangles: OCR words touching one are dropped; a corrected line touching one goes whole. */
export function withoutRegions(layout: PageLayout, rects: readonly Region[], corrected: boolean): PageLayout {
  const touches = (b: { x0: number; y0: number; x1: number; y1: number }) =>
    rects.some((r) => b.x0 < r.x1 * layout.width && b.x1 > r.x0 * layout.width && b.y0 < r.y1 * layout.height && b.y1 > r.y0 * layout.height);
  const lines: PageLayout['lines'] = [];
  for (const line of layout.lines as StoredLine[]) {
    if (!touches(line.bbox)) {
      lines.push(line);
      continue;
    }
    const words = corrected ? [] : (line.words ?? []).filter((w) => !touches(w.bbox));
    if (words.length === 0) continue;
    // Each kept run of words becomes its own line box, so the text layer never stretches over the black box.
    let run: typeof words = [];
    const flush = () => {
      if (run.length === 0) return;
      const text = run.reduce((acc, w) => (acc && /[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(w.text) ? `${acc} ${w.text}` : acc + w.text), '');
      lines.push({ text, baselineY: line.baselineY, bbox: { x0: run[0]!.bbox.x0, x1: run[run.length - 1]!.bbox.x1, y0: line.bbox.y0, y1: line.bbox.y1 } });
      run = [];
    };
    const all = line.words ?? [];
    for (const w of all) {
      if (words.includes(w)) run.push(w);
      else flush();
    }
    flush();
  }
  return { ...layout, lines };
}

async function volumeEditable(tx: Database | Tx, volumeId: number): Promise<boolean> {
  try {
    await assertVolumeEditable(tx, volumeId);
    return true;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'VOLUME_ARCHIVED' || error.code === 'VOLUME_IN_REVIEW')) return false;
    throw error;
  }
}

const beijingDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The name a hot-folder file is held under while its batch is processed (unique per batch). */
export function inboxHeldName(batchId: number, originalName: string): string {
  return `${batchId}-${path.basename(originalName)}`;
}

/** Up to ~40 characters around the first match, the matches wrapped in 【 】; null when no term occurs. */
export function snippet(text: string, terms: readonly string[]): string | null {
  const lower = text.toLowerCase();
  let first = -1;
  for (const t of terms) {
    const i = lower.indexOf(t);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  if (first < 0) return null;
  const start = Math.max(0, first - 20);
  const end = Math.min(text.length, first + 40);
  let out = text.slice(start, end).replace(/\n/g, ' ');
  const lowerOut = out.toLowerCase();
  const marks: [number, number][] = [];
  for (const t of terms) {
    for (let i = lowerOut.indexOf(t); i >= 0; i = lowerOut.indexOf(t, i + t.length)) marks.push([i, i + t.length]);
  }
  marks.sort((a, b) => b[0] - a[0]);
  let lastStart = Infinity;
  for (const [s, e] of marks) {
    if (e > lastStart) continue; // overlapping matches: keep the later one
    out = `${out.slice(0, s)}【${out.slice(s, e)}】${out.slice(e)}`;
    lastStart = s;
  }
  return `${start > 0 ? '…' : ''}${out}${end < text.length ? '…' : ''}`;
}
