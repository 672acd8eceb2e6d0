import fs from 'node:fs';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors/app-error';

export type FileEncoding = 'auto' | 'utf8' | 'gb18030';
export type SheetRow = { line: number; cells: string[] };
/** A structural problem in the file that cost one record (a broken quote …), reported and skipped. */
export type ReadProblem = { line: number; reason: string };
export type ReadOptions = { encoding: FileEncoding; sheet?: string; onProblem: (problem: ReadProblem) => void };

const SNIFF_BYTES = 64 * 1024;

export async function detectFormat(file: string): Promise<'csv' | 'xlsx'> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    return head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) ? 'xlsx' : 'csv';
  } finally {
    await handle.close();
  }
}

/** UTF-8 (with or without BOM) when the first 64 KB decode strictly as UTF-8; GB18030 otherwise. */
export async function detectEncoding(file: string): Promise<'utf8' | 'gb18030'> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, bytesRead), { stream: true });
      return 'utf8';
    } catch {
      return 'gb18030';
    }
  } finally {
    await handle.close();
  }
}

/** Rows of the file (the header row included), with 1-based line numbers as a person sees them. */
export async function* readRows(file: string, options: ReadOptions): AsyncGenerator<SheetRow> {
  if ((await detectFormat(file)) === 'xlsx') yield* readXlsx(file, options);
  else yield* readCsv(file, options);
}

async function* readCsv(file: string, options: ReadOptions): AsyncGenerator<SheetRow> {
  const encoding = options.encoding === 'auto' ? await detectEncoding(file) : options.encoding;
  const decoder = new TextDecoder(encoding === 'utf8' ? 'utf-8' : 'gb18030', { ignoreBOM: false });
  // Line breaks become \n before parsing (CRLF, LF and old-Mac CR all occur): csv-parse then counts lines
  // exactly, and cells never end in a stray \r. A CR at the end of a chunk waits for the next one.
  let carry = '';
  const normalise = (text: string, last: boolean) => {
    let all = carry + text;
    carry = '';
    if (!last && all.endsWith('\r')) {
      carry = '\r';
      all = all.slice(0, -1);
    }
    return all.replace(/\r\n?/g, '\n');
  };
  const decode = new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, normalise(decoder.decode(chunk, { stream: true }), false));
    },
    flush(done) {
      done(null, normalise(decoder.decode(), true));
    },
  });
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, info: true, skip_records_with_error: true, bom: true, record_delimiter: '\n' });
  let previousEnd = 0;
  let previousEmpty = 0;
  parser.on('skip', (error: Error & { lines?: number }) => {
    options.onProblem({ line: error.lines ?? previousEnd + 1, reason: error.message });
  });
  const source = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(decode).pipe(parser);
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; empty_lines: number } }>) {
    const start = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    yield { line: start, cells: record };
  }
}

async function* readXlsx(file: string, options: ReadOptions): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let found = false;
  try {
    for await (const sheet of reader as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader & { name?: string }>) {
      if (found || (options.sheet !== undefined && sheet.name !== options.sheet)) {
        for await (const _row of sheet) void _row; // drain: the reader is sequential
        continue;
      }
      found = true;
      for await (const row of sheet) {
        const values = (row.values as unknown[]).slice(1);
        yield { line: row.number, cells: values.map(cellText) };
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('IMPORT_FILE_UNREADABLE', { reason: String((error as Error)?.message ?? error) }, { cause: error });
  }
  if (!found) throw new AppError('IMPORT_SHEET_NOT_FOUND', { sheet: options.sheet ?? null });
}

/** Sheet names of a workbook (for the wizard's sheet picker). */
export async function xlsxSheetNames(file: string): Promise<string[]> {
  const names: string[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'ignore', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' });
  try {
    for await (const sheet of reader as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader & { name?: string }>) {
      names.push(sheet.name ?? `Sheet${names.length + 1}`);
      for await (const _row of sheet) void _row;
    }
  } catch (error) {
    throw new AppError('IMPORT_FILE_UNREADABLE', { reason: String((error as Error)?.message ?? error) }, { cause: error });
  }
  return names;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('').trim();
    if (v.result !== undefined) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return '';
  }
  return String(value);
}
