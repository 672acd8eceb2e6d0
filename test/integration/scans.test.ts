import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textPdf, volumeWithDocuments } from '../support/volume-fixtures';
import { cer, fixture, imageOnlyPdf, scanBatch, separatorScan, truth } from '../support/scan-fixtures';
import { makeTestContext, tempDir, type TestContext } from '../support/test-context';

const pdftotext = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });

describe('scanning: files → pages → OCR → search', () => {
  let t: TestContext;
  let batch: Awaited<ReturnType<typeof scanBatch>>;
  beforeAll(async () => {
    t = await makeTestContext();
    batch = await scanBatch(t, [
      { name: 'upright.png', bytes: fixture('scan-upright.png') },
      { name: 'rotated.png', bytes: fixture('scan-rotated-90.png') },
      { name: 'broken.jpg', bytes: fixture('corrupt-truncated.jpg') },
      { name: 'feeder.tif', bytes: fixture('scan-two-pages.tif') },
      { name: 'scanner.pdf', bytes: await imageOnlyPdf([fixture('scan-skewed-2deg.jpg')]) },
      { name: 'typed.pdf', bytes: await textPdf(['Inspection report typed casebinder 2026']) },
    ]);
  }, 240_000);
  afterAll(() => t?.app.close());

  it('splits every readable file into pages and fails the corrupt one alone, keeping its bytes', async () => {
    expect(batch.files).toBe(6);
    const broken = batch.fileList.find((f) => f.originalName === 'broken.jpg');
    expect(broken).toMatchObject({ status: 'failed', errorCode: 'SCAN_FILE_INVALID' });
    expect(broken?.errorMessage).toContain('损坏');
    expect(batch.fileList.find((f) => f.originalName === 'feeder.tif')).toMatchObject({ status: 'split', pageCount: 2, mediaType: 'image/tiff' });
    expect(batch.pages).toBe(6); // 1 + 1 + 2 + 1 + 1
    expect(batch.failedPages).toBe(0);
    // The corrupt file is still stored, byte for byte.
    const row = await t.app.db.get<{ blob_sha256: string }>(`SELECT blob_sha256 FROM scan_files WHERE original_name = 'broken.jpg'`);
    expect(Buffer.compare(await t.app.services.blobs.read(row?.blob_sha256 as string), fixture('corrupt-truncated.jpg'))).toBe(0);
    // Without a volume or separator sheets the pages wait in the inbox as one document.
    expect(batch.documents).toHaveLength(1);
    expect(batch.documents[0]?.status).toBe('inbox');
  });

  it('recognises the text, turns the rotated page upright and keeps a PDF page text as it is', async () => {
    const pages = batch.documents[0]?.pages ?? [];
    const bySeq = new Map(pages.map((p) => [p.seq, p]));
    const upright = await t.admin.call('scans.page', { id: bySeq.get(1)?.id as number });
    expect(cer(truth('scan-upright'), upright.text)).toBeLessThan(0.08);
    expect(upright.text).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/); // no spaces between Chinese characters
    expect(upright.lines.length).toBeGreaterThan(3);
    expect(upright.lines[0]?.words.length).toBeGreaterThan(0);
    const rotated = await t.admin.call('scans.page', { id: bySeq.get(2)?.id as number });
    expect([90, 270]).toContain(rotated.rotation);
    expect(cer(truth('scan-rotated-90'), rotated.text)).toBeLessThan(0.15);
    const tiff2 = await t.admin.call('scans.page', { id: bySeq.get(4)?.id as number });
    expect(cer(truth('scan-two-pages-p2'), tiff2.text)).toBeLessThan(0.15);
    const scanned = await t.admin.call('scans.page', { id: bySeq.get(5)?.id as number });
    expect(scanned.textSource).toBe('ocr');
    expect(cer(truth('scan-skewed-2deg'), scanned.text)).toBeLessThan(0.15);
    const typed = await t.admin.call('scans.page', { id: bySeq.get(6)?.id as number });
    expect(typed.textSource).toBe('pdf');
    expect(typed.text).toContain('Inspection report typed casebinder 2026');
    const image = await t.admin.call('scans.pageImage', { id: rotated.id, size: 'thumb' });
    expect(image.dataUrl.startsWith('data:image/jpeg;base64,')).toBe(true);
    expect(image.width).toBeGreaterThan(image.height); // the fixture is a landscape strip: stored portrait, shown upright
  });

  it('finds pages by 3+, 2 and 1 character terms and by Latin text, newest first, in the bureau scope only', async () => {
    const long = await t.admin.call('scans.search', { q: '食品安全监督' });
    expect(long.hits.length).toBeGreaterThan(0);
    expect(long.hits[0]?.snippet).toContain('【食品安全监督】');
    const two = await t.admin.call('scans.search', { q: '抽查' });
    expect(two.hits.length).toBeGreaterThan(0);
    const one = await t.admin.call('scans.search', { q: '伟' });
    expect(one.hits.some((h) => h.snippet.includes('【伟】'))).toBe(true);
    const latin = await t.admin.call('scans.search', { q: 'CASEBINDER' });
    expect(latin.hits).toHaveLength(1);
    const none = await t.admin.call('scans.search', { q: '不存在的词语组合' });
    expect(none.hits).toHaveLength(0);
    // A user of another district does not see the city's batch.
    const other = await t.createUser('hunnan-clerk', '210112', ['clerk']);
    expect((await other.call('scans.search', { q: '食品安全监督' })).hits).toHaveLength(0);
    expect((await other.raw('scans.page', { id: long.hits[0]?.pageId })).ok).toBe(false);
  });

  it('keeps a correction as a new text version and searches the corrected text', async () => {
    const pageId = batch.documents[0]?.pages[0]?.id as number;
    const before = await t.admin.call('scans.page', { id: pageId });
    const corrected = await t.admin.call('scans.correctText', { pageId, baseVersion: before.versions.length, text: `${before.text}\n校对补记：专用检索词甲乙丙` });
    expect(corrected.versions.map((v) => v.source)).toEqual(['ocr', 'correction']);
    expect((await t.admin.call('scans.search', { q: '专用检索词甲乙丙' })).hits.map((h) => h.pageId)).toEqual([pageId]);
    const stale = await t.admin.raw('scans.correctText', { pageId, baseVersion: 1, text: 'x' });
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
    // The OCR original is still there, unchanged.
    const original = await t.app.db.get<{ text: string }>('SELECT text FROM page_texts WHERE page_id = ? AND version = 1', [pageId]);
    expect(original?.text).toBe(before.text);
  });
});

