/** Target directory (检查对象名录库) vocabularies. */

export const SUBJECT_KINDS = ['for_profit', 'non_profit', 'non_market'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const SUBJECT_KIND_LABELS = {
  for_profit: '营利性市场主体',
  non_profit: '非营利性市场主体',
  non_market: '非市场主体（产品、项目、行为）',
} as const satisfies Record<SubjectKind, string>;

export const RISK_LEVELS = ['low', 'lower', 'medium', 'higher', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LEVEL_LABELS = {
  low: '低',
  lower: '较低',
  medium: '一般',
  higher: '较高',
  high: '高',
} as const satisfies Record<RiskLevel, string>;

export const CREDIT_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type CreditClass = (typeof CREDIT_CLASSES)[number];

export const REG_STATUSES = ['active', 'deregistered', 'revoked', 'cancelled', 'moved_out'] as const;
export type RegStatus = (typeof REG_STATUSES)[number];
export const REG_STATUS_LABELS = {
  active: '存续',
  deregistered: '注销',
  revoked: '吊销',
  cancelled: '撤销',
  moved_out: '迁出',
} as const satisfies Record<RegStatus, string>;

/** Market subjects carry a credit code; non-market subjects an identifier and a description. */
export function kindNeedsCreditCode(kind: SubjectKind): boolean {
  return kind !== 'non_market';
}
