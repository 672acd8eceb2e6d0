import type { Region } from '../../../shared/domain/volumes/volumes';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import { canonicalJson, sha256Hex } from '../audit/canonical-json';
import type { BlobStore } from '../blobs/blob-store';
import { diskError, isEmptyDir, syncDir } from '../blobs/durable-files';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock, RandomSource } from '../config';
import type { Database } from '../db/database';
import type { JobRunContext } from '../jobs/job-service';
import { archivedFileGaps, listArchivedFiles } from '../archives/archive-repository';
import { findVolume, listBindings, listPublicCopies, orderedEntries } from '../volumes/volume-repository';
import { bagWriter, SIGNATURE_FILE } from './bagit';
import { signBytes, type BureauKeys } from './bureau-keys';
import { auditExcerpt } from './audit-excerpt';
import { toXml, type SignatureFile, type TransferIndex, type VolumeMetadata } from './transfer-format';
import { transferSnapshot, type TransferRow } from './transfer-rows';

type Deps = { db: Database; clock: Clock; random: RandomSource; audit: AuditService; blobs: BlobStore; bureaus: BureauService; keys: BureauKeys };

export type ExportInput = { volumeIds: number[]; fromBureauId: number; toBureauId: number; outDir: string; actor: AuditActor };
export type ExportResult = { transferId: number; packageId: string; dir: string; volumes: number; files: number; bytes: number; keyId: string };

const EXT = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' } as const;

