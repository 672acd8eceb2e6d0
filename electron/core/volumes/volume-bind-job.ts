import { createHash } from 'node:crypto';
import type { PageNumberPosition } from '../../../shared/contract/volumes';
import { DOCUMENT_FIELD_LABELS, type DocumentField } from '../../../shared/domain/documents/doc-fields';
import { NON_PUBLIC_REASON_LABELS, NON_PUBLIC_REASONS, type NonPublicReason } from '../../../shared/domain/inspections/inspections';
import { RETENTION_LABELS, defaultRetention, regionSource, VOLUME_DOC_TYPE_LABELS, type Region } from '../../../shared/domain/volumes/volumes';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { BlobStore } from '../blobs/blob-store';
import type { Clock } from '../config';
import type { Database, Tx } from '../db/database';
import { volumeSnapshot } from '../draws/draw-repository';
import { beijingDate } from '../inspections/inspection-deadlines';
import type { JobRunContext } from '../jobs/job-service';
import { assertVolumeEditable } from '../archives/archive-repository';
import { burnRegions } from '../scans/scan-redact';
import { bindVolumePdf, withheldReason, type BindEntry, type BoundVolume } from './volume-pdf';
import { findVolume, listBindings, liveMarkIds, orderedEntries, syncGenerated, type MarkRow } from './volume-repository';
import type { VolumeService } from './volume-service';

type Deps = {
  db: Database;
  clock: Clock;
  audit: AuditService;
  blobs: BlobStore;
  volumes: VolumeService;
  fontBytes: () => Promise<Uint8Array>;
  /** A filed scan's PDF rebuilt from its source images and words with the rectangles redacted (the scanning service). */
  redactScan: (scanDocumentId: number, title: string, regions: ReadonlyMap<number, readonly Region[]>) => Promise<Uint8Array>;
  /** A generated document re-rendered from its stored facts with some fields masked (the documents service). */
  renderMasked: (documentId: number, fields: ReadonlySet<DocumentField>) => Promise<Uint8Array>;
};

/** pageNumbers: where the numbers go (§3.4), kept in the binding's manifest; a public copy follows its full version. */
type BindInput = { volumeId: number; incompleteReason: string | null; missing: string[]; pageNumbers?: PageNumberPosition; actor: AuditActor };
export type BindResult = { volumeId: number; version: number; pages: number; contentPages: number; sha256: string; size: number };
export type PublicBindResult = BindResult & { basedOnVersion: number; withheldPages: number };

const WITHHELD_TITLE = '[不予公开]';

type Ordered = Awaited<ReturnType<typeof orderedEntries>>;

/** §3.3: the full version's 备考表 lists the non-public material, live and lifted. */
function nonPublicNotes(entries: Ordered, titles: readonly string[]): string[] {
  const seqOf = new Map(entries.map(({ row }, i) => [row.id, i + 1]));
  return entries.flatMap(({ marks }, i) =>
    marks.map((m: MarkRow) => {
      const part = m.field !== null ? `“${DOCUMENT_FIELD_LABELS[m.field]}”栏目` : m.page_index === null ? '（全件）' : `原第 ${m.page_index + 1} 页${m.region === null ? '' : '部分区域'}`;
      const where = `第 ${i + 1} 件《${titles[i] ?? ''}》${part}`;
      const label = NON_PUBLIC_REASON_LABELS[m.reason];
      if (m.lifted_at === null) return `${where}不予公开：${label}${m.note ? `（${m.note}）` : ''}。`;
      const consent = m.consent_entry_id === null ? '' : `，依据企业书面同意（第 ${seqOf.get(m.consent_entry_id) ?? '?'} 件）`;
      return `${where}原标记不予公开（${label}），已于 ${beijingDate(new Date(m.lifted_at))} 解除${consent}：${m.lift_reason ?? ''}。`;
    }),
  );
}

