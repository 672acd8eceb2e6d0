import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import { canonicalJson, sha256Hex } from '../audit/canonical-json';
import type { BlobStore } from '../blobs/blob-store';
import { writeDurable } from '../blobs/durable-files';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import type { JobRunContext } from '../jobs/job-service';
import { brokenEvents } from './audit-excerpt';
import { readBag, type VerifiedBag } from './bagit';
import { signBytes, verifyBytes, type BureauKeys } from './bureau-keys';
import { AuditExcerpt, SignatureFile, TransferIndex, VolumeMetadata, type Receipt, type SignedReceipt } from './transfer-format';
import { insertVolume } from './transfer-volume';
import { transferSnapshot, type TransferRow } from './transfer-rows';

type Deps = { db: Database; clock: Clock; audit: AuditService; blobs: BlobStore; bureaus: BureauService; keys: BureauKeys; exportsDir: string };

export type ImportInput = { dir: string; actor: AuditActor; userBureauId: number; receiptOut?: string };
export type ImportResult = { transferId: number; packageId: string; from: { code: string; name: string }; volumes: { originVolumeId: number; volumeId: number; title: string }[]; receiptFile: string };

const invalid = (details: Record<string, unknown>) => new AppError('TRANSFER_PACKAGE_INVALID', details);

