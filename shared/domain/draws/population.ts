import { CREDIT_CLASSES, RISK_LEVELS } from '../targets';
import { STRATA, type DrawCrypto, type PopulationEntry, type StratumKey } from './draw-types';

/**
 * The population (抽查对象总体) of a draw: its stratum of each target, the canonical sort order, the
 * digests a record pins it down with, and the CSV file a third party replays the draw from.
 * resources/docs/draw-algorithm.md §5 and §9.
 */

const STRATUM_INDEX = new Map<string, number>(STRATA.map((s, i) => [s, i]));
const RISKS: ReadonlySet<string> = new Set(RISK_LEVELS);
const CREDITS: ReadonlySet<string> = new Set(CREDIT_CLASSES);

/** Position of the stratum in STRATA; throws on an unknown key (a programming error). */
export function stratumIndex(stratum: string): number {
  const i = STRATUM_INDEX.get(stratum);
  if (i === undefined) throw new Error(`unknown stratum ${JSON.stringify(stratum)}`);
  return i;
}

export function isStratumKey(value: string): value is StratumKey {
  return STRATUM_INDEX.has(value);
}

/** The stratum of a target from its 风险等级 and 信用等级; a missing or unknown rating is 'unrated'. */
export function stratumOf(risk: string | null, credit: string | null): StratumKey {
  const r = risk !== null && RISKS.has(risk) ? risk : 'unrated';
  const c = credit !== null && CREDITS.has(credit) ? credit : 'unrated';
  return `${r}/${c}` as StratumKey;
}

/** `stratum\ttargetId\tcode\n`: what the digests hash, one line per target. */
export function canonicalLine(e: PopulationEntry): string {
  return `${e.stratum}\t${e.targetId}\t${e.code}\n`;
}

/**
 * The canonical order: stratum (STRATA order), then target id. The id is the stable key: it never changes
 * for the life of a target (a code may — a 15-digit 注册号 becomes a 统一社会信用代码), and a table scan
 * yields targets in id order, so a million-row population needs no sort (bench/draw.ts).
 */
export function comparePopulation(a: PopulationEntry, b: PopulationEntry): number {
  const s = stratumIndex(a.stratum) - stratumIndex(b.stratum);
  if (s !== 0) return s;
  return compareWithinStratum(a, b);
}

/** Target id: the order within one stratum. */
function compareWithinStratum(a: PopulationEntry, b: PopulationEntry): number {
  return a.targetId - b.targetId;
}

/**
 * A sorted copy (the input is left alone), equal to `[...entries].sort(comparePopulation)`. Bucketing by
 * stratum first costs one stratum lookup per entry instead of two per comparison (a million entries).
 */
export function sortPopulation(entries: readonly PopulationEntry[]): PopulationEntry[] {
  if (inCanonicalOrder(entries)) return entries.slice(); // a stored population file is: skip the bucketing
  const buckets: PopulationEntry[][] = STRATA.map(() => []);
  for (const e of entries) (buckets[stratumIndex(e.stratum)] as PopulationEntry[]).push(e);
  const out: PopulationEntry[] = [];
  for (const bucket of buckets) {
    if (!ascending(bucket)) bucket.sort(compareWithinStratum);
    for (const e of bucket) out.push(e);
  }
  return out;
}

/** Strata ascending and ids ascending within each; the stratum is looked up only where it changes. */
function inCanonicalOrder(entries: readonly PopulationEntry[]): boolean {
  let stratum = '';
  let index = -1;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as PopulationEntry;
    if (e.stratum !== stratum) {
      const next = stratumIndex(e.stratum);
      if (next <= index) return false;
      index = next;
      stratum = e.stratum;
    } else if ((entries[i - 1] as PopulationEntry).targetId >= e.targetId) return false;
  }
  return true;
}

/** Already in order? (Rows read in id order then skip the sort.) */
function ascending(list: readonly PopulationEntry[]): boolean {
  for (let i = 1; i < list.length; i++) if (compareWithinStratum(list[i - 1] as PopulationEntry, list[i] as PopulationEntry) > 0) return false;
  return true;
}

export type PopulationDigest = {
  digest: string;
  size: number;
  /** Non-empty strata only, in STRATA order. */
  strata: { stratum: StratumKey; size: number; digest: string }[];
};

