import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors/app-error';
import { csvLine } from '../imports/import-files';

export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export type TableExportInput = {
  /** The finished file; it appears only when complete (written as `<file>.part`, then renamed). */
  file: string;
  format: TableFormat;
  /** XLSX worksheet name (default 导出). */
  sheetName?: string;
  headers: readonly string[];
  /** Rows in batches; each cell already the text people read (and an import reads back). */
  batches: AsyncIterable<readonly (readonly string[])[]>;
  /** After each batch, with the rows written so far; may throw (JOB_CANCELLED) to stop and clean up. */
  onProgress?: (rows: number) => Promise<void> | void;
};

/**
 * Write a table as CSV (UTF-8 with BOM, for Excel) or XLSX (streamed, one sheet, every cell text).
 * The `.part` file is removed on any failure; a full disk becomes DISK_FULL.
 */
export async function writeTableExport(input: TableExportInput): Promise<{ rows: number }> {
  const tmp = `${input.file}.part`;
  const out = openOutput(tmp);
  try {
    const rows = input.format === 'csv' ? await writeCsv(out, input) : await writeXlsx(out, input);
    await syncFile(tmp);
    await fs.promises.rename(tmp, input.file);
    return { rows };
  } catch (error) {
    await out.abort();
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    if (isDiskFull(error)) throw new AppError('DISK_FULL', { file: path.basename(input.file) }, { cause: error });
    throw error;
  }
}

/** `<dir>/<prefix>-YYYYMMDD-HHMMSS.<format>` (UTC, as the clock gives it); `-2`, `-3` … when that name is taken. */
export function exportFilePath(dir: string, prefix: string, format: TableFormat, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  for (let n = 1; ; n++) {
    const file = path.join(dir, `${prefix}-${stamp}${n === 1 ? '' : `-${n}`}.${format}`);
    if (!fs.existsSync(file) && !fs.existsSync(`${file}.part`)) return file;
  }
}

/**
 * Records by id in batches, loaded as they are written. The ids are fixed first (a directory is small
 * enough), so edits made while the file is written neither skip nor repeat a row.
 */
export async function* batchesByIds<T>(ids: readonly number[], load: (ids: readonly number[]) => Promise<T[]>, size = 500): AsyncGenerator<T[]> {
  for (let i = 0; i < ids.length; i += size) yield await load(ids.slice(i, i + size));
}

/** Map each batch of records to rows of cells. */
export async function* rowsOf<T>(batches: AsyncIterable<readonly T[]>, cells: (record: T) => string[]): AsyncGenerator<string[][]> {
  for await (const batch of batches) yield batch.map(cells);
}

type Output = ReturnType<typeof openOutput>;

/** A file stream whose error is never unhandled: it is kept and rethrown at the next step. */
function openOutput(file: string) {
  const stream = fs.createWriteStream(file);
  let failure: Error | null = null;
  const failed = new Promise<never>((_resolve, reject) => {
    stream.on('error', (error) => {
      failure ??= error;
      reject(error);
    });
  });
  failed.catch(() => undefined);
  const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
  const check = () => {
    if (failure) throw failure;
  };
  return {
    stream,
    check,
    /** Wait for a step, failing as soon as the file does. */
    guard: <T>(step: Promise<T>) => Promise.race([step, failed]),
    async write(text: string) {
      check();
      if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
    },
    /** Flush and close (the XLSX writer ends the stream itself). */
    async close() {
      if (!stream.writableEnded) stream.end();
      await closed; // also after an error: fs streams destroy themselves
      check();
    },
    async abort() {
      stream.destroy();
      await closed;
    },
  };
}

async function writeCsv(out: Output, input: TableExportInput): Promise<number> {
  let rows = 0;
  await out.write('\uFEFF' + csvLine(input.headers));
  for await (const batch of input.batches) {
    await out.write(batch.map((cells) => csvLine(cells)).join(''));
    rows += batch.length;
    await input.onProgress?.(rows);
  }
  await out.close();
  return rows;
}

async function writeXlsx(out: Output, input: TableExportInput): Promise<number> {
  let rows = 0;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out.stream, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(input.sheetName ?? '导出');
  sheet.addRow([...input.headers]).commit();
  for await (const batch of input.batches) {
    out.check();
    for (const cells of batch) sheet.addRow([...cells]).commit();
    rows += batch.length;
    await input.onProgress?.(rows);
  }
  sheet.commit();
  await out.guard(workbook.commit());
  await out.close();
  return rows;
}

/** The data reaches the disk before the file gets its final name. */
async function syncFile(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || /ENOSPC/.test(String((error as Error | null)?.message ?? ''));
}
