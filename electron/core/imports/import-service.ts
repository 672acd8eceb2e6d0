import fs from 'node:fs';
import type { ImportResult } from '../../../shared/contract';
import { mapHeaders, type RowIssue } from '../../../shared/domain/imports';
import { AppError } from '../../../shared/errors/app-error';
import { messageZh } from '../../../shared/errors/messages-zh';
import type { AuditService } from '../audit/audit-service';
import type { BlobStore } from '../blobs/blob-store';
import type { Clock } from '../config';
import type { Database } from '../db/database';
import type { JobRunContext } from '../jobs/job-service';
import { detectEncoding, detectFormat, readRows, xlsxSheetNames, type FileEncoding } from './file-reader';
import type { ImportContext, ImportDirectory, ImportKind, ImportKindFactory } from './import-kind';
import { errorReportCsv } from './import-files';
import type { StagedFiles } from './staged-files';

const CHUNK = 1000; // rows per applyChunk, unless the kind asks for more (ImportKind.chunkRows)
const KEEP_ERRORS = 1000;
/**
 * While a chunk is being written, reading the file stops every 100 rows to let the event loop run: the
 * SQLite driver needs this thread between a statement's steps, and a chunk's rows are otherwise parsed
 * without a break (a 1 MB piece of the file is thousands of rows), leaving SQLite idle meanwhile.
 */
const YIELD_EVERY = 100;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export type ImportJobInput = {
  stagedId: string;
  directory: ImportDirectory;
  mode: 'skip-bad' | 'all-or-nothing';
  encoding: FileEncoding;
  sheet?: string;
  bureauId: number;
  userId: number | null;
  login: string | null;
};

type Deps = {
  db: Database;
  clock: Clock;
  audit: AuditService;
  blobs: BlobStore;
  staged: StagedFiles;
  kinds: Record<ImportDirectory, ImportKindFactory>;
  /** The caller's access rule, rebuilt from the stored user when a job resumes after a restart. */
  accessFor: (userId: number | null) => Promise<(bureauId: number) => boolean>;
};

/**
 * The import engine: files (CSV in UTF-8/GB18030, XLSX), header aliases, per-row validation, in-file
 * duplicates, modes, and one write transaction per import — an interrupted import leaves the directory
 * exactly as before, and re-running it is safe (upsert by key).
 */
