export const ROLES = ['admin', 'clerk', 'inspector', 'reviewer', 'legal'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS = {
  admin: '管理员',
  clerk: '档案员',
  inspector: '检查人员',
  reviewer: '复核人员',
  legal: '法制审核',
} as const satisfies Record<Role, string>;
