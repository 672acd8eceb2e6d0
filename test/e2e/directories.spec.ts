import fs from 'node:fs/promises';
import { expect, test } from './fixtures/app-host';
import { cliCall } from './fixtures/cli';
import { SAMPLE_TARGETS, seedTargets, settleAdminPassword } from './fixtures/seed';
import { pickOption, searchAndPick } from './pages/app';
import { signIn } from './pages/app';
import { TargetsPage } from './pages/targets-page';

const ITEMS = [
  { bureauId: 1, businessLine: '食品安全', seq: 1, category: '食品销售监督检查', name: '食品销售者经营条件检查', itemClass: 'key', methods: ['on_site'] },
  { bureauId: 1, businessLine: '药品监管', seq: 1, category: '药品经营监督检查', name: '药品零售企业经营行为检查', itemClass: 'general', methods: ['on_site', 'written'] },
];

test.use({
  hostSetup: {
    seed: async ({ dataDir, init }) => {
      await settleAdminPassword(dataDir, init);
      await seedTargets(dataDir, 'admin', SAMPLE_TARGETS);
      for (const item of ITEMS) await cliCall(dataDir, 'admin', 'items.create', item);
    },
  },
});

// Long walkthroughs on a shared 2-core machine: give them room (each step still has its own 10 s expectation timeout).
test.describe.configure({ timeout: 120_000 });

test('targets: filters narrow the list; the drawer shows fields, 分类标注 and history', async ({ page, appHost }) => {
  const shell = await signIn(page, appHost);
  const targets = new TargetsPage(page);
  await expect(targets.rows()).toHaveCount(SAMPLE_TARGETS.length);

  await pickOption(page, page.getByTestId('targets-risk-filter'), '风险较高');
  await expect(targets.rows()).toHaveCount(1);
  await expect(targets.rows().first()).toContainText('沈阳北方药业连锁有限公司');
  await expect(page).toHaveURL(/risk=higher/);

  await pickOption(page, page.getByTestId('targets-risk-filter'), '全部风险');
  await pickOption(page, page.getByTestId('targets-industry-filter'), '眼镜零售');
  await expect(targets.rows()).toHaveCount(1);
  await pickOption(page, page.getByTestId('targets-industry-filter'), '全部行业');
  await expect(targets.rows()).toHaveCount(SAMPLE_TARGETS.length);

  // Row click opens the drawer (the name link still goes to the full page).
  await targets.openDrawer('沈阳北方药业连锁有限公司');
  await expect(page.getByTestId('target-drawer-title')).toHaveText('沈阳北方药业连锁有限公司');
  await expect(targets.drawer.getByTestId('target-value-industry')).toHaveText('药品零售');
  await expect(targets.drawer.getByTestId('target-history')).toContainText('新增');

  await searchAndPick(page, page.getByTestId('target-tags-picker'), '药品零售企业');
  await page.keyboard.press('Escape');
  await page.getByTestId('target-tags-save').click();
  await expect(page.getByText('分类标注已保存')).toBeVisible();
  await expect(targets.drawer.getByTestId('target-history')).toContainText('分类标注');
  await expect(targets.drawer.getByTestId('target-history')).toContainText('药品零售企业经营行为检查（药品监管）');
  await shell.screenshot('target-drawer');
  await page.keyboard.press('Escape');
  await expect(targets.drawer).toBeHidden();

  // The tag is a filter too.
  await searchAndPick(page, page.getByTestId('targets-tag-filter'), '药品零售企业');
  await expect(targets.rows()).toHaveCount(1);
  await expect(targets.rows().first()).toContainText('1 项');

  // Enter on a focused row opens the drawer.
  await targets.rows().first().focus();
  await page.keyboard.press('Enter');
  await expect(targets.drawer).toBeVisible();
});

test('targets: bulk tagging runs as a job over the current filter; export downloads the filtered list', async ({ page, appHost }) => {
  await signIn(page, appHost);
  const targets = new TargetsPage(page);
  await pickOption(page, page.getByTestId('targets-kind-filter'), '营利性');
  await expect(targets.rows()).toHaveCount(3);

  await page.getByTestId('targets-bulk-tag').click();
  const bulk = page.getByTestId('bulk-tag');
  await expect(bulk).toContainText('当前筛选条件下的 3 个检查对象');
  await searchAndPick(page, page.getByTestId('bulk-tag-items'), '食品销售者');
  await page.keyboard.press('Escape');
  await page.getByTestId('bulk-tag-start').click();
  await expect(page.getByTestId('bulk-tag-result')).toContainText('已处理 3 个检查对象，其中 3 个');
  await page.getByTestId('bulk-tag-close').click();
  await expect(targets.rows().filter({ hasText: '1 项' })).toHaveCount(3);

  const download = page.waitForEvent('download');
  await page.getByTestId('targets-export').click();
  await page.getByRole('menuitem', { name: '导出为 CSV' }).click();
  await expect(page.getByTestId('export-result')).toContainText('已导出 3 条');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^检查对象名录-.*\.csv$/);
  const csv = await fs.readFile(await file.path(), 'utf8');
  expect(csv).toContain('统一社会信用代码,名称');
  expect(csv).toContain('沈阳北方药业连锁有限公司');
  expect(csv).not.toContain('爱心养老服务中心'); // 非营利性: outside the filter
});
