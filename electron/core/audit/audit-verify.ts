import type { AuditVerifyReport } from '../../../shared/contract';
import type { Database } from '../db/database';
import { canonicalJson, sha256Hex } from './canonical-json';
import { eventHash, GENESIS_HASH, historyDigester, type EventPayload, type EventRow } from './audit-chain';

/**
 * Loads the current audited state of every row of one entity kind, keyed by entity id: the snapshot
 * itself, or (for big tables, to save memory) the SHA-256 of its canonical JSON.
 */
export type SnapshotSource = { entity: string; load(): Promise<Map<string, object | string>> };

type HistoryRow = { id: number; audit_seq: number; entity: string; entity_id: string; snapshot: string | null };
type Problem = AuditVerifyReport['problems'][number];
const BATCH = 5000;

/**
 * Walk the chain (sequence, links, event hashes), replay every event's history rows against the digest
 * it recorded, then compare each audited entity's current row with the state its last history row holds:
 * a row edited behind the app's back shows up here.
 */
export async function verifyAuditChain(
  db: Database,
  sources: SnapshotSource[],
  progress: (done: number, total: number, phase: string) => Promise<void>,
): Promise<AuditVerifyReport> {
  const problems: Problem[] = [];
  const add = (p: Problem) => void (problems.length < 100 && problems.push(p));
  const total = (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_events'))?.n ?? 0;
  const history = historyReader(db, (row) => add({ kind: 'link', seq: row.audit_seq, entity: `${row.entity}:${row.entity_id}`, detail: `history row ${row.id} is out of place` }));
  const latest = new Map<string, string>();
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let done = 0;
  for (;;) {
    const batch = await db.all<EventRow>('SELECT * FROM audit_events WHERE seq >= ? ORDER BY seq LIMIT 1000', [expectedSeq]);
    if (batch.length === 0) break;
    for (const row of batch) {
      if (row.seq !== expectedSeq) add({ kind: 'sequence', seq: row.seq, entity: null, detail: `expected seq ${expectedSeq}` });
      if (row.prev_hash !== prevHash) add({ kind: 'link', seq: row.seq, entity: null, detail: 'prev_hash does not match the previous event' });
      if (eventHash(row.prev_hash, row) !== row.hash) add({ kind: 'hash', seq: row.seq, entity: null, detail: 'event content does not match its hash' });
      const payload = JSON.parse(row.payload) as EventPayload;
      const digester = historyDigester();
      for (const h of await history.takeFor(row.seq)) {
        digester.add(h.entity, h.entity_id, h.snapshot);
        latest.set(`${h.entity}:${h.entity_id}`, h.snapshot === null ? 'deleted' : sha256Hex(h.snapshot));
      }
      const got = digester.result();
      if (got.changes !== payload.changes || got.digest !== payload.digest) {
        add({ kind: 'hash', seq: row.seq, entity: null, detail: `history rows do not match the event (${got.changes} of ${payload.changes})` });
      }
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
    }
    done += batch.length;
    await progress(done, total, 'chain');
  }
  const stray = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM entity_history WHERE audit_seq >= ?', [expectedSeq]);
  if (stray?.n) add({ kind: 'link', seq: null, entity: null, detail: `${stray.n} history rows belong to no event` });

  for (const source of sources) {
    const current = await source.load();
    for (const [id, snapshot] of current) {
      const recorded = latest.get(`${source.entity}:${id}`);
      if (recorded === undefined) add({ kind: 'entity', seq: null, entity: `${source.entity}:${id}`, detail: 'row has no audit event' });
      else if (recorded !== (typeof snapshot === 'string' ? snapshot : sha256Hex(canonicalJson(snapshot)))) add({ kind: 'entity', seq: null, entity: `${source.entity}:${id}`, detail: 'row differs from its last audited state' });
    }
    for (const [key, value] of latest) {
      const i = key.indexOf(':');
      if (key.slice(0, i) === source.entity && value !== 'deleted' && !current.has(key.slice(i + 1))) {
        add({ kind: 'entity', seq: null, entity: key, detail: 'audited row is missing' });
      }
    }
    await progress(done, total, `entities:${source.entity}`);
  }
  return { ok: problems.length === 0, events: done, problems };
}

/** Streams entity_history in id order, handing out the rows of one event at a time. */
function historyReader(db: Database, onStray: (row: HistoryRow) => void) {
  let buffer: HistoryRow[] = [];
  let pos = 0;
  let lastId = 0;
  let exhausted = false;
  async function fill() {
    if (exhausted) return;
    const rows = await db.all<HistoryRow>('SELECT * FROM entity_history WHERE id > ? ORDER BY id LIMIT ?', [lastId, BATCH]);
    if (rows.length < BATCH) exhausted = true;
    if (rows.length > 0) lastId = (rows[rows.length - 1] as HistoryRow).id;
    buffer = rows;
    pos = 0;
  }
  return {
    /** History rows are written inside their event's transaction, so one event's rows are contiguous. */
    async takeFor(seq: number): Promise<HistoryRow[]> {
      const out: HistoryRow[] = [];
      for (;;) {
        if (pos >= buffer.length) {
          await fill();
          if (pos >= buffer.length) return out;
        }
        const next = buffer[pos] as HistoryRow;
        if (next.audit_seq > seq) return out;
        pos++;
        if (next.audit_seq === seq) out.push(next);
        else onStray(next); // written out of order, or its event is gone

      }
    },
  };
}
