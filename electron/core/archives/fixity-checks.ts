import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, decodePDFRawStream, type PDFPage } from 'pdf-lib';
import sharp from 'sharp';
import { fixityFailure, numberingProblems, volumeSeq, type BindingManifest, type FixityCode, type FixityFailure } from '../../../shared/domain/archives/archives';
import { regionSource, type VolumeMediaType } from '../../../shared/domain/volumes/volumes';
import type { BlobStore } from '../blobs/blob-store';
import type { Database } from '../db/database';
import { publicCopyCurrent } from '../volumes/volume-repository';
import { archivedFileGaps } from './archive-repository';

/**
 * The per-volume checks of a four-property run (四性检测, DA/T 70, domain-reference §6), over what is
 * stored: blobs re-hashed, binding rows against their files, the bound PDF's page numbering read back from
 * its manifest, every PDF parsed and every image decoded, fonts embedded, and the public copy's withheld
 * pages proved to be placeholders. Pure reads; the audit chain is checked once per run by the caller.
 */

type Manifest = BindingManifest & { liveMarks?: number[] };
type EntryRow = { id: number; blob_sha256: string; media_type: string; page_count: number; title: string | null; doc_date: string | null; doc_type: string | null };
type BoundRow = { id: number; version: number; blob_sha256: string; sha256: string; size: number; pages: number; content_pages: number; manifest: string };
type DerivedRow = BoundRow & { binding_version: number; derived_from_sha256: string };

/** The 14 standard PDF fonts every reader has: not embedded by pdf-lib's StandardFonts (imported documents use them). */
const STANDARD_14 = /^(Times-(Roman|Bold|Italic|BoldItalic)|Helvetica(-Bold|-Oblique|-BoldOblique)?|Courier(-Bold|-Oblique|-BoldOblique)?|Symbol|ZapfDingbats)$/;

export type VolumeCheck = { failures: FixityFailure[]; pages: number };

