import type { reportsMethods } from '../../../shared/contract';
import type { Handlers } from '../rpc/call-context';
import type { ReportService } from './report-service';

type Names = keyof typeof reportsMethods;

export function buildReportHandlers(d: { reports: ReportService }): Pick<Handlers, Names> {
  return {
    'reports.monthly': (input) => d.reports.monthly(input),
    'reports.exportMonthly': async (input, call) => ({ fileName: (await d.reports.exportMonthly(call.actor, input)).fileName }),
  };
}
