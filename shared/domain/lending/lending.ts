/** Lending (借阅) of archived volumes: forms, purposes, states and the date rules. Pure: today is passed in. */

export const LOAN_FORMS = ['paper', 'electronic'] as const;
export type LoanForm = (typeof LOAN_FORMS)[number];

export const LOAN_PURPOSES = ['consult', 'copy', 'evidence', 'other'] as const;
export type LoanPurpose = (typeof LOAN_PURPOSES)[number];

/** Stored status of a loan row. */
export const LOAN_STATUSES = ['requested', 'approved', 'rejected', 'out', 'returned'] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

/** What a loan is now: the stored status, with an approved electronic loan past its due date shown as expired. */
export const LOAN_STATES = ['requested', 'approved', 'rejected', 'out', 'returned', 'expired'] as const;
export type LoanState = (typeof LOAN_STATES)[number];

/** Longest loan a request may ask for, in calendar days. */
export const MAX_LOAN_DAYS = 90;

/** `date` (YYYY-MM-DD) plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

/** The due date is the last day of the loan: a loan of 1 day made on the 2nd is due on the 3rd. */
export const dueDate = (startedOn: string, days: number): string => addDays(startedOn, days);

export function loanState(status: LoanStatus, form: LoanForm, dueOn: string | null, today: string): LoanState {
  if (status === 'approved' && form === 'electronic' && dueOn !== null && dueOn < today) return 'expired';
  return status;
}

/** A paper original is overdue while it is out after its due date. */
export const isOverdue = (status: LoanStatus, dueOn: string | null, today: string): boolean => status === 'out' && dueOn !== null && dueOn < today;

/** An electronic loan gives a copy while approved, up to and including its due date. */
export const givesCopy = (status: LoanStatus, form: LoanForm, dueOn: string | null, today: string): boolean =>
  form === 'electronic' && status === 'approved' && dueOn !== null && dueOn >= today;

/** The words of the 借阅管理 screen and the `casebinder lending` CLI. */
export const LOAN_FORM_LABELS = { paper: '纸质借出', electronic: '电子借阅' } as const satisfies Record<LoanForm, string>;
export const LOAN_PURPOSE_LABELS = { consult: '查阅', copy: '复制', evidence: '出证', other: '其他' } as const satisfies Record<LoanPurpose, string>;
export const LOAN_STATE_LABELS = { requested: '待审批', approved: '已批准', rejected: '不予借阅', out: '借出中', returned: '已归还', expired: '已到期' } as const satisfies Record<LoanState, string>;
