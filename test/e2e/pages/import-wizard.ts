import { expect, type Download, type Locator, type Page } from '@playwright/test';

export type ImportCount = 'inserted' | 'updated' | 'unchanged' | 'rejected';

/** The generic import wizard (导入 on any directory page). */
export class ImportWizard {
  readonly dialog: Locator;
  readonly fileName: Locator;
  readonly next: Locator;
  readonly start: Locator;
  readonly mapping: Locator;
  readonly missing: Locator;
  readonly detectedEncoding: Locator;
  readonly errors: Locator;
  readonly errorReport: Locator;
  readonly done: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog').filter({ has: page.getByTestId('import-wizard') });
    this.fileName = page.getByTestId('import-file-name');
    this.next = page.getByTestId('import-next');
    this.start = page.getByTestId('import-start');
    this.mapping = page.getByTestId('import-mapping');
    this.missing = page.getByTestId('import-missing');
    this.detectedEncoding = page.getByTestId('import-detected-encoding');
    this.errors = page.getByTestId('import-errors');
    this.errorReport = page.getByTestId('import-error-report');
    this.done = page.getByTestId('import-done');
  }

  /** Clicks the directory's 导入 button (`targets-import`, `items-import`, `inspectors-import`). */
  async open(directory: 'targets' | 'items' | 'inspectors'): Promise<void> {
    await this.page.getByTestId(`${directory}-import`).click();
    await expect(this.dialog).toBeVisible();
  }

  async chooseFile(path: string): Promise<void> {
    await this.dialog.locator('input[type="file"]').setInputFiles(path);
    await expect(this.fileName).toHaveText(path.split('/').pop() ?? path);
  }

  async toPreview(): Promise<void> {
    await expect(this.next).toBeEnabled();
    await this.next.click();
    await expect(this.mapping).toBeVisible();
  }

  /** The template column a file header was mapped to (or 忽略). */
  mappedTo(header: string): Locator {
    return this.mapping.locator('tr.ant-table-row').filter({ has: this.page.getByRole('cell', { name: header, exact: true }) }).locator('td').nth(1);
  }

  async run(): Promise<void> {
    await this.start.click();
    await expect(this.page.getByTestId('import-step-result')).toBeVisible({ timeout: 30_000 });
  }

  count(key: ImportCount): Locator {
    return this.page.getByTestId(`import-count-${key}`).locator('.ant-statistic-content-value');
  }

  errorRows(): Locator {
    return this.errors.locator('.ant-table-row:not(.ant-table-row-extra)');
  }

  async downloadErrorReport(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.errorReport.click();
    return download;
  }

  async finish(): Promise<void> {
    await this.done.click();
    await expect(this.dialog).toBeHidden();
  }
}
