import type { FixityFailureDto, FixityRunDto } from '../../../shared/contract';
import { fixityFailure, type FixityFailure } from '../../../shared/domain/archives/archives';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { BlobStore } from '../blobs/blob-store';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import type { JobRunContext, JobService } from '../jobs/job-service';
import { createFixityChecks } from './fixity-checks';

type Deps = { db: Database; clock: Clock; audit: AuditService; blobs: BlobStore; jobs: JobService };

type RunRow = {
  id: number; job_id: number | null; volume_id: number | null; bureau_ids: string; state: 'running' | 'finished'; audit_checked: number; last_volume_id: number;
  checked: number; pages: number; ok: number | null; started_by: number | null; started_at: string; finished_at: string | null;
};

/** Entities of the audit trail that belong to a volume, and how to find it. */
const VOLUME_OF: Record<string, string> = {
  volume: 'SELECT id AS v FROM volumes WHERE id = ?',
  volume_entry: 'SELECT volume_id AS v FROM volume_entries WHERE id = ?',
  volume_binding: 'SELECT volume_id AS v FROM volume_bindings WHERE id = ?',
  volume_public_copy: 'SELECT volume_id AS v FROM volume_public_copies WHERE id = ?',
  volume_redaction: 'SELECT e.volume_id AS v FROM volume_redactions m JOIN volume_entries e ON e.id = m.entry_id WHERE m.id = ?',
  volume_archive: 'SELECT volume_id AS v FROM volume_archives WHERE volume_id = ?',
  legal_review: 'SELECT volume_id AS v FROM legal_reviews WHERE id = ?',
  volume_supplement: 'SELECT volume_id AS v FROM volume_supplements WHERE id = ?',
  volume_location: 'SELECT volume_id AS v FROM volume_locations WHERE id = ?',
  volume_archived_file: 'SELECT volume_id AS v FROM volume_archived_files WHERE id = ?',
  received_archived_file: 'SELECT volume_id AS v FROM received_archived_files WHERE id = ?',
};

/**
 * Four-property check runs (四性检测) as a resumable job: the audit chain once, then every volume in id
 * order; each volume's failures are stored with the run's progress in one transaction, so a run stopped
 * half-way resumes after the last volume it finished.
 */
