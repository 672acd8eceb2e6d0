import type { Tx } from '../db/database';

/**
 * The AFTER INSERT triggers that keep the two search indexes over targets in step (migrations 0001 and
 * 0005), each with the statement that does the trigger's work for a whole id range at once.
 */
const INSERT_TRIGGERS = [
  {
    name: 'targets_fts_ai',
    table: 'targets_fts',
    fill: 'INSERT INTO targets_fts(rowid, name, credit_code, identifier) SELECT id, name, credit_code, identifier FROM targets WHERE id BETWEEN ? AND ?',
  },
  { name: 'targets_bigram_ai', table: 'targets_bigram', fill: 'INSERT INTO targets_bigram(rowid, name_bigrams) SELECT id, name_bigrams FROM targets WHERE id BETWEEN ? AND ?' },
] as const;

/**
 * FTS5 writes its in-memory term buffer out as a new segment whenever it passes `hashsize` (default 1 MB)
 * and merges segments as they pile up. For the bulk fill the buffer is 8 MB: filling the trigram index for
 * 1,000,000 bench rows took 9.0 s with the default and 4.3 s with 8 MB (16–64 MB: no better).
 */
const FTS5_DEFAULT_HASH_SIZE = 1024 * 1024;
const BULK_HASH_SIZE = 8 * 1024 * 1024;

/** Rows indexed one by one (by the triggers) before a large import switches to indexing in bulk. */
export const BULK_INDEX_AFTER = 20_000;
/**
 * New rows indexed per background statement while the import goes on. Each statement leaves one more
 * FTS5 segment to merge: filling 1,000,000 rows took 4.0 s in one statement, 4.9 s in steps of 20,000 and
 * 6.1 s in steps of 5,000 (trigram index alone). Still, steps overlap with reading the file where one
 * fill at the end runs alone: 1,000,000-row import 42/44 s with steps of 20,000, 46/48 s with one fill.
 */
export const FILL_EVERY = 20_000;

export type DeferredSearchIndex = {
  /**
   * Call before inserting the new rows first..last (ascending ids, above every existing id); `earlier` is
   * the INSERT of the rows before, which may still be queued (it must land before the triggers go).
   */
  beforeInsert(first: number, last: number, earlier: Promise<unknown>): Promise<void>;
  /** Call when the INSERT of the rows up to `last` has completed; may start indexing them in the background. */
  inserted(last: number): void;
  /** Wait for background indexing (before the transaction ends, also when the import fails). */
  settle(): Promise<void>;
  /** Index the remaining rows and recreate the triggers from their stored SQL text. */
  finish(): Promise<void>;
};

type Suspended = { sql: string; table: string; fill: string; hashSize: number | null };

/**
 * Search indexing for a large import, inside its write transaction. Per row, the two FTS5 triggers cost
 * about a third of SQLite's time in a 1,000,000-row import (profiled: tokenising plus an FTS5 flush and
 * segment merge at every statement of 1,000 rows). After `after` new rows the triggers are dropped; the
 * new rows are indexed by INSERT … SELECT over id ranges (in the background while the file is read, the
 * rest at the end) and the triggers are recreated with their SQL text as read from sqlite_master, so the
 * schema is byte-identical afterwards. DDL is transactional in SQLite: a rollback, cancel or crash leaves
 * the triggers (and indexes) exactly as before.
 *
 * Only new rows are deferred. Updates of existing rows keep their AFTER UPDATE triggers; a row inserted
 * here is never updated in the same import (the engine rejects a key seen twice in one file).
 */
export function deferredSearchIndex(tx: Tx, after = BULK_INDEX_AFTER, fillEvery = FILL_EVERY): DeferredSearchIndex {
  let newRows = 0;
  let suspended: Suspended[] | null = null;
  let indexed = 0; // new rows up to this id are in the search indexes (or on their way: `filling`)
  let last = 0; // the highest id given to a new row
  let filling: Promise<void> | null = null;
  let failure: { error: unknown } | null = null;

  const fill = async (from: number, to: number) => {
    for (const s of suspended ?? []) await (await tx.prepare(s.fill)).run([from, to]);
  };
  const settle = async () => {
    while (filling) await filling;
    if (failure) throw failure.error;
  };
  return {
    async beforeInsert(first, lastId, earlier) {
      if (failure) throw failure.error;
      newRows += lastId - first + 1;
      last = lastId;
      if (suspended !== null || newRows <= after) return;
      await earlier;
      const rows = await tx.all<{ name: string; sql: string }>(
        `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'targets' AND name IN (${INSERT_TRIGGERS.map(() => '?').join(', ')})`,
        INSERT_TRIGGERS.map((t) => t.name),
      );
      // A trigger that is missing stays missing, and its index is not filled (as the trigger would not have).
      suspended = [];
      for (const t of INSERT_TRIGGERS) {
        const trigger = rows.find((r) => r.name === t.name);
        if (!trigger) continue;
        await tx.run(`DROP TRIGGER ${t.name}`);
        suspended.push({ sql: trigger.sql, table: t.table, fill: t.fill, hashSize: await setHashSize(tx, t.table, BULK_HASH_SIZE) });
      }
      indexed = first - 1;
    },
    inserted(upTo) {
      if (suspended === null || filling !== null || failure !== null || upTo - indexed < fillEvery) return;
      const from = indexed + 1;
      indexed = upTo;
      filling = fill(from, upTo)
        .catch((error: unknown) => void (failure ??= { error }))
        .finally(() => void (filling = null));
    },
    settle,
    async finish() {
      await settle();
      if (suspended === null) return;
      if (last > indexed) await fill(indexed + 1, last);
      indexed = last;
      for (const s of suspended) await restoreHashSize(tx, s.table, s.hashSize);
      for (const s of suspended) await tx.run(s.sql);
      suspended = null;
    },
  };
}

/** Set the FTS5 table's hashsize; returns the value stored before (null: none, FTS5 uses its default). */
async function setHashSize(tx: Tx, table: string, size: number): Promise<number | null> {
  const stored = await tx.get<{ v: number }>(`SELECT v FROM ${table}_config WHERE k = 'hashsize'`);
  await tx.run(`INSERT INTO ${table}(${table}, rank) VALUES ('hashsize', ?)`, [size]);
  return stored?.v ?? null;
}

/** Put the setting back as it was: the value stored before, or no stored value (FTS5 keeps it in %_config). */
async function restoreHashSize(tx: Tx, table: string, stored: number | null): Promise<void> {
  // Setting it again flushes the buffer and tells other connections to reload the configuration.
  await tx.run(`INSERT INTO ${table}(${table}, rank) VALUES ('hashsize', ?)`, [stored ?? FTS5_DEFAULT_HASH_SIZE]);
  if (stored === null) await tx.run(`DELETE FROM ${table}_config WHERE k = 'hashsize'`);
}
