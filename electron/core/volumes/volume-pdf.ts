import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFPage, PDFRawStream, decodePDFRawStream, degrees, type PDFFont, type PDFRef } from 'pdf-lib';
import { NON_PUBLIC_REASON_LABELS, type NonPublicReason } from '../../../shared/domain/inspections/inspections';
import type { PageNumberPosition } from '../../../shared/contract/volumes';
import { pageRange, type PageRotation, type VolumeMediaType } from '../../../shared/domain/volumes/volumes';
import { createPdfBuilder, type PdfBuilder } from '../documents/pdf-builder';
import { jpegInfo } from './volume-files';

/**
 * One bound volume as a PDF (domain-reference §3): cover, 卷内文件目录, the documents' pages numbered
 * top-right from 1, 卷内备考表; one bookmark per document. Pages of PDFs are copied as they are
 * (copyPages), JPEG scans are embedded with their original bytes (no re-encoding), rotation is the page's
 * /Rotate, excluded pages are left out and listed in the 备考表. Front and back matter come from the house
 * PDF builder without its footer: they are not numbered (§3.4).
 *
 * The public copy (公开版) is the same structure with every withheld page (a page marked 不予公开, or any
 * page of a document marked as a whole) replaced by a placeholder page stating the reason. A withheld page
 * is never copied or embedded: only the kept pages of a source PDF are copied (with what they reference),
 * and a withheld scan is not read at all — so nothing of it is in the bytes, hidden or covered.
 */

export type BindPageState = { rotation: PageRotation; excluded: boolean; reason: string | null };

export type BindEntry = {
  entryId: number;
  /** 题名 as printed: an untitled document gets an assigned title in [ ] (§3.2). */
  title: string;
  docNo: string | null;
  responsible: string | null;
  docDate: string | null;
  remark: string | null;
  mediaType: VolumeMediaType;
  pageCount: number;
  bytes: () => Promise<Uint8Array>;
  pages: ReadonlyMap<number, BindPageState>;
  /** Live 不予公开 marks: the whole document, or single pages (0-based). Used only for the public copy. */
  withheld: { document: NonPublicReason | null; pages: ReadonlyMap<number, NonPublicReason> };
};

export type BindFacts = {
  /** 全宗名称: the custody bureau. */
  fondsName: string;
  volumeTitle: string;
  inspectingBureauName: string;
  retentionLabel: string;
  archiveNo: string | null;
  keywords: string[];
  boundByName: string;
  inspectorNames: string;
  /** 立卷时间 (YYYY-MM-DD) and the PDF's creation date. */
  boundOn: string;
  boundAt: Date;
  /** Reasons printed in the 本卷情况说明 besides the excluded pages (incomplete volume, later additions). */
  notes: string[];
  /** Build the public copy: withheld pages become placeholder pages. */
  publicCopy: boolean;
  /** Where the page numbers go (§3.4; default front top-right). */
  pageNumbers?: PageNumberPosition;
};

export type BoundEntry = { entryId: number; firstPage: number | null; lastPage: number | null; pages: number };
export type BoundVolume = { bytes: Uint8Array; pages: number; frontPages: number; contentPages: number; backPages: number; entries: BoundEntry[] };

type Progress = (done: number, total: number) => Promise<void>;

const ymd = (date: string | null) => (date ? date.replaceAll('-', '') : '');

/** Content page numbers for each entry from the pages that are bound. */
export function numberEntries(entries: readonly BindEntry[]): BoundEntry[] {
  let next = 1;
  return entries.map((e) => {
    const count = includedPages(e).length;
    const first = count > 0 ? next : null;
    next += count;
    return { entryId: e.entryId, firstPage: first, lastPage: first === null ? null : first + count - 1, pages: count };
  });
}

const includedPages = (e: BindEntry): number[] => Array.from({ length: e.pageCount }, (_, i) => i).filter((i) => !e.pages.get(i)?.excluded);

