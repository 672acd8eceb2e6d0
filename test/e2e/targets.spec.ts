import { ADMIN_PASSWORD, expect, test } from './fixtures/app-host';
import { codeWithOrgMismatch, seedTargets, settleAdminPassword } from './fixtures/seed';
import { signIn } from './pages/app';
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
  await expect(targets.fieldErrors('creditCode')).toHaveCount(0);
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

test.describe('with a settled admin', () => {
  test.use({
    hostSetup: {
      seed: async ({ dataDir, init }) => {
        await settleAdminPassword(dataDir, init);
        await seedTargets(dataDir, 'admin', [{ name: '沈阳市沈河区冲突测试超市', creditCode: RIGHT_CODE, territorialBureauId: 3 }]);
      },
    },
  });

  test('an organisation-code mismatch is a yellow warning, saving stays possible', async ({ page, appHost }) => {
    await signIn(page, appHost);
    const targets = new TargetsPage(page);
    await targets.startNew();
    await targets.fill({ creditCode: codeWithOrgMismatch(), name: '沈阳市组织机构代码提示测试有限公司' });
    await expect(targets.fieldMessage('creditCode')).toContainText('组织机构代码部分（第 9–17 位）校验不符');
    await expect(targets.fieldErrors('creditCode')).toHaveCount(0);
    await targets.save.click();
    await expect(targets.detail).toBeVisible();
    await expect(page.getByTestId('target-warning')).toContainText('组织机构代码部分（第 9–17 位）校验不符');
  });

  test('a non-market subject takes an identifier and a description instead of a credit code', async ({ page, appHost }) => {
    await signIn(page, appHost);
    const targets = new TargetsPage(page);
    await targets.startNew();
    await targets.form.getByText('非市场主体', { exact: true }).click();
    await expect(targets.creditCode).toHaveCount(0);
    await page.getByTestId('target-name').fill('儿童玩具（毛绒类）');
    await targets.save.click();
    await expect(page.getByTestId('field-identifier').locator('.ant-form-item-explain-error')).toContainText('非市场主体');
    await page.getByTestId('target-identifier').fill('CP-2025-0107');
    await page.getByTestId('target-description').fill('产品质量监督抽查：毛绒玩具');
    await targets.save.click();
    await expect(targets.detail).toBeVisible();
    await expect(page.getByTestId('target-value-identifier')).toHaveText('CP-2025-0107');
  });

  test('a duplicate credit code is reported on the field with a link to the existing record', async ({ page, appHost }) => {
    await signIn(page, appHost);
    const targets = new TargetsPage(page);
    await targets.startNew();
    await targets.fill({ creditCode: RIGHT_CODE, name: '重复代码测试' });
    await targets.save.click();
    await expect(targets.fieldErrors('creditCode')).toContainText('已在名录库中');
    await page.getByTestId('target-form-error').getByRole('link', { name: '查看已有记录' }).click();
    await expect(page.getByTestId('target-title')).toHaveText('沈阳市沈河区冲突测试超市');
  });

  test('editing records history; a concurrent change is refused with the version-conflict message', async ({ page, appHost }) => {
    await signIn(page, appHost);
    const targets = new TargetsPage(page);
    await targets.row('冲突测试超市').getByTestId('target-link').click();
    await page.getByTestId('target-edit').click();
    await page.getByTestId('target-legalRep').fill('周敏');
    await targets.save.click();
    await expect(page.getByTestId('target-value-legalRep')).toHaveText('周敏');
    await expect(page.getByTestId('target-history')).toContainText('法定代表人（负责人）');
    await expect(page.getByTestId('target-history')).toContainText('周敏');

    // Someone else saves the same record while this form is open.
    await page.getByTestId('target-edit').click();
    await expect(targets.form).toBeVisible();
    const id = Number(/#\/targets\/(\d+)\/edit/.exec(page.url())?.[1]);
    const sessionToken = await page.evaluate(() => sessionStorage.getItem('casebinder.session'));
    const rpc = async (method: string, input: unknown) =>
      (await page.request.post(`http://127.0.0.1:${appHost.port}/rpc`, { headers: { Authorization: `Bearer ${appHost.token}` }, data: { method, input, sessionToken } })).json();
    const current = (await rpc('targets.get', { id })).value;
    const { id: _id, version, warnings: _w, tags: _t, createdAt: _c, updatedAt: _u, ...fields } = current;
    const other = await rpc('targets.update', { ...fields, id, expectedVersion: version, industry: '超市' });
    expect(other.ok).toBe(true);

    await page.getByTestId('target-address').fill('沈阳市沈河区北站路 1 号');
    await targets.save.click();
    await expect(page.getByTestId('target-form-error')).toContainText('该记录已被他人修改，请刷新后再编辑。');
    await page.getByRole('button', { name: '重新加载（放弃本次修改）' }).click();
    await expect(page.getByTestId('target-industry')).toHaveValue('超市');
    await expect(page.getByTestId('target-form-error')).toHaveCount(0);
  });
});
