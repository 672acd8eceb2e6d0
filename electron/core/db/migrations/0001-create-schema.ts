import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Foundation schema: bureaus, users, sessions, targets (+ trigram FTS), audit chain, jobs, blobs, meta. */
export class CreateSchema0001 implements MigrationInterface {
  // TypeORM orders migrations by a 13-digit number at the end of the name: 1700000000000 + migration number.
  name = 'CreateSchema1700000000001';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
      `CREATE TABLE bureaus (
        id INTEGER PRIMARY KEY,
        division_code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('city','district')),
        parent_id INTEGER REFERENCES bureaus(id),
        fonds_code TEXT NOT NULL,
        org_code TEXT NOT NULL,
        short_name TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL)`,
      `CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        login TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
        roles TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        must_change_password INTEGER NOT NULL DEFAULT 1,
        active INTEGER NOT NULL DEFAULT 1,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        last_login_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL)`,
      `CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        expires_at TEXT NOT NULL)`,
      `CREATE TABLE targets (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('for_profit','non_profit','non_market')),
        credit_code TEXT,
        identifier TEXT,
        description TEXT,
        name TEXT NOT NULL,
        legal_rep TEXT,
        address TEXT,
        registration_bureau_id INTEGER REFERENCES bureaus(id),
        territorial_bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
        industry TEXT,
        risk_level TEXT,
        credit_class TEXT,
        reg_status TEXT NOT NULL DEFAULT 'active',
        warnings TEXT NOT NULL DEFAULT '[]',
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL)`,
      `CREATE UNIQUE INDEX targets_credit_code ON targets(credit_code) WHERE credit_code IS NOT NULL`,
      `CREATE UNIQUE INDEX targets_identifier ON targets(identifier) WHERE identifier IS NOT NULL`,
      `CREATE INDEX targets_territorial_name ON targets(territorial_bureau_id, name)`,
      // Full-text search over name and code. Trigram suits Chinese; shorter queries fall back to LIKE.
      `CREATE VIRTUAL TABLE targets_fts USING fts5(name, credit_code, identifier, content='targets', content_rowid='id', tokenize='trigram', columnsize=0)`,
      `CREATE TRIGGER targets_fts_ai AFTER INSERT ON targets BEGIN
        INSERT INTO targets_fts(rowid, name, credit_code, identifier) VALUES (new.id, new.name, new.credit_code, new.identifier);
      END`,
      `CREATE TRIGGER targets_fts_ad AFTER DELETE ON targets BEGIN
        INSERT INTO targets_fts(targets_fts, rowid, name, credit_code, identifier) VALUES ('delete', old.id, old.name, old.credit_code, old.identifier);
      END`,
      `CREATE TRIGGER targets_fts_au AFTER UPDATE ON targets BEGIN
        INSERT INTO targets_fts(targets_fts, rowid, name, credit_code, identifier) VALUES ('delete', old.id, old.name, old.credit_code, old.identifier);
        INSERT INTO targets_fts(rowid, name, credit_code, identifier) VALUES (new.id, new.name, new.credit_code, new.identifier);
      END`,
      `CREATE TABLE audit_events (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_user_id INTEGER,
        actor_login TEXT,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE)`,
      `CREATE INDEX audit_events_entity ON audit_events(entity, entity_id, seq)`,
      `CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued','running','succeeded','failed','cancelled')),
        phase TEXT NOT NULL DEFAULT '',
        done INTEGER NOT NULL DEFAULT 0,
        total INTEGER NOT NULL DEFAULT 0,
        input TEXT NOT NULL DEFAULT '{}',
        checkpoint TEXT,
        result TEXT,
        error_code TEXT,
        error_details TEXT,
        cancel_requested INTEGER NOT NULL DEFAULT 0,
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL)`,
      `CREATE INDEX jobs_state ON jobs(state)`,
      `CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        media_type TEXT NOT NULL,
        created_at TEXT NOT NULL)`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['blobs', 'jobs', 'audit_events', 'targets_fts', 'targets', 'sessions', 'users', 'bureaus', 'meta']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
