import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../electron/core/audit/audit-service';
import { bagWriter, SIGNATURE_FILE } from '../../electron/core/transfers/bagit';
import { createBureauKeys, signBytes } from '../../electron/core/transfers/bureau-keys';
import { toXml } from '../../electron/core/transfers/transfer-format';
import { archivedVolume, verifyArchive } from '../support/archive-fixtures';
import { seededRandom, tempDir, type TestContext } from '../support/test-context';
import { pageText, pdfInfo } from '../support/volume-fixtures';
import { runJob, trust, twoInstallations } from './transfer-fixtures';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The same package as an older build wrote it (no archived file), under a new package id, re-bagged and signed
 * with the sending bureau's own key.
 */
async function withoutArchivedFile(s: TestContext, fromBureauId: number, dir: string): Promise<string> {
  const out = path.join(tempDir('casebinder-old-pkg-'), 'pkg');
  const bag = bagWriter(out);
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'data', 'transfer.json'), 'utf8')) as { packageId: string };
  const packageId = `${index.packageId.slice(0, -1)}${index.packageId.endsWith('0') ? '1' : '0'}`;
  for (const line of fs.readFileSync(path.join(dir, 'manifest-sha256.txt'), 'utf8').trim().split('\n')) {
    const rel = line.slice(66).replace(/^data\//, '');
    const bytes = fs.readFileSync(path.join(dir, 'data', rel));
    if (/archived-v\d+\.pdf$/.test(rel)) continue;
    if (rel.endsWith('metadata.json') || rel.endsWith('metadata.xml')) {
      const { archivedFile: _gone, ...meta } = JSON.parse(fs.readFileSync(path.join(dir, 'data', rel.replace(/xml$/, 'json')), 'utf8')) as { archivedFile: unknown };
      await bag.add(rel, rel.endsWith('json') ? JSON.stringify(meta, null, 1) : toXml('volume', meta));
    } else if (rel === 'transfer.json') await bag.add(rel, JSON.stringify({ ...index, packageId }, null, 1));
    else await bag.add(rel, bytes);
  }
  const info = fs.readFileSync(path.join(dir, 'bag-info.txt'), 'utf8').trim().split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)] as [string, string]).filter(([k]) => k !== 'Payload-Oxum');
  const { tagManifest } = await bag.finish(info.map(([k, v]) => [k, v === index.packageId ? packageId : v]));
  const keys = createBureauKeys({ db: s.app.db, clock: s.clock, random: seededRandom(), audit: s.app.services.audit });
  const key = await s.app.db.write((tx) => keys.ensure(tx, fromBureauId, SYSTEM_ACTOR)); // the bureau's existing key
  const bureauCode = s.app.services.bureaus.get(fromBureauId).divisionCode;
  fs.writeFileSync(path.join(out, SIGNATURE_FILE), JSON.stringify({ algorithm: 'Ed25519', keyId: key.keyId, bureauCode, value: signBytes(key, tagManifest) }) + '\n');
  return out;
}

