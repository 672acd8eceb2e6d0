import fs from 'node:fs/promises';
import path from 'node:path';
import type { DocumentDto } from '../../../shared/contract';
import { syncGenerated } from '../volumes/volume-repository';
import { createHash } from 'node:crypto';
import { fieldPrinted, type DocumentField } from '../../../shared/domain/documents/doc-fields';
import { DOCUMENT_KIND_TITLES, defaultDocNumber, isNumbered, type DocumentKind } from '../../../shared/domain/documents/doc-number';
import { AppError, assertNever } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { BlobStore } from '../blobs/blob-store';
import type { Clock, Logger } from '../config';
import type { Database, Tx } from '../db/database';
import { correctionSnapshot, findCorrection } from '../inspections/inspection-repository';
import { loadCorrectionFacts, maskCorrectionFacts, type CorrectionFacts } from './correction-facts';
import { loadInspectionFacts, maskInspectionFacts, type InspectionFacts } from './inspection-facts';
import { renderNoticePdf, type RenderedPdf } from './notice-pdf';
import { renderOrderPdf } from './order-pdf';
import { renderRegisterPdf } from './register-pdf';

type Deps = { db: Database; clock: Clock; audit: AuditService; blobs: BlobStore; logger: Logger; exportsDir: string; fontBytes: () => Promise<Uint8Array> };
type AssertBureau = (bureauId: number) => void;
/** What a generated document printed (documents.facts). */
type StoredFacts = { facts: InspectionFacts; order: CorrectionFacts | null };

type DocumentRow = {
  id: number; inspection_id: number; volume_id: number | null; kind: DocumentKind; version: number; doc_no: string | null; title: string;
  responsible: string; doc_date: string; blob_sha256: string; page_count: number; created_by: number | null; created_at: string;
};

const COLUMNS = 'id, inspection_id, volume_id, kind, version, doc_no, title, responsible, doc_date, blob_sha256, page_count, created_by, created_at';

const toDto = (r: DocumentRow): DocumentDto => ({
  id: r.id, inspectionId: r.inspection_id, volumeId: r.volume_id, kind: r.kind, version: r.version, docNo: r.doc_no, title: r.title,
  responsible: r.responsible, docDate: r.doc_date, blobSha256: r.blob_sha256, pageCount: r.page_count, createdBy: r.created_by, createdAt: r.created_at,
});

/** As audited: the whole row but its id and timestamp (a document never changes once stored). */
export const documentSnapshot = (r: DocumentRow): object => {
  const { id: _id, created_at: _at, ...rest } = r;
  return rest;
};

export async function loadDocumentSnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<DocumentRow>(`SELECT ${COLUMNS} FROM documents`)).map((r) => [String(r.id), documentSnapshot(r)]));
}

/** Today in Beijing (UTC+8, no DST) from the injected clock: the 成文日期 and the year of the 文号. */
const beijingDate = (now: Date): string => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Generated inspection documents (行政检查告知书, 行政检查登记表, 责令改正通知书): each rendering is a new immutable version,
 * stored as a blob and attached to the target's case volume with its 文号, 责任者, 题名 and 日期.
 */
