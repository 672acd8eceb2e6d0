import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lending (借阅) of archived volumes (issue 8 item 4).
 * - loans: one request for one archived volume. The borrower is a user (borrower_user_id) or, for a paper
 *   loan the clerk records at the counter, an outside person (borrower_name + borrower_unit, no user).
 *   form 'paper' (纸质借出: the original leaves the store) or 'electronic' (电子借阅: a watermarked copy).
 *   status: requested → approved | rejected; a paper loan then out (借出) → returned (归还). An approved
 *   electronic loan gives a copy up to and including due_on (a Beijing date) and expires after it; an out
 *   paper loan past due_on is overdue. Both are derived from due_on, not stored.
 *   The approver is never the borrower (CHECK below; the service refuses first with LENDING_SELF_APPROVAL).
 *   At most one paper loan of a volume is out at a time (the original exists once).
 *   Rows are never deleted; a decided request keeps its decision.
 * Views and exports of electronic copies are audit events (action lending.viewCopy / lending.exportCopy),
 * not rows here.
 */
export class CreateLending1700000000015 implements MigrationInterface {
  name = 'CreateLending1700000000015';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE loans (
        id INTEGER PRIMARY KEY,
        volume_id INTEGER NOT NULL REFERENCES volume_archives(volume_id),
        custody_bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
        form TEXT NOT NULL CHECK (form IN ('paper','electronic')),
        borrower_user_id INTEGER REFERENCES users(id),
        borrower_name TEXT NOT NULL CHECK (length(trim(borrower_name)) > 0),
        borrower_unit TEXT,
        purpose TEXT NOT NULL CHECK (purpose IN ('consult','copy','evidence','other')),
        purpose_note TEXT,
        days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 365),
        due_on TEXT CHECK (due_on IS NULL OR due_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        status TEXT NOT NULL DEFAULT 'requested' CHECK (status IN ('requested','approved','rejected','out','returned')),
        requested_by INTEGER REFERENCES users(id),
        requested_at TEXT NOT NULL,
        decided_by INTEGER REFERENCES users(id),
        decided_at TEXT,
        decision_note TEXT,
        out_by INTEGER REFERENCES users(id),
        out_at TEXT,
        returned_by INTEGER REFERENCES users(id),
        returned_at TEXT,
        return_condition TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (borrower_user_id IS NOT NULL OR form = 'paper'),
        CHECK ((status = 'requested') = (decided_at IS NULL)),
        CHECK (status IN ('requested','rejected') OR due_on IS NOT NULL),
        CHECK (decided_by IS NULL OR borrower_user_id IS NULL OR decided_by <> borrower_user_id),
        CHECK (form = 'paper' OR status NOT IN ('out','returned')),
        CHECK ((status IN ('out','returned')) = (out_at IS NOT NULL)),
        CHECK ((status = 'returned') = (returned_at IS NOT NULL)))`,
      `CREATE INDEX loans_volume ON loans(volume_id, id)`,
      `CREATE INDEX loans_borrower ON loans(borrower_user_id, id)`,
      `CREATE INDEX loans_status ON loans(custody_bureau_id, status, due_on)`,
      `CREATE UNIQUE INDEX loans_paper_out ON loans(volume_id) WHERE status = 'out'`,
      // Forward only: requested → approved/rejected, approved → out (paper), out → returned; who asked for what stays.
      `CREATE TRIGGER loans_forward_only BEFORE UPDATE ON loans
        WHEN NOT ((OLD.status = 'requested' AND NEW.status IN ('approved','rejected'))
               OR (OLD.status = 'approved' AND NEW.status = 'out')
               OR (OLD.status = 'out' AND NEW.status = 'returned'))
          OR NEW.volume_id IS NOT OLD.volume_id OR NEW.form IS NOT OLD.form OR NEW.borrower_user_id IS NOT OLD.borrower_user_id
          OR NEW.borrower_name IS NOT OLD.borrower_name OR NEW.purpose IS NOT OLD.purpose OR NEW.requested_by IS NOT OLD.requested_by
          OR NEW.requested_at IS NOT OLD.requested_at
        BEGIN SELECT RAISE(ABORT, 'loan only moves forward'); END`,
      `CREATE TRIGGER loans_no_delete BEFORE DELETE ON loans BEGIN SELECT RAISE(ABORT, 'loan is never deleted'); END`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS loans');
  }
}
