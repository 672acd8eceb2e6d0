import type { InspectionDto, MethodInput } from '../../shared/contract';
import type { FollowUpMeasure, NonPublicReason, ResultCategory } from '../../shared/domain/inspections/inspections';
import { approvePlan, drawWorld, runDraw } from './draw-fixtures';
import type { TestContext } from './test-context';

type Caller = Awaited<ReturnType<TestContext['signIn']>>;
type World = Awaited<ReturnType<typeof drawWorld>>;

/** A drawn world: the draw fixtures' world, approved and drawn, with the inspections the draw opened. */
export type DrawnWorld = { world: World; drawId: number; inspectionIds: number[] };

/** Users per test context, so a second call reuses the accounts (an inspector links to one user only). */
const accounts = new WeakMap<TestContext, { byInspector: Map<number, Caller & { userId: number }>; reviewer?: Caller & { userId: number } }>();

/** Today in Beijing from the test's fixed clock (the core refuses dates after it). */
export const todayOf = (t: TestContext) => new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * drawWorld → approvePlan → runDraw: at least `min` inspections (默认 40 targets at 10 %, i.e. 4–6).
 * Options go to drawWorld.
 */
export async function drawnWorld(t: TestContext, options: Parameters<typeof drawWorld>[1] = {}): Promise<DrawnWorld> {
  const world = await drawWorld(t, { targets: 40, ...options, task: { ratios: { defaultBp: 1000, overrides: {} }, ...options.task } });
  await approvePlan(t, world);
  const { draw } = await runDraw(t, world.task.id, 'c4'.repeat(32));
  const selections = (await t.admin.call('draws.selections', { drawId: draw.id, pageSize: 500 })).items;
  const inspectionIds = selections.map((s) => s.inspectionId).filter((id): id is number => typeof id === 'number');
  if (inspectionIds.length === 0) throw new Error('the draw opened no inspections');
  return { world, drawId: draw.id, inspectionIds };
}

async function linkedUser(t: TestContext, inspectorId: number): Promise<Caller & { userId: number }> {
  const cache = accounts.get(t) ?? { byInspector: new Map() };
  accounts.set(t, cache);
  const known = cache.byInspector.get(inspectorId);
  if (known) return known;
  const inspector = await t.admin.call('inspectors.get', { id: inspectorId });
  const bureau = t.app.services.bureaus.get(inspector.bureauId);
  const caller = await t.createUser(`insp${inspectorId}`, bureau.divisionCode as string, ['inspector']);
  const me = await caller.call('auth.me', {});
  const { id, version, createdAt: _c, updatedAt: _u, absences: _a, recusals: _r, ...fields } = inspector;
  await t.admin.call('inspectors.update', { ...fields, id, expectedVersion: version, userId: me.id });
  const linked = Object.assign(caller, { userId: me.id });
  cache.byInspector.set(inspectorId, linked);
  return linked;
}

/**
 * Users for result entry and review of one inspection: `entrant` and `second`, each with role inspector
 * and linked to the inspection's first and second member inspector (谁检查、谁录入), and `reviewer`
 * (role reviewer, same bureau, linked to no inspector). Accounts are reused within one test context.
 * `inspection`: an inspection id, or a DrawnWorld (its first inspection).
 */
export async function inspectorUsers(t: TestContext, inspection: number | DrawnWorld) {
  const id = typeof inspection === 'number' ? inspection : (inspection.inspectionIds[0] as number);
  const detail = await t.admin.call('inspections.get', { id });
  const [first, second] = detail.members.filter((m) => m.kind === 'inspector');
  if (!first || !second) throw new Error(`inspection ${id} has fewer than two inspectors`);
  const entrant = await linkedUser(t, first.memberId);
  const other = await linkedUser(t, second.memberId);
  const cache = accounts.get(t) as NonNullable<ReturnType<typeof accounts.get>>;
  if (!cache.reviewer) {
    const bureau = t.app.services.bureaus.get(detail.inspectingBureauId);
    const reviewer = await t.createUser('reviewer1', bureau.divisionCode as string, ['reviewer']);
    cache.reviewer = Object.assign(reviewer, { userId: (await reviewer.call('auth.me', {})).id });
  }
  return { inspectionId: id, entrant, second: other, reviewer: cache.reviewer };
}

export type ReviewedOptions = {
  /** Reuse a drawn world (default: draw a new one); `index` picks its inspection (default 0). */
  drawn?: DrawnWorld;
  index?: number;
  categories?: ResultCategory[];
  /** Default: none_needed, or refer_daily when a category needs follow-up. */
  measures?: FollowUpMeasure[];
  measureOther?: string | null;
  nonPublic?: NonPublicReason | null;
  nonPublicNote?: string | null;
  remark?: string | null;
  remarkNonPublic?: NonPublicReason | null;
  /** Default: today (Beijing, from the test clock) for both. */
  startedOn?: string;
  endedOn?: string;
};

/**
 * Drive one drawn inspection to 已复核: start → finish → signed → result (every task item checked) →
 * submit (by the entrant) → approve (by the reviewer). Returns the inspection as the reviewer sees it,
 * the users and the drawn world.
 */
export async function reviewedInspection(t: TestContext, options: ReviewedOptions = {}) {
  const drawn = options.drawn ?? (await drawnWorld(t));
  const inspectionId = drawn.inspectionIds[options.index ?? 0];
  if (inspectionId === undefined) throw new Error(`no inspection at index ${options.index}`);
  const users = await inspectorUsers(t, inspectionId);
  const today = todayOf(t);
  let dto: InspectionDto = await t.admin.call('inspections.get', { id: inspectionId });
  dto = await t.admin.call('inspections.start', { id: inspectionId, version: dto.version, startedOn: options.startedOn ?? today });
  dto = await t.admin.call('inspections.finish', { id: inspectionId, version: dto.version, endedOn: options.endedOn ?? today });
  dto = await t.admin.call('inspections.setSigning', { id: inspectionId, version: dto.version, status: 'signed', reason: null, witnessName: null, witnessIdNo: null });
  const categories = options.categories ?? ['no_problem'];
  const followUp: FollowUpMeasure[] = categories.some((c) => !['no_problem', 'no_activity', 'corrected', 'deregistered', 'revoked', 'cancelled', 'moved_out', 'closed_or_liquidating'].includes(c)) ? ['refer_daily'] : ['none_needed'];
  const result: MethodInput<'inspections.saveResult'> = {
    id: inspectionId,
    version: dto.version,
    categories,
    measures: options.measures ?? followUp,
    measureOther: options.measureOther ?? null,
    summary: '现场检查，查阅经营台账。',
    items: dto.items.map((i) => ({ itemId: i.id, checked: true, finding: categories.includes('no_problem') ? '未发现问题' : '发现问题', handling: null })),
    remark: options.remark ?? null,
    remarkNonPublic: options.remarkNonPublic ?? null,
    nonPublic: options.nonPublic ?? null,
    nonPublicNote: options.nonPublicNote ?? null,
  };
  dto = await users.entrant.call('inspections.saveResult', result);
  dto = await users.entrant.call('inspections.submitResult', { id: inspectionId, version: dto.version });
  dto = await users.reviewer.call('inspections.review', { id: inspectionId, version: dto.version, decision: 'approve', comment: '同意' });
  return { inspectionId, inspection: dto, users, drawn };
}
