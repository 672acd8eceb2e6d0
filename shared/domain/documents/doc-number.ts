/**
 * Generated inspection documents and their 文号 (document numbers). Pure: the sequence itself lives in
 * the database (doc_number_sequences) and is advanced in the same transaction that stores the document,
 * so a number is never skipped or handed out twice.
 */

export const DOCUMENT_KINDS = ['notice', 'register', 'order'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** 题名 as printed and as listed in the volume's 卷内文件目录. */
export const DOCUMENT_KIND_TITLES = {
  notice: '行政检查告知书',
  register: '行政检查登记表',
  /** Art. 17: a problem that must be corrected gets a time limit. */
  order: '责令改正通知书',
} as const satisfies Record<DocumentKind, string>;

/**
 * The default 文号 pattern per kind; null = the form carries no 文号 (the 登记表 is a record, not an
 * outgoing document). Placeholders: {short} 文号简称 of the bureau, {year} 4-digit year, {n} sequence.
 * A per-bureau override is not stored yet: every bureau uses these defaults.
 */
export const DEFAULT_DOC_NUMBER_PATTERNS = {
  notice: '{short}检告〔{year}〕{n}号',
  register: null,
  /** Gapless per bureau and year like the notice, in a sequence of its own. */
  order: '{short}责改〔{year}〕{n}号',
} as const satisfies Record<DocumentKind, string | null>;

const PLACEHOLDER = /\{(short|year|n)\}/g;

export type DocNumberParts = { short: string; year: number; n: number };

/** Whether a pattern names the sequence (without {n} every document would get the same number). */
export function isValidDocNumberPattern(pattern: string): boolean {
  const unknown = pattern.replace(PLACEHOLDER, '').match(/[{}]/);
  return pattern.includes('{n}') && unknown === null;
}

/** `{short}检告〔{year}〕{n}号` + 沈和市监, 2026, 15 → 沈和市监检告〔2026〕15号 (no zero padding, as printed on paper). */
export function formatDocNumber(pattern: string, parts: DocNumberParts): string {
  if (!isValidDocNumberPattern(pattern)) throw new Error(`invalid document number pattern: ${pattern}`);
  if (!Number.isInteger(parts.n) || parts.n < 1) throw new Error(`document sequence must be a positive integer: ${parts.n}`);
  if (!Number.isInteger(parts.year) || parts.year < 1000 || parts.year > 9999) throw new Error(`invalid year: ${parts.year}`);
  return pattern.replace(PLACEHOLDER, (_, key: 'short' | 'year' | 'n') => (key === 'short' ? parts.short.trim() : String(parts[key])));
}

/** The 文号 of a kind under the default pattern, or null for a kind without one. */
export function defaultDocNumber(kind: DocumentKind, parts: DocNumberParts): string | null {
  const pattern = DEFAULT_DOC_NUMBER_PATTERNS[kind];
  return pattern === null ? null : formatDocNumber(pattern, parts);
}

/** Whether a kind draws numbers from a sequence at all. */
export const isNumbered = (kind: DocumentKind): boolean => DEFAULT_DOC_NUMBER_PATTERNS[kind] !== null;

/** `2026-03-02` → `2026年3月2日` (the date line of an official document). */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
