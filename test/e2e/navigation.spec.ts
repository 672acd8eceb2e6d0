import { expect, test } from './fixtures/app-host';
import { seedTargets, seedUser, settleAdminPassword } from './fixtures/seed';
import { goTo, signIn } from './pages/app';
import { TargetsPage } from './pages/targets-page';

test.describe('navigation', () => {
  test.use({
    hostSetup: {
      seed: async ({ dataDir, init }) => {
        await settleAdminPassword(dataDir, init);
        await seedUser(dataDir, { login: 'zhangwei', displayName: '张伟', bureauId: 2, roles: ['inspector'], password: 'Inspector2025x' });
        await seedTargets(dataDir, 'admin', [{ name: '沈阳市和平区导航测试商店', creditCode: '914403001922038216', territorialBureauId: 2 }]);
      },
    },
  });

  test('every menu area is built now; an unknown address says so and leads back, with no data shown', async ({ page, appHost }) => {
    const shell = await signIn(page, appHost);
    await shell.openMenu('档案管理');
    await expect(page).toHaveURL(/#\/archives$/);
    await expect(page.getByTestId('not-open')).toHaveCount(0);
    await page.evaluate(() => {
      window.location.hash = '#/no-such-area';
    });
    await expect(page.getByText('页面不存在')).toBeVisible();
    await expect(page.locator('table')).toHaveCount(0);
    await page.getByRole('button', { name: '返回检查对象名录' }).click();
    await expect(page).toHaveURL(/#\/targets$/);
  });

  test('keyboard: Ctrl+K and / focus the search box; Enter searches', async ({ page, appHost }) => {
    await signIn(page, appHost);
    const targets = new TargetsPage(page);
    await expect(targets.list).toBeVisible();
    await page.locator('body').click({ position: { x: 700, y: 600 } });
    await page.keyboard.press('Control+k');
    await expect(targets.search).toBeFocused();
    await page.keyboard.type('导航测试');
    await page.keyboard.press('Enter');
    await expect(targets.rows()).toHaveCount(1);
    await page.locator('body').click({ position: { x: 700, y: 600 } });
    await page.keyboard.press('/');
    await expect(targets.search).toBeFocused();
    // The search survives a visit to the detail page and back.
    await targets.row('导航测试').getByTestId('target-link').click();
    await expect(targets.detail).toBeVisible();
    await page.goBack();
    await expect(targets.search).toHaveValue('导航测试');
  });

  test('an inspector sees the directory read-only and no admin areas', async ({ page, appHost }) => {
    const shell = await signIn(page, appHost, 'zhangwei', 'Inspector2025x');
    await expect(shell.currentUser).toContainText('张伟');
    await expect(shell.currentUser).toContainText('和平区市场监督管理局');
    await expect(shell.currentUser).toContainText('检查人员');
    const targets = new TargetsPage(page);
    await expect(targets.row('导航测试')).toBeVisible();
    await expect(targets.newButton).toHaveCount(0);
    await expect(shell.menu.getByRole('menuitem', { name: '用户管理' })).toHaveCount(0);
    await expect(shell.menu.getByRole('menuitem', { name: '审计日志' })).toHaveCount(0);
    await goTo(page, '#/settings/users');
    await expect(page.getByTestId('forbidden')).toContainText('无权访问');
  });

  test('the side menu is reached with Tab and driven with the arrow keys and Enter', async ({ page, appHost }) => {
    const shell = await signIn(page, appHost);
    await shell.logout.focus();
    await page.keyboard.press('Tab');
    await expect(shell.menu).toBeFocused();
    // Walk down to 单位档案设置 and open it.
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    for (let i = 0; i < 25; i++) {
      const text = await focused();
      if (text.startsWith('单位档案设置')) break;
      await page.keyboard.press('ArrowDown');
      await expect.poll(focused).not.toBe(text); // wait for the focus to move before reading it again
    }
    expect(await focused()).toMatch(/^单位档案设置/);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/settings\/bureaus$/);
    await expect(page.getByTestId('bureaus-page')).toBeVisible();
  });

  test('an expired session sends the user back to the login screen with a notice', async ({ page, appHost }) => {
    await signIn(page, appHost);
    // End the session behind the page's back, then act.
    const sessionToken = await page.evaluate(() => sessionStorage.getItem('casebinder.session'));
    await page.request.post(`http://127.0.0.1:${appHost.port}/rpc`, {
      headers: { Authorization: `Bearer ${appHost.token}` },
      data: { method: 'auth.logout', input: {}, sessionToken },
    });
    await goTo(page, '#/settings/users');
    await expect(page.getByTestId('login-username')).toBeVisible();
    await expect(page.getByText('尚未登录或登录已过期，请重新登录。')).toBeVisible();
  });

  test('signing out returns to the login screen', async ({ page, appHost }) => {
    const shell = await signIn(page, appHost);
    await shell.logout.click();
    await expect(page.getByTestId('login-username')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('login-username')).toBeVisible();
  });
});
