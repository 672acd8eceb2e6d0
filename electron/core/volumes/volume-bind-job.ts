import { createHash } from 'node:crypto';
import { RETENTION_LABELS, defaultRetention, VOLUME_DOC_TYPE_LABELS } from '../../../shared/domain/volumes/volumes';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { BlobStore } from '../blobs/blob-store';
import type { Clock } from '../config';
import type { Database } from '../db/database';
import { volumeSnapshot } from '../draws/draw-repository';
import type { JobRunContext } from '../jobs/job-service';
import { bindVolumePdf, type BindEntry } from './volume-pdf';
import { findVolume, listBindings, orderedEntries, syncGenerated } from './volume-repository';
import type { VolumeService } from './volume-service';

type Deps = { db: Database; clock: Clock; audit: AuditService; blobs: BlobStore; volumes: VolumeService; fontBytes: () => Promise<Uint8Array> };

type BindInput = { volumeId: number; incompleteReason: string | null; missing: string[]; actor: AuditActor };
export type BindResult = { volumeId: number; version: number; pages: number; contentPages: number; sha256: string; size: number };

const beijingDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * The 'volumes.bind' job: read the volume as it is now, assemble the PDF, store it as a blob and record a
 * new immutable version with an audit event. The PDF is built outside the write lock (it may take
 * seconds); the version number is taken inside it, so two bindings never share one.
 */
export function createVolumeBindJob({ db, clock, audit, blobs, volumes, fontBytes }: Deps) {
  return async function run(ctx: JobRunContext): Promise<BindResult> {
    const input = ctx.input as BindInput;
    const boundAt = clock.now();
    await db.write((tx) => syncGenerated(tx, input.volumeId, input.actor, audit, boundAt.toISOString()));
    const volume = await findVolume(db, input.volumeId);
    const inspection = await volumes.inspectionOf(volume);
    const entries = await orderedEntries(db, input.volumeId);
    const previous = (await listBindings(db, input.volumeId))[0] ?? null;
    const user = input.actor.userId === null ? null : await db.get<{ display_name: string }>('SELECT display_name FROM users WHERE id = ?', [input.actor.userId]);

    const bindEntries: BindEntry[] = entries.map(({ row, pages }) => ({
      entryId: row.id,
      title: row.title ?? `[${VOLUME_DOC_TYPE_LABELS[row.doc_type]}]`,
      docNo: row.doc_no,
      responsible: row.responsible,
      docDate: row.doc_date,
      remark: row.remark,
      mediaType: row.media_type,
      pageCount: row.page_count,
      bytes: () => blobs.read(row.blob_sha256), // a Buffer is a Uint8Array: no copy of a 1 MB scan per page
      pages: new Map(pages.map((p) => [p.page_index, { rotation: p.rotation, excluded: p.excluded === 1, reason: p.reason }])),
    }));
    const notes: string[] = [];
    if (input.incompleteReason) notes.push(`本卷材料不齐全（缺：${input.missing.join('、')}），经法制审核同意装订，理由：${input.incompleteReason}`);
    if (previous) {
      entries.forEach(({ row }, i) => {
        if (row.created_at > previous.boundAt) notes.push(`第 ${i + 1} 件《${bindEntries[i]?.title ?? ''}》系第 ${previous.version} 版装订（${beijingDate(new Date(previous.boundAt))}）后补入。`);
      });
    }
    const retention = defaultRetention(inspection?.result?.categories ?? [], (inspection?.corrections.length ?? 0) > 0);
    const bound = await bindVolumePdf(
      bindEntries,
      {
        fondsName: volume.custody_bureau_name,
        volumeTitle: volume.title,
        inspectingBureauName: volume.inspecting_bureau_name,
        retentionLabel: RETENTION_LABELS[retention],
        archiveNo: null,
        keywords: ['随机抽查专卷', volume.target_name, ...(volume.task_name ? [volume.task_name] : [])],
        boundByName: user?.display_name ?? input.actor.login ?? '',
        inspectorNames: (inspection?.members ?? []).filter((m) => m.kind === 'inspector').map((m) => m.name).join('、'),
        boundOn: beijingDate(boundAt),
        boundAt,
        notes,
      },
      await fontBytes(),
      (done, total) => ctx.progress(done, total, 'pages'),
    );
    const sha256 = createHash('sha256').update(bound.bytes).digest('hex');
    const manifest = JSON.stringify({ frontPages: bound.frontPages, backPages: bound.backPages, entries: bound.entries });
    return db.write(async (tx) => {
      const blob = await blobs.put(tx, bound.bytes, 'application/pdf');
      const version = ((await tx.get<{ v: number | null }>('SELECT max(version) AS v FROM volume_bindings WHERE volume_id = ?', [input.volumeId]))?.v ?? 0) + 1;
      const { lastId } = await tx.run(
        `INSERT INTO volume_bindings (volume_id, version, blob_sha256, sha256, size, pages, content_pages, incomplete_reason, manifest, bound_by, bound_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [input.volumeId, version, blob.sha256, sha256, blob.size, bound.pages, bound.contentPages, input.incompleteReason, manifest, input.actor.userId, boundAt.toISOString()],
      );
      const binding = (await tx.get<{ id: number }>('SELECT * FROM volume_bindings WHERE id = ?', [lastId])) as { id: number };
      const { id: _id, ...snapshot } = binding;
      await audit.record(tx, { actor: input.actor, action: 'volumes.bind', entity: 'volume_binding', entityId: lastId, after: snapshot, detail: { volumeId: input.volumeId, version } });
      await tx.run(`UPDATE volumes SET status = CASE WHEN status = 'open' THEN 'bound' ELSE status END, version = version + 1, updated_at = ? WHERE id = ?`, [boundAt.toISOString(), input.volumeId]);
      const raw = await tx.get<Parameters<typeof volumeSnapshot>[0]>('SELECT * FROM volumes WHERE id = ?', [input.volumeId]);
      await audit.record(tx, { actor: input.actor, action: 'volumes.bind', entity: 'volume', entityId: input.volumeId, after: volumeSnapshot(raw as Parameters<typeof volumeSnapshot>[0]), detail: { version, sha256 } });
      return { volumeId: input.volumeId, version, pages: bound.pages, contentPages: bound.contentPages, sha256, size: blob.size };
    });
  };
}
