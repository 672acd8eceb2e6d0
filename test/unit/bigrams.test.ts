import { describe, expect, it } from 'vitest';
import { isLetterOrDigit, nameBigrams } from '../../shared/domain/bigrams';
import { seededRandom } from '../support/test-context';

/** The first implementation (split + spread per word): the one-pass version must answer exactly as it did. */
function reference(name: string): string {
  const words = name.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out = new Set<string>();
  for (const word of words) {
    const chars = [...word];
    if (chars.length === 1) out.add(word);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return [...out].join(' ');
}

describe('name bigrams', () => {
  it('pairs, single characters, separators', () => {
    expect(nameBigrams('沈阳食品')).toBe('沈阳 阳食 食品');
    expect(nameBigrams('沈阳 A 食品（沈河）')).toBe('沈阳 a 食品 沈河');
    expect(nameBigrams('')).toBe('');
    expect(nameBigrams('阳阳阳')).toBe('阳阳');
    const long = Array.from({ length: 400 }, (_, i) => String.fromCodePoint(0x4e00 + (i % 150))).join('');
    expect(nameBigrams(long)).toBe(reference(long));
  });

  it('equals the reference on names with full-width forms, punctuation, astral characters and lone surrogates', () => {
    const random = seededRandom('bigrams');
    const pool = [...'沈阳市和平区鑫源食品有限公司ＡＢＣａｂｃ１２３ABCxyz789 ·-_,.，。、（）()【】\t\n', '𠀀', '𪚥', '\uD800', '\uDC00', 'é', 'e\u0301', 'Ⅷ', '①', 'ﬁ', 'ß', 'İ', '٣', '\u00A0', '\u3000'];
    for (let n = 0; n < 3000; n++) {
      const bytes = random.bytes(1 + (n % 24));
      const name = [...bytes].map((b) => pool[b % pool.length]).join('');
      expect(nameBigrams(name), JSON.stringify(name)).toBe(reference(name));
    }
  });

  it('the shortcut for the CJK block and ASCII agrees with \\p{L}\\p{N} in this runtime', () => {
    const re = /^[\p{L}\p{N}]$/u;
    for (let code = 0; code < 0x80; code++) expect(isLetterOrDigit(code, String.fromCodePoint(code))).toBe(re.test(String.fromCodePoint(code)));
    for (let code = 0x4e00; code <= 0x9fff; code++) expect(re.test(String.fromCodePoint(code))).toBe(true);
  });
});
