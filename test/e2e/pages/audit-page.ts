import { type Locator, type Page } from '@playwright/test';

/** 系统设置 › 审计日志 */
export class AuditPage {
  readonly root: Locator;
  readonly table: Locator;
  readonly verify: Locator;
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('audit-page');
    this.table = page.getByTestId('audit-table');
    this.verify = page.getByTestId('audit-verify');
    this.result = page.getByTestId('audit-verify-result');
  }

  rows(): Locator {
    return this.table.locator('tbody tr.ant-table-row');
  }
}
