import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures/app-host';
import { cliCall, cliJson } from './fixtures/cli';
import { HEPING_ID, LEGAL, reviewInspectionOf, seedDrawnInspections } from './fixtures/inspection-seed';
import { seedUser, settleAdminPassword } from './fixtures/seed';
import { goTo, pickOption, signIn } from './pages/app';

const TARGET = '沈阳市和平区归档示例食品商行';
/** 档案员: submits for review and archives. */
const CLERK = { login: 'dangan', displayName: '孙档案', password: 'Clerk2025archive' };
/** A second legal user binds the (incomplete) volume with a reason, so the reviewer is someone else. */
const BINDER = { login: 'fzk2', displayName: '吴法制', password: 'Legal2025binder' };


/**
 * 和平区: one drawn target taken through the CLI to a reviewed result (as in volumes.spec.ts), then its volume
 * bound by a legal user with a reason (only the 告知书 generated: the volume is not complete).
 */
async function seedBoundVolume(dataDir: string): Promise<void> {
  await seedDrawnInspections(dataDir, { targets: [TARGET], street: '中山路', inspectorRoles: ['inspector'] });
  await seedUser(dataDir, { ...CLERK, bureauId: HEPING_ID, roles: ['clerk'] });
  await seedUser(dataDir, { ...BINDER, bureauId: HEPING_ID, roles: ['legal'] });
  const id = await reviewInspectionOf(dataDir, TARGET);
  const notice = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'casebinder-archive-')), 'notice.pdf');
  await cliJson(dataDir, ['docs', 'render', 'notice', '--inspection', String(id), '--out', notice, '--user', 'admin']);
  await fs.rm(path.dirname(notice), { recursive: true, force: true });
  const volumes = await cliCall<{ items: { id: number }[] }>(dataDir, 'admin', 'volumes.list', { q: TARGET });
  await cliJson(dataDir, ['volume', 'bind', String(volumes.items[0]!.id), '--reason', '结果公示尚在期限内，先行装订以备法制审核', '--user', BINDER.login]);
}

// About thirty CLI calls seed the volume: minutes on a loaded 2-core machine.
test.describe.configure({ timeout: 600_000 });

test.use({
  hostSetup: {
    seed: async ({ dataDir, init }) => {
      await settleAdminPassword(dataDir, init);
      await seedBoundVolume(dataDir);
    },
  },
});

