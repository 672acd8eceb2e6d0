import { describe, expect, it } from 'vitest';
import { chineseDate, defaultDocNumber, formatDocNumber, isNumbered, isValidDocNumberPattern } from '../../../shared/domain/documents/doc-number';

describe('document numbers (文号)', () => {
  it('formats the default notice pattern without zero padding', () => {
    expect(defaultDocNumber('notice', { short: '沈和市监', year: 2026, n: 15 })).toBe('沈和市监检告〔2026〕15号');
    expect(defaultDocNumber('notice', { short: ' 沈市监 ', year: 2025, n: 1 })).toBe('沈市监检告〔2025〕1号');
  });

  it('numbers the 责令改正通知书 in a 责改 series of its own', () => {
    expect(defaultDocNumber('order', { short: '沈和市监', year: 2026, n: 3 })).toBe('沈和市监责改〔2026〕3号');
    expect(isNumbered('order')).toBe(true);
  });

  it('gives the register form no number', () => {
    expect(defaultDocNumber('register', { short: '沈和市监', year: 2026, n: 1 })).toBeNull();
    expect(isNumbered('register')).toBe(false);
    expect(isNumbered('notice')).toBe(true);
  });

  it('accepts other patterns that name the sequence, refuses ones that do not', () => {
    expect(formatDocNumber('{short}检〔{year}〕第{n}号', { short: '沈皇市监', year: 2026, n: 3 })).toBe('沈皇市监检〔2026〕第3号');
    expect(isValidDocNumberPattern('{short}检告〔{year}〕号')).toBe(false);
    expect(isValidDocNumberPattern('{short}{bogus}{n}')).toBe(false);
    expect(() => formatDocNumber('{short}〔{year}〕', { short: 'x', year: 2026, n: 1 })).toThrow(/pattern/);
  });

  it('refuses a sequence below 1 and a malformed year', () => {
    expect(() => defaultDocNumber('notice', { short: 'x', year: 2026, n: 0 })).toThrow(/positive/);
    expect(() => defaultDocNumber('notice', { short: 'x', year: 26, n: 1 })).toThrow(/year/);
  });

  it('writes dates the way official documents do', () => {
    expect(chineseDate('2026-03-02')).toBe('2026年3月2日');
    expect(chineseDate('2026-12-31T10:00:00Z')).toBe('2026年12月31日');
  });
});