/** Characters per hash update: few native calls, yet small strings (measured fastest in Node 20). */
const CHUNK_CHARS = 65536;

/**
 * SHA-256 over all canonical lines in order, and over each stratum's lines. The input must already be
 * sorted (sortPopulation): a digest of an unsorted list would be unreproducible, so that throws.
 */
export function digestPopulation(crypto: DrawCrypto, sorted: readonly PopulationEntry[]): PopulationDigest {
  const overall = crypto.sha256Stream();
  const strata: PopulationDigest['strata'] = [];
  let previous = -1;
  let start = 0;
  while (start < sorted.length) {
    const stratum = (sorted[start] as PopulationEntry).stratum;
    const index = stratumIndex(stratum);
    if (index <= previous) throw new Error(`population not in canonical order at index ${start}: sort it with sortPopulation`);
    previous = index;
    let end = start + 1;
    while (end < sorted.length && (sorted[end] as PopulationEntry).stratum === stratum) end++;
    strata.push({ stratum, size: end - start, digest: digestRun(overall, crypto.sha256Stream(), sorted, start, end) });
    start = end;
  }
  return { digest: overall.digestHex(), size: sorted.length, strata };
}

type HashStream = ReturnType<DrawCrypto['sha256Stream']>;

/**
 * Hashes sorted[start, end) — one stratum — into both streams, checking the order within it as it goes.
 * Lines are built as canonicalLine does, with the stratum prefix hoisted (this loop runs a million times).
 */
function digestRun(overall: HashStream, own: HashStream, sorted: readonly PopulationEntry[], start: number, end: number): string {
  const prefix = `${(sorted[start] as PopulationEntry).stratum}\t`;
  let chunk = '';
  let prev: PopulationEntry | null = null;
  for (let i = start; i < end; i++) {
    const e = sorted[i] as PopulationEntry;
    if (prev !== null && compareWithinStratum(prev, e) >= 0) throw new Error(`population not in canonical order (or repeated) at index ${i}: sort it with sortPopulation`);
    chunk += `${prefix}${e.targetId}\t${e.code}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      own.update(chunk);
      overall.update(chunk);
      chunk = '';
    }
    prev = e;
  }
  own.update(chunk);
  overall.update(chunk);
  return own.digestHex();
}

/* ---------- population file (总体文件) ---------- */

export const POPULATION_CSV_HEADER = 'stratum,target_id,code';

/** Codes are credit codes or plain identifiers: none of these can appear in one, so the CSV needs no quoting. */
function codeIsPlain(code: string): boolean {
  if (code === '') return false;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 0x2c || c === 0x22 || c === 0x09 || c === 0x0a || c === 0x0d) return false;
  }
  return true;
}

/** The population file for third-party replay: header, then `stratum,target_id,code` per target, LF ends. */
export function formatPopulationCsv(sorted: readonly PopulationEntry[]): string {
  // 64 KB chunks joined once. Each chunk is read once before it is kept (charCodeAt makes V8 flatten the
  // concatenation): a million kept concatenation nodes cost seconds of garbage collection (measured).
  const chunks: string[] = [];
  let chunk = `${POPULATION_CSV_HEADER}\n`;
  for (const e of sorted) {
    if (!codeIsPlain(e.code)) throw new Error(`target ${e.targetId}: code ${JSON.stringify(e.code)} is empty or holds a comma, quote, tab or line break`);
    chunk += `${e.stratum},${e.targetId},${e.code}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      chunk.charCodeAt(0);
      chunks.push(chunk);
      chunk = '';
    }
  }
  chunks.push(chunk);
  return chunks.join('');
}

export type PopulationCsvResult = { ok: true; entries: PopulationEntry[] } | { ok: false; line: number; problem: string };

/**
 * Reads a population file (any order; replay sorts it). Accepts a UTF-8 BOM, CRLF and a missing final
 * line end; blank lines are allowed only at the end. `line` is 1-based, the header being line 1.
 * Scans the text with indexOf instead of splitting it: a million rows make no per-line strings.
 */
