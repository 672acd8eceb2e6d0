import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir } from '../support/test-context';
import { boundVolume, twoInstallations } from './transfer-fixtures';

describe('casebinder transfer … / backup / restore (plain node CLI)', () => {
  it('keys exchanged, package exported, imported with a receipt, receipt closes the transfer; replay refused; backup, verify, restore', async () => {
    const { sender: s, receiver: r } = await twoInstallations();
    const v = await boundVolume(s);
    const volume = await s.admin.call('volumes.get', { id: v.volumeId });
    const toCode = s.app.services.bureaus.get(volume.custodyBureauId).divisionCode;
    await s.app.close();
    await r.app.close();
    const S = ['--data-dir', s.dataDir, '--json'];
    const R = ['--data-dir', r.dataDir, '--json'];
    const work = tempDir('casebinder-usb-');
    const ok = async (args: string[]) => {
      const run = await cli(args);
      expect(run.code, `${args.join(' ')}\n${run.stderr}${run.stdout}`).toBe(0);
      return JSON.parse(run.stdout) as Record<string, unknown>;
    };

    const senderKey = (await ok(['transfer', 'key', 'export', '--out', path.join(work, 'sender-key.json'), ...S])) as { key: { keyId: string } };
    expect(await ok(['transfer', 'key', 'trust', path.join(work, 'sender-key.json'), ...R])).toMatchObject({ keyId: senderKey.key.keyId });
    await ok(['transfer', 'key', 'export', '--bureau', toCode, '--out', path.join(work, 'receiver-key.json'), ...R]);
    await ok(['transfer', 'key', 'trust', path.join(work, 'receiver-key.json'), ...S]);

    const pkg = path.join(work, 'package');
    const exported = await ok(['transfer', 'export', String(v.volumeId), '--to', toCode, '--out', pkg, ...S]);
    expect(exported).toMatchObject({ dir: pkg, volumes: 1 });
    const receipt = path.join(work, 'receipt.json');
    const imported = await ok(['transfer', 'import', pkg, '--receipt', receipt, ...R]);
    expect(imported).toMatchObject({ packageId: exported.packageId, receiptFile: receipt, volumes: [{ originVolumeId: v.volumeId }] });
    const replay = await cli(['transfer', 'import', pkg, ...R]);
    expect(replay.code).toBe(1);
    expect(JSON.parse(replay.stdout)).toMatchObject({ ok: false, error: { code: 'TRANSFER_REPLAYED' } });
    expect(replay.stderr).toContain('已经导入过');
    expect(await ok(['transfer', 'receipt', 'import', receipt, ...S])).toMatchObject({ status: 'received', closed: true });
    expect(await ok(['transfer', 'list', ...S])).toMatchObject([{ direction: 'outgoing', closed: true }]);

    const backupDir = path.join(work, 'backup');
    const backup = await ok(['backup', '--out', backupDir, ...R]);
    expect(backup).toMatchObject({ dir: backupDir });
    expect(await ok(['backup', 'verify', backupDir, ...R])).toMatchObject({ ok: true, problems: [] });
    const restored = await ok(['restore', backupDir, '--data-dir', path.join(work, 'restored'), '--json']);
    expect(restored).toMatchObject({ auditOk: true, backupId: backup.id });
    expect((restored.counts as Record<string, number>).received_volumes).toBe(1);
    expect(fs.existsSync(path.join(work, 'restored', 'casebinder.sqlite'))).toBe(true);

    expect((await cli(['transfer', 'export', String(v.volumeId), ...S])).code).toBe(2);
    expect((await cli(['restore', backupDir, '--json'])).code).toBe(2);
    const notEmpty = await cli(['restore', backupDir, '--data-dir', path.join(work, 'restored'), '--json']);
    expect(JSON.parse(notEmpty.stdout)).toMatchObject({ ok: false, error: { code: 'RESTORE_TARGET_NOT_EMPTY' } });
  }, 240_000);
});
