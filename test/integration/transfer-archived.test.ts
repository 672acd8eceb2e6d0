import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archivedVolume } from '../support/archive-fixtures';
import { tempDir } from '../support/test-context';
import { runJob, trust, twoInstallations } from './transfer-fixtures';

describe('transfer of an archived volume (迁出)', () => {
  it('review → archive (档号) → transfer by the custody bureau’s clerk → received with the sender’s 档号 as its origin → receipt closes it', async () => {
    const { sender: s, receiver: r } = await twoInstallations();
    const a = await archivedVolume(s);
    const { archived, clerk } = a;
    const heping = s.bureauId('210102');
    const to = s.app.services.bureaus.list().find((b) => b.level === 'district' && b.id !== heping);
    if (!to) throw new Error('no second district');

    const { file } = await clerk.call('transfers.exportKey', {});
    await r.admin.call('transfers.trustKey', { file });
    await trust(r, s, to.id);
    const out = path.join(tempDir(), 'pkg');
    const exported = await runJob(s, 'transfers.export', { volumeIds: [a.volumeId], toBureauId: to.id, outDir: out }, clerk);
    expect(exported.state, JSON.stringify(exported.errorDetails)).toBe('succeeded');
    const meta = JSON.parse(fs.readFileSync(path.join(out, 'data', 'volumes', String(a.volumeId), 'metadata.json'), 'utf8')) as { archive: { archiveNo: string }; volume: { custodyBureau: { code: string } } };
    expect(meta).toMatchObject({ archive: { archiveNo: archived.archiveNo }, volume: { custodyBureau: { code: '210102' } } });
    expect(fs.readFileSync(path.join(out, 'bag-info.txt'), 'utf8')).toContain('Casebinder-From-Bureau: 210102');

    const imported = await runJob(r, 'transfers.import', { dir: out });
    expect(imported.state, JSON.stringify(imported.errorDetails)).toBe('succeeded');
    const { volumes, receiptFile } = imported.result as { volumes: { volumeId: number }[]; receiptFile: string };
    const volumeId = volumes[0]?.volumeId as number;
    expect(await r.app.db.get('SELECT origin_archive_no, origin_bureau_code FROM received_volumes WHERE volume_id = ?', [volumeId])).toEqual({ origin_archive_no: archived.archiveNo, origin_bureau_code: '210102' });
    expect(await r.admin.call('volumes.get', { id: volumeId })).toMatchObject({ custodyBureauId: to.id, status: 'bound', archiveNo: null });
    expect(await clerk.call('transfers.importReceipt', { file: receiptFile })).toMatchObject({ status: 'received', closed: true });
    for (const t of [s, r]) expect((await t.app.services.audit.verify(async () => undefined)).problems).toEqual([]);
    await s.app.close();
    await r.app.close();
  }, 240_000);
});