export async function bindVolumePdf(entries: readonly BindEntry[], facts: BindFacts, fontBytes: Uint8Array, progress: Progress): Promise<BoundVolume> {
  const numbered = numberEntries(entries);
  const contentPages = numbered.reduce((sum, e) => sum + e.pages, 0);
  const front = await PDFDocument.load(await frontMatter(entries, numbered, facts, contentPages, fontBytes));
  const back = await PDFDocument.load(await backMatter(entries, numbered, facts, contentPages, fontBytes));

  const out = await PDFDocument.create({ updateMetadata: false });
  out.registerFontkit(fontkit);
  const font = await out.embedFont(fontBytes, { subset: true });
  for (const page of await out.copyPages(front, front.getPageIndices())) out.addPage(page);

  const firstPageRefs: (PDFRef | null)[] = [];
  let number = 0;
  for (const [index, entry] of entries.entries()) {
    const added = await addEntryPages(out, entry, facts.publicCopy ? font : null);
    firstPageRefs.push(added[0]?.ref ?? null);
    for (const page of added) stampNumber(page, ++number, font, facts.pageNumbers ?? 'top-right');
    await progress(index + 1, entries.length);
  }
  for (const page of await out.copyPages(back, back.getPageIndices())) out.addPage(page);

  addOutline(out, entries.map((e, i) => ({ title: e.title, ref: firstPageRefs[i] ?? null })));
  out.setTitle(facts.volumeTitle, { showInWindowTitleBar: true });
  if (facts.archiveNo) out.setSubject(facts.archiveNo);
  out.setKeywords(facts.keywords);
  out.setAuthor(facts.fondsName);
  out.setProducer('casebinder');
  out.setCreator('casebinder');
  out.setLanguage('zh-CN');
  out.setCreationDate(facts.boundAt);
  out.setModificationDate(facts.boundAt);
  const bytes = await out.save({ useObjectStreams: true });
  return { bytes, pages: out.getPageCount(), frontPages: front.getPageCount(), contentPages, backPages: back.getPageCount(), entries: numbered };
}

/** Why page `i` of the entry is withheld from the public copy, or null. */
export const withheldReason = (e: BindEntry, i: number): NonPublicReason | null => e.withheld.document ?? e.withheld.pages.get(i) ?? null;

export const placeholderText = (reason: NonPublicReason) => `本页涉及${NON_PUBLIC_REASON_LABELS[reason]}，依法不予公开`;

/** A placeholder page (A4) for a withheld page: only the reason, drawn with the volume's subset font. */
function addPlaceholder(out: PDFDocument, reason: NonPublicReason, font: PDFFont): PDFPage {
  const page = out.addPage([595.28, 841.89]);
  const text = placeholderText(reason);
  const size = 18;
  page.drawText(text, { x: (595.28 - font.widthOfTextAtSize(text, size)) / 2, y: 841.89 / 2, size, font });
  return page;
}

/**
 * The entry's bound pages, added to `out` with their rotation. With `placeholderFont` (the public copy)
 * withheld pages become placeholders and only the kept pages are read from the source.
 */
async function addEntryPages(out: PDFDocument, entry: BindEntry, placeholderFont: PDFFont | null): Promise<PDFPage[]> {
  const included = includedPages(entry);
  if (included.length === 0) return [];
  const withheld = (i: number) => (placeholderFont ? withheldReason(entry, i) : null);
  const kept = included.filter((i) => withheld(i) === null);
  const rotationOf = (i: number) => entry.pages.get(i)?.rotation ?? 0;
  const copied = new Map<number, PDFPage>();
  if (kept.length > 0) {
    for (const [i, page] of (await copyKept(out, entry, kept, kept.length < included.length)).entries()) copied.set(kept[i] as number, page);
  }
  return included.map((i) => {
    const reason = withheld(i);
    if (reason !== null) return addPlaceholder(out, reason, placeholderFont as PDFFont);
    const page = copied.get(i) as PDFPage;
    out.addPage(page);
    page.setRotation(degrees((page.getRotation().angle + rotationOf(i)) % 360));
    return page;
  });
}

/**
 * The kept pages of the entry as pages of `out` (not yet added): copied from a PDF (each with only its own
 * XObjects when pages of it are withheld), or the scan drawn on a page of its own.
 */
async function copyKept(out: PDFDocument, entry: BindEntry, kept: number[], withholding: boolean): Promise<PDFPage[]> {
  const bytes = await entry.bytes();
  if (entry.mediaType === 'application/pdf') {
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    if (withholding) ownXObjects(source, kept);
    return out.copyPages(source, kept);
  }
  const image = entry.mediaType === 'image/jpeg' ? await out.embedJpg(bytes) : await out.embedPng(bytes);
  const size = imagePageSize(entry.mediaType, bytes, image.width, image.height);
  const page = PDFPage.create(out); // added by addEntryPages in its place in the order
  page.setSize(size.width, size.height);
  page.drawImage(image, { x: 0, y: 0, width: size.width, height: size.height });
  return [page];
}

/**
 * Pages of one PDF may share a /Resources dictionary whose XObjects (scans, forms with text) belong to
 * other pages: copying a kept page would then carry a withheld page's image along. Before copying, each
 * kept page gets its own resources naming only the XObjects its content draws (`/Name Do`).
 */
