import type { DeadlineDto } from '../../../shared/contract';
import { deadlineStatus, penaltyPublicationDue, publicationDue, resultEntryDue, type Due, type WorkCalendar } from '../../../shared/domain/calendar';
import type { InspectionStatus, NonPublicReason } from '../../../shared/domain/inspections/inspections';
import type { CorrectionFacts } from './inspection-repository';

/** What the deadlines of one inspection depend on (all dates ISO, Beijing calendar days). */
export type DeadlineFacts = {
  status: InspectionStatus;
  endedOn: string | null;
  /** The last submission for review (an ISO timestamp), if any. */
  submittedAt: string | null;
  formedOn: string | null;
  nonPublic: NonPublicReason | null;
  publishedOn: string | null;
  corrections: CorrectionFacts[];
};

/** Today in Beijing (UTC+8, no DST) from the injected clock: deadlines are counted in Beijing calendar days. */
export const beijingDate = (now: Date): string => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

const SUBMITTED: readonly InspectionStatus[] = ['awaiting_review', 'reviewed', 'published'];

function deadline(kind: DeadlineDto['kind'], due: Due, metOn: string | null, today: string, calendar: WorkCalendar): DeadlineDto {
  if (metOn !== null) return { kind, due: due.due, status: 'met', workdaysLeft: null, calendarCovered: due.calendarCovered, metOn };
  const state = deadlineStatus(due.due, today, calendar);
  return { kind, due: due.due, status: state.status, workdaysLeft: state.workdaysLeft, calendarCovered: due.calendarCovered && state.calendarCovered, metOn: null };
}

/**
 * Art. 14(5) and 16 deadlines of one inspection, in the order they arise. Pure over the row: the list
 * computes them in JS for every candidate row (a few thousand per bureau is a few milliseconds; the
 * calendar is an in-memory map), which keeps the `due` filter exact without storing derived dates.
 */
export function inspectionDeadlines(f: DeadlineFacts, today: string, calendar: WorkCalendar): DeadlineDto[] {
  const out: DeadlineDto[] = [];
  if (f.endedOn !== null) {
    // Met by the submission under review or approved; a returned result is due again (the same date).
    const met = SUBMITTED.includes(f.status) && f.submittedAt !== null ? beijingDate(new Date(f.submittedAt)) : null;
    out.push(deadline('entry', resultEntryDue(calendar, f.endedOn), met, today, calendar));
  }
  // Art. 16: results involving secrets or privacy are never published, so nothing is due for them
  // (neither the result nor, with it, the correction order).
  const published = f.nonPublic === null;
  if (f.formedOn !== null && published) out.push(deadline('publication', publicationDue(calendar, f.formedOn), f.publishedOn, today, calendar));
  for (const c of f.corrections) {
    // Met by the order's own publication, or by the result's when that came on or after the order
    // (an order issued at review goes out with the result).
    if (published) {
      const met = c.publishedOn ?? (f.publishedOn !== null && f.publishedOn >= c.issuedOn ? f.publishedOn : null);
      out.push(deadline('order_publication', penaltyPublicationDue(calendar, c.issuedOn), met, today, calendar));
    }
    // The order's own time limit is a calendar date; it is met by the recheck, whatever it found.
    out.push(deadline('correction', { due: c.deadlineOn, calendarCovered: true }, c.status === 'open' ? null : c.recheckOn, today, calendar));
  }
  return out;
}

/** The deadline that matters now: the nearest one not met yet. */
export function nextDeadline(deadlines: DeadlineDto[]): DeadlineDto | null {
  let next: DeadlineDto | null = null;
  for (const d of deadlines) if (d.status !== 'met' && (next === null || d.due < next.due)) next = d;
  return next;
}

/** The list's `due` filter: some unmet deadline is due soon, overdue, or either. */
export function matchesDue(deadlines: DeadlineDto[], due: 'due_soon' | 'overdue' | 'attention'): boolean {
  return deadlines.some((d) => (due === 'attention' ? d.status === 'due_soon' || d.status === 'overdue' : d.status === due));
}

/**
 * The calendar with its answers remembered, for one list call: inspections of a task end, and are formed,
 * on the same few days, so most rows ask the same questions (5,000 rows: 200 ms → a few ms).
 */
export function memoCalendar(calendar: WorkCalendar): WorkCalendar {
  const memo = new Map<string, unknown>();
  const remember = <T>(key: string, compute: () => T): T => {
    if (!memo.has(key)) memo.set(key, compute());
    return memo.get(key) as T;
  };
  return {
    isWorkday: (date) => remember(`w${date}`, () => calendar.isWorkday(date)),
    addWorkdays: (from, n) => remember(`a${from}|${n}`, () => calendar.addWorkdays(from, n)),
    workdaysBetween: (from, to) => remember(`b${from}|${to}`, () => calendar.workdaysBetween(from, to)),
    covers: (year) => calendar.covers(year),
    uncoveredYears: (from, to) => remember(`u${from}|${to}`, () => calendar.uncoveredYears(from, to)),
  };
}
