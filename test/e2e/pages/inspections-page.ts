import { expect, type Locator, type Page } from '@playwright/test';
import { motionSettled, pickOption } from './app';

export type InspectionTab = 'basics' | 'members' | 'documents' | 'signing' | 'result' | 'review' | 'follow-up' | 'publication';

/** 检查实施: the list of inspections and the inspection screen (header, steps, tabs). */
export class InspectionsPage {
  readonly list: Locator;
  readonly table: Locator;
  readonly screen: Locator;
  readonly status: Locator;
  readonly target: Locator;
  readonly deadlines: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId('inspections-page');
    this.table = page.getByTestId('inspections-table');
    this.screen = page.getByTestId('inspection-page');
    this.status = page.getByTestId('inspection-header').getByTestId('inspection-status');
    this.target = page.getByTestId('inspection-target');
    this.deadlines = page.getByTestId('inspection-deadlines');
  }

  row(text: string): Locator {
    return this.table.locator('.ant-table-row').filter({ hasText: text });
  }

  /** From the list: focus the row and press Enter (the list is keyboard-first). */
  async open(targetName: string): Promise<void> {
    await expect(this.list).toBeVisible();
    const row = this.row(targetName);
    await expect(row).toBeVisible();
    await row.focus();
    await row.press('Enter');
    await expect(this.screen).toBeVisible();
    await expect(this.target).toHaveText(targetName);
  }

  async tab(key: InspectionTab): Promise<void> {
    await this.page.getByTestId(`tab-${key}`).click();
    await expect(this.page.getByTestId(`tab-${key}`)).toBeVisible();
  }

  async setMethods(labels: string[]): Promise<void> {
    await this.tab('basics');
    const select = this.page.getByTestId('inspection-methods');
    for (const label of labels) await pickOption(this.page, select, label);
    await this.page.keyboard.press('Escape');
    await this.page.getByTestId('inspection-plan-save').click();
  }

  /** 开始检查 / 检查结束: the date dialog keeps today's date; Enter on the focused button confirms. */
  async advance(button: 'inspection-start' | 'inspection-finish', expected: string): Promise<void> {
    await this.page.getByTestId(button).click();
    const ok = this.page.getByTestId('date-action-ok');
    await expect(ok).toBeVisible();
    await motionSettled(this.page);
    await ok.click();
    await expect(ok).toBeHidden({ timeout: 20_000 });
    await expect(this.status).toHaveText(expected);
  }

  async recordSigning(label: string, refusal?: { reason: string; witness: string; witnessId: string }): Promise<void> {
    await this.tab('signing');
    await this.page.getByTestId('signing-status').getByText(label, { exact: true }).click();
    if (refusal) {
      await expect(this.page.getByTestId('signing-problems')).toContainText('请填写见证人姓名');
      await expect(this.page.getByTestId('signing-save')).toBeDisabled();
      await this.page.getByTestId('signing-reason').fill(refusal.reason);
      await this.page.getByTestId('signing-witness-name').fill(refusal.witness);
      await this.page.getByTestId('signing-witness-id').fill(refusal.witnessId);
      await expect(this.page.getByTestId('signing-problems')).toHaveCount(0);
    }
    await this.page.getByTestId('signing-save').click();
    await expect(this.page.getByTestId('signing-current')).toHaveText(label);
  }

  /** A result category by its §1.1 label (those needing follow-up carry a note after the label). */
  async checkResult(label: string): Promise<void> {
    await this.page.getByTestId('result-categories').getByRole('checkbox', { name: new RegExp(`^${label}(\\s*（需后续处置）)?$`) }).check();
  }

  /** 开始检查 → 检查结束 around the signing, from the inspection's first screen. */
  async inspect(signing: string, refusal?: { reason: string; witness: string; witnessId: string }): Promise<void> {
    await this.advance('inspection-start', '检查中');
    await this.recordSigning(signing, refusal);
    await this.advance('inspection-finish', '待录入');
  }

  async checkMeasure(label: string): Promise<void> {
    await this.page.getByTestId('result-measures').getByRole('checkbox', { name: label, exact: true }).check();
  }
}
