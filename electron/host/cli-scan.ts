import fs from 'node:fs/promises';
import path from 'node:path';
import { VOLUME_DOC_TYPES, type VolumeDocType } from '../../shared/domain/volumes/volumes';
import { AppError } from '../../shared/errors/app-error';
import type { AppContext } from '../core/app-context';

type Result = { code: number; json: unknown; text: string };

export const SCAN_USAGE = 'scan import FILE… [--volume ID] [--doc-type TYPE] [--user LOGIN] | scan devices | scan acquire --device DEV [--dpi N] [--mode M] [--source S] [--feeder] [--volume ID] [--doc-type TYPE] | scan separator --volume ID --doc-type TYPE --out FILE.pdf | search QUERY [--user LOGIN]';

const docTypeOf = (value: string | undefined): VolumeDocType | undefined => {
  if (value === undefined) return undefined;
  if (!(VOLUME_DOC_TYPES as readonly string[]).includes(value)) throw new AppError('INVALID_INPUT', { issues: [{ path: ['doc-type'], message: `文件类型应为 ${VOLUME_DOC_TYPES.join(' / ')}` }] });
  return value as VolumeDocType;
};

async function sessionOf(app: AppContext, login: string) {
  const session = await app.services.auth.sessionForLogin(login);
  const canSee = (bureauId: number) => app.services.bureaus.within(bureauId, session.bureauId);
  return { session, canSee };
}

/**
 * `casebinder scan import FILE…`: the files become one batch of LOGIN's bureau (optionally filed into a
 * volume), processed to the end: pages, OCR, separator split, filing. Exit 1 when a file or page failed.
 */
export async function scanImportCommand(app: AppContext, o: { files: string[]; volumeId?: number; docType?: string; user: string }): Promise<Result> {
  const { session, canSee } = await sessionOf(app, o.user);
  const files = [];
  for (const file of o.files) files.push({ name: path.basename(file), bytes: new Uint8Array(await fs.readFile(path.resolve(file))) });
  const { batchId, jobId } = await app.services.scans.createBatch({ userId: session.userId, login: session.login }, { bureauId: session.bureauId, source: 'cli', files, volumeId: o.volumeId ?? null, docType: docTypeOf(o.docType) ?? null }, canSee);
  await app.services.jobs.idle();
  const job = await app.services.jobs.get(jobId);
  if (job.state !== 'succeeded') throw new AppError(job.errorCode ?? 'INTERNAL', job.errorDetails ?? { state: job.state });
  const batch = await app.services.scans.getBatch(batchId, canSee);
  const failures = [
    ...batch.fileList.filter((f) => f.status === 'failed').map((f) => ({ file: f.originalName, code: f.errorCode, message: f.errorMessage })),
  ];
  const json = {
    batchId,
    files: batch.files,
    failedFiles: batch.failedFiles,
    pages: batch.pages,
    failedPages: batch.failedPages,
    flaggedPages: batch.flaggedPages,
    documents: batch.documents.map((d) => ({ id: d.id, volumeId: d.volumeId, docType: d.docType, status: d.status, entryId: d.entryId, pages: d.pages.length })),
    failures,
  };
  const text = [
    `批次 ${batchId}：${batch.files} 个文件，${batch.pages} 页（识别失败 ${batch.failedPages} 页，待校对 ${batch.flaggedPages} 页）`,
    ...batch.documents.map((d) => `  文件 ${d.id}：${d.pages.length} 页 → ${d.status === 'filed' ? `已归入专卷 ${d.volumeId}` : '收件箱'}`),
    ...failures.map((f) => `  ✗ ${f.file}：${f.message}`),
  ].join('\n');
  return { code: batch.failedFiles > 0 || batch.failedPages > 0 ? 1 : 0, json, text };
}

/** `casebinder scan devices`: the scanners SANE sees, with what each offers. */
export async function scanDevicesCommand(app: AppContext): Promise<Result> {
  const devices = await app.services.scanAcquire.list();
  const listed = [];
  for (const d of devices) listed.push({ ...d, options: await app.services.scanAcquire.options(d.id).catch((error: unknown) => ({ error: error instanceof AppError ? error.code : String(error) })) });
  const text = devices.length === 0
    ? '未发现扫描仪（或未安装 SANE 的 scanimage）。'
    : listed.map((d) => {
      const o = d.options as { modes?: string[]; resolutions?: number[]; sources?: string[] };
      return `${d.id}　${d.label}（${d.type}）${o.modes ? `　色彩：${o.modes.join('/')}　分辨率：${(o.resolutions ?? []).join('/')} dpi　来源：${(o.sources ?? []).join('/')}` : ''}`;
    }).join('\n');
  return { code: 0, json: { devices: listed }, text };
}