function ownXObjects(source: PDFDocument, kept: readonly number[]): void {
  const pages = source.getPages();
  for (const i of kept) {
    const node = (pages[i] as PDFPage).node;
    const resources = node.Resources();
    const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    if (!resources || !xobjects) continue;
    const used = new Set([...contentText(source, node.Contents()).matchAll(/\/([^\s/[\]()<>{}%]+)\s+Do\b/g)].map((m) => m[1]));
    const own = source.context.obj({});
    for (const [name, ref] of xobjects.entries()) if (used.has(name.decodeText())) own.set(name, ref);
    const copy = resources.clone(source.context);
    copy.set(PDFName.of('XObject'), own);
    node.set(PDFName.of('Resources'), copy);
  }
}

function contentText(source: PDFDocument, contents: ReturnType<PDFPage['node']['Contents']>): string {
  if (!contents) return '';
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => source.context.lookup(r)) : [contents];
  return streams
    .map((st) => (st instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(st).decode()).toString('latin1') : ''))
    .join('\n');
}

/** Page size in pt from the scan's resolution (JFIF density), else the image fitted to A4 width. */
function imagePageSize(mediaType: VolumeMediaType, bytes: Uint8Array, width: number, height: number): { width: number; height: number } {
  if (mediaType === 'image/jpeg') {
    const { dpiX, dpiY } = jpegInfo(bytes);
    if (dpiX && dpiY && dpiX >= 50) return { width: (width * 72) / dpiX, height: (height * 72) / dpiY };
  }
  const scale = 595.28 / width;
  return { width: 595.28, height: height * scale };
}

/**
 * The page number where §3.4 (and the binding's option) puts it, as the reader sees the page: with /Rotate
 * the visible corner is another corner of the unrotated page, and the text turns with it so it reads upright.
 * 'outer-top': odd numbers (正面) top-right, even numbers (背面) top-left.
 */
