import { createHash, createHmac } from 'node:crypto';
import type { DrawCrypto } from '../../../shared/domain/draws/draw-types';

/** The draw algorithm's hashing port, backed by node:crypto (OpenSSL). */
export const nodeDrawCrypto: DrawCrypto = {
  sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
  hmacSha256: (key, data) => new Uint8Array(createHmac('sha256', key).update(data).digest()),
  sha256Stream: () => {
    const hash = createHash('sha256');
    return {
      update: (chunk: string) => void hash.update(chunk, 'utf8'),
      digestHex: () => hash.digest('hex'),
    };
  },
};