describe('separator sheets and filing into a volume', () => {
  let t: TestContext;
  afterAll(() => t?.app.close());

  it('splits a mixed stack at the separator pages, drops them and files each part as a searchable PDF', async () => {
    t = await makeTestContext();
    const { volumeId } = await volumeWithDocuments(t);
    const before = await t.admin.call('volumes.get', { id: volumeId });
    const batch = await scanBatch(t, [
      { name: 'sep-1.jpg', bytes: await separatorScan({ volumeId, docType: 'register', title: '签字的登记表' }) },
      { name: 'page-a.jpg', bytes: fixture('scan-skewed-2deg.jpg') },
      { name: 'sep-2.jpg', bytes: await separatorScan({ volumeId, docType: 'evidence', title: null }) },
      { name: 'page-b.png', bytes: fixture('scan-rotated-180.png') },
    ]);
    expect(batch.pages).toBe(2); // separator pages do not count
    expect(batch.documents.map((d) => [d.docType, d.title, d.status, d.pages.length])).toEqual([
      ['register', '签字的登记表', 'filed', 1],
      ['evidence', null, 'filed', 1],
    ]);
    const volume = await t.admin.call('volumes.get', { id: volumeId });
    expect(volume.entries.length).toBe(before.entries.length + 2);
    const register = volume.entries.find((e) => e.title === '签字的登记表');
    expect(register).toMatchObject({ docType: 'register', mediaType: 'application/pdf', pageCount: 1 });

    // The filed PDF: the scan's JPEG bytes unchanged inside it, and a text layer pdftotext reads.
    const pdf = await t.app.services.blobs.read(register?.blobSha256 as string);
    expect(pdf.includes(fixture('scan-skewed-2deg.jpg'))).toBe(true);
    const file = path.join(tempDir(), 'filed.pdf');
    fs.writeFileSync(file, pdf);
    expect(cer(truth('scan-skewed-2deg'), pdftotext(file))).toBeLessThan(0.15);
    const evidence = volume.entries.find((e) => e.docType === 'evidence' && e.title === null);
    const upsideDown = path.join(tempDir(), 'evidence.pdf');
    fs.writeFileSync(upsideDown, await t.app.services.blobs.read(evidence?.blobSha256 as string));
    expect(cer(truth('scan-rotated-180'), pdftotext(upsideDown))).toBeLessThan(0.2);

    // Filed pages are found by the volume's metadata too.
    const byTarget = await t.admin.call('scans.search', { q: volume.targetName });
    expect(byTarget.hits.some((h) => h.volumeId === volumeId)).toBe(true);

  }, 240_000);
});