export function createFixityChecks({ db, blobs }: { db: Database; blobs: BlobStore }) {
  /** Read a blob and check it against its name and its row; null when it cannot be used. */
  async function readBlob(volumeId: number, sha256: string, item: string, out: FixityFailure[]): Promise<Buffer | null> {
    const fail = (code: FixityCode, detail: string) => out.push(fixityFailure(volumeId, code, item, detail));
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(blobs.pathOf(sha256));
    } catch (error) {
      fail('BLOB_MISSING', `${sha256}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
      return null;
    }
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) {
      fail('BLOB_HASH_MISMATCH', `登记 ${sha256}，实际 ${actual}`);
      return null;
    }
    const row = await db.get<{ size: number }>('SELECT size FROM blobs WHERE sha256 = ?', [sha256]);
    if (!row) fail('ENTRY_MISSING', `blobs 表中没有 ${sha256}`);
    else if (row.size !== bytes.byteLength) fail('BLOB_SIZE_MISMATCH', `登记 ${row.size} 字节，实际 ${bytes.byteLength} 字节`);
    return bytes;
  }

  async function loadPdf(volumeId: number, bytes: Uint8Array, item: string, out: FixityFailure[]): Promise<PDFDocument | null> {
    try {
      return await PDFDocument.load(bytes, { updateMetadata: false });
    } catch (error) {
      out.push(fixityFailure(volumeId, 'PDF_UNREADABLE', item, String((error as Error).message ?? error).slice(0, 200)));
      return null;
    }
  }

  async function checkEntry(volumeId: number, e: EntryRow, out: FixityFailure[]): Promise<void> {
    const item = `entry:${e.id}`;
    if (!e.doc_date || !e.doc_type) out.push(fixityFailure(volumeId, 'METADATA_MISSING', item, `缺少${!e.doc_date ? '日期' : '文件类型'}`));
    const bytes = await readBlob(volumeId, e.blob_sha256, item, out);
    if (!bytes) return;
    if (e.media_type === 'application/pdf') {
      const pdf = await loadPdf(volumeId, bytes, item, out);
      if (pdf && pdf.getPageCount() !== e.page_count) out.push(fixityFailure(volumeId, 'ENTRY_PAGES_MISMATCH', item, `登记 ${e.page_count} 页，文件 ${pdf.getPageCount()} 页`));
      return;
    }
    try {
      // Every entropy-coded block is decoded; a JPEG at 1/8 scale (DCT scaling: 3× faster than full size, 8× than stats()).
      const { width = 8 } = await sharp(bytes).metadata();
      await sharp(bytes, { failOn: 'error' }).resize({ width: Math.max(1, Math.ceil(width / 8)) }).raw().toBuffer();
    } catch (error) {
      out.push(fixityFailure(volumeId, 'IMAGE_UNDECODABLE', item, String((error as Error).message ?? error).slice(0, 200)));
    }
  }

  /** The binding row against its file, the manifest's page numbering against the row, fonts embedded. */
  async function checkBound(volumeId: number, b: BoundRow, kind: 'binding' | 'public' | 'archived' | 'received-archived', entryIds: Set<number>, out: FixityFailure[]): Promise<PDFDocument | null> {
    const item = `${kind}:v${b.version}`;
    const bytes = await readBlob(volumeId, b.blob_sha256, item, out);
    if (!bytes) return null;
    const actual = b.blob_sha256; // verified by readBlob
    if (b.sha256 !== actual) out.push(fixityFailure(volumeId, 'BINDING_HASH_MISMATCH', item, `版本记录 ${b.sha256}，文件 ${actual}`));
    if (b.size !== bytes.byteLength) out.push(fixityFailure(volumeId, 'BINDING_SIZE_MISMATCH', item, `版本记录 ${b.size} 字节，文件 ${bytes.byteLength} 字节`));
    const pdf = await loadPdf(volumeId, bytes, item, out);
    if (!pdf) return null;
    if (pdf.getPageCount() !== b.pages) out.push(fixityFailure(volumeId, 'BINDING_PAGES_MISMATCH', item, `版本记录 ${b.pages} 页，文件 ${pdf.getPageCount()} 页`));
    const manifest = JSON.parse(b.manifest) as Manifest;
    for (const problem of numberingProblems(manifest, b.content_pages, b.pages)) out.push(fixityFailure(volumeId, 'PAGE_NUMBERING_BROKEN', item, problem));
    for (const e of manifest.entries) if (!entryIds.has(e.entryId)) out.push(fixityFailure(volumeId, 'ENTRY_MISSING', item, `目录中的第 ${e.entryId} 号卷内文件不存在`));
    for (const name of unembeddedFonts(pdf)) out.push(fixityFailure(volumeId, 'FONT_NOT_EMBEDDED', item, name));
    return pdf;
  }

  /** Every withheld page of the public copy is a placeholder: no image, none of the full version's page content. */
  async function checkPublicLeak(volumeId: number, pub: BoundRow, pubPdf: PDFDocument, full: PDFDocument, out: FixityFailure[]): Promise<void> {
    const manifest = JSON.parse(pub.manifest) as Manifest;
    const marks = manifest.liveMarks ?? [];
    if (marks.length === 0) return;
    // A rectangle on a filed scan is burned into a new image, a field of a generated form re-rendered: those
    // pages are not placeholders. Without their source (e.g. a volume received in a transfer) they are.
    const rows = await db.all<{ id: number; entry_id: number; page_index: number | null; region: string | null; field: string | null; scan_document_id: number | null; media_type: VolumeMediaType; document_id: number | null }>(
      `SELECT m.id, m.entry_id, m.page_index, m.region, m.field, e.scan_document_id, e.media_type, e.document_id FROM volume_redactions m JOIN volume_entries e ON e.id = m.entry_id WHERE m.id IN (SELECT value FROM json_each(?))`,
      [JSON.stringify(marks)],
    );
    const burnable = (m: (typeof rows)[number]) => m.region !== null && regionSource({ scanDocumentId: m.scan_document_id, mediaType: m.media_type });
    const placeholder = rows.filter((m) => !burnable(m) && (m.field === null || m.document_id === null));
    const burned = rows.filter(burnable);
    const excluded = await db.all<{ entry_id: number; page_index: number }>(`SELECT p.entry_id, p.page_index FROM volume_pages p JOIN volume_entries e ON e.id = p.entry_id WHERE e.volume_id = ? AND p.excluded = 1`, [volumeId]);
    const counts = new Map((await db.all<{ id: number; page_count: number }>('SELECT id, page_count FROM volume_entries WHERE volume_id = ?', [volumeId])).map((r) => [r.id, r.page_count]));
    for (const entry of manifest.entries) {
      if (entry.firstPage === null) continue;
      const included = Array.from({ length: counts.get(entry.entryId) ?? 0 }, (_, i) => i).filter((i) => !excluded.some((x) => x.entry_id === entry.entryId && x.page_index === i));
      const withheld = placeholder.filter((m) => m.entry_id === entry.entryId);
      const redacted = burned.filter((m) => m.entry_id === entry.entryId);
      included.forEach((pageIndex, k) => {
        const at = manifest.frontPages + entry.firstPage! - 1 + k;
        const page = pubPdf.getPages()[at];
        const source = full.getPages()[at];
        if (!page) return;
        if (withheld.some((m) => m.page_index === null || m.page_index === pageIndex)) {
          const leak = drawsImage(pubPdf, page) || (source !== undefined && sharesContent(pubPdf, page, full, source));
          if (leak) out.push(fixityFailure(volumeId, 'PUBLIC_COPY_LEAK', `public:v${pub.version}`, `第 ${at + 1} 页（卷内文件 ${entry.entryId} 原第 ${pageIndex + 1} 页）应为不予公开占位页`));
        } else if (redacted.some((m) => m.page_index === pageIndex) && source !== undefined && sharesImage(pubPdf, page, full, source)) {
          out.push(fixityFailure(volumeId, 'PUBLIC_COPY_LEAK', `public:v${pub.version}`, `第 ${at + 1} 页（卷内文件 ${entry.entryId} 原第 ${pageIndex + 1} 页）应为框选区域涂黑后的图像，却与完整版相同`));
        }
      });
    }
  }

  /** 归档过程安全性: the archived version was approved by a legal-role user who neither bound nor submitted it. */
  async function reviewProblems(volumeId: number, bindingVersion: number): Promise<string[]> {
    const r = await db.get<{ decision: string | null; binding_version: number; submitted_by: number | null; reviewer_id: number | null; bound_by: number | null }>(
      `SELECT r.decision, r.binding_version, r.submitted_by, r.reviewer_id, b.bound_by FROM volume_archives a JOIN legal_reviews r ON r.id = a.review_id
       LEFT JOIN volume_bindings b ON b.volume_id = r.volume_id AND b.version = r.binding_version WHERE a.volume_id = ?`,
      [volumeId],
    );
    if (!r) return ['归档记录没有对应的法制审核'];
    const problems: string[] = [];
    if (r.decision !== 'approve') problems.push('对应的法制审核未通过');
    if (r.binding_version !== bindingVersion) problems.push(`审核的是第 ${r.binding_version} 版，归档的是第 ${bindingVersion} 版`);
    // The reviewer's role is checked when deciding; roles may change later, so it is not re-judged here.
    if (r.reviewer_id === null) problems.push('没有审核人');
    if (r.reviewer_id !== null && (r.reviewer_id === r.submitted_by || r.reviewer_id === r.bound_by)) problems.push('审核人是该卷的装订或提交人');
    return problems;
  }

  /**
   * The archived files: each a sound file of its own, derived from the reviewed (archived) binding — the
   * recorded source hash is that binding's, and every content page draws exactly the reviewed page's content.
   * The latest archiving or 补充件 must have one. A volume received in a transfer keeps the sender's archived
   * file (received_archived_files), derived from the received copy of the sender's reviewed binding.
   */
  async function checkArchivedFiles(volumeId: number, reviewedVersion: number | null, bindings: ReadonlyMap<number, { row: BoundRow; pdf: PDFDocument | null }>, entryIds: Set<number>, out: FixityFailure[]): Promise<void> {
    if (reviewedVersion !== null) {
      const files = await db.all<DerivedRow>(
        'SELECT id, version, blob_sha256, sha256, size, pages, content_pages, manifest, binding_version, derived_from_sha256 FROM volume_archived_files WHERE volume_id = ? ORDER BY version DESC',
        [volumeId],
      );
      for (const f of files) await checkDerived(volumeId, f, 'archived', reviewedVersion, bindings, entryIds, out);
      const gap = (await archivedFileGaps(db, volumeId))[0];
      if (gap) {
        const event = gap.supplementId === null ? '归档' : `补充件（第 ${gap.supplementId} 号）登记`;
        const now = gap.jobId === null ? '没有生成任务，可在归档记录中重新生成' : `生成任务 #${gap.jobId} 尚未完成`;
        out.push(fixityFailure(volumeId, 'ARCHIVED_FILE_MISSING', `archive:${volumeId}`, `${event}后没有归档文件（已有 ${files.length} 版）；${now}`));
      }
    }
    const received = await db.all<DerivedRow>(
      'SELECT id, origin_version AS version, blob_sha256, sha256, size, pages, content_pages, manifest, binding_version, derived_from_sha256 FROM received_archived_files WHERE volume_id = ? ORDER BY origin_version DESC',
      [volumeId],
    );
    for (const f of received) await checkDerived(volumeId, f, 'received-archived', f.binding_version, bindings, entryIds, out);
  }

  async function checkDerived(volumeId: number, f: DerivedRow, kind: 'archived' | 'received-archived', reviewedVersion: number, bindings: ReadonlyMap<number, { row: BoundRow; pdf: PDFDocument | null }>, entryIds: Set<number>, out: FixityFailure[]): Promise<void> {
    const item = `${kind}:v${f.version}`;
    const reviewed = bindings.get(reviewedVersion);
    const pdf = await checkBound(volumeId, f, kind, entryIds, out);
    if (f.binding_version !== reviewedVersion || f.derived_from_sha256 !== reviewed?.row.sha256) {
      out.push(fixityFailure(volumeId, 'ARCHIVED_FILE_MISMATCH', item, `来源为第 ${f.binding_version} 版（${f.derived_from_sha256}），归档的是第 ${reviewedVersion} 版（${reviewed?.row.sha256 ?? '缺失'}）`));
      return;
    }
    if (!pdf || !reviewed.pdf) return;
    const mine = JSON.parse(f.manifest) as Manifest;
    const theirs = JSON.parse(reviewed.row.manifest) as Manifest;
    const changed: number[] = [];
    for (let k = 0; k < f.content_pages; k++) {
      const a = pdf.getPages()[mine.frontPages + k];
      const b = reviewed.pdf.getPages()[theirs.frontPages + k];
      if (!a || !b || streamsOf(pdf, a).join('\n') !== streamsOf(reviewed.pdf, b).join('\n')) changed.push(k + 1);
    }
    if (changed.length > 0) out.push(fixityFailure(volumeId, 'ARCHIVED_FILE_MISMATCH', item, `第 ${changed.slice(0, 10).join('、')}${changed.length > 10 ? ' 等' : ''} 页（页号）与审核通过的版本不同`));
  }

  /** All checks of one volume. */
  async function checkVolume(volumeId: number): Promise<VolumeCheck> {
    const out: FixityFailure[] = [];
    const volume = await db.get<{ title: string; custody_bureau_id: number | null }>('SELECT title, custody_bureau_id FROM volumes WHERE id = ?', [volumeId]);
    if (!volume?.title.trim()) out.push(fixityFailure(volumeId, 'METADATA_MISSING', `volume:${volumeId}`, '缺少案卷题名'));
    const entries = await db.all<EntryRow>('SELECT id, blob_sha256, media_type, page_count, title, doc_date, doc_type FROM volume_entries WHERE volume_id = ? ORDER BY id', [volumeId]);
    for (const e of entries) await checkEntry(volumeId, e, out);
    const bindings = await db.all<BoundRow>('SELECT id, version, blob_sha256, sha256, size, pages, content_pages, manifest FROM volume_bindings WHERE volume_id = ? ORDER BY version DESC', [volumeId]);
    if (bindings.length === 0) {
      out.push(fixityFailure(volumeId, 'NOT_BOUND', `volume:${volumeId}`, '没有装订版本'));
      return { failures: out, pages: 0 };
    }
    const entryIds = new Set(entries.map((e) => e.id));
    let latest: PDFDocument | null = null;
    const loaded = new Map<number, { row: BoundRow; pdf: PDFDocument | null }>();
    for (const [i, b] of bindings.entries()) {
      const pdf = await checkBound(volumeId, b, 'binding', entryIds, out);
      loaded.set(b.version, { row: b, pdf });
      if (i === 0) latest = pdf;
    }
    const archive = await db.get<{ archive_no: string; year: number; retention: string; seq: number; binding_version: number }>('SELECT archive_no, year, retention, seq, binding_version FROM volume_archives WHERE volume_id = ?', [volumeId]);
    if (archive && !(archive.archive_no.includes(String(archive.year)) && archive.archive_no.includes(archive.retention) && archive.archive_no.includes(volumeSeq(archive.seq)))) {
      out.push(fixityFailure(volumeId, 'ARCHIVE_NO_INVALID', `archive:${volumeId}`, `${archive.archive_no} 与年度 ${archive.year}、保管期限 ${archive.retention}、案卷号 ${volumeSeq(archive.seq)} 不符`));
    }
    if (archive) for (const problem of await reviewProblems(volumeId, archive.binding_version)) out.push(fixityFailure(volumeId, 'REVIEW_INVALID', `archive:${volumeId}`, problem));
    await checkArchivedFiles(volumeId, archive?.binding_version ?? null, loaded, entryIds, out);
    const copies = await db.all<BoundRow & { based_on_version: number }>('SELECT id, version, based_on_version, blob_sha256, sha256, size, pages, content_pages, manifest FROM volume_public_copies WHERE volume_id = ? ORDER BY version DESC', [volumeId]);
    const live = (await db.get<{ n: number }>('SELECT count(*) AS n FROM volume_redactions m JOIN volume_entries e ON e.id = m.entry_id WHERE e.volume_id = ? AND m.lifted_at IS NULL', [volumeId]))?.n ?? 0;
    if (live > 0 && copies.length === 0) out.push(fixityFailure(volumeId, 'PUBLIC_COPY_MISSING', `volume:${volumeId}`, `${live} 处不予公开标记，没有公开版`));
    else if (live > 0 && !(await publicCopyCurrent(db, volumeId))) out.push(fixityFailure(volumeId, 'PUBLIC_COPY_STALE', `public:v${copies[0]?.version}`, '公开版不是按最新装订版本和当前不予公开标记生成的'));
    for (const [i, c] of copies.entries()) {
      const pdf = await checkBound(volumeId, c, 'public', entryIds, out);
      const base = c.based_on_version === bindings[0]?.version ? latest : null;
      if (i === 0 && pdf && base) await checkPublicLeak(volumeId, c, pdf, base, out);
    }
    return { failures: out, pages: bindings[0]?.pages ?? 0 };
  }

  return { checkVolume };
}

