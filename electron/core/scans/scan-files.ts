import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef } from 'pdf-lib';
import sharp from 'sharp';
import { AppError } from '../../../shared/errors/app-error';
import { jpegInfo, loadIncomingPdf } from '../volumes/volume-files';

/**
 * An incoming file split into pages, decided from its bytes (never its name):
 * - JPEG and PNG: one page, the bytes kept exactly as received;
 * - TIFF (multi-page from feeders): each page as a lossless PNG (pdf-lib cannot embed TIFF);
 * - PDF: a page that already carries text stays a PDF page with its text; a scanned (image-only) page gives
 *   its embedded image — the JPEG bytes as they are in the file, a Flate image as lossless PNG.
 * Corrupt, encrypted or unsupported input throws a SCAN_* AppError; the caller stores the file anyway and
 * records the failure, so nothing handed in is lost.
 */
export type SplitPage =
  | { kind: 'image'; bytes: Uint8Array; mediaType: 'image/jpeg' | 'image/png'; width: number; height: number; dpi: number | null }
  | { kind: 'pdf'; pageIndex: number; text: string; width: number; height: number };

export type SplitFile = { mediaType: string; pages: SplitPage[] };

/** Pages this large or more are refused (a 600-dpi A3 colour scan is ~ 7000 × 10000). */
const MAX_PIXELS = 120_000_000;

export async function splitScanFile(bytes: Uint8Array): Promise<SplitFile> {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return { mediaType: 'application/pdf', pages: await splitPdf(bytes) };
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { mediaType: 'image/jpeg', pages: [await jpegPage(bytes)] };
  if (head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { mediaType: 'image/png', pages: [await pngPage(bytes)] };
  if (head.subarray(0, 4).equals(Buffer.from('II*\0', 'latin1')) || head.subarray(0, 4).equals(Buffer.from('MM\0*', 'latin1'))) return { mediaType: 'image/tiff', pages: await splitTiff(bytes) };
  throw new AppError('SCAN_FILE_TYPE');
}

const invalid = (reason: string, cause?: unknown) => new AppError('SCAN_FILE_INVALID', { reason: reason.slice(0, 200) }, cause === undefined ? undefined : { cause });

async function jpegPage(bytes: Uint8Array): Promise<SplitPage> {
  let info: ReturnType<typeof jpegInfo>;
  try {
    info = jpegInfo(bytes);
  } catch (error) {
    throw invalid(String((error as AppError).details?.reason ?? (error as Error).message), error);
  }
  // The markers can be intact while the entropy-coded data is not: decode it once, fully.
  try {
    await sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PIXELS }).greyscale().resize(64).raw().toBuffer();
  } catch (error) {
    throw invalid(`JPEG: ${(error as Error).message}`, error);
  }
  return { kind: 'image', bytes, mediaType: 'image/jpeg', width: info.width, height: info.height, dpi: info.dpiX };
}

async function pngPage(bytes: Uint8Array): Promise<SplitPage> {
  try {
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PIXELS });
    const meta = await image.metadata();
    await image.greyscale().resize(64).raw().toBuffer();
    return { kind: 'image', bytes, mediaType: 'image/png', width: meta.width as number, height: meta.height as number, dpi: meta.density ?? null };
  } catch (error) {
    throw invalid(`PNG: ${(error as Error).message}`, error);
  }
}

async function splitTiff(bytes: Uint8Array): Promise<SplitPage[]> {
  let count: number;
  try {
    count = (await sharp(bytes, { failOn: 'error' }).metadata()).pages ?? 1;
  } catch (error) {
    throw invalid(`TIFF: ${(error as Error).message}`, error);
  }
  const pages: SplitPage[] = [];
  for (let page = 0; page < count; page++) {
    try {
      const image = sharp(bytes, { page, failOn: 'error', limitInputPixels: MAX_PIXELS });
      const meta = await image.metadata();
      // Lossless: bilevel and grey pages stay one channel, the pixels exactly as scanned.
      const png = await image.png({ compressionLevel: 6, palette: false }).withMetadata({ density: meta.density ?? undefined }).toBuffer();
      pages.push({ kind: 'image', bytes: new Uint8Array(png), mediaType: 'image/png', width: meta.width as number, height: meta.height as number, dpi: meta.density ?? null });
    } catch (error) {
      throw invalid(`TIFF 第 ${page + 1} 页: ${(error as Error).message}`, error);
    }
  }
  return pages;
}

type PdfTextPage = { text: string };

