import path from 'node:path';
import { nameBigrams } from '../../../shared/domain/bigrams';
import { normaliseForSearch } from '../../../shared/domain/scans/scans';
import type { ScanDocumentStatus, ScanPageStatus, ScanSource } from '../../../shared/domain/scans/scans';
import type { VolumeDocType } from '../../../shared/domain/volumes/volumes';
import { AppError } from '../../../shared/errors/app-error';
import type { Database, Tx } from '../db/database';
import type { LayoutLine } from './scan-pdf';

export type BatchRow = {
  id: number; bureau_id: number; source: ScanSource; label: string | null; volume_id: number | null; doc_type: VolumeDocType | null;
  job_id: number | null; created_by: number | null; created_at: string;
  /** The hot folder the files came from (source 'inbox'); null = the data folder's inbox/. */
  inbox_dir: string | null;
};
export type FileRow = {
  id: number; batch_id: number; seq: number; original_name: string; blob_sha256: string; media_type: string | null;
  status: 'pending' | 'split' | 'failed'; page_count: number | null; error_code: string | null; error_details: string | null;
};
export type PageRow = {
  id: number; batch_id: number; file_id: number; file_page: number; seq: number; document_id: number | null; position: number | null;
  image_sha256: string; media_type: 'image/jpeg' | 'image/png' | 'application/pdf'; width: number | null; height: number | null; dpi: number | null;
  rotation: 0 | 90 | 180 | 270; skew: number | null; status: ScanPageStatus; separator: string | null; text_source: 'ocr' | 'pdf' | null;
  mean_confidence: number | null; flagged: number; error_code: string | null; error_details: string | null;
};
export type DocumentRow = {
  id: number; batch_id: number; bureau_id: number; volume_id: number | null; doc_type: VolumeDocType; title: string | null;
  status: ScanDocumentStatus; entry_id: number | null; created_at: string; updated_at: string; version: number;
};
export type TextRow = {
  id: number; page_id: number; version: number; source: 'ocr' | 'pdf' | 'correction'; text: string; layout: string | null;
  model: string | null; psm: number | null; confidence: number | null; created_by: number | null; created_at: string;
};

/** A page's stored layout: the OCR frame, its rotation then, and lines with their words. */
export type StoredWord = { text: string; confidence: number; bbox: LayoutLine['bbox'] };
export type StoredLine = LayoutLine & { confidence?: number; words?: StoredWord[] };
export type StoredLayout = { width: number; height: number; rotation: 0 | 90 | 180 | 270; lines: StoredLine[] };

export async function findBatch(tx: Database | Tx, id: number): Promise<BatchRow> {
  const row = await tx.get<BatchRow>('SELECT * FROM scan_batches WHERE id = ?', [id]);
  if (!row) throw new AppError('SCAN_NOT_FOUND', { entity: 'batch', id });
  return row;
}

export async function findPage(tx: Database | Tx, id: number): Promise<PageRow> {
  const row = await tx.get<PageRow>('SELECT * FROM scan_pages WHERE id = ?', [id]);
  if (!row) throw new AppError('SCAN_NOT_FOUND', { entity: 'page', id });
  return row;
}

export async function findDocument(tx: Database | Tx, id: number): Promise<DocumentRow> {
  const row = await tx.get<DocumentRow>('SELECT * FROM scan_documents WHERE id = ?', [id]);
  if (!row) throw new AppError('SCAN_NOT_FOUND', { entity: 'document', id });
  return row;
}

export const documentPages = (tx: Database | Tx, documentId: number) =>
  tx.all<PageRow>(`SELECT * FROM scan_pages WHERE document_id = ? AND status <> 'separator' ORDER BY position, seq`, [documentId]);

/** The latest text version of each page (the one search and the text layer use). */
export async function latestTexts(tx: Database | Tx, pageIds: readonly number[]): Promise<Map<number, TextRow>> {
  if (pageIds.length === 0) return new Map();
  const rows = await tx.all<TextRow>(
    `SELECT t.* FROM page_texts t JOIN (SELECT page_id, max(version) AS v FROM page_texts WHERE page_id IN (SELECT value FROM json_each(?)) GROUP BY page_id) m ON m.page_id = t.page_id AND m.v = t.version`,
    [JSON.stringify(pageIds)],
  );
  return new Map(rows.map((r) => [r.page_id, r]));
}

/** The latest version that carries a layout (OCR's), for placing a correction's lines. */
export async function latestLayout(tx: Database | Tx, pageId: number): Promise<StoredLayout | null> {
  const row = await tx.get<{ layout: string }>(`SELECT layout FROM page_texts WHERE page_id = ? AND layout IS NOT NULL ORDER BY version DESC LIMIT 1`, [pageId]);
  return row ? (JSON.parse(row.layout) as StoredLayout) : null;
}

/** What search sees of a page's document: volume title, target name and code, document title. */
export async function pageMeta(tx: Database | Tx, pageId: number): Promise<string> {
  const row = await tx.get<{ title: string | null; volume_title: string | null; target_name: string | null; credit_code: string | null }>(
    `SELECT d.title, v.title AS volume_title, t.name AS target_name, t.credit_code FROM scan_pages p
       LEFT JOIN scan_documents d ON d.id = p.document_id LEFT JOIN volumes v ON v.id = d.volume_id LEFT JOIN targets t ON t.id = v.target_id
      WHERE p.id = ?`,
    [pageId],
  );
  return [row?.title, row?.volume_title, row?.target_name, row?.credit_code].filter((v): v is string => !!v).join(' ');
}

/** Re-index one page: its latest text and its document's metadata (inside the caller's transaction). */
export async function indexPage(tx: Tx, pageId: number): Promise<void> {
  const text = (await latestTexts(tx, [pageId])).get(pageId)?.text ?? '';
  const body = normaliseForSearch(text);
  const meta = normaliseForSearch(await pageMeta(tx, pageId));
  await tx.run('DELETE FROM page_fts WHERE rowid = ?', [pageId]);
  await tx.run('DELETE FROM page_bigram WHERE rowid = ?', [pageId]);
  if (body === '' && meta === '') return;
  await tx.run('INSERT INTO page_fts (rowid, body, meta) VALUES (?, ?, ?)', [pageId, body, meta]);
  await tx.run('INSERT INTO page_bigram (rowid, body_bigrams) VALUES (?, ?)', [pageId, nameBigrams(`${body}\n${meta}`)]);
}

export async function indexDocument(tx: Tx, documentId: number): Promise<void> {
  for (const { id } of await tx.all<{ id: number }>('SELECT id FROM scan_pages WHERE document_id = ?', [documentId])) await indexPage(tx, id);
}

/** The name a hot-folder file is held under while its batch is processed (unique per batch). */
export function inboxHeldName(batchId: number, originalName: string): string {
  return `${batchId}-${path.basename(originalName)}`;
}
