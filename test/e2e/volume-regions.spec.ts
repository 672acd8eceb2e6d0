import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app-host';
import { cliCall, cliJson, repoRoot } from './fixtures/cli';
import { seedDrawnInspections } from './fixtures/inspection-seed';
import { settleAdminPassword } from './fixtures/seed';
import { motionSettled, pickOption, signIn } from './pages/app';
import { VolumesPage } from './pages/volumes-page';

const TARGET = '沈阳市和平区框选示例食品商行';

test.describe.configure({ timeout: 300_000 });

test.use({
  hostSetup: {
    seed: async ({ dataDir, init }) => {
      await settleAdminPassword(dataDir, init);
      await seedDrawnInspections(dataDir, { targets: [TARGET], street: '中华路', inspectorRoles: ['inspector'] });
      // A scanned licence filed into the target's volume from the command line (OCR'd on the way).
      const volumes = await cliCall<{ items: { id: number; targetName: string }[] }>(dataDir, 'admin', 'volumes.list', {});
      const volumeId = volumes.items.find((v) => v.targetName === TARGET)!.id;
      await cliJson(dataDir, ['scan', 'import', path.join(repoRoot, 'test/fixtures/ocr/scan-upright.png'), '--volume', String(volumeId), '--doc-type', 'evidence']);
    },
  },
});

/** In the open region tool: drag from one point to another (fractions of the page image). */
async function dragRegion(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  const frame = page.getByTestId('region-frame');
  await expect(frame.locator('img')).toBeVisible();
  // The modal zooms in when it opens: measure once no animation runs and the frame has stopped moving
  // (on a loaded machine two equal measurements alone were seen mid-animation).
  await motionSettled(page);
  await expect.poll(() => frame.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  let box = (await frame.boundingBox())!;
  await expect(async () => {
    const now = (await frame.boundingBox())!;
    const settled = Math.abs(now.width - box.width) < 0.5 && Math.abs(now.x - box.x) < 0.5;
    box = now;
    expect(settled).toBe(true);
  }).toPass({ intervals: [200, 200, 400] });
  await page.mouse.move(box.x + box.width * from.x, box.y + box.height * from.y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((from.x + to.x) / 2), box.y + box.height * ((from.y + to.y) / 2), { steps: 5 });
  await page.mouse.move(box.x + box.width * to.x, box.y + box.height * to.y, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('region-draft')).toBeVisible();
}

test('the region tool: drag a rectangle over a scanned page and mark it 不予公开', async ({ page, appHost }) => {
  const shell = await signIn(page, appHost);
  const volumes = new VolumesPage(page);
  await shell.openMenu('抽查专卷');
  await volumes.open(TARGET);
  await volumes.entry('证据材料').click();
  const drawer = page.getByTestId('entry-drawer');
  await expect(drawer.getByTestId('page-thumb')).toBeVisible();
  await drawer.getByTestId('region-open').click();

  // Over the third and fourth text lines of the fixture (the credit code line sits at ~55 % of the height).
  await dragRegion(page, { x: 0.06, y: 0.49 }, { x: 0.78, y: 0.58 });
  await page.getByTestId('region-note').fill('统一社会信用代码');
  await page.getByTestId('region-save').click();
  await expect(page.getByTestId('region-live')).toHaveCount(1);
  await expect(page.getByTestId('region-draft')).toHaveCount(0);
  await shell.screenshot('volume-region-tool');
  await page.keyboard.press('Escape');
  await expect(drawer.getByTestId('region-open')).toContainText('框选 (1)');

  // The mark is stored with its rectangle (fractions of the upright page).
  const volumes2 = await cliCall<{ items: { id: number; targetName: string }[] }>(appHost.dataDir, 'admin', 'volumes.list', {});
  const volume = await cliCall<{ entries: { scanDocumentId: number | null; marks: { region: { x0: number; y0: number; x1: number; y1: number } | null; note: string | null }[] }[] }>(appHost.dataDir, 'admin', 'volumes.get', { id: volumes2.items[0]!.id });
  const marks = volume.entries.find((e) => e.scanDocumentId !== null)!.marks;
  expect(marks).toHaveLength(1);
  expect(marks[0]!.note).toBe('统一社会信用代码');
  expect(marks[0]!.region!.x0).toBeGreaterThan(0.04);
  expect(marks[0]!.region!.x1).toBeLessThan(0.8);
  expect(marks[0]!.region!.y1 - marks[0]!.region!.y0).toBeGreaterThan(0.05);
});

test('the region tool on an imported photo: the picture itself is the page', async ({ page, appHost }) => {
  const shell = await signIn(page, appHost);
  const volumes = new VolumesPage(page);
  await shell.openMenu('抽查专卷');
  await volumes.open(TARGET);
  await volumes.importDocument(path.join(repoRoot, 'test/fixtures/ocr/scan-upright.png'), { docType: '证据材料', title: '身份证复印件' });
  await volumes.entry('身份证复印件').click();
  const drawer = page.getByTestId('entry-drawer');
  await expect(drawer.getByTestId('page-thumb').locator('img')).toBeVisible();
  await drawer.getByTestId('region-open').click();
  await dragRegion(page, { x: 0.06, y: 0.49 }, { x: 0.78, y: 0.58 });
  await pickOption(page, page.getByTestId('region-reason'), '个人隐私');
  await page.getByTestId('region-save').click();
  await expect(page.getByTestId('region-live')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(drawer.getByTestId('region-open')).toContainText('框选 (1)');
  await shell.screenshot('volume-region-photo');
});