export function parsePopulationCsv(input: string): PopulationCsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const headerEnd = lineEnd(text, 0);
  if (text.slice(0, contentEnd(text, 0, headerEnd)) !== POPULATION_CSV_HEADER) {
    return { ok: false, line: 1, problem: text.trim() === '' ? `empty file: the header ${POPULATION_CSV_HEADER} is missing` : `the header must be exactly ${POPULATION_CSV_HEADER}` };
  }
  const entries: PopulationEntry[] = [];
  const seen = idSet();
  // A file without quotes or tabs anywhere (every honest one) needs no per-code search for them.
  const row: RowReader = { text, stratum: '', checkCodes: text.indexOf('"') >= 0 || text.indexOf('\t') >= 0 };
  let firstBlank = 0;
  let line = 1;
  for (let pos = headerEnd + 1, next = 0; pos < text.length; pos = next + 1) {
    line++;
    next = lineEnd(text, pos);
    const end = contentEnd(text, pos, next);
    if (end === pos) {
      if (firstBlank === 0) firstBlank = line;
      continue;
    }
    if (firstBlank !== 0) return { ok: false, line: firstBlank, problem: 'blank line' };
    const parsed = parseRow(row, pos, end);
    if (typeof parsed === 'string') return { ok: false, line, problem: parsed };
    if (!seen.add(parsed.targetId)) return { ok: false, line, problem: `target_id ${parsed.targetId} appears more than once` };
    entries.push(parsed);
  }
  return { ok: true, entries };
}

/**
 * Target ids seen so far: a bit per id while ids stay small (a Set of a million numbers was a sixth of
 * the parse), a Set past that.
 */
function idSet() {
  const BITMAP_LIMIT = 1 << 27; // 16 MB of bits at most
  let bits = new Uint8Array(1 << 17);
  let large: Set<number> | null = null;
  return {
    /** False when the id was there already. */
    add(id: number): boolean {
      if (id >= BITMAP_LIMIT) {
        large ??= new Set();
        if (large.has(id)) return false;
        large.add(id);
        return true;
      }
      const byte = id >>> 3;
      if (byte >= bits.length) {
        let size = bits.length * 2;
        while (size <= byte) size *= 2;
        const grown = new Uint8Array(size);
        grown.set(bits);
        bits = grown;
      }
      const mask = 1 << (id & 7);
      if ((bits[byte] as number) & mask) return false;
      bits[byte] = (bits[byte] as number) | mask;
      return true;
    },
  };
}

/** Index of the LF ending the line that starts at pos, or the text's length. */
function lineEnd(text: string, pos: number): number {
  const i = text.indexOf('\n', pos);
  return i < 0 ? text.length : i;
}

/** The line's end without a trailing CR. */
function contentEnd(text: string, pos: number, end: number): number {
  return end > pos && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
}

/**
 * The text, the last stratum read (rows come grouped by stratum: reusing it saves a string and a look-up
 * per row), and whether codes must be searched for quotes and tabs.
 */
type RowReader = { text: string; stratum: string; checkCodes: boolean };

/** The data row text[pos, end), or the problem with it. */
function parseRow(row: RowReader, pos: number, end: number): PopulationEntry | string {
  const { text } = row;
  const a = text.indexOf(',', pos);
  const b = a < 0 || a >= end ? -1 : text.indexOf(',', a + 1);
  if (a < 0 || a >= end || b < 0 || b >= end) return 'expected 3 fields: stratum,target_id,code';
  const comma = text.indexOf(',', b + 1);
  if (comma >= 0 && comma < end) return 'expected 3 fields: stratum,target_id,code';
  if (!(a - pos === row.stratum.length && text.startsWith(row.stratum, pos))) {
    const stratum = text.slice(pos, a);
    if (!isStratumKey(stratum)) return `unknown stratum ${JSON.stringify(stratum)}`;
    row.stratum = stratum;
  }
  const targetId = positiveInteger(text, a + 1, b);
  if (targetId === null) return `target_id ${JSON.stringify(text.slice(a + 1, b))} is not a positive integer`;
  const code = text.slice(b + 1, end);
  if (code === '' || (row.checkCodes && !codeIsPlain(code))) return 'code is empty or holds a quote or tab';
  return { targetId, code, stratum: row.stratum as StratumKey };
}

/** Decimal digits text[from, to) without a leading zero, within the safe integer range; else null. */
function positiveInteger(text: string, from: number, to: number): number | null {
  if (to <= from || to - from > 16 || text.charCodeAt(from) === 0x30) return null;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
    n = n * 10 + (c - 0x30);
  }
  return Number.isSafeInteger(n) ? n : null;
}
