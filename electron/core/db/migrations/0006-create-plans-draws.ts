import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Annual plans, tasks and random draws (Arts. 12–14), and what a draw creates: one inspection per drawn
 * target (with its matched inspectors and experts) and one case volume at the target's custody bureau.
 * A completed draw and its selections are immutable: triggers refuse any UPDATE or DELETE.
 */
export class CreatePlansDraws1700000000006 implements MigrationInterface {
  name = 'CreatePlansDraws1700000000006';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        business_line TEXT NOT NULL CHECK (length(business_line) > 0),
        title TEXT NOT NULL CHECK (length(title) > 0),
        description TEXT,
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','submitted','approved','published')),
        plan_version INTEGER NOT NULL DEFAULT 1 CHECK (plan_version >= 1),
        change_note TEXT,
        submitted_by INTEGER REFERENCES users(id),
        reviewed_by INTEGER REFERENCES users(id),
        review_note TEXT,
        published_at TEXT,
        created_by INTEGER REFERENCES users(id),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL)`,
      `CREATE INDEX plans_bureau_year ON plans(bureau_id, year)`,
      `CREATE TABLE plan_versions (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES plans(id),
        plan_version INTEGER NOT NULL,
        snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
        changes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(changes)),
        change_note TEXT,
        published_by INTEGER REFERENCES users(id),
        published_at TEXT NOT NULL,
        UNIQUE (plan_id, plan_version))`,
      `CREATE TABLE tasks (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES plans(id),
        batch_no INTEGER NOT NULL CHECK (batch_no >= 1),
        name TEXT NOT NULL CHECK (length(name) > 0),
        purpose TEXT NOT NULL DEFAULT 'general' CHECK (purpose IN ('general','key','complaint','referral','case')),
        directed INTEGER NOT NULL DEFAULT 0 CHECK (directed IN (0,1)),
        executing_bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
        scope TEXT NOT NULL CHECK (json_valid(scope)),
        ratios TEXT NOT NULL CHECK (json_valid(ratios)),
        matching TEXT NOT NULL CHECK (json_valid(matching)),
        joint TEXT CHECK (joint IS NULL OR json_valid(joint)),
        window_from TEXT NOT NULL,
        window_to TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','drawn','merged','cancelled')),
        merged_into INTEGER REFERENCES tasks(id),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (window_from <= window_to))`,
      `CREATE INDEX tasks_plan ON tasks(plan_id, batch_no)`,
      `CREATE TABLE task_items (
        task_id INTEGER NOT NULL REFERENCES tasks(id),
        item_id INTEGER NOT NULL REFERENCES items(id),
        PRIMARY KEY (task_id, item_id)) WITHOUT ROWID`,
      `CREATE INDEX task_items_item ON task_items(item_id)`,
      `CREATE TABLE draws (
        id INTEGER PRIMARY KEY,
        task_id INTEGER NOT NULL REFERENCES tasks(id),
        status TEXT NOT NULL CHECK (status IN ('committed','running','completed','failed','abandoned')),
        seed_source TEXT NOT NULL CHECK (seed_source IN ('csprng','supplied')),
        seed_commitment TEXT NOT NULL,
        seed_hex TEXT NOT NULL,
        seed_note TEXT,
        witness TEXT,
        committed_by INTEGER REFERENCES users(id),
        committed_at TEXT NOT NULL,
        job_id INTEGER,
        drawn_at TEXT,
        record_json TEXT CHECK (record_json IS NULL OR json_valid(record_json)),
        record_sha256 TEXT,
        population_blob TEXT,
        exclusions_blob TEXT,
        pdf_blob TEXT,
        selected_count INTEGER,
        population_size INTEGER,
        population_digest TEXT,
        error_code TEXT,
        error_details TEXT)`,
      `CREATE INDEX draws_task ON draws(task_id, id)`,
      `CREATE TRIGGER draws_immutable_update BEFORE UPDATE ON draws WHEN old.status = 'completed' BEGIN
        SELECT RAISE(ABORT, 'draw record is immutable');
      END`,
      `CREATE TRIGGER draws_immutable_delete BEFORE DELETE ON draws WHEN old.status = 'completed' BEGIN
        SELECT RAISE(ABORT, 'draw record is immutable');
      END`,
      `CREATE TABLE draw_selections (
        draw_id INTEGER NOT NULL REFERENCES draws(id),
        seq INTEGER NOT NULL,
        target_id INTEGER NOT NULL REFERENCES targets(id),
        stratum TEXT NOT NULL,
        inspector_ids TEXT NOT NULL CHECK (json_valid(inspector_ids)),
        expert_ids TEXT NOT NULL CHECK (json_valid(expert_ids)),
        PRIMARY KEY (draw_id, seq)) WITHOUT ROWID`,
      `CREATE INDEX draw_selections_target ON draw_selections(target_id)`,
      `CREATE TRIGGER draw_selections_immutable_update BEFORE UPDATE ON draw_selections BEGIN
        SELECT RAISE(ABORT, 'draw record is immutable');
      END`,
      `CREATE TRIGGER draw_selections_immutable_delete BEFORE DELETE ON draw_selections BEGIN
        SELECT RAISE(ABORT, 'draw record is immutable');
      END`,
      `CREATE TABLE inspections (
        id INTEGER PRIMARY KEY,
        task_id INTEGER NOT NULL REFERENCES tasks(id),
        draw_id INTEGER REFERENCES draws(id),
        target_id INTEGER NOT NULL REFERENCES targets(id),
        inspecting_bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
        year INTEGER NOT NULL,
        purpose TEXT NOT NULL CHECK (purpose IN ('general','key','complaint','referral','case')),
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','in_progress','awaiting_entry','awaiting_review','reviewed','published')),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (task_id, target_id))`,
      `CREATE INDEX inspections_target_year ON inspections(target_id, year, purpose)`,
      `CREATE INDEX inspections_bureau_status ON inspections(inspecting_bureau_id, status)`,
      `CREATE TABLE inspection_members (
        inspection_id INTEGER NOT NULL REFERENCES inspections(id),
        kind TEXT NOT NULL CHECK (kind IN ('inspector','expert')),
        member_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (inspection_id, kind, member_id)) WITHOUT ROWID`,
      `CREATE INDEX inspection_members_member ON inspection_members(kind, member_id)`,
      `CREATE TABLE volumes (
        id INTEGER PRIMARY KEY,
        task_id INTEGER REFERENCES tasks(id),
        target_id INTEGER NOT NULL REFERENCES targets(id),
        inspection_id INTEGER REFERENCES inspections(id),
        custody_bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
        inspecting_bureau_id INTEGER NOT NULL REFERENCES bureaus(id),
        title TEXT NOT NULL,
        opened_by TEXT NOT NULL CHECK (opened_by IN ('draw','manual')),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','bound','in_review','archived')),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL)`,
      `CREATE UNIQUE INDEX volumes_task_target ON volumes(task_id, target_id) WHERE task_id IS NOT NULL`,
      `CREATE INDEX volumes_custody ON volumes(custody_bureau_id, status)`,
    ];
    for (const sql of statements) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['volumes', 'inspection_members', 'inspections', 'draw_selections', 'draws', 'task_items', 'tasks', 'plan_versions', 'plans']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
