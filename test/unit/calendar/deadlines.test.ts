import { describe, expect, it } from 'vitest';
import { createWorkCalendar, DEADLINE_WORKDAYS, DUE_SOON_WORKDAYS, deadlineStatus, penaltyPublicationDue, publicationDue, resultEntryDue } from '../../../shared/domain/calendar';
import { bundledYears } from './bundled';

const calendar = createWorkCalendar(bundledYears());

describe('statutory deadlines (rules Arts. 14(5), 16; domain-reference §8.2)', () => {
  it('uses 10 / 10 / 7 working days, start day not counted', () => {
    expect(DEADLINE_WORKDAYS).toEqual({ resultEntry: 10, publication: 10, penaltyPublication: 7 });
    // Worked out in work-calendar.test.ts: 2025-09-26 + 10 → 10-16, + 7 → 10-13; 2026-02-10 + 10 → 03-02.
    expect(resultEntryDue(calendar, '2025-09-26')).toEqual({ due: '2025-10-16', calendarCovered: true });
    expect(penaltyPublicationDue(calendar, '2025-09-26')).toEqual({ due: '2025-10-13', calendarCovered: true });
    expect(publicationDue(calendar, '2026-02-10')).toEqual({ due: '2026-03-02', calendarCovered: true });
    // Periods are settings (§8.2): an override replaces the default.
    expect(publicationDue(calendar, '2025-09-26', 1)).toEqual({ due: '2025-09-28', calendarCovered: true });
    expect(resultEntryDue(calendar, '2031-03-07')).toEqual({ due: '2031-03-21', calendarCovered: false });
  });

  it('deadlineStatus: ok, due soon from 2 working days left (§8.2), overdue the day after', () => {
    expect(DUE_SOON_WORKDAYS).toBe(2);
    const due = '2025-10-16'; // Thursday
    // (10-09, 10-16] = 10-10, 10-11 (make-up Sat), 10-13, 10-14, 10-15, 10-16 → 6
    expect(deadlineStatus(due, '2025-10-09', calendar)).toEqual({ status: 'ok', workdaysLeft: 6, calendarCovered: true });
    expect(deadlineStatus(due, '2025-10-13', calendar)).toMatchObject({ status: 'ok', workdaysLeft: 3 });
    expect(deadlineStatus(due, '2025-10-13', calendar, 3)).toMatchObject({ status: 'due_soon', workdaysLeft: 3 });
    expect(deadlineStatus(due, '2025-10-14', calendar)).toMatchObject({ status: 'due_soon', workdaysLeft: 2 });
    expect(deadlineStatus(due, '2025-10-16', calendar)).toMatchObject({ status: 'due_soon', workdaysLeft: 0 });
    expect(deadlineStatus(due, '2025-10-17', calendar)).toMatchObject({ status: 'overdue', workdaysLeft: -1 });
    expect(deadlineStatus(due, '2025-10-20', calendar)).toMatchObject({ status: 'overdue', workdaysLeft: -2 });
    // The weekend after a Friday deadline: overdue with no working day lost yet.
    expect(deadlineStatus('2025-03-07', '2025-03-09', calendar)).toMatchObject({ status: 'overdue', workdaysLeft: 0 });
    // A whole holiday in between counts for nothing: 2025-09-30 → 10-09 is 1 working day.
    expect(deadlineStatus('2025-10-09', '2025-09-30', calendar)).toMatchObject({ status: 'due_soon', workdaysLeft: 1 });
    expect(deadlineStatus('2031-03-21', '2031-03-07', calendar)).toEqual({ status: 'ok', workdaysLeft: 10, calendarCovered: false });
  });
});
