import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Transfers of case volumes between installations (issue 8 item 5, 移交).
 * - transfer_keys: this installation's Ed25519 signing key per bureau (raw 32-byte seed in PKCS#8 PEM).
 *   Kept in the database so a backup carries it; the audit snapshot holds only the public half.
 * - trusted_keys: other bureaus' public keys, imported by an admin or clerk after checking the key id
 *   out of band; a package or receipt is accepted only under a trusted key of the bureau it names.
 * - transfers: one row per package, outgoing (status sent → received when the signed receipt comes
 *   back) or incoming (status received, with the receipt issued). (direction, package_id) is unique, so
 *   the same package imported twice is refused.
 * - received_volumes: the origin of a volume imported from a package (sender bureau, its volume id and
 *   档号 when the sender had archived it; the receiver archives it under its own fonds).
 */
export class CreateTransfers1700000000014 implements MigrationInterface {
  name = 'CreateTransfers1700000000014';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE transfer_keys (
        id INTEGER PRIMARY KEY,
        bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
        key_id TEXT NOT NULL UNIQUE,
        algorithm TEXT NOT NULL CHECK (algorithm = 'Ed25519'),
        public_key TEXT NOT NULL,
        private_key TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL)`,
      `CREATE UNIQUE INDEX transfer_keys_bureau ON transfer_keys(bureau_id)`,
      `CREATE TRIGGER transfer_keys_immutable BEFORE UPDATE ON transfer_keys BEGIN SELECT RAISE(ABORT, 'transfer key is immutable'); END`,
      `CREATE TABLE trusted_keys (
        id INTEGER PRIMARY KEY,
        key_id TEXT NOT NULL UNIQUE,
        algorithm TEXT NOT NULL CHECK (algorithm = 'Ed25519'),
        public_key TEXT NOT NULL,
        bureau_code TEXT NOT NULL,
        bureau_name TEXT NOT NULL,
        trusted_by INTEGER REFERENCES users(id),
        trusted_at TEXT NOT NULL)`,
      `CREATE INDEX trusted_keys_bureau ON trusted_keys(bureau_code)`,
      `CREATE TABLE transfers (
        id INTEGER PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('outgoing','incoming')),
        package_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('sent','received')),
        from_bureau_code TEXT NOT NULL,
        from_bureau_name TEXT NOT NULL,
        to_bureau_code TEXT NOT NULL,
        to_bureau_name TEXT NOT NULL,
        key_id TEXT NOT NULL,
        tag_manifest_sha256 TEXT NOT NULL,
        volumes TEXT NOT NULL,
        payload_bytes INTEGER NOT NULL,
        payload_files INTEGER NOT NULL,
        receipt TEXT,
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        closed_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (direction, package_id),
        CHECK ((status = 'received') = (receipt IS NOT NULL)))`,
      `CREATE TABLE received_volumes (
        volume_id INTEGER PRIMARY KEY REFERENCES volumes(id),
        transfer_id INTEGER NOT NULL REFERENCES transfers(id),
        origin_bureau_code TEXT NOT NULL,
        origin_bureau_name TEXT NOT NULL,
        origin_volume_id INTEGER NOT NULL,
        origin_archive_no TEXT,
        received_at TEXT NOT NULL)`,
      `CREATE INDEX received_volumes_transfer ON received_volumes(transfer_id)`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['received_volumes', 'transfers', 'trusted_keys', 'transfer_keys']) await q.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
