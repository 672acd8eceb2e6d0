import fs from 'node:fs';
import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import sharp from 'sharp';
import { encodeSeparator, parseSeparator, type SeparatorPayload } from '../../../shared/domain/scans/scans';
import { VOLUME_DOC_TYPE_LABELS } from '../../../shared/domain/volumes/volumes';
import { createPdfBuilder } from '../documents/pdf-builder';

/**
 * 条码分隔页 (issue 6 item 6): a printed sheet whose QR code names a volume and a document type. A mixed
 * stack scanned in one go is split at these sheets; the sheets themselves are dropped. Read with ZXing-C++
 * (zxing-wasm), its WebAssembly loaded from node_modules — never from a CDN.
 */

type ZxingReader = typeof import('zxing-wasm/reader');
let reader: Promise<ZxingReader> | null = null;

function loadReader(): Promise<ZxingReader> {
  reader ??= (async () => {
    const zxing = await import('zxing-wasm/reader');
    const require = createRequire(__filename);
    const wasm = fs.readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
    zxing.prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer } });
    return zxing;
  })();
  return reader;
}

/** The separator a page carries, or null. Looks at a ~150-dpi copy: a printed code reads easily there. */
export async function detectSeparator(image: Uint8Array, width: number): Promise<SeparatorPayload | null> {
  const zxing = await loadReader();
  const target = Math.min(width, 1300);
  const { data, info } = await sharp(image, { failOn: 'none' }).resize({ width: target }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const imageData = { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height, colorSpace: 'srgb' as const };
  const results = await zxing.readBarcodes(imageData as unknown as Parameters<ZxingReader['readBarcodes']>[0], { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 4 });
  for (const r of results) {
    const payload = r.isValid ? parseSeparator(r.text) : null;
    if (payload) return payload;
  }
  return null;
}

/** A printable A4 separator sheet: the QR code large and centred, what it names in words beneath. */
export async function separatorSheetPdf(p: SeparatorPayload & { volumeTitle: string; targetName: string }, options: { fontBytes: Uint8Array; creationDate: Date }): Promise<Uint8Array> {
  const text = encodeSeparator(p);
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const b = await createPdfBuilder({ fontBytes: options.fontBytes, title: `条码分隔页 ${p.volumeTitle}`, creationDate: options.creationDate, footer: false });
  b.heading('条码分隔页', { size: 22, bold: true });
  b.paragraph('扫描时放在该份文件的第一页之前；系统识别后自动拆分归档，本页不进入专卷。', { size: 10.5, align: 'center' });
  b.spacer(18);
  const size = qr.modules.size;
  const side = 240; // pt: ~ 6 mm per module at version 3, read reliably at 150 dpi
  b.block(side + 24, (canvas, top) => {
    const x0 = canvas.left + (canvas.width - side) / 2;
    const cell = side / size;
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) if (qr.modules.get(r, c)) canvas.fillRect(x0 + c * cell, top - (r + 1) * cell, cell + 0.05, cell + 0.05, 0);
    }
  });
  b.keyValueTable([
    ['专卷', p.volumeTitle],
    ['检查对象', p.targetName],
    ['专卷编号', String(p.volumeId)],
    ['文件类型', VOLUME_DOC_TYPE_LABELS[p.docType]],
    ['文件题名', p.title ?? '（扫描后填写）'],
  ]);
  return b.finish();
}
