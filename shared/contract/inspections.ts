import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { DRAW_PURPOSES } from '../domain/draws/draw-record';
import {
  CORRECTION_STATUSES,
  FOLLOW_UP_MEASURES,
  FOLLOW_UP_STATUSES,
  INSPECTION_EDITORS,
  INSPECTION_METHODS,
  INSPECTION_STATUSES,
  NON_PUBLIC_REASONS,
  PUBLICATION_PLATFORMS,
  PUBLISHERS,
  RESULT_CATEGORIES,
  RESULT_ENTRANTS,
  RESULT_REVIEWERS,
  SIGNING_STATUSES,
} from '../domain/inspections/inspections';
import { Id, pageOf } from './common';
import { method } from './method';

const isoDate = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD');
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().default(null);
const Version = z.number().int().min(1);

/* ---------- deadlines ---------- */

export const DeadlineDto = z.object({
  /** 'entry': result entry (10 working days from the inspection's end); 'publication': 10 from the result;
   *  'order_publication': 7 from a correction order; 'correction': the order's own time limit. */
  kind: z.enum(['entry', 'publication', 'order_publication', 'correction']),
  due: z.string(),
  status: z.enum(['ok', 'due_soon', 'overdue', 'met']),
  /** Working days in (today, due]; negative once overdue; null once met. */
  workdaysLeft: z.number().int().nullable(),
  /** False: a year without holiday data lies in the period (Mon–Fri was assumed) — show a warning. */
  calendarCovered: z.boolean(),
  /** The date it was met (result submitted, published, corrected …), if it was. */
  metOn: z.string().nullable(),
});
export type DeadlineDto = z.infer<typeof DeadlineDto>;

/* ---------- inspections ---------- */

