import { expect, test } from './fixtures/app-host';
import { SAMPLE_TARGETS, seedTargets, settleAdminPassword } from './fixtures/seed';
import { goTo, signIn } from './pages/app';
import { AuditPage } from './pages/audit-page';
import { BureausPage } from './pages/bureaus-page';
import { LoginPage } from './pages/login-page';
import { Shell } from './pages/shell';
import { TargetsPage } from './pages/targets-page';
import { UsersPage } from './pages/users-page';

/** One screenshot of each main screen under test-results/screenshots/, for people to look at. */
test.use({
  hostSetup: {
    seed: async ({ dataDir, init }) => {
      await settleAdminPassword(dataDir, init);
      await seedTargets(dataDir, 'admin', SAMPLE_TARGETS);
    },
  },
});

// Long walkthroughs on a shared 2-core machine: give them room (each step still has its own 10 s expectation timeout).
test.describe.configure({ timeout: 120_000 });

test('screenshots of the main screens', async ({ page, appHost }) => {
  const login = new LoginPage(page);
  await login.open(appHost.url);
  await new Shell(page).screenshot('login');

  const shell = await signIn(page, appHost);
  const targets = new TargetsPage(page);
  await expect(targets.rows()).toHaveCount(SAMPLE_TARGETS.length);
  await shell.screenshot('targets-directory');

  await targets.startNew();
  await targets.fill({ creditCode: '914403001922038217', name: '沈阳市和平区示例食品商贸有限公司', legalRep: '张三' });
  await expect(targets.fieldErrors('creditCode')).toContainText('校验位');
  await shell.screenshot('target-new');

  await goTo(page, '#/targets');
  await targets.row('北方药业').getByTestId('target-link').click();
  await page.getByTestId('target-edit').click();
  await page.getByTestId('target-legalRep').fill('李强军');
  await page.getByTestId('target-address').fill('沈阳市沈河区青年大街 99 号');
  await targets.save.click();
  await expect(page.getByTestId('target-history')).toContainText('李强军');
  await shell.screenshot('target-detail');

  await shell.openMenu('单位档案设置');
  await new BureausPage(page).expectLoaded();
  await shell.screenshot('bureau-settings');

  await shell.openMenu('用户管理');
  await expect(new UsersPage(page).row('admin')).toBeVisible();
  await shell.screenshot('users');

  await shell.openMenu('审计日志');
  const audit = new AuditPage(page);
  await audit.verify.click();
  await expect(audit.result).toContainText('审计链完整');
  await shell.screenshot('audit-log');

  await shell.openMenu('档案管理');
  await expect(page.getByTestId('archives-page')).toBeVisible();
  await shell.screenshot('archives-empty');

  await shell.jobsIndicator.click();
  await expect(page.getByTestId('jobs-list')).toBeVisible();
  await shell.screenshot('jobs');
});
