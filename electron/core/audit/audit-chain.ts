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

/** Running digest over an event's history rows, in insertion order. */
export function historyDigester() {
  const hash = sha256Hex;
  let acc = GENESIS_HASH;
  let count = 0;
  return {
    add(entity: string, entityId: string, snapshotJson: string | null) {
      acc = hash(`${acc}\n${entity}\t${entityId}\t${snapshotJson === null ? 'deleted' : hash(snapshotJson)}`);
      count++;
    },
    result: () => ({ changes: count, digest: acc }),
  };
}

