import type { ErrorCode } from '../errors/codes';

/**
 * Import columns and header matching, shared by the core (import jobs) and the UI (wizard preview).
 * A file's headers are matched to a directory's columns through aliases, after normalisation.
 */
export type ImportColumn = {
  key: string;
  /** Header in the downloadable template. */
  label: string;
  /** Other headers people use for the same column. */
  aliases: readonly string[];
  required: boolean;
  /** One line of guidance printed in the template's notes. */
  hint?: string;
};

/** One problem with one row (or the header: line 1). */
export type RowIssue = { line: number; column: string | null; code: ErrorCode; message: string };

/** NFKC (full-width → half-width), no spaces, no required-markers like * or ＊, lower-case Latin. */
export function normaliseHeader(header: string): string {
  return header.normalize('NFKC').replace(/[\s*]/g, '').replace(/^\uFEFF/, '').toLowerCase();
}

export type HeaderMapping = {
  /** For each file column: the directory column key it fills, or null (an extra column, ignored). */
  keys: (string | null)[];
  missing: ImportColumn[];
  /** Directory columns named by more than one file column (the first one wins). */
  repeated: string[];
};

export function mapHeaders(headers: readonly string[], columns: readonly ImportColumn[]): HeaderMapping {
  const lookup = new Map<string, string>();
  for (const column of columns) {
    for (const name of [column.label, column.key, ...column.aliases]) lookup.set(normaliseHeader(name), column.key);
  }
  const used = new Set<string>();
  const repeated: string[] = [];
  const keys = headers.map((header) => {
    const key = lookup.get(normaliseHeader(header)) ?? null;
    if (key === null) return null;
    if (used.has(key)) {
      repeated.push(header);
      return null;
    }
    used.add(key);
    return key;
  });
  return { keys, missing: columns.filter((c) => c.required && !used.has(c.key)), repeated };
}

/**
 * A matcher for cells against labelled values (e.g. 风险等级 高/较高/一般/较低/低; the stored value matches
 * too). Build it once per label table: an import matches millions of cells.
 */
export function labelMatcher<T extends string>(labels: Readonly<Record<T, readonly string[]>>): (raw: string) => T | undefined {
  const map = new Map<string, T>();
  for (const [value, names] of Object.entries(labels) as [T, readonly string[]][]) {
    for (const name of [value, ...names]) if (!map.has(normaliseHeader(name))) map.set(normaliseHeader(name), value);
  }
  // A column holds few distinct texts ("一般", "A类" …): remember them instead of normalising every cell
  // again (normalising was 2.5% of the main thread in a 200,000-row target import). Capped for odd files.
  const seen = new Map<string, T | undefined>();
  return (raw) => {
    if (seen.has(raw)) return seen.get(raw);
    const value = map.get(normaliseHeader(raw));
    if (seen.size < 1000) seen.set(raw, value);
    return value;
  };
}

/** One-off match (small files, forms); hot paths keep a labelMatcher. */
export function matchLabel<T extends string>(raw: string, labels: Readonly<Record<T, readonly string[]>>): T | undefined {
  return labelMatcher(labels)(raw);
}
