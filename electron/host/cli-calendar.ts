import { createWorkCalendar, type WorkCalendar } from '../../shared/domain/calendar';
import { parseDate } from '../../shared/domain/dates';
import type { AppContext } from '../core/app-context';
import { loadBundledYears } from '../core/calendar/calendar-service';

const MAX_DAYS = 3660;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const weekdayOf = (iso: string) => `星期${WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()]}`;

type Options = {
  /** DATE N, after `workdays add`. */
  args: string[];
  json: boolean;
  resourcesDir: string;
  /**
   * Set when the user named a data folder: then its imported year files count too. Otherwise only the
   * bundled files are read, so the command works anywhere, without a data folder.
   */
  openDataFolder: (() => Promise<AppContext>) | null;
};

/**
 * `casebinder workdays add DATE N [--json]`: the day N working days after DATE, DATE itself not counted
 * (domain-reference §7). Prints `{"due":"YYYY-MM-DD","calendarCovered":true}` with --json.
 */
export async function workdaysAddCommand(o: Options): Promise<number> {
  const [rawDate = '', rawDays = ''] = o.args;
  const date = parseDate(rawDate);
  if (!date || !/^\d+$/.test(rawDays) || Number(rawDays) > MAX_DAYS || o.args.length !== 2) {
    process.stderr.write(`用法：casebinder workdays add 日期 天数 [--json]（日期如 2025-09-26，天数为 0–${MAX_DAYS} 的整数）\n`);
    return 2;
  }
  const days = Number(rawDays);
  const { calendar, source } = await openCalendar(o);
  const { due, calendarCovered } = calendar.addWorkdays(date, days);
  if (o.json) {
    process.stdout.write(JSON.stringify({ due, calendarCovered }) + '\n');
    return 0;
  }
  const lines = [`自 ${date}（${weekdayOf(date)}）起 ${days} 个工作日（起算日不计入）：截止 ${due}（${weekdayOf(due)}）。`, `依据：${source}。`];
  if (!calendarCovered) {
    const years = calendar.uncoveredYears(date, due).join('、');
    lines.push(`注意：${years} 年的放假安排未载入，按周一至周五为工作日计算，结果可能不准确；请由管理员导入该年度的放假安排文件。`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

async function openCalendar(o: Options): Promise<{ calendar: WorkCalendar; source: string }> {
  if (o.openDataFolder) {
    const app = await o.openDataFolder();
    try {
      const years = app.services.calendar.years();
      const imported = years.filter((y) => y.source === 'imported').map((y) => y.year);
      return { calendar: app.services.calendar.calendar(), source: `数据文件夹的工作日历（${describe(years.map((y) => y.year))}${imported.length ? `，其中 ${imported.join('、')} 年为导入数据` : ''}）` };
    } finally {
      await app.close();
    }
  }
  const bundled = await loadBundledYears(o.resourcesDir);
  for (const p of bundled.problems) process.stderr.write(`警告：内置放假安排文件 ${p.file} 无效，已忽略：${p.problems.join('；')}\n`);
  const years = bundled.years.filter((y) => y.file.days.length > 0).map((y) => y.file.year);
  return { calendar: createWorkCalendar(bundled.years.map((y) => y.file)), source: `内置国务院放假安排（${describe(years)}）` };
}

/** 2007–2026、2031 年 */
function describe(years: number[]): string {
  if (years.length === 0) return '无';
  const runs: [number, number][] = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && y === last[1] + 1) last[1] = y;
    else runs.push([y, y]);
  }
  return `${runs.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join('、')} 年`;
}
