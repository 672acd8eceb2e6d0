import sharp, { type Sharp } from 'sharp';
import { AppError } from '../../../shared/errors/app-error';
import type { OcrRotation } from './ocr-types';

/**
 * Image work for recognition only: the input bytes are never modified or stored from here.
 * Grey = the red channel lifted by redness for colour scans (`sealFree`: red seals and stamps turn into
 * background, black and blue ink stay dark), plain luminance otherwise.
 */
export type GreyImage = { data: Buffer; width: number; height: number };
export type DecodedPage = GreyImage & { dpi: number };

const MIN_TRUSTED_DPI = 100; // JFIF's "72 dpi" default and similar placeholders are not a scan resolution

export async function pageCount(image: Buffer): Promise<number> {
  try {
    const meta = await sharp(image).metadata();
    return Math.max(1, meta.pages ?? 1);
  } catch (error) {
    throw new AppError('OCR_IMAGE_INVALID', { reason: errorText(error) }, { cause: error });
  }
}

export async function decodePage(image: Buffer, page: number, fallbackDpi: number, redChannel = true): Promise<DecodedPage> {
  try {
    const input = sharp(image, { page, failOn: 'warning' });
    const meta = await input.metadata();
    const colour = redChannel && (meta.channels ?? 1) >= 3 && meta.space !== 'b-w';
    const density = meta.density && meta.density >= MIN_TRUSTED_DPI ? meta.density : null;
    const dpi = Math.round(density ?? fallbackDpi);
    if (colour) {
      const { data, info } = await input.removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
      if (info.channels !== 3) throw new Error(`expected 3 channels, got ${info.channels}`);
      return { data: sealFree(data), width: info.width, height: info.height, dpi };
    }
    const { data, info } = await input.flatten({ background: '#ffffff' }).greyscale().raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== 1) throw new Error(`expected 1 channel, got ${info.channels}`);
    return { data, width: info.width, height: info.height, dpi };
  } catch (error) {
    throw new AppError('OCR_IMAGE_INVALID', { reason: errorText(error) }, { cause: error });
  }
}

/**
 * Grey from interleaved RGB for recognition: the red channel, lifted by how much redder than green the
 * pixel is. A red seal (R≈210, G≈80 after scanning) becomes paper; black ink under it stays black (the
 * seal multiplies it, R and G both low), and so do blue and black ink (R − G ≤ 0). The red channel alone
 * left the seal as a light-grey ring and star that tesseract read as strokes (bench/ocr seal pages).
 */
const REDNESS_FLOOR = 24; // tinted paper and JPEG colour fringes stay as the red channel has them

export function sealFree(rgb: Buffer): Buffer {
  const out = Buffer.allocUnsafe(rgb.length / 3);
  for (let i = 0, j = 0; j < out.length; i += 3, j++) {
    const r = rgb[i] as number, g = rgb[i + 1] as number;
    const v = r + (r - g > REDNESS_FLOOR ? (r - g - REDNESS_FLOOR) * 2 : 0);
    out[j] = v >= 255 ? 255 : v;
  }
  return out;
}

function errorText(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0] ?? 'unknown';
}

function raw(img: GreyImage): Sharp {
  return sharp(img.data, { raw: { width: img.width, height: img.height, channels: 1 } });
}

async function toGrey(s: Sharp): Promise<GreyImage> {
  const { data, info } = await s.extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Rotates clockwise by a multiple of 90°. */
export async function rotateQuarter(img: GreyImage, rotation: OcrRotation): Promise<GreyImage> {
  return rotation === 0 ? img : toGrey(raw(img).rotate(rotation));
}

export async function downscale(img: GreyImage, maxSide: number): Promise<GreyImage> {
  const f = maxSide / Math.max(img.width, img.height);
  if (f >= 1) return img;
  return toGrey(raw(img).resize(Math.max(1, Math.round(img.width * f)), Math.max(1, Math.round(img.height * f)), { kernel: 'linear' }));
}

export async function toPng(img: GreyImage, dpi = 300, compressionLevel = 1): Promise<Buffer> {
  return raw(img).withMetadata({ density: dpi }).png({ compressionLevel }).toBuffer();
}

/** Otsu threshold of an 8-bit grey buffer. */
export function otsu(data: Uint8Array): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < data.length; i++) { const v = data[i] as number; hist[v] = (hist[v] as number) + 1; }
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * (hist[t] as number);
  let sumB = 0, wB = 0, best = 0, threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t] as number;
    if (wB === 0) continue;
    const wF = data.length - wB;
    if (wF === 0) break;
    sumB += t * (hist[t] as number);
    const mB = sumB / wB, mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) * (mB - mF);
    if (between > best) { best = between; threshold = t; }
  }
  return threshold;
}

