import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures/app-host';
import { cliCall, cliJson } from './fixtures/cli';
import { HEPING_ID, INSPECTOR, LEGAL, reviewInspectionOf, seedDrawnInspections } from './fixtures/inspection-seed';
import { seedUser, settleAdminPassword } from './fixtures/seed';
import { goTo, signIn } from './pages/app';

const TARGET = '沈阳市和平区借阅示例食品商行';
/** 档案员 of the custody bureau: archives the volume and approves loans. */
const CLERK = { login: 'dangan', displayName: '孙档案', password: 'Clerk2025archive' };
const BINDER = { login: 'fzk2', displayName: '吴法制', password: 'Legal2025binder' };

/**
 * 和平区: one drawn target taken through the CLI to a reviewed result, its volume bound (with a reason) and its
 * public copy made, reviewed by the legal division and archived by the clerk (as archives.spec.ts does, then on).
 */
async function seedArchivedVolume(dataDir: string): Promise<number> {
  await seedDrawnInspections(dataDir, { targets: [TARGET], street: '中山路', inspectorRoles: ['inspector'] });
  await seedUser(dataDir, { ...CLERK, bureauId: HEPING_ID, roles: ['clerk'] });
  await seedUser(dataDir, { ...BINDER, bureauId: HEPING_ID, roles: ['legal'] });
  const id = await reviewInspectionOf(dataDir, TARGET);
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'casebinder-lending-'));
  await cliJson(dataDir, ['docs', 'render', 'notice', '--inspection', String(id), '--out', path.join(tmp, 'notice.pdf'), '--user', 'admin']);
  const volumes = await cliCall<{ items: { id: number }[] }>(dataDir, 'admin', 'volumes.list', { q: TARGET });
  const volumeId = volumes.items[0]!.id;
  await cliJson(dataDir, ['volume', 'bind', String(volumeId), '--reason', '结果公示尚在期限内，先行装订以备法制审核', '--user', BINDER.login]);
  await cliJson(dataDir, ['volume', 'export', String(volumeId), '--public', '--out', path.join(tmp, 'public.pdf'), '--user', CLERK.login]);
  await fs.rm(tmp, { recursive: true, force: true });
  const round = await cliCall<{ round: number }>(dataDir, CLERK.login, 'archives.submitForReview', { volumeId });
  const items = ['facts_clear', 'evidence_sufficient', 'procedure_lawful', 'documents_standard', 'result_proper'].map((key) => ({ key, ok: true, note: null }));
  await cliCall(dataDir, LEGAL.login, 'archives.decide', { volumeId, round: round.round, decision: 'approve', items, comments: '装订理由充分，同意归档' });
  await cliCall(dataDir, CLERK.login, 'archives.archive', { volumeId });
  return volumeId;
}

// About thirty CLI calls seed the volume: minutes on a loaded 2-core machine.
test.describe.configure({ timeout: 600_000 });

let volumeId = 0;
test.use({
  hostSetup: {
    seed: async ({ dataDir, init }) => {
      await settleAdminPassword(dataDir, init);
      volumeId = await seedArchivedVolume(dataDir);
    },
  },
});

test('lending: an inspector asks to borrow an archived volume, the clerk approves, the inspector opens the watermarked copy', async ({ page, appHost }) => {
  // The inspector asks from the archive record (keyboard: the dialog submits with Enter).
  let shell = await signIn(page, appHost, INSPECTOR.login, INSPECTOR.password);
  await goTo(page, `#/volumes/${volumeId}`);
  const loans = page.getByTestId('volume-loans');
  await expect(loans).toBeVisible();
  await expect(loans.getByTestId('paper-in')).toBeVisible();
  await loans.getByTestId('loan-request').click();
  const form = page.getByTestId('loan-request-form');
  await expect(form).toBeVisible();
  await form.getByTestId('loan-purpose-note').fill('复查前查阅检查记录');
  await form.getByTestId('loan-days').fill('5');
  await form.getByTestId('loan-days').press('Enter');
  await expect(form).toHaveCount(0);
  await expect(loans.getByText('待审批')).toBeVisible();

  // The clerk decides it in 借阅管理 (待审批).
  await shell.logout.click();
  shell = await signIn(page, appHost, CLERK.login, CLERK.password);
  await shell.openMenu('借阅管理');
  await expect(page.getByTestId('lending-page')).toBeVisible();
  const row = page.getByTestId('lending-page').locator('[data-testid^="loan-row-"]').filter({ hasText: INSPECTOR.displayName });
  await expect(row).toBeVisible();
  await row.locator('[data-testid^="loan-approve-"]').click();
  await page.getByTestId('loan-action-note').fill('同意，借期 5 天');
  await page.getByTestId('loan-action-note').press('Enter');
  await expect(page.getByTestId('loan-action-note')).toHaveCount(0);
  await page.getByTestId('lending-tab-active').click();
  await expect(row.locator('[data-testid^="loan-state-"]')).toHaveText('已批准');
  await shell.screenshot('lending');

  // The inspector opens the copy: a PDF in a new tab (the public copy, watermarked).
  await shell.logout.click();
  shell = await signIn(page, appHost, INSPECTOR.login, INSPECTOR.password);
  await shell.openMenu('借阅管理');
  await page.getByTestId('lending-tab-all').click();
  const mine = page.getByTestId('lending-page').locator('[data-testid^="loan-row-"]').first();
  const popup = page.waitForEvent('popup');
  await mine.locator('[data-testid^="loan-view-"]').click();
  await (await popup).close();
  const exportsDir = path.join(appHost.dataDir, 'exports');
  const copies = (await fs.readdir(exportsDir)).filter((f) => f.startsWith('借阅') && f.includes('公开版'));
  expect(copies).toHaveLength(1);
  await goTo(page, `#/volumes/${volumeId}`);
  await expect(page.getByTestId('volume-loans').locator('[data-testid^="loan-view-"]')).toBeVisible();
  await page.getByTestId('volume-loans').scrollIntoViewIfNeeded();
  await shell.screenshot('lending-archive-record');
});
