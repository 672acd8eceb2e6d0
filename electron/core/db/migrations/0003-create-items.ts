import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inspection item lists (随机抽查事项清单, "一单"): one list per bureau, level and business line, kept as
 * versioned data. `items` holds the current state of every item ever listed (retired ones stay for
 * history); `item_list_versions` records each new version of a list (an import or a manual edit).
 */
export class CreateItems1700000000003 implements MigrationInterface {
  name = 'CreateItems1700000000003';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE item_list_versions (
        id INTEGER PRIMARY KEY,
        bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
        level TEXT NOT NULL CHECK (level IN ('city','district')),
        business_line TEXT NOT NULL CHECK (length(business_line) > 0),
        version INTEGER NOT NULL CHECK (version >= 1),
        source TEXT NOT NULL,
        item_count INTEGER NOT NULL,
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        UNIQUE (bureau_id, level, business_line, version))`,
      `CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
        level TEXT NOT NULL CHECK (level IN ('city','district')),
        business_line TEXT NOT NULL CHECK (length(business_line) > 0),
        code TEXT NOT NULL CHECK (length(code) > 0),
        seq INTEGER,
        category TEXT NOT NULL,
        name TEXT NOT NULL,
        target_scope TEXT,
        item_class TEXT NOT NULL CHECK (item_class IN ('general','key')),
        methods TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(methods)),
        subject TEXT,
        basis TEXT,
        content TEXT,
        ratio_note TEXT,
        remark TEXT,
        custody_rule TEXT NOT NULL DEFAULT 'territorial' CHECK (custody_rule IN ('registration','territorial')),
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','retired')),
        retired_reason TEXT,
        first_version INTEGER NOT NULL,
        last_version INTEGER NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL)`,
      `CREATE UNIQUE INDEX items_code ON items(bureau_id, level, business_line, code)`,
      `CREATE INDEX items_list ON items(bureau_id, level, business_line, status, seq)`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE items');
    await q.query('DROP TABLE item_list_versions');
  }
}
