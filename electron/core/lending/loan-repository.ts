import type { LoanDto } from '../../../shared/contract';
import { givesCopy, isOverdue, loanState, type LoanForm, type LoanPurpose, type LoanState, type LoanStatus } from '../../../shared/domain/lending/lending';
import { AppError } from '../../../shared/errors/app-error';
import type { Database, Tx } from '../db/database';

/** SQL for loans (借阅); services get DTOs, never rows. States that depend on today are derived here from `today`. */

export type LoanRow = {
  id: number; volume_id: number; custody_bureau_id: number; form: LoanForm; borrower_user_id: number | null; borrower_name: string; borrower_unit: string | null;
  purpose: LoanPurpose; purpose_note: string | null; days: number; due_on: string | null; status: LoanStatus;
  requested_by: number | null; requested_at: string; decided_by: number | null; decided_at: string | null; decision_note: string | null;
  out_by: number | null; out_at: string | null; returned_by: number | null; returned_at: string | null; return_condition: string | null; version: number;
};
type LoanNamedRow = LoanRow & {
  volume_title: string; archive_no: string; custody_bureau_name: string;
  requested_by_name: string | null; decided_by_name: string | null; out_by_name: string | null; returned_by_name: string | null;
};

const LOAN_SELECT = `SELECT l.*, v.title AS volume_title, a.archive_no, b.name AS custody_bureau_name,
  ru.display_name AS requested_by_name, du.display_name AS decided_by_name, ou.display_name AS out_by_name, tu.display_name AS returned_by_name
  FROM loans l JOIN volumes v ON v.id = l.volume_id JOIN volume_archives a ON a.volume_id = l.volume_id JOIN bureaus b ON b.id = l.custody_bureau_id
  LEFT JOIN users ru ON ru.id = l.requested_by LEFT JOIN users du ON du.id = l.decided_by
  LEFT JOIN users ou ON ou.id = l.out_by LEFT JOIN users tu ON tu.id = l.returned_by`;

function loanDto(r: LoanNamedRow, today: string): LoanDto {
  return {
    id: r.id, volumeId: r.volume_id, volumeTitle: r.volume_title, archiveNo: r.archive_no, custodyBureauId: r.custody_bureau_id, custodyBureauName: r.custody_bureau_name,
    form: r.form, borrowerUserId: r.borrower_user_id, borrowerName: r.borrower_name, borrowerUnit: r.borrower_unit, purpose: r.purpose, purposeNote: r.purpose_note,
    days: r.days, dueOn: r.due_on, status: r.status, state: loanState(r.status, r.form, r.due_on, today), overdue: isOverdue(r.status, r.due_on, today),
    copyAvailable: givesCopy(r.status, r.form, r.due_on, today),
    requestedBy: r.requested_by, requestedByName: r.requested_by_name, requestedAt: r.requested_at,
    decidedBy: r.decided_by, decidedByName: r.decided_by_name, decidedAt: r.decided_at, decisionNote: r.decision_note,
    outAt: r.out_at, outByName: r.out_by_name, returnedAt: r.returned_at, returnedByName: r.returned_by_name, returnCondition: r.return_condition, version: r.version,
  };
}

export async function findLoanRow(tx: Database | Tx, id: number): Promise<LoanRow> {
  const row = await tx.get<LoanRow>('SELECT * FROM loans WHERE id = ?', [id]);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'loan', id });
  return row;
}

export async function findLoan(tx: Database | Tx, id: number, today: string): Promise<LoanDto> {
  const row = await tx.get<LoanNamedRow>(`${LOAN_SELECT} WHERE l.id = ?`, [id]);
  if (!row) throw new AppError('NOT_FOUND', { entity: 'loan', id });
  return loanDto(row, today);
}

/** SQL for a derived state (mirrors loanState in shared/domain/lending). */
const STATE_SQL = `CASE WHEN l.status = 'approved' AND l.form = 'electronic' AND l.due_on < @today THEN 'expired' ELSE l.status END`;

export type LoanFilter = {
  /** Loans of volumes kept by these bureaus … */
  custodyBureauIds: number[];
  /** … plus (or, when custodyBureauIds is empty, only) the loans of this borrower. */
  ownUserId: number | null;
  states?: LoanState[]; overdue?: boolean; volumeId?: number; borrowerUserId?: number; page: number; pageSize: number;
};

export async function listLoans(db: Database, f: LoanFilter, today: string): Promise<{ items: LoanDto[]; total: number }> {
  const where = ['(l.custody_bureau_id IN (SELECT value FROM json_each(?)) OR l.borrower_user_id IS ?)'];
  const params: unknown[] = [JSON.stringify(f.custodyBureauIds), f.ownUserId ?? -1];
  const stateSql = STATE_SQL.replace('@today', '?');
  if (f.states && f.states.length > 0) {
    where.push(`${stateSql} IN (SELECT value FROM json_each(?))`);
    params.push(today, JSON.stringify(f.states));
  }
  if (f.overdue !== undefined) {
    where.push(f.overdue ? `(l.status = 'out' AND l.due_on < ?)` : `NOT (l.status = 'out' AND l.due_on < ?)`);
    params.push(today);
  }
  if (f.volumeId !== undefined) {
    where.push('l.volume_id = ?');
    params.push(f.volumeId);
  }
  if (f.borrowerUserId !== undefined) {
    where.push('l.borrower_user_id = ?');
    params.push(f.borrowerUserId);
  }
  const clause = where.join(' AND ');
  const total = (await db.get<{ n: number }>(`SELECT count(*) AS n FROM loans l WHERE ${clause}`, params))?.n ?? 0;
  const rows = await db.all<LoanNamedRow>(`${LOAN_SELECT} WHERE ${clause} ORDER BY l.id DESC LIMIT ? OFFSET ?`, [...params, f.pageSize, (f.page - 1) * f.pageSize]);
  return { items: rows.map((r) => loanDto(r, today)), total };
}

/** As audited: the whole row. */
export const loanSnapshot = async (tx: Database | Tx, id: number): Promise<object> => {
  const { id: _id, ...rest } = await findLoanRow(tx, id);
  return rest;
};

export async function loadLoanSnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<LoanRow>('SELECT * FROM loans')).map(({ id, ...rest }) => [String(id), rest]));
}
