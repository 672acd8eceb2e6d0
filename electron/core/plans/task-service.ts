import type { MatchSettings, PopulationPreviewDto, TaskDto, TaskScope } from '../../../shared/contract';
import type { DrawPurpose } from '../../../shared/domain/draws/draw-record';
import { STRATA, type RatioTable, type StratumKey } from '../../../shared/domain/draws/draw-types';
import { ratioFor, sampleSize } from '../../../shared/domain/draws/sampling';
import { planAllowsEdit, ratioOrderWarnings } from '../../../shared/domain/plans/plans';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import { loadTaskContext, readPopulation } from '../draws/draw-population';
import { findPlan, findTask, taskItems, taskSnapshot, taskToDto, type PlanRow, type TaskRow } from './plan-repository';

type Deps = { db: Database; clock: Clock; audit: AuditService; bureaus: BureauService };
type AssertBureau = (bureauId: number) => void;
export type TaskFields = {
  name: string;
  purpose: DrawPurpose;
  directed: boolean;
  executingBureauId: number;
  itemIds: number[];
  scope: TaskScope;
  ratios: RatioTable;
  matching: MatchSettings;
  joint: { leadDepartment: string; departments: string[] } | null;
  windowFrom: string;
  windowTo: string;
};

/** 抽查任务 (batches of a plan): items, scope, ratios per stratum, schedule, inspector matching rules. */
export function createTaskService({ db, clock, audit, bureaus }: Deps) {
  async function editablePlan(tx: Tx, planId: number, assertBureau: AssertBureau): Promise<PlanRow> {
    const plan = await findPlan(tx, planId);
    if (!plan) throw new AppError('NOT_FOUND', { entity: 'plan', id: planId });
    assertBureau(plan.bureau_id);
    if (!planAllowsEdit(plan.status)) throw new AppError('TASK_NOT_EDITABLE', { planStatus: plan.status });
    return plan;
  }

  async function checkFields(tx: Tx, plan: PlanRow, f: TaskFields, assertBureau: AssertBureau): Promise<void> {
    assertBureau(f.executingBureauId);
    for (const id of [...f.scope.bureauIds, ...f.matching.poolBureauIds]) assertBureau(id);
    if (f.windowFrom > f.windowTo || !f.windowFrom.startsWith(String(plan.year)) || !f.windowTo.startsWith(String(plan.year))) throw new AppError('TASK_WINDOW_INVALID', { windowFrom: f.windowFrom, windowTo: f.windowTo, year: plan.year });
    const items = await tx.all<{ id: number; status: string }>(`SELECT id, status FROM items WHERE id IN (SELECT value FROM json_each(?))`, [JSON.stringify(f.itemIds)]);
    for (const id of f.itemIds) {
      const item = items.find((i) => i.id === id);
      if (!item) throw new AppError('NOT_FOUND', { entity: 'item', id });
      if (item.status !== 'active') throw new AppError('ITEM_RETIRED', { id });
    }
  }

  async function writeItems(tx: Tx, taskId: number, itemIds: number[]): Promise<void> {
    await tx.run('DELETE FROM task_items WHERE task_id = ?', [taskId]);
    await tx.run('INSERT INTO task_items (task_id, item_id) SELECT ?, value FROM json_each(?)', [taskId, JSON.stringify([...new Set(itemIds)])]);
  }

  async function finish(tx: Tx, actor: AuditActor, action: string, id: number, detail?: object): Promise<TaskDto> {
    const row = (await findTask(tx, id)) as TaskRow;
    const items = (await taskItems(tx, [id])).get(id) ?? [];
    await audit.record(tx, { actor, action, entity: 'task', entityId: id, after: taskSnapshot(row, items.map((i) => i.id)), detail });
    return taskToDto(row, items);
  }

  const columns = (f: TaskFields) => [
    f.name,
    f.purpose,
    f.directed ? 1 : 0,
    f.executingBureauId,
    JSON.stringify(f.scope),
    JSON.stringify({ defaultBp: f.ratios.defaultBp, overrides: f.ratios.overrides }),
    JSON.stringify(f.matching),
    f.joint ? JSON.stringify(f.joint) : null,
    f.windowFrom,
    f.windowTo,
  ];

  async function insertTask(tx: Tx, actor: AuditActor, input: TaskFields & { planId: number }, assertBureau: AssertBureau): Promise<TaskDto> {
    const plan = await editablePlan(tx, input.planId, assertBureau);
    await checkFields(tx, plan, input, assertBureau);
    const batch = ((await tx.get<{ n: number | null }>('SELECT max(batch_no) AS n FROM tasks WHERE plan_id = ?', [plan.id]))?.n ?? 0) + 1;
    const now = clock.now().toISOString();
    const { lastId } = await tx.run(
      `INSERT INTO tasks (plan_id, batch_no, name, purpose, directed, executing_bureau_id, scope, ratios, matching, joint, window_from, window_to, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [plan.id, batch, ...columns(input), now, now],
    );
    await writeItems(tx, lastId, input.itemIds);
    return finish(tx, actor, 'tasks.create', lastId);
  }

  const create = (actor: AuditActor, input: TaskFields & { planId: number }, assertBureau: AssertBureau) => db.write((tx) => insertTask(tx, actor, input, assertBureau));

  async function update(actor: AuditActor, input: TaskFields & { id: number; expectedVersion: number }, assertBureau: AssertBureau): Promise<TaskDto> {
    return db.write(async (tx) => {
      const task = await findTask(tx, input.id);
      if (!task) throw new AppError('NOT_FOUND', { entity: 'task', id: input.id });
      if (task.version !== input.expectedVersion) throw new AppError('TASK_VERSION_CONFLICT', { current: task.version });
      const plan = await editablePlan(tx, task.plan_id, assertBureau);
      if (task.status !== 'open') throw new AppError('TASK_NOT_EDITABLE', { taskStatus: task.status });
      await checkFields(tx, plan, input, assertBureau);
      await tx.run(
        `UPDATE tasks SET name = ?, purpose = ?, directed = ?, executing_bureau_id = ?, scope = ?, ratios = ?, matching = ?, joint = ?, window_from = ?, window_to = ?,
           version = version + 1, updated_at = ? WHERE id = ?`,
        [...columns(input), clock.now().toISOString(), task.id],
      );
      await writeItems(tx, task.id, input.itemIds);
      return finish(tx, actor, 'tasks.update', task.id);
    });
  }

  async function get(id: number, assertBureau: AssertBureau): Promise<TaskDto> {
    const task = await findTask(db, id);
    if (!task) throw new AppError('NOT_FOUND', { entity: 'task', id });
    assertBureau(task.executing_bureau_id);
    return taskToDto(task, (await taskItems(db, [id])).get(id) ?? []);
  }

  /**
   * Art. 7(3): tasks of different business lines with similar targets and methods become one joint task in
   * `planId` (items merged, scope/ratios/matching of the first task); the originals are marked 已合并.
   */
  async function merge(actor: AuditActor, input: { taskIds: number[]; planId: number; name: string }, assertBureau: AssertBureau): Promise<TaskDto> {
    return db.write(async (tx) => {
      const plan = await editablePlan(tx, input.planId, assertBureau);
      const tasks: TaskRow[] = [];
      for (const id of input.taskIds) {
        const task = await findTask(tx, id);
        if (!task) throw new AppError('NOT_FOUND', { entity: 'task', id });
        const owner = (await findPlan(tx, task.plan_id)) as PlanRow;
        assertBureau(owner.bureau_id);
        if (task.status !== 'open' || owner.year !== plan.year || !planAllowsEdit(owner.status)) throw new AppError('TASK_MERGE_INVALID', { taskId: id });
        tasks.push(task);
      }
      const items = await taskItems(tx, input.taskIds);
      const first = tasks[0] as TaskRow;
      const lines = [...new Set(input.taskIds.flatMap((id) => (items.get(id) ?? []).map((i) => i.business_line)))];
      const joint = { leadDepartment: lines[0] ?? '', departments: lines.slice(1) };
      const created = await insertTask(tx, actor, {
        planId: plan.id,
        name: input.name,
        purpose: first.purpose,
        directed: first.directed === 1,
        executingBureauId: first.executing_bureau_id,
        itemIds: [...new Set(input.taskIds.flatMap((id) => (items.get(id) ?? []).map((i) => i.id)))],
        scope: JSON.parse(first.scope) as TaskScope,
        ratios: JSON.parse(first.ratios) as RatioTable,
        matching: JSON.parse(first.matching) as MatchSettings,
        joint,
        windowFrom: tasks.map((t) => t.window_from).sort()[0] as string,
        windowTo: tasks.map((t) => t.window_to).sort().reverse()[0] as string,
      }, assertBureau);
      for (const task of tasks) {
        await tx.run(`UPDATE tasks SET status = 'merged', merged_into = ?, version = version + 1, updated_at = ? WHERE id = ?`, [created.id, clock.now().toISOString(), task.id]);
        await finish(tx, actor, 'tasks.merge', task.id, { mergedInto: created.id });
      }
      return created;
    });
  }

  /** The population a draw would see now: per stratum its size and the sample the ratios give. */
  async function previewPopulation(id: number, assertBureau: AssertBureau): Promise<PopulationPreviewDto> {
    const ctx = await loadTaskContext(db, id);
    assertBureau(ctx.task.executing_bureau_id);
    const { entries, exclusions } = await readPopulation(db, ctx, bureaus);
    const sizes = new Map<StratumKey, number>();
    for (const e of entries) sizes.set(e.stratum, (sizes.get(e.stratum) ?? 0) + 1);
    const strata = STRATA.filter((s) => sizes.has(s)).map((s) => ({ stratum: s, size: sizes.get(s) as number, ratioBp: ratioFor(ctx.ratios, s), sampleSize: sampleSize(sizes.get(s) as number, ratioFor(ctx.ratios, s)) }));
    const counts: Record<string, number> = {};
    for (const e of exclusions) counts[e.reason] = (counts[e.reason] ?? 0) + 1;
    return { size: entries.length, strata, sampleTotal: strata.reduce((n, s) => n + s.sampleSize, 0), exclusions: counts, ratioWarnings: ratioOrderWarnings(ctx.ratios) };
  }

  return { create, update, get, merge, previewPopulation, history: (id: number) => audit.history('task', id) };
}

export type TaskService = ReturnType<typeof createTaskService>;
