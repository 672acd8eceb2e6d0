import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { messageZh } from '../../shared/errors/messages-zh';
import { fixture } from '../support/scan-fixtures';
import { makeTestContext, tempDir, type TestContext } from '../support/test-context';

describe('watched folders beyond inbox/ (issue 6 item 1)', () => {
  let t: TestContext;
  afterAll(() => t?.app.close());

  it('a folder added for a bureau is polled like inbox/: its files become that bureau\'s batch and end in its processed/; switched off, it is left alone', async () => {
    t = await makeTestContext();
    const share = tempDir('casebinder-share-');
    const heping = t.bureauId('210102');
    const added = await t.admin.call('scans.addFolder', { path: share, bureauId: heping, label: '和平区网络扫描仪' });
    expect(added).toMatchObject({ path: share, bureauId: heping, enabled: true, label: '和平区网络扫描仪' });

    fs.writeFileSync(path.join(share, 'licence.png'), fixture('scan-upright.png'));
    fs.writeFileSync(path.join(share, 'readme.txt'), 'not a scan');
    const watcher = t.app.services.inboxWatcher;
    expect(await watcher.poll()).toEqual([]); // first sight
    const [batchId] = await watcher.poll();
    expect(batchId).toBeDefined();
    await t.app.services.jobs.idle();
    const batch = await t.admin.call('scans.batch', { id: batchId! });
    expect(batch).toMatchObject({ source: 'inbox', bureauId: heping, pages: 1, donePages: 1 });
    expect(fs.readdirSync(path.join(share, 'processed'))).toEqual([`${batchId}-licence.png`]);
    expect(fs.readFileSync(path.join(share, 'processed', `${batchId}-licence.png`)).equals(fixture('scan-upright.png'))).toBe(true);
    expect(fs.readdirSync(path.join(share, 'processing'))).toEqual([]);
    expect(fs.existsSync(path.join(share, 'readme.txt'))).toBe(true);
    // Nothing of it went through the data folder's inbox/.
    expect(fs.readdirSync(path.join(t.app.config.dataDir, 'inbox')).filter((n) => n !== '.keep')).toEqual([]);

    // The bureau's clerk sees the folder and its batch; another district's clerk sees neither.
    const hepingClerk = await t.createUser('heping-clerk', '210102', ['clerk']);
    expect((await hepingClerk.call('scans.folders', {})).map((f) => f.path)).toEqual([share]);
    const shenhe = await t.createUser('shenhe-clerk', '210103', ['clerk']);
    expect(await shenhe.call('scans.folders', {})).toEqual([]);
    expect(await shenhe.raw('scans.addFolder', { path: tempDir(), bureauId: heping, label: null })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const off = await hepingClerk.call('scans.setFolderEnabled', { id: added.id, version: added.version, enabled: false });
    expect(off.enabled).toBe(false);
    expect(await hepingClerk.raw('scans.setFolderEnabled', { id: added.id, version: added.version, enabled: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    fs.writeFileSync(path.join(share, 'later.png'), fixture('scan-upright.png'));
    expect(await watcher.poll()).toEqual([]);
    expect(await watcher.poll()).toEqual([]);
    expect(fs.existsSync(path.join(share, 'later.png'))).toBe(true);

    const { jobId } = await t.admin.call('audit.verify', {});
    await t.app.services.jobs.idle();
    expect((await t.admin.call('jobs.get', { id: jobId })).result).toMatchObject({ ok: true });
  }, 180_000);

  it('refuses a relative path, a missing folder, the data folder and a folder watched already, in Chinese with SCAN_FOLDER_INVALID / CONFLICT', async () => {
    const u = await makeTestContext();
    try {
      const add = (p: string) => u.admin.raw('scans.addFolder', { path: p, label: null });
      for (const bad of ['scans/in', path.join(tempDir(), 'missing'), u.app.config.dataDir, path.join(u.app.config.dataDir, 'inbox')]) {
        expect(await add(bad), bad).toMatchObject({ ok: false, error: { code: 'SCAN_FOLDER_INVALID' } });
      }
      expect(messageZh('SCAN_FOLDER_INVALID')).toContain('完整路径');
      const dir = tempDir();
      await u.admin.call('scans.addFolder', { path: dir, label: null });
      expect(await add(`${dir}/`)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    } finally {
      await u.app.close();
    }
  });
});
