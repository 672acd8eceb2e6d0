import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures/app-host';
import { repoRoot } from './fixtures/cli';
import { settleAdminPassword } from './fixtures/seed';
import { pickOption, signIn } from './pages/app';
import { ImportWizard } from './pages/import-wizard';
import { InspectorsPage } from './pages/inspectors-page';
import { ItemsPage } from './pages/items-page';
import { TargetsPage } from './pages/targets-page';

const fixture = (name: string) => path.join(repoRoot, 'test', 'fixtures', name);

test.use({ hostSetup: { seed: async ({ dataDir, init }) => settleAdminPassword(dataDir, init) } });

// Long walkthroughs on a shared 2-core machine: give them room (each step still has its own 10 s expectation timeout).
test.describe.configure({ timeout: 120_000 });

test('targets: a CSV with 3 good and 2 bad rows imports the good ones and explains the bad ones', async ({ page, appHost }) => {
  const shell = await signIn(page, appHost);
  const targets = new TargetsPage(page);
  const wizard = new ImportWizard(page);
  await expect(targets.list).toBeVisible();

  await wizard.open('targets');
  await wizard.chooseFile(fixture('e2e-targets-import.csv'));
  // Keyboard: the ready step's primary button has the focus, Enter moves on.
  await expect(wizard.next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(wizard.mapping).toBeVisible();
  await expect(wizard.detectedEncoding).toHaveText('UTF-8');
  await expect(wizard.mappedTo('统一社会信用代码')).toHaveText('统一社会信用代码');
  await expect(wizard.mappedTo('属地')).toHaveText('属地');
  await expect(wizard.missing).toHaveCount(0);
  await expect(page.getByTestId('import-preview-rows')).toContainText('火星区未知属地商行');
  await expect(wizard.start).toBeFocused();
  await shell.screenshot('import-wizard-preview');

  await page.keyboard.press('Enter');
  await expect(page.getByTestId('import-step-result')).toBeVisible({ timeout: 30_000 });
  await expect(wizard.count('inserted')).toHaveText('3');
  await expect(wizard.count('rejected')).toHaveText('2');
  await expect(wizard.count('updated')).toHaveText('0');
  await expect(wizard.errorRows()).toHaveCount(2);
  await expect(wizard.errorRows().nth(0)).toContainText('3');
  await expect(wizard.errorRows().nth(0)).toContainText('统一社会信用代码');
  await expect(wizard.errorRows().nth(0)).toContainText('统一社会信用代码校验位（第 18 位）错误。');
  await expect(wizard.errorRows().nth(1)).toContainText('6');
  await expect(wizard.errorRows().nth(1)).toContainText('属地');
  await expect(wizard.errorRows().nth(1)).toContainText('无法识别的单位名称或区划代码。（“火星区”）');
  await shell.screenshot('import-result');

  const download = await wizard.downloadErrorReport();
  expect(download.suggestedFilename()).toMatch(/^导入错误报告.*\.csv$/);
  const report = await fs.readFile(await download.path(), 'utf8');
  expect(report.charCodeAt(0)).toBe(0xfeff); // BOM, so Excel reads it as UTF-8
  expect(report).toContain('行号,列,错误代码,错误说明');
  expect(report).toContain('USCC_CHECKSUM');
  expect(report).toContain('IMPORT_BUREAU_UNKNOWN');

  await wizard.finish();
  await targets.searchFor('导入测试药房');
  await expect(targets.rows()).toHaveCount(1);
  await expect(targets.row('沈阳市沈河区导入测试药房')).toContainText('9144030071526726XG');
  await expect(targets.row('沈阳市沈河区导入测试药房')).toContainText('沈河区市场监督管理局');
});

test('targets: template download; XLSX sheet choice; a file without a required column is stopped at the preview', async ({ page, appHost }) => {
  await signIn(page, appHost);
  const download = page.waitForEvent('download');
  await page.getByTestId('targets-template').click();
  await page.getByRole('menuitem', { name: 'CSV 模板' }).click();
  const template = await download;
  expect(template.suggestedFilename()).toBe('检查对象名录导入模板.csv');
  expect(await fs.readFile(await template.path(), 'utf8')).toContain('统一社会信用代码,名称');

  const wizard = new ImportWizard(page);
  await wizard.open('targets');
  // A workbook whose first sheet is a note: the wizard offers its sheets; the data sheet maps cleanly.
  await wizard.chooseFile(fixture('targets-two-sheets.xlsx'));
  await expect(page.getByTestId('import-sheet')).toContainText('说明');
  await pickOption(page, page.getByTestId('import-sheet'), '名录');
  await wizard.toPreview();
  await expect(wizard.detectedEncoding).toContainText('XLSX');
  await expect(wizard.missing).toHaveCount(0);
  await expect(page.getByTestId('import-preview-rows')).toContainText('沈阳表格示例一有限公司');

  await page.getByRole('button', { name: '上一步' }).click();
  await wizard.chooseFile(fixture('targets-missing-name-column.csv'));
  await wizard.toPreview();
  await expect(wizard.missing).toContainText('缺少必需的列：名称');
  await expect(wizard.start).toBeDisabled();
});

test('items: a two-row list imports through the same wizard and shows in the list and its drawer', async ({ page, appHost }) => {
  const shell = await signIn(page, appHost);
  await shell.openMenu('检查事项清单');
  const items = new ItemsPage(page);
  await expect(items.root).toBeVisible();
  const wizard = new ImportWizard(page);
  await wizard.open('items');
  await wizard.chooseFile(fixture('e2e-items-import.csv'));
  await wizard.toPreview();
  await expect(wizard.mappedTo('抽查事项')).toHaveText('抽查事项');
  await wizard.run();
  await expect(wizard.count('inserted')).toHaveText('2');
  await expect(wizard.count('rejected')).toHaveText('0');
  await expect(wizard.errors).toHaveCount(0);
  await wizard.finish();

  await expect(items.rows()).toHaveCount(2);
  await expect(items.row('食品销售者经营条件检查')).toContainText('重点检查事项');
  await expect(items.row('食品销售者经营条件检查')).toContainText('实地核查、书面检查');
  await shell.screenshot('items-list');

  // Filter: only 重点检查事项.
  await items.filter('class').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '一般检查事项' }).click();
  await expect(items.rows()).toHaveCount(1);
  await expect(items.rows().first()).toContainText('食品标签标识检查');

  // Drawer from the keyboard: focus the row and press Enter.
  await items.rows().first().focus();
  await page.keyboard.press('Enter');
  await expect(items.drawer).toBeVisible();
  await expect(page.getByTestId('item-value-code')).toHaveText('SPXS-002');
  await expect(page.getByTestId('item-value-basis')).toContainText('第六十七条');
  await expect(page.getByTestId('item-history')).toContainText('导入');
  await expect(page.getByTestId('item-versions')).toContainText('e2e-items-import.csv');
  await shell.screenshot('item-drawer');
});

