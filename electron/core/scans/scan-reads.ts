import sharp, { type Sharp } from 'sharp';
import type { ScanBatchDto, ScanBatchSummaryDto, ScanDocumentDto, ScanFileDto, ScanPageDto, ScanPageSummaryDto } from '../../../shared/contract';
import type { SeparatorPayload } from '../../../shared/domain/scans/scans';
import { AppError } from '../../../shared/errors/app-error';
import { isErrorCode } from '../../../shared/errors/codes';
import { messageZh } from '../../../shared/errors/messages-zh';
import type { BlobStore } from '../blobs/blob-store';
import type { Database, Tx } from '../db/database';
import { documentPages, findPage, latestLayout, latestTexts, type BatchRow, type DocumentRow, type FileRow, type PageRow, type TextRow } from './scan-repository';
import type { CanSee } from './scan-service';

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

type Access = { assertBureau(bureauId: number, canSee: CanSee): void; assertPage(tx: Database | Tx, page: PageRow, canSee: CanSee): Promise<void> };

/** What the scanning screens read: batches with their counts, the inbox, documents, pages with their text versions and images. */
export function createScanReads({ db, blobs, assertBureau, assertPage }: { db: Database; blobs: BlobStore } & Access) {

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

  return { documentDto, listBatches, getBatch, inbox, pageDto, getPage, pageImage };
}
