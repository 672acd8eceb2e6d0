import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hot folders beyond the data folder's `inbox/` (issue 6 item 1: "plus any folders the user adds"), e.g.
 * the folder a networked scanner saves into.
 * - watched_folders: an absolute folder path, the bureau its files belong to, on or off. A folder is never
 *   deleted (batches name it); switching it off stops the polling.
 * - scan_batches.inbox_dir: the hot folder a batch's files came from (NULL = the data folder's inbox/),
 *   where they wait in processing/ and end in processed/ or failed/.
 */
export class CreateWatchedFolders1700000000018 implements MigrationInterface {
  name = 'CreateWatchedFolders1700000000018';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE watched_folders (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE CHECK (length(path) > 1),
        bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
        label TEXT,
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1)`,
      `CREATE TRIGGER watched_folders_no_delete BEFORE DELETE ON watched_folders BEGIN SELECT RAISE(ABORT, 'a watched folder is switched off, never deleted'); END`,
      `CREATE TRIGGER watched_folders_fixed BEFORE UPDATE ON watched_folders WHEN NEW.path IS NOT OLD.path OR NEW.bureau_id IS NOT OLD.bureau_id
        BEGIN SELECT RAISE(ABORT, 'a watched folder keeps its path and bureau'); END`,
      `ALTER TABLE scan_batches ADD COLUMN inbox_dir TEXT`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE scan_batches DROP COLUMN inbox_dir');
    await q.query('DROP TABLE watched_folders');
  }
}
