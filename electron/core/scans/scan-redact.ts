import sharp from 'sharp';
import type { Region } from '../../../shared/domain/volumes/volumes';
import type { PageLayout } from './scan-pdf';
import type { StoredLine } from './scan-repository';

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