export function createDocumentService({ db, clock, audit, blobs, logger, exportsDir, fontBytes }: Deps) {
  let font: Promise<Uint8Array> | null = null;
  const loadFont = () => (font ??= fontBytes().catch((error: unknown) => {
    font = null; // a missing font file may be restored; do not cache the failure
    throw error;
  }));

  async function inspectionBureau(tx: Database | Tx, inspectionId: number): Promise<number> {
    const row = await tx.get<{ bureau_id: number }>('SELECT inspecting_bureau_id AS bureau_id FROM inspections WHERE id = ?', [inspectionId]);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'inspection', id: inspectionId });
    return row.bureau_id;
  }

  function draw(kind: DocumentKind, facts: InspectionFacts, order: CorrectionFacts | null, docNo: string | null, docDate: string, createdAt: Date, fontBytes: Uint8Array): Promise<RenderedPdf> {
    const onMissingGlyphs = (missing: unknown) => logger.warn('document font lacks characters (printed as □)', { inspectionId: facts.inspectionId, kind, missing });
    switch (kind) {
      case 'notice':
        return renderNoticePdf(facts, { docNo: docNo ?? '', docDate, createdAt }, { fontBytes, onMissingGlyphs });
      case 'register':
        return renderRegisterPdf(facts, { createdAt }, { fontBytes, onMissingGlyphs });
      case 'order':
        if (!order) throw new AppError('INVALID_INPUT', { issues: [{ path: ['correctionId'], message: '生成责令改正通知书时须指定责令改正事项' }] });
        return renderOrderPdf(facts, order, { docNo: docNo ?? '', docDate, createdAt }, { fontBytes, onMissingGlyphs });
      default:
        return assertNever(kind);
    }
  }

  /**
   * Render and store a new version. The 文号 is taken from the bureau's sequence inside the same write
   * transaction that stores the document, and the PDF is drawn there too (it prints the number): a failed
   * rendering rolls the sequence back, so numbers stay gapless; a stored one is never handed out again.
   */
  async function render(actor: AuditActor, input: { inspectionId: number; kind: DocumentKind; correctionId?: number }, assertBureau: AssertBureau): Promise<DocumentDto> {
    assertBureau(await inspectionBureau(db, input.inspectionId)); // fail fast, before loading the font
    const fontData = await loadFont();
    return db.write(async (tx) => {
      const facts = await loadInspectionFacts(tx, input.inspectionId);
      assertBureau(facts.bureau.id);
      const now = clock.now();
      // A 责令改正通知书 is dated (and numbered in the year of) the order's 下达日期, the decision its
      // 7-working-day publication counts from; the other forms carry the day they are printed.
      const order = input.kind === 'order' && input.correctionId !== undefined ? await loadCorrectionFacts(tx, facts.inspectionId, input.correctionId) : null;
      const docDate = order?.issuedOn ?? beijingDate(now);
      const year = Number(docDate.slice(0, 4));
      let docNo: string | null = null;
      if (isNumbered(input.kind)) {
        const last = await tx.get<{ last_no: number }>('SELECT last_no FROM doc_number_sequences WHERE bureau_id = ? AND year = ? AND kind = ?', [facts.bureau.id, year, input.kind]);
        const n = (last?.last_no ?? 0) + 1;
        await tx.run(
          `INSERT INTO doc_number_sequences (bureau_id, year, kind, last_no) VALUES (?, ?, ?, ?) ON CONFLICT (bureau_id, year, kind) DO UPDATE SET last_no = excluded.last_no`,
          [facts.bureau.id, year, input.kind, n],
        );
        docNo = defaultDocNumber(input.kind, { short: facts.bureau.shortName, year, n });
      }
      const version = ((await tx.get<{ v: number | null }>('SELECT max(version) AS v FROM documents WHERE inspection_id = ? AND kind = ?', [facts.inspectionId, input.kind]))?.v ?? 0) + 1;
      const pdf = await draw(input.kind, facts, order, docNo, docDate, now, fontData);
      const blob = await blobs.put(tx, pdf.bytes, 'application/pdf');
      // What it printed, kept with it: the public copy re-renders this very document with fields masked.
      const source = JSON.stringify({ facts, order } satisfies StoredFacts);
      const { lastId } = await tx.run(
        `INSERT INTO documents (inspection_id, volume_id, kind, version, doc_no, title, responsible, doc_date, blob_sha256, page_count, created_by, created_at, facts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [facts.inspectionId, facts.volumeId, input.kind, version, docNo, DOCUMENT_KIND_TITLES[input.kind], facts.bureau.name, docDate, blob.sha256, pdf.pageCount, actor.userId, now.toISOString(), source],
      );
      const row = (await tx.get<DocumentRow>(`SELECT ${COLUMNS} FROM documents WHERE id = ?`, [lastId])) as DocumentRow;
      const factsSha256 = createHash('sha256').update(source).digest('hex');
      await audit.record(tx, { actor, action: 'documents.render', entity: 'document', entityId: lastId, after: documentSnapshot(row), detail: { size: blob.size, factsSha256, ...(order ? { correctionId: order.id } : {}) } });
      if (order) {
        // correction_orders is a mutable record: it points at its latest 通知书 (older versions stay in the volume).
        const changed = await tx.run('UPDATE correction_orders SET document_id = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?', [lastId, now.toISOString(), order.id, order.version]);
        if (changed.changes !== 1) throw new AppError('CORRECTION_STATE_INVALID', { correctionId: order.id, reason: 'changed while rendering' });
        const correction = await findCorrection(tx, order.id);
        if (!correction) throw new Error('correction order vanished inside its transaction');
        await audit.record(tx, { actor, action: 'documents.render', entity: 'correction_order', entityId: order.id, after: correctionSnapshot(correction), detail: { documentId: lastId } });
      }
      // Filed in the target's volume at once, in the same transaction (the volume's 卷内目录 follows it).
      if (facts.volumeId !== null) await syncGenerated(tx, facts.volumeId, actor, audit, now.toISOString());
      return toDto(row);
    });
  }

  async function list(inspectionId: number, assertBureau: AssertBureau): Promise<DocumentDto[]> {
    assertBureau(await inspectionBureau(db, inspectionId));
    return (await db.all<DocumentRow>(`SELECT ${COLUMNS} FROM documents WHERE inspection_id = ? ORDER BY kind, version DESC`, [inspectionId])).map(toDto);
  }

  async function load(id: number, assertBureau: AssertBureau): Promise<DocumentRow> {
    const row = await db.get<DocumentRow>(`SELECT ${COLUMNS} FROM documents WHERE id = ?`, [id]);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'document', id });
    assertBureau(await inspectionBureau(db, row.inspection_id));
    return row;
  }

  /** The stored PDF, checked against its hash (a changed file is reported, never returned). */
  async function bytes(id: number, assertBureau: AssertBureau): Promise<{ document: DocumentDto; bytes: Buffer }> {
    const row = await load(id, assertBureau);
    return { document: toDto(row), bytes: await blobs.read(row.blob_sha256) };
  }

  /** Write the PDF into exports/ (or to `outFile`, for the CLI); returns the file name. */
  async function exportFile(id: number, assertBureau: AssertBureau, outFile?: string): Promise<{ fileName: string; file: string; document: DocumentDto }> {
    const { document, bytes: data } = await bytes(id, assertBureau);
    const fileName = outFile ? path.basename(outFile) : `${document.title}-检查${document.inspectionId}-v${document.version}.pdf`;
    const file = outFile ? path.resolve(outFile) : path.join(exportsDir, fileName);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, data);
    return { fileName, file, document };
  }

  /**
   * The document as printed, re-rendered from its stored facts with `fields` masked (public copy, issue 7
   * item 6); same 文号, date and layout. A document stored before facts were kept is re-rendered from the
   * facts as they are now. Callers check access (the volume's bind job).
   */
  async function renderMasked(id: number, fields: ReadonlySet<DocumentField>): Promise<Uint8Array> {
    const row = await db.get<DocumentRow & { facts: string | null }>(`SELECT ${COLUMNS}, facts FROM documents WHERE id = ?`, [id]);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'document', id });
    let stored: StoredFacts;
    if (row.facts !== null) {
      stored = JSON.parse(row.facts) as StoredFacts;
    } else {
      const correction = await db.get<{ id: number }>('SELECT id FROM correction_orders WHERE document_id = ?', [id]);
      stored = {
        facts: await loadInspectionFacts(db, row.inspection_id),
        order: row.kind === 'order' && correction ? await loadCorrectionFacts(db, row.inspection_id, correction.id) : null,
      };
    }
    const printed = new Set([...fields].filter((f) => fieldPrinted(row.kind, f)));
    const facts = maskInspectionFacts(stored.facts, printed);
    const order = stored.order === null ? null : maskCorrectionFacts(stored.order, printed);
    const pdf = await draw(row.kind, facts, order, row.doc_no, row.doc_date, new Date(row.created_at), await loadFont());
    return pdf.bytes;
  }

  return { render, renderMasked, list, get: async (id: number, a: AssertBureau) => toDto(await load(id, a)), bytes, exportFile, history: (id: number) => audit.history('document', id) };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
