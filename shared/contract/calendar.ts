import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { method } from './method';

const isoDate = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD');

/** One year of holiday data the calendar uses; an imported file replaces the bundled one of its year. */
export const CalendarYearDto = z.object({
  year: z.number().int(),
  source: z.enum(['bundled', 'imported']),
  /** Listed days: off days plus make-up working days. */
  dayCount: z.number().int().min(0),
  offDays: z.number().int().min(0),
  /** Weekend days worked in exchange (调休上班). */
  makeUpDays: z.number().int().min(0),
  /** gov.cn notice URLs the file was built from. */
  papers: z.array(z.string()),
  /** SHA-256 of the file text as loaded or imported. */
  sha256: z.string(),
  importedAt: z.string().nullable(),
});
export type CalendarYearDto = z.infer<typeof CalendarYearDto>;

export const WorkdaysDueDto = z.object({
  due: z.string(),
  /** False when a day counted lies in a year without holiday data (Mon–Fri was assumed there). */
  calendarCovered: z.boolean(),
});
export type WorkdaysDueDto = z.infer<typeof WorkdaysDueDto>;

export const calendarMethods = {
  'calendar.addWorkdays': method({
    summary: '按工作日推算期限：起算日不计入，第 1 个工作日为其后的第一个工作日',
    access: 'any',
    input: z.strictObject({ date: isoDate, days: z.number().int().min(0).max(3660) }),
    output: WorkdaysDueDto,
  }),
  'calendar.years': method({
    summary: '工作日历已载入的年度（内置或管理员导入）及其放假、调休天数',
    access: 'any',
    input: z.strictObject({}),
    output: z.array(CalendarYearDto),
  }),
  'calendar.importYear': method({
    summary: '导入一个年度的放假安排文件（holiday-cn 格式 JSON），替换该年度的内置数据',
    access: ['admin'],
    mutates: true,
    input: z.strictObject({ json: z.string().min(1).max(1_000_000) }),
    output: CalendarYearDto,
  }),
};
