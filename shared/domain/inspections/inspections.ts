/**
 * Inspections after the draw: methods, states, results, review, publication and follow-up. Pure rules,
 * shared by the core (which enforces them) and the UI (which explains them). Facts: domain-reference
 * §1 (result categories, follow-up measures), §2.1 (methods), §2.3 (signing), §8 (publication);
 * shenyang-spot-check-rules.txt Arts. 14–17.
 */
import type { InspectionMethod } from '../items';
import type { Role } from '../roles';

/* ---------- states ---------- */

/**
 * 待检查 → 检查中 → 待录入 → 待复核 → 已复核 → 已公示. A returned result goes back to 待录入 with the
 * reviewer's comment. Follow-up (Art. 17) is a separate dimension: see FOLLOW_UP_STATUSES.
 */
export const INSPECTION_STATUSES = ['pending', 'in_progress', 'awaiting_entry', 'awaiting_review', 'reviewed', 'published'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_STATUS_LABELS = {
  pending: '待检查',
  in_progress: '检查中',
  awaiting_entry: '待录入',
  awaiting_review: '待复核',
  reviewed: '已复核',
  published: '已公示',
} as const satisfies Record<InspectionStatus, string>;

/** 后续处置: none needed, open (the volume stays open), closed with a date. */
export const FOLLOW_UP_STATUSES = ['none', 'open', 'closed'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export const FOLLOW_UP_STATUS_LABELS = { none: '无需后续处置', open: '未完结', closed: '已完结' } as const satisfies Record<FollowUpStatus, string>;

/* ---------- methods (§2.1): the item list's vocabulary, shared/domain/items.ts ---------- */

export { INSPECTION_METHODS, INSPECTION_METHOD_LABELS, type InspectionMethod } from '../items';
/** The national platform's 核查方式 codes. */
export const INSPECTION_METHOD_PLATFORM_CODES = {
  on_site: '1',
  written: '2',
  other_dept: '3',
  sampling: '4',
  online: '5',
  expert: '6',
} as const satisfies Record<InspectionMethod, string>;

/* ---------- result categories (§1.1) ---------- */

export const RESULT_CATEGORIES = [
  'no_problem',
  'unpublished_info',
  'false_info',
  'unreachable',
  'obstructed',
  'no_activity',
  'corrected',
  'pending_follow_up',
  'deregistered',
  'revoked',
  'cancelled',
  'moved_out',
  'closed_or_liquidating',
] as const;
export type ResultCategory = (typeof RESULT_CATEGORIES)[number];

export const RESULT_CATEGORY_LABELS = {
  no_problem: '未发现问题',
  unpublished_info: '未按规定公示应当公示的信息',
  false_info: '公示信息隐瞒真实情况、弄虚作假',
  unreachable: '通过登记的住所（经营场所）无法联系',
  obstructed: '不配合检查情节严重',
  no_activity: '未发现开展本次抽查涉及的经营活动',
  corrected: '发现问题已责令改正',
  pending_follow_up: '发现问题待后续处理',
  deregistered: '已办理注销登记',
  revoked: '被吊销',
  cancelled: '被撤销',
  moved_out: '迁出',
  closed_or_liquidating: '已关闭停业或正在组织清算',
} as const satisfies Record<ResultCategory, string>;

/** §1.1 "Follow-up?" column: these results keep the inspection (and its volume) open until closed. */
export const RESULT_NEEDS_FOLLOW_UP = {
  no_problem: false,
  unpublished_info: true,
  false_info: true,
  unreachable: true,
  obstructed: true,
  no_activity: false,
  corrected: false,
  pending_follow_up: true,
  deregistered: false,
  revoked: false,
  cancelled: false,
  moved_out: false,
  closed_or_liquidating: false,
} as const satisfies Record<ResultCategory, boolean>;

/** Results that say nothing was wrong or the subject is gone: they cannot be combined with a problem. */
const NO_FINDING: readonly ResultCategory[] = ['no_problem', 'no_activity', 'deregistered', 'revoked', 'cancelled', 'moved_out', 'closed_or_liquidating'];
/** Results that report a problem. */
const PROBLEM: readonly ResultCategory[] = ['unpublished_info', 'false_info', 'unreachable', 'obstructed', 'corrected', 'pending_follow_up'];

/* ---------- follow-up measures (§1.3) ---------- */

export const FOLLOW_UP_MEASURES = ['none_needed', 'refer_daily', 'order_correction', 'case_transfer', 'notify_other_dept', 'other'] as const;
export type FollowUpMeasure = (typeof FOLLOW_UP_MEASURES)[number];
export const FOLLOW_UP_MEASURE_LABELS = {
  none_needed: '未发现问题或相关问题已规范、已改正，无需后续处置',
  refer_daily: '停止检查，反馈至日常监管部门依法依规处理',
  order_correction: '违反本部门相关规定，责令改正；后续跟踪由日常监管部门负责',
  case_transfer: '发现案件线索，初步固定相关证据后移送办案机构依法依规处理',
  notify_other_dept: '违反其他部门相关规定，抄告相关部门',
  other: '其他',
} as const satisfies Record<FollowUpMeasure, string>;

/* ---------- signing of the registration form (§2.3, Art. 14(3)) ---------- */

export const SIGNING_STATUSES = ['signed', 'refused', 'absent'] as const;
export type SigningStatus = (typeof SIGNING_STATUSES)[number];
export const SIGNING_STATUS_LABELS = { signed: '当事人已签字（盖章）', refused: '当事人拒绝签字', absent: '当事人不在场' } as const satisfies Record<SigningStatus, string>;

/* ---------- publication (§8, Art. 16) ---------- */

export const PUBLICATION_PLATFORMS = ['gsxt', 'credit_china', 'internet_plus'] as const;
export type PublicationPlatform = (typeof PUBLICATION_PLATFORMS)[number];
export const PUBLICATION_PLATFORM_LABELS = {
  gsxt: '国家企业信用信息公示系统（辽宁）',
  credit_china: '信用中国（辽宁沈阳）',
  internet_plus: '国家“互联网+监管”系统',
} as const satisfies Record<PublicationPlatform, string>;

/** Art. 16: what is never published. A whole result or one remark may be withheld for one of these. */
export const NON_PUBLIC_REASONS = ['state_secret', 'trade_secret', 'privacy'] as const;
export type NonPublicReason = (typeof NON_PUBLIC_REASONS)[number];
export const NON_PUBLIC_REASON_LABELS = { state_secret: '国家秘密', trade_secret: '商业秘密', privacy: '个人隐私' } as const satisfies Record<NonPublicReason, string>;

/* ---------- correction orders (Art. 17) ---------- */

export const CORRECTION_STATUSES = ['open', 'corrected', 'not_corrected', 'handed_over'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];
export const CORRECTION_STATUS_LABELS = { open: '整改期内', corrected: '复查已改正', not_corrected: '复查未改正', handed_over: '已移交属地处理' } as const satisfies Record<CorrectionStatus, string>;

/* ---------- who may do what (checked in the core) ---------- */

/** Plan the inspection (methods, dates, members) and move it along before results: clerks and the inspectors. */
export const INSPECTION_EDITORS = ['admin', 'clerk', 'inspector'] as const satisfies readonly Role[];
/** Enter results: an inspector who is a member of that inspection (谁检查、谁录入); checked per inspection too. */
export const RESULT_ENTRANTS = ['inspector'] as const satisfies readonly Role[];
/** Review results: the reviewer role, never the user who entered them (谁复核、谁负责). */
export const RESULT_REVIEWERS = ['reviewer'] as const satisfies readonly Role[];
/** Publish (谁检查谁公示: only the inspecting bureau) and manage follow-up. */
export const PUBLISHERS = ['admin', 'clerk', 'reviewer'] as const satisfies readonly Role[];

/* ---------- result consistency ---------- */

export type ResultDraft = {
  categories: readonly ResultCategory[];
  measures: readonly FollowUpMeasure[];
  measureOther: string | null;
};

/** What is wrong with a result set, as Chinese sentences (empty: consistent). */
export function resultProblems(r: ResultDraft): string[] {
  const out: string[] = [];
  if (r.categories.length === 0) out.push('请至少选择一项检查结果');
  if (new Set(r.categories).size !== r.categories.length) out.push('检查结果有重复项');
  const noFinding = r.categories.filter((c) => NO_FINDING.includes(c));
  const problem = r.categories.filter((c) => PROBLEM.includes(c));
  if (noFinding.length > 0 && problem.length > 0) {
    out.push(`“${RESULT_CATEGORY_LABELS[noFinding[0]!]}”不能与“${RESULT_CATEGORY_LABELS[problem[0]!]}”同时选择`);
  }
  if (noFinding.length > 1) out.push('“未发现问题”“未发现开展经营活动”及主体状态类结果只能选择一项');
  const follow = needsFollowUp(r.categories);
  const active = r.measures.filter((m) => m !== 'none_needed');
  if (follow && active.length === 0) out.push('检查结果需要后续处置，请选择后续处置措施');
  if (r.measures.includes('none_needed') && active.length > 0) out.push('“无需后续处置”不能与其他处置措施同时选择');
  if (!follow && active.length === 0 && r.measures.length === 0) out.push('请选择后续处置措施（无需处置时选择“无需后续处置”）');
  if (r.measures.includes('other') && !(r.measureOther ?? '').trim()) out.push('选择“其他”处置措施时请填写具体内容');
  return out;
}

/** Whether any of the results keeps the inspection open for follow-up (§1.1). */
export function needsFollowUp(categories: readonly ResultCategory[]): boolean {
  return categories.some((c) => RESULT_NEEDS_FOLLOW_UP[c]);
}

/** The follow-up state a reviewed result starts with. Measures other than "none needed" also open it. */
export function initialFollowUp(r: Pick<ResultDraft, 'categories' | 'measures'>): FollowUpStatus {
  return needsFollowUp(r.categories) || r.measures.some((m) => m !== 'none_needed') ? 'open' : 'none';
}

/** The overall result as published (§8.1 "结果"): the labels joined with 、. */
export function overallResultText(categories: readonly ResultCategory[]): string {
  return [...categories].sort((a, b) => RESULT_CATEGORIES.indexOf(a) - RESULT_CATEGORIES.indexOf(b)).map((c) => RESULT_CATEGORY_LABELS[c]).join('、');
}

/** Signing status is complete: signed, or refused/absent with a reason and a witness (name and ID). */
export function signingProblems(s: { status: SigningStatus | null; reason: string | null; witnessName: string | null; witnessIdNo: string | null }): string[] {
  if (s.status === null) return ['请先登记行政检查登记表的签字情况'];
  if (s.status === 'signed') return [];
  const out: string[] = [];
  if (!(s.reason ?? '').trim()) out.push(s.status === 'refused' ? '当事人拒绝签字的，请填写拒签理由' : '当事人不在场的，请填写原因');
  if (!(s.witnessName ?? '').trim()) out.push('请填写见证人姓名');
  if (!(s.witnessIdNo ?? '').trim()) out.push('请填写见证人身份证件号码');
  return out;
}
