import type { PlanDetailDto, PlanDto } from '../../../shared/contract';
import type { PlanStatus } from '../../../shared/domain/plans/plans';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import { findPlan, planSnapshot, planToDto, planVersions, taskItems, taskSnapshot, taskToDto, type PlanRow, type TaskRow } from './plan-repository';

type Deps = { db: Database; clock: Clock; audit: AuditService };
type AssertBureau = (bureauId: number) => void;
type PlanFields = { bureauId: number; year: number; businessLine: string; title: string; description?: string | null };

const countTasks = async (db: Database | Tx, planId: number) => (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM tasks WHERE plan_id = ?`, [planId]))?.n ?? 0;

/** What a published version contains: the plan's fields and every task (for the next version's change list). */
async function publishedSnapshot(tx: Tx, plan: PlanRow) {
  const tasks = await tx.all<TaskRow>('SELECT * FROM tasks WHERE plan_id = ? ORDER BY batch_no, id', [plan.id]);
  const items = await taskItems(tx, tasks.map((t) => t.id));
  return {
    plan: { title: plan.title, businessLine: plan.business_line, year: plan.year, description: plan.description },
    tasks: tasks.map((t) => ({ name: t.name, ...taskSnapshot(t, (items.get(t.id) ?? []).map((i) => i.id)) })) as (Record<string, unknown> & { id: number; name: string })[],
  };
}

type Snapshot = Awaited<ReturnType<typeof publishedSnapshot>>;

/** "What changed" between two published versions, in words the public notice can use. */
function describeChanges(before: Snapshot | null, after: Snapshot): string[] {
  if (!before) return ['首次公示'];
  const changes: string[] = [];
  for (const key of ['title', 'businessLine', 'year', 'description'] as const) {
    if (JSON.stringify(before.plan[key]) !== JSON.stringify(after.plan[key])) changes.push(`计划${{ title: '名称', businessLine: '业务条线', year: '年度', description: '说明' }[key]}已修改`);
  }
  const old = new Map(before.tasks.map((t) => [t.id, t]));
  for (const task of after.tasks) {
    const prev = old.get(task.id);
    if (!prev) changes.push(`新增任务「${task.name}」`);
    else if (JSON.stringify({ ...prev, version: 0, status: 0 }) !== JSON.stringify({ ...task, version: 0, status: 0 })) changes.push(`调整任务「${task.name}」`);
    old.delete(task.id);
  }
  for (const task of old.values()) changes.push(`删除任务「${task.name}」`);
  return changes.length ? changes : ['无实质变化'];
}

/** 年度抽查计划: drafted by a business line, reviewed by the legal division, published; adjusted as new versions. */
export function createPlanService({ db, clock, audit }: Deps) {
  async function load(tx: Database | Tx, id: number, assertBureau: AssertBureau): Promise<PlanRow> {
    const row = await findPlan(tx, id);
    if (!row) throw new AppError('NOT_FOUND', { entity: 'plan', id });
    assertBureau(row.bureau_id);
    return row;
  }

  async function save(tx: Tx, actor: AuditActor, action: string, id: number, set: Record<string, unknown>, detail?: object): Promise<PlanDto> {
    const columns = Object.keys(set);
    await tx.run(`UPDATE plans SET ${columns.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ? WHERE id = ?`, [
      ...columns.map((c) => set[c]),
      clock.now().toISOString(),
      id,
    ]);
    const row = (await findPlan(tx, id)) as PlanRow;
    await audit.record(tx, { actor, action, entity: 'plan', entityId: id, after: planSnapshot(row), detail });
    return planToDto(row, await countTasks(tx, id));
  }

  const expectStatus = (row: PlanRow, ...allowed: PlanStatus[]) => {
    if (!allowed.includes(row.status)) throw new AppError('PLAN_STATE_INVALID', { status: row.status, allowed });
  };

  async function list(filter: { bureauIds: number[]; year?: number; status?: PlanStatus }): Promise<PlanDto[]> {
    const where = [`p.bureau_id IN (${filter.bureauIds.map(() => '?').join(',') || 'NULL'})`];
    const args: unknown[] = [...filter.bureauIds];
    if (filter.year !== undefined) {
    where.push('p.year = ?');
    args.push(filter.year);
  }
    if (filter.status !== undefined) {
    where.push('p.status = ?');
    args.push(filter.status);
  }
    const rows = await db.all<PlanRow & { task_count: number }>(
      `SELECT p.*, (SELECT COUNT(*) FROM tasks t WHERE t.plan_id = p.id) AS task_count FROM plans p WHERE ${where.join(' AND ')} ORDER BY p.year DESC, p.id DESC`,
      args,
    );
    return rows.map((r) => planToDto(r, r.task_count));
  }

  async function detail(id: number, assertBureau: AssertBureau): Promise<PlanDetailDto> {
    const row = await load(db, id, assertBureau);
    const tasks = await db.all<TaskRow>('SELECT * FROM tasks WHERE plan_id = ? ORDER BY batch_no, id', [id]);
    const items = await taskItems(db, tasks.map((t) => t.id));
    return { plan: planToDto(row, tasks.length), tasks: tasks.map((t) => taskToDto(t, items.get(t.id) ?? [])), versions: await planVersions(db, id) };
  }

  async function create(actor: AuditActor, input: PlanFields): Promise<PlanDto> {
    return db.write(async (tx) => {
      const now = clock.now().toISOString();
      const { lastId } = await tx.run(
        `INSERT INTO plans (bureau_id, year, business_line, title, description, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [input.bureauId, input.year, input.businessLine, input.title, input.description ?? null, actor.userId, now, now],
      );
      const row = (await findPlan(tx, lastId)) as PlanRow;
      await audit.record(tx, { actor, action: 'plans.create', entity: 'plan', entityId: lastId, after: planSnapshot(row) });
      return planToDto(row, 0);
    });
  }

  async function update(actor: AuditActor, input: PlanFields & { id: number; expectedVersion: number }, assertBureau: AssertBureau): Promise<PlanDto> {
    return db.write(async (tx) => {
      const row = await load(tx, input.id, assertBureau);
      if (row.version !== input.expectedVersion) throw new AppError('PLAN_VERSION_CONFLICT', { current: row.version });
      expectStatus(row, 'draft');
      assertBureau(input.bureauId);
      return save(tx, actor, 'plans.update', row.id, {
        bureau_id: input.bureauId,
        year: input.year,
        business_line: input.businessLine,
        title: input.title,
        description: input.description ?? null,
      });
    });
  }

  async function submit(actor: AuditActor, id: number, assertBureau: AssertBureau): Promise<PlanDto> {
    return db.write(async (tx) => {
      const row = await load(tx, id, assertBureau);
      expectStatus(row, 'draft');
      if ((await countTasks(tx, id)) === 0) throw new AppError('PLAN_STATE_INVALID', { reason: 'no tasks' });
      return save(tx, actor, 'plans.submit', id, { status: 'submitted', submitted_by: actor.userId, reviewed_by: null, review_note: null });
    });
  }

  async function review(actor: AuditActor, input: { id: number; decision: 'approve' | 'return'; note: string | null }, assertBureau: AssertBureau): Promise<PlanDto> {
    return db.write(async (tx) => {
      const row = await load(tx, input.id, assertBureau);
      expectStatus(row, 'submitted');
      if (row.submitted_by !== null && row.submitted_by === actor.userId) throw new AppError('PLAN_SELF_REVIEW');
      const status = input.decision === 'approve' ? 'approved' : 'draft';
      return save(tx, actor, `plans.${input.decision}`, input.id, { status, reviewed_by: actor.userId, review_note: input.note });
    });
  }

  async function publish(actor: AuditActor, id: number, assertBureau: AssertBureau): Promise<PlanDto> {
    return db.write(async (tx) => {
      const row = await load(tx, id, assertBureau);
      expectStatus(row, 'approved');
      const now = clock.now().toISOString();
      const snapshot = await publishedSnapshot(tx, row);
      const previous = await tx.get<{ snapshot: string }>('SELECT snapshot FROM plan_versions WHERE plan_id = ? ORDER BY plan_version DESC LIMIT 1', [id]);
      const changes = describeChanges(previous ? (JSON.parse(previous.snapshot) as Snapshot) : null, snapshot);
      await tx.run(`INSERT INTO plan_versions (plan_id, plan_version, snapshot, changes, change_note, published_by, published_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
        id,
        row.plan_version,
        JSON.stringify(snapshot),
        JSON.stringify(changes),
        row.change_note,
        actor.userId,
        now,
      ]);
      return save(tx, actor, 'plans.publish', id, { status: 'published', published_at: now }, { planVersion: row.plan_version, changes });
    });
  }

  /** Art. 12: a published plan may be adjusted; the adjustment is a new version that is reviewed and published again. */
  async function adjust(actor: AuditActor, input: { id: number; changeNote: string }, assertBureau: AssertBureau): Promise<PlanDto> {
    return db.write(async (tx) => {
      const row = await load(tx, input.id, assertBureau);
      expectStatus(row, 'published');
      return save(tx, actor, 'plans.adjust', input.id, { status: 'draft', plan_version: row.plan_version + 1, change_note: input.changeNote, submitted_by: null, reviewed_by: null, review_note: null });
    });
  }

  return { list, detail, create, update, submit, review, publish, adjust, load, history: (id: number) => audit.history('plan', id) };
}

export type PlanService = ReturnType<typeof createPlanService>;
