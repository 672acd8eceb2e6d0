import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findTessdataSource, prepareTessdata } from '../../../electron/core/ocr/tessdata';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'casebinder-tessdata-'));
const proc = process as { resourcesPath?: string };

describe('offline tesseract language data', () => {
  afterEach(() => {
    delete proc.resourcesPath;
  });

  it('finds the npm packages: best_int for fast, 4.0.0 for accurate, osd for both', () => {
    expect(findTessdataSource('chi_sim', 'fast')).toMatch(/@tesseract\.js-data[/\\]chi_sim[/\\]4\.0\.0_best_int[/\\]chi_sim\.traineddata\.gz$/);
    expect(findTessdataSource('chi_sim', 'accurate')).toMatch(/@tesseract\.js-data[/\\]chi_sim[/\\]4\.0\.0[/\\]chi_sim\.traineddata\.gz$/);
    expect(findTessdataSource('osd', 'fast')).toMatch(/@tesseract\.js-data[/\\]osd[/\\]4\.0\.0[/\\]osd\.traineddata\.gz$/);
  });

  it('prefers the packaged app resources (process.resourcesPath/tessdata)', () => {
    const res = tmp();
    fs.mkdirSync(path.join(res, 'tessdata', 'chi_sim'), { recursive: true });
    fs.writeFileSync(path.join(res, 'tessdata', 'chi_sim', 'chi_sim.traineddata.gz'), 'x');
    proc.resourcesPath = res;
    expect(findTessdataSource('chi_sim', 'fast')).toBe(path.join(res, 'tessdata', 'chi_sim', 'chi_sim.traineddata.gz'));
    expect(findTessdataSource('chi_sim', 'accurate')).toContain('node_modules'); // the builder ships only the fast model there
  });

  it('gunzips once into <cacheDir>/tessdata/<model>/ and leaves the files alone afterwards', () => {
    const cache = tmp();
    const dir = prepareTessdata(cache, 'fast', ['chi_sim', 'osd']);
    expect(dir).toBe(path.join(cache, 'tessdata', 'fast'));
    const chi = path.join(dir, 'chi_sim.traineddata');
    expect(fs.statSync(chi).size).toBeGreaterThan(2_000_000); // 1.7 MB gz → larger raw
    expect(fs.readFileSync(chi).subarray(0, 2)).not.toEqual(Buffer.from([0x1f, 0x8b]));
    expect(fs.statSync(path.join(dir, 'osd.traineddata')).size).toBeGreaterThan(5_000_000);
    const before = fs.statSync(chi).mtimeMs;
    prepareTessdata(cache, 'fast', ['chi_sim']);
    expect(fs.statSync(chi).mtimeMs).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
