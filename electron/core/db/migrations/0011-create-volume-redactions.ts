import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Non-public material in a case volume and its public copy (issue 7 items 5–6, 政府信息公开条例 Art. 15).
 * - volume_redactions: a 不予公开 mark on a whole entry (page_index NULL) or on one page of it, with its
 *   reason. A mark is never deleted: lifting sets lifted_* (for a trade secret optionally the entry
 *   holding the enterprise's written consent), and the row is then frozen. At most one live mark per
 *   document or page. Rectangles on page images come later as their own column (a region in image
 *   coordinates, page_index NOT NULL); a row without one stays a page- or document-level mark.
 * - volume_public_copies: every public copy (公开版) is an immutable row with its PDF blob and hash, made
 *   from the volume as it was when built and numbered after the latest full version (based_on_version).
 */
export class CreateVolumeRedactions1700000000011 implements MigrationInterface {
  name = 'CreateVolumeRedactions1700000000011';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE volume_redactions (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES volume_entries(id),
        page_index INTEGER CHECK (page_index IS NULL OR page_index >= 0),
        reason TEXT NOT NULL CHECK (reason IN ('trade_secret','privacy','state_secret')),
        note TEXT,
        marked_by INTEGER REFERENCES users(id),
        marked_at TEXT NOT NULL,
        lifted_by INTEGER REFERENCES users(id),
        lifted_at TEXT,
        lift_reason TEXT,
        consent_entry_id INTEGER REFERENCES volume_entries(id),
        CHECK ((lifted_at IS NULL) = (lift_reason IS NULL)),
        CHECK (consent_entry_id IS NULL OR (lifted_at IS NOT NULL AND reason = 'trade_secret')))`,
      `CREATE INDEX volume_redactions_entry ON volume_redactions(entry_id)`,
      `CREATE UNIQUE INDEX volume_redactions_live ON volume_redactions(entry_id, coalesce(page_index, -1)) WHERE lifted_at IS NULL`,
      // Only the lift fields of a live mark may change, once; nothing is deleted.
      `CREATE TRIGGER volume_redactions_frozen BEFORE UPDATE ON volume_redactions
        WHEN OLD.lifted_at IS NOT NULL OR NEW.entry_id IS NOT OLD.entry_id OR NEW.page_index IS NOT OLD.page_index OR NEW.reason IS NOT OLD.reason
          OR NEW.note IS NOT OLD.note OR NEW.marked_by IS NOT OLD.marked_by OR NEW.marked_at IS NOT OLD.marked_at
        BEGIN SELECT RAISE(ABORT, 'volume redaction is immutable once lifted; only lifting changes it'); END`,
      `CREATE TRIGGER volume_redactions_no_delete BEFORE DELETE ON volume_redactions BEGIN SELECT RAISE(ABORT, 'volume redaction is never deleted'); END`,
      `CREATE TABLE volume_public_copies (
        id INTEGER PRIMARY KEY,
        volume_id INTEGER NOT NULL REFERENCES volumes(id),
        version INTEGER NOT NULL CHECK (version >= 1),
        based_on_version INTEGER NOT NULL,
        blob_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        pages INTEGER NOT NULL CHECK (pages >= 1),
        content_pages INTEGER NOT NULL,
        withheld_pages INTEGER NOT NULL CHECK (withheld_pages >= 0),
        manifest TEXT NOT NULL,
        bound_by INTEGER REFERENCES users(id),
        bound_at TEXT NOT NULL,
        UNIQUE (volume_id, version),
        FOREIGN KEY (volume_id, based_on_version) REFERENCES volume_bindings(volume_id, version))`,
      `CREATE TRIGGER volume_public_copies_immutable_update BEFORE UPDATE ON volume_public_copies BEGIN SELECT RAISE(ABORT, 'volume public copy is immutable'); END`,
      `CREATE TRIGGER volume_public_copies_immutable_delete BEFORE DELETE ON volume_public_copies BEGIN SELECT RAISE(ABORT, 'volume public copy is immutable'); END`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['volume_public_copies', 'volume_redactions']) await q.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
