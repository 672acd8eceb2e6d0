import fs from 'node:fs';
import path from 'node:path';
import { HolidayYear } from '../../../shared/domain/calendar';

export const HOLIDAYS_DIR = path.resolve(__dirname, '../../../resources/holidays');

/** The year files as shipped in resources/holidays/, parsed with the file schema. */
export function bundledYears(only?: number[]): HolidayYear[] {
  return fs
    .readdirSync(HOLIDAYS_DIR)
    .filter((n) => /^\d{4}\.json$/.test(n))
    .filter((n) => !only || only.includes(Number(n.slice(0, 4))))
    .map((n) => HolidayYear.parse(JSON.parse(fs.readFileSync(path.join(HOLIDAYS_DIR, n), 'utf8'))));
}
