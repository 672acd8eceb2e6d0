import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { EXPERT_STATUSES, GENDERS, INSPECTOR_STATUSES } from '../domain/inspectors';
import { Id, Ok, pageOf, Paging } from './common';
import { HistoryEntry } from './targets';
import { method } from './method';

const optText = (max: number) => z.string().trim().max(max).nullable().optional();
const isoDate = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD');
const tags = z.array(z.string().trim().max(50)).max(30).default([]);
const WRITERS = ['admin', 'clerk'] as const;

/* ---------- inspectors (执法检查人员名录库) ---------- */

export const InspectorFields = {
  bureauId: Id,
  name: z.string().trim().min(1, '请填写姓名').max(40),
  gender: z.enum(GENDERS).nullable().optional(),
  /** Last four characters of the ID number only; the full number is never stored. */
  idSuffix: optText(4),
  /** 执法证号: letters and digits, 6–30 (checked in the core: INSPECTOR_CERT_FORMAT). */
  certNo: optText(40),
  certValidFrom: isoDate.nullable().optional(),
  certValidTo: isoDate.nullable().optional(),
  /** 执法资格; defaults to true when a 执法证号 is given. */
  enforcementQualified: z.boolean().optional(),
  /** 业务条线 (食品、特种设备 …). */
  businessLines: tags,
  /** 专长 (特种设备、计量 …). */
  expertise: tags,
  /** 负责区域 / 网格 / 所. */
  region: optText(100),
  phone: optText(30),
  status: z.enum(INSPECTOR_STATUSES).default('active'),
  /** The casebinder account of this inspector, if any. */
  userId: Id.nullable().optional(),
};

export const InspectorDto = z.object({
  id: Id,
  bureauId: Id,
  name: z.string(),
  gender: z.enum(GENDERS).nullable(),
  idSuffix: z.string().nullable(),
  certNo: z.string().nullable(),
  certValidFrom: z.string().nullable(),
  certValidTo: z.string().nullable(),
  enforcementQualified: z.boolean(),
  businessLines: z.array(z.string()),
  expertise: z.array(z.string()),
  region: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(INSPECTOR_STATUSES),
  userId: Id.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InspectorDto = z.infer<typeof InspectorDto>;

/** A period the inspector is away (休假、培训、借调、病假 …), both days inclusive. */
export const AbsenceDto = z.object({ id: Id, inspectorId: Id, fromDate: z.string(), toDate: z.string(), reason: z.string() });
export type AbsenceDto = z.infer<typeof AbsenceDto>;

/** An inspector who must not inspect a target (回避). */
export const RecusalDto = z.object({
  id: Id,
  inspectorId: Id,
  inspectorName: z.string(),
  targetId: Id,
  targetName: z.string(),
  reason: z.string(),
  createdBy: Id.nullable(),
  createdAt: z.string(),
});
export type RecusalDto = z.infer<typeof RecusalDto>;

export const InspectorDetailDto = InspectorDto.extend({ absences: z.array(AbsenceDto), recusals: z.array(RecusalDto) });
export type InspectorDetailDto = z.infer<typeof InspectorDetailDto>;

export const InspectorCreateInput = z.strictObject(InspectorFields);
export type InspectorCreateInput = z.infer<typeof InspectorCreateInput>;

export const InspectorUpdateInput = z.strictObject({ id: Id, expectedVersion: z.number().int(), ...InspectorFields });
export type InspectorUpdateInput = z.infer<typeof InspectorUpdateInput>;

/** The directory filters, shared by the list and the export. */
const inspectorFilter = {
  bureauId: Id.optional(),
  /** Part of the name or the 执法证号. */
  query: z.string().trim().max(60).optional(),
  qualified: z.boolean().optional(),
  businessLine: z.string().trim().min(1).max(50).optional(),
  expertise: z.string().trim().min(1).max(50).optional(),
  status: z.enum(INSPECTOR_STATUSES).optional(),
  /** Certificates that end before this day (already expired ones included). */
  certExpiringBefore: isoDate.optional(),
};
export const InspectorFilterInput = z.strictObject(inspectorFilter);
export type InspectorFilterInput = z.infer<typeof InspectorFilterInput>;

export const InspectorListInput = z.strictObject({ ...inspectorFilter, ...Paging });
export type InspectorListInput = z.input<typeof InspectorListInput>;

export const AbsenceAddInput = z.strictObject({
  inspectorId: Id,
  fromDate: isoDate,
  toDate: isoDate,
  reason: z.string().trim().min(1, '请填写原因').max(100),
});
export type AbsenceAddInput = z.infer<typeof AbsenceAddInput>;

export const inspectorsMethods = {
  'inspectors.list': method({ summary: '执法检查人员名录（分页，可筛选）', access: 'any', scope: 'bureau', input: InspectorListInput, output: pageOf(InspectorDto) }),
  'inspectors.get': method({ summary: '执法检查人员详情（含不在岗期间和回避）', access: 'any', scope: 'bureau', input: z.strictObject({ id: Id }), output: InspectorDetailDto }),
  'inspectors.create': method({ summary: '新增执法检查人员', access: WRITERS, scope: 'bureau', mutates: true, input: InspectorCreateInput, output: InspectorDto }),
  'inspectors.update': method({
    summary: '修改执法检查人员（乐观锁：expectedVersion）',
    access: WRITERS,
    scope: 'bureau',
    mutates: true,
    input: InspectorUpdateInput,
    output: InspectorDto,
  }),
  'inspectors.setStatus': method({
    summary: '设置在岗 / 离岗',
    access: WRITERS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, status: z.enum(INSPECTOR_STATUSES), expectedVersion: z.number().int().optional() }),
    output: InspectorDto,
  }),
  'inspectors.addAbsence': method({
    summary: '登记不在岗期间（休假、培训、借调等）；与已有期间重叠时照常保存并列出重叠的期间',
    access: WRITERS,
    scope: 'bureau',
    mutates: true,
    input: AbsenceAddInput,
    output: z.object({ absence: AbsenceDto, overlaps: z.array(AbsenceDto) }),
  }),
  'inspectors.removeAbsence': method({ summary: '删除不在岗期间', access: WRITERS, scope: 'bureau', mutates: true, input: z.strictObject({ id: Id }), output: Ok }),
  'inspectors.export': method({
    summary: '按筛选条件导出执法检查人员名录（CSV 带 BOM 或 XLSX，列同导入模板，后台任务，文件写入 exports/）',
    access: 'any',
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ filter: InspectorFilterInput, format: z.enum(['csv', 'xlsx']) }),
    output: z.object({ jobId: Id }),
  }),
  'inspectors.history': method({ summary: '执法检查人员的变更历史', access: 'any', scope: 'bureau', input: z.strictObject({ id: Id }), output: z.array(HistoryEntry) }),
};