export function createImportService(deps: Deps) {
  const { db, clock, audit, blobs, staged } = deps;

  async function kindFor(input: Pick<ImportJobInput, 'directory' | 'bureauId' | 'userId' | 'login'>, fileName = ''): Promise<ImportKind<unknown>> {
    const canAccessBureau = await deps.accessFor(input.userId);
    const ctx: ImportContext = { bureauId: input.bureauId, actor: { userId: input.userId, login: input.login }, canAccessBureau, fileName };
    return deps.kinds[input.directory](ctx);
  }

  async function preview(input: { stagedId: string; directory: ImportDirectory; encoding: FileEncoding; sheet?: string }, ctx: Pick<ImportJobInput, 'bureauId' | 'userId' | 'login'>) {
    const file = await staged.get(input.stagedId);
    const format = await detectFormat(file.path);
    const encoding = format === 'xlsx' ? 'xlsx' : input.encoding === 'auto' ? await detectEncoding(file.path) : input.encoding;
    const sheets = format === 'xlsx' ? await xlsxSheetNames(file.path) : null;
    const kind = await kindFor({ ...ctx, directory: input.directory });
    const rows: { line: number; cells: string[] }[] = [];
    for await (const row of readRows(file.path, { encoding: input.encoding, sheet: input.sheet, onProblem: () => undefined })) {
      if (row.cells.every((c) => c.trim() === '')) continue;
      rows.push(row);
      if (rows.length > 20) break;
    }
    const headers = rows.shift()?.cells ?? [];
    const mapping = mapHeaders(headers, kind.columns);
    return {
      format,
      encoding,
      sheets,
      headers,
      mapping: headers.map((header, i) => {
        const key = mapping.keys[i] ?? null;
        return { header, key, label: kind.columns.find((c) => c.key === key)?.label ?? null };
      }),
      missing: mapping.missing.map((c) => c.label),
      repeated: mapping.repeated,
      rows,
    };
  }

  async function run(job: JobRunContext): Promise<ImportResult> {
    const input = job.input as ImportJobInput;
    const started = clock.now().getTime();
    const file = await staged.get(input.stagedId);
    const kind = await kindFor(input, file.name);
    const encoding = file.format === 'xlsx' ? 'xlsx' : input.encoding === 'auto' ? await detectEncoding(file.path) : input.encoding;
    const totalLines = file.format === 'csv' ? await countLines(file.path) : 0;
    const errors: RowIssue[] = [];
    let rejected = 0;
    const reject = (issues: RowIssue[]) => {
      rejected++;
      for (const issue of issues) errors.push(issue);
    };
    const counts = { inserted: 0, updated: 0, unchanged: 0 };
    const writeReport = async () => (errors.length === 0 ? null : (await db.write((tx) => blobs.put(tx, Buffer.from(errorReportCsv(errors), 'utf8'), 'text/csv'))).sha256);
    await db.write(async (tx) => {
      const bulk = await audit.beginBulk(tx, { actor: { userId: input.userId, login: input.login }, action: `imports.${input.directory}`, entity: kind.entity, entityId: input.stagedId });
      const seen = new Map<string, number>();
      const chunkRows = kind.chunkRows ?? CHUNK;
      let keys: (string | null)[] | null = null;
      let chunk: { key: string; row: unknown; line: number }[] = [];
      let done = 0;
      // Double buffering: while one chunk is written (SQLite works on its own thread), the next is parsed.
      // A kind that takes overlapping chunks gets two in flight (SQLite is not left waiting between them).
      const depth = kind.overlapChunks ? 2 : 1;
      const inFlight: Promise<void>[] = [];
      const write = async (batch: typeof chunk) => {
        const r = await kind.applyChunk(tx, batch, bulk);
        counts.inserted += r.inserted;
        counts.updated += r.updated;
        counts.unchanged += r.unchanged;
        if (r.issues.length > 0) reject(r.issues);
      };
      const apply = async () => {
        const batch = chunk;
        chunk = [];
        if (batch.length === 0 || (input.mode === 'all-or-nothing' && rejected > 0)) return;
        while (inFlight.length >= depth) await inFlight.shift();
        const writing = write(batch);
        writing.catch(() => undefined); // handled: awaited before a later chunk and at the end
        inFlight.push(writing);
      };
      const drain = async () => {
        await apply();
        while (inFlight.length > 0) await inFlight.shift();
      };
      const onProblem = (p: { line: number; reason: string }) => reject([{ line: p.line, column: null, code: 'IMPORT_CSV_MALFORMED', message: messageZh('IMPORT_CSV_MALFORMED') }]);
      try {
        for await (const { line, cells } of readRows(file.path, { encoding: input.encoding, sheet: input.sheet, onProblem })) {
          if (cells.every((c) => c.trim() === '')) continue;
          if (keys === null) {
            const mapping = mapHeaders(cells, kind.columns);
            if (mapping.missing.length > 0) throw new AppError('IMPORT_HEADER_MISSING', { missing: mapping.missing.map((c) => c.label), headers: cells });
            keys = mapping.keys;
            continue;
          }
          const record: Record<string, string> = {};
          keys.forEach((key, i) => {
            if (key !== null) record[key] = unguard((cells[i] ?? '').trim());
          });
          const parsed = kind.parseRow(record, line);
          if (!parsed.ok) reject(parsed.issues);
          else if (seen.has(parsed.key)) {
            reject([{ line, column: null, code: 'IMPORT_DUPLICATE_IN_FILE', message: `${messageZh('IMPORT_DUPLICATE_IN_FILE')}（第 ${seen.get(parsed.key)} 行）` }]);
          } else {
            seen.set(parsed.key, line);
            chunk.push({ key: parsed.key, row: parsed.row, line });
            if (chunk.length >= chunkRows) await apply();
          }
          if (++done % 2000 === 0) await job.progress(Math.min(line, totalLines || line), totalLines, 'rows', { persist: false });
          else if (done % YIELD_EVERY === 0 && inFlight.length > 0) await yieldToEventLoop();
        }
        await drain();
      } finally {
        // Never leave the transaction (commit or rollback) while a chunk is still being written.
        for (const writing of inFlight) await writing.catch(() => undefined);
        await kind.settle?.().catch(() => undefined);
      }
      if (keys === null) throw new AppError('IMPORT_EMPTY');
      if (input.mode === 'all-or-nothing' && rejected > 0) throw new AppError('IMPORT_REJECTED', { rejected });
      await kind.finish?.(tx, bulk);
      await bulk.finish({ file: file.name, sha256: file.sha256, mode: input.mode, encoding, ...counts, rejected });
    }).catch(async (error: unknown) => {
      // All or nothing: nothing was written, but the user still gets every error and the report.
      if (error instanceof AppError && error.code === 'IMPORT_REJECTED') {
        const result = { directory: input.directory, fileName: file.name, mode: input.mode, encoding, inserted: 0, updated: 0, unchanged: 0, rejected, errors: errors.slice(0, KEEP_ERRORS), reportSha256: await writeReport(), durationMs: clock.now().getTime() - started };
        throw new AppError('IMPORT_REJECTED', { result });
      }
      throw error;
    });
    const reportSha256 = await writeReport();
    await job.progress(totalLines, totalLines, 'done');
    return {
      directory: input.directory,
      fileName: file.name,
      mode: input.mode,
      encoding,
      ...counts,
      rejected,
      errors: errors.slice(0, KEEP_ERRORS),
      reportSha256,
      durationMs: clock.now().getTime() - started,
    };
  }

  /** The report of a finished import job (its result, or the result an all-or-nothing rejection carries). */
  async function errorReport(result: ImportResult | null): Promise<{ fileName: string; csv: string }> {
    if (!result?.reportSha256) return { fileName: '导入错误报告.csv', csv: errorReportCsv([]) };
    const bytes = await blobs.read(result.reportSha256);
    return { fileName: `导入错误报告-${result.fileName.replace(/\.[^.]+$/, '')}.csv`, csv: bytes.toString('utf8') };
  }

  return { preview, run, errorReport, kindFor };
}

export type ImportService = ReturnType<typeof createImportService>;

/** Our exports prefix cells starting with = + - @ with ' (so Excel never runs them as formulas); undo it. */
function unguard(cell: string): string {
  return cell.charCodeAt(0) === 39 && '=+-@'.includes(cell.charAt(1)) && cell.length > 1 ? cell.slice(1) : cell;
}

async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return lines + 1;
}
