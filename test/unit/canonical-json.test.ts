import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../electron/core/audit/canonical-json';
import { generatePassword, isStrongPassword } from '../../electron/core/auth/password';
import { seededRandom } from '../support/test-context';

describe('canonical JSON', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
  });
});

describe('passwords', () => {
  it('generated one-time passwords are strong and differ', () => {
    const random = seededRandom('pw');
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const pw = generatePassword(random.bytes);
      expect(isStrongPassword(pw)).toBe(true);
      expect(pw).not.toMatch(/[0O1lI]/);
      seen.add(pw);
    }
    expect(seen.size).toBe(200);
  });
  it.each([['short1', false], ['onlyletterslong', false], ['1234567890', false], ['abcde12345', true]])('%s strong=%s', (pw, ok) => {
    expect(isStrongPassword(pw)).toBe(ok);
  });
});
