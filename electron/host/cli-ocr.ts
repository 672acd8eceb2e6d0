import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors/app-error';
import { messageZh } from '../../shared/errors/messages-zh';
import { createOcrPool, defaultWorkerCount } from '../core/ocr/ocr-engine';
import { pageCount } from '../core/ocr/page-image';
import type { OcrModel } from '../core/ocr/ocr-types';

export const OCR_USAGE = 'ocr FILE… --out DIR [--workers N] [--model fast|accurate] [--cache DIR] [--json]';

export type OcrCommandOptions = { files: string[]; out: string; workers?: number; model: OcrModel; cacheDir?: string; json: boolean };

/** Parses the CLI values; null when they do not make a valid command (the caller prints the usage). */
export function ocrCommandOptions(values: Record<string, string | boolean | undefined>, files: string[]): OcrCommandOptions | null {
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  const model = String(values.model ?? 'fast');
  if (files.length === 0 || typeof values.out !== 'string' || (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) || (model !== 'fast' && model !== 'accurate')) return null;
  return { files, out: values.out, workers, model, cacheDir: typeof values.cache === 'string' ? values.cache : undefined, json: Boolean(values.json) };
}

/**
 * `casebinder ocr FILE… --out DIR`: needs no data folder. Writes DIR/<stem>.txt per image (multi-page
 * TIFF: <stem>-p<N>.txt, N from 1) and prints {"pages", "seconds", "meanConfidence"}. A file that fails
 * is reported on stderr with its code and the others go on; the exit code is 1 when any failed.
 * Language data is unpacked once into --cache (default: <OS temp>/casebinder-ocr-cache).
 */
export async function ocrCommand(o: OcrCommandOptions): Promise<number> {
  const started = performance.now();
  fs.mkdirSync(o.out, { recursive: true });
  const workers = o.workers ?? defaultWorkerCount();
  const pool = createOcrPool({ workers, model: o.model, cacheDir: o.cacheDir ?? path.join(os.tmpdir(), 'casebinder-ocr-cache') });
  let pages = 0, confSum = 0, failed = 0;
  const fail = (file: string, error: unknown) => {
    failed++;
    const code = error instanceof AppError ? error.code : 'OCR_FAILED';
    const reason = error instanceof AppError ? String(error.details.reason ?? '') : String((error as Error)?.message ?? error);
    process.stderr.write(`错误 ${code}：${messageZh(code)}（${file}${reason ? `：${reason}` : ''}）\n`);
  };
  // pages are queued a few at a time: enough to keep every worker busy, not every decoded image in memory
  const queue: { file: string; image: Buffer; page: number; of: number }[] = [];
  const failedFiles = new Set<string>();
  const next = async (): Promise<void> => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      if (failedFiles.has(job.file)) continue;
      try {
        const r = await pool.recognize(job.image, { page: job.page });
        const stem = path.basename(job.file, path.extname(job.file));
        fs.writeFileSync(path.join(o.out, job.of > 1 ? `${stem}-p${job.page + 1}.txt` : `${stem}.txt`), r.text + '\n');
        pages++;
        confSum += r.meanConfidence;
      } catch (error) {
        failedFiles.add(job.file);
        fail(job.file, error);
      }
    }
  };
  try {
    for (const file of o.files) {
      try {
        const image = fs.readFileSync(file);
        const of = await pageCount(image);
        for (let page = 0; page < of; page++) queue.push({ file, image, page, of });
      } catch (error) {
        fail(file, error instanceof AppError ? error : new AppError('OCR_IMAGE_INVALID', { reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
      }
    }
    await Promise.all(Array.from({ length: workers }, next));
  } finally {
    await pool.close();
  }
  const summary = { pages, seconds: Math.round((performance.now() - started) / 10) / 100, meanConfidence: pages ? Math.round((confSum / pages) * 10) / 10 : 0 };
  process.stdout.write((o.json ? JSON.stringify(summary) : `已识别 ${pages} 页，用时 ${summary.seconds} 秒，平均置信度 ${summary.meanConfidence}${failed ? `；${failed} 个文件失败` : ''}`) + '\n');
  return failed > 0 ? 1 : 0;
}
