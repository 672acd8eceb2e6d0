import { z } from 'zod';
import { CREDIT_CLASSES, REG_STATUSES, RISK_LEVELS, SUBJECT_KINDS } from '../domain/targets';
import { Id, pageOf, Paging } from './common';
import { method } from './method';

const optText = (max: number) => z.string().trim().max(max).nullable().optional();

export const TargetFields = {
  kind: z.enum(SUBJECT_KINDS),
  /** 统一社会信用代码 or 15-digit 注册号; required for market subjects. */
  creditCode: z.string().trim().max(40).nullable().optional(),
  /** For non-market subjects (products, projects, behaviours): an identifier and a description. */
  identifier: optText(60),
  description: optText(500),
  name: z.string().trim().min(1, '请填写名称').max(200),
  legalRep: optText(60),
  address: optText(300),
  registrationBureauId: Id.nullable().optional(),
  territorialBureauId: Id,
  industry: optText(100),
  riskLevel: z.enum(RISK_LEVELS).nullable().optional(),
  creditClass: z.enum(CREDIT_CLASSES).nullable().optional(),
  regStatus: z.enum(REG_STATUSES).default('active'),
};

export const TargetDto = z.object({
  id: Id,
  kind: z.enum(SUBJECT_KINDS),
  creditCode: z.string().nullable(),
  identifier: z.string().nullable(),
  description: z.string().nullable(),
  name: z.string(),
  legalRep: z.string().nullable(),
  address: z.string().nullable(),
  registrationBureauId: Id.nullable(),
  territorialBureauId: Id,
  industry: z.string().nullable(),
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  creditClass: z.enum(CREDIT_CLASSES).nullable(),
  regStatus: z.enum(REG_STATUSES),
  /** Warnings that did not block saving (e.g. USCC_ORG_CODE_MISMATCH). */
  warnings: z.array(z.string()),
  /** Item applicability tags (分类标注): ids of inspection items this target is marked for. */
  tags: z.array(Id),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TargetDto = z.infer<typeof TargetDto>;

export const TargetCreateInput = z.strictObject(TargetFields);
export type TargetCreateInput = z.infer<typeof TargetCreateInput>;

export const TargetUpdateInput = z.strictObject({ id: Id, expectedVersion: z.number().int(), ...TargetFields });
export type TargetUpdateInput = z.infer<typeof TargetUpdateInput>;

/** The directory filters, shared by the list, bulk tagging and export. */
export const TargetFilter = {
  bureauId: Id.optional(),
  query: z.string().trim().max(100).optional(),
  kind: z.enum(SUBJECT_KINDS).optional(),
  industry: z.string().trim().max(100).optional(),
  riskLevel: z.enum(RISK_LEVELS).optional(),
  creditClass: z.enum(CREDIT_CLASSES).optional(),
  regStatus: z.enum(REG_STATUSES).optional(),
  /** Targets tagged with this inspection item. */
  tagItemId: Id.optional(),
};
export const TargetFilterInput = z.strictObject(TargetFilter);
export type TargetFilterInput = z.infer<typeof TargetFilterInput>;

export const TargetListInput = z.strictObject({ ...TargetFilter, ...Paging });
export type TargetListInput = z.input<typeof TargetListInput>;

export const HistoryEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorLogin: z.string().nullable(),
  action: z.string(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const TargetPage = pageOf(TargetDto).extend({
  /** Text searches count at most 10,000 matches; true when there are more. */
  totalCapped: z.boolean(),
});

export const targetsMethods = {
  'targets.list': method({
    summary: '检查对象名录（分页，可按名称或代码搜索，可按单位、类型、行业、风险、信用、状态、分类标注筛选）',
    access: 'any',
    scope: 'bureau',
    input: TargetListInput,
    output: TargetPage,
  }),
  'targets.industries': method({
    summary: '名录中出现过的行业（筛选用）',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ bureauId: Id.optional() }),
    output: z.array(z.object({ industry: z.string(), count: z.number().int() })),
  }),
  'targets.setTags': method({
    summary: '设置一个检查对象的分类标注（适用的抽查事项）',
    access: ['admin', 'clerk'],
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, itemIds: z.array(Id).max(500) }),
    output: TargetDto,
  }),
  'targets.tagBulk': method({
    summary: '按筛选条件批量添加或移除分类标注（后台任务）',
    access: ['admin', 'clerk'],
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ filter: TargetFilterInput, itemIds: z.array(Id).min(1).max(50), action: z.enum(['add', 'remove']) }),
    output: z.object({ jobId: Id }),
  }),
  'targets.export': method({
    summary: '按筛选条件导出名录（CSV 带 BOM 或 XLSX，后台任务，文件写入 exports/）',
    access: 'any',
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ filter: TargetFilterInput, format: z.enum(['csv', 'xlsx']) }),
    output: z.object({ jobId: Id }),
  }),
  'targets.get': method({ summary: '检查对象详情', access: 'any', scope: 'bureau', input: z.strictObject({ id: Id }), output: TargetDto }),
  'targets.create': method({
    summary: '新增检查对象',
    access: ['admin', 'clerk'],
    scope: 'bureau',
    mutates: true,
    input: TargetCreateInput,
    output: TargetDto,
  }),
  'targets.update': method({
    summary: '修改检查对象（乐观锁：expectedVersion）',
    access: ['admin', 'clerk'],
    scope: 'bureau',
    mutates: true,
    input: TargetUpdateInput,
    output: TargetDto,
  }),
  'targets.history': method({
    summary: '检查对象的变更历史（来自审计日志）',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ id: Id }),
    output: z.array(HistoryEntry),
  }),
};
