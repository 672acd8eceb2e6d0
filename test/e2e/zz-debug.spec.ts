import { test, expect } from './fixtures/app-host';
test('debug', async ({ page, appHost }) => {
  page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
  page.on('requestfailed', (r) => console.log('REQFAIL', r.url()));
  page.on('response', (r) => { if (r.status() >= 400) console.log('RESP', r.status(), r.url()); });
  await page.goto(appHost.url);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill(appHost.initialAdminPassword);
  await page.getByTestId('login-password').press('Enter');
  await page.getByTestId('change-password-new').fill('Abcdefgh1234');
  await page.getByTestId('change-password-confirm').fill('Abcdefgh1234');
  await page.getByTestId('change-password-confirm').press('Enter');
  await page.getByTestId('targets-new').click();
  await page.getByTestId('target-creditCode').fill('914403001922038217');
  await page.waitForTimeout(1000);
  console.log(await page.locator('[data-testid=field-creditCode]').count());
  console.log(await page.locator('#target_creditCode').evaluate((el) => el.closest('.ant-form-item')?.outerHTML));
});
