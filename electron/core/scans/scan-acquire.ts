import fs from 'node:fs/promises';
import path from 'node:path';
import type { VolumeDocType } from '../../../shared/domain/volumes/volumes';
import { AppError } from '../../../shared/errors/app-error';
import type { ErrorCode } from '../../../shared/errors/codes';
import type { AuditActor } from '../audit/audit-service';
import type { Logger } from '../config';
import type { Database } from '../db/database';
import type { JobRunContext, JobService } from '../jobs/job-service';
import type { ScannerPort } from '../platform/host-platform';
import { findVolume } from '../volumes/volume-repository';
import type { CanSee, ScanService } from './scan-service';

export type AcquireRequest = {
  bureauId: number;
  device: string;
  dpi?: number;
  mode?: string;
  source?: string;
  /** Scan until the feeder is empty (else one page from the flatbed). */
  feeder: boolean;
  volumeId?: number;
  docType?: VolumeDocType;
  deviceOptions?: Record<string, string>;
};
type JobInput = AcquireRequest & { actor: AuditActor };
type Checkpoint = { pages: number; interrupted: ErrorCode | null };
export type AcquireResult = { batchId: number | null; processJobId: number | null; pages: number; interrupted: ErrorCode | null };

const CANCEL_POLL_MS = 1000;

type Deps = { db: Database; jobs: JobService; scans: ScanService; scanners: () => ScannerPort; cacheDir: string; logger: Logger };

/**
 * 扫描仪 (issue 6 item 1): the 'scans.acquire' job drives the scanner through the HostPlatform port into a
 * folder of its own, then hands the pages to the normal pipeline as one batch (source 'scanner'), whose
 * own job recognises them. Paper that went through a feeder cannot go through it again: after a restart
 * the job does not scan anew but imports the pages that were saved; the batch is found by its label, so
 * it is never created twice. A jam after some pages keeps them and says so.
 */
export function createScanAcquire({ db, jobs, scans, scanners, cacheDir, logger }: Deps) {
  const folder = (jobId: number) => path.join(cacheDir, 'scanner', `job-${jobId}`);
  const labelOf = (input: AcquireRequest, jobId: number) => `扫描仪 ${input.device} · 任务 ${jobId}`;

  async function start(actor: AuditActor, request: AcquireRequest, canSee: CanSee): Promise<{ jobId: number }> {
    if (!canSee(request.bureauId)) throw new AppError('FORBIDDEN', { bureauId: request.bureauId });
    if (request.volumeId !== undefined) {
      const v = await findVolume(db, request.volumeId);
      if (!canSee(v.custody_bureau_id) && !canSee(v.inspecting_bureau_id)) throw new AppError('FORBIDDEN', { bureauId: v.custody_bureau_id });
    }
    const job = await jobs.start('scans.acquire', { ...request, actor } satisfies JobInput, actor.userId);
    return { jobId: job.id };
  }

  async function savedPages(dir: string): Promise<string[]> {
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    return names.filter((n) => /^page-\d{4,}\.png$/.test(n)).sort().map((n) => path.join(dir, n));
  }

  async function scan(ctx: JobRunContext, input: JobInput, dir: string): Promise<Checkpoint> {
    const abort = new AbortController();
    let pages = 0;
    let cancelled: unknown = null;
    const phase = () => (pages === 0 ? '等待扫描仪' : `已扫描 ${pages} 页`);
    const report = () => ctx.progress(pages, input.feeder ? 0 : 1, phase()).catch((error: unknown) => {
      cancelled = error;
      abort.abort();
    });
    const poll = setInterval(() => void report(), CANCEL_POLL_MS);
    try {
      await report();
      const done = await scanners().scan(
        { device: input.device, dpi: input.dpi, mode: input.mode, source: input.source, feeder: input.feeder, outDir: dir, deviceOptions: input.deviceOptions },
        () => {
          pages++;
          void report();
        },
        abort.signal,
      );
      if (cancelled) throw cancelled;
      return { pages: done.pages.length, interrupted: done.interrupted };
    } finally {
      clearInterval(poll);
    }
  }

  async function run(ctx: JobRunContext): Promise<AcquireResult> {
    const input = ctx.input as JobInput;
    const dir = folder(ctx.jobId);
    const label = labelOf(input, ctx.jobId);
    let state = ctx.checkpoint as Checkpoint | null;
    if (state === null) {
      const already = await savedPages(dir);
      if (already.length > 0) {
        // Restarted while the scanner was running: what was saved is imported, nothing is scanned again.
        logger.warn('scans.acquire_resumed', { jobId: ctx.jobId, pages: already.length });
        state = { pages: already.length, interrupted: 'SCANNER_FAILED' };
      } else {
        try {
          state = await scan(ctx, input, dir);
        } catch (error) {
          await fs.rm(dir, { recursive: true, force: true });
          throw error;
        }
      }
      await ctx.saveCheckpoint(state);
    }
    const files = await savedPages(dir);
    await ctx.progress(files.length, files.length, '导入扫描页');
    let batch = await db.get<{ id: number; job_id: number | null }>("SELECT id, job_id FROM scan_batches WHERE source = 'scanner' AND label = ?", [label]);
    if (!batch && files.length > 0) {
      const incoming = await Promise.all(files.map(async (file) => ({ name: path.basename(file), bytes: new Uint8Array(await fs.readFile(file)) })));
      const created = await scans.createBatch(input.actor, { bureauId: input.bureauId, source: 'scanner', files: incoming, volumeId: input.volumeId ?? null, docType: input.docType ?? null, label }, () => true);
      batch = { id: created.batchId, job_id: created.jobId };
    }
    await fs.rm(dir, { recursive: true, force: true }); // stored as blobs now
    return { batchId: batch?.id ?? null, processJobId: batch?.job_id ?? null, pages: files.length, interrupted: state.interrupted };
  }

  return { start, run, list: () => scanners().list(), options: (device: string) => scanners().options(device) };
}

export type ScanAcquire = ReturnType<typeof createScanAcquire>;
