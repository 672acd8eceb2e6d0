import type { TransferDto } from '../../../shared/contract';
import type { Database } from '../db/database';

export type TransferRow = {
  id: number; direction: 'outgoing' | 'incoming'; package_id: string; status: 'sent' | 'received'; from_bureau_code: string; from_bureau_name: string; to_bureau_code: string; to_bureau_name: string;
  key_id: string; tag_manifest_sha256: string; volumes: string; payload_bytes: number; payload_files: number; receipt: string | null; created_by: number | null; created_at: string; closed_at: string | null; version: number;
};

/** As audited: the whole row. */
export const transferSnapshot = (r: TransferRow): object => {
  const { id: _id, ...rest } = r;
  return rest;
};

export async function loadTransferSnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<TransferRow>('SELECT * FROM transfers')).map((r) => [String(r.id), transferSnapshot(r)]));
}

export type ReceivedRow = { volume_id: number; transfer_id: number; origin_bureau_code: string; origin_bureau_name: string; origin_volume_id: number; origin_archive_no: string | null; received_at: string };
export const receivedSnapshot = (r: ReceivedRow): object => {
  const { volume_id: _v, ...rest } = r;
  return rest;
};
export async function loadReceivedSnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<ReceivedRow>('SELECT * FROM received_volumes')).map((r) => [String(r.volume_id), receivedSnapshot(r)]));
}

export const transferDto = (r: TransferRow): TransferDto => ({
  id: r.id, direction: r.direction, packageId: r.package_id, status: r.status, closed: r.status === 'received',
  from: { code: r.from_bureau_code, name: r.from_bureau_name }, to: { code: r.to_bureau_code, name: r.to_bureau_name }, keyId: r.key_id, tagManifestSha256: r.tag_manifest_sha256,
  volumes: JSON.parse(r.volumes) as TransferDto['volumes'], payloadBytes: r.payload_bytes, payloadFiles: r.payload_files, createdAt: r.created_at, closedAt: r.closed_at,
});

/** As audited: the whole row (the sender's archived file of a received volume). */
export async function loadReceivedArchivedFileSnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<{ id: number }>('SELECT * FROM received_archived_files')).map(({ id, ...rest }) => [String(id), rest]));
}
