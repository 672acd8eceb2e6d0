import { completeUscc } from '../../shared/domain/uscc';
import type { MethodInput } from '../../shared/contract';
import { RISK_LEVELS, CREDIT_CLASSES } from '../../shared/domain/targets';
import type { TestContext } from './test-context';

export const HEPING = '210102';

/** A valid credit code from a counter (same prefix, varying serial). */
export const codeOf = (i: number) => completeUscc(`91210102MA${String(i).padStart(6, '0')}`);

/**
 * A small world for draws at 和平区局: `targets` targets spread over risk × credit, `inspectors`
 * enforcement inspectors with valid certificates, two items, a plan with one task (5 % default, 50 % for
 * high risk), approved by a legal user (a second person).
 */
export async function drawWorld(t: TestContext, options: { targets?: number; inspectors?: number; task?: Partial<MethodInput<'tasks.create'>> } = {}) {
  const bureauId = t.bureauId(HEPING);
  const targetIds: number[] = [];
  for (let i = 0; i < (options.targets ?? 120); i++) {
    const target = await t.admin.call('targets.create', {
      kind: 'for_profit',
      creditCode: codeOf(i + 1),
      name: `沈阳和平示例${i + 1}号商贸有限公司`,
      territorialBureauId: bureauId,
      riskLevel: RISK_LEVELS[i % RISK_LEVELS.length],
      creditClass: CREDIT_CLASSES[i % CREDIT_CLASSES.length],
      industry: i % 2 ? '食品销售' : '药品零售',
    });
    targetIds.push(target.id);
  }
  const inspectorIds: number[] = [];
  for (let i = 0; i < (options.inspectors ?? 6); i++) {
    const inspector = await t.admin.call('inspectors.create', {
      bureauId,
      name: `检查员${String.fromCharCode(0x7532 + i)}`,
      certNo: `2101022019${String(i + 1).padStart(4, '0')}`,
      certValidFrom: '2024-01-01',
      certValidTo: '2029-12-31',
      businessLines: ['食品安全'],
    });
    inspectorIds.push(inspector.id);
  }
  const general = await t.admin.call('items.create', { bureauId, level: 'district', businessLine: '食品安全', seq: 1, category: '食品销售监督检查', name: '食品销售者经营条件检查', itemClass: 'general', methods: ['on_site'] });
  const key = await t.admin.call('items.create', { bureauId, level: 'district', businessLine: '食品安全', seq: 2, category: '食品销售监督检查', name: '特殊食品销售检查', itemClass: 'key', methods: ['on_site'] });
  const plan = await t.admin.call('plans.create', { bureauId, year: 2026, businessLine: '食品安全', title: '和平区局2026年度食品安全双随机抽查计划' });
  const task = await t.admin.call('tasks.create', {
    planId: plan.id,
    name: '第一批次 食品销售者抽查',
    executingBureauId: bureauId,
    itemIds: [general.id],
    ratios: { defaultBp: 500, overrides: { 'high/A': 5000, 'high/B': 5000, 'high/C': 5000, 'high/D': 5000 } },
    windowFrom: '2026-04-01',
    windowTo: '2026-06-30',
    ...options.task,
  });
  const legal = await t.createUser('fzk', '210102', ['legal']);
  return { bureauId, targetIds, inspectorIds, items: { general, key }, plan, task, legal };
}

/** Submit (admin) → approve (the legal user) → publish. */
export async function approvePlan(t: TestContext, world: Awaited<ReturnType<typeof drawWorld>>) {
  await t.admin.call('plans.submit', { id: world.plan.id });
  await world.legal.call('plans.review', { id: world.plan.id, decision: 'approve', note: '同意' });
  return world.legal.call('plans.publish', { id: world.plan.id });
}

/** Commit, run the job to its end, and return the draw and its job. */
export async function runDraw(t: TestContext, taskId: number, seedHex?: string) {
  const committed = await t.admin.call('draws.commit', { taskId, seedHex, witness: '王监督' });
  const { jobId } = await t.admin.call('draws.run', { id: committed.id });
  await t.app.services.jobs.idle();
  return { committed, job: await t.admin.call('jobs.get', { id: jobId }), draw: await t.admin.call('draws.get', { id: committed.id }) };
}
