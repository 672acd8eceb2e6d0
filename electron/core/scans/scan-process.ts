import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { normaliseForSearch, REVIEW_CONFIDENCE, type SeparatorPayload } from '../../../shared/domain/scans/scans';
import { type VolumeDocType } from '../../../shared/domain/volumes/volumes';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor } from '../audit/audit-service';
import type { Tx } from '../db/database';
import type { JobRunContext } from '../jobs/job-service';
import type { OcrPageResult } from '../ocr/ocr-types';
import { splitScanFile, type SplitPage } from './scan-files';
import { findBatch, inboxHeldName, indexDocument, indexPage, type BatchRow, type DocumentRow, type FileRow, type PageRow, type StoredLayout } from './scan-repository';
import { detectSeparator } from './separator';
import type { Deps } from './scan-service';

type ProcessDeps = Pick<Deps, 'db' | 'clock' | 'audit' | 'blobs' | 'bureaus' | 'logger' | 'ocr' | 'ocrConcurrency' | 'inboxDir'>;
type JobInput = { batchId: number; actor: AuditActor };

/** The 'scans.process' job: split files into pages, separators and OCR, group into documents, file them. */
export function createScanProcessing(d: ProcessDeps, fileDocumentRow: (actor: AuditActor, documentId: number) => Promise<void>) {
  const { db, clock, audit, blobs } = d;
  const now = () => clock.now().toISOString();

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
    const dir = batch.inbox_dir ?? d.inboxDir;
    const from = path.join(dir, 'processing', name);
    try {
      await fs.mkdir(path.join(dir, to), { recursive: true });
      await fs.rename(from, path.join(dir, to, name));
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

  return { run };
}
