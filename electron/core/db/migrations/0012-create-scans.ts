import type { MigrationInterface, QueryRunner } from 'typeorm';

const DOC_TYPES = `('task_list','notice','service_proof','register','interview','evidence','order','recheck','publication','transfer','other')`;

/**
 * Scanning and OCR (issue 6): paper records become pages with recognised text, grouped into documents
 * that are filed into case volumes.
 * - scan_batches: one scanner run, upload, hot-folder pick-up or CLI import, owned by a bureau (search scope).
 * - scan_files: each incoming file, stored as received (a blob) even when it cannot be read, so nothing
 *   handed in is lost; a file that fails carries its error code and the batch goes on.
 * - scan_pages: one row per page, its image blob (the original JPEG bytes, a TIFF page as lossless PNG, the
 *   image embedded in an image-only PDF), or for a PDF page that already carries text the PDF itself with
 *   the page's index. The page's state moves pending → done | failed | separator in the same transaction
 *   that stores its text, so a killed job resumes without duplicating anything.
 * - page_texts: versions of a page's text. Version 1 is what OCR (or the PDF) gave, with the line and word
 *   layout; a correction is a new version, the original is never rewritten. Search uses the latest.
 * - scan_documents: pages grouped (by separator sheets or by hand) into a document of a volume; filing one
 *   creates a volume entry (volume_entries.scan_document_id) holding its searchable PDF.
 * - page_fts (trigram: ≥ 3 characters) and page_bigram (2 characters): the latest text of each page and
 *   its document's metadata, kept by the service in the transaction that changes them.
 * - volume_redactions.region (issue 7 item 5): a 不予公开 rectangle on one page of a scanned document, as
 *   fractions of the upright page {x0,y0,x1,y1}; a page may carry several, so the one-live-mark rule now
 *   covers document and page marks only.
 */
