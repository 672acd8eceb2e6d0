import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { BlobStore } from '../blobs/blob-store';
import type { BureauService } from '../bureaus/bureau-service';
import type { Tx } from '../db/database';
import { volumeSnapshot } from '../draws/draw-repository';
import { findTarget, findTargetIdBy, targetSnapshot } from '../targets/target-repository';
import { normaliseTargetCodes, TARGET_WRITE_COLUMNS, targetWriteValues } from '../targets/target-service';
import { entrySnapshot, findEntry, findMark, markSnapshot } from '../volumes/volume-repository';
import type { VolumeMetadata } from './transfer-format';
import { receivedSnapshot, type ReceivedRow } from './transfer-rows';

type Ctx = { audit: AuditService; blobs: BlobStore; bureaus: BureauService; actor: AuditActor; now: string; custodyBureauId: number; transferId: number; from: { code: string; name: string } };

/** The receiving bureau's own target for the volume: the same 统一社会信用代码 (or identifier), or a new one. */
async function matchTarget(tx: Tx, c: Ctx, t: VolumeMetadata['target']): Promise<number> {
  const codes = normaliseTargetCodes({ kind: t.kind, creditCode: t.creditCode, identifier: t.identifier, description: t.description });
  const existing = codes.creditCode ? await findTargetIdBy(tx, 'credit_code', codes.creditCode) : codes.identifier ? await findTargetIdBy(tx, 'identifier', codes.identifier) : undefined;
  if (existing) return existing;
  const byCode = (code: string | null) => (code === null ? undefined : c.bureaus.list().find((b) => b.divisionCode === code)?.id);
  const values = targetWriteValues(
    { name: t.name, legalRep: t.legalRep, address: t.address, registrationBureauId: byCode(t.registrationBureauCode) ?? null, territorialBureauId: byCode(t.territorialBureauCode) ?? c.custodyBureauId, industry: t.industry, regStatus: 'active' },
    codes,
  );
  const { lastId } = await tx.run(`INSERT INTO targets (${TARGET_WRITE_COLUMNS.join(', ')}, created_at, updated_at) VALUES (${TARGET_WRITE_COLUMNS.map(() => '?').join(', ')}, ?, ?)`, [...values, c.now, c.now]);
  const found = await findTarget(tx, lastId);
  if (!found) throw new AppError('NOT_FOUND', { entity: 'target', id: lastId });
  await c.audit.record(tx, { actor: c.actor, action: 'transfers.import', entity: 'target', entityId: lastId, after: targetSnapshot(found.row, found.tags), detail: { transferId: c.transferId } });
  return lastId;
}

/**
 * One received volume, inside the import transaction: target matched or created, the volume under the
 * receiving bureau's custody (status bound: it arrives with its bound version), its entries in the
 * sender's order with page states, 不予公开 marks (lifted ones kept), bound versions and public copy with
 * their sender version numbers, and its origin. Every row is audited like a local change.
 */
