import { VOLUME_DOC_TYPES, type VolumeDocType } from '../volumes/volumes';

/**
 * Scanning (issue 6): separator-sheet payloads, page review thresholds and the text normalisation shared by
 * indexing and searching. Pure: no I/O.
 */

export const SCAN_SOURCES = ['upload', 'inbox', 'scanner', 'camera', 'cli'] as const;
export type ScanSource = (typeof SCAN_SOURCES)[number];
export const SCAN_SOURCE_LABELS = { upload: '文件导入', inbox: '收件夹', scanner: '扫描仪', camera: '高拍仪', cli: '命令行' } as const satisfies Record<ScanSource, string>;

export const SCAN_PAGE_STATUSES = ['pending', 'done', 'failed', 'separator'] as const;
export type ScanPageStatus = (typeof SCAN_PAGE_STATUSES)[number];

export const SCAN_DOCUMENT_STATUSES = ['inbox', 'filed', 'discarded'] as const;
export type ScanDocumentStatus = (typeof SCAN_DOCUMENT_STATUSES)[number];

/** Pages whose mean OCR confidence is below this are flagged for review. */
export const REVIEW_CONFIDENCE = 75;

/** What a 条码分隔页 names: the volume the following pages belong to and their document type. */
export type SeparatorPayload = { volumeId: number; docType: VolumeDocType; title: string | null };

const PREFIX = 'casebinder:separator?';

/** The QR text: short (a version-2/3 code), readable, and refused when it is anything else. */
export function encodeSeparator(p: SeparatorPayload): string {
  const params = [['v', '1'], ['volume', String(p.volumeId)], ['type', p.docType], ...(p.title ? [['title', p.title]] : [])];
  return PREFIX + params.map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`).join('&');
}

export function parseSeparator(text: string): SeparatorPayload | null {
  if (!text.startsWith(PREFIX)) return null;
  const params = new Map<string, string>();
  for (const pair of text.slice(PREFIX.length).split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 1) return null;
    try {
      params.set(pair.slice(0, eq), decodeURIComponent(pair.slice(eq + 1)));
    } catch {
      return null;
    }
  }
  const volumeId = Number(params.get('volume'));
  const docType = params.get('type');
  if (params.get('v') !== '1' || !Number.isSafeInteger(volumeId) || volumeId < 1) return null;
  if (!(VOLUME_DOC_TYPES as readonly string[]).includes(docType ?? '')) return null;
  const title = params.get('title');
  return { volumeId, docType: docType as VolumeDocType, title: title && title.trim() !== '' ? title.trim() : null };
}

/** A run of spaces is kept only between two Latin letters or digits ("ABC 123", "foo bar"). */
const NOT_BETWEEN_LATIN = /(?<![A-Za-z0-9]) +| +(?![A-Za-z0-9])/g;

/**
 * Text as it is indexed and searched: NFKC (full-width letters and digits, ： → :), runs of spaces or tabs
 * collapsed, and no spaces except between Latin words (OCR puts one between most Chinese characters).
 */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[ \t\u00a0]+/g, ' ')
    .split('\n')
    .map((line) => line.trim().replace(NOT_BETWEEN_LATIN, ''))
    .join('\n')
    .trim();
}
