import { createHash } from 'node:crypto';
import path from 'node:path';
import fs from 'node:fs/promises';
import type { ArchivedFileDto } from '../../../shared/contract';
import type { BindingManifest } from '../../../shared/domain/archives/archives';
import { RETENTION_LABELS } from '../../../shared/domain/volumes/volumes';
import { AppError } from '../../../shared/errors/app-error';
import { SYSTEM_ACTOR, type AuditActor, type AuditService } from '../audit/audit-service';
import type { BlobStore } from '../blobs/blob-store';
import type { Clock } from '../config';
import type { Database } from '../db/database';
import { beijingDate } from '../inspections/inspection-deadlines';
import type { JobRunContext, JobService } from '../jobs/job-service';
import { findVolume, orderedEntries } from '../volumes/volume-repository';
import { dateSpan } from '../volumes/volume-pdf';
import { archivedFileDto, archivedFileGaps, findArchive, listArchivedFiles, type ArchivedFileRow } from './archive-repository';
import { deriveArchivedPdf } from './archived-file-pdf';

type Deps = { db: Database; clock: Clock; audit: AuditService; blobs: BlobStore; jobs: JobService; fontBytes: () => Promise<Uint8Array>; exportsDir: string };
type Input = { volumeId: number; supplementId: number | null; actor: AuditActor };

const ymd = (iso: string) => beijingDate(new Date(iso)).replaceAll('-', '');

/**
 * The 'archives.archivedFile' job: at archiving and after each 补充件, a new version of the archived file
 * (archived-file-pdf.ts) from the reviewed binding, stored as a blob with its derivation recorded. Re-running
 * the job for the same archiving/supplement (after a crash) finds the version it already made.
 */
