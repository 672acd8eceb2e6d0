import { expect, type Locator, type Page } from '@playwright/test';

/** 一单两库 › 执法检查人员名录 (and its 专家库 tab) */
export class InspectorsPage {
  readonly root: Locator;
  readonly table: Locator;
  readonly search: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('inspectors-page');
    this.table = page.getByTestId('inspectors-table');
    this.search = page.getByTestId('inspectors-search');
    this.drawer = page.getByTestId('inspector-drawer');
  }

  async open(): Promise<void> {
    await this.page.evaluate(() => (window.location.hash = '#/inspectors'));
    await expect(this.root).toBeVisible();
  }

  rows(): Locator {
    return this.table.locator('.ant-table-row:not(.ant-table-row-extra)');
  }

  row(text: string): Locator {
    return this.rows().filter({ hasText: text });
  }

  filter(name: 'qualified' | 'line' | 'expertise' | 'status' | 'cert' | 'bureau'): Locator {
    return this.page.getByTestId(`inspectors-${name}-filter`);
  }
}