export const InspectionSummaryDto = z.object({
  id: Id,
  taskId: Id,
  taskTitle: z.string(),
  planTitle: z.string(),
  purpose: z.enum(DRAW_PURPOSES),
  year: z.number().int(),
  targetId: Id,
  targetName: z.string(),
  /** 统一社会信用代码, or the identifier of a non-market subject. */
  targetCode: z.string(),
  inspectingBureauId: Id,
  inspectingBureauName: z.string(),
  status: z.enum(INSPECTION_STATUSES),
  followUpStatus: z.enum(FOLLOW_UP_STATUSES),
  methods: z.array(z.enum(INSPECTION_METHODS)),
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  /** Inspector names in order (the first leads). */
  inspectorNames: z.array(z.string()),
  /** The deadline that matters now (the nearest one not yet met), if any. */
  nextDeadline: DeadlineDto.nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type InspectionSummaryDto = z.infer<typeof InspectionSummaryDto>;

export const InspectionMemberDto = z.object({
  kind: z.enum(['inspector', 'expert']),
  memberId: Id,
  name: z.string(),
  /** 执法证号 (inspectors) or organisation (experts). */
  certNo: z.string().nullable(),
  enforcementQualified: z.boolean(),
  /** The user account linked to this inspector, if any (who may enter results). */
  userId: Id.nullable(),
});
export type InspectionMemberDto = z.infer<typeof InspectionMemberDto>;

export const MemberChangeDto = z.object({
  id: Id,
  before: z.array(z.string()),
  after: z.array(z.string()),
  reason: z.string(),
  changedBy: Id.nullable(),
  changedByName: z.string().nullable(),
  changedAt: z.string(),
});
export type MemberChangeDto = z.infer<typeof MemberChangeDto>;

export const SigningDto = z.object({
  status: z.enum(SIGNING_STATUSES),
  reason: z.string().nullable(),
  witnessName: z.string().nullable(),
  witnessIdNo: z.string().nullable(),
  recordedBy: Id.nullable(),
  recordedAt: z.string(),
  /** The scanned signed form, once it comes back from the scanner: the volume entry it was imported as (type 登记表). */
  scanDocumentId: Id.nullable(),
});
export type SigningDto = z.infer<typeof SigningDto>;

export const ItemResultDto = z.object({
  itemId: Id,
  itemName: z.string(),
  /** 是否检查 */
  checked: z.boolean(),
  /** 发现问题情况 */
  finding: z.string().nullable(),
  /** 处置情况 */
  handling: z.string().nullable(),
});
export type ItemResultDto = z.infer<typeof ItemResultDto>;

export const ResultDto = z.object({
  categories: z.array(z.enum(RESULT_CATEGORIES)),
  measures: z.array(z.enum(FOLLOW_UP_MEASURES)),
  measureOther: z.string().nullable(),
  /** 检查情况 (free text, internal). */
  summary: z.string().nullable(),
  items: z.array(ItemResultDto),
  /** 备注 as published; withheld when remarkNonPublic is set. */
  remark: z.string().nullable(),
  remarkNonPublic: z.enum(NON_PUBLIC_REASONS).nullable(),
  /** The whole result is never published (Art. 16), with the reason and a note. */
  nonPublic: z.enum(NON_PUBLIC_REASONS).nullable(),
  nonPublicNote: z.string().nullable(),
  enteredBy: Id.nullable(),
  enteredByName: z.string().nullable(),
  enteredAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** The day the result was formed (review approved) — publication counts from here. */
  formedOn: z.string().nullable(),
});
export type ResultDto = z.infer<typeof ResultDto>;

export const ReviewDto = z.object({
  id: Id,
  decision: z.enum(['approve', 'return']),
  comment: z.string().nullable(),
  reviewerId: Id,
  reviewerName: z.string(),
  reviewedAt: z.string(),
});
export type ReviewDto = z.infer<typeof ReviewDto>;

export const CorrectionDto = z.object({
  id: Id,
  inspectionId: Id,
  /** 责令改正的内容 */
  content: z.string(),
  issuedOn: z.string(),
  /** 改正期限 */
  deadlineOn: z.string(),
  status: z.enum(CORRECTION_STATUSES),
  recheckOn: z.string().nullable(),
  recheckNote: z.string().nullable(),
  handedToBureauId: Id.nullable(),
  handedToBureauName: z.string().nullable(),
  handedOn: z.string().nullable(),
  /** The generated 责令改正通知书, if rendered. */
  documentId: Id.nullable(),
  /** The order's own publication (Art. 16: within 7 working days of the decision). */
  publishedOn: z.string().nullable(),
  createdAt: z.string(),
});
export type CorrectionDto = z.infer<typeof CorrectionDto>;

export const PublicationDto = z.object({
  publishedOn: z.string(),
  platforms: z.array(z.enum(PUBLICATION_PLATFORMS)),
  publishedBy: Id.nullable(),
  publishedByName: z.string().nullable(),
});
export type PublicationDto = z.infer<typeof PublicationDto>;

export const InspectionDto = InspectionSummaryDto.extend({
  planId: Id,
  taskNo: z.string().nullable(),
  /** Executing bureau's 文号简称 etc. are on the documents; here the custody bureau of the volume. */
  volumeId: Id.nullable(),
  custodyBureauName: z.string().nullable(),
  target: z.object({
    name: z.string(),
    creditCode: z.string().nullable(),
    identifier: z.string().nullable(),
    legalRep: z.string().nullable(),
    address: z.string().nullable(),
    kind: z.string(),
  }),
  items: z.array(z.object({ id: Id, name: z.string(), category: z.string(), basis: z.string().nullable() })),
  members: z.array(InspectionMemberDto),
  memberChanges: z.array(MemberChangeDto),
  /** Art. 14(3): other departments' results or professional conclusions relied on. */
  reuseNote: z.string().nullable(),
  signing: SigningDto.nullable(),
  result: ResultDto.nullable(),
  reviews: z.array(ReviewDto),
  corrections: z.array(CorrectionDto),
  publication: PublicationDto.nullable(),
  followUpClosedOn: z.string().nullable(),
  followUpNote: z.string().nullable(),
  deadlines: z.array(DeadlineDto),
});
export type InspectionDto = z.infer<typeof InspectionDto>;

export const InspectionFilter = z.strictObject({
  bureauId: Id.optional(),
  taskId: Id.optional(),
  status: z.enum(INSPECTION_STATUSES).optional(),
  followUpStatus: z.enum(FOLLOW_UP_STATUSES).optional(),
  /** Only inspections with a deadline due soon or overdue (the bureau's "due soon / overdue" list). */
  due: z.enum(['due_soon', 'overdue', 'attention']).optional(),
  /** Inspections the caller is a member of (an inspector's own list). */
  mine: z.boolean().optional(),
  q: text(100).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
});

const byId = z.strictObject({ id: Id, version: Version });

export const inspectionsMethods = {
  'inspections.list': method({
    summary: '检查任务（每个抽中对象一条）：状态、期限倒计时；可筛选临期 / 逾期',
    access: 'any',
    scope: 'bureau',
    input: InspectionFilter,
    output: pageOf(InspectionSummaryDto),
  }),
  'inspections.get': method({
    summary: '检查任务详情：对象、事项、人员及变更、签字情况、结果与复核、整改、公示、期限',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ id: Id }),
    output: InspectionDto,
  }),
  'inspections.update': method({
    summary: '设置检查方式、计划检查日期与借用其他部门检查结果的说明（录入结果前）',
    access: INSPECTION_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: byId.extend({
      methods: z.array(z.enum(INSPECTION_METHODS)).min(1, '请至少选择一种检查方式').max(6),
      plannedStart: isoDate.nullable(),
      plannedEnd: isoDate.nullable(),
      reuseNote: optionalText(1000),
    }),
    output: InspectionDto,
  }),
  'inspections.changeMembers': method({
    summary: '调整检查人员（须说明原因；至少两名执法人员，回避与请假规则照常检查），变更留痕',
    access: INSPECTION_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: byId.extend({
      inspectorIds: z.array(Id).min(2, '至少需要两名执法检查人员').max(10),
      expertIds: z.array(Id).max(10).default([]),
      reason: text(500).min(1, '请填写调整原因'),
    }),
    output: InspectionDto,
  }),
  'inspections.start': method({
    summary: '开始检查（待检查 → 检查中）',
    access: INSPECTION_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: byId.extend({ startedOn: isoDate }),
    output: InspectionDto,
  }),
  'inspections.finish': method({
    summary: '检查结束（检查中 → 待录入），自结束之日起计算 10 个工作日录入期限',
    access: INSPECTION_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: byId.extend({ endedOn: isoDate }),
    output: InspectionDto,
  }),
  'inspections.setSigning': method({
    summary: '登记行政检查登记表签字情况：已签字，或拒签 / 不在场（须填原因与见证人姓名、证件号）',
    access: INSPECTION_EDITORS,
    scope: 'bureau',
    mutates: true,
    input: byId.extend({
      status: z.enum(SIGNING_STATUSES),
      reason: optionalText(500),
      witnessName: optionalText(50),
      witnessIdNo: optionalText(30),
    }),
    output: InspectionDto,
  }),
  'inspections.saveResult': method({
    summary: '录入（暂存）检查结果：结果类别可多选、分事项结果、后续处置措施、不予公开标记（谁检查、谁录入）',
    access: RESULT_ENTRANTS,
    scope: 'bureau',
    mutates: true,
    input: byId.extend({
      categories: z.array(z.enum(RESULT_CATEGORIES)).max(RESULT_CATEGORIES.length),
      measures: z.array(z.enum(FOLLOW_UP_MEASURES)).max(FOLLOW_UP_MEASURES.length),
      measureOther: optionalText(200),
      summary: optionalText(4000),
      items: z.array(z.strictObject({ itemId: Id, checked: z.boolean(), finding: optionalText(2000), handling: optionalText(2000) })).max(200),
      remark: optionalText(500),
      remarkNonPublic: z.enum(NON_PUBLIC_REASONS).nullable().default(null),
      nonPublic: z.enum(NON_PUBLIC_REASONS).nullable().default(null),
      nonPublicNote: optionalText(500),
    }),
    output: InspectionDto,
  }),
  'inspections.submitResult': method({
    summary: '提交复核（待录入 → 待复核）：须已登记签字情况且结果完整一致',
    access: RESULT_ENTRANTS,
    scope: 'bureau',
    mutates: true,
    input: byId,
    output: InspectionDto,
  }),
  'inspections.review': method({
    summary: '复核检查结果：通过（结果形成，开始计算公示期限）或退回录入人并附意见；录入人不得复核（谁复核、谁负责）',
    access: RESULT_REVIEWERS,
    scope: 'bureau',
    mutates: true,
    input: byId.extend({ decision: z.enum(['approve', 'return']), comment: optionalText(1000) }),
    output: InspectionDto,
  }),
  'inspections.addCorrection': method({
    summary: '责令限期改正：内容、下达日期、改正期限（作出决定后 7 个工作日内公示）',
    access: PUBLISHERS,
    scope: 'bureau',
    mutates: true,
    input: byId.extend({ content: text(2000).min(1, '请填写责令改正的内容'), issuedOn: isoDate, deadlineOn: isoDate }),
    output: InspectionDto,
  }),
  'inspections.recheck': method({
    summary: '整改复查：已改正 / 未改正（未改正的可移交有管辖权的单位处理）',
    access: PUBLISHERS,
    scope: 'bureau',
    mutates: true,
    input: byId.extend({ correctionId: Id, recheckOn: isoDate, corrected: z.boolean(), note: optionalText(1000) }),
    output: InspectionDto,
  }),
  'inspections.handOver': method({
    summary: '逾期未改正的移交有管辖权的单位后续处理',
    access: PUBLISHERS,
    scope: 'bureau',
    mutates: true,
    // Not `bureauId`: that name is checked against the caller's own subtree, and the bureau with
    // jurisdiction is often another district.
    input: byId.extend({ correctionId: Id, toBureauId: Id, handedOn: isoDate, note: optionalText(1000) }),
    output: InspectionDto,
  }),
  'inspections.publishCorrection': method({
    summary: '登记责令改正决定已公示（作出决定后 7 个工作日内）；谁检查谁公示',
    access: PUBLISHERS,
    scope: 'bureau',
    mutates: true,
    input: byId.extend({ correctionId: Id, publishedOn: isoDate }),
    output: InspectionDto,
  }),
  'inspections.closeFollowUp': method({
    summary: '后续处置完结（记录完结日期）；专卷在完结前保持未结',
    access: PUBLISHERS,
    scope: 'bureau',
    mutates: true,
    input: byId.extend({ closedOn: isoDate, note: optionalText(1000) }),
    output: InspectionDto,
  }),
};