/* ---------- experts (非执法人员专家库) ---------- */

export const ExpertFields = {
  bureauId: Id,
  name: z.string().trim().min(1, '请填写姓名').max(40),
  organisation: optText(100),
  /** 专业领域. */
  field: z.string().trim().min(1, '请填写专业领域').max(100),
  /** 职称. */
  title: optText(40),
  phone: optText(30),
  /** An empty string (a cleared form field) means none. */
  email: z.union([z.literal(''), z.email('电子邮箱格式不正确').max(100)]).nullable().optional(),
  status: z.enum(EXPERT_STATUSES).default('active'),
};

export const ExpertDto = z.object({
  id: Id,
  bureauId: Id,
  name: z.string(),
  organisation: z.string().nullable(),
  field: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(EXPERT_STATUSES),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ExpertDto = z.infer<typeof ExpertDto>;

export const ExpertCreateInput = z.strictObject(ExpertFields);
export type ExpertCreateInput = z.infer<typeof ExpertCreateInput>;
export const ExpertUpdateInput = z.strictObject({ id: Id, expectedVersion: z.number().int(), ...ExpertFields });
export type ExpertUpdateInput = z.infer<typeof ExpertUpdateInput>;

export const ExpertListInput = z.strictObject({
  bureauId: Id.optional(),
  /** Part of the name, organisation or field. */
  query: z.string().trim().max(60).optional(),
  status: z.enum(EXPERT_STATUSES).optional(),
  ...Paging,
});
export type ExpertListInput = z.input<typeof ExpertListInput>;

export const expertsMethods = {
  'experts.list': method({ summary: '专家库（分页，可搜索）', access: 'any', scope: 'bureau', input: ExpertListInput, output: pageOf(ExpertDto) }),
  'experts.get': method({ summary: '专家详情', access: 'any', scope: 'bureau', input: z.strictObject({ id: Id }), output: ExpertDto }),
  'experts.create': method({ summary: '新增专家', access: WRITERS, scope: 'bureau', mutates: true, input: ExpertCreateInput, output: ExpertDto }),
  'experts.update': method({ summary: '修改专家（乐观锁：expectedVersion）', access: WRITERS, scope: 'bureau', mutates: true, input: ExpertUpdateInput, output: ExpertDto }),
  'experts.history': method({ summary: '专家的变更历史', access: 'any', scope: 'bureau', input: z.strictObject({ id: Id }), output: z.array(HistoryEntry) }),
};

/* ---------- recusals (回避) ---------- */

const RECUSAL_WRITERS = ['admin', 'clerk', 'legal'] as const;
const reason = z.string().trim().min(1, '请填写原因').max(200);

export const RecusalListInput = z
  .strictObject({ inspectorId: Id.optional(), targetId: Id.optional() })
  .refine((v) => v.inspectorId !== undefined || v.targetId !== undefined, { message: '请指定检查人员或检查对象', path: ['inspectorId'] });

export const recusalsMethods = {
  'recusals.list': method({
    summary: '回避名单（按检查人员或检查对象；只列出本单位范围内的检查人员）',
    access: 'any',
    scope: 'bureau',
    input: RecusalListInput,
    output: z.array(RecusalDto),
  }),
  'recusals.add': method({
    summary: '登记回避（检查对象可属其他单位）',
    access: RECUSAL_WRITERS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ inspectorId: Id, targetId: Id, reason }),
    output: RecusalDto,
  }),
  'recusals.remove': method({
    summary: '撤销回避（须说明原因，记入审计日志）',
    access: RECUSAL_WRITERS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, reason }),
    output: Ok,
  }),
};
