import { z } from 'zod';
import { CUSTODY_RULES, INSPECTION_METHODS, ITEM_CLASSES, ITEM_LEVELS, ITEM_STATUSES, ITEM_TEXT_LIMITS as L } from '../domain/items';
import { Id, Ok, pageOf, Paging } from './common';
import { method } from './method';
import { HistoryEntry } from './targets';

const optText = (max: number) => z.string().trim().max(max).nullable().optional();
const BusinessLine = z.string().trim().min(1, '请填写业务条线').max(L.businessLine);

/** The fields of one item a person maintains (the list it belongs to is fixed at creation). */
export const ItemFields = {
  /** Stable item code; left empty, it is derived from 抽查类别 + 抽查事项. */
  code: optText(L.code),
  /** 序号 in the published list. */
  seq: z.number().int().min(1).max(99999).nullable().optional(),
  category: z.string().trim().min(1, '请填写抽查类别').max(L.category),
  name: z.string().trim().min(1, '请填写抽查事项').max(L.name),
  targetScope: optText(L.targetScope),
  itemClass: z.enum(ITEM_CLASSES),
  methods: z.array(z.enum(INSPECTION_METHODS)).max(INSPECTION_METHODS.length * 2).default([]),
  subject: optText(L.subject),
  basis: optText(L.basis),
  content: optText(L.content),
  ratioNote: optText(L.ratioNote),
  remark: optText(L.remark),
  custodyRule: z.enum(CUSTODY_RULES).default('territorial'),
};

export const ItemDto = z.object({
  id: Id,
  bureauId: Id,
  level: z.enum(ITEM_LEVELS),
  businessLine: z.string(),
  code: z.string(),
  seq: z.number().int().nullable(),
  category: z.string(),
  name: z.string(),
  targetScope: z.string().nullable(),
  itemClass: z.enum(ITEM_CLASSES),
  methods: z.array(z.enum(INSPECTION_METHODS)),
  subject: z.string().nullable(),
  basis: z.string().nullable(),
  content: z.string().nullable(),
  ratioNote: z.string().nullable(),
  remark: z.string().nullable(),
  custodyRule: z.enum(CUSTODY_RULES),
  status: z.enum(ITEM_STATUSES),
  retiredReason: z.string().nullable(),
  /** List version the item first appeared in, and the one that last changed it. */
  firstVersion: z.number().int(),
  lastVersion: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ItemDto = z.infer<typeof ItemDto>;

export const ItemListVersionDto = z.object({
  id: Id,
  bureauId: Id,
  level: z.enum(ITEM_LEVELS),
  businessLine: z.string(),
  version: z.number().int(),
  /** The imported file's name, or 手工维护. */
  source: z.string(),
  /** Active items in the list once this version was written. */
  itemCount: z.number().int(),
  createdBy: Id.nullable(),
  createdByLogin: z.string().nullable(),
  createdAt: z.string(),
});
export type ItemListVersionDto = z.infer<typeof ItemListVersionDto>;

export const BusinessLineDto = z.object({
  bureauId: Id,
  level: z.enum(ITEM_LEVELS),
  businessLine: z.string(),
  activeCount: z.number().int(),
  /** 0 when the list has no version yet. */
  latestVersion: z.number().int(),
});
export type BusinessLineDto = z.infer<typeof BusinessLineDto>;

export const ItemCreateInput = z.strictObject({
  bureauId: Id,
  /** Defaults to the bureau's own level. */
  level: z.enum(ITEM_LEVELS).optional(),
  businessLine: BusinessLine,
  ...ItemFields,
});
export type ItemCreateInput = z.infer<typeof ItemCreateInput>;

export const ItemUpdateInput = z.strictObject({ id: Id, expectedVersion: z.number().int(), ...ItemFields });
export type ItemUpdateInput = z.infer<typeof ItemUpdateInput>;

/** The list filters, shared by the list and the export. */
const itemFilter = {
  /** One bureau's lists; omitted: every bureau the caller may see. */
  bureauId: Id.optional(),
  level: z.enum(ITEM_LEVELS).optional(),
  businessLine: BusinessLine.optional(),
  itemClass: z.enum(ITEM_CLASSES).optional(),
  status: z.enum(ITEM_STATUSES).optional(),
  /** Contained in 抽查事项, 抽查类别 or the code. */
  query: z.string().trim().max(100).optional(),
};
export const ItemFilterInput = z.strictObject(itemFilter);
export type ItemFilterInput = z.infer<typeof ItemFilterInput>;

export const ItemListInput = z.strictObject({ ...itemFilter, ...Paging });
export type ItemListInput = z.input<typeof ItemListInput>;

export const ItemListRef = z.strictObject({ bureauId: Id, level: z.enum(ITEM_LEVELS), businessLine: BusinessLine });

export const itemsMethods = {
  'items.list': method({
    summary: '随机抽查事项清单（可按单位、层级、业务条线、事项类别、状态筛选，分页）',
    access: 'any',
    scope: 'bureau',
    input: ItemListInput,
    output: pageOf(ItemDto),
  }),
  'items.export': method({
    summary: '按筛选条件导出抽查事项清单（CSV 带 BOM 或 XLSX，列同导入模板，后台任务，文件写入 exports/）',
    access: 'any',
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ filter: ItemFilterInput, format: z.enum(['csv', 'xlsx']) }),
    output: z.object({ jobId: Id }),
  }),
  'items.get': method({ summary: '抽查事项详情', access: 'any', scope: 'bureau', input: z.strictObject({ id: Id }), output: ItemDto }),
  'items.create': method({
    summary: '新增抽查事项（清单版本加一，来源：手工维护）',
    access: ['admin', 'clerk'],
    scope: 'bureau',
    mutates: true,
    input: ItemCreateInput,
    output: ItemDto,
  }),
  'items.update': method({
    summary: '修改抽查事项（乐观锁：expectedVersion；清单版本加一）',
    access: ['admin', 'clerk'],
    scope: 'bureau',
    mutates: true,
    input: ItemUpdateInput,
    output: ItemDto,
  }),
  'items.retire': method({
    summary: '停用抽查事项（保留历史，不删除）',
    access: ['admin', 'clerk'],
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, reason: z.string().trim().min(1, '请填写停用原因').max(L.retiredReason) }),
    output: ItemDto,
  }),
  'items.delete': method({
    summary: '删除未被引用的抽查事项（被引用的只能停用）',
    access: ['admin', 'clerk'],
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id }),
    output: Ok,
  }),
  'items.history': method({
    summary: '抽查事项的变更历史（来自审计日志）',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ id: Id }),
    output: z.array(HistoryEntry),
  }),
  'items.versions': method({
    summary: '一份清单（单位、层级、业务条线）的版本记录，新版本在前',
    access: 'any',
    scope: 'bureau',
    input: ItemListRef,
    output: z.array(ItemListVersionDto),
  }),
  'items.businessLines': method({
    summary: '已有清单的业务条线（供筛选）',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ bureauId: Id.optional(), level: z.enum(ITEM_LEVELS).optional() }),
    output: z.array(BusinessLineDto),
  }),
};
