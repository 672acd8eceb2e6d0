import fs from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { DrawDto, DrawSelectionDto, DrawVerifyDto } from '../../../shared/contract';
import { DrawRecord, parsePopulationCsv, replayDraw, seedCommitment, seedFromHex, hexOf } from '../../../shared/domain/draws';
import { planAllowsDraw } from '../../../shared/domain/plans/plans';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { BlobStore } from '../blobs/blob-store';
import type { Clock, RandomSource } from '../config';
import type { Database, Tx } from '../db/database';
import type { JobService } from '../jobs/job-service';
import { findPlan, findTask } from '../plans/plan-repository';
import { DRAW_COLUMNS, drawSnapshot, drawToDto, findDraw, type DrawRow } from './draw-repository';
import { nodeDrawCrypto } from './node-draw-crypto';

type Deps = { db: Database; clock: Clock; random: RandomSource; audit: AuditService; blobs: BlobStore; jobs: JobService; exportsDir: string; /** The public algorithm specification, shipped with every export. */ specFile: string };
type AssertBureau = (bureauId: number) => void;
type Operator = { userId: number | null; login: string; name: string };

const crypto = nodeDrawCrypto;

/** 随机摇号: commit to a seed, run the draw as a job, list its result, verify it, export it for third parties. */
export function createDrawService({ db, clock, random, audit, blobs, jobs, exportsDir, specFile }: Deps) {
  /** The draw and the bureau that may see it (the task's executing bureau). */
  async function load(tx: Database | Tx, id: number, assertBureau: AssertBureau): Promise<DrawRow> {
    const row = await findDraw(tx, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'draw', id });
    assertBureau(((await findTask(tx, row.task_id)) as { executing_bureau_id: number }).executing_bureau_id);
    return row;
  }

  async function commit(actor: AuditActor, input: { taskId: number; seedHex?: string; seedText?: string; witness: string | null }, assertBureau: AssertBureau): Promise<DrawDto> {
    if (input.seedHex !== undefined && input.seedText !== undefined) throw new AppError('DRAW_SEED_CONFLICT');
    const seed = input.seedHex !== undefined ? seedFromHex(input.seedHex) : input.seedText !== undefined ? new Uint8Array(Buffer.from(crypto.sha256Hex(Buffer.from(input.seedText, 'utf8')), 'hex')) : new Uint8Array(random.bytes(32));
    return db.write(async (tx) => {
      const task = await findTask(tx, input.taskId);
      if (!task) throw new AppError('NOT_FOUND', { entity: 'task', id: input.taskId });
      assertBureau(task.executing_bureau_id);
      const plan = await findPlan(tx, task.plan_id);
      if (!plan || !planAllowsDraw(plan.status) || task.status !== 'open') throw new AppError('TASK_NOT_DRAWABLE', { planStatus: plan?.status, taskStatus: task.status });
      const pending = await tx.get<{ id: number }>(`SELECT id FROM draws WHERE task_id = ? AND status IN ('committed','running')`, [task.id]);
      if (pending) throw new AppError('DRAW_STATE_INVALID', { pendingDrawId: pending.id });
      const { lastId } = await tx.run(
        `INSERT INTO draws (task_id, status, seed_source, seed_commitment, seed_hex, seed_note, witness, committed_by, committed_at) VALUES (?, 'committed', ?, ?, ?, ?, ?, ?, ?)`,
        [task.id, input.seedHex !== undefined || input.seedText !== undefined ? 'supplied' : 'csprng', seedCommitment(crypto, seed), hexOf(seed), input.seedText ?? null, input.witness, actor.userId, clock.now().toISOString()],
      );
      const row = (await findDraw(tx, lastId)) as DrawRow;
      await audit.record(tx, { actor, action: 'draws.commit', entity: 'draw', entityId: lastId, after: drawSnapshot(row) });
      return drawToDto(row);
    });
  }

  async function start(actor: AuditActor, operator: Operator, id: number, assertBureau: AssertBureau): Promise<{ jobId: number }> {
    const row = await load(db, id, assertBureau);
    if (row.status !== 'committed') throw new AppError('DRAW_STATE_INVALID', { status: row.status });
    const job = await jobs.start('draws.run', { drawId: id, operator }, actor.userId);
    await db.write(async (tx) => {
      await tx.run(`UPDATE draws SET status = 'running', job_id = ? WHERE id = ? AND status = 'committed'`, [job.id, id]);
      await audit.record(tx, { actor, action: 'draws.start', entity: 'draw', entityId: id, after: drawSnapshot((await findDraw(tx, id)) as DrawRow), detail: { jobId: job.id } });
    });
    return { jobId: job.id };
  }

  async function abandon(actor: AuditActor, input: { id: number; reason: string }, assertBureau: AssertBureau): Promise<DrawDto> {
    return db.write(async (tx) => {
      const row = await load(tx, input.id, assertBureau);
      if (row.status !== 'committed') throw new AppError('DRAW_STATE_INVALID', { status: row.status });
      await tx.run(`UPDATE draws SET status = 'abandoned', error_details = ? WHERE id = ?`, [JSON.stringify({ reason: input.reason }), input.id]);
      const after = (await findDraw(tx, input.id)) as DrawRow;
      await audit.record(tx, { actor, action: 'draws.abandon', entity: 'draw', entityId: input.id, after: drawSnapshot(after), detail: { reason: input.reason } });
      return drawToDto(after);
    });
  }

  async function list(taskId: number, assertBureau: AssertBureau): Promise<DrawDto[]> {
    const task = await findTask(db, taskId);
    if (!task) throw new AppError('NOT_FOUND', { entity: 'task', id: taskId });
    assertBureau(task.executing_bureau_id);
    return (await db.all<DrawRow>(`SELECT ${DRAW_COLUMNS} FROM draws WHERE task_id = ? ORDER BY id DESC`, [taskId])).map(drawToDto);
  }

  async function selections(input: { drawId: number; page: number; pageSize: number }, assertBureau: AssertBureau) {
    const draw = await load(db, input.drawId, assertBureau);
    const rows = await db.all<{ seq: number; target_id: number; stratum: string; inspector_ids: string; expert_ids: string; code: string; name: string; inspection_id: number | null; volume_id: number | null }>(
      `SELECT s.seq, s.target_id, s.stratum, s.inspector_ids, s.expert_ids, coalesce(t.credit_code, t.identifier, '') AS code, t.name,
         (SELECT i.id FROM inspections i WHERE i.draw_id = s.draw_id AND i.target_id = s.target_id) AS inspection_id,
         (SELECT v.id FROM volumes v JOIN tasks k ON k.id = v.task_id JOIN draws d ON d.task_id = k.id WHERE d.id = s.draw_id AND v.target_id = s.target_id) AS volume_id
       FROM draw_selections s JOIN targets t ON t.id = s.target_id WHERE s.draw_id = ? ORDER BY s.seq LIMIT ? OFFSET ?`,
      [draw.id, input.pageSize, (input.page - 1) * input.pageSize],
    );
    const memberIds = (kind: 'inspector_ids' | 'expert_ids') => [...new Set(rows.flatMap((r) => JSON.parse(r[kind]) as number[]))];
    const inspectors = await namesOf('inspectors', memberIds('inspector_ids'));
    const experts = await namesOf('experts', memberIds('expert_ids'));
    const items: DrawSelectionDto[] = rows.map((r) => ({
      seq: r.seq,
      targetId: r.target_id,
      code: r.code,
      name: r.name,
      stratum: r.stratum,
      inspectors: (JSON.parse(r.inspector_ids) as number[]).map((id) => inspectors.get(id) ?? { id, name: '?', certNo: null }),
      experts: (JSON.parse(r.expert_ids) as number[]).map((id) => experts.get(id) ?? { id, name: '?', certNo: null }),
      inspectionId: r.inspection_id,
      volumeId: r.volume_id,
    }));
    return { items, total: draw.selected_count ?? 0, page: input.page, pageSize: input.pageSize };
  }

  async function namesOf(table: 'inspectors' | 'experts', ids: number[]) {
    const certNo = table === 'inspectors' ? 'cert_no' : 'NULL';
    const rows = await db.all<{ id: number; name: string; cert_no: string | null }>(`SELECT id, name, ${certNo} AS cert_no FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`, [JSON.stringify(ids)]);
    return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, certNo: r.cert_no }]));
  }

  /** The stored record and population, read back and checked (hashes included). */
  async function completed(id: number, assertBureau: AssertBureau) {
    await load(db, id, assertBureau);
    const row = (await findDraw(db, id, true)) as DrawRow;
    if (row.status !== 'completed' || !row.record_json || !row.population_blob) throw new AppError('DRAW_STATE_INVALID', { status: row.status });
    const recordSha256Ok = crypto.sha256Hex(Buffer.from(row.record_json, 'utf8')) === row.record_sha256;
    const json: unknown = JSON.parse(row.record_json);
    // The schema check costs ~0.3 s on a 50,000-target record; the hash already proves an intact record was read.
    const parsed = recordSha256Ok ? { success: true as const, data: json as DrawRecord } : DrawRecord.safeParse(json);
    if (!parsed.success) throw new AppError('DRAW_RECORD_INVALID', { drawId: id });
    const populationCsv = gunzipSync(await blobs.read(row.population_blob)).toString('utf8');
    return { row, record: parsed.data, recordSha256Ok, populationCsv };
  }

  /** Re-runs the draw from its stored record and population list, and checks the stored selections too. */
  async function verify(id: number, assertBureau: AssertBureau): Promise<DrawVerifyDto> {
    const started = performance.now();
    const { record, recordSha256Ok, populationCsv } = await completed(id, assertBureau);
    const population = parsePopulationCsv(populationCsv);
    if (!population.ok) throw new AppError('DRAW_POPULATION_FILE_INVALID', { line: population.line, problem: population.problem });
    const replay = replayDraw(crypto, record, population.entries);
    const stored = await db.all<{ seq: number; target_id: number; inspector_ids: string; expert_ids: string }>('SELECT seq, target_id, inspector_ids, expert_ids FROM draw_selections WHERE draw_id = ? ORDER BY seq', [id]);
    const byTarget = new Map(record.matching.assignments.map((a) => [a.targetId, a]));
    const tableOk =
      stored.length === record.selected.length &&
      stored.every((s, i) => {
        const a = byTarget.get(s.target_id);
        return s.seq === record.selected[i]?.seq && s.target_id === record.selected[i]?.targetId && s.inspector_ids === JSON.stringify(a?.inspectorIds ?? []) && s.expert_ids === JSON.stringify(a?.expertIds ?? []);
      });
    const checks = [...replay.checks, { check: 'stored_selections', ok: tableOk }, { check: 'record_sha256', ok: recordSha256Ok }];
    return { ok: replay.ok && tableOk && recordSha256Ok, drawId: id, recordSha256Ok, checks, seconds: (performance.now() - started) / 1000 };
  }

  /** Files for a third party: the PDF, the record (JSON), the population and exclusion lists (CSV), the algorithm. */
  async function exportFiles(id: number, assertBureau: AssertBureau, outDir = exportsDir) {
    const { row, populationCsv } = await completed(id, assertBureau);
    await fs.mkdir(outDir, { recursive: true });
    const names = { pdf: `draw-${id}.pdf`, record: `draw-${id}-record.json`, population: `draw-${id}-population.csv`, exclusions: `draw-${id}-exclusions.csv`, algorithm: 'draw-algorithm.md' };
    await fs.writeFile(path.join(outDir, names.pdf), await blobs.read(row.pdf_blob as string));
    await fs.writeFile(path.join(outDir, names.record), row.record_json as string);
    await fs.writeFile(path.join(outDir, names.population), populationCsv);
    await fs.writeFile(path.join(outDir, names.exclusions), gunzipSync(await blobs.read(row.exclusions_blob as string)));
    await fs.copyFile(specFile, path.join(outDir, names.algorithm));
    return names;
  }

  return { commit, start, abandon, list, get: async (id: number, a: AssertBureau) => drawToDto(await load(db, id, a)), selections, verify, exportFiles, history: (id: number) => audit.history('draw', id) };
}

export type DrawService = ReturnType<typeof createDrawService>;
