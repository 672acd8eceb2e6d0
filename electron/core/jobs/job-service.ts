import type { JobDto, JobKind } from '../../../shared/contract';
import { AppError } from '../../../shared/errors/app-error';
import { isErrorCode } from '../../../shared/errors/codes';
import type { Clock, Logger } from '../config';
import type { Database } from '../db/database';
import type { EventBus } from '../events/event-bus';

export type JobRunContext = {
  jobId: number;
  input: unknown;
  /** What the job saved last time it ran (resumed after a restart), or null. */
  checkpoint: unknown;
  /**
   * Report progress; throws JOB_CANCELLED when the user asked to cancel. Inside a write transaction pass
   * `{ persist: false }`: the event still goes out, the row is updated when the transaction is over.
   */
  progress(done: number, total: number, phase: string, options?: { persist?: boolean }): Promise<void>;
  saveCheckpoint(data: unknown): Promise<void>;
};
export type JobRunner = (ctx: JobRunContext) => Promise<unknown>;

type JobRow = {
  id: number;
  kind: JobKind;
  state: JobDto['state'];
  phase: string;
  done: number;
  total: number;
  input: string;
  checkpoint: string | null;
  result: string | null;
  error_code: string | null;
  error_details: string | null;
  cancel_requested: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
};

type Deps = { db: Database; clock: Clock; events: EventBus; logger: Logger };

/** Jobs are rows: queued → running → succeeded | failed | cancelled; running jobs resume after a restart. */
export function createJobService({ db, clock, events, logger }: Deps) {
  const runners = new Map<JobKind, JobRunner>();
  /** Cancellation is noted in memory first, so a job busy inside a long transaction sees it at once. */
  const cancelFlags = new Set<number>();
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;

  const toDto = (r: JobRow): JobDto => ({
    id: r.id,
    kind: r.kind,
    state: r.state,
    phase: r.phase,
    done: r.done,
    total: r.total,
    errorCode: isErrorCode(r.error_code) ? r.error_code : null,
    errorDetails: r.error_details === null ? null : JSON.parse(r.error_details),
    result: r.result === null ? null : JSON.parse(r.result),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

  async function row(id: number): Promise<JobRow> {
    const r = await db.get<JobRow>('SELECT * FROM jobs WHERE id = ?', [id]);
    if (!r) throw new AppError('JOB_NOT_FOUND', { id });
    return r;
  }

  function emit(r: Pick<JobRow, 'id' | 'kind' | 'state' | 'phase' | 'done' | 'total'>) {
    events.emit({ type: 'job.progress', jobId: r.id, kind: r.kind, state: r.state, phase: r.phase, done: r.done, total: r.total });
  }

  async function update(id: number, fields: Partial<Omit<JobRow, 'id'>>): Promise<JobRow> {
    const entries = Object.entries({ ...fields, updated_at: clock.now().toISOString() });
    await db.write((tx) => tx.run(`UPDATE jobs SET ${entries.map(([k]) => `${k} = ?`).join(', ')} WHERE id = ?`, [...entries.map(([, v]) => v), id]));
    const r = await row(id);
    emit(r);
    return r;
  }

  function schedule(id: number) {
    chain = chain.then(() => execute(id)).catch((error) => logger.error('job scheduler failed', { id, error }));
  }

  async function execute(id: number): Promise<void> {
    if (stopped) return;
    const job = await row(id);
    if (job.state !== 'queued' && job.state !== 'running') return;
    const runner = runners.get(job.kind);
    if (!runner) {
      await update(id, { state: 'failed', error_code: 'INTERNAL', phase: 'no runner' });
      return;
    }
    if (job.cancel_requested || cancelFlags.has(id)) {
      await update(id, { state: 'cancelled' });
      return;
    }
    await update(id, { state: 'running' });
    let lastWrite = 0;
    const ctx: JobRunContext = {
      jobId: id,
      input: JSON.parse(job.input),
      checkpoint: job.checkpoint === null ? null : JSON.parse(job.checkpoint),
      async progress(done, total, phase, options) {
        const now = clock.now().getTime();
        if (options?.persist === false) {
          emit({ id, kind: job.kind, state: 'running', phase, done, total });
        } else if (now - lastWrite >= 200 || done === total) {
          lastWrite = now;
          await update(id, { done, total, phase });
        }
        if (cancelFlags.has(id) || stopped) throw new AppError('JOB_CANCELLED', { id });
      },
      async saveCheckpoint(data) {
        await db.write((tx) => tx.run('UPDATE jobs SET checkpoint = ? WHERE id = ?', [JSON.stringify(data), id]));
      },
    };
    try {
      const result = await runner(ctx);
      await update(id, { state: 'succeeded', result: JSON.stringify(result ?? null) });
    } catch (error) {
      if (error instanceof AppError && error.code === 'JOB_CANCELLED') {
        if (!stopped) await update(id, { state: 'cancelled' });
        return; // stopped: stays 'running' and resumes at the next start
      }
      const code = error instanceof AppError ? error.code : 'INTERNAL';
      if (code === 'INTERNAL') logger.error('job failed', { id, kind: job.kind, error });
      await update(id, {
        state: 'failed',
        error_code: code,
        error_details: JSON.stringify(error instanceof AppError ? error.details : {}),
      });
    }
  }

  return {
    register(kind: JobKind, runner: JobRunner) {
      runners.set(kind, runner);
    },
    async start(kind: JobKind, input: unknown, createdBy: number | null): Promise<JobDto> {
      const now = clock.now().toISOString();
      const { lastId } = await db.write((tx) =>
        tx.run(`INSERT INTO jobs (kind, state, input, created_by, created_at, updated_at) VALUES (?, 'queued', ?, ?, ?, ?)`, [
          kind,
          JSON.stringify(input ?? {}),
          createdBy,
          now,
          now,
        ]),
      );
      const r = await row(lastId);
      emit(r);
      schedule(lastId);
      return toDto(r);
    },
    async get(id: number): Promise<JobDto> {
      return toDto(await row(id));
    },
    async list(limit: number): Promise<JobDto[]> {
      return (await db.all<JobRow>('SELECT * FROM jobs ORDER BY id DESC LIMIT ?', [limit])).map(toDto);
    },
    async cancel(id: number): Promise<JobDto> {
      const r = await row(id);
      if (r.state !== 'queued' && r.state !== 'running') throw new AppError('JOB_NOT_CANCELLABLE', { id, state: r.state });
      cancelFlags.add(id);
      return toDto(await update(id, { cancel_requested: 1, ...(r.state === 'queued' ? { state: 'cancelled' as const } : {}) }));
    },
    /** Requeue jobs that were queued or running when the app last stopped. */
    async resume(): Promise<number> {
      const pending = await db.all<{ id: number }>(`SELECT id FROM jobs WHERE state IN ('queued','running') ORDER BY id`);
      for (const { id } of pending) schedule(id);
      return pending.length;
    },
    /** Resolves when every scheduled job has finished (tests, shutdown). */
    idle(): Promise<void> {
      return chain;
    },
    async stop(): Promise<void> {
      stopped = true;
      await chain;
    },
  };
}

export type JobService = ReturnType<typeof createJobService>;