test('inspectors: a two-row roster imports through the same wizard; filters and the drawer work', async ({ page, appHost }) => {
  const shell = await signIn(page, appHost);
  await shell.openMenu('执法检查人员名录');
  const inspectors = new InspectorsPage(page);
  await expect(inspectors.root).toBeVisible();
  const wizard = new ImportWizard(page);
  await wizard.open('inspectors');
  await wizard.chooseFile(fixture('e2e-inspectors-import.csv'));
  await wizard.toPreview();
  await expect(wizard.mappedTo('执法证号')).toHaveText('执法证号');
  await wizard.run();
  await expect(wizard.count('inserted')).toHaveText('2');
  await expect(wizard.count('rejected')).toHaveText('0');
  await wizard.finish();

  await expect(inspectors.rows()).toHaveCount(2);
  await expect(inspectors.row('周导入')).toContainText('21010220230001');
  await expect(inspectors.row('吴导入')).toContainText('沈河区市场监督管理局');
  await shell.screenshot('inspectors-list');

  await inspectors.filter('expertise').fill('计量');
  await expect(inspectors.rows()).toHaveCount(1);
  await expect(inspectors.rows().first()).toContainText('吴导入');

  await inspectors.rows().first().locator('.ant-table-cell').first().click();
  await expect(inspectors.drawer).toBeVisible();
  await expect(page.getByTestId('inspector-value-certNo')).toHaveText('21010320230002');
  await expect(page.getByTestId('inspector-value-expertise')).toHaveText('计量');
  await expect(page.getByTestId('inspector-absences')).toContainText('没有登记不在岗期间');
  await expect(page.getByTestId('inspector-recusals')).toContainText('没有登记回避');
  await expect(page.getByTestId('inspector-history')).toContainText('导入');
  await shell.screenshot('inspector-drawer');
  await page.keyboard.press('Escape');

  // 专家库 (非执法人员) on the second tab: add one through the form; it opens in its drawer.
  await page.getByRole('tab', { name: '专家库（非执法人员）' }).click();
  await expect(page).toHaveURL(/tab=experts/);
  await page.getByTestId('experts-new').click();
  const form = page.getByTestId('expert-form');
  await form.getByLabel('姓名').fill('郑专家');
  await form.getByLabel('专业领域').fill('特种设备检验');
  await form.getByLabel('工作单位').fill('沈阳市特种设备检测研究院');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('expert-drawer-title')).toHaveText('郑专家');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('experts-table').locator('.ant-table-row:not(.ant-table-row-extra)')).toHaveCount(1);
});
