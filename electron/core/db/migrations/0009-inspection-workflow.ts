import type { MigrationInterface, QueryRunner } from 'typeorm';

const NON_PUBLIC = `('state_secret','trade_secret','privacy')`;

/**
 * The inspection after the draw (issue 5): methods and dates, member changes with a reason, the signing
 * status of the 登记表, one result set per inspection with per-item results, the reviews (谁复核、谁负责),
 * correction orders and their follow-up (Art. 17), and publication (Art. 16). Reviews and member changes
 * are records of what happened: never rewritten. The documents tables are rebuilt to admit a third kind,
 * the 责令改正通知书 ('order'): SQLite cannot change a CHECK in place.
 */
export class InspectionWorkflow1700000000009 implements MigrationInterface {
  name = 'InspectionWorkflow1700000000009';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE inspections ADD COLUMN methods TEXT NOT NULL DEFAULT '[]'`,
      `ALTER TABLE inspections ADD COLUMN planned_start TEXT`,
      `ALTER TABLE inspections ADD COLUMN planned_end TEXT`,
      `ALTER TABLE inspections ADD COLUMN started_on TEXT`,
      `ALTER TABLE inspections ADD COLUMN ended_on TEXT`,
      `ALTER TABLE inspections ADD COLUMN reuse_note TEXT`,
      `ALTER TABLE inspections ADD COLUMN follow_up_status TEXT NOT NULL DEFAULT 'none' CHECK (follow_up_status IN ('none','open','closed'))`,
      `ALTER TABLE inspections ADD COLUMN follow_up_closed_on TEXT`,
      `ALTER TABLE inspections ADD COLUMN follow_up_note TEXT`,
      `CREATE INDEX inspections_follow_up ON inspections(inspecting_bureau_id, follow_up_status)`,

      `CREATE TABLE inspection_member_changes (
        id INTEGER PRIMARY KEY,
        inspection_id INTEGER NOT NULL REFERENCES inspections(id),
        before_json TEXT NOT NULL,
        after_json TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        changed_by INTEGER REFERENCES users(id),
        changed_at TEXT NOT NULL)`,
      `CREATE INDEX inspection_member_changes_inspection ON inspection_member_changes(inspection_id, id)`,

      `CREATE TABLE inspection_signings (
        inspection_id INTEGER PRIMARY KEY REFERENCES inspections(id),
        status TEXT NOT NULL CHECK (status IN ('signed','refused','absent')),
        reason TEXT,
        witness_name TEXT,
        witness_id_no TEXT,
        scan_document_id INTEGER,
        recorded_by INTEGER REFERENCES users(id),
        recorded_at TEXT NOT NULL,
        CHECK (status = 'signed' OR (length(trim(coalesce(reason,''))) > 0 AND length(trim(coalesce(witness_name,''))) > 0 AND length(trim(coalesce(witness_id_no,''))) > 0)))`,

      `CREATE TABLE inspection_results (
        inspection_id INTEGER PRIMARY KEY REFERENCES inspections(id),
        categories TEXT NOT NULL DEFAULT '[]',
        measures TEXT NOT NULL DEFAULT '[]',
        measure_other TEXT,
        summary TEXT,
        remark TEXT,
        remark_non_public TEXT CHECK (remark_non_public IN ${NON_PUBLIC}),
        non_public TEXT CHECK (non_public IN ${NON_PUBLIC}),
        non_public_note TEXT,
        entered_by INTEGER REFERENCES users(id),
        entered_at TEXT,
        submitted_at TEXT,
        formed_on TEXT)`,
      `CREATE INDEX inspection_results_formed ON inspection_results(formed_on)`,
      `CREATE TABLE inspection_item_results (
        inspection_id INTEGER NOT NULL REFERENCES inspections(id),
        item_id INTEGER NOT NULL REFERENCES items(id),
        checked INTEGER NOT NULL CHECK (checked IN (0,1)),
        finding TEXT,
        handling TEXT,
        PRIMARY KEY (inspection_id, item_id)) WITHOUT ROWID`,

      `CREATE TABLE inspection_reviews (
        id INTEGER PRIMARY KEY,
        inspection_id INTEGER NOT NULL REFERENCES inspections(id),
        decision TEXT NOT NULL CHECK (decision IN ('approve','return')),
        comment TEXT,
        reviewer_id INTEGER NOT NULL REFERENCES users(id),
        entered_by INTEGER REFERENCES users(id),
        reviewed_at TEXT NOT NULL,
        CHECK (entered_by IS NULL OR entered_by <> reviewer_id))`,
      `CREATE INDEX inspection_reviews_inspection ON inspection_reviews(inspection_id, id)`,

      `CREATE TABLE publications (
        inspection_id INTEGER PRIMARY KEY REFERENCES inspections(id),
        published_on TEXT NOT NULL,
        platforms TEXT NOT NULL,
        published_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL)`,
      `CREATE INDEX publications_date ON publications(published_on)`,

      // Documents: rebuilt with 'order' admitted (same columns, index and immutability triggers).
      `ALTER TABLE documents RENAME TO documents_0008`,
      `DROP TRIGGER IF EXISTS documents_immutable_update`,
      `DROP TRIGGER IF EXISTS documents_immutable_delete`,
      `DROP INDEX IF EXISTS documents_volume`,
      `CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        inspection_id INTEGER NOT NULL REFERENCES inspections(id),
        volume_id INTEGER REFERENCES volumes(id),
        kind TEXT NOT NULL CHECK (kind IN ('notice','register','order')),
        version INTEGER NOT NULL CHECK (version >= 1),
        doc_no TEXT,
        title TEXT NOT NULL CHECK (length(title) > 0),
        responsible TEXT NOT NULL CHECK (length(responsible) > 0),
        doc_date TEXT NOT NULL,
        blob_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
        page_count INTEGER NOT NULL CHECK (page_count >= 1),
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        UNIQUE (inspection_id, kind, version))`,
      `INSERT INTO documents SELECT id, inspection_id, volume_id, kind, version, doc_no, title, responsible, doc_date, blob_sha256, page_count, created_by, created_at FROM documents_0008`,
      `DROP TABLE documents_0008`,
      `CREATE INDEX documents_volume ON documents(volume_id, kind, version)`,
      `CREATE TRIGGER documents_immutable_update BEFORE UPDATE ON documents BEGIN
        SELECT RAISE(ABORT, 'document is immutable');
      END`,
      `CREATE TRIGGER documents_immutable_delete BEFORE DELETE ON documents BEGIN
        SELECT RAISE(ABORT, 'document is immutable');
      END`,
      `ALTER TABLE doc_number_sequences RENAME TO doc_number_sequences_0008`,
      `CREATE TABLE doc_number_sequences (
        bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        kind TEXT NOT NULL CHECK (kind IN ('notice','register','order')),
        last_no INTEGER NOT NULL CHECK (last_no >= 1),
        PRIMARY KEY (bureau_id, year, kind)) WITHOUT ROWID`,
      `INSERT INTO doc_number_sequences SELECT bureau_id, year, kind, last_no FROM doc_number_sequences_0008`,
      `DROP TABLE doc_number_sequences_0008`,

      `CREATE TABLE correction_orders (
        id INTEGER PRIMARY KEY,
        inspection_id INTEGER NOT NULL REFERENCES inspections(id),
        content TEXT NOT NULL CHECK (length(content) > 0),
        issued_on TEXT NOT NULL,
        deadline_on TEXT NOT NULL CHECK (deadline_on >= issued_on),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','corrected','not_corrected','handed_over')),
        recheck_on TEXT,
        recheck_note TEXT,
        handed_to_bureau_id INTEGER REFERENCES bureaus(id),
        handed_on TEXT,
        handed_note TEXT,
        document_id INTEGER REFERENCES documents(id),
        published_on TEXT,
        created_by INTEGER REFERENCES users(id),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL)`,
      `CREATE INDEX correction_orders_inspection ON correction_orders(inspection_id, id)`,
      `CREATE INDEX correction_orders_open ON correction_orders(status, deadline_on)`,

      // Records of what happened are never rewritten.
      ...['inspection_reviews', 'inspection_member_changes'].flatMap((table) => [
        `CREATE TRIGGER ${table}_immutable_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is immutable'); END`,
        `CREATE TRIGGER ${table}_immutable_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is immutable'); END`,
      ]),
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['correction_orders', 'publications', 'inspection_reviews', 'inspection_item_results', 'inspection_results', 'inspection_signings', 'inspection_member_changes']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