/** RFC 4122 version 4 id from the injected random source. */
export function uuidFrom(bytes: Buffer): string {
  const b = Buffer.from(bytes.subarray(0, 16));
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The 'transfers.export' job: write a signed BagIt package of bound volumes into a working folder next to
 * `outDir`, then record the outgoing transfer (status sent) and move the folder to its name in the same
 * transaction: a package exists under its name exactly when its transfer is recorded.
 */
export function createTransferExport({ db, clock, random, audit, blobs, bureaus, keys }: Deps) {
  const bureauRef = (id: number) => {
    const b = bureaus.get(id);
    return { code: b.divisionCode, name: b.name };
  };

  async function volumeMetadata(volumeId: number, dir: string, add: (rel: string, bytes: Uint8Array | string) => Promise<string>): Promise<VolumeMetadata> {
    const v = await findVolume(db, volumeId);
    const bindings = await listBindings(db, volumeId);
    const latest = bindings[0];
    if (!latest) throw new AppError('VOLUME_NOT_BOUND', { id: volumeId, version: null });
    const publicCopy = (await listPublicCopies(db, volumeId))[0] ?? null;
    const archive = await db.get<{ archive_no: string; retention: string; year: number; binding_version: number; archived_at: string }>('SELECT * FROM volume_archives WHERE volume_id = ?', [volumeId]);
    // The latest public copy may follow an older full version: that version travels too (it is what the copy is numbered after);
    // so does the reviewed version an archived file derives from (the receiver proves the derivation).
    const wanted = bindings.filter((b) => b === latest || b.version === publicCopy?.basedOnVersion || b.version === archive?.binding_version);
    const manifests = new Map((await db.all<{ version: number; manifest: string; kind: string }>(
      `SELECT version, manifest, 'full' AS kind FROM volume_bindings WHERE volume_id = ? UNION ALL SELECT version, manifest, 'public' AS kind FROM volume_public_copies WHERE volume_id = ?`, [volumeId, volumeId],
    )).map((r) => [`${r.kind}:${r.version}`, r.manifest]));
    const t = await db.get<{ kind: string; credit_code: string | null; identifier: string | null; description: string | null; name: string; legal_rep: string | null; address: string | null; industry: string | null; territorial_bureau_id: number; registration_bureau_id: number | null }>('SELECT * FROM targets WHERE id = ?', [v.target_id]);
    if (!t) throw new AppError('NOT_FOUND', { entity: 'target', id: v.target_id });
    const entries = await orderedEntries(db, volumeId);
    const outEntries: VolumeMetadata['entries'] = [];
    for (const [i, { row, pages }] of entries.entries()) {
      const file = `files/${String(i + 1).padStart(3, '0')}-${row.blob_sha256.slice(0, 12)}.${EXT[row.media_type]}`;
      await add(`${dir}/${file}`, await blobs.read(row.blob_sha256));
      outEntries.push({
        id: row.id, seq: i + 1, source: row.source, generatedKind: row.generated_kind, docType: row.doc_type, mediaType: row.media_type, docNo: row.doc_no, responsible: row.responsible, title: row.title,
        docDate: row.doc_date, remark: row.remark, pageCount: row.page_count, originalName: row.original_name, createdAt: row.created_at, file, sha256: row.blob_sha256,
        pages: pages.map((p) => ({ index: p.page_index, rotation: p.rotation, excluded: p.excluded === 1, reason: p.reason })),
      });
    }
    const pdf = async (kind: 'full' | 'public', b: { version: number; blobSha256: string; sha256: string; size: number; pages: number; contentPages: number; boundAt: string; boundByName: string | null }) => {
      const file = `${kind === 'full' ? 'bound' : 'public'}-v${b.version}.pdf`;
      await add(`${dir}/${file}`, await blobs.read(b.blobSha256));
      return { file, sha256: b.sha256, size: b.size, pages: b.pages, contentPages: b.contentPages, manifest: manifests.get(`${kind}:${b.version}`) ?? '{}', boundAt: b.boundAt, boundByName: b.boundByName };
    };
    const outBindings: VolumeMetadata['bindings'] = [];
    for (const b of wanted.reverse()) outBindings.push({ ...(await pdf('full', b)), version: b.version, incompleteReason: b.incompleteReason });
    const outPublic: VolumeMetadata['publicCopies'] = publicCopy ? [{ ...(await pdf('public', publicCopy)), version: publicCopy.version, basedOnVersion: publicCopy.basedOnVersion, withheldPages: publicCopy.withheldPages }] : [];
    const archivedFile = archive ? await archivedFileOut(volumeId, dir, add) : null;
    const marks = entries.flatMap((e) => e.marks).map((m) => ({
      id: m.id, entryId: m.entry_id, pageIndex: m.page_index, region: m.region === null ? null : (JSON.parse(m.region) as Region), field: m.field, reason: m.reason, note: m.note, markedAt: m.marked_at, markedByName: m.marked_by_name,
      liftedAt: m.lifted_at, liftedByName: m.lifted_by_name, liftReason: m.lift_reason, consentEntryId: m.consent_entry_id,
    }));
    const excerpt = await auditExcerpt(db, [
      ['volume', [volumeId]], ['volume_entry', entries.map((e) => e.row.id)], ['volume_redaction', marks.map((m) => m.id)],
      ['volume_binding', (await db.all<{ id: number }>('SELECT id FROM volume_bindings WHERE volume_id = ?', [volumeId])).map((r) => r.id)],
      ['volume_public_copy', (await db.all<{ id: number }>('SELECT id FROM volume_public_copies WHERE volume_id = ?', [volumeId])).map((r) => r.id)],
      ['volume_archived_file', (await listArchivedFiles(db, volumeId)).map((f) => f.id)],
    ]);
    await add(`${dir}/audit.json`, JSON.stringify(excerpt, null, 1));
    const code = (id: number | null) => (id === null ? null : bureaus.get(id).divisionCode);
    return {
      format: 'casebinder-volume/1',
      volume: { id: v.id, title: v.title, status: v.status, custodyBureau: bureauRef(v.custody_bureau_id), inspectingBureau: bureauRef(v.inspecting_bureau_id), taskName: v.task_name, inspectionId: v.inspection_id },
      target: { kind: t.kind as VolumeMetadata['target']['kind'], creditCode: t.credit_code, identifier: t.identifier, description: t.description, name: t.name, legalRep: t.legal_rep, address: t.address, industry: t.industry, territorialBureauCode: code(t.territorial_bureau_id), registrationBureauCode: code(t.registration_bureau_id) },
      entries: outEntries, marks, bindings: outBindings, publicCopies: outPublic, audit: { file: 'audit.json', events: excerpt.events.length },
      archive: archive ? { archiveNo: archive.archive_no, retention: archive.retention, year: archive.year, bindingVersion: archive.binding_version, archivedAt: archive.archived_at } : null,
      archivedFile,
    };
  }

  /** An archived volume travels with its latest archived file; one missing (or not yet made after the latest 补充件) stops the export. */
  async function archivedFileOut(volumeId: number, dir: string, add: (rel: string, bytes: Uint8Array | string) => Promise<string>): Promise<VolumeMetadata['archivedFile']> {
    const gap = (await archivedFileGaps(db, volumeId))[0];
    const f = (await listArchivedFiles(db, volumeId))[0];
    if (gap || !f) throw new AppError('ARCHIVED_FILE_MISSING', { volumeId, supplementId: gap?.supplementId ?? null, jobId: gap?.jobId ?? null });
    const file = `archived-v${f.version}.pdf`;
    await add(`${dir}/${file}`, await blobs.read(f.blob_sha256));
    return { file, sha256: f.sha256, size: f.size, pages: f.pages, contentPages: f.content_pages, manifest: f.manifest, version: f.version, bindingVersion: f.binding_version, derivedFromSha256: f.derived_from_sha256, madeAt: f.made_at };
  }

  async function run(ctx: JobRunContext): Promise<ExportResult> {
    const input = ctx.input as ExportInput;
    const outDir = path.resolve(input.outDir);
    if (!(await isEmptyDir(outDir))) throw new AppError('TRANSFER_OUT_NOT_EMPTY', { dir: outDir });
    const packageId = uuidFrom(random.bytes(16));
    const work = `${outDir}.part-${packageId.slice(0, 8)}`;
    const key = await db.write((tx) => keys.ensure(tx, input.fromBureauId, input.actor));
    const createdAt = clock.now().toISOString();
    const from = bureauRef(input.fromBureauId);
    const to = bureauRef(input.toBureauId);
    try {
      const bag = bagWriter(work);
      const index: TransferIndex = { format: 'casebinder-transfer/1', packageId, createdAt, createdBy: input.actor.login, from, to, keyId: key.keyId, volumes: [] };
      for (const [i, volumeId] of input.volumeIds.entries()) {
        await ctx.progress(i, input.volumeIds.length, 'volumes');
        const dir = `volumes/${volumeId}`;
        const meta = await volumeMetadata(volumeId, dir, (rel, bytes) => bag.add(rel, bytes));
        await bag.add(`${dir}/metadata.json`, JSON.stringify(meta, null, 1));
        await bag.add(`${dir}/metadata.xml`, toXml('volume', meta));
        index.volumes.push({ id: volumeId, title: meta.volume.title, dir });
      }
      await bag.add('transfer.json', JSON.stringify(index, null, 1));
      const { tagManifest, oxum } = await bag.finish([
        ['Source-Organization', from.name], ['Bagging-Date', createdAt.slice(0, 10)], ['External-Identifier', packageId],
        ['Internal-Sender-Description', `随机抽查专卷移交 ${input.volumeIds.length} 卷：${from.name} → ${to.name}`],
        ['Casebinder-Package-Id', packageId], ['Casebinder-From-Bureau', from.code], ['Casebinder-To-Bureau', to.code], ['Casebinder-Key-Id', key.keyId], ['Casebinder-Volumes', String(input.volumeIds.length)],
      ]);
      const signature: SignatureFile = { algorithm: 'Ed25519', keyId: key.keyId, bureauCode: from.code, value: signBytes(key, tagManifest) };
      await fs.writeFile(path.join(work, SIGNATURE_FILE), JSON.stringify(signature) + '\n');
      await syncDir(work);
      const transferId = await db.write(async (tx) => {
        const { lastId } = await tx.run(
          `INSERT INTO transfers (direction, package_id, status, from_bureau_code, from_bureau_name, to_bureau_code, to_bureau_name, key_id, tag_manifest_sha256, volumes, payload_bytes, payload_files, created_by, created_at)
           VALUES ('outgoing', ?, 'sent', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [packageId, from.code, from.name, to.code, to.name, key.keyId, sha256Hex(tagManifest), canonicalJson(index.volumes.map((v) => ({ id: v.id, title: v.title }))), oxum.bytes, oxum.files, input.actor.userId, createdAt],
        );
        const row = (await tx.get<TransferRow>('SELECT * FROM transfers WHERE id = ?', [lastId])) as TransferRow;
        await audit.record(tx, { actor: input.actor, action: 'transfers.export', entity: 'transfer', entityId: lastId, after: transferSnapshot(row), detail: { dir: outDir, volumeIds: input.volumeIds } });
        await fs.rm(outDir, { recursive: true, force: true }); // empty (checked above)
        await fs.rename(work, outDir);
        return lastId;
      });
      await ctx.progress(input.volumeIds.length, input.volumeIds.length, 'done');
      return { transferId, packageId, dir: outDir, volumes: input.volumeIds.length, files: oxum.files, bytes: oxum.bytes, keyId: key.keyId };
    } catch (error) {
      await fs.rm(work, { recursive: true, force: true }).catch(() => undefined);
      throw diskError(error);
    }
  }

  return { run };
}
