import type { LoanForm, LoanPurpose, LoanState } from '../../../shared/domain/lending/lending';

export const FORM_LABELS = { paper: '纸质借出', electronic: '电子借阅' } as const satisfies Record<LoanForm, string>;
export const PURPOSE_LABELS = { consult: '查阅', copy: '复制', evidence: '出证', other: '其他' } as const satisfies Record<LoanPurpose, string>;
export const STATE_LABELS = { requested: '待审批', approved: '已批准', rejected: '不予借阅', out: '借出中', returned: '已归还', expired: '已到期' } as const satisfies Record<LoanState, string>;
export const STATE_COLORS = { requested: 'gold', approved: 'blue', rejected: 'default', out: 'orange', returned: 'green', expired: 'default' } as const satisfies Record<LoanState, string>;

export const testId = (id: string) => ({ 'data-testid': id }) as Record<`data-${string}`, string>;

/** The tabs of 借阅管理 and the list filter each one stands for. */
export const LENDING_TABS = [
  { key: 'pending', label: '待审批', filter: { states: ['requested'] as LoanState[] } },
  { key: 'active', label: '借出中', filter: { states: ['out', 'approved'] as LoanState[] } },
  { key: 'overdue', label: '逾期', filter: { overdue: true } },
  { key: 'all', label: '全部', filter: {} },
] as const;
export type LendingTab = (typeof LENDING_TABS)[number]['key'];
