import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { expect, test } from './fixtures/app-host';
import { LEGAL, newestExport, reviewInspectionOf, seedDrawnInspections } from './fixtures/inspection-seed';
import { settleAdminPassword } from './fixtures/seed';
import { goTo, motionSettled, searchAndPick, signIn } from './pages/app';
import { InspectionsPage } from './pages/inspections-page';
import { VolumesPage } from './pages/volumes-page';

const run = promisify(execFile);
const TARGET = '沈阳市和平区专卷示例食品商行';
const OTHER = '沈阳市和平区专卷示例烟酒店';
const RECEIPT_TITLE = '行政检查告知书送达回证';

/**
 * 和平区: two targets drawn by a 100 % task (each gets an inspection and a volume), then the first one taken
 * through the CLI to a reviewed result: on-site, signed, entered by the member inspector, approved by a reviewer.
 */
async function seedReviewedInspection(dataDir: string): Promise<void> {
  await seedDrawnInspections(dataDir, { targets: [TARGET, OTHER], street: '南京北街', inspectorRoles: ['inspector'] });
  await reviewInspectionOf(dataDir, TARGET);
}

/** A one-page PDF made here (a scanned 送达回证 stands in). */
async function receiptPdf(): Promise<string> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('Proof of service (test fixture)', { x: 72, y: 760, size: 18, font });
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'casebinder-volume-')), 'receipt.pdf');
  await fs.writeFile(file, await doc.save());
  return file;
}

test.describe.configure({ timeout: 300_000 });

test.use({
  hostSetup: {
    seed: async ({ dataDir, init }) => {
      await settleAdminPassword(dataDir, init);
      await seedReviewedInspection(dataDir);
    },
  },
});

