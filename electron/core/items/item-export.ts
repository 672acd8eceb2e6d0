import path from 'node:path';
import { CUSTODY_RULE_LABELS, INSPECTION_METHOD_LABELS, ITEM_CLASS_LABELS, ITEM_LEVEL_LABELS, normaliseBusinessLine, type CustodyRule, type InspectionMethod, type ItemClass, type ItemLevel } from '../../../shared/domain/items';
import type { Clock } from '../config';
import type { Database } from '../db/database';
import { batchesByIds, exportFilePath, rowsOf, writeTableExport, type TableFormat } from '../exports/table-export';
import type { JobRunContext } from '../jobs/job-service';
import type { ItemRow } from './item-entity';
import { ITEM_IMPORT_COLUMNS } from './item-import';
import { itemIdsInListOrder, itemsByIds, type ItemSelection } from './item-repository';

type Deps = { db: Database; clock: Clock; exportsDir: string };

/** The job input of 'items.export': the list filters (bureaus resolved by the handler) and the format. */
export type ItemExportInput = { filter: ItemSelection; format: TableFormat };

const NAME = '随机抽查事项清单';

/** One item as the import reads it: labels, not codes (一般检查事项, 市级, 属地, methods joined with 、). */
export function itemExportCells(r: ItemRow): string[] {
  const methods = (JSON.parse(r.methods) as InspectionMethod[]).map((m) => INSPECTION_METHOD_LABELS[m] ?? m);
  const values: Record<string, string> = {
    seq: r.seq === null ? '' : String(r.seq),
    code: r.code,
    category: r.category,
    name: r.name,
    targetScope: r.targetScope ?? '',
    itemClass: ITEM_CLASS_LABELS[r.itemClass as ItemClass] ?? r.itemClass,
    methods: methods.join('、'),
    subject: r.subject ?? '',
    basis: r.basis ?? '',
    content: r.content ?? '',
    ratioNote: r.ratioNote ?? '',
    businessLine: r.businessLine,
    level: ITEM_LEVEL_LABELS[r.level as ItemLevel] ?? r.level,
    custodyRule: CUSTODY_RULE_LABELS[r.custodyRule as CustodyRule] ?? r.custodyRule,
    remark: r.remark ?? '',
  };
  return ITEM_IMPORT_COLUMNS.map((c) => values[c.key] ?? '');
}

/**
 * The filtered item list as a file in exports/ with the import's columns, so it can be edited and
 * imported again. The import is per bureau and retires what a file leaves out of a list it touches:
 * an export meant for re-import should hold whole lists of one bureau.
 */
export function createItemExport({ db, clock, exportsDir }: Deps) {
  async function run(job: JobRunContext, outFile?: string): Promise<{ fileName: string; path: string; rows: number }> {
    const input = job.input as ItemExportInput;
    const filter = input.filter.businessLine ? { ...input.filter, businessLine: normaliseBusinessLine(input.filter.businessLine) } : input.filter;
    const ids = await itemIdsInListOrder(db, filter);
    const file = outFile ?? exportFilePath(exportsDir, NAME, input.format, clock.now());
    const { rows } = await writeTableExport({
      file,
      format: input.format,
      sheetName: NAME,
      headers: ITEM_IMPORT_COLUMNS.map((c) => c.label),
      batches: rowsOf(batchesByIds(ids, (chunk) => itemsByIds(db, chunk)), itemExportCells),
      onProgress: (done) => job.progress(done, ids.length, 'writing'),
    });
    return { fileName: path.basename(file), path: file, rows };
  }
  return { run };
}

export type ItemExport = ReturnType<typeof createItemExport>;