export async function insertVolume(tx: Tx, c: Ctx, meta: VolumeMetadata, read: (file: string) => Promise<Buffer>): Promise<number> {
  const record = (entity: string, entityId: number, after: object, detail: object = {}) => c.audit.record(tx, { actor: c.actor, action: 'transfers.import', entity, entityId, after, detail: { transferId: c.transferId, ...detail } });
  const targetId = await matchTarget(tx, c, meta.target);
  const inspecting = c.bureaus.list().find((b) => b.divisionCode === meta.volume.inspectingBureau.code)?.id ?? c.custodyBureauId;
  const { lastId: volumeId } = await tx.run(
    `INSERT INTO volumes (task_id, target_id, inspection_id, custody_bureau_id, inspecting_bureau_id, title, opened_by, status, created_at, updated_at) VALUES (NULL, ?, NULL, ?, ?, ?, 'manual', 'bound', ?, ?)`,
    [targetId, c.custodyBureauId, inspecting, meta.volume.title, c.now, c.now],
  );
  const volume = await tx.get<Parameters<typeof volumeSnapshot>[0]>('SELECT * FROM volumes WHERE id = ?', [volumeId]);
  await record('volume', volumeId, volumeSnapshot(volume as Parameters<typeof volumeSnapshot>[0]), { originVolumeId: meta.volume.id, from: c.from.code });

  const entryIds = new Map<number, number>();
  for (const e of meta.entries) {
    const blob = await c.blobs.put(tx, await read(e.file), e.mediaType);
    const { lastId } = await tx.run(
      `INSERT INTO volume_entries (volume_id, position, source, blob_sha256, media_type, doc_type, doc_no, responsible, title, doc_date, remark, page_count, original_name, created_by, created_at, updated_at)
       VALUES (?, ?, 'imported', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [volumeId, e.seq, blob.sha256, e.mediaType, e.docType, e.docNo, e.responsible, e.title, e.docDate, e.remark, e.pageCount, e.originalName, c.actor.userId, c.now, c.now],
    );
    for (const p of e.pages) {
      await tx.run('INSERT INTO volume_pages (entry_id, page_index, rotation, excluded, reason, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [lastId, p.index, p.rotation, p.excluded ? 1 : 0, p.reason, c.actor.userId, c.now]);
    }
    entryIds.set(e.id, lastId);
    await record('volume_entry', lastId, entrySnapshot(await findEntry(tx, lastId)), { originEntryId: e.id });
  }
  const mapEntry = (id: number) => {
    const mapped = entryIds.get(id);
    if (mapped === undefined) throw new AppError('TRANSFER_PACKAGE_INVALID', { reason: 'mark names an entry not in the volume', entryId: id });
    return mapped;
  };
  const markIds = new Map<number, number>();
  for (const m of meta.marks) {
    const { lastId } = await tx.run(
      'INSERT INTO volume_redactions (entry_id, page_index, region, field, reason, note, marked_by, marked_at, lifted_by, lifted_at, lift_reason, consent_entry_id) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?, ?, ?)',
      [mapEntry(m.entryId), m.pageIndex, m.region === null ? null : JSON.stringify(m.region), m.field, m.reason, m.note, m.markedAt, m.liftedAt, m.liftReason, m.consentEntryId === null ? null : mapEntry(m.consentEntryId)],
    );
    markIds.set(m.id, lastId);
    await record('volume_redaction', lastId, markSnapshot(await findMark(tx, lastId)), { originMarkId: m.id, markedByName: m.markedByName, liftedByName: m.liftedByName });
  }
  // A manifest's 目录 names the sender's entries: here they are the received ones (an unknown one stays unknown: negative).
  const remapEntries = <T extends object>(manifest: T): T => {
    const list = (manifest as { entries?: unknown }).entries;
    return Array.isArray(list) ? { ...manifest, entries: (list as { entryId: number }[]).map((e) => ({ ...e, entryId: entryIds.get(e.entryId) ?? -e.entryId })) } : manifest;
  };
  for (const b of meta.bindings) {
    const blob = await c.blobs.put(tx, await read(b.file), 'application/pdf');
    const { lastId } = await tx.run(
      'INSERT INTO volume_bindings (volume_id, version, blob_sha256, sha256, size, pages, content_pages, incomplete_reason, manifest, bound_by, bound_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)',
      [volumeId, b.version, blob.sha256, b.sha256, b.size, b.pages, b.contentPages, b.incompleteReason, JSON.stringify(remapEntries(JSON.parse(b.manifest) as object)), b.boundAt],
    );
    const { id: _id, ...snapshot } = (await tx.get<{ id: number }>('SELECT * FROM volume_bindings WHERE id = ?', [lastId])) as { id: number };
    await record('volume_binding', lastId, snapshot, { volumeId, version: b.version, boundByName: b.boundByName });
  }
  for (const p of meta.publicCopies) {
    const blob = await c.blobs.put(tx, await read(p.file), 'application/pdf');
    // The copy is current while the live marks are the ones it was made with: its list follows the new mark ids.
    const manifest = JSON.parse(p.manifest) as { liveMarks?: number[] };
    const remapped = JSON.stringify(remapEntries({ ...manifest, liveMarks: (manifest.liveMarks ?? []).map((id) => markIds.get(id) ?? -id) }));
    const { lastId } = await tx.run(
      'INSERT INTO volume_public_copies (volume_id, version, based_on_version, blob_sha256, sha256, size, pages, content_pages, withheld_pages, manifest, bound_by, bound_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)',
      [volumeId, p.version, p.basedOnVersion, blob.sha256, p.sha256, p.size, p.pages, p.contentPages, p.withheldPages, remapped, p.boundAt],
    );
    const { id: _id, ...snapshot } = (await tx.get<{ id: number }>('SELECT * FROM volume_public_copies WHERE id = ?', [lastId])) as { id: number };
    await record('volume_public_copy', lastId, snapshot, { volumeId, version: p.version, boundByName: p.boundByName });
  }
  await tx.run('INSERT INTO received_volumes (volume_id, transfer_id, origin_bureau_code, origin_bureau_name, origin_volume_id, origin_archive_no, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [volumeId, c.transferId, c.from.code, c.from.name, meta.volume.id, meta.archive?.archiveNo ?? null, c.now]);
  const received = (await tx.get<ReceivedRow>('SELECT * FROM received_volumes WHERE volume_id = ?', [volumeId])) as ReceivedRow;
  await record('received_volume', volumeId, receivedSnapshot(received));
  if (meta.archivedFile && meta.archive) await insertArchivedFile(tx, c, volumeId, meta.archive.archiveNo, meta.archivedFile, remapEntries, read);
  return volumeId;
}

/** The sender's archived file, kept as it came (its cover carries the sender's 档号); the receiver archives the volume under its own fonds later. */
async function insertArchivedFile(tx: Tx, c: Ctx, volumeId: number, archiveNo: string, f: NonNullable<VolumeMetadata['archivedFile']>, remapEntries: <T extends object>(m: T) => T, read: (file: string) => Promise<Buffer>): Promise<void> {
  const blob = await c.blobs.put(tx, await read(f.file), 'application/pdf');
  const { lastId } = await tx.run(
    `INSERT INTO received_archived_files (volume_id, transfer_id, origin_archive_no, origin_version, binding_version, derived_from_sha256, blob_sha256, sha256, size, pages, content_pages, manifest, made_at, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [volumeId, c.transferId, archiveNo, f.version, f.bindingVersion, f.derivedFromSha256, blob.sha256, f.sha256, f.size, f.pages, f.contentPages, JSON.stringify(remapEntries(JSON.parse(f.manifest) as object)), f.madeAt, c.now],
  );
  const { id: _id, ...after } = (await tx.get<{ id: number }>('SELECT * FROM received_archived_files WHERE id = ?', [lastId])) as { id: number };
  await c.audit.record(tx, { actor: c.actor, action: 'transfers.import', entity: 'received_archived_file', entityId: lastId, after, detail: { transferId: c.transferId, volumeId, originArchiveNo: archiveNo, originVersion: f.version } });
}
