import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sender's archived file (归档文件) of a volume received in a transfer (issue 8 item 5). The receiver
 * archives the volume under its own fonds later (volume_archived_files then holds its own); what arrived is
 * kept as it came, so the receiver's four-property check can prove it: the sender's 档号 and version, the
 * reviewed binding it derives from (received with the same version number and SHA-256), the file itself.
 * Immutable, like the sender's.
 */
export class CreateReceivedArchivedFiles1700000000019 implements MigrationInterface {
  name = 'CreateReceivedArchivedFiles1700000000019';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE received_archived_files (
        id INTEGER PRIMARY KEY,
        volume_id INTEGER NOT NULL REFERENCES received_volumes(volume_id),
        transfer_id INTEGER NOT NULL REFERENCES transfers(id),
        origin_archive_no TEXT NOT NULL,
        origin_version INTEGER NOT NULL CHECK (origin_version >= 1),
        binding_version INTEGER NOT NULL,
        derived_from_sha256 TEXT NOT NULL,
        blob_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        pages INTEGER NOT NULL CHECK (pages >= 1),
        content_pages INTEGER NOT NULL,
        manifest TEXT NOT NULL CHECK (json_valid(manifest)),
        made_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        UNIQUE (volume_id, origin_version),
        FOREIGN KEY (volume_id, binding_version) REFERENCES volume_bindings(volume_id, version))`,
      `CREATE TRIGGER received_archived_files_immutable_update BEFORE UPDATE ON received_archived_files BEGIN SELECT RAISE(ABORT, 'received archived file is immutable'); END`,
      `CREATE TRIGGER received_archived_files_immutable_delete BEFORE DELETE ON received_archived_files BEGIN SELECT RAISE(ABORT, 'received archived file is immutable'); END`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS received_archived_files');
  }
}
