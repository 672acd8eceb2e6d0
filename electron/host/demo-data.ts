import { completeUscc } from '../../shared/domain/uscc';
import type { TargetCreateInput } from '../../shared/contract';
import type { AppContext } from '../core/app-context';
import { SYSTEM_ACTOR } from '../core/audit/audit-service';

const DEMO = '【演示】';

/** A small, clearly labelled demo data set so a newcomer sees a populated app. Idempotent. */
export async function addDemoData(app: AppContext): Promise<{ targets: number }> {
  const { bureaus, targets, users } = app.services;
  const byCode = new Map(bureaus.list().map((b) => [b.divisionCode, b.id]));
  const bureau = (code: string) => byCode.get(code) as number;
  const rows: TargetCreateInput[] = [
    market('2101020', '沈阳和平示例商贸有限公司', '张明', '沈阳市和平区南京北街 1 号', '210102', '批发和零售业', 'medium', 'A'),
    market('2101030', '沈阳沈河示例餐饮管理有限公司', '李华', '沈阳市沈河区中街路 8 号', '210103', '住宿和餐饮业', 'higher', 'B'),
    market('2101050', '沈阳皇姑示例电子科技有限公司', '王强', '沈阳市皇姑区黄河南大街 66 号', '210105', '信息传输、软件和信息技术服务业', 'low', 'A'),
    market('2101060', '沈阳铁西示例机械制造有限公司', '赵刚', '沈阳市铁西区北二东路 18 号', '210106', '制造业', 'high', 'C'),
    market('2101120', '沈阳浑南示例医疗器械有限公司', '陈静', '沈阳市浑南区创新路 100 号', '210112', '制造业', 'higher', 'B'),
    { kind: 'non_profit', creditCode: completeUscc('52210100MJ000001'), name: `${DEMO}沈阳市示例行业协会`, legalRep: '周敏', address: '沈阳市和平区示例路 2 号', territorialBureauId: bureau('210102'), registrationBureauId: null, regStatus: 'active', riskLevel: 'low', creditClass: 'A' },
    { kind: 'non_market', identifier: 'DEMO-CP-0001', description: '电动自行车（示例产品，质量监督抽查对象）', name: `${DEMO}电动自行车产品抽查`, territorialBureauId: bureau('210100'), regStatus: 'active' },
  ];
  let added = 0;
  for (const row of rows) {
    const exists = await app.db.get('SELECT id FROM targets WHERE credit_code = ? OR identifier = ?', [row.creditCode ?? null, row.identifier ?? null]);
    if (exists) continue;
    await targets.create(SYSTEM_ACTOR, row);
    added++;
  }
  const district = bureau('210102');
  if (!(await app.db.get(`SELECT id FROM users WHERE login = 'demo.clerk'`))) {
    await users.create(SYSTEM_ACTOR, { login: 'demo.clerk', displayName: `${DEMO}和平区档案员`, bureauId: district, roles: ['clerk'] });
  }
  await addDemoPlan(app);
  return { targets: added };

  function market(org7: string, name: string, legalRep: string, address: string, code: string, industry: string, riskLevel: TargetCreateInput['riskLevel'], creditClass: TargetCreateInput['creditClass']): TargetCreateInput {
    return {
      kind: 'for_profit',
      creditCode: completeUscc(`91${code}MA${org7.slice(1)}`.slice(0, 16)),
      name: `${DEMO}${name}`,
      legalRep,
      address,
      registrationBureauId: bureau(code),
      territorialBureauId: bureau(code),
      industry,
      riskLevel,
      creditClass,
      regStatus: 'active',
    };
  }
}

/** Three inspectors, one item and a submitted plan with one task, so the 抽查计划 → 随机摇号 flow can be tried at once. */
async function addDemoPlan(app: AppContext): Promise<void> {
  if (await app.db.get(`SELECT id FROM plans WHERE title LIKE '${DEMO}%'`)) return;
  const { bureaus, inspectorDirectory, items, plans, tasks, users } = app.services;
  const city = bureaus.city();
  if (!city) return;
  const anyBureau = () => undefined;
  // 谁检查、谁录入 / 谁复核、谁负责: an inspector account linked to 刘洋 (may enter results of his inspections)
  // and a reviewer account, so the inspection workflow can be tried after the draw (passwords: 用户管理 → 重置密码).
  const inspectorUser = (await users.create(SYSTEM_ACTOR, { login: 'demo.inspector', displayName: `${DEMO}刘洋`, bureauId: city.id, roles: ['inspector'] })).user;
  await users.create(SYSTEM_ACTOR, { login: 'demo.reviewer', displayName: `${DEMO}市局复核员`, bureauId: city.id, roles: ['reviewer'] });
  for (const [name, certNo] of [['刘洋', '21010020180001'], ['孙丽', '21010020190002'], ['郑伟', '21010020200003']] as const) {
    const userId = name === '刘洋' ? inspectorUser.id : null;
    await inspectorDirectory.inspectors.create(SYSTEM_ACTOR, { bureauId: city.id, name: `${DEMO}${name}`, certNo, certValidFrom: '2024-01-01', certValidTo: '2030-12-31', businessLines: ['综合'], expertise: [], status: 'active', userId }, anyBureau);
  }
  const item = await items.create(SYSTEM_ACTOR, { bureauId: city.id, level: 'city', businessLine: '综合', seq: 1, category: '企业公示信息检查', name: `${DEMO}企业年度报告公示信息抽查`, itemClass: 'general', methods: ['written', 'online'], custodyRule: 'registration' });
  const year = 2026;
  const plan = await plans.create(SYSTEM_ACTOR, { bureauId: city.id, year, businessLine: '综合', title: `${DEMO}${year}年度企业公示信息双随机抽查计划` });
  await tasks.create(
    SYSTEM_ACTOR,
    {
      planId: plan.id,
      name: '第一批次 企业公示信息抽查',
      purpose: 'general',
      directed: false,
      executingBureauId: city.id,
      itemIds: [item.id],
      scope: { kinds: ['for_profit'], bureauIds: [], industries: [], tagItemIds: [], regStatuses: ['active'] },
      ratios: { defaultBp: 5000, overrides: { 'high/C': 10000, 'higher/B': 10000 } },
      matching: { teamSize: 2, maxPerInspector: null, requiredSkills: [], matchRegion: false, avoidLastPair: true, expertsPerTarget: 0, expertFields: [], poolBureauIds: [] },
      joint: null,
      windowFrom: `${year}-05-01`,
      windowTo: `${year}-10-31`,
    },
    anyBureau,
  );
  // Submitted by the system, so the admin may review it (a submitter may not review their own plan).
  await plans.submit(SYSTEM_ACTOR, plan.id, anyBureau);
}
