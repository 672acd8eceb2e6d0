import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Entity history: every audited change stores the entity's state after it, one row per entity, tied to
 * the audit event that made it. A single edit is one event + one row; an import of a million targets is
 * one event whose payload carries the digest of its million rows (no release stored inline snapshots,
 * so there is nothing to copy).
 */
export class CreateEntityHistory1700000000002 implements MigrationInterface {
  name = 'CreateEntityHistory1700000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE entity_history (
      id INTEGER PRIMARY KEY,
      audit_seq INTEGER NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      snapshot TEXT)`);
    await q.query('CREATE INDEX entity_history_entity ON entity_history(entity, entity_id, id)');
    await q.query('CREATE INDEX entity_history_seq ON entity_history(audit_seq)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE entity_history');
  }
}
