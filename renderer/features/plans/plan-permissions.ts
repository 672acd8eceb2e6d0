import { PLAN_EDITORS, PLAN_REVIEWERS } from '../../../shared/domain/plans/plans';
import type { Role } from '../../../shared/domain/roles';

/** Mirrors the contract's access lists (the backend still checks every call). */
export function mayEditPlans(roles: readonly Role[]): boolean {
  return PLAN_EDITORS.some((role) => roles.includes(role));
}

/** plans.review / plans.publish: the legal division (法制审核) and administrators. */
export function mayReviewPlans(roles: readonly Role[]): boolean {
  return PLAN_REVIEWERS.some((role) => roles.includes(role));
}

/** draws.commit / run / abandon go with drafting the plan. */
export const mayRunDraws = mayEditPlans;
