import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures/app-host';
import { cliCall, cliJson } from './fixtures/cli';
import { makeCode, seedUser, settleAdminPassword } from './fixtures/seed';
import { goTo, signIn } from './pages/app';
import { DrawPage } from './pages/draw-page';
import { PlansPage } from './pages/plans-page';

const HEPING = '和平区市场监督管理局';
const LEGAL = { login: 'fzk', displayName: '刘审核', password: 'Legal2025review' };
const RISKS = ['低', '一般', '高'] as const;
const CREDITS = ['A', 'D'] as const;
const TARGETS = 24;

/**
 * 和平区: 24 targets over risk {低, 一般, 高} × credit {A, D} (4 per stratum), four enforcement inspectors with
 * valid certificates, one inspection item, and a legal reviewer (法制审核) — through the CLI, before the host starts.
 */
async function seedDrawWorld(dataDir: string): Promise<void> {
  const targets = ['统一社会信用代码,名称,主体类型,法定代表人,住所,属地,行业,风险等级,信用等级'];
  for (let i = 0; i < TARGETS; i++) {
    const code = makeCode('91210102', `MA0E${String(i + 1).padStart(4, '0')}`);
    targets.push(`${code},沈阳市和平区摇号示例${i + 1}号食品商行,营利性,张${i + 1},沈阳市和平区中华路 ${i + 1} 号,${HEPING},食品销售,${RISKS[i % 3]},${CREDITS[Math.floor(i / 3) % 2]}`);
  }
  const inspectors = ['姓名,所属单位,执法证号,证件有效期起,证件有效期至,是否具有执法资格,业务条线,专长,负责区域,联系电话,性别'];
  for (const [i, name] of ['赵执法', '钱执法', '孙执法', '李执法'].entries()) inspectors.push(`${name},${HEPING},2101022024000${i + 1},2024-01-01,2029-12-31,是,食品安全,,和平区,,男`);
  const dir = await fs.mkdtemp(path.join(path.dirname(dataDir), 'casebinder-e2e-draw-'));
  await fs.writeFile(path.join(dir, 'targets.csv'), targets.join('\n') + '\n');
  await fs.writeFile(path.join(dir, 'inspectors.csv'), inspectors.join('\n') + '\n');
  expect(await cliJson<{ inserted: number }>(dataDir, ['targets', 'import', path.join(dir, 'targets.csv'), '--user', 'admin'])).toMatchObject({ inserted: TARGETS });
  expect(await cliJson<{ inserted: number }>(dataDir, ['inspectors', 'import', path.join(dir, 'inspectors.csv'), '--user', 'admin'])).toMatchObject({ inserted: 4 });
  await fs.rm(dir, { recursive: true, force: true });
  await cliCall(dataDir, 'admin', 'items.create', { bureauId: 2, level: 'district', businessLine: '食品安全', seq: 1, category: '食品销售监督检查', name: '食品销售者经营条件检查', itemClass: 'general', methods: ['on_site'] });
  await seedUser(dataDir, { ...LEGAL, bureauId: 2, roles: ['legal'] });
}

// Long walkthroughs on a shared 2-core machine (each step keeps its own 10 s expectation timeout).
test.describe.configure({ timeout: 300_000 });

