import { describe, expect, it } from 'vitest';
import { encodeSeparator, normaliseForSearch, parseSeparator } from '../../../shared/domain/scans/scans';
import { withoutRegions } from '../../../electron/core/scans/scan-service';
import { snippet } from '../../../electron/core/scans/scan-search';
import { layoutForText } from '../../../electron/core/scans/scan-pdf';

describe('separator payloads', () => {
  it('round-trips and refuses anything else', () => {
    const p = { volumeId: 42, docType: 'register' as const, title: '签字的登记表 & 附件' };
    expect(parseSeparator(encodeSeparator(p))).toEqual(p);
    expect(parseSeparator(encodeSeparator({ ...p, title: null }))).toEqual({ ...p, title: null });
    expect(parseSeparator('https://example.com/?volume=1')).toBeNull();
    expect(parseSeparator('casebinder:separator?v=2&volume=1&type=register')).toBeNull();
    expect(parseSeparator('casebinder:separator?v=1&volume=0&type=register')).toBeNull();
    expect(parseSeparator('casebinder:separator?v=1&volume=3&type=bogus')).toBeNull();
    expect(parseSeparator('casebinder:separator?v=1&volume=3&type=register&title=%E0%A4%A')).toBeNull();
  });
});

describe('text normalisation for search', () => {
  it('removes spaces between Chinese characters, folds full-width forms, keeps Latin words apart', () => {
    expect(normaliseForSearch('检 查 对 象 ： 沈阳 市')).toBe('检查对象:沈阳市');
    expect(normaliseForSearch('ＡＢＣ　１２３  foo   bar')).toBe('ABC 123 foo bar');
    expect(normaliseForSearch(' 第一行 \n  第 二 行 ')).toBe('第一行\n第二行');
  });
});

describe('snippets', () => {
  it('wraps every match in 【】 around the first one, with ellipses where cut', () => {
    const text = `${'前'.repeat(30)}食品安全监督抽查的通知，抽查范围${'后'.repeat(60)}`;
    const s = snippet(text, ['抽查']) as string;
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s.match(/【抽查】/g)).toHaveLength(2);
    expect(snippet('abc', ['x'])).toBeNull();
  });
});

describe('redacting a layout', () => {
  const layout = {
    width: 1000,
    height: 1000,
    lines: [
      { text: '统一社会信用代码:91330100', baselineY: 110, bbox: { x0: 100, y0: 80, x1: 700, y1: 120 }, words: [
        { text: '统一社会信用代码:', confidence: 90, bbox: { x0: 100, y0: 80, x1: 400, y1: 120 } },
        { text: '91330100', confidence: 90, bbox: { x0: 420, y0: 80, x1: 700, y1: 120 } },
      ] },
      { text: '检查时间', baselineY: 210, bbox: { x0: 100, y0: 180, x1: 400, y1: 220 }, words: [{ text: '检查时间', confidence: 90, bbox: { x0: 100, y0: 180, x1: 400, y1: 220 } }] },
    ],
  };
  it('drops the words inside a rectangle and keeps the rest of the line where it was', () => {
    const out = withoutRegions(layout, [{ x0: 0.41, y0: 0.07, x1: 0.72, y1: 0.13 }], false);
    expect(out.lines.map((l) => l.text)).toEqual(['统一社会信用代码:', '检查时间']);
    expect(out.lines[0]?.bbox.x1).toBe(400);
  });
  it('drops a corrected line touching a rectangle whole (its words are not known)', () => {
    const corrected = layoutForText(layout, '统一社会信用代码:91330100X\n检查时间', { width: 1000, height: 1000 });
    const out = withoutRegions(corrected, [{ x0: 0.41, y0: 0.07, x1: 0.72, y1: 0.13 }], true);
    expect(out.lines.map((l) => l.text)).toEqual(['检查时间']);
  });
});
