import dayjs, { type Dayjs } from 'dayjs';
import type { MethodInput } from '../../../shared/contract/index';
import type { PlanDto, TaskDto } from '../../../shared/contract/plans';
import type { DrawPurpose } from '../../../shared/domain/draws/draw-record';
import { STRATA, type RatioTable, type StratumKey } from '../../../shared/domain/draws/draw-types';
import type { RegStatus, SubjectKind } from '../../../shared/domain/targets';

/** The ratio table as the form edits it: percents; an empty cell (null) takes the default. */
export type RatioDraft = { defaultPercent: number | null; overrides: Partial<Record<StratumKey, number | null>> };

export type TaskValues = {
  name: string;
  purpose: DrawPurpose;
  directed: boolean;
  executingBureauId: number;
  itemIds: number[];
  kinds: SubjectKind[];
  scopeBureauIds: number[];
  industries: string[];
  tagItemIds: number[];
  regStatuses: RegStatus[];
  window: [Dayjs, Dayjs] | null;
  joint: boolean;
  leadDepartment?: string;
  departments: string[];
  teamSize: number;
  maxPerInspector: number | null;
  requiredSkills: string[];
  matchRegion: boolean;
  avoidLastPair: boolean;
  expertsPerTarget: number;
  expertFields: string[];
  poolBureauIds: number[];
  ratios: RatioDraft;
};

/** Field names that backend errors (INVALID_INPUT paths, details.field) may name. */
export const TASK_FIELD_NAMES = ['name', 'purpose', 'directed', 'executingBureauId', 'itemIds', 'ratios'] as const;

/** Percent (5, 12.5) ↔ basis points (500, 1250). */
export const percentToBp = (percent: number) => Math.round(percent * 100);
export const bpToPercent = (bp: number) => bp / 100;

export const DEFAULT_RATIO_PERCENT = 5;

export function ratioTableOf(draft: RatioDraft | undefined): RatioTable {
  const overrides: Partial<Record<StratumKey, number>> = {};
  for (const key of STRATA) {
    const v = draft?.overrides[key];
    if (typeof v === 'number') overrides[key] = percentToBp(v);
  }
  return { defaultBp: percentToBp(draft?.defaultPercent ?? 0), overrides };
}

export function taskValues(task: TaskDto | null, plan: PlanDto): TaskValues {
  if (!task) {
    return {
      name: '',
      purpose: 'general',
      directed: false,
      executingBureauId: plan.bureauId,
      itemIds: [],
      kinds: [],
      scopeBureauIds: [],
      industries: [],
      tagItemIds: [],
      regStatuses: ['active'],
      window: null,
      joint: false,
      departments: [],
      teamSize: 2,
      maxPerInspector: null,
      requiredSkills: [],
      matchRegion: false,
      avoidLastPair: true,
      expertsPerTarget: 0,
      expertFields: [],
      poolBureauIds: [],
      ratios: { defaultPercent: DEFAULT_RATIO_PERCENT, overrides: {} },
    };
  }
  const overrides: RatioDraft['overrides'] = {};
  for (const [key, bp] of Object.entries(task.ratios.overrides)) overrides[key as StratumKey] = bpToPercent(bp);
  return {
    name: task.name,
    purpose: task.purpose,
    directed: task.directed,
    executingBureauId: task.executingBureauId,
    itemIds: task.items.map((i) => i.id),
    kinds: task.scope.kinds,
    scopeBureauIds: task.scope.bureauIds,
    industries: task.scope.industries,
    tagItemIds: task.scope.tagItemIds,
    regStatuses: task.scope.regStatuses,
    window: [dayjs(task.windowFrom), dayjs(task.windowTo)],
    joint: task.joint !== null,
    leadDepartment: task.joint?.leadDepartment,
    departments: task.joint?.departments ?? [],
    ...task.matching,
    ratios: { defaultPercent: bpToPercent(task.ratios.defaultBp), overrides },
  };
}

export type TaskFieldsInput = Omit<MethodInput<'tasks.create'>, 'planId'>;

export function toTaskFields(v: TaskValues): TaskFieldsInput {
  const [from, to] = v.window ?? [null, null];
  return {
    name: v.name.trim(),
    purpose: v.purpose,
    directed: v.directed,
    executingBureauId: v.executingBureauId,
    itemIds: v.itemIds,
    scope: { kinds: v.kinds, bureauIds: v.scopeBureauIds, industries: v.industries, tagItemIds: v.tagItemIds, regStatuses: v.regStatuses },
    ratios: ratioTableOf(v.ratios),
    matching: {
      teamSize: v.teamSize,
      maxPerInspector: v.maxPerInspector ?? null,
      requiredSkills: v.requiredSkills,
      matchRegion: v.matchRegion,
      avoidLastPair: v.avoidLastPair,
      expertsPerTarget: v.expertsPerTarget,
      expertFields: v.expertFields,
      poolBureauIds: v.poolBureauIds,
    },
    joint: v.joint && v.leadDepartment?.trim() ? { leadDepartment: v.leadDepartment.trim(), departments: v.departments } : null,
    windowFrom: from ? from.format('YYYY-MM-DD') : '',
    windowTo: to ? to.format('YYYY-MM-DD') : '',
  };
}
