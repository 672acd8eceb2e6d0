import type { MigrationInterface, QueryRunner } from 'typeorm';

const DOC_TYPES = `('task_list','notice','service_proof','register','interview','evidence','order','recheck','publication','transfer','other')`;

/**
 * What a case volume holds and what binding made of it (issue 7).
 * - volume_entries: the documents in a volume, generated (pointing at the latest version of a documents
 *   row of the volume's inspection, one entry per generated kind) or imported (a blob: PDF, JPEG or PNG),
 *   with their 目录 metadata. `position` is null until the user reorders; then every entry has one.
 * - volume_pages: per-page state, only for pages that differ from the default (rotated or excluded).
 *   Excluding a page never touches the stored file: the page is left out of the binding and listed in
 *   the 备考表.
 * - volume_bindings: every binding is a new version with its PDF blob and hash; never rewritten.
 */
export class CreateVolumeEntries1700000000010 implements MigrationInterface {
  name = 'CreateVolumeEntries1700000000010';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE volume_entries (
        id INTEGER PRIMARY KEY,
        volume_id INTEGER NOT NULL REFERENCES volumes(id),
        position INTEGER CHECK (position IS NULL OR position >= 1),
        source TEXT NOT NULL CHECK (source IN ('generated','imported')),
        generated_kind TEXT CHECK (generated_kind IN ('notice','register','order')),
        document_id INTEGER REFERENCES documents(id),
        -- A 责令改正通知书 belongs to one correction order: each order's notice is its own entry.
        correction_id INTEGER REFERENCES correction_orders(id),
        blob_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
        media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf','image/jpeg','image/png')),
        doc_type TEXT NOT NULL CHECK (doc_type IN ${DOC_TYPES}),
        doc_no TEXT,
        responsible TEXT,
        title TEXT,
        doc_date TEXT,
        remark TEXT,
        page_count INTEGER NOT NULL CHECK (page_count >= 1),
        original_name TEXT,
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK ((source = 'generated') = (document_id IS NOT NULL AND generated_kind IS NOT NULL)))`,
      `CREATE INDEX volume_entries_volume ON volume_entries(volume_id, position)`,
      `CREATE UNIQUE INDEX volume_entries_generated ON volume_entries(volume_id, generated_kind, coalesce(correction_id, 0)) WHERE generated_kind IS NOT NULL`,
      `CREATE TABLE volume_pages (
        entry_id INTEGER NOT NULL REFERENCES volume_entries(id),
        page_index INTEGER NOT NULL CHECK (page_index >= 0),
        rotation INTEGER NOT NULL DEFAULT 0 CHECK (rotation IN (0,90,180,270)),
        excluded INTEGER NOT NULL DEFAULT 0 CHECK (excluded IN (0,1)),
        reason TEXT,
        updated_by INTEGER REFERENCES users(id),
        updated_at TEXT NOT NULL,
        CHECK (excluded = 0 OR length(trim(coalesce(reason,''))) > 0),
        PRIMARY KEY (entry_id, page_index)) WITHOUT ROWID`,
      `CREATE TABLE volume_bindings (
        id INTEGER PRIMARY KEY,
        volume_id INTEGER NOT NULL REFERENCES volumes(id),
        version INTEGER NOT NULL CHECK (version >= 1),
        blob_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        pages INTEGER NOT NULL CHECK (pages >= 1),
        content_pages INTEGER NOT NULL,
        incomplete_reason TEXT,
        manifest TEXT NOT NULL,
        bound_by INTEGER REFERENCES users(id),
        bound_at TEXT NOT NULL,
        UNIQUE (volume_id, version))`,
      // A bound version is what was handed over: a new binding is a new version, never an edit.
      `CREATE TRIGGER volume_bindings_immutable_update BEFORE UPDATE ON volume_bindings BEGIN SELECT RAISE(ABORT, 'volume binding is immutable'); END`,
      `CREATE TRIGGER volume_bindings_immutable_delete BEFORE DELETE ON volume_bindings BEGIN SELECT RAISE(ABORT, 'volume binding is immutable'); END`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['volume_bindings', 'volume_pages', 'volume_entries']) await q.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
