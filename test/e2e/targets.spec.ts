import { ADMIN_PASSWORD, expect, test } from './fixtures/app-host';
import { LoginPage } from './pages/login-page';
import { Shell } from './pages/shell';
import { TargetsPage } from './pages/targets-page';

const WRONG_CODE = '914403001922038217';
const RIGHT_CODE = '914403001922038216';
const NAME = '沈阳市和平区示例食品商贸有限公司';

test('admin signs in with the one-time password, changes it, adds a target after fixing its check character, and finds it', async ({ page, appHost }) => {
  const login = new LoginPage(page);
  const shell = new Shell(page);
  const targets = new TargetsPage(page);

  await login.open(appHost.url);
  // The host token left the address bar as soon as the app read it.
  await expect(page).not.toHaveURL(/token=/);
  await login.login('admin', appHost.initialAdminPassword);
  await login.changeInitialPassword(ADMIN_PASSWORD);
  await shell.expectSignedIn();
  await expect(targets.list).toBeVisible();

  await targets.startNew();
  await targets.fill({ creditCode: WRONG_CODE, name: NAME, legalRep: '张三', address: '沈阳市和平区南京南街 1 号', industry: '食品销售' });
  // Live check while typing, in Chinese, on the field itself.
  await expect(targets.fieldMessage('creditCode')).toContainText('统一社会信用代码校验位（第 18 位）错误。');
  await targets.save.click();
  await expect(targets.form).toBeVisible();
  await expect(targets.fieldMessage('creditCode')).toContainText('统一社会信用代码校验位（第 18 位）错误。');

  await targets.creditCode.fill(RIGHT_CODE);
  await expect(targets.fieldMessage('creditCode')).not.toContainText('错误');
  await targets.save.click();
  await expect(targets.detail).toBeVisible();
  await expect(page.getByTestId('target-title')).toHaveText(NAME);
  await expect(page.getByTestId('target-value-creditCode')).toHaveText(RIGHT_CODE);
  await expect(page.getByTestId('target-history')).toContainText('新增');

  await targets.open();
  await targets.searchFor('示例食品');
  await expect(targets.rows()).toHaveCount(1);
  await expect(targets.row(NAME)).toContainText(RIGHT_CODE);

  await targets.searchFor(RIGHT_CODE);
  await expect(targets.rows()).toHaveCount(1);
  await expect(targets.row(NAME)).toBeVisible();
  await shell.screenshot('targets-list');
});
