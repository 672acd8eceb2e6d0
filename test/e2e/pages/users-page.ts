import { expect, type Locator, type Page } from '@playwright/test';

/** 系统设置 › 用户管理 */
export class UsersPage {
  readonly root: Locator;
  readonly table: Locator;
  readonly oneTimePassword: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('users-page');
    this.table = page.getByTestId('users-table');
    this.oneTimePassword = page.getByTestId('one-time-password');
  }

  row(text: string): Locator {
    return this.table.locator('tbody tr.ant-table-row').filter({ hasText: text });
  }

  async create(user: { login: string; name: string; roles: string[] }): Promise<void> {
    await this.page.getByTestId('users-new').click();
    const dialog = this.page.getByRole('dialog', { name: '新建用户' });
    await expect(dialog).toBeVisible();
    await this.page.getByTestId('create-user-login').fill(user.login);
    await this.page.getByTestId('create-user-name').fill(user.name);
    // Default role is 检查人员; set exactly the requested ones.
    for (const box of await dialog.getByRole('checkbox').all()) if (await box.isChecked()) await box.uncheck();
    for (const role of user.roles) await dialog.getByRole('checkbox', { name: role }).check();
    await this.page.getByTestId('create-user-submit').click();
  }
}
