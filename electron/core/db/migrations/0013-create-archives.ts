import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose rows belong to a volume (directly or through its entries) and freeze once it is archived. */
const ARCHIVED = `'VOLUME_ARCHIVED: the volume is archived and read-only'`;
const archivedVolume = (volumeId: string) => `EXISTS (SELECT 1 FROM volume_archives a WHERE a.volume_id = ${volumeId})`;
const archivedEntry = (entryId: string) => `EXISTS (SELECT 1 FROM volume_entries e JOIN volume_archives a ON a.volume_id = e.volume_id WHERE e.id = ${entryId})`;

/**
 * Local archives (issue 8, slice 1): legal review, 档号 and the archived state, four-property checks.
 * - archive_settings: a bureau's 档号 pattern (domain-reference §3.5); a bureau without a row uses the default.
 * - legal_reviews: one row per submission (round) of a volume with the bound version under review; decided
 *   once (approve | return) with the automatic findings and manual items as JSON, the comments, the
 *   reviewer and time — immutable afterwards, never deleted. At most one open round per volume.
 * - archive_counters: the next 案卷号 per (custody bureau, year, retention), taken in the archiving
 *   transaction, so numbers are gapless.
 * - volume_archives: the archived state of a volume, a row of its own (volumes keeps its shape): 档号,
 *   retention (+ the reason when raised to 永久), the bound version archived, the approving review, who and
 *   when. Immutable. While it exists the volume's rows are read-only (triggers below; the services refuse
 *   first with VOLUME_ARCHIVED).
 * - volume_locations: where the paper originals are kept (库房 / 柜 / 架 / 盒), one row per move (location history).
 * - volume_supplements: later additions to an archived volume (补充件), each a note for the 备考表,
 *   optionally pointing at a blob; they never change what was archived.
 * - fixity_runs / fixity_failures: four-property check runs (DA/T 70) and, per volume, each failed item
 *   with its property and code. A run records how far it got, so the job resumes after a restart.
 */
