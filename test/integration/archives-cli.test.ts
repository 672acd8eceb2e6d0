import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { archiveStaff, completeVolume } from '../support/archive-fixtures';
import { cli } from '../support/cli';
import { makeTestContext } from '../support/test-context';
import { bindVolume } from '../support/volume-fixtures';

describe('casebinder archive verify (plain node CLI)', () => {
  it('prints {ok, checked, failures}; exit 0 when sound, 1 with the failed item after a flipped byte; bad usage exits 2', async () => {
    const t = await makeTestContext();
    const v = await completeVolume(t);
    const { clerk } = await archiveStaff(t);
    await bindVolume(t, v.volumeId, clerk);
    const volume = await t.admin.call('volumes.get', { id: v.volumeId });
    const proof = volume.entries.find((e) => e.id === v.proofEntryId)!;
    const file = t.app.services.blobs.pathOf(proof.blobSha256);
    await t.app.close();
    const dd = ['--data-dir', t.dataDir, '--json'];

    const sound = await cli(['archive', 'verify', '--volume', String(v.volumeId), ...dd]);
    expect(sound.code, sound.stderr).toBe(0);
    expect(JSON.parse(sound.stdout)).toMatchObject({ ok: true, checked: 1, failures: [] });
    const all = await cli(['archive', 'verify', ...dd]);
    expect(JSON.parse(all.stdout)).toMatchObject({ ok: true, checked: 1 });

    const bytes = fs.readFileSync(file);
    bytes[100] = (bytes[100] as number) ^ 0xff;
    fs.writeFileSync(file, bytes);
    const broken = await cli(['archive', 'verify', '--volume', String(v.volumeId), ...dd]);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, checked: 1, failures: [{ volumeId: v.volumeId, property: 'authenticity', code: 'BLOB_HASH_MISMATCH', item: `entry:${proof.id}` }] });
    const text = await cli(['archive', 'verify', '--data-dir', t.dataDir]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('文件内容与登记的 SHA-256 不一致');

    expect((await cli(['archive', 'shred', ...dd])).code).toBe(2);
    expect((await cli(['archive', 'verify', '--volume', 'x', ...dd])).code).toBe(2);
    const missing = await cli(['archive', 'verify', '--volume', '99999', ...dd]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }, 120_000);
});
