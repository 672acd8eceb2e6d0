import type { RatioTable, StratumKey } from '../draws/draw-types';
import { CREDIT_STRATA, RISK_STRATA } from '../draws/draw-types';

/** 年度抽查计划 workflow (Art. 12): 草稿 → 报送审核 → 审核通过 → 已公示; adjustments start a new version. */
export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'published'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS = {
  draft: '草稿',
  submitted: '报送审核',
  approved: '审核通过',
  published: '已公示',
} as const satisfies Record<PlanStatus, string>;

export const TASK_STATUSES = ['open', 'drawn', 'merged', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS = { open: '待摇号', drawn: '已摇号', merged: '已合并', cancelled: '已取消' } as const satisfies Record<TaskStatus, string>;

/** Who drafts plans and runs draws, who reviews them (the legal division, Art. 12(1)). */
export const PLAN_EDITORS = ['admin', 'clerk'] as const;
export const PLAN_REVIEWERS = ['legal', 'admin'] as const;

/** A task may be drawn once its plan is approved (a published plan stays drawable). */
export const planAllowsDraw = (s: PlanStatus): boolean => s === 'approved' || s === 'published';
/** Tasks are edited only while the plan is a draft (an adjustment puts a published plan back into draft). */
export const planAllowsEdit = (s: PlanStatus): boolean => s === 'draft';

export const RISK_STRATUM_LABELS = { low: '低', lower: '较低', medium: '一般', higher: '较高', high: '高', unrated: '未评级' } as const satisfies Record<
  (typeof RISK_STRATA)[number],
  string
>;
export const CREDIT_STRATUM_LABELS = { A: 'A类', B: 'B类', C: 'C类', D: 'D类', unrated: '未评级' } as const satisfies Record<(typeof CREDIT_STRATA)[number], string>;

export function stratumLabel(key: StratumKey): string {
  const [risk, credit] = key.split('/') as [(typeof RISK_STRATA)[number], (typeof CREDIT_STRATA)[number]];
  return `风险${RISK_STRATUM_LABELS[risk]} · 信用${CREDIT_STRATUM_LABELS[credit]}`;
}

/** Percent text for basis points: 500 → "5%", 1250 → "12.5%". */
export function bpText(bp: number): string {
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

const ratioOf = (t: RatioTable, risk: (typeof RISK_STRATA)[number], credit: (typeof CREDIT_STRATA)[number]) => t.overrides[`${risk}/${credit}`] ?? t.defaultBp;

/**
 * Art. 12(4)(5): higher risk or lower credit → a higher ratio. Returns the pairs of rated strata that break
 * this (a warning for the planner, not a refusal: a bureau may have reasons, recorded in the plan).
 */
export function ratioOrderWarnings(t: RatioTable): { higher: StratumKey; lower: StratumKey }[] {
  const risks = RISK_STRATA.filter((r) => r !== 'unrated');
  const credits = CREDIT_STRATA.filter((c) => c !== 'unrated');
  const warnings: { higher: StratumKey; lower: StratumKey }[] = [];
  for (const credit of credits) {
    for (let i = 1; i < risks.length; i++) {
      if (ratioOf(t, risks[i]!, credit) < ratioOf(t, risks[i - 1]!, credit)) warnings.push({ higher: `${risks[i]!}/${credit}`, lower: `${risks[i - 1]!}/${credit}` });
    }
  }
  for (const risk of risks) {
    for (let i = 1; i < credits.length; i++) {
      if (ratioOf(t, risk, credits[i]!) < ratioOf(t, risk, credits[i - 1]!)) warnings.push({ higher: `${risk}/${credits[i]!}`, lower: `${risk}/${credits[i - 1]!}` });
    }
  }
  return warnings;
}
