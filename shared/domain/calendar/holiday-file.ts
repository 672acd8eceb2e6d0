import { z } from 'zod';
import { isIsoDate } from '../dates';

/**
 * One year of the State Council holiday schedule in the NateScarlet/holiday-cn format
 * (resources/holidays/README.md): only exceptions are listed — `isOffDay: true` is a day off,
 * `false` a weekend day worked in exchange (调休/补班).
 */

/**
 * The file year is the notice year, not the calendar year of every date: a notice may move days at the
 * very end of the previous December to bridge 元旦 (2019.json holds 2018-12-29..31, 2008.json 2007-12-29..31).
 * In 2007–2026 that never reached earlier than 12-29; from 12-25 leaves a margin. The work calendar
 * uses the same bound the other way round: those December days are settled only once the next
 * year's notice is loaded.
 */
export const PREVIOUS_DECEMBER_FROM = '12-25';

export const HolidayDay = z.object({
  name: z.string(),
  date: z.string().refine(isIsoDate, '日期应为 YYYY-MM-DD 格式的真实日期'),
  isOffDay: z.boolean(),
});
export type HolidayDay = z.infer<typeof HolidayDay>;

/** Unknown keys (upstream's `$schema`, `$id`) are accepted and dropped. */
export const HolidayYear = z
  .object({
    year: z.number().int().min(1900).max(2199),
    papers: z.array(z.string()),
    days: z.array(HolidayDay),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.days.forEach((day, i) => {
      if (!dateBelongsToNotice(day.date, file.year)) {
        ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: `日期 ${day.date} 不属于 ${file.year} 年度（仅允许该年及上一年 12 月 25 日以后的元旦调休）` });
      }
      if (seen.has(day.date)) ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: `日期 ${day.date} 重复出现` });
      seen.add(day.date);
    });
  });
export type HolidayYear = z.infer<typeof HolidayYear>;

function dateBelongsToNotice(date: string, year: number): boolean {
  return date.startsWith(`${year}-`) || (date.startsWith(`${year - 1}-`) && date.slice(5) >= PREVIOUS_DECEMBER_FROM);
}

export type HolidayFileParse = { ok: true; value: HolidayYear } | { ok: false; problems: string[] };

const MAX_PROBLEMS = 10;

/**
 * Read an admin-supplied year file. A leading BOM (Windows editors) is ignored. Problems are Chinese
 * one-liners `path: message`, at most ten, for the error details shown next to CALENDAR_FILE_INVALID.
 */
export function parseHolidayFile(text: string): HolidayFileParse {
  let raw: unknown;
  try {
    raw = JSON.parse(stripBom(text));
  } catch (error) {
    return { ok: false, problems: [`不是有效的 JSON：${(error as Error).message}`] };
  }
  const parsed = HolidayYear.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: parsed.error.issues.slice(0, MAX_PROBLEMS).map((i) => `${i.path.map(String).join('.') || '(根)'}: ${i.message}`) };
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
