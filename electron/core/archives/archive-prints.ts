import fs from 'node:fs/promises';
import path from 'node:path';
import { FIXITY_CODE_LABELS, FIXITY_PROPERTIES, FIXITY_PROPERTY_LABELS } from '../../../shared/domain/archives/archives';
import { RETENTION_LABELS, type RetentionPeriod } from '../../../shared/domain/volumes/volumes';
import { AppError } from '../../../shared/errors/app-error';
import type { BureauService } from '../bureaus/bureau-service';
import type { Clock } from '../config';
import type { Database } from '../db/database';
import { createPdfBuilder } from '../documents/pdf-builder';
import { findVolume } from '../volumes/volume-repository';
import type { AssertAnyBureau } from '../volumes/volume-service';
import { boxLabelsPdf, spineLabelsPdf, type LabelVolume } from './labels-pdf';

type Deps = { db: Database; clock: Clock; bureaus: BureauService; fontBytes: () => Promise<Uint8Array>; exportsDir: string };

type PlacedRow = { volume_id: number; archive_no: string; year: number; retention: RetentionPeriod; custody_bureau_id: number; title: string; room: string | null; cabinet: string | null; shelf: string | null; box: string | null };

const PLACED = `SELECT a.volume_id, a.archive_no, a.year, a.retention, a.custody_bureau_id, v.title, l.room, l.cabinet, l.shelf, l.box
  FROM volume_archives a JOIN volumes v ON v.id = a.volume_id
  LEFT JOIN volume_locations l ON l.id = (SELECT max(x.id) FROM volume_locations x WHERE x.volume_id = a.volume_id)`;