test('legal review → archive: the clerk submits, the legal division approves, the clerk archives (档号, read-only), 四性检测 passes', async ({ page, appHost }) => {
  // The clerk opens the bound volume and submits it for 法制审核; the workspace becomes read-only.
  let shell = await signIn(page, appHost, CLERK.login, CLERK.password);
  await shell.openMenu('抽查专卷');
  await page.getByTestId('volumes-table').getByTestId('volume-link').filter({ hasText: TARGET }).click();
  await expect(page.getByTestId('volume-page')).toBeVisible();
  const volumeHash = page.url().slice(page.url().indexOf('#'));
  const panel = page.getByTestId('archive-panel');
  await expect(page.getByTestId('import-doc')).toBeVisible();
  await panel.getByTestId('review-submit').click();
  await expect(page.getByTestId('volume-review-banner')).toBeVisible();
  await expect(page.getByTestId('volume-status')).toHaveText('审核中');
  await expect(panel.getByTestId('review-waiting')).toBeVisible();
  await expect(page.getByTestId('import-doc')).toHaveCount(0);
  await expect(page.getByTestId('volume-bind')).toHaveCount(0);

  // The legal division: automatic findings (materials incomplete → red), manual items, comments required to approve.
  await shell.logout.click();
  shell = await signIn(page, appHost, LEGAL.login, LEGAL.password);
  await goTo(page, volumeHash);
  const sheet = panel.getByTestId('review-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet.getByTestId('finding-completeness')).toHaveAttribute('data-status', 'problem');
  await expect(sheet.getByTestId('finding-custody')).toHaveAttribute('data-status', 'ok');
  const approve = panel.getByTestId('review-approve');
  await expect(approve).toBeDisabled();
  for (const key of ['facts_clear', 'evidence_sufficient', 'procedure_lawful', 'documents_standard', 'result_proper']) await panel.getByTestId(`manual-${key}`).check();
  await expect(panel.getByTestId('review-approve-hint')).toContainText('须说明意见');
  await expect(approve).toBeDisabled();
  await panel.getByTestId('review-comments').fill('公示记录尚在期限内，装订理由充分，同意归档');
  await expect(approve).toBeEnabled();
  await panel.scrollIntoViewIfNeeded();
  await shell.screenshot('archive-review-sheet');
  await approve.click();
  await expect(panel.getByTestId('review-approved')).toBeVisible();
  await expect(panel.getByTestId('archive-start')).toHaveCount(0);

  // The clerk archives: the 档号 is assigned, the volume is read-only for good; location and a supplement.
  await shell.logout.click();
  shell = await signIn(page, appHost, CLERK.login, CLERK.password);
  await goTo(page, volumeHash);
  await panel.getByTestId('archive-start').click();
  await expect(page.getByTestId('archive-retention')).toContainText('10年');
  await page.getByTestId('archive-ok').click();
  const archiveNo = panel.getByTestId('archive-no');
  await expect(archiveNo).toHaveText(/^[A-Z0-9]+-WS·\d{4}-D10-[A-Z0-9]+-001$/);
  const no = (await archiveNo.textContent()) ?? '';
  await expect(page.getByTestId('volume-archived-banner')).toContainText(no);
  await expect(page.getByTestId('volume-status')).toHaveText('已归档');
  await expect(page.getByTestId('volume-facts')).toContainText(no);
  for (const action of ['import-doc', 'order-save', 'volume-bind', 'volume-bind-public', 'review-submit']) await expect(page.getByTestId(action), action).toHaveCount(0);
  await expect(page.getByTestId('volume-title').getByRole('button')).toHaveCount(0);

  await panel.getByTestId('location-edit').click();
  await panel.getByTestId('location-room').fill('一号库房');
  await panel.getByTestId('location-cabinet').fill('3');
  await panel.getByTestId('location-shelf').fill('2');
  await panel.getByTestId('location-box').fill('2026-D10-001');
  await panel.getByTestId('location-save').click();
  await expect(panel.getByTestId('archive-location-current')).toHaveText('一号库房 · 3 柜 · 2 架 · 2026-D10-001 盒');
  await panel.getByTestId('supplement-note').fill('补充整改复查照片 3 张（纸质，存盒内）');
  await panel.getByTestId('supplement-add').click();
  await expect(panel.getByTestId('supplement-row')).toContainText('补充整改复查照片');
  // Printed outputs: the archived file (made by a job, 档号 on its cover) and the box label open as PDFs.
  await expect(panel.getByTestId('archive-file-open')).toHaveText('归档文件', { timeout: 30_000 });
  for (const button of ['archive-file-open', 'labels-box']) {
    const [tab] = await Promise.all([page.context().waitForEvent('page'), panel.getByTestId(button).click()]);
    await tab.close();
  }
  await page.mouse.move(0, 0);
  await panel.scrollIntoViewIfNeeded();
  await shell.screenshot('archive-volume-archived');
  await page.locator('#main-content').evaluate((el) => el.scrollTo(0, 0));
  await shell.screenshot('archive-volume-readonly');

  // 档案管理: the archived volume with its 档号 and place; 四性检测 over every bound volume passes.
  await shell.openMenu('档案管理');
  const archived = page.getByTestId('archive-volumes-archived');
  await expect(archived.getByTestId('archive-row-no')).toHaveText(no);
  await expect(archived).toContainText('一号库房');
  await shell.screenshot('archives-list');
  await page.getByTestId('archives-tab-fixity').click();
  await page.getByTestId('fixity-start-all').click();
  const run = page.getByTestId('fixity-run');
  await expect(run).toHaveAttribute('data-state', 'finished', { timeout: 60_000 });
  await expect(run.getByTestId('fixity-passed')).toBeVisible();
  await expect(run.getByTestId('fixity-checked')).toHaveText('1');
  await expect(page.getByTestId('fixity-runs').getByTestId('fixity-run-ok')).toHaveCount(1);
  const [report] = await Promise.all([page.context().waitForEvent('page'), run.getByTestId('fixity-report').click()]);
  await report.close();
  await shell.screenshot('archives-fixity');
  await page.getByTestId('archives-tab-settings').click();
  await expect(page.getByTestId('archive-settings-example')).toHaveText(/-WS·\d{4}-D10-/);
  await expect(page.getByTestId('title-settings-example')).toHaveText('关于对沈阳市××食品有限公司的双随机抽查检查专卷');
  await expect(page.getByTestId('title-settings-pattern')).toHaveCount(0); // the clerk reads the rule; admins change it
  // 定期四性检测: off by default; only an admin switches it on (the clerk sees it).
  await expect(page.getByTestId('fixity-schedule-status')).toContainText('默认关闭');
  await expect(page.getByTestId('fixity-schedule-on')).toBeDisabled();
  await shell.screenshot('archive-settings');

  // 档案移交 and 数据备份 as the clerk sees them: a package for 沈河区 (迁出), the public key; a backup made and verified.
  await shell.openMenu('档案移交');
  await pickOption(page, page.getByTestId('transfer-export-volumes'), TARGET);
  await pickOption(page, page.getByTestId('transfer-export-to'), '沈河区市场监督管理局');
  await page.getByTestId('transfer-export-start').click();
  await expect(page.getByTestId('transfer-export-job')).toContainText('移交包已生成：1 卷', { timeout: 60_000 });
  await expect(page.getByTestId('transfer-list').getByTestId('transfer-status')).toHaveText('已发送，待回执');
  await page.getByTestId('transfer-key-export').click();
  await expect(page.getByTestId('transfer-key-exported')).toContainText('密钥编号');
  await page.mouse.move(0, 0);
  await page.locator('#main-content').evaluate((el) => el.scrollTo(0, 0));
  await shell.screenshot('transfers');
  await shell.openMenu('数据备份与恢复');
  const backupDir = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'casebinder-backup-')), 'backup');
  try {
    await page.getByTestId('backup-dir').fill(backupDir);
    await page.getByTestId('backup-run').click();
    await expect(page.getByTestId('backup-done')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('backup-verify').click();
    await expect(page.getByTestId('backup-verified')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('restore-card')).toHaveCount(0);
    await page.mouse.move(0, 0);
    await shell.screenshot('backup');
  } finally {
    await fs.rm(path.dirname(backupDir), { recursive: true, force: true });
  }

  // A flipped byte in a stored file (the bound PDF is the largest blob) is caught and listed under 真实性.
  await flipByteOfLargestBlob(appHost.dataDir);
  await goTo(page, '/archives?tab=fixity');
  await page.getByTestId('fixity-start-all').click();
  await expect(run).toHaveAttribute('data-state', 'finished', { timeout: 60_000 });
  await expect(run.getByTestId('fixity-failed')).toBeVisible();
  await expect(run.getByTestId('fixity-failures')).toContainText(TARGET);
  await expect(run.getByTestId('fixity-property-authenticity')).toContainText('真实性');
  await expect(page.getByTestId('fixity-runs').getByTestId('fixity-run-failed')).toHaveCount(1);
  await page.mouse.move(0, 0);
  await shell.screenshot('archives-fixity-failed');
});

/** Flips the last byte of the largest file under blobs/ (content-addressed: its hash no longer matches its name). */
async function flipByteOfLargestBlob(dataDir: string): Promise<void> {
  const root = path.join(dataDir, 'blobs');
  const files: { file: string; size: number }[] = [];
  for (const dir of (await fs.readdir(root)).filter((d) => /^[0-9a-f]{2}$/.test(d))) {
    for (const name of await fs.readdir(path.join(root, dir))) {
      const file = path.join(root, dir, name);
      files.push({ file, size: (await fs.stat(file)).size });
    }
  }
  files.sort((a, b) => b.size - a.size);
  const target = files[0]!.file;
  const bytes = await fs.readFile(target);
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
  await fs.writeFile(target, bytes);
}
