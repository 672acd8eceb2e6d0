import { expect, type Locator, type Page } from '@playwright/test';

/** 系统设置 › 单位档案设置 */
export class BureausPage {
  readonly root: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('bureaus-page');
    this.table = page.getByTestId('bureaus-table');
  }

  row(name: string): Locator {
    return this.table.locator('tbody tr.ant-table-row').filter({ hasText: name });
  }

  async expectLoaded(): Promise<void> {
    await expect(this.table.locator('tbody tr.ant-table-row')).toHaveCount(14);
  }

  async edit(name: string, values: { fondsCode?: string; orgCode?: string; shortName?: string }): Promise<void> {
    await this.row(name).getByRole('button', { name: '编辑' }).click();
    for (const [field, value] of Object.entries(values)) await this.page.getByTestId(`bureau-edit-${field}`).fill(value);
  }
}