/**
 * `casebinder scan acquire --device DEV`: one scan (the flatbed's page, or with --feeder every sheet in the
 * feeder) as a batch of LOGIN's bureau, processed to the end like `scan import`. Exit 1 when the scanner
 * stopped early (a jam: the pages before it are kept) or a page failed.
 */
export async function scanAcquireCommand(app: AppContext, o: { device: string; dpi?: number; mode?: string; source?: string; feeder: boolean; volumeId?: number; docType?: string; user: string }): Promise<Result> {
  const { session, canSee } = await sessionOf(app, o.user);
  const { jobId } = await app.services.scanAcquire.start(
    { userId: session.userId, login: session.login },
    { bureauId: session.bureauId, device: o.device, dpi: o.dpi, mode: o.mode, source: o.source, feeder: o.feeder, volumeId: o.volumeId, docType: docTypeOf(o.docType) },
    canSee,
  );
  for (;;) {
    await app.services.jobs.idle();
    const job = await app.services.jobs.get(jobId);
    if (job.state === 'failed' || job.state === 'cancelled') throw new AppError(job.errorCode ?? 'INTERNAL', job.errorDetails ?? { state: job.state });
    if (job.state !== 'succeeded') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    const result = job.result as { batchId: number | null; processJobId: number | null; pages: number; interrupted: string | null };
    if (result.processJobId !== null) {
      await app.services.jobs.idle();
      const processed = await app.services.jobs.get(result.processJobId);
      if (processed.state !== 'succeeded') throw new AppError(processed.errorCode ?? 'INTERNAL', processed.errorDetails ?? { state: processed.state });
    }
    const batch = result.batchId === null ? null : await app.services.scans.getBatch(result.batchId, canSee);
    const json = { ...result, failedPages: batch?.failedPages ?? 0, documents: batch?.documents.map((d) => ({ id: d.id, volumeId: d.volumeId, status: d.status, pages: d.pages.length })) ?? [] };
    const text = [`扫描 ${result.pages} 页 → 批次 ${result.batchId ?? '—'}${result.interrupted ? `（扫描中断：${result.interrupted}）` : ''}`, ...(batch?.documents.map((d) => `  文件 ${d.id}：${d.pages.length} 页 → ${d.status === 'filed' ? `已归入专卷 ${d.volumeId}` : '收件箱'}`) ?? [])].join('\n');
    return { code: result.interrupted || (batch?.failedPages ?? 0) > 0 ? 1 : 0, json, text };
  }
}

export async function scanSeparatorCommand(app: AppContext, o: { volumeId: number; docType: string | undefined; out: string; user: string }): Promise<Result> {
  const { session, canSee } = await sessionOf(app, o.user);
  const docType = docTypeOf(o.docType) ?? 'other';
  const { fileName } = await app.services.scans.separatorSheet({ userId: session.userId, login: session.login }, { volumeId: o.volumeId, docType, title: null }, canSee);
  const out = path.resolve(o.out);
  await fs.copyFile(path.join(app.config.dataDir, 'exports', fileName), out);
  return { code: 0, json: { file: out }, text: `已生成条码分隔页：${out}` };
}

export async function searchCommand(app: AppContext, o: { query: string; user: string; limit?: number }): Promise<Result> {
  const { session } = await sessionOf(app, o.user);
  const started = process.hrtime.bigint();
  const result = await app.services.scans.search({ q: o.query, bureauIds: app.services.bureaus.subtree(session.bureauId), limit: o.limit ?? 50 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const text = result.hits.length === 0 ? '没有找到。' : result.hits.map((h) => `页面 ${h.pageId}${h.volumeTitle ? `（${h.volumeTitle}）` : ''}：${h.snippet}`).join('\n');
  return { code: 0, json: { ...result, ms: Math.round(ms * 10) / 10 }, text };
}
