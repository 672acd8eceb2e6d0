import { MASKED_TEXT, type DocumentField } from '../../../shared/domain/documents/doc-fields';
import { RESULT_CATEGORIES, RESULT_CATEGORY_LABELS, RESULT_NEEDS_FOLLOW_UP, type ResultCategory } from '../../../shared/domain/inspections/inspections';
import { AppError } from '../../../shared/errors/app-error';
import type { Database, Tx } from '../db/database';

type Db = Database | Tx;

/** What a 责令改正通知书 prints beyond the inspection's facts: the order itself and the problems found. */
export type CorrectionFacts = {
  id: number;
  version: number;
  /** 责令改正的内容 */
  content: string;
  issuedOn: string;
  /** 改正期限 */
  deadlineOn: string;
  /** 发现的问题: one line per item with a finding, else the problem categories of the result. */
  problems: string[];
  /** When the inspection took place (inspections.started_on / ended_on), as far as recorded. */
  inspectedFrom: string | null;
  inspectedTo: string | null;
};

/**
 * The correction order `correctionId` of `inspectionId`. NOT_FOUND when there is none, or when it belongs
 * to another inspection (an order is never printed under another party's name).
 */
export async function loadCorrectionFacts(db: Db, inspectionId: number, correctionId: number): Promise<CorrectionFacts> {
  const row = await db.get<{ id: number; inspection_id: number; content: string; issued_on: string; deadline_on: string; version: number }>(
    'SELECT id, inspection_id, content, issued_on, deadline_on, version FROM correction_orders WHERE id = ?',
    [correctionId],
  );
  if (!row || row.inspection_id !== inspectionId) throw new AppError('NOT_FOUND', { entity: 'correction', id: correctionId, inspectionId });
  const findings = await db.all<{ name: string; finding: string }>(
    `SELECT i.name, r.finding FROM inspection_item_results r JOIN items i ON i.id = r.item_id
     WHERE r.inspection_id = ? AND r.checked = 1 AND length(trim(coalesce(r.finding, ''))) > 0 ORDER BY i.business_line, i.seq, i.id`,
    [inspectionId],
  );
  let problems = findings.map((f) => `${f.name}：${f.finding.trim()}`);
  if (problems.length === 0) {
    // No per-item finding recorded: the result's problem categories still say what was wrong.
    const result = await db.get<{ categories: string }>('SELECT categories FROM inspection_results WHERE inspection_id = ?', [inspectionId]);
    const categories = (result ? (JSON.parse(result.categories) as string[]) : []).filter((c): c is ResultCategory => (RESULT_CATEGORIES as readonly string[]).includes(c));
    problems = categories.filter((c) => RESULT_NEEDS_FOLLOW_UP[c] || c === 'corrected').map((c) => RESULT_CATEGORY_LABELS[c]);
  }
  const when = await db.get<{ started_on: string | null; ended_on: string | null }>('SELECT started_on, ended_on FROM inspections WHERE id = ?', [inspectionId]);
  return {
    id: row.id, version: row.version, content: row.content, issuedOn: row.issued_on, deadlineOn: row.deadline_on, problems,
    inspectedFrom: when?.started_on ?? when?.ended_on ?? null, inspectedTo: when?.ended_on ?? null,
  };
}

/** The order with the given fields masked, for a public copy. */
export function maskCorrectionFacts(order: CorrectionFacts, fields: ReadonlySet<DocumentField>): CorrectionFacts {
  return {
    ...order,
    content: fields.has('order_content') ? MASKED_TEXT : order.content,
    problems: fields.has('order_problems') && order.problems.length > 0 ? [MASKED_TEXT] : order.problems,
  };
}
