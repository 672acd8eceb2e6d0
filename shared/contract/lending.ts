import { z } from 'zod';
import { LOAN_FORMS, LOAN_PURPOSES, LOAN_STATES, LOAN_STATUSES, MAX_LOAN_DAYS } from '../domain/lending/lending';
import { Id, pageOf, Paging } from './common';
import { method } from './method';

/** Who approves, rejects, lends out and takes back: the custody bureau's clerks (档案员) and admins. */
export const LENDING_CLERKS = ['admin', 'clerk'] as const;

const text = (max: number) => z.string().trim().max(max);

export const LoanDto = z.object({
  id: Id,
  volumeId: Id,
  volumeTitle: z.string(),
  archiveNo: z.string(),
  custodyBureauId: Id,
  custodyBureauName: z.string(),
  form: z.enum(LOAN_FORMS),
  borrowerUserId: Id.nullable(),
  borrowerName: z.string(),
  borrowerUnit: z.string().nullable(),
  purpose: z.enum(LOAN_PURPOSES),
  purposeNote: z.string().nullable(),
  days: z.number().int(),
  /** Last day of the loan (Beijing date); set at approval, and again when a paper original goes out. */
  dueOn: z.string().nullable(),
  status: z.enum(LOAN_STATUSES),
  /** The status as it stands today: an approved electronic loan past its due date is expired. */
  state: z.enum(LOAN_STATES),
  /** A paper original out after its due date. */
  overdue: z.boolean(),
  /** The borrower may open the electronic copy now. */
  copyAvailable: z.boolean(),
  requestedBy: Id.nullable(),
  requestedByName: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: Id.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  outAt: z.string().nullable(),
  outByName: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnedByName: z.string().nullable(),
  returnCondition: z.string().nullable(),
  version: z.number().int(),
});
export type LoanDto = z.infer<typeof LoanDto>;

const loanRef = z.strictObject({ id: Id });

export const lendingMethods = {
  'lending.request': method({
    summary: '借阅申请：已归档专卷，写明借阅目的和天数，纸质借出或电子借阅；档案员可为外单位人员登记纸质借阅（姓名、单位）',
    access: 'any',
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({
      volumeId: Id,
      form: z.enum(LOAN_FORMS),
      purpose: z.enum(LOAN_PURPOSES),
      purposeNote: text(300).nullable().default(null),
      days: z.number().int().min(1).max(MAX_LOAN_DAYS),
      /** An outside borrower (paper loans recorded by the custody clerk); omitted: the caller borrows. */
      external: z.strictObject({ name: text(50).min(1, '请填写借阅人姓名'), unit: text(100).min(1, '请填写借阅人单位') }).optional(),
    }),
    output: LoanDto,
  }),
  'lending.approve': method({
    summary: '批准借阅（保管单位档案员或管理员，借阅人本人不能批准）；借期自批准之日起算',
    access: LENDING_CLERKS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, note: text(300).nullable().default(null) }),
    output: LoanDto,
  }),
  'lending.reject': method({
    summary: '不予借阅（须写明理由）',
    access: LENDING_CLERKS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, note: text(300).min(1, '请填写不予借阅的理由') }),
    output: LoanDto,
  }),
  'lending.checkOut': method({
    summary: '纸质案卷借出：登记借出时间，借期自借出之日重新起算；借出期间档案记录显示“借出”',
    access: LENDING_CLERKS,
    scope: 'bureau',
    mutates: true,
    input: loanRef,
    output: LoanDto,
  }),
  'lending.return': method({
    summary: '纸质案卷归还：登记归还时间和案卷状况',
    access: LENDING_CLERKS,
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, condition: text(300).min(1, '请填写案卷状况') }),
    output: LoanDto,
  }),
  'lending.list': method({
    summary: '借阅记录：档案员、管理员和法制审核人员看本单位保管的全部借阅，其他人看自己的借阅；可按状态、逾期、专卷、借阅人筛选',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({
      states: z.array(z.enum(LOAN_STATES)).max(LOAN_STATES.length).optional(),
      overdue: z.boolean().optional(),
      volumeId: Id.optional(),
      borrowerUserId: Id.optional(),
      ...Paging,
    }),
    output: pageOf(LoanDto),
  }),
  'lending.get': method({
    summary: '一条借阅记录',
    access: 'any',
    scope: 'bureau',
    input: loanRef,
    output: LoanDto,
  }),
  'lending.openCopy': method({
    summary: '电子借阅：借期内借阅人打开或导出加水印（借阅人、日期、档号）的副本——公开版，法制审核人员和保管单位档案员、管理员为完整装订版；每次查看、导出都记入审计',
    access: 'any',
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ id: Id, mode: z.enum(['view', 'export']).default('view') }),
    output: z.object({ fileName: z.string(), variant: z.enum(['public', 'full']), version: z.number().int(), sha256: z.string(), pages: z.number().int() }),
  }),
};