export class CreateArchives1700000000013 implements MigrationInterface {
  name = 'CreateArchives1700000000013';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE archive_settings (
        bureau_id INTEGER PRIMARY KEY REFERENCES bureaus(id),
        pattern TEXT NOT NULL CHECK (length(pattern) BETWEEN 1 AND 100),
        updated_by INTEGER REFERENCES users(id),
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1)`,
      `CREATE TABLE legal_reviews (
        id INTEGER PRIMARY KEY,
        volume_id INTEGER NOT NULL REFERENCES volumes(id),
        round INTEGER NOT NULL CHECK (round >= 1),
        binding_version INTEGER NOT NULL,
        submitted_by INTEGER REFERENCES users(id),
        submitted_at TEXT NOT NULL,
        findings TEXT CHECK (findings IS NULL OR json_valid(findings)),
        items TEXT CHECK (items IS NULL OR json_valid(items)),
        decision TEXT CHECK (decision IN ('approve','return')),
        comments TEXT,
        reviewer_id INTEGER REFERENCES users(id),
        decided_at TEXT,
        UNIQUE (volume_id, round),
        FOREIGN KEY (volume_id, binding_version) REFERENCES volume_bindings(volume_id, version),
        CHECK ((decision IS NULL) = (decided_at IS NULL) AND (decision IS NULL) = (findings IS NULL) AND (decision IS NULL) = (items IS NULL)),
        CHECK (decision IS NULL OR reviewer_id IS NOT NULL),
        CHECK (reviewer_id IS NULL OR submitted_by IS NULL OR reviewer_id <> submitted_by))`,
      `CREATE UNIQUE INDEX legal_reviews_open ON legal_reviews(volume_id) WHERE decision IS NULL`,
      // Only the decision fields of an open round change, once; nothing is deleted.
      `CREATE TRIGGER legal_reviews_frozen BEFORE UPDATE ON legal_reviews
        WHEN OLD.decision IS NOT NULL OR NEW.volume_id IS NOT OLD.volume_id OR NEW.round IS NOT OLD.round OR NEW.binding_version IS NOT OLD.binding_version
          OR NEW.submitted_by IS NOT OLD.submitted_by OR NEW.submitted_at IS NOT OLD.submitted_at
        BEGIN SELECT RAISE(ABORT, 'legal review is immutable once decided'); END`,
      `CREATE TRIGGER legal_reviews_no_delete BEFORE DELETE ON legal_reviews BEGIN SELECT RAISE(ABORT, 'legal review is never deleted'); END`,
      `CREATE TABLE archive_counters (
        bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
        year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9999),
        retention TEXT NOT NULL CHECK (retention IN ('Y','D30','D10')),
        last_seq INTEGER NOT NULL CHECK (last_seq >= 1),
        PRIMARY KEY (bureau_id, year, retention)) WITHOUT ROWID`,
      // A counter only moves forward by one: a number once given is never given again or skipped.
      `CREATE TRIGGER archive_counters_step BEFORE UPDATE ON archive_counters
        WHEN NEW.last_seq <> OLD.last_seq + 1 OR NEW.bureau_id IS NOT OLD.bureau_id OR NEW.year IS NOT OLD.year OR NEW.retention IS NOT OLD.retention
        BEGIN SELECT RAISE(ABORT, 'archive counter only steps by one'); END`,
      `CREATE TRIGGER archive_counters_no_delete BEFORE DELETE ON archive_counters BEGIN SELECT RAISE(ABORT, 'archive counter is never deleted'); END`,
      `CREATE TABLE volume_archives (
        volume_id INTEGER PRIMARY KEY REFERENCES volumes(id),
        archive_no TEXT NOT NULL UNIQUE,
        custody_bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
        year INTEGER NOT NULL,
        retention TEXT NOT NULL CHECK (retention IN ('Y','D30','D10')),
        retention_reason TEXT,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        binding_version INTEGER NOT NULL,
        review_id INTEGER NOT NULL UNIQUE REFERENCES legal_reviews(id),
        archived_by INTEGER REFERENCES users(id),
        archived_at TEXT NOT NULL,
        UNIQUE (custody_bureau_id, year, retention, seq),
        FOREIGN KEY (volume_id, binding_version) REFERENCES volume_bindings(volume_id, version))`,
      `CREATE TRIGGER volume_archives_immutable_update BEFORE UPDATE ON volume_archives BEGIN SELECT RAISE(ABORT, 'volume archive is immutable'); END`,
      `CREATE TRIGGER volume_archives_immutable_delete BEFORE DELETE ON volume_archives BEGIN SELECT RAISE(ABORT, 'volume archive is immutable'); END`,
      // Read-only once archived: the volume row, its entries, page states, marks, bindings and public copies.
      `CREATE TRIGGER volumes_archived_update BEFORE UPDATE ON volumes WHEN ${archivedVolume('OLD.id')} BEGIN SELECT RAISE(ABORT, ${ARCHIVED}); END`,
      `CREATE TRIGGER volume_entries_archived_insert BEFORE INSERT ON volume_entries WHEN ${archivedVolume('NEW.volume_id')} BEGIN SELECT RAISE(ABORT, ${ARCHIVED}); END`,
      `CREATE TRIGGER volume_entries_archived_update BEFORE UPDATE ON volume_entries WHEN ${archivedVolume('OLD.volume_id')} BEGIN SELECT RAISE(ABORT, ${ARCHIVED}); END`,
      `CREATE TRIGGER volume_entries_archived_delete BEFORE DELETE ON volume_entries WHEN ${archivedVolume('OLD.volume_id')} BEGIN SELECT RAISE(ABORT, ${ARCHIVED}); END`,
      `CREATE TRIGGER volume_pages_archived_insert BEFORE INSERT ON volume_pages WHEN ${archivedEntry('NEW.entry_id')} BEGIN SELECT RAISE(ABORT, ${ARCHIVED}); END`,
      `CREATE TRIGGER volume_pages_archived_update BEFORE UPDATE ON volume_pages WHEN ${archivedEntry('OLD.entry_id')} BEGIN SELECT RAISE(ABORT, ${ARCHIVED}); END`,
      `CREATE TRIGGER volume_pages_archived_delete BEFORE DELETE ON volume_pages WHEN ${archivedEntry('OLD.entry_id')} BEGIN SELECT RAISE(ABORT, ${ARCHIVED}); END`,
      `CREATE TRIGGER volume_redactions_archived_insert BEFORE INSERT ON volume_redactions WHEN ${archivedEntry('NEW.entry_id')} BEGIN SELECT RAISE(ABORT, ${ARCHIVED}); END`,
      `CREATE TRIGGER volume_redactions_archived_update BEFORE UPDATE ON volume_redactions WHEN ${archivedEntry('OLD.entry_id')} BEGIN SELECT RAISE(ABORT, ${ARCHIVED}); END`,
      `CREATE TRIGGER volume_bindings_archived_insert BEFORE INSERT ON volume_bindings WHEN ${archivedVolume('NEW.volume_id')} BEGIN SELECT RAISE(ABORT, ${ARCHIVED}); END`,
      `CREATE TRIGGER volume_public_copies_archived_insert BEFORE INSERT ON volume_public_copies WHEN ${archivedVolume('NEW.volume_id')} BEGIN SELECT RAISE(ABORT, ${ARCHIVED}); END`,
      `CREATE TABLE volume_supplements (
        id INTEGER PRIMARY KEY,
        volume_id INTEGER NOT NULL REFERENCES volume_archives(volume_id),
        note TEXT NOT NULL CHECK (length(trim(note)) > 0),
        blob_sha256 TEXT REFERENCES blobs(sha256),
        added_by INTEGER REFERENCES users(id),
        added_at TEXT NOT NULL)`,
      `CREATE TRIGGER volume_supplements_immutable_update BEFORE UPDATE ON volume_supplements BEGIN SELECT RAISE(ABORT, 'volume supplement is immutable'); END`,
      `CREATE TRIGGER volume_supplements_immutable_delete BEFORE DELETE ON volume_supplements BEGIN SELECT RAISE(ABORT, 'volume supplement is immutable'); END`,
      // Paper originals: where the volume's box is (库房 / 柜 / 架 / 盒); every move is a new row (history).
      `CREATE TABLE volume_locations (
        id INTEGER PRIMARY KEY,
        volume_id INTEGER NOT NULL REFERENCES volume_archives(volume_id),
        room TEXT NOT NULL CHECK (length(trim(room)) > 0),
        cabinet TEXT NOT NULL,
        shelf TEXT NOT NULL,
        box TEXT NOT NULL CHECK (length(trim(box)) > 0),
        reason TEXT,
        moved_by INTEGER REFERENCES users(id),
        moved_at TEXT NOT NULL)`,
      `CREATE INDEX volume_locations_volume ON volume_locations(volume_id, id)`,
      `CREATE TRIGGER volume_locations_immutable_update BEFORE UPDATE ON volume_locations BEGIN SELECT RAISE(ABORT, 'volume location is immutable'); END`,
      `CREATE TRIGGER volume_locations_immutable_delete BEFORE DELETE ON volume_locations BEGIN SELECT RAISE(ABORT, 'volume location is immutable'); END`,
      `CREATE TABLE fixity_runs (
        id INTEGER PRIMARY KEY,
        job_id INTEGER UNIQUE REFERENCES jobs(id),
        volume_id INTEGER REFERENCES volumes(id),
        bureau_ids TEXT NOT NULL CHECK (json_valid(bureau_ids)),
        state TEXT NOT NULL DEFAULT 'running' CHECK (state IN ('running','finished')),
        audit_checked INTEGER NOT NULL DEFAULT 0 CHECK (audit_checked IN (0,1)),
        last_volume_id INTEGER NOT NULL DEFAULT 0,
        checked INTEGER NOT NULL DEFAULT 0,
        pages INTEGER NOT NULL DEFAULT 0,
        ok INTEGER CHECK (ok IN (0,1)),
        started_by INTEGER REFERENCES users(id),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        CHECK ((state = 'finished') = (finished_at IS NOT NULL AND ok IS NOT NULL)))`,
      `CREATE TABLE fixity_failures (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES fixity_runs(id),
        volume_id INTEGER REFERENCES volumes(id),
        property TEXT NOT NULL CHECK (property IN ('authenticity','integrity','usability','security')),
        code TEXT NOT NULL,
        item TEXT NOT NULL,
        detail TEXT NOT NULL)`,
      `CREATE INDEX fixity_failures_run ON fixity_failures(run_id, volume_id)`,
      `CREATE INDEX fixity_failures_volume ON fixity_failures(volume_id)`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const trigger of ['volumes_archived_update', 'volume_entries_archived_insert', 'volume_entries_archived_update', 'volume_entries_archived_delete', 'volume_pages_archived_insert', 'volume_pages_archived_update', 'volume_pages_archived_delete', 'volume_redactions_archived_insert', 'volume_redactions_archived_update', 'volume_bindings_archived_insert', 'volume_public_copies_archived_insert']) {
      await q.query(`DROP TRIGGER IF EXISTS ${trigger}`);
    }
    for (const table of ['fixity_failures', 'fixity_runs', 'volume_locations', 'volume_supplements', 'volume_archives', 'archive_counters', 'legal_reviews', 'archive_settings']) await q.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
