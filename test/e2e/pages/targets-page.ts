import { expect, type Locator, type Page } from '@playwright/test';

export type NewTarget = { kind?: '营利性' | '非营利性' | '非市场主体'; creditCode: string; name: string; legalRep?: string; address?: string; industry?: string };

/** 检查对象名录: the list, the create/edit form and the detail view. */
export class TargetsPage {
  readonly page: Page;
  readonly list: Locator;
  readonly table: Locator;
  readonly search: Locator;
  readonly newButton: Locator;
  readonly form: Locator;
  readonly creditCode: Locator;
  readonly creditCodeItem: Locator;
  readonly name: Locator;
  readonly save: Locator;
  readonly detail: Locator;
  readonly drawer: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('targets-page');
    this.table = page.getByTestId('targets-table');
    this.search = page.getByTestId('targets-search');
    this.newButton = page.getByTestId('targets-new');
    this.form = page.getByTestId('target-form');
    this.creditCode = page.getByTestId('target-creditCode');
    this.creditCodeItem = page.getByTestId('field-creditCode');
    this.name = page.getByTestId('target-name');
    this.save = page.getByTestId('target-save');
    this.detail = page.getByTestId('target-detail');
    this.drawer = page.getByTestId('target-drawer');
  }

  async open(): Promise<void> {
    await this.page.evaluate(() => (window.location.hash = '#/targets'));
    await expect(this.list).toBeVisible();
  }

  /** The message antd shows under a form field (errors and warnings). */
  fieldMessage(field: string): Locator {
    return this.page.getByTestId(`field-${field}`).locator('.ant-form-item-explain');
  }

  /** Only the error lines under a field (not warnings). */
  fieldErrors(field: string): Locator {
    return this.page.getByTestId(`field-${field}`).locator('.ant-form-item-explain-error');
  }

  async startNew(): Promise<void> {
    await this.newButton.click();
    await expect(this.form).toBeVisible();
  }

  async fill(target: NewTarget): Promise<void> {
    if (target.kind) await this.form.getByText(target.kind, { exact: true }).click();
    await this.creditCode.fill(target.creditCode);
    await this.name.fill(target.name);
    if (target.legalRep) await this.page.getByTestId('target-legalRep').fill(target.legalRep);
    if (target.address) await this.page.getByTestId('target-address').fill(target.address);
    if (target.industry) await this.page.getByTestId('target-industry').fill(target.industry);
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.search.press('Enter');
  }

  /** Rows of the (virtual) table; antd renders them as div.ant-table-row. */
  rows(): Locator {
    return this.table.locator('.ant-table-row:not(.ant-table-row-extra)');
  }

  row(name: string): Locator {
    return this.rows().filter({ hasText: name });
  }

  /** Opens the detail drawer of a row by clicking outside its name link. */
  async openDrawer(name: string): Promise<void> {
    await this.row(name).locator('.ant-table-cell').first().click();
    await expect(this.drawer).toBeVisible();
  }
}
