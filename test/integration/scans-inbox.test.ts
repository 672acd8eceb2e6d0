import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/scan-fixtures';
import { makeTestContext, type TestContext } from '../support/test-context';

describe('the hot folder (inbox/)', () => {
  let t: TestContext;
  afterAll(() => t?.app.close());

  it('takes files that stopped changing, per bureau folder, and moves them to processed/ or failed/ — never deletes', async () => {
    t = await makeTestContext();
    const inbox = path.join(t.app.config.dataDir, 'inbox');
    fs.writeFileSync(path.join(inbox, 'notice.png'), fixture('scan-upright.png'));
    fs.writeFileSync(path.join(inbox, 'broken.jpg'), fixture('corrupt-truncated.jpg'));
    fs.writeFileSync(path.join(inbox, 'notes.txt'), 'not a scan');
    fs.mkdirSync(path.join(inbox, '210102'));
    fs.writeFileSync(path.join(inbox, '210102', 'register.tif'), fixture('scan-two-pages.tif'));
    fs.mkdirSync(path.join(inbox, '999999'));
    fs.writeFileSync(path.join(inbox, '999999', 'unknown-bureau.png'), fixture('scan-upright.png'));

    const watcher = t.app.services.inboxWatcher;
    expect(await watcher.poll()).toEqual([]); // first sight: sizes noted, nothing taken yet
    const batches = await watcher.poll();
    expect(batches).toHaveLength(2); // the city (top folder) and 和平区 (210102)
    await t.app.services.jobs.idle();

    const rows = await t.app.db.all<{ id: number; bureau_id: number; source: string; division_code: string }>(
      'SELECT b.id, b.bureau_id, b.source, u.division_code FROM scan_batches b JOIN bureaus u ON u.id = b.bureau_id ORDER BY u.division_code',
    );
    expect(rows.map((r) => [r.source, r.division_code])).toEqual([
      ['inbox', '210100'],
      ['inbox', '210102'],
    ]);
    const [city, heping] = rows as [(typeof rows)[0], (typeof rows)[0]];
    expect(fs.readdirSync(path.join(inbox, 'processed')).sort()).toEqual([`${city.id}-notice.png`, `${heping.id}-register.tif`].sort());
    expect(fs.readdirSync(path.join(inbox, 'failed'))).toEqual([`${city.id}-broken.jpg`]);
    expect(fs.readFileSync(path.join(inbox, 'failed', `${city.id}-broken.jpg`)).equals(fixture('corrupt-truncated.jpg'))).toBe(true);
    expect(fs.readdirSync(path.join(inbox, 'processing'))).toEqual([]);
    // Left alone: not a scan, and a folder that names no bureau.
    expect(fs.existsSync(path.join(inbox, 'notes.txt'))).toBe(true);
    expect(fs.existsSync(path.join(inbox, '999999', 'unknown-bureau.png'))).toBe(true);

    const hits = await t.admin.call('scans.search', { q: '食品安全监督' });
    expect(hits.hits.map((h) => h.batchId)).toContain(city.id);
    const hepingUser = await t.createUser('heping-clerk', '210102', ['clerk']);
    const own = await hepingUser.call('scans.batches', {});
    expect(own.items.map((b) => b.id)).toEqual([heping.id]);
    expect(own.items[0]).toMatchObject({ pages: 2, donePages: 2 });
  }, 180_000);

  it('refuses an encrypted PDF with its own code (qpdf makes one where installed)', async () => {
    const { execFileSync } = await import('node:child_process');
    const { textPdf } = await import('../support/volume-fixtures');
    const { scanBatch } = await import('../support/scan-fixtures');
    const dir = fs.mkdtempSync(path.join(t.app.config.dataDir, 'enc-'));
    fs.writeFileSync(path.join(dir, 'plain.pdf'), await textPdf(['secret page']));
    try {
      execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', path.join(dir, 'plain.pdf'), path.join(dir, 'locked.pdf')]);
    } catch {
      console.log('skipped the encrypted-PDF case: qpdf is not installed');
      return;
    }
    const batch = await scanBatch(t, [{ name: 'locked.pdf', bytes: fs.readFileSync(path.join(dir, 'locked.pdf')) }]);
    expect(batch.fileList[0]).toMatchObject({ status: 'failed', errorCode: 'SCAN_FILE_ENCRYPTED' });
  }, 60_000);
});
