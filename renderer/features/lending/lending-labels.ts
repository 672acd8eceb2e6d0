import type { LoanState } from '../../../shared/domain/lending/lending';

/** The words themselves are shared with the CLI: LOAN_*_LABELS in shared/domain/lending. */
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
