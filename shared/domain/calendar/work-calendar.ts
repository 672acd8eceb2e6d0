import { isIsoDate } from '../dates';
import { PREVIOUS_DECEMBER_FROM, type HolidayYear } from './holiday-file';

/**
 * Working days (工作日, domain-reference §7). Rule: a day is a working day ⇔ (Mon–Fri and not listed
 * as off) or listed with `isOffDay: false` (调休). Holidays cannot be computed — each year's State
 * Council notice is loaded as data; a year without it falls back to plain Mon–Fri and every answer
 * that depended on such a year says so (`calendarCovered: false`).
 *
 * Dates are ISO 'YYYY-MM-DD' strings, turned into UTC day numbers with Date.UTC only, so the result
 * never depends on the machine's time zone.
 */
export type WorkCalendar = {
  isWorkday(date: string): boolean;
  /**
   * "Within n working days from `from`": `from` itself is not counted, day 1 is the next working day
   * (民法典 Art. 201 period rule, §7). n = 0 gives `from`. `calendarCovered` is false when a day
   * walked through lies in a year whose notice is not loaded (Mon–Fri was assumed there).
   */
  addWorkdays(from: string, n: number): { due: string; calendarCovered: boolean };
  /** Working days in (from, to]; negative (−working days in (to, from]) when `to` is before `from`. */
  workdaysBetween(from: string, to: string): number;
  /** Is the notice for `year` loaded with at least one day? */
  covers(year: number): boolean;
  /**
   * The years whose notice is missing for deciding the days from..to (inclusive). Includes the year
   * after `to` when the range reaches the last December days a next-year notice may move.
   */
  uncoveredYears(from: string, to: string): number[];
};

const MS_PER_DAY = 86_400_000;

function dayNumber(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${JSON.stringify(date)}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Later entries replace earlier ones of the same year (an imported file over the bundled one). */
export function createWorkCalendar(years: readonly HolidayYear[]): WorkCalendar {
  const byYear = new Map<number, HolidayYear>();
  for (const file of years) byYear.set(file.year, file);
  const covered = new Set<number>();
  const listed = new Map<number, boolean>(); // day number → isOffDay
  for (const file of [...byYear.values()].sort((a, b) => a.year - b.year)) {
    // An upstream file for a year whose notice is not out yet has `days: []`: that is "unknown", not "no holidays".
    if (file.days.length === 0) continue;
    covered.add(file.year);
    for (const d of file.days) listed.set(dayNumber(d.date), d.isOffDay);
  }

  const workday = (day: number): boolean => {
    const entry = listed.get(day);
    if (entry !== undefined) return !entry;
    const w = weekday(day);
    return w !== 0 && w !== 6;
  };

  function uncoveredBetween(first: number, last: number): number[] {
    if (last < first) return [];
    const a = isoOf(first);
    const b = isoOf(last);
    const years: number[] = [];
    const lastYear = Number(b.slice(0, 4));
    for (let y = Number(a.slice(0, 4)); y <= lastYear; y++) if (!covered.has(y)) years.push(y);
    // Only the final year's late December can miss its next-year notice: an earlier year's range runs on into y + 1 anyway.
    if (b.slice(5) >= PREVIOUS_DECEMBER_FROM && !covered.has(lastYear + 1)) years.push(lastYear + 1);
    return years;
  }

  function countBetween(from: number, to: number): number {
    let n = 0;
    for (let day = from + 1; day <= to; day++) if (workday(day)) n++;
    return n;
  }

  return {
    isWorkday: (date) => workday(dayNumber(date)),
    addWorkdays(from, n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
      const start = dayNumber(from);
      let day = start;
      for (let counted = 0; counted < n; ) {
        day++;
        if (workday(day)) counted++;
      }
      return { due: isoOf(day), calendarCovered: uncoveredBetween(start + 1, day).length === 0 };
    },
    workdaysBetween(from, to) {
      const a = dayNumber(from);
      const b = dayNumber(to);
      if (b >= a) return countBetween(a, b);
      const back = countBetween(b, a);
      return back === 0 ? 0 : -back; // never -0
    },
    covers: (year) => covered.has(year),
    uncoveredYears(from, to) {
      const a = dayNumber(from);
      const b = dayNumber(to);
      return uncoveredBetween(Math.min(a, b), Math.max(a, b));
    },
  };
}