/**
 * Skew in degrees clockwise (text lines descending to the right are positive), by a projection-profile
 * search over ±maxDeg on a downscaled, binarised copy: the angle whose row profile is the most peaked.
 */
export async function measureSkew(img: GreyImage, maxDeg = 5): Promise<number> {
  const small = await downscale(img, 1100);
  const t = otsu(small.data);
  const xs: number[] = [], ys: number[] = [];
  const cx = small.width / 2, cy = small.height / 2;
  // ignore a margin (scanner edges and shadows)
  const mx = Math.round(small.width * 0.03), my = Math.round(small.height * 0.03);
  for (let y = my; y < small.height - my; y++) {
    for (let x = mx; x < small.width - mx; x++) if ((small.data[y * small.width + x] as number) < t) { xs.push(x - cx); ys.push(y - cy); }
  }
  if (xs.length < 200 || xs.length > small.data.length * 0.5) return 0;
  const diag = Math.ceil(Math.hypot(small.width, small.height));
  const bins = new Float64Array(diag + 2);
  const score = (deg: number) => {
    const a = (deg * Math.PI) / 180, s = Math.sin(a), c = Math.cos(a);
    bins.fill(0);
    for (let i = 0; i < xs.length; i++) { const k = Math.round((ys[i] as number) * c - (xs[i] as number) * s + diag / 2); bins[k] = (bins[k] as number) + 1; }
    let acc = 0;
    for (let i = 1; i < bins.length; i++) { const d = (bins[i] as number) - (bins[i - 1] as number); acc += d * d; }
    return acc;
  };
  let best = 0, bestScore = -1;
  for (let d = -maxDeg; d <= maxDeg + 1e-9; d += 0.25) { const s = score(d); if (s > bestScore) { bestScore = s; best = d; } }
  const coarse = best;
  for (let d = coarse - 0.25; d <= coarse + 0.25 + 1e-9; d += 0.05) { const s = score(d); if (s > bestScore) { bestScore = s; best = d; } }
  return Math.round(best * 100) / 100;
}

/** The geometry between the upright page and the image given to tesseract. */
export type RecogFrame = { skewDegrees: number; scale: number; width: number; height: number; uprightWidth: number; uprightHeight: number };

export type PrepOptions = { skewDegrees: number; scale: number; normalise: boolean; removeRules: boolean; dpi: number };

/** Deskew (rotate by −skew on white), upscale, background normalisation; PNG for tesseract + its frame. */
export async function prepareForRecognition(upright: GreyImage, o: PrepOptions): Promise<{ png: Buffer; frame: RecogFrame }> {
  let s = raw(upright);
  if (Math.abs(o.skewDegrees) >= 0.1) s = s.rotate(-o.skewDegrees, { background: '#ffffff' });
  let img = await toGrey(s);
  if (o.scale !== 1) img = await toGrey(raw(img).resize(Math.round(img.width * o.scale), Math.round(img.height * o.scale), { kernel: 'cubic' }));
  if (o.normalise) img = await normaliseBackground(img);
  if (o.removeRules) removeRules(img, Math.round(o.dpi * 0.45));
  const frame = { skewDegrees: Math.abs(o.skewDegrees) >= 0.1 ? o.skewDegrees : 0, scale: o.scale, width: img.width, height: img.height, uprightWidth: upright.width, uprightHeight: upright.height };
  return { png: await toPng(img, 300, 0), frame }; // stored deflate: the PNG only crosses to the worker
}

/**
 * Divides by an estimate of the paper's brightness (per 32-px tile, a high percentile, smoothed and
 * interpolated): removes shading, edge shadows and grey backgrounds; then stretches the contrast.
 */