function parseJson<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, text: string, file: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid({ file, reason: 'not JSON' });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid({ file, issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.map(String).join('.')}: ${i.message}`) });
  return parsed.data;
}

/**
 * The 'transfers.import' job: verify the package completely (signature under a trusted key of the sending
 * bureau, every tag and payload hash, no missing or extra file, not seen before), then import every volume
 * in one transaction under the receiving bureau's custody and issue the signed receipt (回执). Any
 * failure leaves nothing imported.
 */
export function createTransferImport({ db, clock, audit, blobs, bureaus, keys, exportsDir }: Deps) {
  async function verifyPackage(dir: string): Promise<{ bag: VerifiedBag; signature: SignatureFile }> {
    const seen: { signature?: SignatureFile } = {};
    const bag = await readBag(path.resolve(dir), async (tagManifest, sigBytes) => {
      const signature = parseJson(SignatureFile, sigBytes.toString('utf8'), 'tagmanifest-sha256.txt.sig');
      const key = await keys.trusted(db, signature.keyId, signature.bureauCode);
      if (!verifyBytes(key.public_key, tagManifest, signature.value)) throw new AppError('TRANSFER_SIGNATURE_INVALID', { keyId: signature.keyId });
      seen.signature = signature;
    });
    if (!seen.signature) throw new AppError('TRANSFER_SIGNATURE_INVALID', {});
    return { bag, signature: seen.signature };
  }

  const readPayload = (bag: VerifiedBag, rel: string) => fs.readFile(path.join(bag.root, 'data', rel), 'utf8');

  async function run(ctx: JobRunContext): Promise<ImportResult> {
    const input = ctx.input as ImportInput;
    await ctx.progress(0, 1, 'verify');
    const { bag, signature } = await verifyPackage(input.dir);
    const index = parseJson(TransferIndex, await readPayload(bag, 'transfer.json'), 'transfer.json');
    const info = (k: string) => bag.info.get(k) ?? null;
    if (info('Casebinder-Package-Id') !== index.packageId || info('Casebinder-From-Bureau') !== index.from.code || info('Casebinder-To-Bureau') !== index.to.code || index.from.code !== signature.bureauCode || index.keyId !== signature.keyId) {
      throw invalid({ file: 'bag-info.txt', reason: 'bag-info, transfer.json and signature disagree' });
    }
    const to = bureaus.list().find((b) => b.divisionCode === index.to.code);
    if (!to || !bureaus.within(to.id, input.userBureauId)) throw new AppError('TRANSFER_NOT_RECIPIENT', { to: index.to });
    const replayed = async (tx: Database | Tx) => {
      const seen = await tx.get<{ id: number }>(`SELECT id FROM transfers WHERE direction = 'incoming' AND package_id = ?`, [index.packageId]);
      if (seen) throw new AppError('TRANSFER_REPLAYED', { packageId: index.packageId, transferId: seen.id });
    };
    await replayed(db);

    const volumes: { meta: VolumeMetadata; dir: string }[] = [];
    for (const v of index.volumes) {
      const meta = parseJson(VolumeMetadata, await readPayload(bag, `${v.dir}/metadata.json`), `${v.dir}/metadata.json`);
      const excerpt = parseJson(AuditExcerpt, await readPayload(bag, `${v.dir}/${meta.audit.file}`), `${v.dir}/${meta.audit.file}`);
      const broken = brokenEvents(excerpt);
      if (broken.length > 0) throw invalid({ file: `${v.dir}/${meta.audit.file}`, brokenEvents: broken.slice(0, 10) });
      const listed = (file: string, sha256: string) => {
        const entry = bag.payload.get(`data/${v.dir}/${file}`);
        if (!entry) throw new AppError('TRANSFER_PACKAGE_INCOMPLETE', { missing: [`data/${v.dir}/${file}`] });
        if (entry.sha256 !== sha256) throw new AppError('TRANSFER_HASH_MISMATCH', { file: `data/${v.dir}/${file}` });
      };
      for (const e of meta.entries) listed(e.file, e.sha256);
      for (const b of [...meta.bindings, ...meta.publicCopies]) listed(b.file, b.sha256);
      const af = meta.archivedFile;
      if (af) {
        listed(af.file, af.sha256);
        if (!meta.archive || !meta.bindings.some((b) => b.version === af.bindingVersion && b.sha256 === af.derivedFromSha256)) {
          throw invalid({ file: `${v.dir}/metadata.json`, reason: 'archived file without the archiving or the reviewed binding it derives from' });
        }
      }
      volumes.push({ meta, dir: v.dir });
    }

    const receivedAt = clock.now().toISOString();
    const tagManifestSha256 = sha256Hex(bag.tagManifest);
    const { transferId, signed, out } = await db.write(async (tx) => {
      await replayed(tx);
      const { lastId: transferId } = await tx.run(
        `INSERT INTO transfers (direction, package_id, status, from_bureau_code, from_bureau_name, to_bureau_code, to_bureau_name, key_id, tag_manifest_sha256, volumes, payload_bytes, payload_files, receipt, created_by, created_at, closed_at)
         VALUES ('incoming', ?, 'received', ?, ?, ?, ?, ?, ?, '[]', ?, ?, '{}', ?, ?, ?)`,
        [index.packageId, index.from.code, index.from.name, to.divisionCode, to.name, signature.keyId, tagManifestSha256, bag.oxum.bytes, bag.oxum.files, input.actor.userId, receivedAt, receivedAt],
      );
      const out: ImportResult['volumes'] = [];
      for (const [i, v] of volumes.entries()) {
        await ctx.progress(i, volumes.length, 'import', { persist: false });
        const volumeId = await insertVolume(tx, { audit, blobs, bureaus, actor: input.actor, now: receivedAt, custodyBureauId: to.id, transferId, from: index.from }, v.meta, (file) => fs.readFile(path.join(bag.root, 'data', v.dir, file)));
        out.push({ originVolumeId: v.meta.volume.id, volumeId, title: v.meta.volume.title });
      }
      const receiverKey = await keys.ensure(tx, to.id, input.actor);
      const receipt: Receipt = {
        format: 'casebinder-transfer-receipt/1', packageId: index.packageId, tagManifestSha256, payloadOxum: `${bag.oxum.bytes}.${bag.oxum.files}`,
        from: index.from, to: { code: to.divisionCode, name: to.name }, receivedAt, receivedBy: input.actor.login,
        volumes: volumes.map((v, i) => ({ originVolumeId: v.meta.volume.id, volumeId: out[i]?.volumeId as number, title: v.meta.volume.title, bindingSha256: (v.meta.bindings[v.meta.bindings.length - 1] as VolumeMetadata['bindings'][number]).sha256 })),
      };
      const signed: SignedReceipt = { receipt, signature: { algorithm: 'Ed25519', keyId: receiverKey.keyId, bureauCode: to.divisionCode, value: signBytes(receiverKey, canonicalJson(receipt)) } };
      await tx.run('UPDATE transfers SET volumes = ?, receipt = ? WHERE id = ?', [canonicalJson(out.map((o) => ({ id: o.originVolumeId, title: o.title, volumeId: o.volumeId }))), canonicalJson(signed), transferId]);
      const row = (await tx.get<TransferRow>('SELECT * FROM transfers WHERE id = ?', [transferId])) as TransferRow;
      await audit.record(tx, { actor: input.actor, action: 'transfers.import', entity: 'transfer', entityId: transferId, after: transferSnapshot(row), detail: { dir: path.resolve(input.dir), volumes: out } });
      return { transferId, signed, out };
    });
    const receiptFile = path.resolve(input.receiptOut ?? path.join(exportsDir, `移交回执-${index.packageId}.json`));
    await writeDurable(receiptFile, JSON.stringify(signed, null, 1) + '\n');
    return { transferId, packageId: index.packageId, from: index.from, volumes: out, receiptFile };
  }

  return { run, verifyPackage };
}
