/**
 * Calendar dates as ISO 'YYYY-MM-DD' strings: no time zone and no clock. ISO strings compare correctly
 * as plain strings, so periods and expiry checks need no Date objects.
 */

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return Number.isInteger(day) && day >= 1 && day <= days;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Is the value exactly 'YYYY-MM-DD' and a real calendar day? */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

const PATTERNS = [
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/, // 2026-01-31, 2026/1/31, 2026.1.31
  /^(\d{4})(年)(\d{1,2})月(\d{1,2})日?$/, // 2026年1月31日
  /^(\d{4})()(\d{2})(\d{2})$/, // 20260131
];

/**
 * Read a date as people type it in spreadsheets: 2026-01-31, 2026/1/31, 2026.1.31, 2026年1月31日,
 * 20260131; full-width digits allowed, and a trailing midnight time (2026-01-31 00:00:00) ignored.
 * Returns 'YYYY-MM-DD', or null when the text is not one real calendar day.
 */
export function parseDate(raw: string): string | null {
  const text = raw
    .normalize('NFKC')
    .trim()
    .replace(/[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?$/, '')
    .replace(/\s+/g, '');
  for (const pattern of PATTERNS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
    return isValidYmd(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
  }
  return null;
}

/** Do two inclusive periods share at least one day? */
export function periodsOverlap(a: { fromDate: string; toDate: string }, b: { fromDate: string; toDate: string }): boolean {
  return a.fromDate <= b.toDate && b.fromDate <= a.toDate;
}
