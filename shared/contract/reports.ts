import { z } from 'zod';
import { RESULT_CATEGORIES } from '../domain/inspections/inspections';
import { Id } from './common';
import { method } from './method';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

/* ---------- monthly report (月报表) ---------- */

export const MonthlyReportRowDto = z.object({
  bureauId: Id,
  bureauName: z.string(),
  /** GB/T 2260 division code of the bureau, if it has one. */
  divisionCode: z.string().nullable(),
  tasks: z.number().int(),
  drawn: z.number().int(),
  inspected: z.number().int(),
  /** Result counts by category (a target with two results counts in both). */
  byCategory: z.record(z.enum(RESULT_CATEGORIES), z.number().int()),
  entryOnTime: z.number().int(),
  entryLate: z.number().int(),
  publishedOnTime: z.number().int(),
  publishedLate: z.number().int(),
  openFollowUps: z.number().int(),
});
export type MonthlyReportRowDto = z.infer<typeof MonthlyReportRowDto>;

export const MonthlyReportDto = z.object({
  month: z.string(),
  rows: z.array(MonthlyReportRowDto),
  total: MonthlyReportRowDto.omit({ bureauId: true, bureauName: true, divisionCode: true }),
});
export type MonthlyReportDto = z.infer<typeof MonthlyReportDto>;

export const reportsMethods = {
  'reports.monthly': method({
    summary: '月报表：各单位的任务、抽取、已检查、结果分类、按时录入与公示率、未完结后续处置',
    access: 'any',
    scope: 'bureau',
    input: z.strictObject({ bureauId: Id, month }),
    output: MonthlyReportDto,
  }),
  'reports.exportMonthly': method({
    summary: '导出月报表 XLSX，写入 exports/',
    access: 'any',
    scope: 'bureau',
    mutates: true,
    input: z.strictObject({ bureauId: Id, month }),
    output: z.object({ fileName: z.string() }),
  }),
};
