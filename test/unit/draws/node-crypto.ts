import { createHash, createHmac } from 'node:crypto';
import type { DrawCrypto } from '../../../shared/domain/draws';

/** The DrawCrypto port over node:crypto, as the core provides it. */
export const nodeCrypto: DrawCrypto = {
  sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
  hmacSha256: (key, data) => new Uint8Array(createHmac('sha256', key).update(data).digest()),
  sha256Stream: () => {
    const hash = createHash('sha256');
    return { update: (chunk) => void hash.update(chunk, 'utf8'), digestHex: () => hash.digest('hex') };
  },
};

/** A deterministic 32-byte seed for test number n. */
export function testSeed(n: number): Uint8Array {
  return new Uint8Array(createHash('sha256').update(`seed ${n}`).digest());
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The DRBG's first `count` uint32s, computed straight from the spec with createHmac — independent of
 * shared/domain/draws/drbg.ts, so the known-answer tests compare two implementations.
 */
export function referenceUint32s(seed: Uint8Array, label: string, count: number): number[] {
  const out: number[] = [];
  for (let block = 0; out.length < count; block++) {
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(BigInt(block));
    const mac = createHmac('sha256', seed).update(Buffer.concat([Buffer.from(label, 'utf8'), Buffer.from([0]), counter])).digest();
    for (let i = 0; i < 32 && out.length < count; i += 4) out.push(mac.readUInt32BE(i));
  }
  return out;
}

/** uniform(n) by the spec's rejection rule over a reference stream; also says how many values it rejected. */
export function referenceUniform(stream: number[], n: number): { value: number; rejected: number } {
  const limit = Math.floor(2 ** 32 / n) * n;
  let rejected = 0;
  for (;;) {
    const u = stream.shift();
    if (u === undefined) throw new Error('reference stream exhausted');
    if (u < limit) return { value: u % n, rejected };
    rejected++;
  }
}