/** Text of every page (pdf.js), or null per page when it carries none worth keeping. */
async function pdfTexts(bytes: Uint8Array): Promise<PdfTextPage[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 });
  try {
    const doc = await task.promise;
    const out: PdfTextPage[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      out.push({ text: text.trim() });
      page.cleanup();
    }
    return out;
  } finally {
    await task.destroy();
  }
}

async function splitPdf(bytes: Uint8Array): Promise<SplitPage[]> {
  const doc = await loadIncomingPdf(bytes, { encrypted: 'SCAN_FILE_ENCRYPTED', invalid: 'SCAN_FILE_INVALID' });
  if (doc.getPageCount() < 1) throw invalid('PDF 没有页面');
  let texts: PdfTextPage[];
  try {
    texts = await pdfTexts(bytes);
  } catch (error) {
    throw invalid(`PDF: ${(error as Error).message}`, error);
  }
  const pages: SplitPage[] = [];
  for (const [index, page] of doc.getPages().entries()) {
    const { width, height } = page.getSize();
    const text = texts[index]?.text ?? '';
    // A page with real text keeps it; a scanner's PDF page is one image and (almost) no text.
    if (text.replace(/\s/g, '').length >= 8) {
      pages.push({ kind: 'pdf', pageIndex: index, text, width, height });
      continue;
    }
    const image = largestImage(doc, page.node.Resources());
    if (!image) {
      pages.push({ kind: 'pdf', pageIndex: index, text, width, height });
      continue;
    }
    const extracted = await extractImage(image);
    const rotate = page.getRotation().angle % 360;
    const widthPt = rotate === 90 || rotate === 270 ? height : width;
    pages.push({ ...extracted, dpi: Math.round((extracted.width / widthPt) * 72) });
  }
  return pages;
}

function largestImage(doc: PDFDocument, resources: PDFDict | undefined): PDFRawStream | null {
  const xobjects = resources?.lookup(PDFName.of('XObject'));
  if (!(xobjects instanceof PDFDict)) return null;
  let best: PDFRawStream | null = null;
  let bestArea = 0;
  for (const [, ref] of xobjects.entries()) {
    const obj = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
    if (!(obj instanceof PDFRawStream) || obj.dict.lookup(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const area = num(obj.dict, 'Width') * num(obj.dict, 'Height');
    if (area > bestArea) {
      best = obj;
      bestArea = area;
    }
  }
  return best;
}

function num(dict: PDFDict, key: string): number {
  const v = dict.lookup(PDFName.of(key));
  return v instanceof PDFNumber ? v.asNumber() : 0;
}

/** The image's own bytes where they are a JPEG; 8-bit grey/RGB Flate data as a lossless PNG; else refused. */
async function extractImage(stream: PDFRawStream): Promise<Omit<Extract<SplitPage, { kind: 'image' }>, 'dpi'>> {
  const dict = stream.dict;
  const filterObj = dict.lookup(PDFName.of('Filter'));
  const filters = filterObj instanceof PDFArray ? filterObj.asArray().map(String) : filterObj ? [String(filterObj)] : [];
  const width = num(dict, 'Width');
  const height = num(dict, 'Height');
  const raw = stream.getContents();
  if (filters.length === 1 && filters[0] === '/DCTDecode') {
    const page = await jpegPage(raw);
    return { kind: 'image', bytes: raw, mediaType: 'image/jpeg', width: page.width, height: page.height };
  }
  const space = String(dict.lookup(PDFName.of('ColorSpace')) ?? '');
  const bits = num(dict, 'BitsPerComponent');
  const channels = space === '/DeviceGray' ? 1 : space === '/DeviceRGB' ? 3 : 0;
  if (filters.length === 1 && filters[0] === '/FlateDecode' && channels > 0 && bits === 8 && !dict.lookup(PDFName.of('DecodeParms'))) {
    try {
      const pixels = inflateSync(raw);
      if (pixels.length < width * height * channels) throw new Error('image data shorter than its size');
      const png = await sharp(pixels, { raw: { width, height, channels: channels as 1 | 3 } }).png({ compressionLevel: 6 }).toBuffer();
      return { kind: 'image', bytes: new Uint8Array(png), mediaType: 'image/png', width, height };
    } catch (error) {
      throw invalid(`PDF 图像: ${(error as Error).message}`, error);
    }
  }
  throw new AppError('SCAN_PDF_IMAGE_UNSUPPORTED', { filters: filters.join(' ') || 'none', colorSpace: space || 'unknown', bits });
}
