import type { DrawCrypto } from './draw-types';

/**
 * The deterministic random bit generator of casebinder-draw/1 (resources/docs/draw-algorithm.md §3): HMAC-SHA256
 * in counter mode, keyed with the 32-byte seed. Every use gets its own label, so the target draw of one
 * stratum and the inspector matching read independent streams, and adding a stratum never shifts another.
 */
export type Drbg = {
  /** The next 32 bits of the stream, as an unsigned integer. */
  nextUint32(): number;
  /** An unbiased integer in [0, n), 1 ≤ n ≤ 2^32, by rejection sampling. */
  uniform(n: number): number;
};

const TWO_32 = 2 ** 32;
const BLOCK_BYTES = 32;

/** Block i = HMAC-SHA256(seed, UTF-8(label) ‖ 0x00 ‖ uint64be(i)); each block yields 8 big-endian uint32s. */
export function createDrbg(crypto: DrawCrypto, seed: Uint8Array, label: string): Drbg {
  if (seed.length !== 32) throw new Error(`the seed must be 32 bytes, got ${seed.length}`);
  const labelBytes = utf8(label);
  const message = new Uint8Array(labelBytes.length + 1 + 8);
  message.set(labelBytes, 0);
  const counterAt = labelBytes.length + 1;
  const key = seed.slice();
  let counter = 0;
  let block: Uint8Array = new Uint8Array(0);
  let pos = BLOCK_BYTES;

  const refill = () => {
    writeUint64be(message, counterAt, counter);
    counter += 1;
    block = crypto.hmacSha256(key, message);
    if (block.length !== BLOCK_BYTES) throw new Error('hmacSha256 must return 32 bytes');
    pos = 0;
  };

  const nextUint32 = (): number => {
    if (pos >= BLOCK_BYTES) refill();
    const b = block;
    // Multiply the top byte instead of shifting it: `<< 24` would turn the result negative.
    const value = (b[pos] ?? 0) * 0x1000000 + ((b[pos + 1] ?? 0) << 16) + ((b[pos + 2] ?? 0) << 8) + (b[pos + 3] ?? 0);
    pos += 4;
    return value;
  };

  const uniform = (n: number): number => {
    if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw new Error(`uniform(n): n must be an integer in [1, 2^32], got ${n}`);
    // The largest multiple of n not above 2^32: values at or beyond it would favour small results.
    const limit = Math.floor(TWO_32 / n) * n;
    for (;;) {
      const u = nextUint32();
      if (u < limit) return u % n;
    }
  };

  return { nextUint32, uniform };
}

/** The seed as written in records: 64 hex digits (either case) → 32 bytes. Throws on anything else. */
export function seedFromHex(hex: string): Uint8Array {
  if (typeof hex !== 'string' || !/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('the seed must be 64 hexadecimal digits (32 bytes)');
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Lower-case hex of the bytes. */
export function hexOf(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** The commitment shown before the draw (公示种子承诺): SHA-256 of the 32 seed bytes, lower-case hex. */
export function seedCommitment(crypto: DrawCrypto, seed: Uint8Array): string {
  return crypto.sha256Hex(seed);
}

/** Big-endian uint64 of a safe integer (counters never come near 2^53). */
function writeUint64be(target: Uint8Array, at: number, value: number): void {
  const high = Math.floor(value / TWO_32);
  const low = value % TWO_32;
  for (let i = 0; i < 4; i++) {
    target[at + i] = (high >>> (24 - 8 * i)) & 0xff;
    target[at + 4 + i] = (low >>> (24 - 8 * i)) & 0xff;
  }
}

/** UTF-8 without TextEncoder: shared/ compiles without DOM or Node typings. Lone surrogates become U+FFFD. */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i += 1;
      } else cp = 0xfffd;
    } else if (cp >= 0xdc00 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}