test.describe('the whole flow through the UI', () => {
  test.use({
    hostSetup: {
      seed: async ({ dataDir, init }) => {
        await settleAdminPassword(dataDir, init);
        await seedDrawWorld(dataDir);
      },
    },
  });

  test('plan → task with a ratio table → submit → review and publish by the legal division → commit, draw, verify, export', async ({ page, appHost }) => {
    let shell = await signIn(page, appHost);
    const plans = new PlansPage(page);

    // 抽查计划: a new plan (draft) with one task whose ratio table has one override.
    await shell.openMenu('抽查计划');
    await expect(plans.list).toBeVisible();
    await plans.createPlan({ title: '和平区局2026年度食品安全双随机抽查计划', year: 2026, businessLine: '食品安全', bureau: HEPING });
    await expect(plans.status).toHaveText('草稿');
    await plans.addTask({ name: '第一批次 食品销售者抽查', item: '经营条件', from: '2026-04-01', to: '2026-06-30', defaultPercent: 25, overrides: { 'high/D': 100 } });
    // The saved task shows the live preview: 4 targets per populated stratum; 25 % → 1 each, 100 % → all 4.
    await expect(page.getByTestId('population-size')).toHaveText(String(TARGETS));
    await expect(plans.ratioCount('high/D')).toHaveText('对象 4 · 应抽 4');
    await expect(plans.ratioCount('low/A')).toHaveText('对象 4 · 应抽 1');
    await expect(plans.ratioCount('high/B')).toHaveText('对象 0 · 应抽 0');
    await expect(page.getByTestId('population-sample')).toHaveText('9');
    // Lowering a higher-risk cell below a lower-risk one warns (Art. 12) without refusing.
    await expect(page.getByTestId('ratio-warnings')).toHaveCount(0);
    await plans.ratioCell('high/A').fill('10');
    await expect(page.getByTestId('ratio-warnings')).toContainText('风险高 · 信用A类（10%）低于 风险较高 · 信用A类（25%）');
    await expect(plans.ratioCount('high/A')).toHaveText('对象 4 · 应抽 1');
    await plans.ratioCell('high/A').fill('');
    await expect(page.getByTestId('ratio-warnings')).toHaveCount(0);
    await page.getByTestId('task-ratio-card').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.getByTestId('task-ratio-card').click({ position: { x: 5, y: 5 } }); // no focus ring in the picture
    await shell.screenshot('task-ratio-table');

    // Submit; the submitter may not approve their own plan (PLAN_SELF_REVIEW in Chinese).
    await page.getByTestId('task-title').scrollIntoViewIfNeeded();
    await page.getByRole('link', { name: '和平区局2026年度食品安全双随机抽查计划' }).click();
    await expect(plans.taskRow('第一批次')).toContainText('待摇号');
    const planId = Number(/#\/plans\/(\d+)/.exec(page.url())?.[1]);
    await plans.submitForReview();
    await plans.approve('同意');
    await expect(plans.noteProblem).toHaveText('审核人不得为计划的报送人，请由法制部门其他人员审核。');
    await page.keyboard.press('Escape');
    await expect(plans.status).toHaveText('报送审核');
    await goTo(page, '#/plans');
    await expect(plans.table).toContainText('报送审核');
    await expect(plans.table).toContainText('v1');

    // The legal division approves and publishes through the UI.
    await shell.logout.click();
    shell = await signIn(page, appHost, LEGAL.login, LEGAL.password);
    await plans.openPlan(planId);
    await expect(page.getByTestId('plan-submit')).toHaveCount(0);
    await plans.approve('同意');
    await expect(plans.status).toHaveText('审核通过');
    await plans.publish();
    await expect(plans.versions).toContainText('v1');
    await expect(plans.versions).toContainText('首次公示');
    await expect(page.getByTestId('plan-adjust')).toHaveCount(0); // not a plan editor

    // Back as the planner: the published plan offers 动态调整 and the task 摇号.
    await shell.logout.click();
    shell = await signIn(page, appHost);
    await plans.openPlan(planId);
    await expect(page.getByTestId('plan-adjust')).toBeVisible();
    await expect(plans.taskRow('第一批次').getByTestId('task-draw')).toBeVisible();
    await shell.screenshot('plan-page');

    // The draw: chosen from 随机摇号, a committed seed, the job, two inspectors per drawn target.
    await shell.openMenu('随机摇号');
    const draws = new DrawPage(page);
    await draws.chooseTask('第一批次 食品销售者抽查');
    await expect(page.getByTestId('draw-preview')).toContainText('检查对象库：24 户');
    await expect(draws.witness).toBeFocused();
    await draws.witness.fill('纪检监察室 王监督');
    await draws.witness.press('Enter');
    await expect(draws.commitment).toBeVisible();
    expect(await draws.commitmentText()).toMatch(/^[0-9a-f]{64}$/);
    const commitment = await draws.commitmentText();
    await expect(page.getByTestId('committed-at')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await draws.run.click();
    await expect(draws.result).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('draw-selected-count')).toHaveText('9');
    await expect(page.getByTestId('draw-commitment')).toHaveText(commitment);
    await expect(page.getByTestId('draw-seed')).toHaveText(/^[0-9a-f]{64}$/);
    await expect(draws.selectionRows()).toHaveCount(9);
    for (const row of await draws.selectionRows().all()) {
      const inspectors = row.getByTestId('selection-inspector');
      await expect(inspectors).toHaveCount(2);
      await expect(inspectors.first()).toHaveText(/^.+执法（2101022024000\d）$/);
    }

    await draws.verify.click();
    await expect(draws.verifyResult).toContainText('校验全部通过');
    await expect(draws.verifyResult).toContainText('种子承诺');
    await expect(draws.verifyResult).toContainText('记录文件哈希');
    await expect(page.getByTestId('draw-history')).toContainText('已完成');
    await page.getByTestId('draw-card').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shell.screenshot('draw-result');

    await draws.exportButton.click();
    await expect(draws.exportFiles).toContainText('摇号记录（PDF');
    const download = page.waitForEvent('download');
    await page.getByTestId('draw-export-pdf').click();
    expect((await download).suggestedFilename()).toMatch(/^draw-\d+\.pdf$/);
    await page.keyboard.press('Escape');

    // The task is drawn: the plan shows it, and the chooser offers its result.
    await goTo(page, `#/plans/${planId}`);
    await expect(plans.taskRow('第一批次')).toContainText('已摇号');
  });
});

/** A published plan whose task needs a skill (特种设备) none of the four inspectors has: every drawn target is infeasible. */
async function seedInfeasibleTask(dataDir: string): Promise<void> {
  const { items } = await cliCall<{ items: { id: number }[] }>(dataDir, 'admin', 'items.list', { query: '经营条件' });
  const plan = await cliCall<{ id: number }>(dataDir, 'admin', 'plans.create', { bureauId: 2, year: 2026, businessLine: '特种设备', title: '和平区局2026年度特种设备抽查计划' });
  await cliCall(dataDir, 'admin', 'tasks.create', {
    planId: plan.id,
    name: '电梯使用单位抽查',
    executingBureauId: 2,
    itemIds: [items[0]!.id],
    ratios: { defaultBp: 1000, overrides: {} },
    matching: { teamSize: 2, requiredSkills: ['特种设备'] },
    windowFrom: '2026-05-01',
    windowTo: '2026-05-31',
  });
  await cliCall(dataDir, 'admin', 'plans.submit', { id: plan.id });
  await cliCall(dataDir, LEGAL.login, 'plans.review', { id: plan.id, decision: 'approve', note: '同意' });
  await cliCall(dataDir, LEGAL.login, 'plans.publish', { id: plan.id });
}

test.describe('a draw that cannot be staffed', () => {
  test.use({
    hostSetup: {
      seed: async ({ dataDir, init }) => {
        await settleAdminPassword(dataDir, init);
        await seedDrawWorld(dataDir);
        await seedInfeasibleTask(dataDir);
      },
    },
  });

  test('MATCH_INFEASIBLE shows the Chinese reason and the targets with the rule that excluded each inspector; a new commitment can be abandoned', async ({ page, appHost }) => {
    const shell = await signIn(page, appHost);
    await shell.openMenu('随机摇号');
    const draws = new DrawPage(page);
    await draws.chooseTask('电梯使用单位抽查');
    await draws.witness.press('Enter');
    await expect(draws.commitment).toBeVisible();
    await draws.run.click();
    const failure = page.getByTestId('draw-failure');
    await expect(failure).toContainText('无法为部分检查对象匹配足够的执法检查人员', { timeout: 30_000 });
    // 10 % of 4 per stratum → 1 from each of the 6 strata; all four inspectors lack the skill.
    const rows = page.getByTestId('draw-infeasible').locator('.ant-table-row');
    await expect(rows).toHaveCount(6);
    await expect(rows.first()).toContainText('专长不符 4');
    await expect(rows.first()).toContainText('0 / 2');
    await expect(page.getByTestId('draw-history')).toContainText('未完成');

    // The task is still open: commit again, then abandon that commitment with a reason.
    await expect(draws.witness).toBeVisible();
    await draws.witness.press('Enter');
    await expect(draws.commitment).toBeVisible();
    await page.getByTestId('draw-abandon').click();
    await expect(page.getByTestId('note-input')).toBeFocused();
    await page.getByTestId('note-input').fill('监督人未到场，改期摇号');
    await page.getByTestId('note-input').press('Enter');
    await expect(page.getByTestId('draw-history')).toContainText('作废原因：监督人未到场，改期摇号');
    await expect(page.getByTestId('draw-history')).toContainText('已作废');
    await expect(draws.commit).toBeVisible();
  });
});

test.describe('merging tasks', () => {
  test.use({
    hostSetup: {
      seed: async ({ dataDir, init }) => {
        await settleAdminPassword(dataDir, init);
        const item = await cliCall<{ id: number }>(dataDir, 'admin', 'items.create', { bureauId: 2, level: 'district', businessLine: '食品安全', seq: 1, category: '食品销售监督检查', name: '食品销售者经营条件检查', itemClass: 'general', methods: ['on_site'] });
        const plan = await cliCall<{ id: number }>(dataDir, 'admin', 'plans.create', { bureauId: 2, year: 2026, businessLine: '食品安全', title: '和平区局2026年度联合抽查计划' });
        for (const [name, from, to] of [['食品销售抽查', '2026-03-01', '2026-04-30'], ['食品经营许可抽查', '2026-05-01', '2026-06-30']] as const) {
          await cliCall(dataDir, 'admin', 'tasks.create', { planId: plan.id, name, executingBureauId: 2, itemIds: [item.id], ratios: { defaultBp: 500, overrides: {} }, windowFrom: from, windowTo: to });
        }
      },
    },
  });

  test('合并任务: two open tasks of a draft plan become one joint task (Enter confirms)', async ({ page, appHost }) => {
    await signIn(page, appHost);
    const plans = new PlansPage(page);
    await plans.openPlan(1);
    await expect(page.getByTestId('tasks-merge')).toBeDisabled();
    await plans.taskRow('食品销售抽查').getByRole('checkbox').check();
    await plans.taskRow('食品经营许可抽查').getByRole('checkbox').check();
    await page.getByTestId('tasks-merge').click();
    await expect(page.getByTestId('merge-name')).toBeFocused();
    await page.getByTestId('merge-name').fill('食品销售与经营许可联合抽查');
    await page.getByTestId('merge-name').press('Enter');
    await expect(plans.taskRow('食品销售与经营许可联合抽查')).toContainText('第 3 批');
    await expect(plans.taskRow('食品销售与经营许可联合抽查')).toContainText('2026-03-01 至 2026-06-30');
    await expect(plans.taskRow('食品销售抽查')).toContainText('已合并 → 第 3 批');
    await expect(plans.taskRow('食品经营许可抽查')).toContainText('已合并 → 第 3 批');
    await expect(plans.taskRow('食品销售抽查').getByRole('checkbox')).toBeDisabled();
  });
});
