import type { ImportColumn, RowIssue } from '../../../shared/domain/imports';
import type { AuditActor, BulkRecorder } from '../audit/audit-service';
import type { Tx } from '../db/database';

export type ImportDirectory = 'targets' | 'inspectors' | 'items';

/** What the import engine needs from a directory. The engine owns files, encodings, jobs and modes. */
export type ImportKind<Row> = {
  directory: ImportDirectory;
  /** Audit entity name of the rows (e.g. 'target'); one bulk audit event per import covers them all. */
  entity: string;
  columns: readonly ImportColumn[];
  /**
   * Validate and normalise one record (column key → trimmed cell text; missing columns are absent).
   * `key` identifies the row for upsert and in-file duplicate detection (credit code, identifier …).
   * Issues carry line and column labels filled in by the engine when left null.
   */
  parseRow(record: Readonly<Record<string, string>>, line: number): { ok: true; key: string; row: Row } | { ok: false; issues: RowIssue[] };
  /**
   * Write a chunk of valid rows inside the import's write transaction: insert new ones, update
   * changed ones (by key), leave identical ones alone; add each inserted/updated row's state to `bulk`.
   */
  applyChunk(tx: Tx, rows: { key: string; row: Row; line: number }[], bulk: BulkRecorder): Promise<{ inserted: number; updated: number; unchanged: number; issues: RowIssue[] }>;
  /** Rows per applyChunk call (default 1000): larger chunks mean fewer, larger statements. */
  chunkRows?: number;
  /**
   * applyChunk may be called again before the previous call has resolved (two in flight, still called in
   * file order): the kind keeps its own order where it matters. Default: one chunk at a time.
   */
  overlapChunks?: boolean;
  /**
   * Wait for statements the kind runs in the background between chunks (the engine calls it before the
   * transaction ends, also after a failure or cancel, so nothing runs past the commit or rollback).
   */
  settle?: () => Promise<void>;
  /** Runs once after the last chunk, inside the same transaction (e.g. new list versions, retirements). */
  finish?: (tx: Tx, bulk: BulkRecorder) => Promise<void>;
  /** Example rows for the downloadable template (each a record of column key → text). */
  templateRows: readonly Readonly<Record<string, string>>[];
};

/** Who imports, into which bureau: each import builds its kind for this context. */
export type ImportContext = { bureauId: number; actor: AuditActor; canAccessBureau(id: number): boolean; fileName: string };
export type ImportKindFactory = (ctx: ImportContext) => ImportKind<unknown>;
