import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, degrees } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PAGE_NUMBER_POSITIONS, type PageNumberPosition } from '../../shared/contract/volumes';
import { stampNumber } from '../../electron/core/volumes/volume-pdf';
import { volumeCommand } from '../../electron/host/cli-volumes';
import { completeVolume } from '../support/archive-fixtures';
import { makeTestContext, RESOURCES_DIR } from '../support/test-context';

type Placed = { text: string; x: number; y: number; width: number; pageWidth: number; pageHeight: number };

/** Where each number-only text run is as the reader sees the page (pdfjs-dist: origin top-left, /Rotate applied). */
async function numbersSeen(bytes: Uint8Array): Promise<Placed[][]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: Placed[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const runs = content.items.filter((it): it is Extract<typeof it, { str: string }> => 'str' in it && /^\d+$/.test(it.str.trim()));
    pages.push(runs.map((r) => {
      const [x, y] = viewport.convertToViewportPoint(r.transform[4] as number, r.transform[5] as number) as [number, number];
      return { text: r.str.trim(), x, y, width: r.width, pageWidth: viewport.width, pageHeight: viewport.height };
    }));
  }
  await doc.destroy();
  return pages;
}

/** The visible corner a number at (x, y) (its baseline start) sits in. */
function spot(p: Placed): string {
  const top = p.y < 60;
  const bottom = p.y > p.pageHeight - 60;
  const right = p.x + p.width > p.pageWidth - 60 && p.x > p.pageWidth / 2;
  const left = p.x < 60;
  const centre = Math.abs(p.x + p.width / 2 - p.pageWidth / 2) < 15;
  return `${top ? 'top' : bottom ? 'bottom' : 'middle'}-${right ? 'right' : left ? 'left' : centre ? 'center' : '?'}`;
}

const expected = (position: PageNumberPosition, n: number) =>
  ({ 'top-right': 'top-right', 'bottom-right': 'bottom-right', 'bottom-center': 'bottom-center', 'outer-top': n % 2 === 1 ? 'top-right' : 'top-left' })[position];

describe('page numbers (§3.4): position per bind option, read back with pdfjs-dist', () => {
  it('stamps each option where it belongs, also on rotated pages', async () => {
    const fontBytes = fs.readFileSync(path.join(RESOURCES_DIR, 'fonts', 'wqy-microhei.ttf'));
    for (const position of PAGE_NUMBER_POSITIONS) {
      const doc = await PDFDocument.create();
      doc.registerFontkit(fontkit);
      const font = await doc.embedFont(fontBytes, { subset: true });
      const rotations = [0, 90, 180, 270, 0];
      rotations.forEach((r, i) => {
        const page = doc.addPage(i === 4 ? [841.89, 595.28] : [595.28, 841.89]); // the last one landscape
        page.setRotation(degrees(r));
        stampNumber(page, i + 1, font, position);
      });
      const seen = await numbersSeen(await doc.save());
      seen.forEach((runs, i) => {
        expect(runs.map((r) => r.text), `${position} page ${i + 1}`).toEqual([String(i + 1)]);
        expect(spot(runs[0] as Placed), `${position} page ${i + 1} rotated ${rotations[i]}`).toBe(expected(position, i + 1));
      });
    }
  });

  it('`volume bind --page-numbers` binds with the option, keeps it with the version and stamps every content page there', async () => {
    const t = await makeTestContext();
    const v = await completeVolume(t);
    const run = await volumeCommand(t.app, 'bind', { id: v.volumeId, pageNumbers: 'outer-top', user: 'admin' });
    expect(run.code).toBe(0);
    const { file } = run.json as { file: string };
    const volume = await t.admin.call('volumes.get', { id: v.volumeId });
    expect(volume.bindings[0]).toMatchObject({ version: 1, pageNumbers: 'outer-top' });
    const seen = await numbersSeen(fs.readFileSync(file));
    const { manifest } = (await t.app.db.get<{ manifest: string }>('SELECT manifest FROM volume_bindings WHERE volume_id = ?', [v.volumeId]))!;
    const { frontPages, pageNumbers } = JSON.parse(manifest) as { frontPages: number; pageNumbers: string };
    expect(pageNumbers).toBe('outer-top');
    const content = seen.slice(frontPages, frontPages + volume.bindings[0]!.contentPages).map((runs) => ({ runs: runs.filter((r) => spot(r) !== 'middle-?') }));
    expect(content.length).toBeGreaterThan(2);
    content.forEach(({ runs }, k) => {
      expect(runs[0]!.text).toBe(String(k + 1));
      expect(spot(runs[0]!)).toBe(expected('outer-top', k + 1));
    });
    // The default is front top-right; a bad value is refused before any job starts.
    await expect(volumeCommand(t.app, 'bind', { id: v.volumeId, pageNumbers: 'left', user: 'admin' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await t.app.close();
  }, 180_000);
});
