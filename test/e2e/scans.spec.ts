import fs from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app-host';
import { repoRoot } from './fixtures/cli';
import { newestExport, seedDrawnInspections } from './fixtures/inspection-seed';
import { settleAdminPassword } from './fixtures/seed';
import { goTo, pickOption, searchAndPick, signIn } from './pages/app';
import { Shell } from './pages/shell';

const OCR = path.join(repoRoot, 'test', 'fixtures', 'ocr');
const NOTICE = path.join(OCR, 'scan-upright.png'); // 关于开展食品安全监督抽查的通知 …
const REGISTER = path.join(OCR, 'scan-rotated-90.png'); // 行政检查登记表 …, scanned sideways
const SKEWED = path.join(OCR, 'scan-skewed-2deg.jpg');
const TITLE_LINE = '关于开展食品安全监督抽查的通知';
const TARGET = '沈阳市和平区扫描示例食品商行';
const DOC_TITLE = '关于开展食品安全监督抽查的通知（扫描件）';

// OCR takes 2–8 s a page on the 2-core machine, longer while other suites run.
test.describe.configure({ timeout: 300_000 });


/** The shell's screenshot (font loaded, spinners and toasts gone) from a bare page. */
const screenshot = (page: Page, name: string) => new Shell(page).screenshot(name);

