import { MASKED_TEXT, type DocumentField } from '../../../shared/domain/documents/doc-fields';
import { INSPECTION_METHOD_LABELS, INSPECTION_METHODS, type InspectionMethod } from '../../../shared/domain/items';
import { SUBJECT_KIND_LABELS, type SubjectKind } from '../../../shared/domain/targets';
import { AppError } from '../../../shared/errors/app-error';
import type { Database, Tx } from '../db/database';

type Db = Database | Tx;

/**
 * 任务编号 as printed on the 告知书 and in the publicity file. Tasks carry no official code yet; year +
 * task id is unique and matches `casebinder draw run --task ID`.
 */
export const taskNumber = (year: number, taskId: number): string => `${year}-${String(taskId).padStart(4, '0')}`;

/** Everything a generated inspection document prints, read in one place so both forms agree. */
export type InspectionFacts = {
  inspectionId: number;
  volumeId: number | null;
  year: number;
  bureau: { id: number; name: string; shortName: string };
  target: { name: string; code: string; kindLabel: string; address: string | null; legalRep: string | null };
  task: { id: number; name: string; number: string; planTitle: string; windowFrom: string; windowTo: string };
  items: { name: string; basis: string | null; content: string | null }[];
  /** Labels of the planned methods (union over the task's items, in the standard order). */
  methods: string[];
  inspectors: { name: string; certNo: string | null }[];
  experts: string[];
};

/** The inspection with its target, task, items and matched people; NOT_FOUND when it does not exist. */
export async function loadInspectionFacts(db: Db, inspectionId: number): Promise<InspectionFacts> {
  const row = await db.get<{
    id: number; task_id: number; year: number; bureau_id: number; bureau_name: string; short_name: string;
    target_kind: string; target_name: string; code: string | null; address: string | null; legal_rep: string | null;
    task_name: string; batch_no: number; window_from: string; window_to: string; plan_id: number; plan_title: string; volume_id: number | null;
  }>(
    `SELECT i.id, i.task_id, i.year, b.id AS bureau_id, b.name AS bureau_name, b.short_name,
       t.kind AS target_kind, t.name AS target_name, coalesce(t.credit_code, t.identifier) AS code, t.address, t.legal_rep,
       k.name AS task_name, k.batch_no, k.window_from, k.window_to, p.id AS plan_id, p.title AS plan_title,
       (SELECT v.id FROM volumes v WHERE v.inspection_id = i.id OR (v.task_id = i.task_id AND v.target_id = i.target_id) ORDER BY v.id LIMIT 1) AS volume_id
     FROM inspections i JOIN bureaus b ON b.id = i.inspecting_bureau_id JOIN targets t ON t.id = i.target_id
       JOIN tasks k ON k.id = i.task_id JOIN plans p ON p.id = k.plan_id
     WHERE i.id = ?`,
    [inspectionId],
  );
  if (!row) throw new AppError('NOT_FOUND', { entity: 'inspection', id: inspectionId });
  const items = await db.all<{ name: string; basis: string | null; content: string | null; methods: string }>(
    `SELECT i.name, i.basis, i.content, i.methods FROM task_items ti JOIN items i ON i.id = ti.item_id WHERE ti.task_id = ? ORDER BY i.business_line, i.seq, i.id`,
    [row.task_id],
  );
  const members = await db.all<{ kind: 'inspector' | 'expert'; name: string | null; cert_no: string | null }>(
    `SELECT m.kind, coalesce(s.name, e.name) AS name, s.cert_no FROM inspection_members m
       LEFT JOIN inspectors s ON m.kind = 'inspector' AND s.id = m.member_id
       LEFT JOIN experts e ON m.kind = 'expert' AND e.id = m.member_id
     WHERE m.inspection_id = ? ORDER BY m.kind DESC, m.position`,
    [inspectionId],
  );
  const planned = new Set(items.flatMap((i) => JSON.parse(i.methods) as string[]));
  return {
    inspectionId: row.id,
    volumeId: row.volume_id,
    year: row.year,
    bureau: { id: row.bureau_id, name: row.bureau_name, shortName: row.short_name },
    target: {
      name: row.target_name,
      code: row.code ?? '',
      kindLabel: row.target_kind in SUBJECT_KIND_LABELS ? SUBJECT_KIND_LABELS[row.target_kind as SubjectKind] : row.target_kind,
      address: row.address,
      legalRep: row.legal_rep,
    },
    task: { id: row.task_id, name: row.task_name, number: taskNumber(row.year, row.task_id), planTitle: row.plan_title, windowFrom: row.window_from, windowTo: row.window_to },
    items: items.map(({ name, basis, content }) => ({ name, basis, content })),
    methods: INSPECTION_METHODS.filter((m: InspectionMethod) => planned.has(m)).map((m) => INSPECTION_METHOD_LABELS[m]),
    inspectors: members.filter((m) => m.kind === 'inspector').map((m) => ({ name: m.name ?? '?', certNo: m.cert_no })),
    experts: members.filter((m) => m.kind === 'expert').map((m) => m.name ?? '?'),
  };
}

/**
 * The facts with the given fields masked, for a public copy (what is not printed stays as it was; a field
 * left blank on the form stays blank — there is nothing to withhold).
 */
export function maskInspectionFacts(facts: InspectionFacts, fields: ReadonlySet<DocumentField>): InspectionFacts {
  const mask = (v: string | null) => (v === null || v.trim() === '' ? v : MASKED_TEXT);
  return {
    ...facts,
    target: {
      ...facts.target,
      legalRep: fields.has('legal_rep') ? mask(facts.target.legalRep) : facts.target.legalRep,
      address: fields.has('address') ? mask(facts.target.address) : facts.target.address,
    },
    inspectors: fields.has('inspector_cert') ? facts.inspectors.map((p) => ({ ...p, certNo: p.certNo === null ? null : MASKED_TEXT })) : facts.inspectors,
    experts: fields.has('experts') && facts.experts.length > 0 ? [MASKED_TEXT] : facts.experts,
  };
}
