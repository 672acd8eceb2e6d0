import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inspector directory (执法检查人员名录库), the periods inspectors are away, the non-enforcement expert
 * library (专家库, Art. 3 / 11) and recusals (回避: an inspector who must not inspect a target).
 * Only the last four characters of an inspector's ID number are kept.
 */
export class CreateInspectors1700000000004 implements MigrationInterface {
  name = 'CreateInspectors1700000000004';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE inspectors (
        id INTEGER PRIMARY KEY,
        bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
        name TEXT NOT NULL,
        gender TEXT CHECK (gender IN ('male','female')),
        id_suffix TEXT CHECK (id_suffix IS NULL OR length(id_suffix) = 4),
        cert_no TEXT,
        cert_valid_from TEXT,
        cert_valid_to TEXT,
        enforcement_qualified INTEGER NOT NULL DEFAULT 0 CHECK (enforcement_qualified IN (0,1)),
        business_lines TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(business_lines)),
        expertise TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(expertise)),
        region TEXT,
        phone TEXT,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','inactive')),
        user_id INTEGER REFERENCES users(id),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (cert_valid_from IS NULL OR cert_valid_to IS NULL OR cert_valid_from <= cert_valid_to))`,
      `CREATE UNIQUE INDEX inspectors_cert_no ON inspectors(cert_no) WHERE cert_no IS NOT NULL`,
      `CREATE UNIQUE INDEX inspectors_user_id ON inspectors(user_id) WHERE user_id IS NOT NULL`,
      `CREATE INDEX inspectors_bureau_name ON inspectors(bureau_id, name)`,
      `CREATE TABLE inspector_absences (
        id INTEGER PRIMARY KEY,
        inspector_id INTEGER NOT NULL REFERENCES inspectors(id),
        from_date TEXT NOT NULL,
        to_date TEXT NOT NULL,
        reason TEXT NOT NULL,
        CHECK (from_date <= to_date))`,
      `CREATE INDEX inspector_absences_inspector ON inspector_absences(inspector_id, from_date)`,
      `CREATE TABLE experts (
        id INTEGER PRIMARY KEY,
        bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
        name TEXT NOT NULL,
        organisation TEXT,
        field TEXT NOT NULL,
        title TEXT,
        phone TEXT,
        email TEXT,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','inactive')),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL)`,
      `CREATE INDEX experts_bureau_name ON experts(bureau_id, name)`,
      `CREATE TABLE recusals (
        id INTEGER PRIMARY KEY,
        inspector_id INTEGER NOT NULL REFERENCES inspectors(id),
        target_id INTEGER NOT NULL REFERENCES targets(id),
        reason TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL)`,
      `CREATE UNIQUE INDEX recusals_inspector_target ON recusals(inspector_id, target_id)`,
      `CREATE INDEX recusals_target ON recusals(target_id)`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['recusals', 'experts', 'inspector_absences', 'inspectors']) await q.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
