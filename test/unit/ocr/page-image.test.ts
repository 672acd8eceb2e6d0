import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { measureSkew, otsu, removeRules, sealFree, toUpright, type GreyImage } from '../../../electron/core/ocr/page-image';

/** A white page with dark text-like bars (lines of "characters") — no font needed. */
async function barsPage(skew: number): Promise<GreyImage> {
  const bars = Array.from({ length: 12 }, (_, i) => Array.from({ length: 20 }, (_, j) => `<rect x="${100 + j * 50}" y="${120 + i * 90}" width="40" height="40" fill="#000"/>`).join('')).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1400"><rect width="100%" height="100%" fill="#fff"/>${bars}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).greyscale().rotate(skew, { background: '#fff' }).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('page image helpers', () => {
  it.each([0, 1.2, -2.5, 4])('measures a %s° clockwise skew', async (deg) => {
    expect(Math.abs((await measureSkew(await barsPage(deg))) - deg)).toBeLessThan(0.2);
  });

  it('finds the Otsu threshold between ink and paper', () => {
    const data = new Uint8Array(1000).map((_, i) => (i % 4 === 0 ? 20 : 230));
    const t = otsu(data);
    expect(t).toBeGreaterThanOrEqual(20);
    expect(t).toBeLessThan(230);
  });

  it('erases long rules but keeps character-sized strokes', () => {
    const w = 400, h = 200;
    const data = Buffer.alloc(w * h, 255);
    for (let x = 10; x < 390; x++) for (let y = 50; y < 53; y++) data[y * w + x] = 0; // a rule
    for (let x = 100; x < 130; x++) for (let y = 100; y < 130; y++) data[y * w + x] = 0; // a "character"
    for (let y = 5; y < 195; y++) data[y * w + 300] = 0; // a vertical rule crossing the horizontal one
    removeRules({ data, width: w, height: h }, 120);
    expect(data[51 * w + 200]).toBe(255);
    expect(data[150 * w + 300]).toBe(255);
    expect(data[51 * w + 300]).toBe(255);
    expect(data[115 * w + 115]).toBe(0);
  });

  it('erases an underline that steps across pixel rows and has gaps (left by deskewing and JPEG)', () => {
    const w = 600, h = 100;
    const data = Buffer.alloc(w * h, 255);
    // 1 px thick, one row lower every 100 px, a 2-px gap every 37 px: no straight run is longer than 36 px
    for (let x = 20; x < 580; x++) if (x % 37 > 1) data[(40 + Math.floor(x / 100)) * w + x] = 30;
    for (let x = 200; x < 230; x++) for (let y = 10; y < 35; y++) data[y * w + x] = 0; // a "character" above it
    removeRules({ data, width: w, height: h }, 120);
    for (let x = 20; x < 580; x++) expect(data[(40 + Math.floor(x / 100)) * w + x], `x=${x}`).toBe(255);
    expect(data[20 * w + 215]).toBe(0);
  });

  it('turns a red seal into paper but keeps black and blue ink, also under the seal', () => {
    const px = (r: number, g: number, b: number) => [r, g, b];
    const rgb = Buffer.from([...px(250, 247, 238), ...px(215, 75, 65), ...px(20, 18, 20), ...px(30, 40, 160), ...px(15, 5, 5)]);
    const [paper, seal, black, blue, blackUnderSeal] = Array.from(sealFree(rgb));
    expect(paper).toBeGreaterThan(240);
    expect(seal).toBe(255);
    expect(black).toBeLessThan(40);
    expect(blue).toBeLessThan(40);
    expect(blackUnderSeal).toBeLessThan(40);
  });

  it('maps recognition coordinates back through upscale and deskew', () => {
    const frame = { skewDegrees: 0, scale: 1.5, width: 1500, height: 3000, uprightWidth: 1000, uprightHeight: 2000 };
    expect(toUpright(frame, 150, 300)).toEqual([100, 200]);
    const turned = { skewDegrees: 90, scale: 1, width: 2000, height: 1000, uprightWidth: 1000, uprightHeight: 2000 };
    const [x, y] = toUpright(turned, 2000, 0); // top-right corner of a page turned counter-clockwise by 90°
    expect(x).toBeCloseTo(1000);
    expect(y).toBeCloseTo(2000);
  });
});