export class CreateScans1700000000012 implements MigrationInterface {
  name = 'CreateScans1700000000012';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE scan_batches (
        id INTEGER PRIMARY KEY,
        bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
        source TEXT NOT NULL CHECK (source IN ('upload','inbox','scanner','camera','cli')),
        label TEXT,
        -- File what the batch holds into this volume unless separator sheets say otherwise.
        volume_id INTEGER REFERENCES volumes(id),
        doc_type TEXT CHECK (doc_type IS NULL OR doc_type IN ${DOC_TYPES}),
        job_id INTEGER REFERENCES jobs(id),
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL)`,
      `CREATE TABLE scan_files (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES scan_batches(id),
        seq INTEGER NOT NULL CHECK (seq >= 1),
        original_name TEXT NOT NULL,
        blob_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
        media_type TEXT,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','split','failed')),
        page_count INTEGER,
        error_code TEXT,
        error_details TEXT,
        UNIQUE (batch_id, seq))`,
      `CREATE TABLE scan_documents (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES scan_batches(id),
        bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
        volume_id INTEGER REFERENCES volumes(id),
        doc_type TEXT NOT NULL DEFAULT 'other' CHECK (doc_type IN ${DOC_TYPES}),
        title TEXT,
        status TEXT NOT NULL DEFAULT 'inbox' CHECK (status IN ('inbox','filed','discarded')),
        entry_id INTEGER REFERENCES volume_entries(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK ((status = 'filed') = (entry_id IS NOT NULL)))`,
      `CREATE INDEX scan_documents_status ON scan_documents(status, bureau_id)`,
      `CREATE TABLE scan_pages (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES scan_batches(id),
        file_id INTEGER NOT NULL REFERENCES scan_files(id),
        file_page INTEGER NOT NULL CHECK (file_page >= 1),
        seq INTEGER NOT NULL,
        document_id INTEGER REFERENCES scan_documents(id),
        position INTEGER,
        image_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
        media_type TEXT NOT NULL CHECK (media_type IN ('image/jpeg','image/png','application/pdf')),
        width INTEGER,
        height INTEGER,
        dpi REAL,
        rotation INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0,90,180,270)),
        skew REAL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','done','failed','separator')),
        separator TEXT,
        text_source TEXT CHECK (text_source IS NULL OR text_source IN ('ocr','pdf')),
        mean_confidence REAL,
        flagged INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0,1)),
        error_code TEXT,
        error_details TEXT,
        UNIQUE (file_id, file_page))`,
      `CREATE INDEX scan_pages_batch ON scan_pages(batch_id, seq)`,
      `CREATE INDEX scan_pages_document ON scan_pages(document_id, position)`,
      `CREATE TABLE page_texts (
        id INTEGER PRIMARY KEY,
        page_id INTEGER NOT NULL REFERENCES scan_pages(id),
        version INTEGER NOT NULL CHECK (version >= 1),
        source TEXT NOT NULL CHECK (source IN ('ocr','pdf','correction')),
        text TEXT NOT NULL,
        layout TEXT,
        model TEXT,
        psm INTEGER,
        confidence REAL,
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        UNIQUE (page_id, version))`,
      // The OCR original and every correction are kept as they were.
      `CREATE TRIGGER page_texts_immutable_update BEFORE UPDATE ON page_texts BEGIN SELECT RAISE(ABORT, 'page text version is immutable'); END`,
      `CREATE TRIGGER page_texts_immutable_delete BEFORE DELETE ON page_texts BEGIN SELECT RAISE(ABORT, 'page text version is immutable'); END`,
      `CREATE VIRTUAL TABLE page_fts USING fts5(body, meta, tokenize='trigram')`,
      `CREATE VIRTUAL TABLE page_bigram USING fts5(body_bigrams, tokenize='unicode61', detail=none, columnsize=0)`,
      `ALTER TABLE volume_entries ADD COLUMN scan_document_id INTEGER REFERENCES scan_documents(id)`,
      `ALTER TABLE volume_redactions ADD COLUMN region TEXT`,
      `DROP INDEX volume_redactions_live`,
      `CREATE UNIQUE INDEX volume_redactions_live ON volume_redactions(entry_id, coalesce(page_index, -1)) WHERE lifted_at IS NULL AND region IS NULL`,
      `CREATE TRIGGER volume_redactions_region_page BEFORE INSERT ON volume_redactions WHEN NEW.region IS NOT NULL AND NEW.page_index IS NULL
        BEGIN SELECT RAISE(ABORT, 'a region mark belongs to one page'); END`,
      `DROP TRIGGER volume_redactions_frozen`,
      `CREATE TRIGGER volume_redactions_frozen BEFORE UPDATE ON volume_redactions
        WHEN OLD.lifted_at IS NOT NULL OR NEW.entry_id IS NOT OLD.entry_id OR NEW.page_index IS NOT OLD.page_index OR NEW.reason IS NOT OLD.reason
          OR NEW.note IS NOT OLD.note OR NEW.marked_by IS NOT OLD.marked_by OR NEW.marked_at IS NOT OLD.marked_at OR NEW.region IS NOT OLD.region
        BEGIN SELECT RAISE(ABORT, 'volume redaction is immutable once lifted; only lifting changes it'); END`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER volume_redactions_region_page');
    await q.query('DROP INDEX volume_redactions_live');
    await q.query(`CREATE UNIQUE INDEX volume_redactions_live ON volume_redactions(entry_id, coalesce(page_index, -1)) WHERE lifted_at IS NULL`);
    await q.query('DROP TRIGGER volume_redactions_frozen');
    await q.query(`CREATE TRIGGER volume_redactions_frozen BEFORE UPDATE ON volume_redactions
        WHEN OLD.lifted_at IS NOT NULL OR NEW.entry_id IS NOT OLD.entry_id OR NEW.page_index IS NOT OLD.page_index OR NEW.reason IS NOT OLD.reason
          OR NEW.note IS NOT OLD.note OR NEW.marked_by IS NOT OLD.marked_by OR NEW.marked_at IS NOT OLD.marked_at
        BEGIN SELECT RAISE(ABORT, 'volume redaction is immutable once lifted; only lifting changes it'); END`);
    await q.query('ALTER TABLE volume_redactions DROP COLUMN region');
    await q.query('ALTER TABLE volume_entries DROP COLUMN scan_document_id');
    for (const table of ['page_bigram', 'page_fts', 'page_texts', 'scan_pages', 'scan_documents', 'scan_files', 'scan_batches']) await q.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
