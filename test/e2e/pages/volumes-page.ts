import { expect, type Locator, type Page } from '@playwright/test';
import { pickOption } from './app';

export type ImportMeta = { docType: string; title?: string; docNo?: string; responsible?: string; remark?: string };

/** 抽查专卷: the list and the volume workspace (header, 卷内文件, 装订版本, checklist, bind dialog, PDF preview). */
export class VolumesPage {
  readonly list: Locator;
  readonly table: Locator;
  readonly screen: Locator;
  readonly entries: Locator;
  readonly versions: Locator;
  readonly checklist: Locator;
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId('volumes-page');
    this.table = page.getByTestId('volumes-table');
    this.screen = page.getByTestId('volume-page');
    this.entries = page.getByTestId('volume-entries');
    this.versions = page.getByTestId('volume-versions');
    this.checklist = page.getByTestId('volume-checklist');
    this.preview = page.getByTestId('pdf-preview');
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

  /** Reloads the workspace (a stored order must survive it); the first volumes.get may queue behind a busy host. */
  async reload(): Promise<void> {
    await this.page.reload();
    await expect(this.screen).toBeVisible({ timeout: 30_000 });
  }

  /** The document rows in their shown order. */
  entryRows(): Locator {
    return this.entries.locator('tbody tr.ant-table-row');
  }

  entry(text: string): Locator {
    return this.entryRows().filter({ hasText: text });
  }

  /**
   * Drags the document row at `from` by its grip onto the row at `to` with the mouse (0-based, shown order):
   * past dnd-kit's 4 px activation, then in small steps so the sortable list follows the pointer.
   */
  async dragEntry(from: number, to: number): Promise<void> {
    const grip = await this.entryRows().nth(from).getByTestId('entry-drag').boundingBox();
    const target = await this.entryRows().nth(to).boundingBox();
    if (!grip || !target) throw new Error('rows not visible');
    const x = grip.x + grip.width / 2;
    const y = grip.y + grip.height / 2;
    const direction = target.y > grip.y ? 1 : -1;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x, y + 10 * direction, { steps: 4 });
    await this.page.mouse.move(x, target.y + target.height / 2 + 4 * direction, { steps: 12 });
    await this.page.mouse.up();
  }

  /** The shown page of the PDF preview (data-page is set once the page is drawn). */
  previewPage(): Locator {
    return this.preview.getByTestId('pdf-page');
  }

  /** 书签 entries of the PDF preview; data-page is the page each leads to. */
  outlineItem(text: string): Locator {
    return this.preview.getByTestId('pdf-outline-item').filter({ hasText: text });
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
