import { expect, test } from './fixtures/app-host';

const TOKEN_MESSAGE = '访问令牌无效，请使用启动时打印的完整地址打开';

test('a wrong host token shows a clear full-page message instead of the login screen', async ({ page, appHost }) => {
  await page.goto(`http://127.0.0.1:${appHost.port}/#token=not-the-right-token`);
  await expect(page.getByTestId('host-problem-message')).toHaveText(TOKEN_MESSAGE);
  await expect(page.getByTestId('login-username')).toHaveCount(0);
  await expect(page).not.toHaveURL(/token=/);
});

test('no host token at all shows the same message', async ({ page, appHost }) => {
  await page.goto(`http://127.0.0.1:${appHost.port}/`);
  await expect(page.getByTestId('host-problem-message')).toHaveText(TOKEN_MESSAGE);
});

test('the right token survives a reload (kept for this tab only)', async ({ page, appHost }) => {
  await page.goto(appHost.url);
  await expect(page.getByTestId('login-username')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('login-username')).toBeVisible();
});
