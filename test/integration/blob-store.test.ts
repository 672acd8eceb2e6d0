import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors/app-error';
import { makeTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(async () => t?.app.close());

describe('content-addressed blob store', () => {
  it('stores by SHA-256, deduplicates, verifies on read, and reports tampering', async () => {
    t = await makeTestContext();
    const blobs = t.app.services.blobs;
    const bytes = Buffer.from('%PDF-1.7 行政检查告知书');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const a = await t.app.db.write((tx) => blobs.put(tx, bytes, 'application/pdf'));
    const b = await t.app.db.write((tx) => blobs.put(tx, bytes, 'application/pdf'));
    expect(a).toEqual({ sha256: sha, size: bytes.length });
    expect(b).toEqual(a);
    expect(blobs.pathOf(sha)).toContain(`/blobs/${sha.slice(0, 2)}/${sha}`);
    expect((await blobs.read(sha)).equals(bytes)).toBe(true);
    expect(await t.app.db.all('SELECT sha256, size, media_type FROM blobs')).toEqual([{ sha256: sha, size: bytes.length, media_type: 'application/pdf' }]);

    fs.writeFileSync(blobs.pathOf(sha), 'tampered');
    await expect(blobs.read(sha)).rejects.toMatchObject({ code: 'BLOB_CORRUPT' });
    fs.rmSync(blobs.pathOf(sha));
    await expect(blobs.read(sha)).rejects.toBeInstanceOf(AppError);
  });

  it('a transaction that fails after storing leaves no row; garbage collection removes the orphan file', async () => {
    t = await makeTestContext();
    const blobs = t.app.services.blobs;
    let sha = '';
    await expect(
      t.app.db.write(async (tx) => {
        sha = (await blobs.put(tx, Buffer.from('orphan'), 'text/plain')).sha256;
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await t.app.db.all('SELECT * FROM blobs')).toEqual([]);
    expect(fs.existsSync(blobs.pathOf(sha))).toBe(true);
    const kept = await t.app.db.write((tx) => blobs.put(tx, Buffer.from('kept'), 'text/plain'));
    expect(await blobs.collectGarbage(async (s) => s === kept.sha256)).toBe(0); // the orphan is younger than the grace period
    const old = new Date(t.clock.now().getTime() - 2 * 3600_000);
    fs.utimesSync(blobs.pathOf(sha), old, old);
    expect(await blobs.collectGarbage(async (s) => s === kept.sha256)).toBe(1);
    expect(fs.existsSync(blobs.pathOf(sha))).toBe(false);
    expect((await blobs.read(kept.sha256)).toString()).toBe('kept');
  });
});
