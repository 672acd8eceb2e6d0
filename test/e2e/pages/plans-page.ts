import { expect, type Locator, type Page } from '@playwright/test';
import { motionSettled, pickOption, searchAndPick } from './app';

export type NewPlan = { title: string; year: number; businessLine: string; bureau: string };
export type NewTask = { name: string; item: string; from: string; to: string; defaultPercent: number; overrides?: Record<string, number> };

/** 抽查计划: the list, the plan page (workflow, tasks, versions) and the task editor. */
export class PlansPage {
  readonly list: Locator;
  readonly table: Locator;
  readonly plan: Locator;
  readonly status: Locator;
  readonly tasks: Locator;
  readonly versions: Locator;
  readonly taskPage: Locator;
  readonly noteInput: Locator;
  readonly noteProblem: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId('plans-page');
    this.table = page.getByTestId('plans-table');
    this.plan = page.getByTestId('plan-page');
    this.status = page.getByTestId('plan-header').getByTestId('plan-status');
    this.tasks = page.getByTestId('tasks-table');
    this.versions = page.getByTestId('plan-versions');
    this.taskPage = page.getByTestId('task-page');
    this.noteInput = page.getByTestId('note-input');
    this.noteProblem = page.getByTestId('note-problem');
  }

  async createPlan(plan: NewPlan): Promise<void> {
    await this.page.getByTestId('plans-new').click();
    const title = this.page.getByTestId('plan-title');
    await expect(title).toBeFocused();
    await title.fill(plan.title);
    await this.page.locator('#plan_year').fill(String(plan.year));
    await this.page.locator('#plan_businessLine').fill(plan.businessLine);
    await pickOption(this.page, this.page.getByTestId('plan-bureau'), plan.bureau);
    await title.press('Enter');
    await expect(this.plan).toBeVisible();
    await expect(this.page.getByTestId('plan-title')).toHaveText(plan.title);
  }

  /** On the plan page: 新增任务 → fill the editor → 保存任务; ends on the saved task's page. */
  async addTask(task: NewTask): Promise<void> {
    await this.page.getByTestId('tasks-new').click();
    await expect(this.taskPage).toBeVisible();
    const name = this.page.getByTestId('task-name');
    await expect(name).toBeFocused();
    await name.fill(task.name);
    await searchAndPick(this.page, this.page.getByTestId('task-items'), task.item);
    await this.page.keyboard.press('Escape');
    await this.fillWindow(task.from, task.to);
    await this.ratioDefault().fill(String(task.defaultPercent));
    for (const [cell, percent] of Object.entries(task.overrides ?? {})) await this.ratioCell(cell).fill(String(percent));
    await this.page.getByTestId('task-save').click();
    await expect(this.page).toHaveURL(/#\/plans\/\d+\/tasks\/\d+$/);
    await expect(this.page.getByTestId('task-title')).toContainText(task.name);
  }

  /** The schedule window (antd RangePicker): typed as YYYY-MM-DD, Enter after each date. */
  async fillWindow(from: string, to: string): Promise<void> {
    const inputs = this.page.locator('.ant-picker-range:has(#task_window) input');
    await inputs.first().click();
    await inputs.first().fill(from);
    await inputs.first().press('Enter');
    await inputs.last().fill(to);
    await inputs.last().press('Enter');
    await expect(inputs.first()).toHaveValue(from);
    await expect(inputs.last()).toHaveValue(to);
  }

  ratioDefault(): Locator {
    return this.input(this.page.getByTestId('ratio-default'));
  }

  /** A cell of the ratio table by its stratum, e.g. 'high/C'. */
  ratioCell(stratum: string): Locator {
    return this.input(this.page.getByTestId(`ratio-cell-${stratum.replace('/', '-')}`));
  }

  ratioCount(stratum: string): Locator {
    return this.page.getByTestId(`ratio-count-${stratum.replace('/', '-')}`);
  }

  /** antd puts the test id either on the <input> or on its wrapper. */
  private input(located: Locator): Locator {
    return located.locator('input').or(this.page.locator('input').and(located));
  }

  taskRow(name: string): Locator {
    return this.tasks.locator('.ant-table-row').filter({ hasText: name });
  }

  async openPlan(id: number): Promise<void> {
    await this.page.evaluate((hash) => (window.location.hash = hash), `#/plans/${id}`);
    await expect(this.plan).toBeVisible();
  }

  /**
   * 报送审核 through its Popconfirm. The confirm button is clicked once the pop-up has stopped zooming in (a
   * click during the animation can land beside it and close it); should it still have missed, the plan is
   * still a draft and the pair of clicks is made again.
   */
  async submitForReview(): Promise<void> {
    await expect(async () => {
      if ((await this.status.textContent()) === '草稿') {
        await this.page.getByTestId('plan-submit').click();
        const confirm = this.page.getByTestId('plan-submit-confirm');
        await confirm.waitFor();
        await motionSettled(this.page);
        await confirm.click();
      }
      await expect(this.status).toHaveText('报送审核', { timeout: 5_000 });
    }).toPass({ timeout: 40_000 });
  }

  /** 审核通过 with a note; returns without waiting (the caller checks the outcome). */
  async approve(note: string): Promise<void> {
    await this.page.getByTestId('plan-approve').click();
    await expect(this.noteInput).toBeFocused();
    await this.noteInput.fill(note);
    await this.noteInput.press('Enter');
  }

  async publish(): Promise<void> {
    await this.page.getByTestId('plan-publish').click();
    await this.page.getByTestId('plan-publish-confirm').click();
    await expect(this.status).toHaveText('已公示');
  }
}
