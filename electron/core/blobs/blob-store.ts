import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import { exists, writeDurable } from './durable-files';

type Deps = { root: string; db: Database; clock: Clock; tempName: () => string };

/**
 * Content-addressed files: blobs/ab/abcdef… named by SHA-256. Written to tmp → fsync → rename →
 * fsync dir before the row that references them commits; never rewritten once stored.
 */
export function createBlobStore({ root, db, clock, tempName }: Deps) {
  const tmpDir = path.join(root, 'tmp');

  function pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('BLOB_MISSING', { sha256 });
    return path.join(root, sha256.slice(0, 2), sha256);
  }

  /** Store bytes durably and register them in `blobs` inside the caller's transaction. */
  async function put(tx: Tx, bytes: Uint8Array, mediaType: string): Promise<{ sha256: string; size: number }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = pathOf(sha256);
    if (!(await exists(target))) await writeDurable(target, bytes, path.join(tmpDir, tempName()));
    await tx.run('INSERT OR IGNORE INTO blobs (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?)', [
      sha256,
      bytes.byteLength,
      mediaType,
      clock.now().toISOString(),
    ]);
    return { sha256, size: bytes.byteLength };
  }

  /** Read and verify: a changed file is reported, never returned. */
  async function read(sha256: string): Promise<Buffer> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('BLOB_MISSING', { sha256 });
      throw error;
    }
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new AppError('BLOB_CORRUPT', { sha256 });
    return bytes;
  }

  /**
   * Remove blobs no table references any more, and files on disk without a row (left by a transaction
   * that rolled back) once they are older than `graceMs`, so an upload still in flight is never swept.
   */
  async function collectGarbage(referenced: (sha256: string) => Promise<boolean>, graceMs = 3600_000): Promise<number> {
    let removed = 0;
    const rows = await db.all<{ sha256: string }>('SELECT sha256 FROM blobs');
    const known = new Set<string>();
    for (const { sha256 } of rows) {
      if (await referenced(sha256)) {
        known.add(sha256);
        continue;
      }
      await db.write(async (tx) => tx.run('DELETE FROM blobs WHERE sha256 = ?', [sha256]));
      await fs.rm(pathOf(sha256), { force: true });
      removed++;
    }
    const cutoff = clock.now().getTime() - graceMs;
    for (const dir of await fs.readdir(root)) {
      if (!/^[0-9a-f]{2}$/.test(dir)) continue;
      for (const name of await fs.readdir(path.join(root, dir))) {
        const file = path.join(root, dir, name);
        if (known.has(name) || (await fs.stat(file)).mtimeMs > cutoff) continue;
        if (await db.get('SELECT 1 FROM blobs WHERE sha256 = ?', [name])) continue;
        await fs.rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }

  return { put, read, pathOf, collectGarbage };
}

export type BlobStore = ReturnType<typeof createBlobStore>;
