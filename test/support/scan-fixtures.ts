import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { characterErrorRate } from '../../electron/core/ocr/text-normalise';
import { encodeSeparator, type SeparatorPayload } from '../../shared/domain/scans/scans';
import type { VolumeDocType } from '../../shared/domain/volumes/volumes';
import { tempDir, type TestContext } from './test-context';

export const OCR_FIXTURES = path.resolve(__dirname, '../fixtures/ocr');
export const fixture = (name: string) => fs.readFileSync(path.join(OCR_FIXTURES, name));
export const truth = (name: string) => fs.readFileSync(path.join(OCR_FIXTURES, `${name}.truth.txt`), 'utf8');

/** A scanned separator sheet: its QR code on an A4 page at 150 dpi, slightly turned as a feeder would. */
export async function separatorScan(p: SeparatorPayload): Promise<Buffer> {
  const qr = QRCode.create(encodeSeparator(p), { errorCorrectionLevel: 'M' });
  const W = 1240;
  const H = 1754;
  const cell = 14;
  const px = Buffer.alloc(W * H, 255);
  const x0 = 400;
  const y0 = 300;
  for (let r = 0; r < qr.modules.size; r++) {
    for (let c = 0; c < qr.modules.size; c++) {
      if (!qr.modules.get(r, c)) continue;
      for (let y = 0; y < cell; y++) px.fill(0, (y0 + r * cell + y) * W + x0 + c * cell, (y0 + r * cell + y) * W + x0 + (c + 1) * cell);
    }
  }
  return sharp(px, { raw: { width: W, height: H, channels: 1 } }).rotate(1, { background: '#ffffff' }).jpeg({ quality: 80 }).toBuffer();
}

/** A scanner's PDF: one JPEG per page, drawn full-page at `dpi`. */
export async function imageOnlyPdf(jpegs: readonly Uint8Array[], dpi = 300): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const bytes of jpegs) {
    const image = await doc.embedJpg(bytes);
    const page = doc.addPage([(image.width * 72) / dpi, (image.height * 72) / dpi]);
    page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  }
  return doc.save();
}

/** Stage files through dispatch (as the UI does) and return their ids. */
export async function stageFiles(caller: TestContext['admin'], files: readonly { name: string; bytes: Uint8Array }[]): Promise<string[]> {
  const dir = tempDir('casebinder-scan-');
  const ids: string[] = [];
  for (const f of files) {
    const file = path.join(dir, f.name);
    fs.writeFileSync(file, f.bytes);
    ids.push((await caller.call('imports.stageFile', { path: file })).id);
  }
  return ids;
}

/** Create a batch from files through dispatch and wait for its job. */
export async function scanBatch(t: TestContext, files: readonly { name: string; bytes: Uint8Array }[], options: { volumeId?: number; docType?: VolumeDocType } = {}, caller = t.admin) {
  const stagedIds = await stageFiles(caller, files);
  const { batchId, jobId } = await caller.call('scans.createBatch', { stagedIds, ...options });
  await t.app.services.jobs.idle();
  const job = await caller.call('jobs.get', { id: jobId });
  if (job.state !== 'succeeded') throw new Error(`scan job ${job.state}: ${job.errorCode} ${JSON.stringify(job.errorDetails)}`);
  return caller.call('scans.batch', { id: batchId });
}

/** Character error rate as the OCR engine and its benchmark measure it (whitespace removed, NFKC, punctuation folded). */
export const cer = characterErrorRate;
