import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Non-public fields of generated documents (issue 7 item 6: "generated documents re-rendered with
 * non-public fields masked").
 * - documents.facts: what the document printed (the inspection's facts, and the correction order's for a
 *   责令改正通知书) as JSON, stored with it, so the public copy re-renders the same document from its own
 *   source with some fields masked — not from facts that may have changed since. NULL for documents
 *   rendered before this migration (the public copy then reads the facts as they are now).
 * - volume_redactions.field: a 不予公开 mark on one field of a generated document (e.g. 住所（经营场所）);
 *   such a mark names neither a page nor a region. One live mark per (entry, field).
 */
export class FieldMarks1700000000017 implements MigrationInterface {
  name = 'FieldMarks1700000000017';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE documents ADD COLUMN facts TEXT`,
      `ALTER TABLE volume_redactions ADD COLUMN field TEXT`,
      `DROP INDEX volume_redactions_live`,
      `CREATE UNIQUE INDEX volume_redactions_live ON volume_redactions(entry_id, coalesce(page_index, -1)) WHERE lifted_at IS NULL AND region IS NULL AND field IS NULL`,
      `CREATE UNIQUE INDEX volume_redactions_live_field ON volume_redactions(entry_id, field) WHERE lifted_at IS NULL AND field IS NOT NULL`,
      `CREATE TRIGGER volume_redactions_field_alone BEFORE INSERT ON volume_redactions WHEN NEW.field IS NOT NULL AND (NEW.page_index IS NOT NULL OR NEW.region IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, 'a field mark names neither a page nor a region'); END`,
      `DROP TRIGGER volume_redactions_frozen`,
      `CREATE TRIGGER volume_redactions_frozen BEFORE UPDATE ON volume_redactions
        WHEN OLD.lifted_at IS NOT NULL OR NEW.entry_id IS NOT OLD.entry_id OR NEW.page_index IS NOT OLD.page_index OR NEW.reason IS NOT OLD.reason
          OR NEW.note IS NOT OLD.note OR NEW.marked_by IS NOT OLD.marked_by OR NEW.marked_at IS NOT OLD.marked_at OR NEW.region IS NOT OLD.region
          OR NEW.field IS NOT OLD.field
        BEGIN SELECT RAISE(ABORT, 'volume redaction is immutable once lifted; only lifting changes it'); END`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER volume_redactions_field_alone');
    await q.query('DROP INDEX volume_redactions_live_field');
    await q.query('DROP INDEX volume_redactions_live');
    await q.query(`CREATE UNIQUE INDEX volume_redactions_live ON volume_redactions(entry_id, coalesce(page_index, -1)) WHERE lifted_at IS NULL AND region IS NULL`);
    await q.query('DROP TRIGGER volume_redactions_frozen');
    await q.query(`CREATE TRIGGER volume_redactions_frozen BEFORE UPDATE ON volume_redactions
        WHEN OLD.lifted_at IS NOT NULL OR NEW.entry_id IS NOT OLD.entry_id OR NEW.page_index IS NOT OLD.page_index OR NEW.reason IS NOT OLD.reason
          OR NEW.note IS NOT OLD.note OR NEW.marked_by IS NOT OLD.marked_by OR NEW.marked_at IS NOT OLD.marked_at OR NEW.region IS NOT OLD.region
        BEGIN SELECT RAISE(ABORT, 'volume redaction is immutable once lifted; only lifting changes it'); END`);
    await q.query('ALTER TABLE volume_redactions DROP COLUMN field');
    await q.query('ALTER TABLE documents DROP COLUMN facts');
  }
}
