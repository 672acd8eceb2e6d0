import type { AuditVerifyReport, HistoryEntry } from '../../../shared/contract';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import { canonicalJson, sha256Hex } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditActor = { userId: number | null; login: string | null };
export const SYSTEM_ACTOR: AuditActor = { userId: null, login: 'system' };

export type AuditRecordInput = {
  actor: AuditActor;
  action: string;
  entity: string;
  entityId: string | number;
  before: object | null;
  after: object | null;
};

/** Loads the current audited state of every row of one entity kind, keyed by entity id. */
export type SnapshotSource = { entity: string; load(): Promise<Map<string, object>> };

type EventRow = {
  seq: number;
  at: string;
  actor_user_id: number | null;
  actor_login: string | null;
  action: string;
  entity: string;
  entity_id: string;
  payload: string;
  prev_hash: string;
  hash: string;
};

type Deps = { db: Database; clock: Clock };

export function eventHash(prevHash: string, e: Omit<EventRow, 'prev_hash' | 'hash'>): string {
  const body = canonicalJson({
    seq: e.seq,
    at: e.at,
    actorUserId: e.actor_user_id,
    actorLogin: e.actor_login,
    action: e.action,
    entity: e.entity,
    entityId: e.entity_id,
    payload: e.payload,
  });
  return sha256Hex(prevHash + '\n' + body);
}

export function createAuditService({ db, clock }: Deps) {
  const sources: SnapshotSource[] = [];

  /** Append one event to the chain inside the caller's write transaction. */
  async function record(tx: Tx, input: AuditRecordInput): Promise<{ seq: number; hash: string }> {
    const head = await tx.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
    const event = {
      seq: (head?.seq ?? 0) + 1,
      at: clock.now().toISOString(),
      actor_user_id: input.actor.userId,
      actor_login: input.actor.login,
      action: input.action,
      entity: input.entity,
      entity_id: String(input.entityId),
      payload: canonicalJson({ before: input.before, after: input.after }),
    };
    const prevHash = head?.hash ?? GENESIS_HASH;
    const hash = eventHash(prevHash, event);
    await tx.run(
      `INSERT INTO audit_events (seq, at, actor_user_id, actor_login, action, entity, entity_id, payload, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [event.seq, event.at, event.actor_user_id, event.actor_login, event.action, event.entity, event.entity_id, event.payload, prevHash, hash],
    );
    return { seq: event.seq, hash };
  }

  async function history(entity: string, entityId: string | number): Promise<HistoryEntry[]> {
    const rows = await db.all<EventRow>('SELECT * FROM audit_events WHERE entity = ? AND entity_id = ? ORDER BY seq DESC', [entity, String(entityId)]);
    return rows.map((row) => {
      const payload = JSON.parse(row.payload) as { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
      return { seq: row.seq, at: row.at, actorLogin: row.actor_login, action: row.action, changes: diff(payload.before, payload.after) };
    });
  }

  async function list(limit: number, beforeSeq?: number) {
    const rows = await db.all<EventRow>(
      `SELECT * FROM audit_events ${beforeSeq ? 'WHERE seq < ?' : ''} ORDER BY seq DESC LIMIT ?`,
      beforeSeq ? [beforeSeq, limit] : [limit],
    );
    return rows.map((r) => ({ seq: r.seq, at: r.at, actorLogin: r.actor_login, action: r.action, entity: r.entity, entityId: r.entity_id, hash: r.hash }));
  }

  /**
   * Walk the whole chain (sequence, links, hashes), then compare each audited entity's current row
   * with the state its latest event recorded: a row edited behind the app's back shows up here.
   */
  async function verify(progress: (done: number, total: number, phase: string) => Promise<void>): Promise<AuditVerifyReport> {
    const problems: AuditVerifyReport['problems'] = [];
    const add = (p: AuditVerifyReport['problems'][number]) => {
      if (problems.length < 100) problems.push(p);
    };
    const total = (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_events'))?.n ?? 0;
    const latest = new Map<string, string>();
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let done = 0;
    for (;;) {
      const batch = await db.all<EventRow>('SELECT * FROM audit_events WHERE seq >= ? ORDER BY seq LIMIT 2000', [expectedSeq]);
      if (batch.length === 0) break;
      for (const row of batch) {
        if (row.seq !== expectedSeq) add({ kind: 'sequence', seq: row.seq, entity: null, detail: `expected seq ${expectedSeq}` });
        if (row.prev_hash !== prevHash) add({ kind: 'link', seq: row.seq, entity: null, detail: 'prev_hash does not match the previous event' });
        if (eventHash(row.prev_hash, row) !== row.hash) add({ kind: 'hash', seq: row.seq, entity: null, detail: 'event content does not match its hash' });
        const after = (JSON.parse(row.payload) as { after: object | null }).after;
        latest.set(`${row.entity}:${row.entity_id}`, after === null ? 'deleted' : sha256Hex(canonicalJson(after)));
        prevHash = row.hash;
        expectedSeq = row.seq + 1;
      }
      done += batch.length;
      await progress(done, total, 'chain');
    }
    for (const source of sources) {
      const current = await source.load();
      for (const [id, snapshot] of current) {
        const recorded = latest.get(`${source.entity}:${id}`);
        if (recorded === undefined) add({ kind: 'entity', seq: null, entity: `${source.entity}:${id}`, detail: 'row has no audit event' });
        else if (recorded !== sha256Hex(canonicalJson(snapshot))) add({ kind: 'entity', seq: null, entity: `${source.entity}:${id}`, detail: 'row differs from its last audited state' });
      }
      for (const key of latest.keys()) {
        const [entity, id] = splitKey(key);
        if (entity === source.entity && latest.get(key) !== 'deleted' && !current.has(id)) add({ kind: 'entity', seq: null, entity: key, detail: 'audited row is missing' });
      }
      await progress(done, total, `entities:${source.entity}`);
    }
    return { ok: problems.length === 0, events: done, problems };
  }

  return {
    record,
    history,
    list,
    verify,
    registerSnapshotSource: (source: SnapshotSource) => void sources.push(source),
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

function splitKey(key: string): [string, string] {
  const i = key.indexOf(':');
  return [key.slice(0, i), key.slice(i + 1)];
}

function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): HistoryEntry['changes'] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: HistoryEntry['changes'] = [];
  for (const field of [...keys].sort()) {
    if (field === 'version' || field === 'updatedAt') continue;
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (canonicalJson(b) !== canonicalJson(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}
