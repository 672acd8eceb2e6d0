import fs from 'node:fs/promises';
import path from 'node:path';
import { VOLUME_DOC_TYPES, type VolumeDocType } from '../../shared/domain/volumes/volumes';
import { AppError } from '../../shared/errors/app-error';
import type { AppContext } from '../core/app-context';

type Result = { code: number; json: unknown; text: string };

export const SCAN_USAGE = 'scan import FILE… [--volume ID] [--doc-type TYPE] [--user LOGIN] | scan separator --volume ID --doc-type TYPE --out FILE.pdf | search QUERY [--user LOGIN]';

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
