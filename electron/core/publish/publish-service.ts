import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PublicationPlatform } from '../../../shared/domain/inspections/inspections';
import { AppError } from '../../../shared/errors/app-error';
import type { AuditActor, AuditService } from '../audit/audit-service';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock } from '../config';
import type { Database } from '../db/database';
import { inspectionAuditSnapshot } from '../inspections/inspection-repository';
import { exportFilePath, writeTableExport, type TableFormat } from '../exports/table-export';
import { buildPublication, checkNamedInspections, PUBLICATION_COLUMNS, publicationCells, type PublishRange } from './publication-rows';

type Deps = { db: Database; clock: Clock; audit: AuditService; bureaus: BureauService; exportsDir: string };

/**
 * Who publishes. 谁检查谁公示 (Art. 16): an RPC caller publishes only what its own bureau inspected —
 * `ownBureauId` is the caller's bureau, and a city user cannot publish a district's results either.
 * null = the local administrator of the data folder at the command line (`casebinder publish export`
 * without --user), who prepares the file for whichever bureau is named; Art. 16's 不予公开 rule and the
 * review rule still apply to it.
 */
export type Publisher = { actor: AuditActor; ownBureauId: number | null };

const beijingDay = (now: Date): string => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

function assertOwnBureau(publisher: Publisher, bureauId: number): void {
  if (publisher.ownBureauId !== null && publisher.ownBureauId !== bureauId) {
    throw new AppError('PUBLISH_NOT_OWN_BUREAU', { bureauId, ownBureauId: publisher.ownBureauId });
  }
}

/**
 * Publication of results (公示, Art. 16; domain-reference §8): the rows to publish, the file for the
 * platforms (CSV or XLSX), and the record that they were published.
 */
export function createPublishService({ db, clock, audit, bureaus, exportsDir }: Deps) {
  async function preview(publisher: Publisher, range: PublishRange) {
    assertOwnBureau(publisher, range.bureauId);
    const built = await buildPublication(db, range);
    return { rows: built.rows, inspectionIds: built.inspectionIds, withheld: built.withheld, remarksWithheld: built.remarksWithheld };
  }

  /**
   * Write the publicity file (one row per target and item, the §8.1 columns) into exports/ — or to
   * `outFile` for the CLI — and record who exported what. CSV is UTF-8 with BOM and CRLF, RFC 4180
   * quoted (Excel opens it as is); every XLSX cell is text (18-character codes stay whole).
   */
  async function exportFile(publisher: Publisher, input: PublishRange & { format: TableFormat }, outFile?: string) {
    assertOwnBureau(publisher, input.bureauId);
    const built = await buildPublication(db, input);
    const bureau = bureaus.get(input.bureauId);
    const file = outFile
      ? path.resolve(outFile)
      : exportFilePath(exportsDir, `双随机抽查结果公示-${bureau.divisionCode}-${input.from}至${input.to}`, input.format, clock.now());
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    const cells = built.rows.map((row, i) => publicationCells(row, i + 1));
    await writeTableExport({
      file,
      format: input.format,
      sheetName: '抽查结果公示',
      headers: PUBLICATION_COLUMNS.map(([, label]) => label),
      batches: (async function* () {
        yield cells;
      })(),
    });
    const sha256 = createHash('sha256').update(await fs.promises.readFile(file)).digest('hex');
    const fileName = path.basename(file);
    await db.write((tx) =>
      audit.record(tx, {
        actor: publisher.actor,
        action: 'publish.export',
        entity: 'publication_export',
        entityId: fileName,
        detail: {
          bureauId: input.bureauId, from: input.from, to: input.to, includePublished: input.includePublished, format: input.format,
          rows: built.rows.length, inspectionIds: built.inspectionIds, withheld: built.withheld, remarksWithheld: built.remarksWithheld, sha256,
        },
      }),
    );
    return { fileName, file, rows: built.rows.length, inspections: built.inspectionIds.length, withheld: built.withheld };
  }

  /**
   * Record that results were published (date, platforms): reviewed → published, one publications row
   * each, one audit event with every inspection's new state. All or nothing: one result the publisher
   * may not publish refuses the whole request.
   */
  async function mark(publisher: Publisher, input: { inspectionIds: number[]; publishedOn: string; platforms: PublicationPlatform[] }) {
    const ids = [...new Set(input.inspectionIds)];
    return db.write(async (tx) => {
      const rows = await tx.all<{ id: number; inspecting_bureau_id: number; formed_on: string | null }>(
        `SELECT i.id, i.inspecting_bureau_id, r.formed_on FROM inspections i LEFT JOIN inspection_results r ON r.inspection_id = i.id WHERE i.id IN (${ids.map(() => '?').join(',')})`,
        ids,
      );
      if (rows.length !== ids.length) await checkNamedInspections(tx, -1, ids, false); // reports the missing ids as NOT_FOUND
      if (publisher.ownBureauId !== null) {
        const foreign = rows.filter((r) => r.inspecting_bureau_id !== publisher.ownBureauId).map((r) => r.id);
        if (foreign.length > 0) throw new AppError('PUBLISH_NOT_OWN_BUREAU', { inspectionIds: foreign, ownBureauId: publisher.ownBureauId });
      }
      // Same refusals as an export that names them (not found, 不予公开, not reviewed — an already published one included).
      for (const bureauId of new Set(rows.map((r) => r.inspecting_bureau_id))) {
        await checkNamedInspections(tx, bureauId, rows.filter((r) => r.inspecting_bureau_id === bureauId).map((r) => r.id), false);
      }
      // A publication date is the user's statement of what happened: not before the result was formed, not in the future.
      const today = beijingDay(clock.now());
      if (input.publishedOn > today) throw new AppError('INSPECTION_DATES_INVALID', { field: 'publishedOn', date: input.publishedOn, today });
      const early = rows.filter((r) => r.formed_on !== null && input.publishedOn < r.formed_on);
      if (early.length > 0) throw new AppError('INSPECTION_DATES_INVALID', { field: 'publishedOn', date: input.publishedOn, formedBefore: early.map((r) => r.id) });
      const now = clock.now().toISOString();
      const platforms = JSON.stringify(input.platforms);
      for (const id of ids) {
        await tx.run(`UPDATE inspections SET status = 'published', version = version + 1, updated_at = ? WHERE id = ? AND status = 'reviewed'`, [now, id]);
        await tx.run('INSERT INTO publications (inspection_id, published_on, platforms, published_by, created_at) VALUES (?, ?, ?, ?, ?)', [id, input.publishedOn, platforms, publisher.actor.userId, now]);
      }
      const bulk = await audit.beginBulk(tx, { actor: publisher.actor, action: 'publish.mark', entity: 'inspection', entityId: ids.length === 1 ? ids[0]! : `${ids.length} inspections` });
      for (const id of ids) await bulk.add(id, await inspectionAuditSnapshot(tx, id));
      await bulk.finish({ publishedOn: input.publishedOn, platforms: input.platforms, inspectionIds: ids });
      return { published: ids.length };
    });
  }

  return { preview, exportFile, mark };
}

export type PublishService = ReturnType<typeof createPublishService>;