describe('transfer of an archived volume with its archived file (issue 8)', () => {
  it('the package carries the latest archived file, hashed in the manifest; the receiver keeps it byte for byte and its 四性 check passes; an older package still imports', async () => {
    const { sender: s, receiver: r } = await twoInstallations();
    const a = await archivedVolume(s);
    const { archived, clerk } = a;
    await clerk.call('archives.addSupplement', { volumeId: a.volumeId, note: '补充企业整改情况说明一份' });
    await s.app.services.jobs.idle();
    const record = (await clerk.call('archives.get', { volumeId: a.volumeId }))!;
    const latest = record.files[0]!;
    expect(latest).toMatchObject({ version: 2, bindingVersion: record.bindingVersion });

    const heping = s.bureauId('210102');
    const to = s.app.services.bureaus.list().find((b) => b.level === 'district' && b.id !== heping)!;
    const { file } = await clerk.call('transfers.exportKey', {});
    await r.admin.call('transfers.trustKey', { file });
    await trust(r, s, to.id);
    const out = path.join(tempDir(), 'pkg');
    const exported = await runJob(s, 'transfers.export', { volumeIds: [a.volumeId], toBureauId: to.id, outDir: out }, clerk);
    expect(exported.state, JSON.stringify(exported.errorDetails)).toBe('succeeded');
    const vdir = path.join(out, 'data', 'volumes', String(a.volumeId));
    const meta = JSON.parse(fs.readFileSync(path.join(vdir, 'metadata.json'), 'utf8')) as { archivedFile: Record<string, unknown>; bindings: { version: number; sha256: string }[]; entries: { id: number }[] };
    expect(meta.archivedFile).toMatchObject({ file: 'archived-v2.pdf', version: 2, sha256: latest.sha256, size: latest.size, pages: latest.pages, bindingVersion: record.bindingVersion, derivedFromSha256: latest.derivedFromSha256 });
    expect(meta.bindings.map((b) => [b.version, b.sha256])).toContainEqual([record.bindingVersion, latest.derivedFromSha256]); // the reviewed version travels too
    expect(sha(fs.readFileSync(path.join(vdir, 'archived-v2.pdf')))).toBe(latest.sha256);
    expect(fs.readFileSync(path.join(out, 'manifest-sha256.txt'), 'utf8')).toContain(`${latest.sha256}  data/volumes/${a.volumeId}/archived-v2.pdf\n`);
    expect(fs.readFileSync(path.join(vdir, 'metadata.xml'), 'utf8')).toContain(`<sha256>${latest.sha256}</sha256>`);

    const imported = await runJob(r, 'transfers.import', { dir: out });
    expect(imported.state, JSON.stringify(imported.errorDetails)).toBe('succeeded');
    const volumeId = (imported.result as { volumes: { volumeId: number }[] }).volumes[0]!.volumeId;
    const row = (await r.app.db.get<{ sha256: string; blob_sha256: string; origin_archive_no: string; origin_version: number; binding_version: number; pages: number }>('SELECT * FROM received_archived_files WHERE volume_id = ?', [volumeId]))!;
    expect(row).toMatchObject({ sha256: latest.sha256, blob_sha256: latest.sha256, origin_archive_no: archived.archiveNo, origin_version: 2, binding_version: record.bindingVersion, pages: latest.pages });
    const blob = r.app.services.blobs.pathOf(row.blob_sha256);
    const bytes = fs.readFileSync(blob);
    expect(sha(bytes)).toBe(latest.sha256);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(latest.pages);
    expect(pageText(blob, 1)).toContain(archived.archiveNo);
    expect(pageText(blob, Number(pdfInfo(blob).Pages))).toContain('补充件 1：补充企业整改情况说明一份');
    expect(await r.admin.call('volumes.get', { id: volumeId })).toMatchObject({ status: 'bound', archiveNo: null }); // archived again under the receiver's own fonds

    // The receiver's four-property check covers the received archived file: sound as received, a changed byte found.
    expect(await verifyArchive(r, volumeId)).toMatchObject({ ok: true, failures: [] });
    const changed = Buffer.from(bytes);
    changed[changed.length >> 1] = (changed[changed.length >> 1] as number) ^ 0x01;
    fs.writeFileSync(blob, changed);
    const tampered = await verifyArchive(r, volumeId);
    fs.writeFileSync(blob, bytes);
    expect(tampered.failures).toEqual([expect.objectContaining({ code: 'BLOB_HASH_MISMATCH', item: 'received-archived:v2' })]);

    // A package from a build that did not carry the archived file still imports; nothing is claimed missing.
    const old = await withoutArchivedFile(s, heping, out);
    const oldImport = await runJob(r, 'transfers.import', { dir: old });
    expect(oldImport.state, JSON.stringify(oldImport.errorDetails)).toBe('succeeded');
    const oldVolumeId = (oldImport.result as { volumes: { volumeId: number }[] }).volumes[0]!.volumeId;
    expect(await r.app.db.get('SELECT count(*) AS n FROM received_archived_files WHERE volume_id = ?', [oldVolumeId])).toEqual({ n: 0 });
    // Its entries have other ids than the sender's: the bound version's 目录 names the received ones (else ENTRY_MISSING below).
    const oldEntries = (await r.app.db.all<{ id: number }>('SELECT id FROM volume_entries WHERE volume_id = ? ORDER BY id', [oldVolumeId])).map((e) => e.id);
    expect(oldEntries.some((id) => meta.entries.some((e) => e.id === id))).toBe(false);
    expect(await verifyArchive(r, oldVolumeId)).toMatchObject({ ok: true, failures: [] });

    for (const t of [s, r]) expect((await t.app.services.audit.verify(async () => undefined)).problems).toEqual([]);
    await s.app.close();
    await r.app.close();
  }, 400_000);
});
