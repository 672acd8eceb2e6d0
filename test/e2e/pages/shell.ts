import { expect, type Locator, type Page } from '@playwright/test';

/** The app frame: header, side menu, jobs indicator. */
export class Shell {
  readonly productName: Locator;
  readonly currentUser: Locator;
  readonly jobsIndicator: Locator;
  readonly logout: Locator;
  readonly menu: Locator;

  constructor(readonly page: Page) {
    this.productName = page.getByTestId('product-name');
    this.currentUser = page.getByTestId('current-user');
    this.jobsIndicator = page.getByTestId('jobs-indicator');
    this.logout = page.getByTestId('logout');
    this.menu = page.getByRole('menu').first();
  }

  async expectSignedIn(displayName?: string): Promise<void> {
    await expect(this.productName).toHaveText('casebinder 抽查专卷管理');
    if (displayName) await expect(this.currentUser).toContainText(displayName);
  }

  /** Opens a menu entry by its visible label (expanding its group when needed). */
  async openMenu(label: string): Promise<void> {
    await this.menu.getByRole('menuitem', { name: label }).click();
  }

  /** Waits until the bundled CJK font is in use, so screenshots never show tofu boxes. */
  async waitForFont(): Promise<void> {
    await this.page.waitForFunction(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px "WenQuanYi Micro Hei"', '检查对象');
    });
  }

  async screenshot(name: string): Promise<void> {
    await this.waitForFont();
    // Let antd finish its enter animations and the table its loading state.
    await expect(this.page.locator('.ant-spin-spinning')).toHaveCount(0);
    // A toast stays while the pointer rests on it (antd pauses it on hover): move away and give a loaded machine
    // time; a toast still showing then only spoils the picture, never the test.
    await this.page.mouse.move(0, 0);
    await this.page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 20_000 }).catch(() => undefined);
    await this.page.waitForTimeout(300);
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
  }
}
