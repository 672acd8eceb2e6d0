import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors/app-error';
import { createOcrPool } from '../../electron/core/ocr/ocr-engine';
import { characterErrorRate } from '../../electron/core/ocr/text-normalise';
import type { OcrPageResult, OcrPool } from '../../electron/core/ocr/ocr-types';

// Real tesseract.js OCR (fast model, 1 worker) on the committed fixtures from scripts/make-ocr-fixtures.mjs.
const fixtures = path.resolve(__dirname, '..', 'fixtures', 'ocr');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name));
const truth = (name: string) => fs.readFileSync(path.join(fixtures, name.replace(/\.[a-z]+$/, '.truth.txt')), 'utf8');

function expectBoxesInside(r: OcrPageResult) {
  const words = r.lines.flatMap((l) => l.words);
  expect(words.length).toBeGreaterThan(10);
  for (const w of words) {
    expect(w.bbox.x0).toBeGreaterThanOrEqual(0);
    expect(w.bbox.y0).toBeGreaterThanOrEqual(0);
    expect(w.bbox.x1).toBeLessThanOrEqual(r.width);
    expect(w.bbox.y1).toBeLessThanOrEqual(r.height);
    expect(w.bbox.x1).toBeGreaterThan(w.bbox.x0);
    expect(w.bbox.y1).toBeGreaterThan(w.bbox.y0);
    expect(w.confidence).toBeGreaterThanOrEqual(0);
    expect(w.confidence).toBeLessThanOrEqual(100);
  }
}

describe('OCR engine (tesseract.js, chi_sim fast)', { timeout: 60_000 }, () => {
  let pool: OcrPool;
  let cacheDir: string;
  beforeAll(() => {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebinder-ocr-test-'));
    pool = createOcrPool({ workers: 1, model: 'fast', cacheDir, recycleAfterPages: 3, logger: process.env.OCR_DEBUG ? { info: (m, c) => console.log(m, c), warn: (m, c) => console.log(m, c), error: (m, c) => console.log(m, c) } : undefined });
  });
  afterAll(async () => {
    await pool.close();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('reads an upright page: text, lines with baselines, boxes inside the page, no spaces between Chinese characters', async () => {
    const cwdBefore = fs.readdirSync(process.cwd()).sort();
    const r = await pool.recognize(read('scan-upright.png'));
    expect(r.rotation).toBe(0);
    expect(r.dpi).toBe(300);
    expect([r.width, r.height]).toEqual([1240, 700]);
    expect(characterErrorRate(truth('scan-upright.png'), r.text)).toBeLessThan(0.03);
    expect(r.text).toContain('统一社会信用代码');
    expect(r.text).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/u);
    expect(r.lines.length).toBe(6);
    expect(r.lines[0]!.baselineY).toBeGreaterThan(r.lines[0]!.bbox.y0);
    expect(r.meanConfidence).toBeGreaterThan(70);
    expect([3, 4]).toContain(r.psm);
    expect(r.model).toBe('fast');
    expectBoxesInside(r);
    // the word 统 of the 4th line is drawn at x≈90, y≈350..400 (see the fixture script)
    const line4 = r.lines[3]!;
    expect(line4.bbox.x0).toBeGreaterThan(70);
    expect(line4.bbox.x0).toBeLessThan(110);
    expect(line4.bbox.y0).toBeGreaterThan(330);
    expect(line4.bbox.y1).toBeLessThan(420);
    expect(fs.readdirSync(process.cwd()).sort()).toEqual(cwdBefore); // nothing written into the cwd
    expect(fs.existsSync(path.join(cacheDir, 'tessdata', 'fast', 'chi_sim.traineddata'))).toBe(true);
  });

  it('measures and corrects a 2° skew; boxes come back in the (skewed) input frame', async () => {
    const r = await pool.recognize(read('scan-skewed-2deg.jpg'));
    expect(r.rotation).toBe(0);
    expect(Math.abs(r.skewDegrees - 2)).toBeLessThan(0.5);
    expect(characterErrorRate(truth('scan-skewed-2deg.jpg'), r.text)).toBeLessThan(0.05);
    expectBoxesInside(r);
    // in the input, lines descend to the right: the right end of line 1 sits lower than its left end
    const first = r.lines[0]!.words;
    expect(first.at(-1)!.bbox.y0).toBeGreaterThan(first[0]!.bbox.y0 + 10);
  });

  it('turns a page scanned at 90° upright', async () => {
    const r = await pool.recognize(read('scan-rotated-90.png'));
    expect(r.rotation).toBe(270);
    expect([r.width, r.height]).toEqual([1240, 700]);
    expect(characterErrorRate(truth('scan-rotated-90.png'), r.text)).toBeLessThan(0.05);
    expectBoxesInside(r);
  });

  it('turns a page scanned upside down upright', async () => {
    const r = await pool.recognize(read('scan-rotated-180.png'));
    expect(r.rotation).toBe(180);
    expect(characterErrorRate(truth('scan-rotated-180.png'), r.text)).toBeLessThan(0.05);
    expect(pool.stats()).toMatchObject({ pagesDone: 4, recycled: 1, osdRecycled: 1 });
  });

  it('reads the second page of a multi-page TIFF', async () => {
    const r = await pool.recognize(read('scan-two-pages.tif'), { page: 1 });
    if (process.env.OCR_DEBUG) console.log(r.text, r.width, r.height);
    expect(characterErrorRate(fs.readFileSync(path.join(fixtures, 'scan-two-pages-p2.truth.txt'), 'utf8'), r.text)).toBeLessThan(0.05);
  });

  it('rejects a truncated JPEG with OCR_IMAGE_INVALID and goes on with the next page', async () => {
    const error = await pool.recognize(read('corrupt-truncated.jpg')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('OCR_IMAGE_INVALID');
    expect(String((error as AppError).details.reason)).not.toBe('');
    const r = await pool.recognize(read('scan-upright.png'));
    expect(characterErrorRate(truth('scan-upright.png'), r.text)).toBeLessThan(0.03);
  });

  it('reads with the accurate model (4.0.0 data) too', async () => {
    const accurate = createOcrPool({ workers: 1, model: 'accurate', cacheDir });
    try {
      const r = await accurate.recognize(read('scan-upright.png'));
      expect(r.model).toBe('accurate');
      expect(characterErrorRate(truth('scan-upright.png'), r.text)).toBeLessThan(0.03);
      expect(fs.existsSync(path.join(cacheDir, 'tessdata', 'accurate', 'chi_sim.traineddata'))).toBe(true);
    } finally {
      await accurate.close();
    }
  }, 60_000);

  it('stops at once when the signal is already aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    const error = await pool.recognize(read('scan-upright.png'), { signal: ac.signal }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('JOB_CANCELLED');
  });
});
