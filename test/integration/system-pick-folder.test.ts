import { describe, expect, it } from 'vitest';
import { createHeadlessPlatform } from '../../electron/host/headless-platform';
import { makeTestContext } from '../support/test-context';

describe('system.pickFolder (backups, restores, transfer packages, watched folders)', () => {
  it('returns the folder the host picked; the web host has no dialog: null, and system.info says so', async () => {
    const t = await makeTestContext({ platform: createHeadlessPlatform({ pickedFolder: '/media/usb/备份' }) });
    expect(await t.admin.call('system.pickFolder', { title: '选择备份文件夹' })).toEqual({ path: '/media/usb/备份' });
    const inspector = await t.createUser('jcy-pick', '210102', ['inspector']);
    expect(await inspector.call('system.pickFolder', { title: '选择' })).toEqual({ path: '/media/usb/备份' });
    expect((await t.admin.call('system.info', {})).nativeDialogs).toBe(false);
    await t.app.close();

    const web = await makeTestContext();
    expect(await web.admin.call('system.pickFolder', { title: '选择备份文件夹' })).toEqual({ path: null });
    await web.app.close();
  });

  it('needs a session and a short title', async () => {
    const t = await makeTestContext({ platform: createHeadlessPlatform({ pickedFolder: '/tmp' }) });
    expect(await t.app.dispatch({ method: 'system.pickFolder', input: { title: '选择' } })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.admin.raw('system.pickFolder', { title: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.admin.raw('system.pickFolder', { title: '选'.repeat(61) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await t.app.close();
  });
});
