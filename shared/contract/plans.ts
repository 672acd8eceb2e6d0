import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { DRAW_PURPOSES } from '../domain/draws/draw-record';
import { STRATA, type StratumKey } from '../domain/draws/draw-types';
import { PLAN_EDITORS, PLAN_REVIEWERS, PLAN_STATUSES, TASK_STATUSES } from '../domain/plans/plans';
import { REG_STATUSES, SUBJECT_KINDS } from '../domain/targets';
import { Id } from './common';
import { method } from './method';

const isoDate = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD');
const Bp = z.number().int().min(0, '比例不能为负').max(10000, '比例不能超过 100%');
const Stratum = z.string().refine((s): s is StratumKey => (STRATA as readonly string[]).includes(s), '未知的分层');
const words = (max: number) => z.array(z.string().trim().min(1).max(50)).max(max);

/* ---------- annual plans (年度抽查计划) ---------- */

export const PlanDto = z.object({
  id: Id,
  bureauId: Id,
  year: z.number().int(),
  businessLine: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(PLAN_STATUSES),
  planVersion: z.number().int(),
  changeNote: z.string().nullable(),
  submittedBy: Id.nullable(),
  reviewedBy: Id.nullable(),
  reviewNote: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdBy: Id.nullable(),
  taskCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlanDto = z.infer<typeof PlanDto>;

export const PlanVersionDto = z.object({
  planVersion: z.number().int(),
  changes: z.array(z.string()),
  changeNote: z.string().nullable(),
  publishedBy: Id.nullable(),
  publishedAt: z.string(),
});
export type PlanVersionDto = z.infer<typeof PlanVersionDto>;

/** Who is drawn: empty lists mean "no restriction" (bureaus: the executing bureau and its subtree). */
export const TaskScope = z.object({
  kinds: z.array(z.enum(SUBJECT_KINDS)).default([]),
  bureauIds: z.array(Id).max(50).default([]),
  industries: words(50).default([]),
  /** Targets tagged (分类标注) with any of these items. */
  tagItemIds: z.array(Id).max(50).default([]),
  regStatuses: z.array(z.enum(REG_STATUSES)).min(1).default(['active']),
});
export type TaskScope = z.infer<typeof TaskScope>;

export const RatioTableInput = z.object({
  defaultBp: Bp,
  overrides: z.partialRecord(Stratum, Bp).default({}),
});

export const MatchSettings = z.object({
  teamSize: z.number().int().min(2, '每个检查对象至少匹配 2 名执法人员').max(6).default(2),
  maxPerInspector: z.number().int().min(1).max(100000).nullable().default(null),
  requiredSkills: words(20).default([]),
  matchRegion: z.boolean().default(false),
  avoidLastPair: z.boolean().default(true),
  expertsPerTarget: z.number().int().min(0).max(3).default(0),
  expertFields: words(20).default([]),
  /** Inspectors drawn from these bureaus; empty = the executing bureau. */
  poolBureauIds: z.array(Id).max(20).default([]),
});
export type MatchSettings = z.infer<typeof MatchSettings>;

export const JointInspection = z.object({
  leadDepartment: z.string().trim().min(1).max(60),
  departments: z.array(z.string().trim().min(1).max(60)).max(30),
});

const TaskFields = {
  name: z.string().trim().min(1, '请填写任务名称').max(100),
  purpose: z.enum(DRAW_PURPOSES).default('general'),
  directed: z.boolean().default(false),
  executingBureauId: Id,
  itemIds: z.array(Id).min(1, '请至少选择一个抽查事项').max(100),
  scope: TaskScope.default({ kinds: [], bureauIds: [], industries: [], tagItemIds: [], regStatuses: ['active'] }),
  ratios: RatioTableInput,
  matching: MatchSettings.default({ teamSize: 2, maxPerInspector: null, requiredSkills: [], matchRegion: false, avoidLastPair: true, expertsPerTarget: 0, expertFields: [], poolBureauIds: [] }),
  joint: JointInspection.nullable().default(null),
  windowFrom: isoDate,
  windowTo: isoDate,
};

export const TaskItemDto = z.object({ id: Id, name: z.string(), businessLine: z.string(), itemClass: z.enum(['general', 'key']) });

export const TaskDto = z.object({
  id: Id,
  planId: Id,
  batchNo: z.number().int(),
  name: z.string(),
  purpose: z.enum(DRAW_PURPOSES),
  directed: z.boolean(),
  executingBureauId: Id,
  items: z.array(TaskItemDto),
  scope: TaskScope,
  ratios: z.object({ defaultBp: z.number().int(), overrides: z.record(z.string(), z.number().int()) }),
  matching: MatchSettings,
  joint: JointInspection.nullable(),
  windowFrom: z.string(),
  windowTo: z.string(),
  status: z.enum(TASK_STATUSES),
  mergedInto: Id.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TaskDto = z.infer<typeof TaskDto>;

export const PlanDetailDto = z.object({ plan: PlanDto, tasks: z.array(TaskDto), versions: z.array(PlanVersionDto) });
export type PlanDetailDto = z.infer<typeof PlanDetailDto>;

export const PopulationPreviewDto = z.object({
  size: z.number().int(),
  strata: z.array(z.object({ stratum: Stratum, size: z.number().int(), ratioBp: z.number().int(), sampleSize: z.number().int() })),
  sampleTotal: z.number().int(),
  exclusions: z.record(z.string(), z.number().int()),
  ratioWarnings: z.array(z.object({ higher: Stratum, lower: Stratum })),
});
export type PopulationPreviewDto = z.infer<typeof PopulationPreviewDto>;

const PlanFields = {
  bureauId: Id,
  year: z.number().int().min(2000).max(2100),
  businessLine: z.string().trim().min(1, '请填写业务条线').max(50),
  title: z.string().trim().min(1, '请填写计划名称').max(100),
  description: z.string().trim().max(2000).nullable().optional(),
};

const byId = z.strictObject({ id: Id });

export const plansMethods = {
  'plans.list': method({
    summary: '年度抽查计划（按单位、年度、状态）',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ bureauId: Id.optional(), year: z.number().int().optional(), status: z.enum(PLAN_STATUSES).optional() }),
    output: z.array(PlanDto),
  }),
  'plans.get': method({ summary: '计划详情：批次任务与已公示版本', access: 'any', scope: 'bureau', input: byId, output: PlanDetailDto }),
  'plans.create': method({ summary: '新建年度抽查计划（草稿）', access: PLAN_EDITORS, scope: 'bureau', mutates: true, input: z.strictObject(PlanFields), output: PlanDto }),
  'plans.update': method({
    summary: '修改计划（仅草稿；乐观锁）',
    access: PLAN_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, expectedVersion: z.number().int(), ...PlanFields }),
    output: PlanDto,
  }),
  'plans.submit': method({ summary: '报送审核', access: PLAN_EDITORS, scope: 'bureau', mutates: true, input: byId, output: PlanDto }),
  'plans.review': method({
    summary: '法制审核：通过或退回（审核人不得为报送人）',
    access: PLAN_REVIEWERS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, decision: z.enum(['approve', 'return']), note: z.string().trim().max(1000).nullable().default(null) }),
    output: PlanDto,
  }),
  'plans.publish': method({ summary: '向社会公示（记录本版本）', access: PLAN_REVIEWERS, scope: 'bureau', mutates: true, input: byId, output: PlanDto }),
  'plans.adjust': method({
    summary: '动态调整已公示计划：生成新版本（草稿），须重新审核公示',
    access: PLAN_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, changeNote: z.string().trim().min(1, '请说明调整内容').max(1000) }),
    output: PlanDto,
  }),

  'tasks.create': method({
    summary: '新增抽查任务（批次）',
    access: PLAN_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ planId: Id, ...TaskFields }),
    output: TaskDto,
  }),
  'tasks.update': method({
    summary: '修改抽查任务（计划为草稿时；乐观锁）',
    access: PLAN_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, expectedVersion: z.number().int(), ...TaskFields }),
    output: TaskDto,
  }),
  'tasks.get': method({ summary: '抽查任务详情', access: 'any', scope: 'bureau', input: byId, output: TaskDto }),
  'tasks.merge': method({
    summary: '合并不同业务条线中对象与方式相近的任务为一个联合任务（第七条第三项）',
    access: PLAN_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ taskIds: z.array(Id).min(2).max(10), planId: Id, name: z.string().trim().min(1).max(100) }),
    output: TaskDto,
  }),
  'tasks.previewPopulation': method({
    summary: '预览抽查范围：各分层对象数、按比例应抽数、排除对象',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ id: Id }),
    output: PopulationPreviewDto,
  }),
};
