import path from 'node:path';
import type { TargetFilterInput } from '../../../shared/contract';
import { REG_STATUS_LABELS, RISK_LEVEL_LABELS, SUBJECT_KIND_LABELS, type RegStatus, type RiskLevel, type SubjectKind } from '../../../shared/domain/targets';
import type { AuditService } from '../audit/audit-service';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock } from '../config';
import type { Database } from '../db/database';
import type { TargetRow } from '../db/entities';
import { exportFilePath, rowsOf, writeTableExport } from '../exports/table-export';
import type { JobRunContext } from '../jobs/job-service';
import { filterClause, tagsOf, TARGET_COLUMNS, targetSnapshot } from './target-repository';
import { TARGET_IMPORT_COLUMNS } from './target-import';

type Deps = { db: Database; clock: Clock; audit: AuditService; bureaus: BureauService; exportsDir: string };
type Filter = Omit<TargetFilterInput, 'bureauId'> & { bureauIds: number[] };

export type TagBulkInput = { filter: Filter; itemIds: number[]; action: 'add' | 'remove'; userId: number | null; login: string | null };
export type ExportInput = { filter: Filter; format: 'csv' | 'xlsx' };

/** Bulk work over a filtered directory: tagging (one audited bulk change) and export (CSV with BOM / XLSX). */
export function createTargetBulk({ db, clock, audit, bureaus, exportsDir }: Deps) {
  async function* batches(filter: Filter, size = 2000): AsyncGenerator<TargetRow[]> {
    const { sql, params } = filterClause(filter);
    let lastId = 0;
    for (;;) {
      const rows = await db.all<TargetRow>(`SELECT ${TARGET_COLUMNS} FROM targets t WHERE ${sql} AND t.id > ? ORDER BY t.id LIMIT ?`, [...params, lastId, size]);
      if (rows.length === 0) return;
      yield rows;
      lastId = (rows[rows.length - 1] as TargetRow).id;
    }
  }

  async function count(filter: Filter): Promise<number> {
    const { sql, params } = filterClause(filter);
    return (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM targets t WHERE ${sql}`, params))?.n ?? 0;
  }

  async function tagBulk(job: JobRunContext): Promise<{ changed: number; matched: number }> {
    const input = job.input as TagBulkInput;
    const total = await count(input.filter);
    let changed = 0;
    let matched = 0;
    const now = clock.now().toISOString();
    await db.write(async (tx) => {
      const bulk = await audit.beginBulk(tx, { actor: { userId: input.userId, login: input.login }, action: `targets.tagBulk.${input.action}`, entity: 'target', entityId: `items:${input.itemIds.join(',')}` });
      for await (const rows of batches(input.filter)) {
        const tags = await tagsOf(tx, rows.map((r) => r.id));
        for (const row of rows) {
          const before = tags.get(row.id) ?? [];
          const after = input.action === 'add' ? [...new Set([...before, ...input.itemIds])] : before.filter((id) => !input.itemIds.includes(id));
          matched++;
          if (after.length === before.length) continue;
          if (input.action === 'add') {
            for (const itemId of input.itemIds) await tx.run('INSERT OR IGNORE INTO target_item_tags (target_id, item_id) VALUES (?, ?)', [row.id, itemId]);
          } else {
            await tx.run(`DELETE FROM target_item_tags WHERE target_id = ? AND item_id IN (${input.itemIds.map(() => '?').join(',')})`, [row.id, ...input.itemIds]);
          }
          await tx.run('UPDATE targets SET version = version + 1, updated_at = ? WHERE id = ?', [now, row.id]);
          await bulk.add(row.id, targetSnapshot({ ...row, version: row.version + 1 }, after));
          changed++;
        }
        await job.progress(matched, total, 'tagging', { persist: false });
      }
      await bulk.finish({ itemIds: input.itemIds, action: input.action, matched, changed });
    });
    return { changed, matched };
  }

  async function exportTargets(job: JobRunContext, outFile?: string): Promise<{ fileName: string; path: string; rows: number }> {
    const input = job.input as ExportInput;
    const total = await count(input.filter);
    const file = outFile ?? exportFilePath(exportsDir, '检查对象名录', input.format, clock.now());
    const bureauName = (id: number | null) => (id === null ? '' : bureaus.exists(id) ? bureaus.get(id).name : '');
    const cells = (r: TargetRow): string[] => {
      const values: Record<string, string> = {
        creditCode: r.creditCode ?? '', name: r.name, kind: SUBJECT_KIND_LABELS[r.kind as SubjectKind]?.replace(/（.*$/, '') ?? r.kind,
        identifier: r.identifier ?? '', description: r.description ?? '', legalRep: r.legalRep ?? '', address: r.address ?? '',
        registrationBureau: bureauName(r.registrationBureauId), territorialBureau: bureauName(r.territorialBureauId), industry: r.industry ?? '',
        riskLevel: r.riskLevel ? RISK_LEVEL_LABELS[r.riskLevel as RiskLevel] : '', creditClass: r.creditClass ?? '', regStatus: REG_STATUS_LABELS[r.regStatus as RegStatus] ?? r.regStatus,
      };
      return TARGET_IMPORT_COLUMNS.map((c) => values[c.key] ?? '');
    };
    const { rows } = await writeTableExport({
      file,
      format: input.format,
      sheetName: '检查对象名录',
      headers: TARGET_IMPORT_COLUMNS.map((c) => c.label),
      batches: rowsOf(batches(input.filter), cells),
      onProgress: (done) => job.progress(done, total, 'writing'),
    });
    return { fileName: path.basename(file), path: file, rows };
  }

  return { tagBulk, exportTargets };
}

export type TargetBulk = ReturnType<typeof createTargetBulk>;
