import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { archiveStaff, archivedVolume, verifyArchive } from '../support/archive-fixtures';
import { drawnWorld } from '../support/inspection-fixtures';
import type { TestContext } from '../support/test-context';
import { makeTestContext } from '../support/test-context';
import { pageText, pdfInfo } from '../support/volume-fixtures';

const text = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
const exported = (t: TestContext, fileName: string) => path.join(t.dataDir, 'exports', fileName);

function contentStreams(doc: PDFDocument, page: PDFPage): string {
  const c = page.node.Contents();
  const list = c instanceof PDFArray ? c.asArray().map((r) => doc.context.lookup(r)) : [c];
  return list.map((s) => (s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') : '')).join('\n');
}

describe('printed outputs of the archive', () => {
  it('archived file: 档号 on the cover and in the metadata, supplements in the 备考表, content pages unchanged; labels; four-property report', async () => {
    const t = await makeTestContext();
    const world = await drawnWorld(t);
    const a = await archivedVolume(t, world, 0);
    const { clerk } = await archiveStaff(t);

    // At archiving: version 1 of the archived file, derived from the reviewed binding.
    let record = await clerk.call('archives.get', { volumeId: a.volumeId });
    const volume = await clerk.call('volumes.get', { id: a.volumeId });
    const reviewed = volume.bindings[0]!;
    expect(record!.files).toEqual([expect.objectContaining({ version: 1, bindingVersion: reviewed.version, derivedFromSha256: reviewed.sha256, supplementId: null, pages: reviewed.pages + 1, contentPages: reviewed.contentPages })]);
    const first = await clerk.call('archives.exportArchivedFile', { volumeId: a.volumeId });
    const file1 = exported(t, first.fileName);
    expect(pageText(file1, 1)).toContain(a.archived.archiveNo);
    expect(pageText(file1, 1)).toContain('10年');
    const info = pdfInfo(file1);
    expect(info.Title).toContain(a.archived.archiveNo);
    expect(info.Keywords).toContain(a.archived.archiveNo);
    const last1 = pageText(file1, Number(info.Pages));
    expect(last1).toContain('卷内备考表（续）');
    expect(last1).toContain(`第 ${reviewed.version} 版装订文件`);
    expect(last1).toContain('归档后无补充件');
    // The reviewed file's cover had no 档号; the legal review stays with the reviewed version.
    const reviewedFile = (await clerk.call('volumes.exportFile', { id: a.volumeId })).fileName;
    expect(pageText(exported(t, reviewedFile), 1)).not.toContain(a.archived.archiveNo);
    expect(record!.bindingVersion).toBe(reviewed.version);

    // Content pages: the same page content, byte for byte, at the same places (and page numbers).
    const src = await PDFDocument.load(fs.readFileSync(exported(t, reviewedFile)));
    const out = await PDFDocument.load(fs.readFileSync(file1));
    const { manifest } = (await t.app.db.get<{ manifest: string }>('SELECT manifest FROM volume_bindings WHERE volume_id = ?', [a.volumeId]))!;
    const front = (JSON.parse(manifest) as { frontPages: number }).frontPages;
    for (let k = 0; k < reviewed.contentPages; k++) expect(contentStreams(out, out.getPage(front + k)), `content page ${k + 1}`).toBe(contentStreams(src, src.getPage(front + k)));
    for (let p = 2; p <= reviewed.pages; p++) expect(pageText(file1, p)).toBe(pageText(exported(t, reviewedFile), p));

    // A supplement: a new version whose 备考表 lists it; the earlier one stays.
    await clerk.call('archives.addSupplement', { volumeId: a.volumeId, note: '补充企业整改情况说明一份' });
    await t.app.services.jobs.idle();
    record = await clerk.call('archives.get', { volumeId: a.volumeId });
    expect(record!.files.map((f) => [f.version, f.supplementId])).toEqual([[2, record!.supplements[0]!.id], [1, null]]);
    const second = await clerk.call('archives.exportArchivedFile', { volumeId: a.volumeId });
    const file2 = exported(t, second.fileName);
    const last2 = pageText(file2, Number(pdfInfo(file2).Pages));
    expect(last2).toContain('补充件 1：补充企业整改情况说明一份');
    expect(pageText(file2, 1)).toContain(a.archived.archiveNo);

    // The four-property check passes on the archived files too.
    const sound = await verifyArchive(t, a.volumeId, clerk);
    expect(sound.failures).toEqual([]);

    // Labels: this volume's spine; its box (a second volume in the same box) with both 档号s.
    const b = await archivedVolume(t, world, 1);
    for (const id of [a.volumeId, b.volumeId]) await clerk.call('archives.setLocation', { volumeId: id, room: '一号库房', cabinet: '3', shelf: '2', box: '2026-001' });
    const spine = await clerk.call('archives.printLabels', { volumeId: a.volumeId, kind: 'spine' });
    const spineText = text(exported(t, spine.fileName));
    expect(spineText).toContain(a.archived.archiveNo);
    expect(spineText).toContain('2026-001');
    expect(spineText).toContain('保管期限');
    const box = await clerk.call('archives.printLabels', { volumeId: b.volumeId, kind: 'box' });
    expect(box.volumes).toBe(2);
    const boxText = text(exported(t, box.fileName));
    for (const no of [a.archived.archiveNo, b.archived.archiveNo]) expect(boxText).toContain(no);
    expect(boxText).toContain('一号库房');
    expect(pdfInfo(exported(t, box.fileName)).Pages).toBe('2'); // one box label sheet, one sheet of spines

    // A tampered scan: the report names the failed item under its volume.
    const proof = volume.entries.find((e) => e.id === a.proofEntryId)!;
    const blob = t.app.services.blobs.pathOf(proof.blobSha256);
    const original = fs.readFileSync(blob);
    const changed = Buffer.from(original);
    changed[changed.length >> 1] = (changed[changed.length >> 1] as number) ^ 0x01;
    fs.writeFileSync(blob, changed);
    const failed = await verifyArchive(t, a.volumeId, clerk);
    fs.writeFileSync(blob, original);
    expect(failed.ok).toBe(false);
    const report = await clerk.call('archives.fixityReport', { id: failed.id });
    const reportText = text(exported(t, report.fileName));
    expect(reportText).toContain('四性检测报告');
    expect(reportText).toContain('未通过');
    expect(reportText).toContain(`entry:${proof.id}`);
    expect(reportText).toContain('文件内容与登记的 SHA-256 不一致');
    expect(reportText).toContain(a.archived.archiveNo);
    expect(reportText).toContain('dag1'); // who ran it
    await t.app.close();
  }, 400_000);
});
