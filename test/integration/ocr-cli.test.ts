import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { characterErrorRate } from '../../electron/core/ocr/text-normalise';
import { cli } from '../support/cli';
import { tempDir } from '../support/test-context';

// `casebinder ocr` through the built CLI bundle (npm run build:node), plain node, real tesseract.js.
const fixtures = path.resolve(__dirname, '..', 'fixtures', 'ocr');
const fixture = (name: string) => path.join(fixtures, name);
const truth = (name: string) => fs.readFileSync(fixture(name), 'utf8');

describe('casebinder ocr FILE… --out DIR --json', () => {
  it('writes one .txt per page (multi-page TIFF: -p1, -p2), fails a corrupt JPEG alone, needs no data folder', async () => {
    const work = tempDir('casebinder-ocr-cli-');
    const out = path.join(work, 'out');
    const env = { CASEBINDER_DATA: path.join(work, 'never-created') };
    const res = await cli(['ocr', fixture('scan-skewed-2deg.jpg'), fixture('corrupt-truncated.jpg'), fixture('scan-two-pages.tif'), '--out', out, '--workers', '2', '--cache', path.join(work, 'cache'), '--json'], { cwd: work, env });
    expect(res.code, res.stderr).toBe(1); // one file failed
    expect(res.stderr).toContain('错误 OCR_IMAGE_INVALID：');
    expect(res.stderr).toContain('corrupt-truncated.jpg');
    const summary = JSON.parse(res.stdout) as { pages: number; seconds: number; meanConfidence: number };
    expect(Object.keys(summary).sort()).toEqual(['meanConfidence', 'pages', 'seconds']);
    expect(summary.pages).toBe(3);
    expect(summary.seconds).toBeGreaterThan(0);
    expect(summary.meanConfidence).toBeGreaterThan(70);
    expect(fs.readdirSync(out).sort()).toEqual(['scan-skewed-2deg.txt', 'scan-two-pages-p1.txt', 'scan-two-pages-p2.txt']);
    expect(characterErrorRate(truth('scan-skewed-2deg.truth.txt'), fs.readFileSync(path.join(out, 'scan-skewed-2deg.txt'), 'utf8'))).toBeLessThan(0.05);
    expect(characterErrorRate(truth('scan-two-pages-p1.truth.txt'), fs.readFileSync(path.join(out, 'scan-two-pages-p1.txt'), 'utf8'))).toBeLessThan(0.05);
    expect(characterErrorRate(truth('scan-two-pages-p2.truth.txt'), fs.readFileSync(path.join(out, 'scan-two-pages-p2.txt'), 'utf8'))).toBeLessThan(0.05);
    expect(fs.existsSync(env.CASEBINDER_DATA)).toBe(false);
    expect(fs.readdirSync(work).sort()).toEqual(['cache', 'out']); // nothing in the cwd besides what was asked for
  }, 90_000);

  it('prints the usage and exits 2 without --out', async () => {
    const res = await cli(['ocr', fixture('scan-upright.png')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('ocr FILE… --out DIR');
  });
});
