import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Generated inspection documents (行政检查告知书, 行政检查登记表): every rendering is a new version stored as
 * a blob and attached to the target's case volume with its document metadata (文号, 责任者, 题名, 日期).
 * doc_number_sequences hands out 文号 per bureau, year and kind; it is advanced in the same transaction
 * that inserts the document, so numbers are gapless and never reused. Documents are never rewritten.
 */
export class CreateDocuments1700000000008 implements MigrationInterface {
  name = 'CreateDocuments1700000000008';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE doc_number_sequences (
        bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        kind TEXT NOT NULL CHECK (kind IN ('notice','register')),
        last_no INTEGER NOT NULL CHECK (last_no >= 1),
        PRIMARY KEY (bureau_id, year, kind)) WITHOUT ROWID`,
      `CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        inspection_id INTEGER NOT NULL REFERENCES inspections(id),
        volume_id INTEGER REFERENCES volumes(id),
        kind TEXT NOT NULL CHECK (kind IN ('notice','register')),
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
      `CREATE INDEX documents_volume ON documents(volume_id, kind, version)`,
      // A stored document is evidence: a correction is a new version, never an edit.
      `CREATE TRIGGER documents_immutable_update BEFORE UPDATE ON documents BEGIN
        SELECT RAISE(ABORT, 'document is immutable');
      END`,
      `CREATE TRIGGER documents_immutable_delete BEFORE DELETE ON documents BEGIN
        SELECT RAISE(ABORT, 'document is immutable');
      END`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['documents', 'doc_number_sequences']) await q.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
