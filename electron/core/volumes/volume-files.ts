import { PDFDocument } from 'pdf-lib';
import type { VolumeMediaType } from '../../../shared/domain/volumes/volumes';
import { AppError } from '../../../shared/errors/app-error';
import type { ErrorCode } from '../../../shared/errors/codes';

/**
 * What an imported file is, decided from its bytes (never its name), and whether it can be bound: a PDF
 * that pdf-lib parses and is not encrypted (tech-notes §3: copied pages of an encrypted file are
 * garbage), a JPEG with its frame header and end marker (a truncated scan would bind as a grey band),
 * a PNG that decodes. A refused file is never stored.
 */
export type InspectedFile = { mediaType: VolumeMediaType; pageCount: number; width?: number; height?: number };

export async function inspectVolumeFile(bytes: Uint8Array): Promise<InspectedFile> {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return inspectPdf(bytes);
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { mediaType: 'image/jpeg', pageCount: 1, ...jpegInfo(bytes) };
  if (head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return inspectPng(bytes);
  throw new AppError('VOLUME_FILE_TYPE');
}

/**
 * A PDF someone brought in (an import, a scan), parsed strictly: an encrypted one fails with `codes.encrypted`,
 * anything pdf-lib cannot read with `codes.invalid` and its reason.
 */
export async function loadIncomingPdf(bytes: Uint8Array, codes: { encrypted: ErrorCode; invalid: ErrorCode }): Promise<PDFDocument> {
  // An encrypted file names /Encrypt in its trailer; pdf-lib then throws with "encrypted" in the message.
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    // AES-256 files with object streams fail inside the parser instead ("Expected instance of PDFDict").
    if (/encrypted/i.test(message) || Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('/Encrypt', 0, 'latin1')) throw new AppError(codes.encrypted, {}, { cause: error });
    throw new AppError(codes.invalid, { reason: message.slice(0, 200) }, { cause: error });
  }
  if (doc.isEncrypted) throw new AppError(codes.encrypted);
  return doc;
}

async function inspectPdf(bytes: Uint8Array): Promise<InspectedFile> {
  const doc = await loadIncomingPdf(bytes, { encrypted: 'VOLUME_FILE_ENCRYPTED', invalid: 'VOLUME_FILE_INVALID' });
  const pageCount = doc.getPageCount();
  if (pageCount < 1) throw new AppError('VOLUME_FILE_INVALID', { reason: 'no pages' });
  return { mediaType: 'application/pdf', pageCount };
}

/** SOF markers carry the frame size; all others but SOI/EOI/RSTn carry a 2-byte length. */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Frame size and density of a JPEG; throws VOLUME_FILE_INVALID when segments or the end marker are missing. */
export function jpegInfo(bytes: Uint8Array): { width: number; height: number; dpiX: number | null; dpiY: number | null } {
  const invalid = (reason: string) => new AppError('VOLUME_FILE_INVALID', { reason });
  let end = bytes.length;
  while (end > 2 && bytes[end - 1] === 0x00) end--; // some scanners pad the file with zeros
  if (bytes[end - 2] !== 0xff || bytes[end - 1] !== 0xd9) throw invalid('JPEG end marker missing (truncated)');
  let offset = 2;
  let dpiX: number | null = null;
  let dpiY: number | null = null;
  while (offset + 4 <= end) {
    if (bytes[offset] !== 0xff) throw invalid('JPEG segment marker expected');
    const marker = bytes[offset + 1] as number;
    if (marker === 0xff) {
      offset++;
      continue;
    }
    const length = ((bytes[offset + 2] as number) << 8) | (bytes[offset + 3] as number);
    if (length < 2 || offset + 2 + length > end) throw invalid('JPEG segment runs past the end');
    if (marker === 0xe0 && Buffer.from(bytes.subarray(offset + 4, offset + 9)).toString('latin1') === 'JFIF\0') {
      const units = bytes[offset + 11];
      const x = ((bytes[offset + 12] as number) << 8) | (bytes[offset + 13] as number);
      const y = ((bytes[offset + 14] as number) << 8) | (bytes[offset + 15] as number);
      if ((units === 1 || units === 2) && x > 0 && y > 0) {
        dpiX = units === 1 ? x : x * 2.54;
        dpiY = units === 1 ? y : y * 2.54;
      }
    }
    if (SOF.has(marker)) {
      const height = ((bytes[offset + 5] as number) << 8) | (bytes[offset + 6] as number);
      const width = ((bytes[offset + 7] as number) << 8) | (bytes[offset + 8] as number);
      if (width === 0 || height === 0) throw invalid('JPEG frame without size');
      return { width, height, dpiX, dpiY };
    }
    offset += 2 + length;
  }
  throw invalid('JPEG frame header missing');
}

async function inspectPng(bytes: Uint8Array): Promise<InspectedFile> {
  try {
    const doc = await PDFDocument.create();
    const image = await doc.embedPng(bytes);
    return { mediaType: 'image/png', pageCount: 1, width: image.width, height: image.height };
  } catch (error) {
    throw new AppError('VOLUME_FILE_INVALID', { reason: String((error as Error)?.message ?? error).slice(0, 200) }, { cause: error });
  }
}
