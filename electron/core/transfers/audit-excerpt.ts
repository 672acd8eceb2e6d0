import type { z } from 'zod';
import { eventHash, type EventRow } from '../audit/audit-chain';
import type { Database } from '../db/database';
import type { AuditExcerpt } from './transfer-format';

type Excerpt = z.infer<typeof AuditExcerpt>;

/**
 * The audit events about a volume's rows (the volume, its entries, marks, bindings, public copies), each
 * with the history rows it wrote for them. Events keep their chain fields, so the receiver can recompute
 * every event's hash (the links between them run through events of other volumes, not in the excerpt).
 */
export async function auditExcerpt(db: Database, keys: [entity: string, ids: number[]][]): Promise<Excerpt> {
  const pairs = keys.flatMap(([entity, ids]) => ids.map((id) => [entity, String(id)]));
  const json = JSON.stringify(pairs);
  const events = await db.all<EventRow>(
    `SELECT * FROM audit_events WHERE seq IN (
       SELECT e.seq FROM audit_events e JOIN json_each(?) k ON e.entity = k.value->>0 AND e.entity_id = k.value->>1
       UNION SELECT h.audit_seq FROM entity_history h JOIN json_each(?) k ON h.entity = k.value->>0 AND h.entity_id = k.value->>1)
     ORDER BY seq`,
    [json, json],
  );
  const history = await db.all<{ audit_seq: number; entity: string; entity_id: string; snapshot: string | null }>(
    `SELECT h.audit_seq, h.entity, h.entity_id, h.snapshot FROM entity_history h JOIN json_each(?) k ON h.entity = k.value->>0 AND h.entity_id = k.value->>1 ORDER BY h.id`,
    [json],
  );
  return {
    format: 'casebinder-audit-excerpt/1',
    events: events.map((e) => ({ ...e, history: history.filter((h) => h.audit_seq === e.seq).map(({ audit_seq: _s, ...h }) => h) })),
  };
}

/** Events whose hash does not follow from their own content (an edited excerpt). */
export function brokenEvents(excerpt: Excerpt): number[] {
  return excerpt.events.filter((e) => eventHash(e.prev_hash, e) !== e.hash).map((e) => e.seq);
}
