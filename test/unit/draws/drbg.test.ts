import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDrbg, hexOf, seedCommitment, seedFromHex } from '../../../shared/domain/draws';
import { nodeCrypto, referenceUint32s, referenceUniform, testSeed } from './node-crypto';

/** The spec's test vector seed: bytes 00 01 02 … 1f. */
const VECTOR_SEED = Uint8Array.from({ length: 32 }, (_, i) => i);

describe('DRBG (HMAC-SHA256 counter mode)', () => {
  it.each(['targets/high/A', 'inspectors', 'experts', 'targets/unrated/unrated', '检查/测试 ✓𝌆'])('label %j: the first 20 uint32s (3 blocks) equal an independent createHmac computation', (label) => {
    const seed = testSeed(7);
    const drbg = createDrbg(nodeCrypto, seed, label);
    const actual = Array.from({ length: 20 }, () => drbg.nextUint32());
    expect(actual).toEqual(referenceUint32s(seed, label, 20));
  });

  it('matches the published test vector of resources/docs/draw-algorithm.md', () => {
    const drbg = createDrbg(nodeCrypto, VECTOR_SEED, 'targets/high/A');
    const words = Array.from({ length: 9 }, () => drbg.nextUint32().toString(16).padStart(8, '0'));
    expect(words.join(' ')).toBe('5d5ab4d0 eabb9b95 2b633fb2 210f9aeb f1a8b08c c4393267 5f58a48b 75591229 6e3e0b03');
    expect(seedCommitment(nodeCrypto, VECTOR_SEED)).toBe('630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd');
    const uniform = createDrbg(nodeCrypto, VECTOR_SEED, 'targets/high/A');
    expect(Array.from({ length: 5 }, () => uniform.uniform(10))).toEqual([6, 5, 8, 7, 0]);
  });

  it('different labels and different seeds give different streams', () => {
    const first = (seed: Uint8Array, label: string) => createDrbg(nodeCrypto, seed, label).nextUint32();
    expect(first(testSeed(1), 'targets/high/A')).not.toBe(first(testSeed(1), 'targets/high/B'));
    expect(first(testSeed(1), 'inspectors')).not.toBe(first(testSeed(2), 'inspectors'));
  });

  it.each([1, 2, 3, 7, 10, 1000, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 1, 2 ** 32 - 1, 2 ** 32])('uniform(%d) stays in [0, n) and is an integer', (n) => {
    const drbg = createDrbg(nodeCrypto, testSeed(n % 97), 'range');
    for (let i = 0; i < 2000; i++) {
      const v = drbg.uniform(n);
      expect(Number.isInteger(v) && v >= 0 && v < n).toBe(true);
    }
  });

  it('uniform(2^31 + 1) rejects about half of the raw values, exactly as the reference rule does', () => {
    const n = 2 ** 31 + 1;
    const seed = testSeed(3);
    const drbg = createDrbg(nodeCrypto, seed, 'reject');
    const stream = referenceUint32s(seed, 'reject', 4000);
    let rejected = 0;
    for (let i = 0; i < 1000; i++) {
      const expected = referenceUniform(stream, n);
      rejected += expected.rejected;
      expect(drbg.uniform(n)).toBe(expected.value);
    }
    // P(reject) = (2^32 − (2^31 + 1)) / 2^32 ≈ 0.5: some 1000 rejections expected over 1000 draws.
    expect(rejected).toBeGreaterThan(800);
    expect(rejected).toBeLessThan(1200);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 32 + 1])('uniform(%d) is a programming error', (n) => {
    expect(() => createDrbg(nodeCrypto, testSeed(0), 'x').uniform(n)).toThrow(Error);
  });

  it('refuses a seed that is not 32 bytes', () => {
    expect(() => createDrbg(nodeCrypto, new Uint8Array(16), 'x')).toThrow(/32 bytes/);
  });
});

describe('seed encoding and commitment', () => {
  it('seedFromHex accepts 64 hex digits in either case and hexOf gives them back in lower case', () => {
    const hex = '00112233445566778899aabbccddeeff00112233445566778899AABBCCDDEEFF';
    const bytes = seedFromHex(hex);
    expect(bytes.length).toBe(32);
    expect(bytes[10]).toBe(0xaa);
    expect(hexOf(bytes)).toBe(hex.toLowerCase());
  });

  it.each(['', 'abc', '0'.repeat(63), '0'.repeat(65), `${'0'.repeat(62)}zz`, ` ${'0'.repeat(63)}`, `0x${'0'.repeat(62)}`])('seedFromHex(%j) throws', (hex) => {
    expect(() => seedFromHex(hex)).toThrow(Error);
  });

  it('the commitment is SHA-256 of the 32 seed bytes (not of the hex text)', () => {
    const seed = testSeed(42);
    expect(seedCommitment(nodeCrypto, seed)).toBe(createHash('sha256').update(seed).digest('hex'));
    expect(seedCommitment(nodeCrypto, seed)).not.toBe(createHash('sha256').update(hexOf(seed)).digest('hex'));
  });
});
