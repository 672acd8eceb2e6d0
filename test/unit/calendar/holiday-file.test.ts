import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HolidayYear, parseHolidayFile } from '../../../shared/domain/calendar';
import { HOLIDAYS_DIR } from './bundled';

const file = (days: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ year: 2025, papers: ['https://www.gov.cn/x.htm'], days, ...extra });
const day = (date: string, isOffDay = true, name = '元旦') => ({ name, date, isOffDay });
const problems = (text: string) => {
  const r = parseHolidayFile(text);
  return r.ok ? [] : r.problems;
};

describe('holiday year file (holiday-cn format)', () => {
  it('accepts every bundled file (2007–2026), including previous-December 元旦 days', () => {
    const names = fs.readdirSync(HOLIDAYS_DIR).filter((n) => /^\d{4}\.json$/.test(n));
    expect(names).toHaveLength(20);
    for (const name of names) {
      const r = parseHolidayFile(fs.readFileSync(path.join(HOLIDAYS_DIR, name), 'utf8'));
      expect(r.ok, name).toBe(true);
      if (r.ok) expect(`${r.value.year}.json`).toBe(name);
    }
    const y2019 = HolidayYear.parse(JSON.parse(fs.readFileSync(path.join(HOLIDAYS_DIR, '2019.json'), 'utf8')));
    expect(y2019.days.slice(0, 3).map((d) => d.date)).toEqual(['2018-12-29', '2018-12-30', '2018-12-31']);
  });

  it('drops upstream’s $schema/$id, ignores a BOM, accepts an empty days list (notice not out yet)', () => {
    const r = parseHolidayFile('\ufeff' + file([day('2025-01-01')], { $schema: 'x', $id: 'y' }));
    expect(r).toEqual({ ok: true, value: { year: 2025, papers: ['https://www.gov.cn/x.htm'], days: [day('2025-01-01')] } });
    expect(parseHolidayFile(JSON.stringify({ year: 2027, papers: [], days: [] }))).toMatchObject({ ok: true });
  });

  it.each([
    ['a date of another year', file([day('2024-06-01')]), /days\.0\.date: .*不属于 2025 年度/],
    ['previous December before the 25th', file([day('2024-12-20')]), /days\.0\.date: .*不属于 2025 年度/],
    ['a date of the next year', file([day('2026-01-01')]), /不属于 2025 年度/],
    ['an impossible date', file([day('2025-02-30')]), /days\.0\.date/],
    ['a date not in ISO form', file([day('2025-9-1')]), /days\.0\.date/],
    ['a date with a time', file([day('2025-09-01T00:00:00Z')]), /days\.0\.date/],
    ['a duplicate date', file([day('2025-10-01'), day('2025-10-01', false)]), /days\.1\.date: .*重复/],
    ['a fractional year', JSON.stringify({ year: 2025.5, papers: [], days: [] }), /^year: /],
    ['a year as text', JSON.stringify({ year: '2025', papers: [], days: [] }), /^year: /],
    ['no papers', JSON.stringify({ year: 2025, days: [] }), /^papers: /],
    ['isOffDay as text', file([{ name: 'x', date: '2025-10-01', isOffDay: 'true' }]), /days\.0\.isOffDay/],
    ['an array at the top', '[]', /^\(根\): /],
    ['not JSON', '{"year": 2025,', /^不是有效的 JSON/],
  ])('rejects %s', (_what, text, message) => {
    const found = problems(text);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((p) => message.test(p)), found.join(' | ')).toBe(true);
  });

  it('accepts 12-25..12-31 of the previous year and nothing earlier', () => {
    expect(parseHolidayFile(file([day('2024-12-25', false)])).ok).toBe(true);
    expect(parseHolidayFile(file([day('2024-12-24', false)])).ok).toBe(false);
  });

  it('reports at most ten problems', () => {
    const many = Array.from({ length: 30 }, (_, i) => day(`2030-01-${String(i + 1).padStart(2, '0')}`));
    expect(problems(file(many))).toHaveLength(10);
  });
});
