import path from 'node:path';
import { GENDER_LABELS, INSPECTOR_STATUS_LABELS, type Gender, type InspectorStatus } from '../../../shared/domain/inspectors';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock } from '../config';
import type { Database } from '../db/database';
import { batchesByIds, exportFilePath, rowsOf, writeTableExport, type TableFormat } from '../exports/table-export';
import type { JobRunContext } from '../jobs/job-service';
import type { InspectorDbRow } from './inspector-entities';
import { INSPECTOR_COLUMNS } from './inspector-import';
import { inspectorIdsForExport, inspectorsByIds, type InspectorSelection } from './inspector-repository';

type Deps = { db: Database; clock: Clock; bureaus: Pick<BureauService, 'exists' | 'get'>; exportsDir: string };

/** The job input of 'inspectors.export': the directory filters (bureaus resolved by the handler) and the format. */
export type InspectorExportInput = { filter: InspectorSelection; format: TableFormat };

const NAME = '执法检查人员名录';

/**
 * The filtered 执法检查人员名录 as a file in exports/ with the import's columns (所属单位 by full name,
 * dates YYYY-MM-DD, 是/否, 在岗/离岗, lists joined with 、), so it can be edited and imported again.
 */
export function createInspectorExport({ db, clock, bureaus, exportsDir }: Deps) {
  const bureauName = (id: number) => (bureaus.exists(id) ? bureaus.get(id).name : '');

  /** One inspector as the import reads it. */
  function cells(r: InspectorDbRow): string[] {
    const values: Record<string, string> = {
      name: r.name,
      bureau: bureauName(r.bureauId),
      certNo: r.certNo ?? '',
      certValidFrom: r.certValidFrom ?? '',
      certValidTo: r.certValidTo ?? '',
      qualified: r.enforcementQualified === 1 ? '是' : '否',
      businessLines: (JSON.parse(r.businessLines) as string[]).join('、'),
      expertise: (JSON.parse(r.expertise) as string[]).join('、'),
      region: r.region ?? '',
      phone: r.phone ?? '',
      gender: r.gender ? (GENDER_LABELS[r.gender as Gender] ?? r.gender) : '',
      status: INSPECTOR_STATUS_LABELS[r.status as InspectorStatus] ?? r.status,
      idSuffix: r.idSuffix ?? '',
    };
    return INSPECTOR_COLUMNS.map((c) => values[c.key] ?? '');
  }

  async function run(job: JobRunContext, outFile?: string): Promise<{ fileName: string; path: string; rows: number }> {
    const input = job.input as InspectorExportInput;
    const ids = await inspectorIdsForExport(db, input.filter);
    const file = outFile ?? exportFilePath(exportsDir, NAME, input.format, clock.now());
    const { rows } = await writeTableExport({
      file,
      format: input.format,
      sheetName: NAME,
      headers: INSPECTOR_COLUMNS.map((c) => c.label),
      batches: rowsOf(batchesByIds(ids, (chunk) => inspectorsByIds(db, chunk)), cells),
      onProgress: (done) => job.progress(done, ids.length, 'writing'),
    });
    return { fileName: path.basename(file), path: file, rows };
  }

  return { run };
}

export type InspectorExport = ReturnType<typeof createInspectorExport>;
