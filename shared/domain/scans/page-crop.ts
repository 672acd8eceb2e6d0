/**
 * Auto-crop for the document camera (高拍仪): find the bright sheet of paper on a darker desk in a small,
 * downscaled frame. Pure and synchronous (no DOM), so it can be unit-tested on synthetic pixels.
 *
 * 1. luminance of every pixel; 2. Otsu's threshold on its histogram (no fixed threshold to tune per camera);
 * 3. the largest 4-connected bright region (the page; text on it is dark but enclosed, so it does not
 * split the region); 4. its bounding box. Returns null — keep the whole frame — when there is no clear
 * contrast, the region is small (< 8 % of the frame: no page in view) or it fills nearly the whole frame.
 */

/** Grey levels between desk and paper below which there is no page to find, and the least grey paper can be. */
const MIN_CONTRAST = 48;
const MIN_PAPER = 110;

export type PixelFrame = { data: Uint8ClampedArray | Uint8Array; width: number; height: number };
export type CropRect = { x: number; y: number; width: number; height: number };

export function luminance(frame: PixelFrame): Uint8Array {
  const { data, width, height } = frame;
  const out = new Uint8Array(width * height);
  for (let i = 0, p = 0; p < out.length; i += 4, p++) out[p] = (data[i]! * 77 + data[i + 1]! * 150 + data[i + 2]! * 29) >> 8;
  return out;
}

/** Otsu's threshold and the mean grey of the two classes it separates (dark desk, bright paper). */
export function otsu(values: Uint8Array): { threshold: number; darkMean: number; brightMean: number } {
  const hist = new Float64Array(256);
  for (const v of values) hist[v]!++;
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i]!;
  let wB = 0;
  let sumB = 0;
  let best = -1;
  let out = { threshold: 128, darkMean: sum / Math.max(1, n), brightMean: sum / Math.max(1, n) };
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = n - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      out = { threshold: t, darkMean: mB, brightMean: mF };
    }
  }
  return out;
}

/** The largest 4-connected region of `mask`, as its bounding box and pixel count. */
function largestRegion(mask: Uint8Array, width: number, height: number): { box: CropRect; size: number } | null {
  const label = new Int32Array(mask.length);
  const stack = new Int32Array(mask.length);
  let best: { box: CropRect; size: number } | null = null;
  let next = 0;
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || label[start]) continue;
    next++;
    let top = 0;
    stack[top++] = start;
    label[start] = next;
    let size = 0;
    let x0 = width;
    let y0 = height;
    let x1 = -1;
    let y1 = -1;
    while (top > 0) {
      const p = stack[--top]!;
      size++;
      const x = p % width;
      const y = (p - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      const push = (q: number) => {
        if (mask[q] && !label[q]) {
          label[q] = next;
          stack[top++] = q;
        }
      };
      if (x > 0) push(p - 1);
      if (x < width - 1) push(p + 1);
      if (y > 0) push(p - width);
      if (y < height - 1) push(p + width);
    }
    if (!best || size > best.size) best = { size, box: { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 } };
  }
  return best;
}

/** The page's bounding box in the frame's pixels, or null to keep the whole frame (see above). */
export function findPageRect(frame: PixelFrame): CropRect | null {
  const { width, height } = frame;
  if (width < 8 || height < 8) return null;
  const lum = luminance(frame);
  const { threshold, darkMean, brightMean } = otsu(lum);
  // No clear paper-versus-desk contrast (Otsu splits even plain noise in two), or nothing paper-bright.
  if (brightMean - darkMean < MIN_CONTRAST || brightMean < MIN_PAPER) return null;
  const mask = new Uint8Array(lum.length);
  for (let i = 0; i < lum.length; i++) mask[i] = lum[i]! > threshold ? 1 : 0;
  const region = largestRegion(mask, width, height);
  if (!region) return null;
  const frameArea = width * height;
  const boxArea = region.box.width * region.box.height;
  if (region.size < frameArea * 0.08) return null;
  if (boxArea > frameArea * 0.97) return null;
  return region.box;
}

/** A rectangle found on a downscaled frame, in the full frame's pixels (with a small margin, clamped). */
export function scaleRect(rect: CropRect, scale: number, full: { width: number; height: number }, margin = 0.01): CropRect {
  const m = Math.round(Math.max(full.width, full.height) * margin);
  const x = Math.max(0, Math.floor(rect.x * scale) - m);
  const y = Math.max(0, Math.floor(rect.y * scale) - m);
  const right = Math.min(full.width, Math.ceil((rect.x + rect.width) * scale) + m);
  const bottom = Math.min(full.height, Math.ceil((rect.y + rect.height) * scale) + m);
  return { x, y, width: right - x, height: bottom - y };
}
