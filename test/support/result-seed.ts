import type { FollowUpMeasure, NonPublicReason, ResultCategory } from '../../shared/domain/inspections/inspections';
import { correctionSnapshot, findCorrection, findResult, inspectionAuditSnapshot, resultSnapshot } from '../../electron/core/inspections/inspection-repository';
import type { Tx } from '../../electron/core/db/database';
import { approvePlan, drawWorld, runDraw } from './draw-fixtures';
import type { TestContext } from './test-context';

/**
 * Results, reviews, corrections and publications written straight into the 0009 tables with SQL, through
 * the app's own write transaction on its real SQLite file. This stands in for the inspection workflow
 * service (built at the same time) ONLY to seed data for the publication, report and order tests: it
 * enforces none of the workflow's rules. Each write is audited with the snapshot the app's snapshot
 * sources compute, so `audit verify` stays whole over seeded data.
 */

const SEED_ACTOR = { userId: null, login: 'test-seed' };

export type SeededWorld = {
  bureauId: number;
  taskId: number;
  planId: number;
  /** The task's items, in print order. */
  itemIds: number[];
  itemNames: string[];
  inspections: { inspectionId: number; targetId: number; name: string; code: string }[];
  world: Awaited<ReturnType<typeof drawWorld>>;
};

/**
 * drawWorld (和平区局, 40 targets) with a task of its own over two items that cite a legal basis,
 * approved and drawn at 20 % (about 8 inspections). `directed` marks it 定向.
 */
export async function seededWorld(t: TestContext, o: { directed?: boolean; seed?: string } = {}): Promise<SeededWorld> {
  const world = await drawWorld(t, { targets: 40 });
  const bureauId = world.bureauId;
  const a = await t.admin.call('items.create', {
    bureauId, level: 'district', businessLine: '食品安全', seq: 3, category: '食品销售监督检查', name: '食品经营许可情况检查', itemClass: 'general', methods: ['on_site'],
    basis: '《中华人民共和国食品安全法》第三十五条',
  });
  const b = await t.admin.call('items.create', {
    bureauId, level: 'district', businessLine: '食品安全', seq: 4, category: '食品销售监督检查', name: '食品标签标识检查', itemClass: 'general', methods: ['on_site'],
    basis: '《中华人民共和国食品安全法》第六十七条',
  });
  const task = await t.admin.call('tasks.create', {
    planId: world.plan.id, name: '第二批次 食品经营者抽查', executingBureauId: bureauId, itemIds: [a.id, b.id], directed: o.directed ?? false,
    ratios: { defaultBp: 2000, overrides: {} }, windowFrom: '2026-04-01', windowTo: '2026-06-30',
  });
  await approvePlan(t, world);
  const { draw } = await runDraw(t, task.id, o.seed ?? '5e'.repeat(32));
  const selections = (await t.admin.call('draws.selections', { drawId: draw.id, pageSize: 500 })).items;
  return {
    bureauId, taskId: task.id, planId: world.plan.id, itemIds: [a.id, b.id], itemNames: [a.name, b.name], world,
    inspections: selections.filter((s) => s.inspectionId).map((s) => ({ inspectionId: s.inspectionId as number, targetId: s.targetId, name: s.name, code: s.code })),
  };
}

export type SeedResult = {
  inspectionId: number;
  /** Default 'reviewed'. 'published' also needs `publishedOn`. */
  status?: 'awaiting_entry' | 'awaiting_review' | 'reviewed' | 'published';
  startedOn?: string;
  endedOn: string;
  categories: ResultCategory[];
  measures?: FollowUpMeasure[];
  /** Per item; default: every item of the task checked, nothing found. */
  items?: { itemId: number; checked: boolean; finding?: string | null; handling?: string | null }[];
  summary?: string | null;
  remark?: string | null;
  remarkNonPublic?: NonPublicReason | null;
  nonPublic?: NonPublicReason | null;
  nonPublicNote?: string | null;
  /** ISO timestamp of the submission for review; default the end day, 10:00 Beijing. */
  submittedAt?: string | null;
  /** Day the review approved it (reviewed / published only). */
  formedOn?: string | null;
  followUp?: 'none' | 'open' | 'closed';
  followUpClosedOn?: string | null;
  /** The reviewer (users.id) of the approving review; default the admin. */
  reviewerId?: number;
  publishedOn?: string;
};

