import fontkit from '@pdf-lib/fontkit';
import {
  beginText,
  degrees,
  endText,
  PDFDocument,
  type PDFFont,
  type PDFImage,
  type PDFOperator,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
} from 'pdf-lib';

/**
 * The searchable PDF of a scanned document (issue 6 item 4, tech-notes §2): each page image exactly as
 * stored (a JPEG is passed through byte for byte), turned upright by drawing, under an invisible text layer
 * placed line by line where OCR found the text (text render mode 3, one BT…ET, a CJK TrueType subset;
 * per-line runs so pdftotext and a viewer's search read Chinese lines whole). Pages of a PDF that already
 * carried text are copied as they are.
 */

export type LayoutLine = { text: string; bbox: { x0: number; y0: number; x1: number; y1: number }; baselineY: number | null };
/** Line boxes in pixels of the upright page (the stored image turned clockwise by `rotation`). */
export type PageLayout = { width: number; height: number; lines: LayoutLine[] };

export type ScanPdfPage =
  | { kind: 'image'; bytes: Uint8Array; mediaType: 'image/jpeg' | 'image/png'; width: number; height: number; dpi: number; rotation: 0 | 90 | 180 | 270; layout: PageLayout | null }
  | { kind: 'pdf'; bytes: Uint8Array; pageIndex: number };

export type ScanPdfResult = { bytes: Uint8Array; droppedChars: number };

export async function buildScanPdf(pages: readonly ScanPdfPage[], options: { fontBytes: Uint8Array; title: string; creationDate: Date; keywords?: string[] }): Promise<ScanPdfResult> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  doc.setTitle(options.title, { showInWindowTitleBar: true });
  doc.setCreator('casebinder');
  doc.setProducer('casebinder');
  doc.setCreationDate(options.creationDate);
  doc.setModificationDate(options.creationDate);
  if (options.keywords?.length) doc.setKeywords(options.keywords);
  let font: PDFFont | null = null;
  let glyphs: { hasGlyphForCodePoint(code: number): boolean } | null = null;
  const sources = new Map<Uint8Array, PDFDocument>();
  let droppedChars = 0;

  for (const page of pages) {
    if (page.kind === 'pdf') {
      let source = sources.get(page.bytes);
      if (!source) {
        source = await PDFDocument.load(page.bytes, { updateMetadata: false });
        sources.set(page.bytes, source);
      }
      const [copied] = await doc.copyPages(source, [page.pageIndex]);
      doc.addPage(copied);
      continue;
    }
    const image = page.mediaType === 'image/jpeg' ? await doc.embedJpg(page.bytes) : await doc.embedPng(page.bytes);
    const k = 72 / (page.dpi > 0 ? page.dpi : 300);
    const turned = page.rotation === 90 || page.rotation === 270;
    const uprightW = (turned ? page.height : page.width) * k;
    const uprightH = (turned ? page.width : page.height) * k;
    const pdfPage = doc.addPage([uprightW, uprightH]);
    drawUpright(pdfPage, image, page.width * k, page.height * k, page.rotation);
    const lines = page.layout?.lines.filter((l) => l.text.trim() !== '') ?? [];
    if (lines.length === 0) continue;
    if (!font) {
      font = await doc.embedFont(options.fontBytes, { subset: true });
      glyphs = fontkit.create(options.fontBytes as Buffer) as unknown as { hasGlyphForCodePoint(code: number): boolean };
    }
    const layout = page.layout as PageLayout;
    // OCR may have run on a differently scaled image: map its frame onto the page.
    const sx = uprightW / layout.width;
    const sy = uprightH / layout.height;
    droppedChars += addTextLayer(pdfPage, font, glyphs as { hasGlyphForCodePoint(code: number): boolean }, lines, sx, sy, uprightH);
  }
  const bytes = await doc.save({ useObjectStreams: true });
  return { bytes, droppedChars };
}

/** Draw the stored image so that it appears turned clockwise by `rotation` on an upright page. */
function drawUpright(page: PDFPage, image: PDFImage, w: number, h: number, rotation: 0 | 90 | 180 | 270) {
  // pdf-lib rotates counter-clockwise about (x, y); a clockwise turn of r is a rotation of -r.
  const at = { 0: { x: 0, y: 0 }, 90: { x: 0, y: w }, 180: { x: w, y: h }, 270: { x: h, y: 0 } }[rotation];
  page.drawImage(image, { x: at.x, y: at.y, width: w, height: h, rotate: degrees(-rotation) });
}

function addTextLayer(page: PDFPage, font: PDFFont, glyphs: { hasGlyphForCodePoint(code: number): boolean }, lines: readonly LayoutLine[], sx: number, sy: number, pageHeight: number): number {
  const key = page.node.newFontDictionary(font.name, font.ref);
  const ops: PDFOperator[] = [pushGraphicsState(), beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
  let dropped = 0;
  for (const line of lines) {
    let text = '';
    for (const char of line.text) {
      if (glyphs.hasGlyphForCodePoint(char.codePointAt(0) as number)) text += char;
      else if (char.trim() !== '') dropped++;
    }
    text = text.trim();
    if (text === '') continue;
    const boxH = Math.max(1, (line.bbox.y1 - line.bbox.y0) * sy);
    const boxW = Math.max(1, (line.bbox.x1 - line.bbox.x0) * sx);
    const size = Math.max(1, boxH * 0.9);
    const natural = font.widthOfTextAtSize(text, size);
    const squeeze = natural > 0 ? (100 * boxW) / natural : 100;
    const baseline = line.baselineY ?? line.bbox.y1 - (line.bbox.y1 - line.bbox.y0) * 0.15;
    ops.push(setFontAndSize(key, size), setCharacterSqueeze(squeeze), setTextMatrix(1, 0, 0, 1, line.bbox.x0 * sx, pageHeight - baseline * sy), showText(font.encodeText(text)));
  }
  ops.push(endText(), popGraphicsState());
  page.pushOperators(...ops);
  return dropped;
}

/**
 * The layout the text layer uses for a page's current text: OCR's own lines, or a correction placed on
 * them — line for line when the corrected text has as many lines, otherwise spread over the area OCR found
 * text in (search still finds every corrected word; only the highlight position is approximate).
 */
export function layoutForText(ocr: PageLayout | null, text: string, fallback: { width: number; height: number }): PageLayout {
  const textLines = text.split('\n').filter((l) => l.trim() !== '');
  const base = ocr ?? { width: fallback.width, height: fallback.height, lines: [] };
  const ocrLines = base.lines.filter((l) => l.text.trim() !== '');
  if (ocrLines.length === textLines.length) return { ...base, lines: ocrLines.map((l, i) => ({ ...l, text: textLines[i] as string })) };
  if (textLines.length === 0) return { ...base, lines: [] };
  const area = ocrLines.length > 0
    ? { x0: Math.min(...ocrLines.map((l) => l.bbox.x0)), y0: Math.min(...ocrLines.map((l) => l.bbox.y0)), x1: Math.max(...ocrLines.map((l) => l.bbox.x1)), y1: Math.max(...ocrLines.map((l) => l.bbox.y1)) }
    : { x0: base.width * 0.1, y0: base.height * 0.08, x1: base.width * 0.9, y1: base.height * 0.92 };
  const step = (area.y1 - area.y0) / textLines.length;
  return {
    ...base,
    lines: textLines.map((t, i) => ({ text: t, baselineY: null, bbox: { x0: area.x0, x1: area.x1, y0: area.y0 + i * step, y1: area.y0 + i * step + Math.min(step, (area.x1 - area.x0) / Math.max(1, [...t].length)) } })),
  };
}