export function createArchivedFileJob({ db, clock, audit, blobs, jobs, fontBytes, exportsDir }: Deps) {
  const start = (actor: AuditActor, volumeId: number, supplementId: number | null) => jobs.start('archives.archivedFile', { volumeId, supplementId, actor } satisfies Input, actor.userId);

  async function run(ctx: JobRunContext): Promise<ArchivedFileDto> {
    const input = ctx.input as Input;
    const existing = await db.get<ArchivedFileRow>('SELECT * FROM volume_archived_files WHERE volume_id = ? AND supplement_id IS ?', [input.volumeId, input.supplementId]);
    if (existing) return archivedFileDto(existing);
    const archive = await findArchive(db, input.volumeId);
    if (!archive) throw new AppError('ARCHIVE_STATE_INVALID', { id: input.volumeId, status: 'not archived' });
    const binding = await db.get<{ blob_sha256: string; sha256: string; content_pages: number; manifest: string }>('SELECT blob_sha256, sha256, content_pages, manifest FROM volume_bindings WHERE volume_id = ? AND version = ?', [input.volumeId, archive.bindingVersion]);
    if (!binding) throw new AppError('VOLUME_NOT_BOUND', { id: input.volumeId, version: archive.bindingVersion });
    const volume = await findVolume(db, input.volumeId);
    const manifest = JSON.parse(binding.manifest) as BindingManifest & { pageNumbers?: string };
    const supplements = archive.supplements.filter((s) => input.supplementId !== null && s.id <= input.supplementId);
    const madeAt = clock.now();
    const retention = `${RETENTION_LABELS[archive.retention]}${archive.retentionReason ? `（${archive.retentionReason}）` : ''}`;
    const notes = [
      `本卷于 ${beijingDate(new Date(archive.archivedAt))} 归档，档号 ${archive.archiveNo}，保管期限 ${retention}。`,
      `本归档文件依据第 ${archive.bindingVersion} 版装订文件（经法制审核通过的版本，SHA-256 ${binding.sha256}）生成：封面填写档号和保管期限，增加本页；卷内文件目录、卷内文件页面及页号、卷内备考表均未改动。`,
      ...(supplements.length === 0
        ? ['归档后无补充件。']
        : supplements.map((s, i) => `补充件 ${i + 1}：${s.note}（${beijingDate(new Date(s.addedAt))} 登记${s.addedByName ? `，${s.addedByName}` : ''}）`)),
    ];
    await ctx.progress(0, 1, 'pages');
    const derived = await deriveArchivedPdf(
      await blobs.read(binding.blob_sha256),
      manifest,
      {
        cover: {
          fondsName: volume.custody_bureau_name,
          volumeTitle: volume.title,
          inspectingBureauName: volume.inspecting_bureau_name,
          retentionLabel: RETENTION_LABELS[archive.retention],
          archiveNo: archive.archiveNo,
          dateSpan: dateSpan((await orderedEntries(db, input.volumeId)).map(({ row }) => ({ docDate: row.doc_date }))),
          documents: manifest.entries.filter((e) => e.pages > 0).length,
          contentPages: binding.content_pages,
        },
        notes,
        archivedByName: archive.archivedByName ?? '',
        archivedOn: ymd(archive.archivedAt),
        keywords: ['随机抽查专卷', '归档文件', volume.target_name, ...(volume.task_name ? [volume.task_name] : [])],
        madeAt,
      },
      await fontBytes(),
    );
    await ctx.progress(1, 1, 'pages');
    const sha256 = createHash('sha256').update(derived.bytes).digest('hex');
    const outManifest = { ...manifest, frontPages: derived.frontPages, backPages: derived.backPages, derivedFrom: { bindingVersion: archive.bindingVersion, sha256: binding.sha256 }, supplements: supplements.map((s) => s.id) };
    return db.write(async (tx) => {
      const blob = await blobs.put(tx, derived.bytes, 'application/pdf');
      const version = ((await tx.get<{ v: number | null }>('SELECT max(version) AS v FROM volume_archived_files WHERE volume_id = ?', [input.volumeId]))?.v ?? 0) + 1;
      const { lastId } = await tx.run(
        `INSERT INTO volume_archived_files (volume_id, version, binding_version, derived_from_sha256, supplement_id, blob_sha256, sha256, size, pages, content_pages, manifest, made_by, made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [input.volumeId, version, archive.bindingVersion, binding.sha256, input.supplementId, blob.sha256, sha256, blob.size, derived.pages, binding.content_pages, JSON.stringify(outManifest), input.actor.userId, madeAt.toISOString()],
      );
      const { id: _id, ...after } = (await tx.get<ArchivedFileRow>('SELECT * FROM volume_archived_files WHERE id = ?', [lastId])) as ArchivedFileRow;
      await audit.record(tx, { actor: input.actor, action: 'archives.archivedFile', entity: 'volume_archived_file', entityId: lastId, after, detail: { volumeId: input.volumeId, version, derivedFrom: archive.bindingVersion } });
      return archivedFileDto({ id: lastId, ...after });
    });
  }

  /** Write an archived file version (default the latest) to exports/ or `outFile`; the blob is checked on read. */
  async function exportFile(volumeId: number, version: number | undefined, outFile?: string) {
    const files = await listArchivedFiles(db, volumeId);
    const file = version === undefined ? files[0] : files.find((f) => f.version === version);
    if (!file) throw new AppError('NOT_FOUND', { entity: 'volume_archived_file', volumeId, version: version ?? null });
    const archive = await findArchive(db, volumeId);
    const fileName = outFile ? path.basename(outFile) : `${(archive?.archiveNo ?? `卷${volumeId}`).replace(/[\\/:*?"<>|]/g, '_')}-归档文件${file.version}.pdf`;
    const target = outFile ? path.resolve(outFile) : path.join(exportsDir, fileName);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, await blobs.read(file.blob_sha256));
    return { fileName, file: target, version: file.version, sha256: file.sha256 };
  }

  /**
   * At startup: every archived volume whose latest archiving/补充件 has no archived file and no job making it
   * gets one, started by the system (a crash between the archiving commit and the job's start, a failed job,
   * volumes archived before migration 0016). Running it again starts nothing new. Returns the volumes.
   */
  async function sweep(): Promise<number[]> {
    const gaps = (await archivedFileGaps(db)).filter((g) => g.jobId === null);
    for (const g of gaps) await start(SYSTEM_ACTOR, g.volumeId, g.supplementId);
    return gaps.map((g) => g.volumeId);
  }

  return { start, run, exportFile, sweep };
}

export type ArchivedFileJob = ReturnType<typeof createArchivedFileJob>;
