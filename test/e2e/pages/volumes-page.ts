import { expect, type Locator, type Page } from '@playwright/test';
import { pickOption } from './app';

export type ImportMeta = { docType: string; title?: string; docNo?: string; responsible?: string; remark?: string };

/** 抽查专卷: the list and the volume workspace (header, 卷内文件, 装订版本, checklist, bind dialog). */
export class VolumesPage {
  readonly list: Locator;
  readonly table: Locator;
  readonly screen: Locator;
  readonly entries: Locator;
  readonly versions: Locator;
  readonly checklist: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId('volumes-page');
    this.table = page.getByTestId('volumes-table');
    this.screen = page.getByTestId('volume-page');
    this.entries = page.getByTestId('volume-entries');
    this.versions = page.getByTestId('volume-versions');
    this.checklist = page.getByTestId('volume-checklist');
  }

  row(text: string): Locator {
    return this.table.locator('.ant-table-row').filter({ hasText: text });
  }

  /** From the list: focus the row and press Enter. */
  async open(targetName: string): Promise<void> {
    await expect(this.list).toBeVisible();
    const row = this.row(targetName);
    await expect(row).toBeVisible();
    await row.focus();
    await row.press('Enter');
    await expect(this.screen).toBeVisible();
    await expect(this.page.getByTestId('volume-target')).toHaveText(targetName);
  }

  /** The document rows in their shown order. */
  entryRows(): Locator {
    return this.entries.locator('tbody tr.ant-table-row');
  }

  entry(text: string): Locator {
    return this.entryRows().filter({ hasText: text });
  }

  /** 导入文件: pick the file (staged), fill the 著录项, 导入. */
  async importDocument(file: string, meta: ImportMeta): Promise<void> {
    await this.page.getByTestId('import-doc').click();
    const dialog = this.page.locator('.ant-modal').filter({ hasText: '导入文件' });
    await dialog.locator('input[type="file"]').setInputFiles(file);
    await expect(dialog.getByTestId('import-doc-name')).toBeVisible();
    await pickOption(this.page, dialog.getByTestId('entry-doc-type'), meta.docType);
    if (meta.docNo) await dialog.getByTestId('entry-doc-no').fill(meta.docNo);
    if (meta.responsible) await dialog.getByTestId('entry-responsible').fill(meta.responsible);
    if (meta.title) await dialog.getByTestId('entry-title').fill(meta.title);
    if (meta.remark) await dialog.getByTestId('entry-remark').fill(meta.remark);
    await this.page.getByTestId('import-doc-ok').click();
    await expect(dialog).toBeHidden();
  }

  /** 装订 as a user who may: the reason when the volume is incomplete; waits for the new version. */
  async bind(reason?: string): Promise<string> {
    await this.page.getByTestId('volume-bind').click();
    await expect(this.page.getByTestId('bind-form')).toBeVisible();
    if (reason) await this.page.getByTestId('bind-reason').fill(reason);
    await this.page.getByTestId('bind-ok').click();
    const done = this.page.getByTestId('bind-done');
    await expect(done).toBeVisible({ timeout: 60_000 });
    const text = (await done.textContent()) ?? '';
    await this.page.getByTestId('bind-ok').click();
    await expect(this.page.getByTestId('bind-progress')).toBeHidden();
    return text;
  }
}
