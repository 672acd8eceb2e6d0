import type { MonthlyReportDto } from '../../../shared/contract/reports';

type Counts = Pick<MonthlyReportDto['total'], 'entryOnTime' | 'entryLate' | 'publishedOnTime' | 'publishedLate'>;

/** On-time share in percent (one decimal), or null when nothing was due. */
export function rate(onTime: number, late: number): number | null {
  const all = onTime + late;
  return all === 0 ? null : Math.round((onTime / all) * 1000) / 10;
}

export const entryRate = (r: Counts) => rate(r.entryOnTime, r.entryLate);
export const publicationRate = (r: Counts) => rate(r.publishedOnTime, r.publishedLate);
export const rateText = (v: number | null) => (v === null ? '—' : `${v}%`);
