import type { PlanDto, PlanVersionDto, TaskDto } from '../../../shared/contract';
import type { Database, Tx } from '../db/database';

type Db = Database | Tx;

export type PlanRow = {
  id: number;
  bureau_id: number;
  year: number;
  business_line: string;
  title: string;
  description: string | null;
  status: PlanDto['status'];
  plan_version: number;
  change_note: string | null;
  submitted_by: number | null;
  reviewed_by: number | null;
  review_note: string | null;
  published_at: string | null;
  created_by: number | null;
  version: number;
  created_at: string;
  updated_at: string;
};

export type TaskRow = {
  id: number;
  plan_id: number;
  batch_no: number;
  name: string;
  purpose: TaskDto['purpose'];
  directed: number;
  executing_bureau_id: number;
  scope: string;
  ratios: string;
  matching: string;
  joint: string | null;
  window_from: string;
  window_to: string;
  status: TaskDto['status'];
  merged_into: number | null;
  version: number;
  created_at: string;
  updated_at: string;
};

export const planToDto = (r: PlanRow, taskCount: number): PlanDto => ({
  id: r.id,
  bureauId: r.bureau_id,
  year: r.year,
  businessLine: r.business_line,
  title: r.title,
  description: r.description,
  status: r.status,
  planVersion: r.plan_version,
  changeNote: r.change_note,
  submittedBy: r.submitted_by,
  reviewedBy: r.reviewed_by,
  reviewNote: r.review_note,
  publishedAt: r.published_at,
  createdBy: r.created_by,
  taskCount,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The audited state of a plan (everything but timestamps). */
export const planSnapshot = (r: PlanRow): object => {
  const { created_at: _c, updated_at: _u, ...rest } = r;
  return rest;
};

export type TaskItemRow = { task_id: number; id: number; name: string; business_line: string; item_class: 'general' | 'key'; custody_rule: 'registration' | 'territorial' };

export function taskToDto(r: TaskRow, items: TaskItemRow[]): TaskDto {
  return {
    id: r.id,
    planId: r.plan_id,
    batchNo: r.batch_no,
    name: r.name,
    purpose: r.purpose,
    directed: r.directed === 1,
    executingBureauId: r.executing_bureau_id,
    items: items.map((i) => ({ id: i.id, name: i.name, businessLine: i.business_line, itemClass: i.item_class })),
    scope: JSON.parse(r.scope) as TaskDto['scope'],
    ratios: JSON.parse(r.ratios) as TaskDto['ratios'],
    matching: JSON.parse(r.matching) as TaskDto['matching'],
    joint: r.joint === null ? null : (JSON.parse(r.joint) as TaskDto['joint']),
    windowFrom: r.window_from,
    windowTo: r.window_to,
    status: r.status,
    mergedInto: r.merged_into,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The audited state of a task, with its items. */
export const taskSnapshot = (r: TaskRow, itemIds: number[]): object => {
  const { created_at: _c, updated_at: _u, ...rest } = r;
  return { ...rest, itemIds: [...itemIds].sort((a, b) => a - b) };
};

export async function findPlan(db: Db, id: number): Promise<PlanRow | undefined> {
  return db.get<PlanRow>('SELECT * FROM plans WHERE id = ?', [id]);
}

export async function findTask(db: Db, id: number): Promise<TaskRow | undefined> {
  return db.get<TaskRow>('SELECT * FROM tasks WHERE id = ?', [id]);
}

export async function taskItems(db: Db, taskIds: number[]): Promise<Map<number, TaskItemRow[]>> {
  const byTask = new Map<number, TaskItemRow[]>(taskIds.map((id) => [id, []]));
  if (taskIds.length === 0) return byTask;
  const rows = await db.all<TaskItemRow>(
    `SELECT ti.task_id, i.id, i.name, i.business_line, i.item_class, i.custody_rule FROM task_items ti JOIN items i ON i.id = ti.item_id
     WHERE ti.task_id IN (${taskIds.map(() => '?').join(',')}) ORDER BY i.business_line, i.seq, i.id`,
    taskIds,
  );
  for (const row of rows) byTask.get(row.task_id)?.push(row);
  return byTask;
}

export async function planVersions(db: Db, planId: number): Promise<PlanVersionDto[]> {
  const rows = await db.all<{ plan_version: number; changes: string; change_note: string | null; published_by: number | null; published_at: string }>(
    'SELECT plan_version, changes, change_note, published_by, published_at FROM plan_versions WHERE plan_id = ? ORDER BY plan_version DESC',
    [planId],
  );
  return rows.map((r) => ({ planVersion: r.plan_version, changes: JSON.parse(r.changes) as string[], changeNote: r.change_note, publishedBy: r.published_by, publishedAt: r.published_at }));
}

export async function loadPlanSnapshots(db: Database): Promise<Map<string, object>> {
  const rows = await db.all<PlanRow>('SELECT * FROM plans');
  return new Map(rows.map((r) => [String(r.id), planSnapshot(r)]));
}

export async function loadTaskSnapshots(db: Database): Promise<Map<string, object>> {
  const rows = await db.all<TaskRow>('SELECT * FROM tasks');
  const items = await db.all<{ task_id: number; item_id: number }>('SELECT task_id, item_id FROM task_items');
  const byTask = new Map<number, number[]>();
  for (const i of items) byTask.set(i.task_id, [...(byTask.get(i.task_id) ?? []), i.item_id]);
  return new Map(rows.map((r) => [String(r.id), taskSnapshot(r, byTask.get(r.id) ?? [])]));
}
