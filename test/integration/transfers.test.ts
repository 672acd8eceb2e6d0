import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-context';
import { boundVolume, copyDir, count, runJob, trust, twoInstallations } from './transfer-fixtures';

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('transfers between bureaus (移交): two installations', () => {
  it('exports a signed BagIt package, imports it under the receiving bureau with a signed receipt that closes the transfer on both sides', async () => {
    const { sender: s, receiver: r } = await twoInstallations();
    const v = await boundVolume(s);
    const volume = await s.admin.call('volumes.get', { id: v.volumeId });
    const toBureau = volume.custodyBureauId;
    await trust(s, r);
    await trust(r, s, toBureau);

    const out = path.join(tempDir(), 'usb', '移交包');
    const exported = await runJob(s, 'transfers.export', { volumeIds: [v.volumeId], toBureauId: toBureau, outDir: out });
    expect(exported.state, JSON.stringify(exported.errorDetails)).toBe('succeeded');
    const result = exported.result as { packageId: string; files: number; bytes: number };
    for (const f of ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt', 'tagmanifest-sha256.txt.sig', 'data/transfer.json']) expect(fs.existsSync(path.join(out, f)), f).toBe(true);
    const vdir = path.join(out, 'data', 'volumes', String(v.volumeId));
    expect(fs.readdirSync(vdir).sort()).toEqual(['audit.json', 'bound-v1.pdf', 'files', 'metadata.json', 'metadata.xml', 'public-v1.pdf']);
    expect(fs.readdirSync(path.join(vdir, 'files'))).toHaveLength(volume.entries.length);
    expect(sha(path.join(vdir, 'bound-v1.pdf'))).toBe(v.bound.sha256);
    const bagInfo = fs.readFileSync(path.join(out, 'bag-info.txt'), 'utf8');
    expect(bagInfo).toContain(`Payload-Oxum: ${result.bytes}.${result.files}`);
    expect(bagInfo).toContain(`External-Identifier: ${result.packageId}`);
    for (const line of fs.readFileSync(path.join(out, 'manifest-sha256.txt'), 'utf8').trim().split('\n')) {
      const [hash, rel] = line.split('  ');
      expect(sha(path.join(out, rel as string)), rel).toBe(hash);
    }
    expect(fs.readFileSync(path.join(vdir, 'metadata.xml'), 'utf8')).toContain('<title>');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['移交包']); // no working folder left behind

    const imported = await runJob(r, 'transfers.import', { dir: out });
    expect(imported.state, JSON.stringify(imported.errorDetails)).toBe('succeeded');
    const got = imported.result as { volumes: { originVolumeId: number; volumeId: number }[]; receiptFile: string };
    const newId = got.volumes[0]?.volumeId as number;
    const received = await r.admin.call('volumes.get', { id: newId });
    expect(received).toMatchObject({ title: volume.title, custodyBureauId: toBureau, status: 'bound', boundVersion: 1, publicCurrent: true });
    expect(received.entries.map((e) => [e.docType, e.blobSha256, e.pageCount])).toEqual(volume.entries.map((e) => [e.docType, e.blobSha256, e.pageCount]));
    expect(received.entries.flatMap((e) => e.marks.map((m) => [m.pageIndex, m.region, m.field, m.reason, m.liftedAt]))).toEqual(volume.entries.flatMap((e) => e.marks.map((m) => [m.pageIndex, m.region, m.field, m.reason, m.liftedAt])));
    expect(received.bindings.map((b) => [b.version, b.sha256])).toEqual(volume.bindings.map((b) => [b.version, b.sha256]));
    expect(received.publicCopies.map((b) => [b.version, b.sha256])).toEqual(volume.publicCopies.map((b) => [b.version, b.sha256]));
    const target = await s.app.db.get<{ credit_code: string }>('SELECT credit_code FROM targets WHERE id = ?', [volume.targetId]);
    expect((await r.app.db.get<{ credit_code: string }>('SELECT t.credit_code FROM volumes v JOIN targets t ON t.id = v.target_id WHERE v.id = ?', [newId]))?.credit_code).toBe(target?.credit_code);
    expect(await r.app.db.get('SELECT origin_volume_id, origin_bureau_code FROM received_volumes WHERE volume_id = ?', [newId])).toMatchObject({ origin_volume_id: v.volumeId });
    const exportedPdf = await r.admin.call('volumes.exportFile', { id: newId });
    expect(exportedPdf.sha256).toBe(v.bound.sha256);

    const [incoming] = await r.admin.call('transfers.list', { direction: 'incoming' });
    expect(incoming).toMatchObject({ packageId: result.packageId, status: 'received', closed: true });
    expect((await s.admin.call('transfers.list', {}))[0]).toMatchObject({ status: 'sent', closed: false });
    const closed = await s.admin.call('transfers.importReceipt', { file: got.receiptFile });
    expect(closed).toMatchObject({ packageId: result.packageId, status: 'received', closed: true });
    expect(await s.admin.raw('transfers.importReceipt', { file: got.receiptFile })).toMatchObject({ ok: false, error: { code: 'TRANSFER_ALREADY_CLOSED' } });

    for (const t of [s, r]) expect((await t.app.services.audit.verify(async () => undefined)).problems).toEqual([]);
    await s.app.close();
    await r.app.close();
  }, 180_000);

  it('refuses a tampered, partial, unsigned, untrusted or replayed package with its code and imports nothing; a forged receipt is refused', async () => {
    const { sender: s, receiver: r } = await twoInstallations();
    const v = await boundVolume(s);
    const toBureau = (await s.admin.call('volumes.get', { id: v.volumeId })).custodyBureauId;
    await trust(r, s, toBureau);
    const out = path.join(tempDir(), 'pkg');
    expect((await runJob(s, 'transfers.export', { volumeIds: [v.volumeId], toBureauId: toBureau, outDir: out })).state).toBe('succeeded');
    const refusedFor = async (dir: string) => (await runJob(r, 'transfers.import', { dir })).errorCode;

    expect(await refusedFor(out)).toBe('TRANSFER_KEY_UNTRUSTED'); // the sender's key is not trusted yet
    await trust(s, r);
    const before = { volumes: await count(r, 'volumes'), transfers: await count(r, 'transfers'), entries: await count(r, 'volume_entries'), targets: await count(r, 'targets') };

    const flipped = copyDir(out);
    const pdf = path.join(flipped, 'data', 'volumes', String(v.volumeId), 'bound-v1.pdf');
    const bytes = fs.readFileSync(pdf);
    const at = Math.floor(bytes.length / 2);
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x01, at);
    fs.writeFileSync(pdf, bytes);
    expect(await refusedFor(flipped)).toBe('TRANSFER_HASH_MISMATCH');

    const removed = copyDir(out);
    const filesDir = path.join(removed, 'data', 'volumes', String(v.volumeId), 'files');
    fs.rmSync(path.join(filesDir, fs.readdirSync(filesDir)[0] as string));
    expect(await refusedFor(removed)).toBe('TRANSFER_PACKAGE_INCOMPLETE');

    const extra = copyDir(out);
    fs.writeFileSync(path.join(extra, 'data', 'smuggled.txt'), 'x');
    expect(await refusedFor(extra)).toBe('TRANSFER_PACKAGE_INCOMPLETE');

    const edited = copyDir(out);
    fs.appendFileSync(path.join(edited, 'bag-info.txt'), 'Casebinder-Note: edited\n');
    expect(await refusedFor(edited)).toBe('TRANSFER_HASH_MISMATCH');

    const resigned = copyDir(out); // bag-info edited and the tag manifest recomputed: only the signature can tell
    fs.appendFileSync(path.join(resigned, 'bag-info.txt'), 'Casebinder-Note: edited\n');
    const tagLines = fs.readFileSync(path.join(resigned, 'tagmanifest-sha256.txt'), 'utf8').split('\n').map((l) => (l.endsWith('bag-info.txt') ? `${sha(path.join(resigned, 'bag-info.txt'))}  bag-info.txt` : l));
    fs.writeFileSync(path.join(resigned, 'tagmanifest-sha256.txt'), tagLines.join('\n'));
    expect(await refusedFor(resigned)).toBe('TRANSFER_SIGNATURE_INVALID');

    const badSig = copyDir(out);
    const sigFile = path.join(badSig, 'tagmanifest-sha256.txt.sig');
    const sig = JSON.parse(fs.readFileSync(sigFile, 'utf8')) as { value: string };
    const raw = Buffer.from(sig.value, 'base64');
    raw.writeUInt8(raw.readUInt8(0) ^ 0xff, 0);
    fs.writeFileSync(sigFile, JSON.stringify({ ...sig, value: raw.toString('base64') }));
    expect(await refusedFor(badSig)).toBe('TRANSFER_SIGNATURE_INVALID');

    const unsigned = copyDir(out);
    fs.rmSync(path.join(unsigned, 'tagmanifest-sha256.txt.sig'));
    expect(await refusedFor(unsigned)).toBe('TRANSFER_PACKAGE_INCOMPLETE');

    expect({ volumes: await count(r, 'volumes'), transfers: await count(r, 'transfers'), entries: await count(r, 'volume_entries'), targets: await count(r, 'targets') }).toEqual(before);

    const other = r.app.services.bureaus.list().find((b) => b.level === 'district' && b.id !== toBureau);
    const outsider = await r.createUser('clerk-other', other?.divisionCode as string, ['clerk']);
    expect((await runJob(r, 'transfers.import', { dir: out }, outsider)).errorCode).toBe('TRANSFER_NOT_RECIPIENT');
    expect(await s.admin.raw('transfers.export', { volumeIds: [v.volumeId], toBureauId: toBureau, outDir: out })).toMatchObject({ ok: false, error: { code: 'TRANSFER_OUT_NOT_EMPTY' } });

    const first = await runJob(r, 'transfers.import', { dir: out });
    expect(first.state).toBe('succeeded');
    const afterFirst = { volumes: await count(r, 'volumes'), entries: await count(r, 'volume_entries') };
    expect(await refusedFor(copyDir(out))).toBe('TRANSFER_REPLAYED');
    expect({ volumes: await count(r, 'volumes'), entries: await count(r, 'volume_entries') }).toEqual(afterFirst);

    const receiptFile = (first.result as { receiptFile: string }).receiptFile;
    const forged = JSON.parse(fs.readFileSync(receiptFile, 'utf8')) as { receipt: { receivedBy: string } };
    forged.receipt.receivedBy = 'someone-else';
    const forgedFile = path.join(tempDir(), 'forged.json');
    fs.writeFileSync(forgedFile, JSON.stringify(forged));
    expect(await s.admin.raw('transfers.importReceipt', { file: forgedFile })).toMatchObject({ ok: false, error: { code: 'TRANSFER_SIGNATURE_INVALID' } });
    expect(await s.admin.raw('transfers.importReceipt', { file: receiptFile })).toMatchObject({ ok: true, value: { status: 'received' } });

    const clerk = v.clerk;
    expect(await clerk.raw('transfers.trustKey', { file: receiptFile })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const t of [s, r]) expect((await t.app.services.audit.verify(async () => undefined)).problems).toEqual([]);
    await s.app.close();
    await r.app.close();
  }, 240_000);
});
