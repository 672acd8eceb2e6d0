import fs from 'node:fs/promises';
import path from 'node:path';
import type { TransferDto } from '../../../shared/contract';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import { canonicalJson } from '../audit/canonical-json';
import { isEmptyDir, writeDurable } from '../blobs/durable-files';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock } from '../config';
import type { Database } from '../db/database';
import type { JobService } from '../jobs/job-service';
import { archivedFileGaps } from '../archives/archive-repository';
import { findVolume, listBindings } from '../volumes/volume-repository';
import { verifyBytes, type BureauKeys, type KeyFile } from './bureau-keys';
import { SignedReceipt } from './transfer-format';
import { transferDto, transferSnapshot, type TransferRow } from './transfer-rows';

type Deps = { db: Database; clock: Clock; audit: AuditService; bureaus: BureauService; keys: BureauKeys; jobs: JobService; exportsDir: string };

/** What the caller may touch: a bureau within its subtree. */
export type BureauAccess = { bureauId: number; canAccess: (bureauId: number) => boolean };

/**
 * Transfers between bureaus (移交, issue 8 item 5): starting the export and import jobs, the receipt that
 * closes an outgoing transfer, and the bureau keys. Packages and receipts are files: a USB stick is enough.
 */
export function createTransferService({ db, clock, audit, bureaus, keys, jobs, exportsDir }: Deps) {
  const bureauByCode = (code: string) => bureaus.list().find((b) => b.divisionCode === code) ?? null;
  const visible = (r: TransferRow, access: BureauAccess) => {
    const own = bureauByCode(r.direction === 'outgoing' ? r.from_bureau_code : r.to_bureau_code);
    return own !== null && access.canAccess(own.id);
  };

  async function list(direction: 'outgoing' | 'incoming' | undefined, access: BureauAccess): Promise<TransferDto[]> {
    const rows = await db.all<TransferRow>(`SELECT * FROM transfers ${direction ? 'WHERE direction = ?' : ''} ORDER BY id DESC`, direction ? [direction] : []);
    return rows.filter((r) => visible(r, access)).map(transferDto);
  }

  /** Each volume must be the caller's (custody or inspecting bureau) and bound; the package is signed as the caller's bureau. */
  async function startExport(actor: AuditActor, input: { volumeIds: number[]; toBureauId: number; outDir?: string }, access: BureauAccess): Promise<{ jobId: number }> {
    const to = bureaus.get(input.toBureauId);
    for (const id of new Set(input.volumeIds)) {
      const v = await findVolume(db, id);
      if (!access.canAccess(v.custody_bureau_id) && !access.canAccess(v.inspecting_bureau_id)) throw new AppError('FORBIDDEN', { volumeId: id });
      if ((await listBindings(db, id)).length === 0) throw new AppError('VOLUME_NOT_BOUND', { id, version: null });
      // An archived volume travels with its archived file: one being made is ready before the export job runs (jobs run in order).
      const gap = (await archivedFileGaps(db, id))[0];
      if (gap && gap.jobId === null) throw new AppError('ARCHIVED_FILE_MISSING', { volumeId: id, supplementId: gap.supplementId, jobId: gap.jobId });
    }
    const outDir = path.resolve(input.outDir ?? path.join(exportsDir, `移交-${to.divisionCode}-${clock.now().toISOString().replace(/[-:]/g, '').slice(0, 15)}`));
    if (!(await isEmptyDir(outDir))) throw new AppError('TRANSFER_OUT_NOT_EMPTY', { dir: outDir }); // the job checks again before it writes
    const job = await jobs.start('transfers.export', { volumeIds: [...new Set(input.volumeIds)], fromBureauId: access.bureauId, toBureauId: to.id, outDir, actor }, actor.userId);
    return { jobId: job.id };
  }

  async function startImport(actor: AuditActor, input: { dir: string; receiptOut?: string }, access: BureauAccess): Promise<{ jobId: number }> {
    const job = await jobs.start('transfers.import', { dir: path.resolve(input.dir), receiptOut: input.receiptOut ? path.resolve(input.receiptOut) : undefined, actor, userBureauId: access.bureauId }, actor.userId);
    return { jobId: job.id };
  }

  /** Close an outgoing transfer with the receiver's signed receipt: same package, same tag manifest, same volumes. */
  async function importReceipt(actor: AuditActor, file: string, access: BureauAccess): Promise<TransferDto> {
    let value: unknown;
    try {
      value = JSON.parse(await fs.readFile(path.resolve(file), 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('IMPORT_FILE_NOT_FOUND', { file });
      throw new AppError('TRANSFER_RECEIPT_INVALID', { reason: 'not JSON' });
    }
    const parsed = SignedReceipt.safeParse(value);
    if (!parsed.success) throw new AppError('TRANSFER_RECEIPT_INVALID', { issues: parsed.error.issues.slice(0, 5).map((i) => i.path.join('.')) });
    const { receipt, signature } = parsed.data;
    return db.write(async (tx) => {
      const row = await tx.get<TransferRow>(`SELECT * FROM transfers WHERE direction = 'outgoing' AND package_id = ?`, [receipt.packageId]);
      if (!row || !visible(row, access)) throw new AppError('TRANSFER_NOT_FOUND', { packageId: receipt.packageId });
      if (row.status === 'received') throw new AppError('TRANSFER_ALREADY_CLOSED', { packageId: receipt.packageId, closedAt: row.closed_at });
      const key = await keys.trusted(tx, signature.keyId, row.to_bureau_code);
      if (signature.bureauCode !== row.to_bureau_code || !verifyBytes(key.public_key, canonicalJson(receipt), signature.value)) throw new AppError('TRANSFER_SIGNATURE_INVALID', { keyId: signature.keyId });
      const sent = (JSON.parse(row.volumes) as { id: number }[]).map((v) => v.id).sort((a, b) => a - b);
      const got = receipt.volumes.map((v) => v.originVolumeId).sort((a, b) => a - b);
      if (receipt.tagManifestSha256 !== row.tag_manifest_sha256 || receipt.to.code !== row.to_bureau_code || receipt.from.code !== row.from_bureau_code || canonicalJson(sent) !== canonicalJson(got)) {
        throw new AppError('TRANSFER_RECEIPT_INVALID', { packageId: receipt.packageId });
      }
      const closedAt = clock.now().toISOString();
      await tx.run(`UPDATE transfers SET status = 'received', receipt = ?, closed_at = ?, version = version + 1 WHERE id = ?`, [canonicalJson(parsed.data), closedAt, row.id]);
      const after = (await tx.get<TransferRow>('SELECT * FROM transfers WHERE id = ?', [row.id])) as TransferRow;
      await audit.record(tx, { actor, action: 'transfers.importReceipt', entity: 'transfer', entityId: row.id, after: transferSnapshot(after), detail: { receivedAt: receipt.receivedAt, receivedBy: receipt.receivedBy } });
      return transferDto(after);
    });
  }

  async function exportKey(actor: AuditActor, bureauId: number, out?: string): Promise<{ key: KeyFile; file: string }> {
    const bureau = bureaus.get(bureauId);
    const key = await keys.exportKey(actor, { id: bureau.id, divisionCode: bureau.divisionCode, name: bureau.name });
    const file = path.resolve(out ?? path.join(exportsDir, `移交公钥-${bureau.divisionCode}-${key.keyId.slice(0, 8)}.json`));
    await writeDurable(file, JSON.stringify(key, null, 1) + '\n');
    return { key, file };
  }

  async function trustKey(actor: AuditActor, file: string) {
    let value: unknown;
    try {
      value = JSON.parse(await fs.readFile(path.resolve(file), 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('IMPORT_FILE_NOT_FOUND', { file });
      throw new AppError('TRANSFER_KEY_FILE_INVALID', { reason: 'not JSON' });
    }
    const row = await keys.trust(actor, value);
    return { id: row.id, keyId: row.key_id, bureauCode: row.bureau_code, bureauName: row.bureau_name, trustedAt: row.trusted_at };
  }

  async function listKeys() {
    return {
      own: (await keys.listOwn()).map((k) => ({ bureauId: k.bureau_id, keyId: k.key_id, createdAt: k.created_at })),
      trusted: (await keys.listTrusted()).map((row) => ({ id: row.id, keyId: row.key_id, bureauCode: row.bureau_code, bureauName: row.bureau_name, trustedAt: row.trusted_at })),
    };
  }

  return { list, startExport, startImport, importReceipt, exportKey, trustKey, listKeys };
}

export type TransferService = ReturnType<typeof createTransferService>;
