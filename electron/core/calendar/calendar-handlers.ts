import type { calendarMethods } from '../../../shared/contract';
import type { Handlers } from '../rpc/call-context';
import type { CalendarService } from './calendar-service';

type Names = keyof typeof calendarMethods;

export function buildCalendarHandlers(d: { calendar: CalendarService }): Pick<Handlers, Names> {
  return {
    'calendar.addWorkdays': async (input) => d.calendar.addWorkdays(input.date, input.days),
    'calendar.years': async () => d.calendar.years(),
    'calendar.importYear': (input, call) => d.calendar.importYear(call.actor, input.json),
  };
}
