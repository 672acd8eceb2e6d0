import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../../shared/domain/calendar';
import { bundledYears } from './bundled';

const calendar = createWorkCalendar(bundledYears());

/*
 * Expected dates worked out by hand from resources/holidays/2025.json and 2026.json (not with this code):
 * list the days after the start one by one, skip Sat/Sun unless the file lists the date with
 * isOffDay:false, skip every date listed with isOffDay:true, and number the remaining days 1, 2, …;
 * the n-th is the due date. Weekdays checked against a plain calendar (2025-01-01 Wed, 2026-01-01 Thu).
 */
describe('addWorkdays: the start day is not counted, day 1 is the next working day', () => {
  it.each([
    // 国庆+中秋 2025: 09-28 (Sun) make-up = 1, 09-29 = 2, 09-30 = 3, 10-01..10-08 off, 10-09 = 4, 10-10 = 5,
    // 10-11 (Sat) make-up = 6, 10-12 Sun off, 10-13..10-16 = 7..10.
    ['2025-09-26', 10, '2025-10-16', '国庆/中秋 2025 with make-up days 09-28 and 10-11'],
    ['2025-09-26', 7, '2025-10-13', 'the 7-day measure period across the same break'],
    // 春节 2026: 02-11..02-13 = 1..3, 02-14 (Sat) make-up = 4, 02-15..02-23 off, 02-24..02-27 = 5..8,
    // 02-28 (Sat) make-up = 9, 03-01 Sun off, 03-02 = 10.
    ['2026-02-10', 10, '2026-03-02', '春节 2026 with make-up days 02-14 and 02-28'],
    // 劳动节 2025: 05-01..05-05 off, 05-06..05-09 = 1..4, weekend, 05-12..05-16 = 5..9, weekend, 05-19 = 10.
    ['2025-04-30', 10, '2025-05-19', '劳动节 2025 (make-up 04-27 lies before the start)'],
    // 2025-03-07 is a Friday with no holiday near: Sat/Sun skipped as usual.
    ['2025-03-07', 1, '2025-03-10', 'a Friday before a normal weekend → Monday'],
    ['2025-03-07', 10, '2025-03-21', 'two plain weeks'],
    // 2025-01-25 Sat off, 01-26 Sun listed isOffDay:false.
    ['2025-01-24', 1, '2025-01-26', 'a make-up Sunday counts as a working day'],
    // … then 01-27 Mon = 2, 01-28..02-04 春节 off, 02-05 Wed = 3.
    ['2025-01-24', 3, '2025-02-05', '春节 2025'],
    // 中秋 2026-09-25..27 off, 09-20 (Sun) make-up = 1, 09-21..09-24 = 2..5, 09-28..09-30 = 6..8,
    // 国庆 10-01..10-07 off, 10-08 = 9, 10-09 = 10; 10-10 (Sat) make-up = 11.
    ['2026-09-18', 10, '2026-10-09', '中秋 and 国庆 2026 apart'],
    ['2026-09-18', 11, '2026-10-10', '… and the Saturday make-up after them'],
    // Across the year end: 12-29..12-31 = 1..3, 2026-01-01..03 元旦 off, 01-04 (Sun) make-up = 4, 01-05 = 5.
    ['2025-12-26', 5, '2026-01-05', 'into the next year, whose file starts with a make-up Sunday'],
    // 2019.json (not 2018.json) lists 2018-12-29 (Sat) as a make-up day.
    ['2018-12-28', 1, '2018-12-29', 'a December make-up day listed in the next year’s notice'],
  ])('%s + %i → %s (%s)', (from, n, due) => {
    expect(calendar.addWorkdays(from, n)).toEqual({ due, calendarCovered: true });
  });

  it('n = 0 is the start day itself, even a holiday', () => {
    expect(calendar.addWorkdays('2025-10-01', 0)).toEqual({ due: '2025-10-01', calendarCovered: true });
    expect(calendar.addWorkdays('2031-05-01', 0)).toEqual({ due: '2031-05-01', calendarCovered: true });
  });

  it('an uncovered year (2031) is counted Mon–Fri and flagged', () => {
    // 2031-03-07 is a Friday; two plain weeks.
    expect(calendar.addWorkdays('2031-03-07', 10)).toEqual({ due: '2031-03-21', calendarCovered: false });
    // 2031-01-01 (Wed) would be 元旦; without the notice it is a working day.
    expect(calendar.isWorkday('2031-01-01')).toBe(true);
    expect(calendar.covers(2031)).toBe(false);
    expect(calendar.uncoveredYears('2026-06-01', '2031-03-01')).toEqual([2027, 2028, 2029, 2030, 2031]);
  });

  it('late December needs the next year’s notice too (it may move 12-29..12-31 for 元旦)', () => {
    // 2026-12-18 is a Friday; 2027.json is not bundled (upstream's is still empty).
    expect(calendar.addWorkdays('2026-12-18', 3)).toEqual({ due: '2026-12-23', calendarCovered: true });
    expect(calendar.addWorkdays('2026-12-18', 5)).toEqual({ due: '2026-12-25', calendarCovered: false });
    expect(calendar.uncoveredYears('2026-12-01', '2026-12-25')).toEqual([2027]);
    // With 2018 alone, 2018-12-29 looks like a plain Saturday: the answer (12-31, really a day off) is flagged.
    expect(createWorkCalendar(bundledYears([2018])).addWorkdays('2018-12-28', 1)).toEqual({ due: '2018-12-31', calendarCovered: false });
  });

  it('rejects what is not a date or not a count', () => {
    expect(() => calendar.addWorkdays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => calendar.addWorkdays('2025/09/26', 1)).toThrow(RangeError);
    expect(() => calendar.addWorkdays('2025-09-26', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkdays('2025-09-26', 1.5)).toThrow(RangeError);
  });
});

describe('isWorkday, workdaysBetween, covers', () => {
  it('applies the rule: Mon–Fri unless listed off; a listed make-up weekend day works', () => {
    expect(calendar.isWorkday('2025-09-28')).toBe(true); // Sunday, make-up
    expect(calendar.isWorkday('2025-10-11')).toBe(true); // Saturday, make-up
    expect(calendar.isWorkday('2025-10-01')).toBe(false); // Wednesday, 国庆
    expect(calendar.isWorkday('2025-10-12')).toBe(false); // plain Sunday
    expect(calendar.isWorkday('2025-10-09')).toBe(true); // plain Thursday
    expect(calendar.isWorkday('2026-02-23')).toBe(false); // Monday, last 春节 day 2026
  });

  it('counts working days in (from, to], negative backwards', () => {
    expect(calendar.workdaysBetween('2025-09-26', '2025-10-16')).toBe(10);
    expect(calendar.workdaysBetween('2025-10-16', '2025-09-26')).toBe(-10);
    expect(calendar.workdaysBetween('2025-10-01', '2025-10-01')).toBe(0);
    expect(calendar.workdaysBetween('2025-10-01', '2025-10-08')).toBe(0);
  });

  it('covers a year only with a file that lists days; later files replace earlier ones of the same year', () => {
    expect(calendar.covers(2007)).toBe(true);
    expect(calendar.covers(2026)).toBe(true);
    expect(calendar.covers(2006)).toBe(false);
    const [y2026] = bundledYears([2026]);
    const blank = createWorkCalendar([y2026!, { year: 2026, papers: [], days: [] }]);
    expect(blank.covers(2026)).toBe(false);
    expect(blank.isWorkday('2026-02-16')).toBe(true); // a Monday: without data, no 春节
    const empty2027 = createWorkCalendar([...bundledYears([2026]), { year: 2027, papers: [], days: [] }]);
    expect(empty2027.covers(2027)).toBe(false);
  });

  it('does not depend on the machine’s time zone (day arithmetic is UTC)', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Shanghai']) {
        process.env.TZ = tz; // Node applies a changed TZ to later Date calls
        expect(calendar.addWorkdays('2025-09-26', 10).due, tz).toBe('2025-10-16');
        expect(calendar.addWorkdays('2028-02-28', 1).due, tz).toBe('2028-02-29'); // leap day, uncovered year
        expect(calendar.isWorkday('2025-10-11'), tz).toBe(true);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
