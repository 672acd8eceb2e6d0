import { expect, test } from './fixtures/app-host';
import { settleAdminPassword } from './fixtures/seed';
import { signIn } from './pages/app';
import { AuditPage } from './pages/audit-page';
import { BureausPage } from './pages/bureaus-page';
import { LoginPage } from './pages/login-page';
import { UsersPage } from './pages/users-page';

test.use({ hostSetup: { seed: ({ dataDir, init }) => settleAdminPassword(dataDir, init) } });

test('bureau archive settings: the admin edits 全宗号 / 机构代码 / 文号简称 with Enter; bad input is refused in Chinese', async ({ page, appHost }) => {
  const shell = await signIn(page, appHost);
  await shell.openMenu('单位档案设置');
  const bureaus = new BureausPage(page);
  await bureaus.expectLoaded();

  await bureaus.edit('和平区市场监督管理局', { fondsCode: 'J0021' });
  await page.getByTestId('bureau-edit-fondsCode').press('Enter');
  await expect(bureaus.row('和平区市场监督管理局')).toContainText('全宗号为 1–4 位大写字母或数字');

  await page.getByTestId('bureau-edit-fondsCode').fill('j021');
  await page.getByTestId('bureau-edit-shortName').fill('沈和市监局');
  await page.getByTestId('bureau-edit-shortName').press('Enter');
  await expect(bureaus.row('和平区市场监督管理局')).toContainText('J021');
  await expect(bureaus.row('和平区市场监督管理局')).toContainText('沈和市监局');
  await expect(page.getByTestId('bureau-edit-fondsCode')).toHaveCount(0);
});

test('user management: create a user, see the one-time password once, sign in as that user and change it', async ({ page, appHost }) => {
  const shell = await signIn(page, appHost);
  await shell.openMenu('用户管理');
  const users = new UsersPage(page);
  await users.create({ login: 'liuna', name: '刘娜', roles: ['档案员'] });
  await expect(users.oneTimePassword).toBeVisible();
  const password = await users.oneTimePassword.inputValue();
  expect(password.length).toBeGreaterThanOrEqual(10);
  await page.getByTestId('one-time-password-copy').click();
  await expect(page.getByTestId('one-time-password-copy')).toHaveText(/已复制|复制/);
  await page.getByTestId('one-time-password-done').click();
  await expect(users.oneTimePassword).toHaveCount(0);
  await expect(users.row('liuna')).toContainText('档案员');
  await expect(users.row('liuna')).toContainText('待改密');

  // Disable and enable again.
  await users.row('liuna').getByRole('button', { name: '停用' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(users.row('liuna')).toContainText('停用');
  await users.row('liuna').getByRole('button', { name: '启用' }).click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect(users.row('liuna')).toContainText('启用');

  await shell.logout.click();
  const login = new LoginPage(page);
  await login.login('liuna', 'wrong-password-1');
  await expect(login.error).toHaveText('用户名或密码错误。');
  await login.login('liuna', password);
  await expect(login.changePasswordDialog).toBeVisible();
  await page.getByTestId('change-password-new').fill('short1');
  await page.getByTestId('change-password-confirm').fill('short1');
  await page.getByTestId('change-password-confirm').press('Enter');
  await expect(login.changePasswordDialog).toContainText('密码强度不足：至少 10 位，且同时包含字母和数字。');
  await login.changeInitialPassword('Liuna2025archive');
  await expect(shell.currentUser).toContainText('刘娜');
});

test('audit log: list and verify the chain as a background job with progress and result', async ({ page, appHost }) => {
  const shell = await signIn(page, appHost);
  await shell.openMenu('审计日志');
  const audit = new AuditPage(page);
  await expect(audit.rows().first()).toBeVisible();
  await expect(audit.table).toContainText('初始化单位名录');
  await audit.verify.click();
  await expect(audit.result).toContainText('审计链完整');
  await shell.jobsIndicator.click();
  await expect(page.getByTestId('jobs-list')).toContainText('审计链校验');
  await expect(page.getByTestId('jobs-list')).toContainText('已完成');
});