test('a case volume: generated notice and an imported PDF, reordered (buttons, drag, keyboard), bound by the legal division with a reason, opened and previewed', async ({ page, appHost }) => {
  let shell = await signIn(page, appHost);
  const volumes = new VolumesPage(page);
  const inspections = new InspectionsPage(page);

  // 抽查专卷: one volume per drawn target; Enter opens it.
  await shell.openMenu('抽查专卷');
  await expect(volumes.table.locator('.ant-table-row')).toHaveCount(2);
  await expect(volumes.row(TARGET)).toContainText('整理中');
  await expect(volumes.row(TARGET)).toContainText('第一批次 食品销售者抽查');
  await shell.screenshot('volumes-list');
  await volumes.open(TARGET);
  await expect(page.getByTestId('volume-custody')).toContainText('和平');
  await expect(volumes.checklist.getByTestId('check-notice')).toHaveAttribute('data-status', 'missing');
  await expect(volumes.checklist.getByTestId('check-result_reviewed')).toHaveAttribute('data-status', 'ok');

  // The inspection screen: generate the 告知书 (it opens for printing), then back to the volume by its link.
  await page.getByTestId('volume-inspection-link').click();
  await expect(inspections.target).toHaveText(TARGET);
  await inspections.tab('documents');
  const popup = page.waitForEvent('popup');
  await page.getByTestId('doc-render-notice').click();
  await (await popup).close();
  await expect(page.getByTestId('documents-table')).toContainText('行政检查告知书');
  await page.getByTestId('inspection-volume-link').click();
  await expect(volumes.screen).toBeVisible();
  await expect(volumes.entry('行政检查告知书')).toContainText('生成');
  await expect(volumes.checklist.getByTestId('check-notice')).toHaveAttribute('data-status', 'ok');

  // 导入文件: a PDF made here, filed as the 送达回证 (default place: after the notice).
  await volumes.importDocument(await receiptPdf(), { docType: '送达回证', title: RECEIPT_TITLE, responsible: '沈阳市和平区市场监督管理局', remark: '当事人签收' });
  await expect(volumes.entryRows()).toHaveCount(2);
  await expect(volumes.entryRows().nth(1)).toContainText(RECEIPT_TITLE);
  await expect(volumes.entry(RECEIPT_TITLE)).toContainText('导入');
  await expect(volumes.checklist.getByTestId('check-service_proof')).toHaveAttribute('data-status', 'ok');

  // Order: Alt+↑ on the focused row moves it (a draft until 保存顺序); saved, then ↓ and saved back.
  await volumes.entry(RECEIPT_TITLE).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(volumes.entryRows().first()).toContainText(RECEIPT_TITLE);
  await expect(page.getByTestId('order-dirty')).toBeVisible();
  await page.getByTestId('order-save').click();
  await expect(page.getByTestId('order-dirty')).toHaveCount(0);
  await volumes.reload();
  await expect(volumes.entryRows().first()).toContainText(RECEIPT_TITLE);
  await volumes.entry(RECEIPT_TITLE).getByTestId('entry-down').click();
  await expect(volumes.entryRows().nth(1)).toContainText(RECEIPT_TITLE);
  await page.getByTestId('order-save').click();
  await expect(page.getByTestId('order-dirty')).toHaveCount(0);
  await expect(volumes.entryRows().first().getByTestId('entry-seq')).toHaveText('1');
  await expect(volumes.entryRows().first()).toContainText('行政检查告知书');

  // Drag and drop: the receipt's grip dragged above the notice with the mouse (a draft until 保存顺序), saved and
  // still first after a reload; then back with the keyboard on the grip (Space, ↓, Space) and saved.
  await volumes.dragEntry(1, 0);
  await expect(volumes.entryRows().first()).toContainText(RECEIPT_TITLE);
  await expect(volumes.entryRows().first().getByTestId('entry-seq')).toHaveText('1');
  await expect(page.getByTestId('order-dirty')).toBeVisible();
  await page.getByTestId('order-save').click();
  await expect(page.getByTestId('order-dirty')).toHaveCount(0);
  await volumes.reload();
  await expect(volumes.entryRows().first()).toContainText(RECEIPT_TITLE);
  // A person presses these keys far apart; on a loaded machine dnd-kit may not have settled the row over its
  // neighbour when the drop key comes, so the drop is retried (from the grip) until the row has moved.
  await expect(async () => {
    await volumes.entryRows().first().getByTestId('entry-drag').focus();
    await page.keyboard.press('Space');
    await expect(volumes.entries.locator('tr[data-dragging]')).toHaveCount(1);
    await page.keyboard.press('ArrowDown');
    // Dropped only once the row has moved under the next one (dnd-kit measures on the next frame).
    await expect(volumes.entries.locator('tr[data-dragging]')).toHaveAttribute('style', /translate3d\(0px, [1-9]/);
    await page.waitForTimeout(300);
    await page.keyboard.press('Space');
    await expect(volumes.entries.locator('tr[data-dragging]')).toHaveCount(0);
    await expect(volumes.entryRows().nth(1)).toContainText(RECEIPT_TITLE, { timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await page.getByTestId('order-save').click();
  await expect(page.getByTestId('order-dirty')).toHaveCount(0);
  await expect(volumes.entryRows().first()).toContainText('行政检查告知书');

  // The drawer: pages of the imported file (rotate one step).
  await volumes.entry(RECEIPT_TITLE).click();
  const drawer = page.getByTestId('entry-drawer');
  await expect(drawer.getByTestId('entry-pages')).toBeVisible();
  // One step at a time: the button is enabled again before the refreshed page state arrives.
  for (const shown of ['90°', '180°', '270°']) {
    await drawer.getByTestId('page-rotate').click();
    await expect(drawer.getByTestId('entry-pages')).toContainText(shown);
  }
  await drawer.getByTestId('page-rotate').click();
  await expect(drawer.getByTestId('entry-pages')).not.toContainText('°');
  // Its page drawn small by pdf.js; a click opens the page in the viewer.
  await expect(drawer.getByTestId('page-thumb').locator('canvas')).toBeVisible({ timeout: 30_000 });
  await shell.screenshot('volume-entry-drawer');
  await drawer.getByTestId('page-view').click();
  await expect(volumes.preview.getByTestId('pdf-page-count')).toHaveText('/ 共 1 页', { timeout: 30_000 });
  await expect(volumes.previewPage()).toHaveAttribute('data-page', '1');
  await page.keyboard.press('Escape');
  await expect(volumes.preview).toBeHidden();
  // Focus returns to the drawer once the viewer's closing animation ends (CI once pressed Esc before it had).
  await motionSettled(page);
  await expect(async () => {
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });

  // Not yet published: the admin (not legal) is told the legal division must bind it.
  await expect(volumes.checklist.getByTestId('check-publication')).toHaveAttribute('data-status', 'missing');
  await page.getByTestId('volume-bind').click();
  await expect(page.getByTestId('bind-missing')).toContainText('检查结果公示记录');
  await expect(page.getByTestId('bind-legal-needed')).toBeVisible();
  await expect(page.getByTestId('bind-ok')).toBeDisabled();
  await shell.screenshot('volume-bind-blocked');
  await page.keyboard.press('Escape');
  const volumeUrl = page.url();

  // The legal division binds it with a reason; version 1 appears with its page count.
  await shell.logout.click();
  shell = await signIn(page, appHost, LEGAL.login, LEGAL.password);
  await goTo(page, volumeUrl.slice(volumeUrl.indexOf('#')));
  await expect(volumes.screen).toBeVisible();
  expect(await volumes.bind('结果公示尚在期限内，先行装订以备法制审核')).toContain('第 1 版');
  const version = volumes.versions.locator('tbody tr.ant-table-row').first();
  await expect(version.getByTestId('binding-version')).toHaveText('第 1 版');
  await expect(version).toContainText(LEGAL.displayName);
  const pagesText = (await version.getByTestId('binding-pages').textContent()) ?? '';
  const pages = Number(/^(\d+)/.exec(pagesText)?.[1]);
  expect(pages).toBeGreaterThanOrEqual(4);

  // 打开: exported into exports/ and opened in a new tab; the PDF has the target, the 目录 and its pages.
  const opened = page.waitForEvent('popup');
  await version.getByTestId('binding-open').click();
  await (await opened).close();
  const pdf = await newestExport(appHost.dataDir, /-v1\.pdf$/);
  const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-']);
  expect(text).toContain(TARGET);
  expect(text.replace(/\s+/g, '')).toContain('卷内文件目录');
  const { stdout: info } = await run('pdfinfo', [pdf]);
  expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(pages);

  // 预览 in the app (pdf.js): the page count, PgDn to page 2, a 书签 jump to the receipt (that page of the file is
  // the receipt's, by pdftotext), zoom in.
  await version.getByTestId('binding-preview').click();
  // The first preview loads pdf.js and its worker (lazily) and exports the file: slow on a busy machine.
  await expect(volumes.preview.getByTestId('pdf-page-count')).toHaveText(`/ 共 ${pages} 页`, { timeout: 30_000 });
  await expect(volumes.previewPage()).toHaveAttribute('data-page', '1');
  await page.keyboard.press('PageDown');
  await expect(volumes.previewPage()).toHaveAttribute('data-page', '2');
  await expect(volumes.preview.getByTestId('pdf-page-input')).toHaveValue('2');
  const bookmark = volumes.outlineItem(RECEIPT_TITLE);
  const receiptPage = (await bookmark.getAttribute('data-page')) ?? '';
  expect(Number(receiptPage)).toBeGreaterThan(2);
  await bookmark.click();
  await expect(volumes.previewPage()).toHaveAttribute('data-page', receiptPage);
  await expect(volumes.preview.getByTestId('pdf-page-input')).toHaveValue(receiptPage);
  const { stdout: receiptText } = await run('pdftotext', ['-f', receiptPage, '-l', receiptPage, pdf, '-']);
  expect(receiptText).toContain('Proof of service');
  await shell.screenshot('volume-preview');
  const width = (await volumes.previewPage().boundingBox())?.width ?? 0;
  await volumes.preview.getByTestId('pdf-zoom-in').click();
  await expect.poll(async () => (await volumes.previewPage().boundingBox())?.width ?? 0).toBeGreaterThan(width);
  await page.keyboard.press('PageUp');
  await expect(volumes.previewPage()).toHaveAttribute('data-page', String(Number(receiptPage) - 1));
  // (Esc here would first close the tooltip of the zoom button under the pointer.)
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  await expect(volumes.preview).toBeHidden();

  // 公开版 (no marks: the same pages), previewed too.
  await page.getByTestId('volume-bind-public').click();
  await page.getByTestId('public-ok').click();
  await expect(page.getByTestId('public-done')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('public-ok').click();
  await page.getByTestId('volume-public-copies').getByTestId('public-preview').first().click();
  await expect(volumes.preview.getByTestId('pdf-page-count')).toHaveText(`/ 共 ${pages} 页`, { timeout: 30_000 });
  await expect(volumes.previewPage()).toHaveAttribute('data-page', '1');
  await expect(volumes.outlineItem(RECEIPT_TITLE)).toHaveAttribute('data-page', receiptPage);
  await page.keyboard.press('Escape');
  await expect(volumes.preview).toBeHidden();

  // The workspace as a clerk sees it, for people to look at.
  await shell.logout.click();
  shell = await signIn(page, appHost);
  await goTo(page, volumeUrl.slice(volumeUrl.indexOf('#')));
  await expect(volumes.versions).toContainText('第 1 版');
  await page.mouse.move(0, 0);
  await shell.screenshot('volume-workspace');
});

test('a volume opened by hand for a complaint: custody by the 属地 rule, its own checklist, the same complaint refused twice', async ({ page, appHost }) => {
  const shell = await signIn(page, appHost);
  const volumes = new VolumesPage(page);
  // The admin gives the city bureau its own 案卷题名 rule first (档案管理 → 档号与题名规则); Enter saves.
  await shell.openMenu('档案管理');
  await page.getByTestId('archives-tab-settings').click();
  const rule = page.getByTestId('title-settings-pattern');
  await expect(page.getByTestId('title-settings-example')).toHaveText('关于对沈阳市××食品有限公司的双随机抽查检查专卷'); // loaded: the field holds the rule
  await rule.fill('关于对{对象名称}的{检查来源}检查专卷（{年度}）');
  await rule.press('Enter');
  await expect(page.getByTestId('title-settings-example')).toHaveText(/^关于对沈阳市××食品有限公司的双随机抽查检查专卷（\d{4}）$/);
  await shell.screenshot('title-settings');

  await shell.openMenu('抽查专卷');
  await expect(volumes.table.locator('.ant-table-row')).toHaveCount(2);

  const openByHand = async (basis: string) => {
    await page.getByTestId('volumes-open').click();
    const form = page.getByTestId('open-volume-form');
    await expect(form).toBeVisible();
    await motionSettled(page);
    await searchAndPick(page, form.getByTestId('open-volume-target'), '烟酒店', OTHER);
    await form.getByTestId('open-volume-basis').fill(basis);
    return form;
  };
  const form = await openByHand('TS-2026-0012');
  await shell.screenshot('volume-open-by-hand');
  await form.getByTestId('open-volume-basis').press('Enter'); // Enter in a field submits
  await expect(volumes.screen).toBeVisible();
  await expect(page.getByTestId('volume-title')).toHaveText(new RegExp(`^关于对${OTHER}的投诉举报检查专卷（\\d{4}）$`));
  await expect(page.getByTestId('volume-source')).toHaveText('投诉举报（投诉举报登记编号：TS-2026-0012）');
  await expect(page.getByTestId('volume-custody')).toHaveText('和平区市场监督管理局');
  await expect(volumes.checklist).toContainText('案源材料（投诉举报登记 / 转办交办单）');
  await expect(volumes.checklist).not.toContainText('检查结果已复核');

  // Back in the list the source stands where a drawn volume shows its task; the same complaint twice is refused.
  await shell.openMenu('抽查专卷');
  await expect(volumes.row(`投诉举报 TS-2026-0012`)).toBeVisible();
  const again = await openByHand('TS-2026-0012');
  await again.getByTestId('open-volume-submit').click();
  await expect(page.getByTestId('open-volume-problem')).toContainText('不要重复建卷');
  await page.getByTestId('open-volume-problem').getByRole('button', { name: '打开已有专卷' }).click();
  await expect(page.getByTestId('volume-source')).toContainText('TS-2026-0012');
  await page.mouse.move(0, 0);
  await shell.screenshot('volume-opened-by-hand');
});
