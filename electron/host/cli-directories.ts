import path from 'node:path';
import type { ImportResult } from '../../shared/contract';
import { AppError } from '../../shared/errors/app-error';
import type { AppContext } from '../core/app-context';
import type { JobRunContext } from '../core/jobs/job-service';

export type DirectoryOptions = { file: string; mode: string; encoding: string; sheet?: string; bureau?: string; user: string; json: boolean };

/** `casebinder targets|inspectors|items import FILE`: the same job the UI runs, waited for, summarised. */
export async function importCommand(app: AppContext, directory: 'targets' | 'inspectors' | 'items', o: DirectoryOptions): Promise<{ code: number; json: unknown; text: string }> {
  const session = await app.services.auth.sessionForLogin(o.user);
  const bureau = o.bureau ? app.services.bureaus.list().find((b) => b.divisionCode === o.bureau || String(b.id) === o.bureau) : undefined;
  if (o.bureau && !bureau) throw new AppError('BUREAU_NOT_FOUND', { bureau: o.bureau });
  const staged = await app.services.staged.stagePath(path.resolve(o.file), session.userId);
  const started = await app.dispatch(
    { method: 'imports.start', input: { stagedId: staged.id, directory, mode: o.mode, encoding: o.encoding, ...(o.sheet ? { sheet: o.sheet } : {}), ...(bureau ? { bureauId: bureau.id } : {}) } },
    session,
  );
  if (!started.ok) return { code: 1, json: started, text: `错误 ${started.error.code}` };
  await app.services.jobs.idle();
  const job = await app.services.jobs.get((started.value as { jobId: number }).jobId);
  const result = (job.result ?? (job.errorDetails as { result?: ImportResult } | null)?.result ?? null) as ImportResult | null;
  if (!result) {
    return { code: 1, json: { ok: false, error: { code: job.errorCode, details: job.errorDetails } }, text: `导入失败：${job.errorCode} ${JSON.stringify(job.errorDetails)}` };
  }
  const summary = { inserted: result.inserted, updated: result.updated, unchanged: result.unchanged, rejected: result.rejected, errors: result.errors.map(({ line, column, code, message }) => ({ line, column, code, message })) };
  const text = [
    `${job.state === 'succeeded' ? '导入完成' : '未导入（全部成功才导入模式下有错误行）'}：新增 ${result.inserted}，更新 ${result.updated}，未变 ${result.unchanged}，错误 ${result.rejected}（${result.durationMs} ms）`,
    ...result.errors.slice(0, 20).map((e) => `  第 ${e.line} 行 ${e.column ?? ''} ${e.code} ${e.message}`),
    result.errors.length > 20 ? `  …（共 ${result.rejected} 行有错误）` : '',
  ].filter(Boolean).join('\n');
  return { code: job.state === 'succeeded' ? 0 : 1, json: summary, text };
}

/** `casebinder targets export --out FILE`: the directory (optionally one bureau) as CSV with BOM or XLSX. */
export async function exportCommand(app: AppContext, o: { out: string; user: string; bureau?: string }): Promise<{ code: number; json: unknown; text: string }> {
  const session = await app.services.auth.sessionForLogin(o.user);
  const bureau = o.bureau ? app.services.bureaus.list().find((b) => b.divisionCode === o.bureau || String(b.id) === o.bureau) : undefined;
  if (o.bureau && !bureau) throw new AppError('BUREAU_NOT_FOUND', { bureau: o.bureau });
  const root = bureau?.id ?? session.bureauId;
  if (!app.services.bureaus.within(root, session.bureauId)) throw new AppError('FORBIDDEN', { bureau: o.bureau });
  const format = o.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
  const job: JobRunContext = { jobId: 0, input: { filter: { bureauIds: app.services.bureaus.subtree(root) }, format }, checkpoint: null, progress: async () => undefined, saveCheckpoint: async () => undefined };
  const result = await app.services.targetBulk.exportTargets(job, path.resolve(o.out));
  return { code: 0, json: { file: result.path, rows: result.rows, format }, text: `已导出 ${result.rows} 条到 ${result.path}` };
}
