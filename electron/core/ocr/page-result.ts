import type { RecogFrame } from './page-image';
import { toUpright } from './page-image';
import { normaliseOcrLine, repairCreditCodes } from './text-normalise';
import type { OcrBox, OcrLine, OcrModel, OcrPageResult, OcrRotation, OcrWord } from './ocr-types';

/** The part of tesseract.js's `blocks` output we read. */
type TessBox = { x0: number; y0: number; x1: number; y1: number };
type TessWord = { text: string; confidence: number; bbox: TessBox };
type TessLine = { text: string; confidence: number; bbox: TessBox; baseline?: TessBox | null; words: TessWord[] };
export type TessPage = { blocks: { paragraphs: { lines: TessLine[] }[] }[] | null };

type Meta = { dpi: number; rotation: OcrRotation; skewDegrees: number; psm: number; model: OcrModel; seconds: number };

const round1 = (n: number) => Math.round(n * 10) / 10;

function mapBox(frame: RecogFrame, b: TessBox): OcrBox {
  const pts = [toUpright(frame, b.x0, b.y0), toUpright(frame, b.x1, b.y0), toUpright(frame, b.x0, b.y1), toUpright(frame, b.x1, b.y1)];
  const clampX = (v: number) => Math.min(frame.uprightWidth, Math.max(0, Math.round(v)));
  const clampY = (v: number) => Math.min(frame.uprightHeight, Math.max(0, Math.round(v)));
  return {
    x0: clampX(Math.min(...pts.map((p) => p[0]))), y0: clampY(Math.min(...pts.map((p) => p[1]))),
    x1: clampX(Math.max(...pts.map((p) => p[0]))), y1: clampY(Math.max(...pts.map((p) => p[1]))),
  };
}

type Segment = { line: TessLine; words: TessWord[] };

/**
 * Tesseract's page layout splits a form row ("检查对象：" | "沈阳市…") into separate blocks, which puts all
 * labels before all values. Lines whose vertical extents mostly overlap (in the deskewed recognition
 * frame) are joined into one row, left to right; rows are read top to bottom.
 */
function rows(page: TessPage): Segment[][] {
  const segs: Segment[] = [];
  for (const block of page.blocks ?? []) for (const para of block.paragraphs) for (const line of para.lines) {
    const words = line.words.filter((w) => w.text.trim().length > 0);
    if (words.length > 0) segs.push({ line, words });
  }
  const out: { top: number; bottom: number; segs: Segment[] }[] = [];
  for (const seg of [...segs].sort((a, b) => a.line.bbox.y0 + a.line.bbox.y1 - b.line.bbox.y0 - b.line.bbox.y1)) {
    const { y0, y1 } = seg.line.bbox;
    const h = Math.max(1, y1 - y0);
    const row = out.find((r) => {
      const overlap = Math.min(r.bottom, y1) - Math.max(r.top, y0);
      return overlap > 0.6 * Math.min(h, r.bottom - r.top) && h < 2 * (r.bottom - r.top) && (r.bottom - r.top) < 2 * h;
    });
    if (row) { row.segs.push(seg); row.top = Math.min(row.top, y0); row.bottom = Math.max(row.bottom, y1); } else out.push({ top: y0, bottom: y1, segs: [seg] });
  }
  return out.sort((a, b) => a.top - b.top).map((r) => r.segs.sort((a, b) => a.line.bbox.x0 - b.line.bbox.x0));
}

/** Lines (rows) and words in reading order, boxes mapped back to the upright page, text normalised. */
export function pageResult(page: TessPage, frame: RecogFrame, meta: Meta): OcrPageResult {
  const lines: OcrLine[] = [];
  let confSum = 0, confChars = 0;
  for (const row of rows(page)) {
    const words: OcrWord[] = [];
    let lineConf = 0, lineChars = 0;
    for (const w of row.flatMap((s) => s.words)) {
      const text = repairCreditCodes(w.text.normalize('NFKC').trim());
      words.push({ text, confidence: round1(w.confidence), bbox: mapBox(frame, w.bbox) });
      const n = Array.from(text).length;
      lineConf += w.confidence * n;
      lineChars += n;
    }
    const text = repairCreditCodes(normaliseOcrLine(row.map((s) => s.line.text).join(' ')));
    if (!text) continue;
    confSum += lineConf;
    confChars += lineChars;
    const first = row[0]!.line;
    let baselineY: number | null = null;
    if (first.baseline && Number.isFinite(first.baseline.y0) && Number.isFinite(first.baseline.y1)) {
      baselineY = Math.round(toUpright(frame, (first.baseline.x0 + first.baseline.x1) / 2, (first.baseline.y0 + first.baseline.y1) / 2)[1]);
    }
    const box = {
      x0: Math.min(...row.map((s) => s.line.bbox.x0)), y0: Math.min(...row.map((s) => s.line.bbox.y0)),
      x1: Math.max(...row.map((s) => s.line.bbox.x1)), y1: Math.max(...row.map((s) => s.line.bbox.y1)),
    };
    lines.push({ text, confidence: round1(lineChars ? lineConf / lineChars : 0), bbox: mapBox(frame, box), baselineY, words });
  }
  return {
    width: frame.uprightWidth, height: frame.uprightHeight, dpi: meta.dpi, rotation: meta.rotation, skewDegrees: meta.skewDegrees,
    lines, text: lines.map((l) => l.text).join('\n'),
    meanConfidence: confChars === 0 ? 0 : round1(confSum / confChars),
    psm: meta.psm, model: meta.model, seconds: Math.round(meta.seconds * 1000) / 1000,
  };
}
