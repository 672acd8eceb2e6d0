import sharp from 'sharp';
import type { Region } from '../../../shared/domain/volumes/volumes';
import type { PageLayout } from './scan-pdf';
import type { StoredLine } from './scan-repository';

/**
 * The page turned upright with the rectangles filled black — the pixels replaced, not covered — re-encoded
 * as a JPEG without metadata (public copy only; the stored scan is never touched). Decoded once to 8-bit
 * pixels, the rectangles zeroed in place, encoded with the page's own channels (a grey scan stays one
 * channel; sharp would otherwise widen it to three) and the usual 4:2:0 chroma of scanners. Measured on a
 * 300-dpi A4 page: the full-page SVG composite with 4:4:4 chroma this replaces took ~0.4 s, of which the
 * 4:4:4 encode alone was 150–200 ms; now decode ~30 ms + encode ~25 ms — it decided a public copy's time.
 */
export async function burnRegions(bytes: Uint8Array, rotation: number, rects: readonly Region[]): Promise<{ bytes: Uint8Array; width: number; height: number }> {
  const grey = (await sharp(bytes).metadata()).channels === 1;
  const decoded = sharp(bytes).rotate(rotation).flatten({ background: '#ffffff' });
  const { data, info } = await (grey ? decoded.toColourspace('b-w') : decoded).raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  const { width, height, channels } = info;
  for (const r of rects) {
    const left = Math.max(0, Math.floor(r.x0 * width));
    const top = Math.max(0, Math.floor(r.y0 * height));
    const right = Math.max(left + 1, Math.min(width, Math.ceil(r.x1 * width)));
    const bottom = Math.max(top + 1, Math.min(height, Math.ceil(r.y1 * height)));
    for (let y = top; y < bottom; y++) data.fill(0, (y * width + left) * channels, (y * width + right) * channels);
  }
  // Huffman tables left standard: half the encode time for ~15 % more bytes, on public-copy pages only.
  const out = await sharp(data, { raw: { width, height, channels } }).jpeg({ quality: 90, optimiseCoding: false }).toBuffer();
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

/**
 * Burn the rectangles of several pages, two at a time (JPEG decode and encode are single-threaded in libvips:
 * two pages in flight use both cores, ~25 % faster on this 2-core machine). Results in the order given.
 */
export async function burnPages<T>(pages: readonly T[], burn: (page: T) => Promise<{ bytes: Uint8Array; width: number; height: number }>): Promise<{ bytes: Uint8Array; width: number; height: number }[]> {
  const out: { bytes: Uint8Array; width: number; height: number }[] = new Array(pages.length);
  let next = 0;
  const worker = async () => {
    while (next < pages.length) {
      const i = next++;
      out[i] = await burn(pages[i] as T);
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}
