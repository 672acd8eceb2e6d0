import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Holiday year files (国务院办公厅 放假安排, holiday-cn format) imported by an admin. The bundled files in
 * resources/holidays/ are not copied here: a row only overrides the bundled file of its year, so a newer
 * build's data still reaches folders that never imported anything. The raw text is kept as imported
 * (with its SHA-256) so the exact file behind any deadline can be shown and checked.
 */
export class CreateHolidayYears1700000000007 implements MigrationInterface {
  name = 'CreateHolidayYears1700000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE holiday_years (
      year INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 2199),
      raw_json TEXT NOT NULL CHECK (json_valid(raw_json)),
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      day_count INTEGER NOT NULL CHECK (day_count > 0),
      imported_by INTEGER REFERENCES users(id),
      imported_at TEXT NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS holiday_years');
  }
}
