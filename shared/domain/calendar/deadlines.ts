import type { WorkCalendar } from './work-calendar';

/**
 * Statutory periods of the Shenyang work rules (shenyang-spot-check-rules.txt; domain-reference §8.2),
 * in working days, counted per §7: "within N working days from X" — X itself is not counted.
 * §8.2 asks for them to be editable settings with these defaults, hence the optional `days` below.
 */
export const DEADLINE_WORKDAYS = {
  /**
   * Art. 14(5) 限时录入抽查检查结果: "应在检查结束之日起10个工作日内 … 由执法检查人员录入抽查结果信息"
   * — from the day the inspection ends.
   */
  resultEntry: 10,
  /** Art. 16: "检查结果均应于形成后10个工作日内在国家企业信用信息公示系统（辽宁）… 公示" — from the day the result is formed. */
  publication: 10,
  /**
   * Art. 16: "依法采取行政命令、行政强制、行政处罚等处理措施的,作出决定后7个工作日内公示" — from the decision.
   * Covers all three kinds of measure (order, compulsion, penalty), not only penalties.
   */
  penaltyPublication: 7,
} as const;

/**
 * §8.2: "warn at 2 working days left". A deadline with this many working days left or fewer (including
 * 0 = due today) is 'due_soon'.
 */
export const DUE_SOON_WORKDAYS = 2;

export type Due = { due: string; calendarCovered: boolean };

/** Art. 14(5): enter the result within 10 working days from the day the inspection ends. */
export function resultEntryDue(calendar: WorkCalendar, inspectionEnd: string, days: number = DEADLINE_WORKDAYS.resultEntry): Due {
  return calendar.addWorkdays(inspectionEnd, days);
}

/** Art. 16: publish the result within 10 working days of its forming. */
export function publicationDue(calendar: WorkCalendar, resultFormed: string, days: number = DEADLINE_WORKDAYS.publication): Due {
  return calendar.addWorkdays(resultFormed, days);
}

/** Art. 16: publish an administrative order, compulsion or penalty within 7 working days of the decision. */
export function penaltyPublicationDue(calendar: WorkCalendar, decision: string, days: number = DEADLINE_WORKDAYS.penaltyPublication): Due {
  return calendar.addWorkdays(decision, days);
}

export type DeadlineStatus = 'ok' | 'due_soon' | 'overdue';

export type DeadlineState = {
  status: DeadlineStatus;
  /**
   * Working days in (today, due]; negative once overdue (minus the working days in (due, today]). May be
   * 0 while overdue: the weekend after a Friday deadline.
   */
  workdaysLeft: number;
  /** False when a day between today and the due date lies in a year whose holiday notice is not loaded. */
  calendarCovered: boolean;
};

/** Where a deadline stands today: overdue the day after `due`, due soon within `warnAt` working days. */
export function deadlineStatus(due: string, today: string, calendar: WorkCalendar, warnAt: number = DUE_SOON_WORKDAYS): DeadlineState {
  const workdaysLeft = calendar.workdaysBetween(today, due);
  // ISO dates compare as strings.
  const status: DeadlineStatus = today > due ? 'overdue' : workdaysLeft <= warnAt ? 'due_soon' : 'ok';
  return { status, workdaysLeft, calendarCovered: calendar.uncoveredYears(today, due).length === 0 };
}
