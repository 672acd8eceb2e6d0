import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Printed outputs of the archive (issue 8 items 2, 3, 6).
 * - volume_archived_files: the archived file (归档文件) of an archived volume — a new immutable version derived
 *   from the reviewed binding (binding_version, its sha256 in derived_from_sha256): the cover carries the
 *   档号 and 保管期限, a 备考表（续） page lists the archiving and the 补充件 up to supplement_id; the content
 *   pages are the reviewed file's own page objects, unchanged. A new version after each supplement; the
 *   legal review stays tied to the reviewed binding (volume_archives.binding_version).
 * - fixity_schedules: a bureau's periodic four-property check (every interval_days days; no row or NULL = off).
 *   fixity_runs.scheduled marks the runs the app started itself.
 */
export class CreateArchivedFiles1700000000016 implements MigrationInterface {
  name = 'CreateArchivedFiles1700000000016';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE volume_archived_files (
        id INTEGER PRIMARY KEY,
        volume_id INTEGER NOT NULL REFERENCES volume_archives(volume_id),
        version INTEGER NOT NULL CHECK (version >= 1),
        binding_version INTEGER NOT NULL,
        derived_from_sha256 TEXT NOT NULL,
        supplement_id INTEGER REFERENCES volume_supplements(id),
        blob_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        pages INTEGER NOT NULL CHECK (pages >= 1),
        content_pages INTEGER NOT NULL,
        manifest TEXT NOT NULL CHECK (json_valid(manifest)),
        made_by INTEGER REFERENCES users(id),
        made_at TEXT NOT NULL,
        UNIQUE (volume_id, version),
        FOREIGN KEY (volume_id, binding_version) REFERENCES volume_bindings(volume_id, version))`,
      `CREATE TRIGGER volume_archived_files_immutable_update BEFORE UPDATE ON volume_archived_files BEGIN SELECT RAISE(ABORT, 'archived file is immutable'); END`,
      `CREATE TRIGGER volume_archived_files_immutable_delete BEFORE DELETE ON volume_archived_files BEGIN SELECT RAISE(ABORT, 'archived file is immutable'); END`,
      `CREATE TABLE fixity_schedules (
        bureau_id INTEGER PRIMARY KEY REFERENCES bureaus(id),
        interval_days INTEGER CHECK (interval_days IS NULL OR interval_days BETWEEN 1 AND 3650),
        updated_by INTEGER REFERENCES users(id),
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1)`,
      `ALTER TABLE fixity_runs ADD COLUMN scheduled INTEGER NOT NULL DEFAULT 0 CHECK (scheduled IN (0,1))`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE fixity_runs DROP COLUMN scheduled');
    for (const table of ['fixity_schedules', 'volume_archived_files']) await q.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