test.describe('upload and review', () => {
  // One drawn target, so one case volume to assign the scans to.
  test.use({
    hostSetup: {
      seed: async ({ dataDir, init }) => {
        await settleAdminPassword(dataDir, init);
        await seedDrawnInspections(dataDir, { targets: [TARGET], street: '中山路', inspectorRoles: ['inspector'] });
      },
    },
  });

  test('scans: two images uploaded, recognised, reviewed and corrected in the viewer, then found by full-text search', async ({ page, appHost }) => {
    const shell = await signIn(page, appHost);
    await shell.openMenu('扫描收件箱');
    const screen = page.getByTestId('scans-page');
    await expect(screen).toBeVisible();

    // The import area: both files staged, then one batch.
    await page.getByTestId('scan-drop').locator('input[type="file"]').setInputFiles([NOTICE, REGISTER]);
    const staged = page.getByTestId('scan-staged-file');
    await expect(staged).toHaveCount(2);
    await expect(staged.and(page.locator('[data-state="ready"]'))).toHaveCount(2, { timeout: 30_000 });
    await page.getByTestId('scan-import-start').click();
    await expect(staged).toHaveCount(0);

    // The batch's job runs (拆分页面 → 识别文字 → 拆分归档) and ends; the inbox shows one document of two pages.
    const batch = page.getByTestId('scan-batch').first();
    await expect(batch).toContainText('文件导入');
    await expect(batch.getByTestId('scan-batch-state')).toHaveText('已完成', { timeout: 240_000 });
    await expect(batch.getByTestId('scan-batch-counts')).toContainText('2 个文件 · 2 页');
    const doc = page.getByTestId('inbox-doc');
    await expect(doc).toHaveCount(1);
    await expect(doc.getByTestId('scan-thumb')).toHaveCount(2);
    await expect(doc.getByTestId('scan-thumb-image')).toHaveCount(2);
    await expect(doc.getByTestId('inbox-doc-volume')).toContainText('未指定');
    await expect(doc.getByTestId('inbox-doc-file')).toBeDisabled();
    await page.mouse.move(0, 0);
    await screenshot(page, 'scans-inbox');

    // The page viewer: image with OCR boxes beside the text; a line chosen in the text is outlined on the image.
    await doc.getByTestId('scan-thumb').first().click();
    const viewer = page.getByTestId('scan-page-view');
    await expect(viewer).toBeVisible();
    await expect(page.getByTestId('page-position')).toHaveText('第 1 页 / 共 2 页');
    await expect(page.getByTestId('page-image')).toBeVisible();
    await expect(page.getByTestId('page-boxes')).toBeVisible();
    const lines = page.getByTestId('ocr-line');
    expect(await lines.count()).toBeGreaterThanOrEqual(5);
    await lines.nth(0).click();
    await expect(page.getByTestId('line-box-selected')).toHaveCount(1);
    await page.getByTestId('page-show-boxes').click();
    await expect(page.getByTestId('word-box').first()).toBeVisible();
    await screenshot(page, 'scan-page-viewer');

    // Correct the title line (OCR tends to read 关 as 天) and save with Ctrl+S: version 2, by the admin.
    const editor = page.getByTestId('page-text');
    const original = await editor.inputValue();
    expect(original.length).toBeGreaterThan(40);
    const corrected = [TITLE_LINE, ...original.split('\n').slice(1)].join('\n');
    await editor.fill(corrected);
    await expect(page.getByTestId('page-text-dirty')).toBeVisible();
    await editor.press('Control+s');
    await expect(page.getByTestId('page-version')).toHaveCount(2);
    await expect(page.getByTestId('page-version').first()).toHaveAttribute('data-source', 'correction');
    await expect(page.getByTestId('page-version').first()).toContainText('系统管理员');
    await expect(page.getByTestId('page-text-dirty')).toHaveCount(0);
    await expect(editor).toHaveValue(new RegExp(`^${TITLE_LINE}`));

    // PgDn / PgUp move between the document's pages (after Esc leaves the editor).
    await editor.press('Escape');
    await page.keyboard.press('PageDown');
    await expect(page.getByTestId('page-position')).toHaveText('第 2 页 / 共 2 页');
    await expect(page.getByTestId('page-text')).toHaveValue(/登记表/);
    await page.keyboard.press('PageUp');
    await expect(page.getByTestId('page-position')).toHaveText('第 1 页 / 共 2 页');

    // 全文检索 from the keyboard (Ctrl+K outside a search box): the corrected words are found on page 1.
    await page.getByTestId('page-image-pane').click();
    await page.keyboard.press('Control+k');
    const search = page.getByTestId('search-page');
    await expect(search).toBeVisible();
    await expect(page.getByTestId('search-query')).toBeFocused();
    await page.keyboard.type('关于开展食品');
    await page.keyboard.press('Enter');
    const hit = page.getByTestId('search-hit');
    await expect(hit).toHaveCount(1);
    await expect(hit.locator('mark')).toHaveText(['关于开展食品']);
    await expect(hit).toContainText('第 1 页');
    await expect(hit).toContainText('尚未归入专卷');
    await expect(hit.getByTestId('hit-thumb').locator('img')).toBeVisible();
    await expect(page.getByTestId('search-count')).toContainText('找到 1 页');
    await screenshot(page, 'scan-search');

    // A word only on the other page finds that page; Enter on the hit opens the viewer there.
    await page.getByTestId('search-query').fill('登记表');
    await expect(hit).toHaveCount(1);
    await expect(hit.locator('mark').first()).toHaveText('登记表');
    await page.getByTestId('search-query').press('ArrowDown');
    await expect(hit).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(viewer).toBeVisible();
    await expect(page.getByTestId('page-position')).toHaveText('第 2 页 / 共 2 页');

    // Back in the inbox: split at page 2 (two documents), merge them again (one of two pages).
    await viewer.getByRole('link', { name: '扫描收件箱' }).click();
    await expect(doc).toHaveCount(1);
    await doc.getByTestId('page-split').nth(1).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '拆分' }).click();
    await expect(doc).toHaveCount(2);
    await expect(doc.nth(0).getByTestId('scan-thumb')).toHaveCount(1);
    await doc.nth(0).getByTestId('inbox-doc-select').check();
    await doc.nth(1).getByTestId('inbox-doc-select').check();
    await page.getByTestId('inbox-merge').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '合并' }).click();
    await expect(doc).toHaveCount(1);
    await expect(doc.getByTestId('scan-thumb')).toHaveCount(2);

    // 著录: the volume (searched by the target's name), the document type and a title; then 归档 files it.
    await doc.getByTestId('inbox-doc-edit').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '著录扫描件' });
    await searchAndPick(page, dialog.getByTestId('scan-doc-volume'), '扫描示例', TARGET);
    await pickOption(page, dialog.getByTestId('scan-doc-type'), '行政检查告知书');
    await dialog.getByTestId('scan-doc-title').fill(DOC_TITLE);
    await page.getByTestId('scan-doc-save').click();
    await expect(dialog).toBeHidden();
    await expect(doc.getByTestId('inbox-doc-title')).toHaveText(DOC_TITLE);
    await expect(doc.getByTestId('inbox-doc-volume')).toContainText(TARGET);
    await doc.getByTestId('inbox-doc-file').click();
    await expect(doc).toHaveCount(0);

    // Search now names the volume (and finds page 2 too, by the document's title); the link opens the volume.
    await goTo(page, '/search?q=关于开展食品');
    await expect(hit).toHaveCount(2);
    await expect(hit.filter({ hasText: '第 1 页' })).toContainText(DOC_TITLE);
    await expect(hit.first().getByTestId('hit-volume-link')).toContainText(TARGET);
    await hit.first().getByTestId('hit-volume-link').click();
    await expect(page.getByTestId('volume-page')).toBeVisible();
    await expect(page.getByTestId('volume-entries')).toContainText(DOC_TITLE);

    // 条码分隔页 for the volume: written to exports/ and opened.
    await goTo(page, '/scans');
    await page.getByTestId('scan-separator-open').click();
    const sheet = page.locator('.ant-modal').filter({ hasText: '打印条码分隔页' });
    await searchAndPick(page, sheet.getByTestId('separator-volume'), '扫描示例', TARGET);
    await pickOption(page, sheet.getByTestId('separator-doc-type'), '行政检查告知书');
    const popup = page.waitForEvent('popup');
    await page.getByTestId('separator-ok').click();
    await (await popup).close();
    expect(await newestExport(appHost.dataDir, /^条码分隔页-专卷\d+-行政检查告知书\.pdf$/)).toBeTruthy();
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();

    // 高拍仪: this machine has no camera, which the dialog says plainly.
    await page.getByTestId('scan-camera-open').click();
    await expect(page.getByTestId('camera-unavailable')).toBeVisible();
    await screenshot(page, 'scan-camera-unavailable');
    await page.locator('.ant-modal').filter({ hasText: '高拍仪拍摄' }).getByRole('button', { name: '取消' }).click();
    await expect(page.getByTestId('camera-dialog')).toBeHidden();
  });
});

