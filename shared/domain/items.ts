/** Inspection item list (随机抽查事项清单, "一单") vocabularies and pure helpers. */

/** 市级 lists are kept by the city bureau, 区县级 by each district bureau (rules Arts. 5–6). */
export const ITEM_LEVELS = ['city', 'district'] as const;
export type ItemLevel = (typeof ITEM_LEVELS)[number];
export const ITEM_LEVEL_LABELS = {
  city: '市级',
  district: '区县级',
} as const satisfies Record<ItemLevel, string>;

/** 一般检查事项 / 重点检查事项 (Art. 10). */
export const ITEM_CLASSES = ['general', 'key'] as const;
export type ItemClass = (typeof ITEM_CLASSES)[number];
export const ITEM_CLASS_LABELS = {
  general: '一般检查事项',
  key: '重点检查事项',
} as const satisfies Record<ItemClass, string>;

/** 检查方式 (domain reference §2.1). */
export const INSPECTION_METHODS = ['on_site', 'written', 'online', 'sampling', 'expert', 'other_dept'] as const;
export type InspectionMethod = (typeof INSPECTION_METHODS)[number];
export const INSPECTION_METHOD_LABELS = {
  on_site: '实地核查',
  written: '书面检查',
  online: '网络检查',
  sampling: '抽样检测',
  expert: '委托专业机构',
  other_dept: '行政部门检查结果或专业意见',
} as const satisfies Record<InspectionMethod, string>;

/** Art. 8: the case volume's custody follows the target's 登记机关 or its 属地 bureau. */
export const CUSTODY_RULES = ['registration', 'territorial'] as const;
export type CustodyRule = (typeof CUSTODY_RULES)[number];
export const CUSTODY_RULE_LABELS = {
  registration: '登记机关',
  territorial: '属地',
} as const satisfies Record<CustodyRule, string>;

export const ITEM_STATUSES = ['active', 'retired'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS = {
  active: '有效',
  retired: '已停用',
} as const satisfies Record<ItemStatus, string>;

/** Source of a list version written by manual edits (imports use the file name). */
export const MANUAL_LIST_SOURCE = '手工维护';
/** Source of a list version written by an import that was not told its file name. */
export const IMPORT_LIST_SOURCE = '文件导入';

/** Names people write in item lists for each value (matched after NFKC, without spaces). */
export const ITEM_LEVEL_NAMES = {
  city: ['市级', '市局', '市本级'],
  district: ['区县级', '区（市）县级', '区(市)县级', '区县', '区级', '县级'],
} as const satisfies Record<ItemLevel, readonly string[]>;

export const ITEM_CLASS_NAMES = {
  general: ['一般检查事项', '一般', '一般事项'],
  key: ['重点检查事项', '重点', '重点事项'],
} as const satisfies Record<ItemClass, readonly string[]>;

/** Includes the provincial platform's 核查方式 codes 1–6. */
export const INSPECTION_METHOD_NAMES = {
  on_site: ['实地核查', '实地检查', '现场检查', '现场核查', '实地', '现场', '1'],
  written: ['书面检查', '书面审查', '书面', '2'],
  other_dept: ['行政部门检查结果或专业意见', '采信行政部门检查结果或专业意见', '3'],
  sampling: ['抽样检测', '检验检测', '抽样检验', '抽检', '抽样', '4'],
  online: ['网络检查', '网络监测', '网络', '5'],
  expert: ['委托专业机构', '委托专业机构辅助', '6'],
} as const satisfies Record<InspectionMethod, readonly string[]>;

export const CUSTODY_RULE_NAMES = {
  registration: ['登记机关', '登记机关管辖', '登记注册', '登记'],
  territorial: ['属地', '属地管辖'],
} as const satisfies Record<CustodyRule, readonly string[]>;

/** Maximum lengths shared by the contract and the import. */
export const ITEM_TEXT_LIMITS = {
  businessLine: 50,
  code: 200,
  category: 100,
  name: 300,
  targetScope: 300,
  subject: 200,
  basis: 4000,
  content: 4000,
  ratioNote: 500,
  remark: 1000,
  retiredReason: 200,
} as const;

/** 业务条线 is free text: trimmed, inner runs of spaces collapsed. */
export function normaliseBusinessLine(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

/** A code given in a file or a form: NFKC (full-width → half-width), no spaces. */
export function normaliseItemCode(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '');
}

/** Stable code for a list without a code column: 抽查类别|抽查事项, normalised. */
export function itemCodeFrom(category: string, name: string): string {
  return `${normaliseItemCode(category)}|${normaliseItemCode(name)}`;
}

/** Split a 检查方式 cell ("现场检查、网络检查", "书面；现场", "1/5") into its parts. */
export function splitMethodCell(raw: string): string[] {
  return raw
    .split(/[、，,;；/／\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Deduplicated, in the canonical order (so re-importing a reordered cell is no change). */
export function sortMethods(methods: readonly InspectionMethod[]): InspectionMethod[] {
  const set = new Set(methods);
  return INSPECTION_METHODS.filter((m) => set.has(m));
}

/** Reason stored on an item an import retired because the new version of its list no longer has it. */
export function notInVersionReason(version: number): string {
  return `未列入第${version}版清单`;
}
