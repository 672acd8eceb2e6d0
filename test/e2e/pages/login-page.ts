import { expect, type Locator, type Page } from '@playwright/test';

export class LoginPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly changePasswordDialog: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByTestId('login-username');
    this.password = page.getByTestId('login-password');
    this.submit = page.getByTestId('login-submit');
    this.error = page.getByTestId('login-error');
    this.changePasswordDialog = page.getByRole('dialog', { name: '请先修改初始密码' });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.username).toBeVisible();
  }

  /** Types the credentials and presses Enter (the form must submit from the keyboard). */
  async login(user: string, password: string): Promise<void> {
    await this.username.fill(user);
    await this.password.fill(password);
    await this.password.press('Enter');
  }

  async changeInitialPassword(newPassword: string): Promise<void> {
    await expect(this.changePasswordDialog).toBeVisible();
    await this.page.getByTestId('change-password-new').fill(newPassword);
    await this.page.getByTestId('change-password-confirm').fill(newPassword);
    await this.page.getByTestId('change-password-confirm').press('Enter');
    await expect(this.changePasswordDialog).toBeHidden();
  }
}
