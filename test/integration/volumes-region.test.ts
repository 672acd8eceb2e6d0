import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { todayOf } from '../support/inspection-fixtures';
import { fixture, scanBatch } from '../support/scan-fixtures';
import { makeTestContext, tempDir, type TestContext } from '../support/test-context';
import { verifyArchive } from '../support/archive-fixtures';
import { bindVolume, importBytes, scanJpeg, textPdf, volumeWithDocuments } from '../support/volume-fixtures';

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const pdfText = (file: string) => squash(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));

async function exported(t: TestContext, volumeId: number, isPublic: boolean) {
  const { fileName } = await t.admin.call('volumes.exportFile', { id: volumeId, public: isPublic });
  return path.join(t.dataDir, 'exports', fileName);
}

/** The JPEG images inside a PDF, extracted as they are stored (poppler's pdfimages -j). */
function images(file: string): Buffer[] {
  const dir = tempDir('casebinder-images-');
  execFileSync('pdfimages', ['-j', file, path.join(dir, 'img')]);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.jpg')).sort().map((f) => fs.readFileSync(path.join(dir, f)));
}

describe('volumes: a 不予公开 rectangle on a scanned page', () => {
  it('burns the rectangle into the public copy’s image and drops its words from the text layer; the full version keeps everything', async () => {
    const t = await makeTestContext();
    const v = await volumeWithDocuments(t);
    const clerk = await t.createUser('clerk1', t.app.services.bureaus.get(v.inspection.inspectingBureauId).divisionCode as string, ['clerk']);
    await clerk.call('publish.mark', { inspectionIds: [v.inspectionId], publishedOn: todayOf(t), platforms: ['gsxt'] });
    await scanBatch(t, [{ name: 'licence.png', bytes: fixture('scan-upright.png') }], { volumeId: v.volumeId, docType: 'service_proof' }, clerk);
    const volume = await t.admin.call('volumes.get', { id: v.volumeId });
    const scanned = volume.entries.find((e) => e.scanDocumentId !== null);
    expect(scanned?.scanPageIds).toHaveLength(1);
    const page = await t.admin.call('scans.page', { id: scanned?.scanPageIds?.[0] as number });

    // The rectangle: the line holding the credit code, padded a little.
    const line = page.lines.find((l) => /9133/.test(l.text));
    expect(line, `OCR lines: ${page.lines.map((l) => l.text).join(' | ')}`).toBeDefined();
    const W = page.layoutWidth as number;
    const H = page.layoutHeight as number;
    const code = squash(line?.text ?? '').replace(/^.*[:：]/, ''); // what OCR read after 统一社会信用代码：
    expect(code.length).toBeGreaterThan(10);
    const region = { x0: Math.max(0, (line!.bbox.x0 - 6) / W), y0: Math.max(0, (line!.bbox.y0 - 6) / H), x1: Math.min(1, (line!.bbox.x1 + 6) / W), y1: Math.min(1, (line!.bbox.y1 + 6) / H) };

    // Only scanned pages take rectangles; two rectangles may sit on one page beside nothing else.
    const generated = volume.entries.find((e) => e.source === 'generated') as (typeof volume.entries)[number];
    expect(await t.admin.raw('volumes.markNonPublic', { entryId: generated.id, pageIndex: 0, region, reason: 'trade_secret', note: null })).toMatchObject({ ok: false, error: { code: 'VOLUME_REGION_NOT_SCAN' } });
    const marked = await t.admin.call('volumes.markNonPublic', { entryId: scanned!.id, pageIndex: 0, region, reason: 'trade_secret', note: '统一社会信用代码' });
    expect(marked.marks).toMatchObject([{ pageIndex: 0, region: { x0: expect.any(Number) }, reason: 'trade_secret' }]);

    await bindVolume(t, v.volumeId);
    const { jobId } = await t.admin.call('volumes.bindPublic', { id: v.volumeId });
    await t.app.services.jobs.idle();
    const job = await t.admin.call('jobs.get', { id: jobId });
    expect(job.state, JSON.stringify(job.errorDetails)).toBe('succeeded');
    expect(job.result).toMatchObject({ withheldPages: 0 }); // the page stays, only the rectangle goes

    const full = await exported(t, v.volumeId, false);
    const pub = await exported(t, v.volumeId, true);
    expect(pdfText(full)).toContain(code);
    expect(pdfText(full)).toContain('部分区域不予公开'); // the full version's 备考表 lists it
    const publicText = pdfText(pub);
    expect(publicText).not.toContain(code);
    expect(publicText).not.toContain(code.slice(0, 8));
    expect(publicText).toContain('食品安全监督'); // the rest of the page is still searchable
    expect(publicText).toContain('已在图像上涂黑');
    expect(fs.readFileSync(pub).includes(Buffer.from(code, 'latin1'))).toBe(false);

    // The pixels inside the rectangle are replaced: uniform black in the public image; the stored scan is untouched.
    const publicImages = await Promise.all(images(pub).map(async (bytes) => ({ bytes, meta: await sharp(bytes).metadata() })));
    const burned = publicImages.find((i) => i.meta.width === 1240 && i.meta.height === 700);
    expect(burned).toBeDefined();
    const inset = { left: Math.ceil(region.x0 * 1240) + 4, top: Math.ceil(region.y0 * 700) + 4, width: Math.floor((region.x1 - region.x0) * 1240) - 8, height: Math.floor((region.y1 - region.y0) * 700) - 8 };
    // stats() reads its input, not the pipeline: crop first.
    const stats = await sharp(await sharp(burned!.bytes).extract(inset).greyscale().png().toBuffer()).stats();
    expect(stats.channels[0]!.max).toBeLessThanOrEqual(12);
    const original = await sharp(await sharp(fixture('scan-upright.png')).extract(inset).greyscale().png().toBuffer()).stats();
    expect(original.channels[0]!.min).toBeLessThan(100); // there was ink there

    // The four-property check knows a burned-in page is not a placeholder (no false PUBLIC_COPY_LEAK)…
    const run = await verifyArchive(t, v.volumeId);
    expect(run.failures.filter((f) => f.code === 'PUBLIC_COPY_LEAK')).toEqual([]);
  }, 240_000);

  it('burns a rectangle on an imported JPEG (the image is the page): black pixels in the public copy, the original bytes only in the full version', async () => {
    const t = await makeTestContext();
    const v = await volumeWithDocuments(t);
    const photo = await scanJpeg('ID 210102198001011234', 150); // a photo of an ID card stands in
    const res = await importBytes(t, v.volumeId, 'photo.jpg', photo, { docType: 'evidence', title: '身份证复印件' });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    const entry = (await t.admin.call('volumes.get', { id: v.volumeId })).entries.find((e) => e.title === '身份证复印件')!;
    expect(entry.scanDocumentId).toBeNull();
    // The line of text sits near the top of the rendered page (pdftoppm of a one-line PDF at y = 700 pt of 842).
    const region = { x0: 0.05, y0: 0.12, x1: 0.95, y1: 0.22 };
    const meta = await sharp(photo).metadata();
    const inset = { left: Math.ceil(region.x0 * meta.width!) + 3, top: Math.ceil(region.y0 * meta.height!) + 3, width: Math.floor((region.x1 - region.x0) * meta.width!) - 6, height: Math.floor((region.y1 - region.y0) * meta.height!) - 6 };
    const ink = await sharp(await sharp(photo).extract(inset).greyscale().png().toBuffer()).stats();
    expect(ink.channels[0]!.min).toBeLessThan(100); // the rectangle covers the text
    await t.admin.call('volumes.markNonPublic', { entryId: entry.id, pageIndex: 0, region, reason: 'privacy', note: '身份证号码' });
    const pdfEntry = await importBytes(t, v.volumeId, 'licence.pdf', await textPdf(['licence']), { docType: 'evidence', title: '营业执照复印件' });
    expect(await t.admin.raw('volumes.markNonPublic', { entryId: (pdfEntry as { ok: true; value: { id: number } }).value.id, pageIndex: 0, region, reason: 'privacy', note: null })).toMatchObject({ ok: false, error: { code: 'VOLUME_REGION_NOT_SCAN' } });

    const legal = await t.createUser('legal1', t.app.services.bureaus.get(v.inspection.inspectingBureauId).divisionCode as string, ['legal']);
    await bindVolume(t, v.volumeId, legal, '公示尚在期限内');
    const { jobId } = await t.admin.call('volumes.bindPublic', { id: v.volumeId });
    await t.app.services.jobs.idle();
    expect((await t.admin.call('jobs.get', { id: jobId })).result).toMatchObject({ withheldPages: 0 });
    const full = fs.readFileSync(await exported(t, v.volumeId, false));
    const pub = fs.readFileSync(await exported(t, v.volumeId, true));
    expect(full.includes(photo)).toBe(true);
    expect(pub.includes(photo)).toBe(false);
    const burned = (await Promise.all(images(await exported(t, v.volumeId, true)).map(async (bytes) => ({ bytes, meta: await sharp(bytes).metadata() })))).find((i) => i.meta.width === meta.width && i.meta.height === meta.height);
    expect(burned).toBeDefined();
    const stats = await sharp(await sharp(burned!.bytes).extract(inset).greyscale().png().toBuffer()).stats();
    expect(stats.channels[0]!.max).toBeLessThanOrEqual(12);
    const run = await verifyArchive(t, v.volumeId);
    expect(run.failures.filter((f) => f.code === 'PUBLIC_COPY_LEAK')).toEqual([]);
    await t.app.close();
  }, 240_000);
});
