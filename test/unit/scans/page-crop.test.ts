import { describe, expect, it } from 'vitest';
import { findPageRect, otsu, scaleRect, type PixelFrame } from '../../../shared/domain/scans/page-crop';

/** A synthetic camera frame: a desk of one grey, optionally a page of another, dark "text" strokes on it, seeded noise. */
function frame(o: { width: number; height: number; desk: number; page?: { x: number; y: number; w: number; h: number; grey: number }; noise?: number; seed?: number }): PixelFrame {
  const data = new Uint8ClampedArray(o.width * o.height * 4);
  let s = o.seed ?? 7;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
  for (let y = 0; y < o.height; y++) {
    for (let x = 0; x < o.width; x++) {
      let v = o.desk;
      const p = o.page;
      if (p && x >= p.x && x < p.x + p.w && y >= p.y && y < p.y + p.h) {
        v = p.grey;
        // lines of text: short dark dashes every 6 rows, inset from the page edges
        if ((y - p.y) % 6 === 3 && x > p.x + 4 && x < p.x + p.w - 4 && (x - p.x) % 7 < 5) v = 30;
      }
      v = Math.max(0, Math.min(255, Math.round(v + (o.noise ?? 0) * rand())));
      const i = (y * o.width + x) * 4;
      data[i] = v;
      data[i + 1] = v;
      data[i + 2] = Math.max(0, v - 6); // a slightly warm page, as under a desk lamp
      data[i + 3] = 255;
    }
  }
  return { data, width: o.width, height: o.height };
}

describe('document camera auto-crop', () => {
  it('finds a bright page with text on a dark desk', () => {
    const rect = findPageRect(frame({ width: 200, height: 150, desk: 55, page: { x: 42, y: 18, w: 110, h: 120, grey: 225 }, noise: 24 }));
    expect(rect).not.toBeNull();
    expect(Math.abs(rect!.x - 42)).toBeLessThanOrEqual(2);
    expect(Math.abs(rect!.y - 18)).toBeLessThanOrEqual(2);
    expect(Math.abs(rect!.width - 110)).toBeLessThanOrEqual(3);
    expect(Math.abs(rect!.height - 120)).toBeLessThanOrEqual(3);
  });

  it('ignores a small bright spot (a reflection) next to the page', () => {
    const f = frame({ width: 200, height: 150, desk: 60, page: { x: 20, y: 20, w: 100, h: 110, grey: 230 }, noise: 10 });
    for (let y = 10; y < 16; y++) for (let x = 170; x < 178; x++) f.data.fill(250, (y * 200 + x) * 4, (y * 200 + x) * 4 + 3);
    const rect = findPageRect(f);
    expect(rect).toMatchObject({ x: 20, y: 20, width: 100, height: 110 });
  });

  it.each([
    ['a plain frame (no page in view)', frame({ width: 160, height: 120, desk: 120, noise: 8 })],
    ['a page filling the whole frame', frame({ width: 160, height: 120, desk: 0, page: { x: 0, y: 0, w: 160, h: 120, grey: 235 }, noise: 8 })],
    ['a page too small to be one', frame({ width: 160, height: 120, desk: 50, page: { x: 70, y: 50, w: 20, h: 20, grey: 230 } })],
    ['a tiny frame', frame({ width: 4, height: 4, desk: 50 })],
  ])('keeps the whole frame for %s', (_name, f) => {
    expect(findPageRect(f)).toBeNull();
  });

  it('puts Otsu’s threshold between the two greys', () => {
    const values = new Uint8Array([...Array(500).fill(50), ...Array(500).fill(220)]);
    const { threshold, darkMean, brightMean } = otsu(values);
    expect(threshold).toBeGreaterThanOrEqual(50);
    expect(threshold).toBeLessThan(220);
    expect([darkMean, brightMean]).toEqual([50, 220]);
  });

  it('scales a rectangle back to the full frame with a margin, clamped to the frame', () => {
    expect(scaleRect({ x: 10, y: 5, width: 100, height: 80 }, 10, { width: 2000, height: 1500 })).toEqual({ x: 80, y: 30, width: 1040, height: 840 });
    expect(scaleRect({ x: 0, y: 0, width: 200, height: 150 }, 10, { width: 2000, height: 1500 })).toEqual({ x: 0, y: 0, width: 2000, height: 1500 });
  });
});