export function stampNumber(page: PDFPage, number: number, font: PDFFont, position: PageNumberPosition = 'top-right'): void {
  const text = String(number);
  const size = 12;
  const margin = 20;
  const { x, y, width: w, height: h } = page.getMediaBox();
  const tw = font.widthOfTextAtSize(text, size);
  const rotation = (((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  const turned = rotation === 90 || rotation === 270;
  // The visible page (vw × vh) and the text's start (baseline, left) on it.
  const vw = turned ? h : w;
  const vh = turned ? w : h;
  const top = vh - margin - size;
  const bottom = margin;
  const visible = {
    'top-right': { vx: vw - margin - tw, vy: top },
    'bottom-right': { vx: vw - margin - tw, vy: bottom },
    'bottom-center': { vx: (vw - tw) / 2, vy: bottom },
    'outer-top': number % 2 === 1 ? { vx: vw - margin - tw, vy: top } : { vx: margin, vy: top },
  }[position];
  const { vx, vy } = visible;
  // Visible → unrotated page coordinates (the viewer turns the page clockwise by /Rotate).
  const at = {
    0: { px: vx, py: vy },
    90: { px: w - vy, py: vx },
    180: { px: w - vx, py: h - vy },
    270: { px: vy, py: h - vx },
  }[rotation] ?? { px: vx, py: vy };
  page.drawText(text, { x: x + at.px, y: y + at.py, size, font, rotate: degrees(rotation) });
}

/** One bookmark per document at its first bound page (pdf-lib has no outline API: tech-notes §3). */
function addOutline(doc: PDFDocument, items: readonly { title: string; ref: PDFRef | null }[]): void {
  const marks = items.filter((i): i is { title: string; ref: PDFRef } => i.ref !== null);
  if (marks.length === 0) return;
  const ctx = doc.context;
  const rootRef = ctx.nextRef();
  const refs = marks.map(() => ctx.nextRef());
  marks.forEach((mark, i) => {
    const dict = ctx.obj({});
    dict.set(PDFName.of('Title'), PDFHexString.fromText(mark.title));
    dict.set(PDFName.of('Parent'), rootRef);
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1] as PDFRef);
    if (i < refs.length - 1) dict.set(PDFName.of('Next'), refs[i + 1] as PDFRef);
    dict.set(PDFName.of('Dest'), ctx.obj([mark.ref, 'XYZ', null, null, null]));
    ctx.assign(refs[i] as PDFRef, dict);
  });
  const root = ctx.obj({});
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  root.set(PDFName.of('First'), refs[0] as PDFRef);
  root.set(PDFName.of('Last'), refs[refs.length - 1] as PDFRef);
  root.set(PDFName.of('Count'), PDFNumber.of(refs.length));
  ctx.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** What the cover (案卷封面, §3.1) shows. */
export type CoverFacts = Pick<BindFacts, 'fondsName' | 'volumeTitle' | 'inspectingBureauName' | 'retentionLabel' | 'archiveNo'> & { dateSpan: string; documents: number; contentPages: number };

/** The cover on the builder's current (first) page. */
export function drawCover(pdf: PdfBuilder, c: CoverFacts): void {
  pdf.spacer(40);
  pdf.heading(c.fondsName, { size: 18 });
  pdf.spacer(16);
  pdf.heading('随机抽查专卷', { size: 26 });
  pdf.spacer(40);
  pdf.keyValueTable(
    [
      ['全宗名称', c.fondsName],
      ['类目名称', '“双随机、一公开”抽查'],
      ['案卷题名', c.volumeTitle],
      ['检查机构', c.inspectingBureauName],
      ['时间', c.dateSpan || ' '],
      ['保管期限', c.retentionLabel],
      ['件数', `${c.documents} 件`],
      ['页数', `${c.contentPages} 页`],
      ['档号', c.archiveNo ?? ' '],
    ],
    { labelWidth: 110, size: 12 },
  );
}

export function dateSpan(entries: readonly Pick<BindEntry, 'docDate'>[]): string {
  const dates = entries.map((e) => e.docDate).filter((d): d is string => Boolean(d)).sort();
  return dates.length === 0 ? '' : `${ymd(dates[0] ?? null)}—${ymd(dates[dates.length - 1] ?? null)}`;
}

async function frontMatter(entries: readonly BindEntry[], numbered: readonly BoundEntry[], facts: BindFacts, contentPages: number, fontBytes: Uint8Array): Promise<Uint8Array> {
  const pdf = await createPdfBuilder({ fontBytes, title: facts.volumeTitle, creationDate: facts.boundAt, footer: false });
  drawCover(pdf, { ...facts, dateSpan: dateSpan(entries), documents: numbered.filter((e) => e.pages > 0).length, contentPages });
  pdf.newPage();
  pdf.heading('卷内文件目录', { size: 16 });
  pdf.spacer(8);
  const rows = entries.map((e, i) => {
    const n = numbered[i] as BoundEntry;
    // 页号: the start page; the last document shows "start–end" (§3.2). Every range is printed so a reader
    // can check a document's extent without the next row.
    return [String(i + 1), e.docNo ?? '', e.responsible ?? '', e.title, ymd(e.docDate), pageRange(n.firstPage, n.pages), e.remark ?? ''];
  });
  pdf.table({
    columns: [
      { title: '序号', width: 30, align: 'center' },
      // Shares (≤ 1) of the width left by the fixed columns.
      { title: '文号', width: 0.22 },
      { title: '责任者', width: 0.22 },
      { title: '题名', width: 0.4 },
      { title: '日期', width: 56, align: 'center' },
      { title: '页号', width: 48, align: 'center' },
      { title: '备注', width: 0.16 },
    ],
    rows,
    size: 9,
  });
  return pdf.finish();
}

async function backMatter(entries: readonly BindEntry[], numbered: readonly BoundEntry[], facts: BindFacts, contentPages: number, fontBytes: Uint8Array): Promise<Uint8Array> {
  const pdf = await createPdfBuilder({ fontBytes, title: `${facts.volumeTitle} 卷内备考表`, creationDate: facts.boundAt, footer: false });
  pdf.heading('卷内备考表', { size: 16 });
  pdf.spacer(10);
  const lines = [`本卷共 ${numbered.filter((e) => e.pages > 0).length} 件，${contentPages} 页。`];
  entries.forEach((e, i) => {
    for (let p = 0; p < e.pageCount; p++) {
      const state = e.pages.get(p);
      // In the public copy a withheld document's exclusion reasons are not printed either.
      const reason = facts.publicCopy && e.withheld.document ? '' : `：${state?.reason ?? ''}`;
      if (state?.excluded) lines.push(`第 ${i + 1} 件《${e.title}》原第 ${p + 1} 页已剔除，未装订（原件留存）${reason}`);
    }
  });
  lines.push(...facts.notes);
  pdf.keyValueTable([['本卷情况说明', lines.join('\n')]], { labelWidth: 90, size: 10.5 });
  pdf.spacer(24);
  pdf.keyValueTable(
    [
      ['立卷人', facts.boundByName],
      ['检查人', facts.inspectorNames || ' '],
      ['立卷时间', ymd(facts.boundOn)],
    ],
    { labelWidth: 90, size: 10.5 },
  );
  return pdf.finish();
}