/** Fonts used in the file without an embedded font program (a standard-14 font needs none). */
function unembeddedFonts(pdf: PDFDocument): string[] {
  const missing = new Set<string>();
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.lookupMaybe(PDFName.of('Type'), PDFName)?.asString() !== '/Font') continue;
    const subtype = obj.lookupMaybe(PDFName.of('Subtype'), PDFName)?.asString();
    if (subtype === '/Type0' || subtype === '/Type3') continue; // a Type0 font's descendant is checked itself
    const base = obj.lookupMaybe(PDFName.of('BaseFont'), PDFName)?.decodeText() ?? '?';
    const descriptor = obj.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    const embedded = descriptor && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.has(PDFName.of(k)));
    if (!embedded && !STANDARD_14.test(base)) missing.add(base);
  }
  return [...missing];
}

function streamsOf(pdf: PDFDocument, page: PDFPage): string[] {
  const contents = page.node.Contents();
  if (!contents) return [];
  const list = contents instanceof PDFArray ? contents.asArray().map((r) => pdf.context.lookup(r)) : [contents];
  return list.map((s) => (s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') : ''));
}

/** The image streams a page draws (directly or through form XObjects), as their stored bytes. */
function imagesOf(pdf: PDFDocument, page: PDFPage): Buffer[] {
  const out: Buffer[] = [];
  const seen = new Set<PDFDict>();
  const visit = (resources: PDFDict | undefined) => {
    const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    for (const [, ref] of xobjects?.entries() ?? []) {
      const x = ref instanceof PDFRef ? pdf.context.lookup(ref) : ref;
      if (!(x instanceof PDFRawStream) || seen.has(x.dict)) continue;
      seen.add(x.dict);
      if (x.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.asString() === '/Image') out.push(Buffer.from(x.contents));
      else visit(x.dict.lookupMaybe(PDFName.of('Resources'), PDFDict));
    }
  };
  visit(page.node.Resources());
  return out;
}

/** A redacted page must not carry the full version's image: burning a rectangle in always makes a new one. */
function sharesImage(pubPdf: PDFDocument, page: PDFPage, full: PDFDocument, source: PDFPage): boolean {
  const original = imagesOf(full, source);
  return imagesOf(pubPdf, page).some((img) => original.some((o) => o.length === img.length && o.equals(img)));
}

/** The page draws an image, directly or through a form XObject. */
function drawsImage(pdf: PDFDocument, page: PDFPage): boolean {
  const seen = new Set<PDFDict>();
  const visit = (resources: PDFDict | undefined): boolean => {
    const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    for (const [, ref] of xobjects?.entries() ?? []) {
      const x = ref instanceof PDFRef ? pdf.context.lookup(ref) : ref;
      if (!(x instanceof PDFStream)) continue;
      if (x.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.asString() === '/Image') return true;
      if (seen.has(x.dict)) continue;
      seen.add(x.dict);
      if (visit(x.dict.lookupMaybe(PDFName.of('Resources'), PDFDict))) return true;
    }
    return false;
  };
  return visit(page.node.Resources());
}

/** A withheld page's original content stream reappears in the public page (the page number stamp and q/Q wrappers aside). */
function sharesContent(pubPdf: PDFDocument, page: PDFPage, full: PDFDocument, source: PDFPage): boolean {
  const original = new Set(streamsOf(full, source).slice(0, -1).filter((s) => s.trim().length >= 32));
  return streamsOf(pubPdf, page).some((s) => original.has(s));
}
