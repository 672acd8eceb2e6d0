import fs from 'node:fs/promises';
import path from 'node:path';
import type { CalendarYearDto, WorkdaysDueDto } from '../../../shared/contract';
import { createWorkCalendar, parseHolidayFile, stripBom, type HolidayYear, type WorkCalendar } from '../../../shared/domain/calendar';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import { sha256Hex } from '../audit/canonical-json';
import type { Clock, Logger } from '../config';
import type { Database } from '../db/database';

type Deps = { db: Database; clock: Clock; audit: AuditService; logger: Logger; resourcesDir: string };

/** A year file as the calendar uses it, with where it came from. */
export type LoadedYear = { file: HolidayYear; sha256: string; source: 'bundled' | 'imported'; importedAt: string | null };

type HolidayYearRow = { year: number; raw_json: string; sha256: string; day_count: number; imported_by: number | null; imported_at: string };

const YEAR_FILE = /^\d{4}\.json$/;

/**
 * The holiday files shipped in resources/holidays/ (2007.json …). A file that does not parse is
 * reported, not fatal: its year then reads as uncovered, and every deadline touching it says so.
 */
export async function loadBundledYears(resourcesDir: string): Promise<{ years: LoadedYear[]; problems: { file: string; problems: string[] }[] }> {
  const dir = path.join(resourcesDir, 'holidays');
  const names = (await fs.readdir(dir)).filter((n) => YEAR_FILE.test(n)).sort();
  const years: LoadedYear[] = [];
  const problems: { file: string; problems: string[] }[] = [];
  for (const name of names) {
    const text = stripBom(await fs.readFile(path.join(dir, name), 'utf8'));
    const parsed = parseHolidayFile(text);
    if (!parsed.ok) problems.push({ file: name, problems: parsed.problems });
    else if (`${parsed.value.year}.json` !== name) problems.push({ file: name, problems: [`year ${parsed.value.year} does not match the file name`] });
    else years.push({ file: parsed.value, sha256: sha256Hex(text), source: 'bundled', importedAt: null });
  }
  return { years, problems };
}

export function yearSummary(y: LoadedYear): CalendarYearDto {
  const offDays = y.file.days.filter((d) => d.isOffDay).length;
  return {
    year: y.file.year,
    source: y.source,
    dayCount: y.file.days.length,
    offDays,
    makeUpDays: y.file.days.length - offDays,
    papers: y.file.papers,
    sha256: y.sha256,
    importedAt: y.importedAt,
  };
}

/** What the audit log holds for an imported year; the hash is of the stored text, so an edit to it shows in `audit verify`. */
const snapshotOf = (row: HolidayYearRow) => ({ year: row.year, sha256: sha256Hex(row.raw_json), dayCount: row.day_count, importedBy: row.imported_by, importedAt: row.imported_at });

/**
 * The working-day calendar of this data folder: the bundled year files, each replaced by an admin's
 * import of the same year (a newer notice, a correction, or a year released after this build).
 * Held in memory; rebuilt at start and after each import.
 */
export function createCalendarService({ db, clock, audit, logger, resourcesDir }: Deps) {
  let bundled = new Map<number, LoadedYear>();
  let imported = new Map<number, LoadedYear>();
  let effective = new Map<number, LoadedYear>();
  let calendar: WorkCalendar = createWorkCalendar([]);

  function rebuild() {
    effective = new Map([...bundled, ...imported].sort(([a], [b]) => a - b));
    calendar = createWorkCalendar([...effective.values()].map((y) => y.file));
  }

  function fromRow(row: HolidayYearRow): LoadedYear | null {
    // A row changed behind the app's back is not trusted for deadlines; audit verify reports it.
    if (sha256Hex(row.raw_json) !== row.sha256) return null;
    const parsed = parseHolidayFile(row.raw_json);
    if (!parsed.ok || parsed.value.year !== row.year) return null;
    return { file: parsed.value, sha256: row.sha256, source: 'imported', importedAt: row.imported_at };
  }

  async function load(): Promise<void> {
    const files = await loadBundledYears(resourcesDir);
    for (const p of files.problems) logger.error('bundled holiday file is invalid; its year is treated as uncovered', p);
    bundled = new Map(files.years.map((y) => [y.file.year, y]));
    imported = new Map();
    for (const row of await db.all<HolidayYearRow>('SELECT * FROM holiday_years ORDER BY year')) {
      const loaded = fromRow(row);
      if (loaded) imported.set(row.year, loaded);
      else logger.error('imported holiday year does not match its hash or format; using the bundled file', { year: row.year });
    }
    rebuild();
  }

  async function importYear(actor: AuditActor, json: string): Promise<CalendarYearDto> {
    const text = stripBom(json);
    const parsed = parseHolidayFile(text);
    if (!parsed.ok) throw new AppError('CALENDAR_FILE_INVALID', { problems: parsed.problems });
    const file = parsed.value;
    // Upstream publishes next year's file with `days: []` until the notice is out: importing it would
    // only blank out what is known (or was bundled) for that year.
    if (file.days.length === 0) throw new AppError('CALENDAR_FILE_INVALID', { year: file.year, problems: [`${file.year} 年的文件没有列出任何日期（该年度放假安排可能尚未发布）`] });
    const sha256 = sha256Hex(text);
    const current = imported.get(file.year);
    if (current?.sha256 === sha256) return yearSummary(current); // same file again: nothing to record

    const previous = effective.get(file.year);
    const importedAt = clock.now().toISOString();
    await db.write(async (tx) => {
      await tx.run(
        `INSERT INTO holiday_years (year, raw_json, sha256, day_count, imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (year) DO UPDATE SET raw_json = excluded.raw_json, sha256 = excluded.sha256, day_count = excluded.day_count,
           imported_by = excluded.imported_by, imported_at = excluded.imported_at`,
        [file.year, text, sha256, file.days.length, actor.userId, importedAt],
      );
      const row = await tx.get<HolidayYearRow>('SELECT * FROM holiday_years WHERE year = ?', [file.year]);
      if (!row) throw new Error('holiday year row vanished inside its transaction');
      await audit.record(tx, {
        actor,
        action: 'calendar.importYear',
        entity: 'holiday_year',
        entityId: file.year,
        after: snapshotOf(row),
        detail: { papers: file.papers, replaces: previous ? { source: previous.source, sha256: previous.sha256 } : null },
      });
    });
    const loaded: LoadedYear = { file, sha256, source: 'imported', importedAt };
    imported.set(file.year, loaded);
    rebuild();
    return yearSummary(loaded);
  }

  return {
    load,
    importYear,
    /** Years with holiday data, oldest first (a file with no days does not count). */
    years: (): CalendarYearDto[] => [...effective.values()].filter((y) => y.file.days.length > 0).map(yearSummary),
    addWorkdays: (date: string, days: number): WorkdaysDueDto => calendar.addWorkdays(date, days),
    /** The current calendar (it is replaced, not changed, by an import: hold on to the function, not the value). */
    calendar: (): WorkCalendar => calendar,
    snapshots: async () => new Map((await db.all<HolidayYearRow>('SELECT * FROM holiday_years')).map((r) => [String(r.year), snapshotOf(r) as object])),
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