/** The public copy's 备考表: how many pages were withheld and why — never what they hold. */
function withheldSummary(entries: readonly BindEntry[]): { pages: number; note: string | null } {
  const counts = new Map<NonPublicReason, number>();
  for (const e of entries) {
    for (let i = 0; i < e.pageCount; i++) {
      const reason = e.pages.get(i)?.excluded ? null : withheldReason(e, i);
      if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
  }
  const pages = [...counts.values()].reduce((a, b) => a + b, 0);
  if (pages === 0) return { pages, note: null };
  const parts = NON_PUBLIC_REASONS.filter((r) => counts.has(r)).map((r) => `${NON_PUBLIC_REASON_LABELS[r]} ${counts.get(r)} 页`);
  return { pages, note: `本公开版有 ${pages} 页依法不予公开，已以说明理由的占位页代替（${parts.join('、')}）。` };
}

/**
 * The 'volumes.bind' and 'volumes.bindPublic' jobs: read the volume as it is now, assemble the PDF, store
 * it as a blob and record a new immutable version (full, or public copy) with an audit event. The PDF is
 * built outside the write lock (it may take seconds); the version number is taken inside it, so two
 * bindings never share one.
 */
export function createVolumeBindJob({ db, clock, audit, blobs, volumes, fontBytes, redactScan, renderMasked }: Deps) {
  /** The public copy's source with its rectangles burned in: a filed scan rebuilt from its pages, an imported picture as a JPEG. */
  async function redacted(row: { scan_document_id: number | null; blob_sha256: string }, title: string, regions: ReadonlyMap<number, readonly Region[]>): Promise<Uint8Array> {
    if (row.scan_document_id !== null) return redactScan(row.scan_document_id, title, regions);
    return (await burnRegions(await blobs.read(row.blob_sha256), 0, regions.get(0) ?? [])).bytes;
  }

  async function build(ctx: JobRunContext, input: BindInput, publicCopy: boolean, boundAt: Date, pageNumbers: PageNumberPosition) {
    await db.write((tx) => syncGenerated(tx, input.volumeId, input.actor, audit, boundAt.toISOString()));
    const volume = await findVolume(db, input.volumeId);
    const inspection = await volumes.inspectionOf(volume);
    const entries = await orderedEntries(db, input.volumeId);
    const previous = (await listBindings(db, input.volumeId))[0] ?? null;
    const user = input.actor.userId === null ? null : await db.get<{ display_name: string }>('SELECT display_name FROM users WHERE id = ?', [input.actor.userId]);

    let redactedRegions = 0;
    let maskedFields = 0;
    const bindEntries: BindEntry[] = entries.map(({ row, pages, marks }) => {
      const live = marks.filter((m) => m.lifted_at === null);
      // Without its source a part cannot be redacted: a rectangle on a page that is not a filed scan (e.g.
      // received in a transfer) withholds the whole page, a field of a form with no stored document the
      // whole document. Never less than was marked.
      const burnable = regionSource({ scanDocumentId: row.scan_document_id, mediaType: row.media_type });
      const fieldSource = row.document_id !== null;
      const whole = live.filter((m) => (m.region === null || !burnable) && (m.field === null || !fieldSource));
      const document = whole.find((m) => m.page_index === null)?.reason ?? null;
      const hidden = publicCopy && document !== null; // no non-public metadata in the public copy
      // Rectangles on scanned pages: the public copy takes the document rebuilt from its source with them burned in;
      // an imported image is its own source (burned as a JPEG).
      const regions = new Map<number, Region[]>();
      if (burnable) for (const m of live) if (m.region !== null && m.page_index !== null) regions.set(m.page_index, [...(regions.get(m.page_index) ?? []), JSON.parse(m.region) as Region]);
      const redact = publicCopy && document === null && regions.size > 0;
      if (redact) redactedRegions += [...regions.values()].reduce((n, r) => n + r.length, 0);
      // Fields of a generated form: the public copy re-renders it from what it printed with them masked.
      const fields = new Set(fieldSource ? live.flatMap((m) => (m.field === null ? [] : [m.field])) : []);
      const mask = publicCopy && document === null && fields.size > 0 && !redact;
      if (mask) maskedFields += fields.size;
      const title = row.title ?? `[${VOLUME_DOC_TYPE_LABELS[row.doc_type]}]`;
      return {
        entryId: row.id,
        title: hidden ? WITHHELD_TITLE : title,
        docNo: hidden ? null : row.doc_no,
        responsible: row.responsible,
        docDate: row.doc_date,
        remark: hidden ? null : row.remark,
        mediaType: redact && row.scan_document_id === null ? 'image/jpeg' : row.media_type,
        pageCount: row.page_count,
        // a Buffer is a Uint8Array: no copy of a 1 MB scan per page
        bytes: redact ? () => redacted(row, title, regions) : mask ? () => renderMasked(row.document_id as number, fields) : () => blobs.read(row.blob_sha256),
        pages: new Map(pages.map((p) => [p.page_index, { rotation: p.rotation, excluded: p.excluded === 1, reason: p.reason }])),
        withheld: { document, pages: new Map(whole.filter((m) => m.page_index !== null).map((m) => [m.page_index as number, m.reason])) },
      };
    });
    const titles = bindEntries.map((e) => e.title);
    const notes: string[] = [];
    if (input.incompleteReason) notes.push(`本卷材料不齐全（缺：${input.missing.join('、')}），经法制审核同意装订，理由：${input.incompleteReason}`);
    if (previous) {
      entries.forEach(({ row }, i) => {
        if (row.created_at > previous.boundAt) notes.push(`第 ${i + 1} 件《${titles[i] ?? ''}》系第 ${previous.version} 版装订（${beijingDate(new Date(previous.boundAt))}）后补入。`);
      });
    }
    const withheld = withheldSummary(bindEntries);
    if (publicCopy && withheld.note) notes.push(withheld.note);
    if (publicCopy && redactedRegions > 0) notes.push(`另有 ${redactedRegions} 处页面区域涉及不予公开的信息，已在图像上涂黑并删去相应文字。`);
    if (publicCopy && maskedFields > 0) notes.push(`另有 ${maskedFields} 个文书栏目涉及不予公开的信息，相关文书已按原样重新生成并隐去该栏目内容。`);
    if (!publicCopy) notes.push(...nonPublicNotes(entries, titles));
    const retention = defaultRetention(inspection?.result?.categories ?? [], (inspection?.corrections.length ?? 0) > 0);
    const bound = await bindVolumePdf(
      bindEntries,
      {
        fondsName: volume.custody_bureau_name,
        volumeTitle: publicCopy ? `${volume.title}（公开版）` : volume.title,
        inspectingBureauName: volume.inspecting_bureau_name,
        retentionLabel: RETENTION_LABELS[retention],
        archiveNo: null,
        keywords: ['随机抽查专卷', ...(publicCopy ? ['公开版'] : []), volume.target_name, ...(volume.task_name ? [volume.task_name] : [])],
        boundByName: user?.display_name ?? input.actor.login ?? '',
        inspectorNames: (inspection?.members ?? []).filter((m) => m.kind === 'inspector').map((m) => m.name).join('、'),
        boundOn: beijingDate(boundAt),
        boundAt,
        notes,
        publicCopy,
        pageNumbers,
      },
      await fontBytes(),
      (done, total) => ctx.progress(done, total, 'pages'),
    );
    return { bound, sha256: createHash('sha256').update(bound.bytes).digest('hex'), withheldPages: withheld.pages };
  }

  const manifestOf = (bound: BoundVolume, extra: object = {}) => JSON.stringify({ frontPages: bound.frontPages, backPages: bound.backPages, entries: bound.entries, ...extra });

  async function touchVolume(tx: Tx, input: BindInput, at: Date, detail: object, bound: boolean) {
    if (bound) await tx.run(`UPDATE volumes SET status = CASE WHEN status = 'open' THEN 'bound' ELSE status END, version = version + 1, updated_at = ? WHERE id = ?`, [at.toISOString(), input.volumeId]);
    else await tx.run('UPDATE volumes SET version = version + 1, updated_at = ? WHERE id = ?', [at.toISOString(), input.volumeId]);
    const raw = await tx.get<Parameters<typeof volumeSnapshot>[0]>('SELECT * FROM volumes WHERE id = ?', [input.volumeId]);
    await audit.record(tx, { actor: input.actor, action: bound ? 'volumes.bind' : 'volumes.bindPublic', entity: 'volume', entityId: input.volumeId, after: volumeSnapshot(raw as Parameters<typeof volumeSnapshot>[0]), detail });
  }

  async function runFull(ctx: JobRunContext): Promise<BindResult> {
    const input = ctx.input as BindInput;
    const boundAt = clock.now();
    const pageNumbers = input.pageNumbers ?? 'top-right';
    const { bound, sha256 } = await build(ctx, input, false, boundAt, pageNumbers);
    return db.write(async (tx) => {
      await assertVolumeEditable(tx, input.volumeId); // archived or submitted while the job ran
      const blob = await blobs.put(tx, bound.bytes, 'application/pdf');
      const version = ((await tx.get<{ v: number | null }>('SELECT max(version) AS v FROM volume_bindings WHERE volume_id = ?', [input.volumeId]))?.v ?? 0) + 1;
      const { lastId } = await tx.run(
        `INSERT INTO volume_bindings (volume_id, version, blob_sha256, sha256, size, pages, content_pages, incomplete_reason, manifest, bound_by, bound_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [input.volumeId, version, blob.sha256, sha256, blob.size, bound.pages, bound.contentPages, input.incompleteReason, manifestOf(bound, { pageNumbers }), input.actor.userId, boundAt.toISOString()],
      );
      const { id: _id, ...snapshot } = (await tx.get<{ id: number }>('SELECT * FROM volume_bindings WHERE id = ?', [lastId])) as { id: number };
      await audit.record(tx, { actor: input.actor, action: 'volumes.bind', entity: 'volume_binding', entityId: lastId, after: snapshot, detail: { volumeId: input.volumeId, version } });
      await touchVolume(tx, input, boundAt, { version, sha256 }, true);
      return { volumeId: input.volumeId, version, pages: bound.pages, contentPages: bound.contentPages, sha256, size: blob.size };
    });
  }

  /** The public copy follows the latest full version's structure; the live marks it withheld are kept in its manifest. */
  async function runPublic(ctx: JobRunContext): Promise<PublicBindResult> {
    const input = ctx.input as BindInput;
    const boundAt = clock.now();
    const marks = await liveMarkIds(db, input.volumeId);
    const full = await db.get<{ manifest: string }>('SELECT manifest FROM volume_bindings WHERE volume_id = ? ORDER BY version DESC LIMIT 1', [input.volumeId]);
    const pageNumbers = full ? ((JSON.parse(full.manifest) as { pageNumbers?: PageNumberPosition }).pageNumbers ?? 'top-right') : 'top-right';
    const { bound, sha256, withheldPages } = await build(ctx, input, true, boundAt, pageNumbers);
    return db.write(async (tx) => {
      await assertVolumeEditable(tx, input.volumeId);
      const basedOn = (await tx.get<{ v: number | null }>('SELECT max(version) AS v FROM volume_bindings WHERE volume_id = ?', [input.volumeId]))?.v ?? null;
      if (basedOn === null) throw new AppError('VOLUME_NOT_BOUND', { id: input.volumeId, version: null });
      const blob = await blobs.put(tx, bound.bytes, 'application/pdf');
      const version = ((await tx.get<{ v: number | null }>('SELECT max(version) AS v FROM volume_public_copies WHERE volume_id = ?', [input.volumeId]))?.v ?? 0) + 1;
      const { lastId } = await tx.run(
        `INSERT INTO volume_public_copies (volume_id, version, based_on_version, blob_sha256, sha256, size, pages, content_pages, withheld_pages, manifest, bound_by, bound_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [input.volumeId, version, basedOn, blob.sha256, sha256, blob.size, bound.pages, bound.contentPages, withheldPages, manifestOf(bound, { liveMarks: marks, pageNumbers }), input.actor.userId, boundAt.toISOString()],
      );
      const { id: _id, ...snapshot } = (await tx.get<{ id: number }>('SELECT * FROM volume_public_copies WHERE id = ?', [lastId])) as { id: number };
      await audit.record(tx, { actor: input.actor, action: 'volumes.bindPublic', entity: 'volume_public_copy', entityId: lastId, after: snapshot, detail: { volumeId: input.volumeId, version, basedOnVersion: basedOn, withheldPages } });
      await touchVolume(tx, input, boundAt, { publicVersion: version, sha256 }, false);
      return { volumeId: input.volumeId, version, basedOnVersion: basedOn, pages: bound.pages, contentPages: bound.contentPages, withheldPages, sha256, size: blob.size };
    });
  }

  return { runFull, runPublic };
}