test.describe('hot folder', () => {
  test.use({ hostSetup: { seed: ({ dataDir, init }) => settleAdminPassword(dataDir, init) } });

  test('hot folder: an image copied into <data>/inbox/ is imported on its own and found by search', async ({ page, appHost }) => {
    await signIn(page, appHost);
    const inbox = path.join(appHost.dataDir, 'inbox');
    await fs.mkdir(inbox, { recursive: true });
    // Written under another name first and renamed, as a scanner finishing a file would.
    await fs.copyFile(SKEWED, path.join(inbox, '.partial'));
    await fs.rename(path.join(inbox, '.partial'), path.join(inbox, '扫描仪-0001.jpg'));

    // The search screen refreshes itself when the batch's job ends (the watcher polls every 2 s).
    await goTo(page, '/search?q=市场监督管理局');
    const hit = page.getByTestId('search-hit');
    await expect(hit).toHaveCount(1, { timeout: 180_000 });
    await expect(hit.locator('mark').first()).toHaveText('市场监督管理局');

    // The batch is listed as 收件夹; the original moved to inbox/processed/ (never deleted).
    await goTo(page, '/scans');
    const batch = page.getByTestId('scan-batch').first();
    await expect(batch).toContainText('收件夹');
    await expect(batch.getByTestId('scan-batch-state')).toHaveText('已完成');
    expect(await fs.readdir(path.join(inbox, 'processed'))).toEqual([expect.stringMatching(/扫描仪-0001\.jpg$/)]);
    await expect(page.getByTestId('inbox-doc')).toHaveCount(1);
    await page.mouse.move(0, 0);
    await screenshot(page, 'scans-hot-folder');
  });
});
