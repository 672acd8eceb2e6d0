import fs from 'node:fs';
import path from 'node:path';
import type { MonthlyReportDto } from '../../../shared/contract';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { BureauService } from '../bureaus/bureau-service';
import type { CalendarService } from '../calendar/calendar-service';
import type { Clock } from '../config';
import type { Database } from '../db/database';
import { exportFilePath } from '../exports/table-export';
import { computeMonthlyReport } from './monthly-report';
import { monthlyReportXlsx } from './monthly-report-xlsx';

type Deps = { db: Database; clock: Clock; audit: AuditService; bureaus: BureauService; calendar: CalendarService; exportsDir: string };

/** Beijing wall-clock time for the 制表时间 line. */
const beijingStamp = (now: Date): string => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Reports over the spot-check work (月报表). Dispatch has checked that the caller may see `bureauId`. */
export function createReportService({ db, clock, audit, bureaus, calendar, exportsDir }: Deps) {
  /** The bureau first, then its subtree by division code (a district's report is one row). */
  function scope(bureauId: number) {
    const ids = bureaus.subtree(bureauId);
    const list = ids.map((id) => bureaus.get(id));
    return list.sort((a, b) => (a.id === bureauId ? -1 : b.id === bureauId ? 1 : a.divisionCode.localeCompare(b.divisionCode)));
  }

  async function monthly(input: { bureauId: number; month: string }): Promise<MonthlyReportDto> {
    return computeMonthlyReport(db, calendar.calendar(), scope(input.bureauId), input.month);
  }

  /** The XLSX into exports/ (or `outFile`); written as `.part` and renamed, so a half file never shows. */
  async function exportMonthly(actor: AuditActor, input: { bureauId: number; month: string }, outFile?: string): Promise<{ fileName: string; file: string }> {
    const report = await monthly(input);
    const bureau = bureaus.get(input.bureauId);
    const now = clock.now();
    const data = await monthlyReportXlsx(report, { bureauName: bureau.name, generatedAt: beijingStamp(now) });
    const file = outFile ? path.resolve(outFile) : exportFilePath(exportsDir, `月报表-${bureau.divisionCode}-${input.month}`, 'xlsx', now);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.writeFile(`${file}.part`, data);
    await fs.promises.rename(`${file}.part`, file);
    const fileName = path.basename(file);
    await db.write((tx) => audit.record(tx, { actor, action: 'reports.exportMonthly', entity: 'report_export', entityId: fileName, detail: { bureauId: input.bureauId, month: input.month, size: data.length } }));
    return { fileName, file };
  }

  return { monthly, exportMonthly };
}

export type ReportService = ReturnType<typeof createReportService>;
