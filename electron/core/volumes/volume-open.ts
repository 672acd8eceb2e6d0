import type { CustodyRule } from '../../../shared/domain/items';
import { custodyBureau, volumeTitle, type ManualVolumePurpose } from '../../../shared/domain/volumes/volumes';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { Tx } from '../db/database';
import { volumeSnapshot } from '../draws/draw-repository';
import { beijingDate } from '../inspections/inspection-deadlines';
import { titlePatternOf } from './volume-title';

export type OpenVolumeInput = { targetId: number; purpose: ManualVolumePurpose; basis: string; itemIds: readonly number[]; inspectingBureauId: number; title?: string | undefined };

/**
 * A volume opened by hand for a complaint- or referral-driven inspection (issue 7 item 1), inside the
 * caller's transaction: custody by the Art. 8 rule of the items it concerns (every item 登记机关 and the
 * target has one → the registration bureau, else 属地), the title from the inspecting bureau's pattern unless
 * one is given, audited.
 * The same source twice for one target is refused (VOLUME_EXISTS, with the volume to open instead).
 */
export async function openVolumeByHand(tx: Tx, audit: AuditService, actor: AuditActor, input: OpenVolumeInput, at: string): Promise<number> {
  const target = await tx.get<{ name: string; registration_bureau_id: number | null; territorial_bureau_id: number }>('SELECT name, registration_bureau_id, territorial_bureau_id FROM targets WHERE id = ?', [input.targetId]);
  if (!target) throw new AppError('NOT_FOUND', { entity: 'target', id: input.targetId });
  const ids = [...new Set(input.itemIds)];
  const items = await tx.all<{ id: number; custody_rule: CustodyRule }>(`SELECT id, custody_rule FROM items WHERE status = 'active' AND id IN (SELECT value FROM json_each(?))`, [JSON.stringify(ids)]);
  if (items.length !== ids.length) throw new AppError('VOLUME_ITEM_INVALID', { itemIds: ids.filter((id) => !items.some((i) => i.id === id)) });
  const basis = input.basis.trim();
  const existing = await tx.get<{ id: number }>('SELECT id FROM volumes WHERE target_id = ? AND purpose = ? AND basis = ?', [input.targetId, input.purpose, basis]);
  if (existing) throw new AppError('VOLUME_EXISTS', { volumeId: existing.id });
  const custody = custodyBureau(
    items.map((i) => i.custody_rule),
    { registrationBureauId: target.registration_bureau_id, territorialBureauId: target.territorial_bureau_id },
  );
  const { pattern } = await titlePatternOf(tx, input.inspectingBureauId);
  const title = input.title?.trim() || volumeTitle(target.name, input.purpose, pattern, Number(beijingDate(new Date(at)).slice(0, 4)));
  const { lastId } = await tx.run(
    `INSERT INTO volumes (task_id, target_id, inspection_id, custody_bureau_id, inspecting_bureau_id, title, opened_by, purpose, basis, custody_rule, status, created_at, updated_at)
     VALUES (NULL, ?, NULL, ?, ?, ?, 'manual', ?, ?, ?, 'open', ?, ?)`,
    [input.targetId, custody.bureauId, input.inspectingBureauId, title, input.purpose, basis, custody.rule, at, at],
  );
  const row = await tx.get<Parameters<typeof volumeSnapshot>[0]>('SELECT * FROM volumes WHERE id = ?', [lastId]);
  await audit.record(tx, { actor, action: 'volumes.open', entity: 'volume', entityId: lastId, after: volumeSnapshot(row as Parameters<typeof volumeSnapshot>[0]), detail: { itemIds: ids } });
  return lastId;
}
