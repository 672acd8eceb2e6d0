import { describe, expect, it } from 'vitest';
import { addDays, dueDate, givesCopy, isOverdue, loanState } from '../../../shared/domain/lending/lending';

describe('lending dates (Beijing dates, calendar days)', () => {
  it.each([
    ['2026-03-02', 7, '2026-03-09'],
    ['2026-02-25', 5, '2026-03-02'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-30', 3, '2027-01-02'],
  ])('%s + %i days = %s', (from, days, due) => {
    expect(addDays(from, days)).toBe(due);
    expect(dueDate(from, days)).toBe(due);
  });

  it.each([
    // status, form, due, today, state, overdue, copy
    ['requested', 'electronic', null, '2026-03-02', 'requested', false, false],
    ['approved', 'electronic', '2026-03-09', '2026-03-09', 'approved', false, true],
    ['approved', 'electronic', '2026-03-09', '2026-03-10', 'expired', false, false],
    ['approved', 'paper', '2026-03-09', '2026-03-10', 'approved', false, false],
    ['out', 'paper', '2026-03-09', '2026-03-09', 'out', false, false],
    ['out', 'paper', '2026-03-09', '2026-03-10', 'out', true, false],
    ['returned', 'paper', '2026-03-09', '2026-03-20', 'returned', false, false],
    ['rejected', 'electronic', null, '2026-03-20', 'rejected', false, false],
  ] as const)('%s %s due %s on %s → %s', (status, form, due, today, state, overdue, copy) => {
    expect(loanState(status, form, due, today)).toBe(state);
    expect(isOverdue(status, due, today)).toBe(overdue);
    expect(givesCopy(status, form, due, today)).toBe(copy);
  });
});
