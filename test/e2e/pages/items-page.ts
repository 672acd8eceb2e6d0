import { expect, type Locator, type Page } from '@playwright/test';

/** 一单两库 › 检查事项清单 */
export class ItemsPage {
  readonly root: Locator;
  readonly table: Locator;
  readonly search: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('items-page');
    this.table = page.getByTestId('items-table');
    this.search = page.getByTestId('items-search');
    this.drawer = page.getByTestId('item-drawer');
  }

  async open(): Promise<void> {
    await this.page.evaluate(() => (window.location.hash = '#/items'));
    await expect(this.root).toBeVisible();
  }

  rows(): Locator {
    return this.table.locator('.ant-table-row:not(.ant-table-row-extra)');
  }

  row(text: string): Locator {
    return this.rows().filter({ hasText: text });
  }

  filter(name: 'level' | 'line' | 'class' | 'status' | 'bureau'): Locator {
    return this.page.getByTestId(`items-${name}-filter`);
  }
}
