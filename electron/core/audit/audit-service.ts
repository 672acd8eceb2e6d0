import type { AuditVerifyReport, HistoryEntry } from '../../../shared/contract';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import { withJsonArray } from '../db/json-rows';
import { canonicalJson } from './canonical-json';
import { eventHash, GENESIS_HASH, historyDigester, type EventPayload, type EventRow } from './audit-chain';
import { verifyAuditChain, type SnapshotSource } from './audit-verify';

export { GENESIS_HASH };

// History rows per INSERT … SELECT FROM jsonb_each (binary rows: no text round trip per `->>`): as many as
// a target import chunk, one history statement per chunk instead of five (1,000,000-row import, two pairs
// of runs: 72/74 s → 66/63 s with 5,000).
const HISTORY_CHUNK = 5000;
const INSERT_HISTORY = 'INSERT INTO entity_history (audit_seq, entity, entity_id, snapshot) SELECT ?, ?, value->>0, value->>1 FROM jsonb_each(CAST(? AS TEXT))';

export type AuditActor = { userId: number | null; login: string | null };
export const SYSTEM_ACTOR: AuditActor = { userId: null, login: 'system' };
export type { SnapshotSource };

export type AuditRecordInput = {
  actor: AuditActor;
  action: string;
  entity: string;
  entityId: string | number;
  /** The entity's state after the change (null = deleted); omit for events that change no state (sign-in). */
  after?: object | null;
  /** Free facts about the event (file name and hash of an import, a reason …). */
  detail?: object;
};

type Deps = { db: Database; clock: Clock };

/** A bulk change (an import): history rows are added as they come, the event is written at the end. */
export type BulkRecorder = {
  add(entityId: string | number, after: object | null): Promise<void>;
  /** Like add, with the state already as canonicalJson text (bulk writers that build it faster). */
  addJson(entityId: string | number, afterJson: string | null): Promise<void>;
  finish(detail?: object): Promise<{ seq: number; hash: string; changes: number }>;
};

export function createAuditService({ db, clock }: Deps) {
  const sources: SnapshotSource[] = [];

  async function head(tx: Tx) {
    return tx.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
  }

  async function appendEvent(tx: Tx, seq: number, prevHash: string, input: Omit<AuditRecordInput, 'after'>, payload: EventPayload) {
    const event = {
      seq,
      at: clock.now().toISOString(),
      actor_user_id: input.actor.userId,
      actor_login: input.actor.login,
      action: input.action,
      entity: input.entity,
      entity_id: String(input.entityId),
      payload: canonicalJson(payload),
    };
    const hash = eventHash(prevHash, event);
    await tx.run(
      `INSERT INTO audit_events (seq, at, actor_user_id, actor_login, action, entity, entity_id, payload, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [event.seq, event.at, event.actor_user_id, event.actor_login, event.action, event.entity, event.entity_id, event.payload, prevHash, hash],
    );
    return { seq, hash };
  }

  /** Start a bulk change inside the caller's write transaction (which holds the write lock throughout). */
  async function beginBulk(tx: Tx, input: Omit<AuditRecordInput, 'after' | 'detail'>): Promise<BulkRecorder> {
    const h = await head(tx);
    const seq = (h?.seq ?? 0) + 1;
    const digester = historyDigester();
    // The rows as JSON text, each `[id,snapshot]` with the snapshot's JSON written in as is, not as a string:
    // nothing to escape here or to unescape in SQLite, fewer bytes, and `value->>1` gives back the same text
    // (JSONB keeps strict JSON's strings and numbers verbatim; test/integration/audit.test.ts checks it).
    let pending: string[] = [];
    // A full batch is queued and the caller goes on (one prepared statement: batches land in order); it only
    // waits while an earlier batch is still queued. Errors surface at the next add or at finish.
    let queued: Promise<void>[] = [];
    let failure: { error: unknown } | null = null;
    const flush = async () => {
      if (pending.length === 0) return;
      const rows = pending;
      pending = [];
      const insert = await tx.prepare(INSERT_HISTORY);
      const run = withJsonArray(rows, (bytes) => insert.run([seq, input.entity, bytes]));
      queued.push(run.then(() => undefined, (error: unknown) => void (failure ??= { error })));
    };
    const allWritten = async () => {
      await Promise.all(queued);
      queued = [];
      if (failure) throw failure.error;
    };
    const addJson = async (entityId: string | number, json: string | null) => {
      if (failure) throw failure.error;
      const id = String(entityId);
      digester.add(input.entity, id, json);
      pending.push(`[${JSON.stringify(id)},${json ?? 'null'}]`);
      if (pending.length < HISTORY_CHUNK) return;
      await flush();
      while (queued.length > 1) await queued.shift();
    };
    return {
      add: (entityId, after) => addJson(entityId, after === null ? null : canonicalJson(after)),
      addJson,
      async finish(detail) {
        await flush();
        await allWritten();
        const result = digester.result();
        const event = await appendEvent(tx, seq, h?.hash ?? GENESIS_HASH, input, { ...(detail ? { detail } : {}), ...result });
        return { ...event, changes: result.changes };
      },
    };
  }

  /** Append one event (and, for a state change, its history row) inside the caller's write transaction. */
  async function record(tx: Tx, input: AuditRecordInput): Promise<{ seq: number; hash: string }> {
    const bulk = await beginBulk(tx, input);
    if (input.after !== undefined) await bulk.add(input.entityId, input.after);
    return bulk.finish(input.detail);
  }

  /** Every recorded state of one entity, newest first, as field-level changes. */
  async function history(entity: string, entityId: string | number): Promise<HistoryEntry[]> {
    const rows = await db.all<{ snapshot: string | null; seq: number; at: string; actor_login: string | null; action: string }>(
      `SELECT h.snapshot, e.seq, e.at, e.actor_login, e.action FROM entity_history h JOIN audit_events e ON e.seq = h.audit_seq
       WHERE h.entity = ? AND h.entity_id = ? ORDER BY h.id`,
      [entity, String(entityId)],
    );
    let previous: Record<string, unknown> | null = null;
    const entries: HistoryEntry[] = [];
    for (const row of rows) {
      const current = row.snapshot === null ? null : (JSON.parse(row.snapshot) as Record<string, unknown>);
      entries.push({ seq: row.seq, at: row.at, actorLogin: row.actor_login, action: row.action, changes: diff(previous, current) });
      previous = current;
    }
    return entries.reverse();
  }

  async function list(limit: number, beforeSeq?: number) {
    const rows = await db.all<EventRow>(
      `SELECT * FROM audit_events ${beforeSeq ? 'WHERE seq < ?' : ''} ORDER BY seq DESC LIMIT ?`,
      beforeSeq ? [beforeSeq, limit] : [limit],
    );
    return rows.map((r) => ({ seq: r.seq, at: r.at, actorLogin: r.actor_login, action: r.action, entity: r.entity, entityId: r.entity_id, hash: r.hash }));
  }

  return {
    record,
    beginBulk,
    history,
    list,
    verify: (progress: (done: number, total: number, phase: string) => Promise<void>): Promise<AuditVerifyReport> => verifyAuditChain(db, sources, progress),
    registerSnapshotSource: (source: SnapshotSource) => void sources.push(source),
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): HistoryEntry['changes'] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: HistoryEntry['changes'] = [];
  for (const field of [...keys].sort()) {
    if (field === 'version') continue;
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (canonicalJson(b) !== canonicalJson(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}
