import type { VolumeEntryDto } from '../../../shared/contract';
import { fieldPrinted, type DocumentField } from '../../../shared/domain/documents/doc-fields';
import type { DocumentKind } from '../../../shared/domain/documents/doc-number';
import type { NonPublicReason } from '../../../shared/domain/inspections/inspections';
import type { Role } from '../../../shared/domain/roles';
import { regionSource, type Region } from '../../../shared/domain/volumes/volumes';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import { assertVolumeEditable } from '../archives/archive-repository';
import { entryDto, findEntry, findMark, findVolume, markSnapshot, orderedEntries } from './volume-repository';
import type { AssertAnyBureau } from './volume-service';

type Deps = { db: Database; clock: Clock; audit: AuditService };

const round = (v: number) => Math.round(v * 10000) / 10000;

/**
 * 不予公开 marks (Art. 15, 16): a whole document or one page, with its reason. A mark is never deleted;
 * lifting keeps it with who, when and why. A trade-secret mark is lifted with the enterprise's written
 * consent (a document of the same volume) or by the legal role; a privacy or state-secret mark only by
 * the legal role. The full version's 备考表 lists both; the public copy withholds what is live.
 */
export function createVolumeMarkService({ db, clock, audit }: Deps) {
  const now = () => clock.now().toISOString();

  async function entryOut(tx: Tx, entryId: number): Promise<VolumeEntryDto> {
    const entry = await findEntry(tx, entryId);
    const all = await orderedEntries(tx, entry.volume_id);
    const index = all.findIndex((e) => e.row.id === entryId);
    const found = all[index];
    return entryDto(entry, found?.pages ?? [], index + 1, found?.marks ?? [], found?.scanPageIds ?? null);
  }

  async function entryIn(tx: Tx, entryId: number, access: AssertAnyBureau) {
    const entry = await findEntry(tx, entryId);
    const volume = await findVolume(tx, entry.volume_id);
    access([volume.custody_bureau_id, volume.inspecting_bureau_id]);
    await assertVolumeEditable(tx, entry.volume_id);
    return entry;
  }

  async function mark(actor: AuditActor, input: { entryId: number; pageIndex: number | null; region?: Region | null; field?: DocumentField | null; reason: NonPublicReason; note: string | null }, access: AssertAnyBureau): Promise<VolumeEntryDto> {
    const region = input.region ?? null;
    const field = input.field ?? null;
    return db.write(async (tx) => {
      const entry = await entryIn(tx, input.entryId, access);
      if (input.pageIndex !== null && input.pageIndex >= entry.page_count) throw new AppError('INVALID_INPUT', { issues: [{ path: ['pageIndex'], message: `该文件只有 ${entry.page_count} 页` }] });
      if (field !== null) {
        // A field is masked by re-rendering a generated form: only those print fields, each its own set.
        const kind = entry.generated_kind as DocumentKind | null;
        if (kind === null || input.pageIndex !== null || region !== null || !fieldPrinted(kind, field)) throw new AppError('VOLUME_FIELD_INVALID', { entryId: input.entryId, field, kind });
        const live = await tx.get<{ id: number }>('SELECT id FROM volume_redactions WHERE entry_id = ? AND field = ? AND lifted_at IS NULL', [input.entryId, field]);
        if (live) throw new AppError('VOLUME_MARK_EXISTS', { id: live.id });
      } else if (region !== null) {
        // A rectangle is burned into the page's own image in the public copy: scanned pages and imported images have one.
        if (input.pageIndex === null || !regionSource({ scanDocumentId: entry.scan_document_id, mediaType: entry.media_type })) throw new AppError('VOLUME_REGION_NOT_SCAN', { entryId: input.entryId });
      } else {
        const live = await tx.get<{ id: number }>('SELECT id FROM volume_redactions WHERE entry_id = ? AND page_index IS ? AND lifted_at IS NULL AND region IS NULL AND field IS NULL', [input.entryId, input.pageIndex]);
        if (live) throw new AppError('VOLUME_MARK_EXISTS', { id: live.id });
      }
      const note = input.note?.trim() ? input.note.trim() : null;
      const regionJson = region === null ? null : JSON.stringify({ x0: round(region.x0), y0: round(region.y0), x1: round(region.x1), y1: round(region.y1) });
      const { lastId } = await tx.run('INSERT INTO volume_redactions (entry_id, page_index, region, field, reason, note, marked_by, marked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [input.entryId, input.pageIndex, regionJson, field, input.reason, note, actor.userId, now()]);
      await audit.record(tx, { actor, action: 'volumes.markNonPublic', entity: 'volume_redaction', entityId: lastId, after: markSnapshot(await findMark(tx, lastId)), detail: { volumeId: entry.volume_id, entryId: input.entryId, pageIndex: input.pageIndex, region: regionJson, ...(field === null ? {} : { field }), reason: input.reason } });
      return entryOut(tx, input.entryId);
    });
  }

  async function lift(actor: AuditActor, roles: readonly Role[], input: { id: number; reason: string; consentEntryId?: number }, access: AssertAnyBureau): Promise<VolumeEntryDto> {
    return db.write(async (tx) => {
      const found = await findMark(tx, input.id);
      const entry = await entryIn(tx, found.entry_id, access);
      if (found.lifted_at !== null) throw new AppError('VOLUME_MARK_LIFTED', { id: input.id });
      if (input.consentEntryId !== undefined) {
        const consent = await tx.get<{ volume_id: number }>('SELECT volume_id FROM volume_entries WHERE id = ?', [input.consentEntryId]);
        if (found.reason !== 'trade_secret' || consent?.volume_id !== entry.volume_id || input.consentEntryId === entry.id) throw new AppError('VOLUME_CONSENT_INVALID', { id: input.id, consentEntryId: input.consentEntryId });
      } else if (!roles.includes('legal')) {
        throw new AppError('VOLUME_LIFT_LEGAL_ONLY', { id: input.id, reason: found.reason, consentRequired: found.reason === 'trade_secret' });
      }
      await tx.run('UPDATE volume_redactions SET lifted_by = ?, lifted_at = ?, lift_reason = ?, consent_entry_id = ? WHERE id = ?', [actor.userId, now(), input.reason.trim(), input.consentEntryId ?? null, input.id]);
      await audit.record(tx, { actor, action: 'volumes.liftNonPublic', entity: 'volume_redaction', entityId: input.id, after: markSnapshot(await findMark(tx, input.id)), detail: { volumeId: entry.volume_id, entryId: entry.id, reason: input.reason, consentEntryId: input.consentEntryId ?? null } });
      return entryOut(tx, entry.id);
    });
  }

  return { mark, lift };
}

export type VolumeMarkService = ReturnType<typeof createVolumeMarkService>;
