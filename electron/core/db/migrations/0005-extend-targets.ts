import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Target directory at city scale:
 * - name_bigrams + a unicode61 FTS table, so 1–2 character name searches use an index too (trigram needs ≥ 3);
 * - item applicability tags (分类标注) as target_item_tags;
 * - indexes for the list filters; the FTS tables keep no per-row column sizes (columnsize=0: we never rank);
 * - staged_files: files copied into the data folder before an import reads them (resumable jobs).
 */
export class ExtendTargets1700000000005 implements MigrationInterface {
  name = 'ExtendTargets1700000000005';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE targets ADD COLUMN name_bigrams TEXT NOT NULL DEFAULT ''`,
      `CREATE VIRTUAL TABLE targets_bigram USING fts5(name_bigrams, content='targets', content_rowid='id', tokenize='unicode61', detail=none, columnsize=0)`,
      `CREATE TRIGGER targets_bigram_ai AFTER INSERT ON targets BEGIN
        INSERT INTO targets_bigram(rowid, name_bigrams) VALUES (new.id, new.name_bigrams);
      END`,
      `CREATE TRIGGER targets_bigram_ad AFTER DELETE ON targets BEGIN
        INSERT INTO targets_bigram(targets_bigram, rowid, name_bigrams) VALUES ('delete', old.id, old.name_bigrams);
      END`,
      `CREATE TRIGGER targets_bigram_au AFTER UPDATE OF name_bigrams ON targets BEGIN
        INSERT INTO targets_bigram(targets_bigram, rowid, name_bigrams) VALUES ('delete', old.id, old.name_bigrams);
        INSERT INTO targets_bigram(rowid, name_bigrams) VALUES (new.id, new.name_bigrams);
      END`,
      // The foundation's FTS trigger fired on every UPDATE; only name/code changes need reindexing.
      `DROP TRIGGER targets_fts_au`,
      `CREATE TRIGGER targets_fts_au AFTER UPDATE OF name, credit_code, identifier ON targets BEGIN
        INSERT INTO targets_fts(targets_fts, rowid, name, credit_code, identifier) VALUES ('delete', old.id, old.name, old.credit_code, old.identifier);
        INSERT INTO targets_fts(rowid, name, credit_code, identifier) VALUES (new.id, new.name, new.credit_code, new.identifier);
      END`,
      `CREATE TABLE target_item_tags (
        target_id INTEGER NOT NULL REFERENCES targets(id),
        item_id INTEGER NOT NULL,
        PRIMARY KEY (target_id, item_id)) WITHOUT ROWID`,
      `CREATE INDEX target_item_tags_item ON target_item_tags(item_id, target_id)`,
      // (territorial_bureau_id, name) is covered for filtering by the composite indexes below; it only cost inserts.
      `DROP INDEX targets_territorial_name`,
      `CREATE INDEX targets_bureau_risk ON targets(territorial_bureau_id, risk_level)`,
      `CREATE INDEX targets_bureau_credit ON targets(territorial_bureau_id, credit_class)`,
      `CREATE INDEX targets_bureau_status ON targets(territorial_bureau_id, reg_status)`,
      `CREATE INDEX targets_bureau_industry ON targets(territorial_bureau_id, industry)`,
      `CREATE INDEX targets_bureau_kind ON targets(territorial_bureau_id, kind)`,
      `CREATE TABLE staged_files (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL)`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    const statements = [
      'DROP TABLE staged_files',
      'DROP INDEX targets_bureau_kind',
      'DROP INDEX targets_bureau_industry',
      'DROP INDEX targets_bureau_status',
      'DROP INDEX targets_bureau_credit',
      'DROP INDEX targets_bureau_risk',
      'DROP TABLE target_item_tags',
      'CREATE INDEX targets_territorial_name ON targets(territorial_bureau_id, name)',
      'DROP TRIGGER targets_fts_au',
      `CREATE TRIGGER targets_fts_au AFTER UPDATE ON targets BEGIN
        INSERT INTO targets_fts(targets_fts, rowid, name, credit_code, identifier) VALUES ('delete', old.id, old.name, old.credit_code, old.identifier);
        INSERT INTO targets_fts(rowid, name, credit_code, identifier) VALUES (new.id, new.name, new.credit_code, new.identifier);
      END`,
      'DROP TRIGGER targets_bigram_au',
      'DROP TRIGGER targets_bigram_ad',
      'DROP TRIGGER targets_bigram_ai',
      'DROP TABLE targets_bigram',
      'ALTER TABLE targets DROP COLUMN name_bigrams',
    ];
    for (const sql of statements) await q.query(sql);
  }
}
