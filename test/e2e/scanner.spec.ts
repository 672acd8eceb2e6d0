import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures/app-host';
import { repoRoot } from './fixtures/cli';
import { settleAdminPassword } from './fixtures/seed';
import { signIn } from './pages/app';

/**
 * 扫描仪扫描 through SANE's real scanimage and its `test` backend (a virtual frontend-tester device with a
 * 10-sheet feeder). The web host inherits SANE_CONFIG_DIR, so it sees only the test devices.
 */
const hasScanimage = spawnSync('scanimage', ['--version']).status === 0;
if (!hasScanimage) console.log('[scanner.spec] skipped: scanimage (apt sane-utils) is not installed');

test.describe.configure({ timeout: 300_000 });
test.use({ hostSetup: { seed: ({ dataDir, init }) => settleAdminPassword(dataDir, init) } });

let previous: string | undefined;
test.beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebinder-sane-'));
  fs.writeFileSync(path.join(dir, 'dll.conf'), 'test\n');
  previous = process.env.SANE_CONFIG_DIR;
  process.env.SANE_CONFIG_DIR = dir;
});
test.afterAll(() => {
  if (previous === undefined) delete process.env.SANE_CONFIG_DIR;
  else process.env.SANE_CONFIG_DIR = previous;
});

test('scanner: the feeder is scanned in one go from the dialog and its pages become a batch that is recognised; a watched folder is added and polled', async ({ page, appHost }) => {
  test.skip(!hasScanimage, 'scanimage (apt sane-utils) is not installed');
  const shell = await signIn(page, appHost);
  await shell.openMenu('扫描收件箱');
  await page.getByTestId('scan-scanner-open').click();
  const dialog = page.getByTestId('scanner-dialog');
  await expect(dialog.getByTestId('scanner-device')).toContainText('Noname frontend-tester（test:0）');
  // The defaults: 300 dpi, grey, the feeder (the first source that feeds sheets).
  await expect(dialog.getByTestId('scanner-dpi')).toContainText('300 dpi');
  await expect(dialog.getByTestId('scanner-mode')).toContainText('灰度');
  await expect(dialog.getByTestId('scanner-source')).toContainText('自动进纸器');
  // 75 dpi keeps the test quick (the virtual sheets are blank).
  await dialog.getByTestId('scanner-dpi').click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('75 dpi').click();
  await expect(page.getByTestId('scanner-start')).toHaveText('扫描进纸器中的全部页面');
  await page.getByTestId('scanner-start').click();
  await expect(dialog.getByTestId('scanner-done')).toContainText('已扫描 10 页', { timeout: 60_000 });
  await shell.screenshot('scanner-dialog');
  await page.getByTestId('scanner-close').click();

  const batch = page.getByTestId('scan-batch').first();
  await expect(batch).toContainText('扫描仪');
  await expect(batch.getByTestId('scan-batch-state')).toHaveText('已完成', { timeout: 240_000 });
  await expect(batch.getByTestId('scan-batch-counts')).toContainText('10 个文件 · 10 页');

  // A watched folder besides inbox/: added with Enter, its file imported for the chosen bureau.
  const share = fs.mkdtempSync(path.join(os.tmpdir(), 'casebinder-share-'));
  const folders = page.getByTestId('watched-folders');
  await folders.getByTestId('watched-folder-path').fill(share);
  await folders.getByTestId('watched-folder-path').press('Enter');
  await expect(folders.getByTestId('watched-folder-table')).toContainText(share);
  await expect(folders.getByTestId('watched-folder-table')).toContainText('沈阳市市场监督管理局');
  fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'ocr', 'scan-upright.png'), path.join(share, '网络扫描仪-0001.png'));
  const fromFolder = page.getByTestId('scan-batch').filter({ hasText: '收件夹' });
  await expect(fromFolder).toHaveCount(1, { timeout: 60_000 });
  await expect(fromFolder.getByTestId('scan-batch-state')).toHaveText('已完成', { timeout: 180_000 });
  await expect.poll(() => fs.existsSync(path.join(share, 'processed')) && fs.readdirSync(path.join(share, 'processed')).length).toBe(1);
  await folders.scrollIntoViewIfNeeded();
  await shell.screenshot('scans-watched-folders');
});