export function createFixity({ db, clock, audit, blobs, jobs }: Deps) {
  const checks = createFixityChecks({ db, blobs });
  const now = () => clock.now().toISOString();

  async function start(actor: AuditActor, input: { volumeId?: number; bureauIds: number[]; scheduled?: boolean }): Promise<{ jobId: number; runId: number }> {
    const { lastId } = await db.write((tx) =>
      tx.run('INSERT INTO fixity_runs (volume_id, bureau_ids, started_by, started_at, scheduled) VALUES (?, ?, ?, ?, ?)', [input.volumeId ?? null, JSON.stringify(input.bureauIds), actor.userId, now(), input.scheduled ? 1 : 0]),
    );
    const job = await jobs.start('archives.verify', { runId: lastId, actor }, actor.userId);
    await db.write((tx) => tx.run('UPDATE fixity_runs SET job_id = ? WHERE id = ?', [job.id, lastId]));
    return { jobId: job.id, runId: lastId };
  }

  async function runRow(tx: Database | Tx, id: number): Promise<RunRow> {
    const row = await tx.get<RunRow>('SELECT * FROM fixity_runs WHERE id = ?', [id]);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'fixity_run', id });
    return row;
  }

  async function insertFailures(tx: Tx, runId: number, failures: readonly FixityFailure[]) {
    for (const f of failures) await tx.run('INSERT INTO fixity_failures (run_id, volume_id, property, code, item, detail) VALUES (?, ?, ?, ?, ?, ?)', [runId, f.volumeId, f.property, f.code, f.item, f.detail]);
  }

  /** The audit chain and each audited row against its last recorded state; problems mapped to their volume. */
  async function auditFailures(run: RunRow, ctx: JobRunContext): Promise<FixityFailure[]> {
    const report = await audit.verify((done, total, phase) => ctx.progress(done, total, `audit:${phase}`));
    const out: FixityFailure[] = [];
    for (const p of report.problems) {
      if (p.kind !== 'entity' || p.entity === null) {
        out.push(fixityFailure(null, 'AUDIT_CHAIN_BROKEN', p.seq === null ? 'audit' : `audit:#${p.seq}`, p.detail));
        continue;
      }
      const [entity = '', id = ''] = [p.entity.slice(0, p.entity.indexOf(':')), p.entity.slice(p.entity.indexOf(':') + 1)];
      const sql = VOLUME_OF[entity];
      if (!sql) continue; // not archive material (a target, a user …): audit.verify reports those
      const volumeId = (await db.get<{ v: number }>(sql, [Number(id)]))?.v ?? null;
      if (run.volume_id !== null && volumeId !== run.volume_id) continue;
      out.push(fixityFailure(volumeId, 'AUDIT_ROW_MISMATCH', p.entity, p.detail));
    }
    return out;
  }

  async function volumesToCheck(run: RunRow): Promise<number[]> {
    if (run.volume_id !== null) return run.last_volume_id >= run.volume_id ? [] : [run.volume_id];
    const ids = JSON.stringify(JSON.parse(run.bureau_ids));
    return (
      await db.all<{ id: number }>(
        `SELECT v.id FROM volumes v WHERE v.id > ? AND EXISTS (SELECT 1 FROM volume_bindings b WHERE b.volume_id = v.id)
         AND (v.custody_bureau_id IN (SELECT value FROM json_each(?)) OR v.inspecting_bureau_id IN (SELECT value FROM json_each(?))) ORDER BY v.id`,
        [run.last_volume_id, ids, ids],
      )
    ).map((r) => r.id);
  }

  async function run(ctx: JobRunContext) {
    const { runId, actor } = ctx.input as { runId: number; actor: AuditActor };
    let row = await runRow(db, runId);
    if (row.state === 'finished') return summary(row);
    if (row.audit_checked === 0) {
      const failures = await auditFailures(row, ctx);
      await db.write(async (tx) => {
        await insertFailures(tx, runId, failures);
        await tx.run('UPDATE fixity_runs SET audit_checked = 1 WHERE id = ?', [runId]);
      });
    }
    const volumeIds = await volumesToCheck(await runRow(db, runId));
    for (const [i, volumeId] of volumeIds.entries()) {
      if (row.volume_id !== null && !(await db.get('SELECT 1 FROM volumes WHERE id = ?', [volumeId]))) throw new AppError('NOT_FOUND', { entity: 'volume', id: volumeId });
      const { failures, pages } = await checks.checkVolume(volumeId);
      await db.write(async (tx) => {
        await insertFailures(tx, runId, failures);
        await tx.run('UPDATE fixity_runs SET last_volume_id = ?, checked = checked + 1, pages = pages + ? WHERE id = ?', [volumeId, pages, runId]);
      });
      await ctx.progress(i + 1, volumeIds.length, 'volumes');
    }
    await db.write(async (tx) => {
      const failed = (await tx.get<{ n: number }>('SELECT count(*) AS n FROM fixity_failures WHERE run_id = ?', [runId]))?.n ?? 0;
      await tx.run(`UPDATE fixity_runs SET state = 'finished', ok = ?, finished_at = ? WHERE id = ?`, [failed === 0 ? 1 : 0, now(), runId]);
      row = await runRow(tx, runId);
      await audit.record(tx, { actor, action: 'archives.verify', entity: 'fixity_run', entityId: runId, detail: { volumeId: row.volume_id, ok: failed === 0, checked: row.checked, pages: row.pages, failures: failed } });
    });
    return summary(row);
  }

  const summary = (r: RunRow) => ({ runId: r.id, ok: r.ok === 1, checked: r.checked, pages: r.pages });

  async function get(id: number, assertBureaus: (ids: number[]) => void): Promise<FixityRunDto> {
    const r = await runRow(db, id);
    assertBureaus(JSON.parse(r.bureau_ids) as number[]);
    const failures = await db.all<FixityFailureDto>('SELECT volume_id AS volumeId, property, code, item, detail FROM fixity_failures WHERE run_id = ? ORDER BY id', [id]);
    return {
      id: r.id, jobId: r.job_id, volumeId: r.volume_id, state: r.state, ok: r.ok === null ? null : r.ok === 1, checked: r.checked, pages: r.pages, failures,
      startedBy: r.started_by, startedAt: r.started_at, finishedAt: r.finished_at,
    };
  }

  return { start, run, get };
}

export type Fixity = ReturnType<typeof createFixity>;
