import { createHash } from 'node:crypto';
import { canonicalJson, sha256Hex } from './canonical-json';

/** The hash chain's primitives, shared by the writer (audit-service) and the verifier (audit-verify). */
export const GENESIS_HASH = '0'.repeat(64);

export type EventRow = {
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

export type EventPayload = { detail?: object; changes: number; digest: string };

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

/**
 * Digest over an event's history rows, in insertion order: SHA-256 of the lines
 * "entity \t id \t snapshot-json-or-deleted \n", streamed (one pass, no per-row digest).
 */
export function historyDigester() {
  const hash = createHash('sha256');
  let count = 0;
  return {
    add(entity: string, entityId: string, snapshotJson: string | null) {
      hash.update(`${entity}\t${entityId}\t`);
      hash.update(snapshotJson === null ? '\u0000deleted' : snapshotJson);
      hash.update('\n');
      count++;
    },
    result: () => ({ changes: count, digest: hash.copy().digest('hex') }),
  };
}