export async function normaliseBackground(img: GreyImage): Promise<GreyImage> {
  const T = 32;
  const tw = Math.ceil(img.width / T), th = Math.ceil(img.height / T);
  const tiles = Buffer.alloc(tw * th);
  const hist = new Uint32Array(256);
  for (let ty = 0; ty < th; ty++) {
    for (let tx = 0; tx < tw; tx++) {
      hist.fill(0);
      let n = 0;
      for (let y = ty * T; y < Math.min(img.height, ty * T + T); y += 2) {
        for (let x = tx * T; x < Math.min(img.width, tx * T + T); x += 2) { const v = img.data[y * img.width + x] as number; hist[v] = (hist[v] as number) + 1; n++; }
      }
      let k = Math.ceil(n * 0.1), v = 255; // 90th percentile: paper, not ink
      while (v > 0 && k > 0) { k -= hist[v] as number; if (k > 0) v--; }
      tiles[ty * tw + tx] = Math.max(v, 40);
    }
  }
  const bg = await toGrey(sharp(tiles, { raw: { width: tw, height: th, channels: 1 } }).median(3).resize(img.width, img.height, { kernel: 'linear', fit: 'fill' }));
  const out = Buffer.alloc(img.data.length);
  for (let i = 0; i < out.length; i++) {
    const v = ((img.data[i] as number) * 255) / (bg.data[i] as number);
    out[i] = v >= 255 ? 255 : v;
  }
  return { data: out, width: img.width, height: img.height };
}

/** Maps a point of the recognition image back to the upright page. */
export function toUpright(frame: RecogFrame, x: number, y: number): [number, number] {
  const qx = x / frame.scale - frame.width / frame.scale / 2;
  const qy = y / frame.scale - frame.height / frame.scale / 2;
  const a = (frame.skewDegrees * Math.PI) / 180, s = Math.sin(a), c = Math.cos(a);
  // the recognition image was turned counter-clockwise by skew: turn back clockwise
  return [qx * c - qy * s + frame.uprightWidth / 2, qx * s + qy * c + frame.uprightHeight / 2];
}

/**
 * Erases table rules and form underlines in place: dark runs longer than `minRun` pixels (≈ 0.45 in,
 * longer than any stroke of a character) horizontally and vertically, plus their light anti-aliased fringe.
 * Rules touching characters make tesseract read "|" or misread the character next to them.
 */
export function removeRules(img: GreyImage, minRun: number, dark = 170): void {
  const { data, width: w, height: h } = img;
  const GAP = 3; // a rule broken by noise or JPEG blocks still counts as one
  // Dark = dark in this line or the one beside it: a rule left slightly tilted by deskewing, or wavy
  // from the scanner, steps across lines and would otherwise be cut into dashes shorter than minRun.
  // Both directions are found before anything is erased: erasing the rows first would cut the columns.
  const find = (outer: number, inner: number, at: (o: number, i: number) => number) => {
    const runs: [number, number, number][] = []; // [line, from, to)
    const isDark = (o: number, i: number) => (data[at(o, i)] as number) < dark || (o > 0 && (data[at(o - 1, i)] as number) < dark) || (o + 1 < outer && (data[at(o + 1, i)] as number) < dark);
    for (let o = 0; o < outer; o++) {
      let start = -1, last = -1;
      for (let i = 0; i <= inner; i++) {
        if (i < inner && isDark(o, i)) {
          if (start < 0) start = i;
          last = i;
        } else if (start >= 0 && (i === inner || i - last > GAP)) {
          if (last + 1 - start >= minRun) runs.push([o, start, last + 1]);
          start = -1;
        }
      }
    }
    return runs;
  };
  const erase = (runs: [number, number, number][], outer: number, at: (o: number, i: number) => number) => {
    for (const [o, from, to] of runs) {
      for (let i = from; i < to; i++) {
        for (const d of [-3, -2, -1, 0, 1, 2, 3]) {
          if (o + d < 0 || o + d >= outer) continue;
          const k = at(o + d, i);
          if (d === 0 || (data[k] as number) >= dark - 40) data[k] = 255;
        }
      }
    }
  };
  const row = (y: number, x: number) => y * w + x;
  const col = (x: number, y: number) => y * w + x;
  const horizontal = find(h, w, row);
  const vertical = find(w, h, col);
  erase(horizontal, h, row);
  erase(vertical, w, col);
}
