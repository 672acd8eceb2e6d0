import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { MESSAGES_ZH } from '../../shared/errors/messages-zh';
import { expect, test } from './fixtures/app-host';
import { INSPECTOR, newestExport, REVIEWER, seedDrawnInspections } from './fixtures/inspection-seed';
import { settleAdminPassword } from './fixtures/seed';
import { goTo, signIn } from './pages/app';
import { InspectionsPage } from './pages/inspections-page';

const run = promisify(execFile);
const TARGET = '沈阳市和平区检查示例食品商行';
const OTHER = '沈阳市和平区检查示例烟酒店';

test.describe.configure({ timeout: 240_000 });

test.use({
  hostSetup: {
    seed: async ({ dataDir, init }) => {
      await settleAdminPassword(dataDir, init);
      await seedDrawnInspections(dataDir, { targets: [TARGET, OTHER], street: '太原北街', inspectorRoles: ['inspector', 'reviewer'] });
    },
  },
});

test('an inspection from the notice to publication: 谁检查、谁录入, 谁复核、谁负责, export of the publication file', async ({ page, appHost }) => {
  let shell = await signIn(page, appHost, INSPECTOR.login, INSPECTOR.password);
  const inspections = new InspectionsPage(page);

  // 检查实施: the inspector's own list; Enter on a row opens it.
  await shell.openMenu('检查实施');
  await page.getByTestId('inspections-mine').check();
  await expect(inspections.table.locator('.ant-table-row')).toHaveCount(2);
  await expect(inspections.row(TARGET)).toContainText('待检查');
  await expect(inspections.row(TARGET)).toContainText('赵执法');
  await shell.screenshot('inspections-list');
  await inspections.open(TARGET);
  await expect(inspections.status).toHaveText('待检查');

  // 文书: generate the 行政检查告知书 (it opens for printing) with its 文号.
  await inspections.tab('documents');
  const popup = page.waitForEvent('popup');
  await page.getByTestId('doc-render-notice').click();
  await (await popup).close();
  const docs = page.getByTestId('documents-table');
  await expect(docs).toContainText('行政检查告知书');
  await expect(docs.getByTestId('doc-no').first()).toHaveText(/检告〔\d{4}〕\d+号/);
  const noticePdf = await newestExport(appHost.dataDir, /\.pdf$/i);

  // 基本情况 and the steps: methods, 开始检查, 签字情况, 检查结束.
  await inspections.setMethods(['实地核查']);
  await expect(page.getByTestId('inspection-basics')).toContainText('食品销售者经营条件检查');
  await inspections.advance('inspection-start', '检查中');
  await inspections.recordSigning('当事人已签字（盖章）');
  await inspections.advance('inspection-finish', '待录入');
  await expect(inspections.deadlines).toContainText('结果录入');
  await expect(inspections.deadlines.getByTestId('deadline-countdown').first()).toHaveText(/剩 \d+ 个工作日|今日到期/);

  // 检查结果 by the member inspector: problems are listed before the core is asked.
  await inspections.tab('result');
  await expect(page.getByTestId('result-problems')).toContainText('请至少选择一项检查结果');
  await expect(page.getByTestId('result-submit')).toBeDisabled();
  await inspections.checkResult('未发现问题');
  await inspections.checkMeasure('未发现问题或相关问题已规范、已改正，无需后续处置');
  await expect(page.getByTestId('result-problems')).toHaveCount(0);
  await page.getByTestId('item-finding').first().fill('经营场所、设施设备与许可一致，未发现问题');
  await page.getByTestId('result-summary').fill('现场核查经营条件，查验食品进货查验记录。');
  await page.getByTestId('result-remark').fill('无');
  await page.getByTestId('result-save').click();
  await expect(page.getByTestId('result-overall')).toHaveText('未发现问题');
  // Filling the form scrolled the content pane: back to the top (header, steps, deadlines, the result tab).
  await inspections.screen.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.mouse.move(0, 0);
  await shell.screenshot('inspection-screen');
  await page.getByTestId('result-submit').click();
  await expect(inspections.status).toHaveText('待复核');

  // The entrant holds the reviewer role too, yet may not review his own entry.
  await inspections.tab('review');
  await expect(page.getByTestId('review-self')).toHaveText(MESSAGES_ZH.RESULT_SELF_REVIEW);
  await expect(page.getByTestId('review-approve')).toBeDisabled();

  // A second person reviews: 复核通过 forms the result.
  await shell.logout.click();
  shell = await signIn(page, appHost, REVIEWER.login, REVIEWER.password);
  await goTo(page, '#/inspections?status=awaiting_review');
  await inspections.open(TARGET);
  await inspections.tab('review');
  await page.getByTestId('review-approve').click();
  await page.getByTestId('note-input').fill('结果属实，同意');
  await page.getByTestId('note-input').press('Enter');
  await expect(inspections.status).toHaveText('已复核');
  await expect(page.getByTestId('review-history')).toContainText('结果属实，同意');
  await expect(page.getByTestId('review-history')).toContainText(REVIEWER.displayName);

  // 结果公示: the preview lists the formed result; the CSV names the target.
  await shell.openMenu('结果公示');
  await expect(page.getByTestId('publish-table')).toContainText(TARGET);
  await expect(page.getByTestId('publish-count')).toContainText('1');
  await shell.screenshot('publication');
  const download = page.waitForEvent('download');
  await page.getByTestId('publish-export-csv').click();
  const file = await (await download).path();
  expect(await fs.readFile(file, 'utf8')).toContain(TARGET);
  await expect(page.getByTestId('publish-exported')).toContainText('.csv');
  const exported = await newestExport(appHost.dataDir, /\.csv$/i);
  expect(await fs.readFile(exported, 'utf8')).toContain(TARGET);

  await page.getByTestId('publish-mark').click();
  await page.getByTestId('publish-mark-ok').click();
  await expect(page.getByTestId('publish-count')).toContainText('0');
  await goTo(page, '#/inspections');
  await expect(inspections.row(TARGET)).toContainText('已公示');

  // 月报表 of this month: the reviewed result counts as 未发现问题, entered on time.
  await shell.openMenu('统计报表');
  await expect(page.getByTestId('reports-table')).toContainText('合计');
  await expect(page.getByTestId('reports-by-category')).toContainText('未发现问题');
  await shell.screenshot('monthly-report');

  // The rendered notice as a picture for people to look at (poppler's pdftoppm, as CI installs it).
  const out = path.join('test-results', 'screenshots', 'notice-page');
  await fs.mkdir(path.dirname(out), { recursive: true });
  await run('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', noticePdf, out]);
  expect((await fs.stat(`${out}.png`)).size).toBeGreaterThan(10_000);
});

