import { expect, type Locator, type Page } from '@playwright/test';

/** 随机摇号: the task chooser and the draw screen (commitment, run, result, verify, export). */
export class DrawPage {
  readonly chooser: Locator;
  readonly screen: Locator;
  readonly witness: Locator;
  readonly commit: Locator;
  readonly commitment: Locator;
  readonly run: Locator;
  readonly result: Locator;
  readonly selections: Locator;
  readonly verify: Locator;
  readonly verifyResult: Locator;
  readonly exportButton: Locator;
  readonly exportFiles: Locator;

  constructor(readonly page: Page) {
    this.chooser = page.getByTestId('draws-page');
    this.screen = page.getByTestId('draw-screen');
    this.witness = page.getByTestId('seed-witness');
    this.commit = page.getByTestId('seed-commit');
    this.commitment = page.getByTestId('seed-commitment');
    this.run = page.getByTestId('draw-run');
    this.result = page.getByTestId('draw-result');
    this.selections = page.getByTestId('draw-selections');
    this.verify = page.getByTestId('draw-verify');
    this.verifyResult = page.getByTestId('draw-verify-result');
    this.exportButton = page.getByTestId('draw-export');
    this.exportFiles = page.getByTestId('draw-export-files');
  }

  /** From the chooser: the task's 摇号 button. */
  async chooseTask(name: string): Promise<void> {
    await expect(this.chooser).toBeVisible();
    await this.chooser.locator('.ant-table-row').filter({ hasText: name }).getByRole('button', { name: '摇号' }).click();
    await expect(this.screen).toBeVisible();
  }

  /** The commitment as shown (the copy button carries no text). */
  async commitmentText(): Promise<string> {
    return ((await this.commitment.textContent()) ?? '').trim();
  }

  selectionRows(): Locator {
    return this.selections.locator('.ant-table-row');
  }
}