async function audited(tx: Tx, t: TestContext, entity: string, id: number, after: object) {
  await t.app.services.audit.record(tx, { actor: SEED_ACTOR, action: 'test.seed', entity, entityId: id, after });
}

/** Write one inspection's result (and its review, and publication) as if the workflow had produced it. */
export async function seedResult(t: TestContext, r: SeedResult): Promise<void> {
  const status = r.status ?? 'reviewed';
  const formed = status === 'reviewed' || status === 'published';
  const formedOn = formed ? (r.formedOn ?? r.endedOn) : null;
  const submittedAt = r.submittedAt === undefined ? (status === 'awaiting_entry' ? null : `${r.endedOn}T02:00:00.000Z`) : r.submittedAt;
  const reviewerId = r.reviewerId ?? (await t.admin.call('auth.me', {})).id;
  const now = t.clock.now().toISOString();
  await t.app.db.write(async (tx) => {
    const inspection = await tx.get<{ task_id: number }>('SELECT task_id FROM inspections WHERE id = ?', [r.inspectionId]);
    if (!inspection) throw new Error(`no inspection ${r.inspectionId}`);
    const taskItems = await tx.all<{ item_id: number }>('SELECT item_id FROM task_items WHERE task_id = ? ORDER BY item_id', [inspection.task_id]);
    await tx.run(
      `UPDATE inspections SET status = ?, methods = '["on_site"]', started_on = ?, ended_on = ?, follow_up_status = ?, follow_up_closed_on = ?, version = version + 1, updated_at = ? WHERE id = ?`,
      [status, r.startedOn ?? r.endedOn, r.endedOn, r.followUp ?? 'none', r.followUpClosedOn ?? null, now, r.inspectionId],
    );
    await tx.run(
      `INSERT INTO inspection_results (inspection_id, categories, measures, measure_other, summary, remark, remark_non_public, non_public, non_public_note, entered_by, entered_at, submitted_at, formed_on)
       VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
      [r.inspectionId, JSON.stringify(r.categories), JSON.stringify(r.measures ?? ['none_needed']), r.summary ?? null, r.remark ?? null, r.remarkNonPublic ?? null, r.nonPublic ?? null, r.nonPublicNote ?? null, submittedAt ?? now, submittedAt, formedOn],
    );
    const items: NonNullable<SeedResult['items']> = r.items ?? taskItems.map((i) => ({ itemId: i.item_id, checked: true }));
    for (const i of items) {
      await tx.run('INSERT INTO inspection_item_results (inspection_id, item_id, checked, finding, handling) VALUES (?, ?, ?, ?, ?)', [r.inspectionId, i.itemId, i.checked ? 1 : 0, i.finding ?? null, i.handling ?? null]);
    }
    if (formed) {
      await tx.run(`INSERT INTO inspection_reviews (inspection_id, decision, comment, reviewer_id, entered_by, reviewed_at) VALUES (?, 'approve', '同意', ?, NULL, ?)`, [r.inspectionId, reviewerId, `${formedOn}T03:00:00.000Z`]);
    }
    if (status === 'published') {
      if (!r.publishedOn) throw new Error('a published result needs publishedOn');
      await tx.run('INSERT INTO publications (inspection_id, published_on, platforms, published_by, created_at) VALUES (?, ?, ?, NULL, ?)', [r.inspectionId, r.publishedOn, '["gsxt"]', now]);
    }
    await audited(tx, t, 'inspection', r.inspectionId, await inspectionAuditSnapshot(tx, r.inspectionId));
    const result = await findResult(tx, r.inspectionId);
    if (result) await audited(tx, t, 'inspection_result', r.inspectionId, await resultSnapshot(tx, result));
  });
}

/** A correction order (责令限期改正) of an inspection; returns its id. */
export async function seedCorrection(t: TestContext, c: { inspectionId: number; content: string; issuedOn: string; deadlineOn: string }): Promise<number> {
  const now = t.clock.now().toISOString();
  return t.app.db.write(async (tx) => {
    const { lastId } = await tx.run(
      `INSERT INTO correction_orders (inspection_id, content, issued_on, deadline_on, status, created_by, version, created_at, updated_at) VALUES (?, ?, ?, ?, 'open', NULL, 1, ?, ?)`,
      [c.inspectionId, c.content, c.issuedOn, c.deadlineOn, now, now],
    );
    const row = await findCorrection(tx, lastId);
    if (row) await audited(tx, t, 'correction_order', lastId, correctionSnapshot(row));
    return lastId;
  });
}