const label = (r: PlacedRow): LabelVolume => ({ archiveNo: r.archive_no, year: r.year, retentionLabel: RETENTION_LABELS[r.retention], title: r.title, box: r.box });
const place = (r: PlacedRow) => [r.room, r.cabinet && `${r.cabinet} 柜`, r.shelf && `${r.shelf} 架`, r.box && `${r.box} 盒`].filter(Boolean).join(' · ');
const safe = (s: string) => s.replace(/[\\/:*?"<>|]/g, '_');
/** 2026-03-02T09:00:00Z → 2026-03-02 17:00 (Beijing). */
const beijingTime = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Printed outputs of the archive that are made on request: labels for boxes and spines, the four-property check report. */
export function createArchivePrints({ db, clock, bureaus, fontBytes, exportsDir }: Deps) {
  async function write(fileName: string, bytes: Uint8Array) {
    await fs.mkdir(exportsDir, { recursive: true });
    await fs.writeFile(path.join(exportsDir, fileName), bytes);
    return fileName;
  }

  /** 'spine': this volume's spine label; 'box': the box cover listing every volume now in its box, and their spine labels. */
  async function printLabels(input: { volumeId: number; kind: 'spine' | 'box' }, access: AssertAnyBureau) {
    const volume = await findVolume(db, input.volumeId);
    access([volume.custody_bureau_id, volume.inspecting_bureau_id]);
    const row = await db.get<PlacedRow>(`${PLACED} WHERE a.volume_id = ?`, [input.volumeId]);
    if (!row) throw new AppError('ARCHIVE_STATE_INVALID', { id: input.volumeId, status: volume.status });
    const fondsName = bureaus.get(row.custody_bureau_id).name;
    if (input.kind === 'spine') {
      const bytes = await spineLabelsPdf(fondsName, [label(row)], await fontBytes(), clock.now());
      return { fileName: await write(`卷脊标签-${safe(row.archive_no)}.pdf`, bytes), volumes: 1 };
    }
    if (row.box === null) throw new AppError('ARCHIVE_LOCATION_MISSING', { id: input.volumeId });
    const inBox = await db.all<PlacedRow>(
      `${PLACED} WHERE a.custody_bureau_id = ? AND l.room = ? AND l.cabinet = ? AND l.shelf = ? AND l.box = ? ORDER BY a.year, a.archive_no`,
      [row.custody_bureau_id, row.room, row.cabinet, row.shelf, row.box],
    );
    const bytes = await boxLabelsPdf({ fondsName, place: place(row), box: row.box, volumes: inBox.map(label) }, await fontBytes(), clock.now());
    return { fileName: await write(`档案盒标签-${safe(place(row))}.pdf`, bytes), volumes: inBox.length };
  }

  /** 四性检测报告 of a finished run: header, a conclusion per property, each volume's failed items. */
  async function fixityReport(runId: number, assertBureaus: (ids: number[]) => void) {
    const run = await db.get<{ id: number; volume_id: number | null; bureau_ids: string; state: string; ok: number | null; checked: number; pages: number; started_at: string; finished_at: string | null; scheduled: number; started_by_name: string | null }>(
      'SELECT r.*, u.display_name AS started_by_name FROM fixity_runs r LEFT JOIN users u ON u.id = r.started_by WHERE r.id = ?',
      [runId],
    );
    if (!run) throw new AppError('NOT_FOUND', { entity: 'fixity_run', id: runId });
    const bureauIds = JSON.parse(run.bureau_ids) as number[];
    assertBureaus(bureauIds);
    if (run.state !== 'finished') throw new AppError('ARCHIVE_RUN_UNFINISHED', { id: runId });
    const failures = await db.all<{ volume_id: number | null; property: (typeof FIXITY_PROPERTIES)[number]; code: keyof typeof FIXITY_CODE_LABELS; item: string; detail: string }>(
      'SELECT volume_id, property, code, item, detail FROM fixity_failures WHERE run_id = ? ORDER BY volume_id IS NOT NULL, volume_id, id',
      [runId],
    );
    const volumeIds = [...new Set(failures.map((f) => f.volume_id).filter((v): v is number => v !== null))];
    const names = new Map(
      (await db.all<{ id: number; title: string; archive_no: string | null }>(`SELECT v.id, v.title, a.archive_no FROM volumes v LEFT JOIN volume_archives a ON a.volume_id = v.id WHERE v.id IN (SELECT value FROM json_each(?))`, [JSON.stringify([...volumeIds, run.volume_id ?? 0])])).map((r) => [r.id, r]),
    );
    const volumeName = (id: number) => {
      const v = names.get(id);
      return v ? `${v.archive_no ? `${v.archive_no} ` : ''}${v.title}` : `专卷 #${id}`;
    };
    const bureauNames = bureauIds.map((id) => bureaus.get(id).name);
    const unit = run.volume_id === null ? bureauNames[0] ?? '' : bureaus.get(bureauIds[0] as number).name;

    const pdf = await createPdfBuilder({ fontBytes: await fontBytes(), title: `四性检测报告 第 ${run.id} 号`, keywords: ['四性检测', 'DA/T 70-2018'], creationDate: clock.now() });
    pdf.heading('电子档案四性检测报告', { size: 18 });
    pdf.spacer(12);
    pdf.keyValueTable(
      [
        ['检测单位', unit],
        ['检测编号', `第 ${run.id} 号`],
        ['检测范围', run.volume_id === null ? `全部已装订专卷（${bureauNames.join('、')}）` : volumeName(run.volume_id)],
        ['检测依据', 'DA/T 70-2018《文书类电子档案检测一般要求》：真实性、完整性、可用性、安全性'],
        ['检测时间', `${beijingTime(run.started_at)} — ${run.finished_at ? beijingTime(run.finished_at) : ''}`],
        ['检测人', run.scheduled === 1 ? '系统（定期检测）' : (run.started_by_name ?? '系统')],
        ['检测对象', `${run.checked} 卷，${run.pages} 页`],
        ['结论', run.ok === 1 ? '通过' : `未通过（${failures.length} 项问题）`],
      ],
      { labelWidth: 90, size: 10.5 },
    );
    pdf.spacer(14);
    pdf.heading('四性检测结论', { size: 13, align: 'left' });
    pdf.spacer(6);
    pdf.table({
      columns: [{ title: '检测项目', width: 0.3 }, { title: '结论', width: 0.3, align: 'center' }, { title: '未通过项数', width: 0.4, align: 'center' }],
      rows: FIXITY_PROPERTIES.map((p) => {
        const n = failures.filter((f) => f.property === p).length;
        return [FIXITY_PROPERTY_LABELS[p], n === 0 ? '通过' : '未通过', String(n)];
      }),
      size: 10,
    });
    const groups = [null, ...volumeIds].map((id) => ({ id, list: failures.filter((f) => f.volume_id === id) })).filter((g) => g.list.length > 0);
    if (groups.length > 0) {
      pdf.spacer(14);
      pdf.heading('未通过的项目', { size: 13, align: 'left' });
      for (const g of groups) {
        pdf.spacer(8);
        pdf.paragraph(g.id === null ? '系统（审计日志等）' : volumeName(g.id), { size: 11 });
        pdf.spacer(4);
        pdf.table({
          columns: [{ title: '性质', width: 44, align: 'center' }, { title: '问题', width: 0.35 }, { title: '对象', width: 0.2 }, { title: '说明', width: 0.45 }],
          rows: g.list.map((f) => [FIXITY_PROPERTY_LABELS[f.property], FIXITY_CODE_LABELS[f.code], f.item, f.detail]),
          size: 9,
        });
      }
    }
    return { fileName: await write(`四性检测报告-${run.id}.pdf`, await pdf.finish()) };
  }

  return { printLabels, fixityReport };
}

export type ArchivePrints = ReturnType<typeof createArchivePrints>;