test('a problem found: refused signature with a witness, 责令改正 with its 通知书, recheck and closing the follow-up', async ({ page, appHost }) => {
  let shell = await signIn(page, appHost, INSPECTOR.login, INSPECTOR.password);
  const inspections = new InspectionsPage(page);
  await shell.openMenu('检查实施');
  await inspections.open(OTHER);
  await inspections.inspect('当事人拒绝签字', { reason: '负责人称需请示总公司，拒绝签字', witness: '李见证', witnessId: '210102199001011234' });

  await inspections.tab('result');
  await inspections.checkResult('发现问题待后续处理');
  await expect(page.getByTestId('result-problems')).toContainText('检查结果需要后续处置，请选择后续处置措施');
  await inspections.checkMeasure('违反本部门相关规定，责令改正；后续跟踪由日常监管部门负责');
  await page.getByTestId('item-finding').first().fill('未按规定公示食品经营许可证');
  await page.getByTestId('item-handling').first().fill('当场责令改正');
  await page.getByTestId('result-submit').click();
  await expect(inspections.status).toHaveText('待复核');

  await shell.logout.click();
  shell = await signIn(page, appHost, REVIEWER.login, REVIEWER.password);
  await goTo(page, '#/inspections');
  await inspections.open(OTHER);
  await page.getByTestId('review-approve').click();
  await page.getByTestId('note-input').press('Enter');
  await expect(inspections.status).toHaveText('已复核');
  await expect(page.getByTestId('inspection-header')).toContainText('后续处置未完结');

  // 后续处置 by the reviewer (a publisher): the order, its recheck, closing the follow-up with a date.
  await inspections.tab('follow-up');
  await page.getByTestId('correction-add').click();
  await page.getByTestId('correction-content').fill('于期限内在经营场所显著位置公示食品经营许可证');
  await page.getByTestId('follow-up-ok').click();
  const corrections = page.getByTestId('corrections-table');
  await expect(corrections).toContainText('整改期内');
  await expect(inspections.deadlines).toContainText('整改期限');
  await corrections.getByTestId('correction-recheck').click();
  await page.getByTestId('follow-up-ok').click();
  await expect(corrections).toContainText('复查已改正');
  await page.getByTestId('follow-up-close').click();
  await page.getByTestId('follow-up-ok').click();
  await expect(page.getByTestId('follow-up-status')).toHaveText('已完结');

  // The inspector prints the 责令改正通知书 of the correction.
  await shell.logout.click();
  shell = await signIn(page, appHost, INSPECTOR.login, INSPECTOR.password);
  await goTo(page, '#/inspections');
  await inspections.open(OTHER);
  await inspections.tab('follow-up');
  const popup = page.waitForEvent('popup');
  await page.getByTestId('order-render').click();
  await (await popup).close();
  await expect(page.getByTestId('order-print')).toBeVisible();
  await inspections.tab('documents');
  await expect(page.getByTestId('documents-table')).toContainText('责令改正通知书');
  await inspections.tab('signing');
  await expect(page.getByTestId('inspection-signing')).toContainText('李见证');
  await inspections.tab('follow-up');
  await inspections.screen.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.mouse.move(0, 0);
  await shell.screenshot('inspection-follow-up');
});
