import type { DrawDto } from '../../../shared/contract';
import type { Database, Tx } from '../db/database';

type Db = Database | Tx;

export type DrawRow = {
  id: number;
  task_id: number;
  status: DrawDto['status'];
  seed_source: 'csprng' | 'supplied';
  seed_commitment: string;
  seed_hex: string;
  seed_note: string | null;
  witness: string | null;
  committed_by: number | null;
  committed_at: string;
  job_id: number | null;
  drawn_at: string | null;
  record_json: string | null;
  record_sha256: string | null;
  population_blob: string | null;
  exclusions_blob: string | null;
  pdf_blob: string | null;
  selected_count: number | null;
  population_size: number | null;
  population_digest: string | null;
  error_code: string | null;
  error_details: string | null;
};

/** The seed stays secret until the draw is over (completed, failed after drawing, or abandoned). */
const seedRevealed = (r: DrawRow) => r.status !== 'committed' && r.status !== 'running';

export function drawToDto(r: DrawRow): DrawDto {
  return {
    id: r.id,
    taskId: r.task_id,
    status: r.status,
    seedSource: r.seed_source,
    seedCommitment: r.seed_commitment,
    seedHex: seedRevealed(r) ? r.seed_hex : null,
    // A public number's text is the seed itself (SHA-256 of it): secret until the draw, like the seed.
    seedNote: seedRevealed(r) ? r.seed_note : null,
    witness: r.witness,
    committedBy: r.committed_by,
    committedAt: r.committed_at,
    jobId: r.job_id,
    drawnAt: r.drawn_at,
    recordSha256: r.record_sha256,
    populationDigest: r.population_digest,
    populationSize: r.population_size,
    selectedCount: r.selected_count,
    errorCode: r.error_code,
    errorDetails: r.error_details === null ? null : (JSON.parse(r.error_details) as Record<string, unknown>),
  };
}

/** The audited state of a draw: never the secret seed while it is still secret; the record by its hash. */
export function drawSnapshot(r: DrawRow): object {
  return {
    taskId: r.task_id,
    status: r.status,
    seedSource: r.seed_source,
    seedCommitment: r.seed_commitment,
    seedHex: seedRevealed(r) ? r.seed_hex : null,
    seedNote: seedRevealed(r) ? r.seed_note : null,
    witness: r.witness,
    committedBy: r.committed_by,
    drawnAt: r.drawn_at,
    recordSha256: r.record_sha256,
    populationBlob: r.population_blob,
    exclusionsBlob: r.exclusions_blob,
    pdfBlob: r.pdf_blob,
    errorCode: r.error_code,
  };
}

/** Every column but the record itself (megabytes for a large draw), which only completed() reads. */
export const DRAW_COLUMNS = `id, task_id, status, seed_source, seed_commitment, seed_hex, seed_note, witness, committed_by, committed_at, job_id, drawn_at,
  NULL AS record_json, record_sha256, population_blob, exclusions_blob, pdf_blob, selected_count, population_size, population_digest, error_code, error_details`;

export async function findDraw(db: Db, id: number, withRecord = false): Promise<DrawRow | undefined> {
  return db.get<DrawRow>(`SELECT ${withRecord ? '*' : DRAW_COLUMNS} FROM draws WHERE id = ?`, [id]);
}

export async function loadDrawSnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<DrawRow>(`SELECT ${DRAW_COLUMNS} FROM draws`)).map((r) => [String(r.id), drawSnapshot(r)]));
}

/** Inspections and volumes a draw created, as audited (status and membership; timestamps left out). */
export async function loadInspectionSnapshots(db: Database): Promise<Map<string, object>> {
  const rows = await db.all<{ id: number; task_id: number; draw_id: number | null; target_id: number; inspecting_bureau_id: number; year: number; purpose: string; status: string; members: string | null }>(
    `SELECT i.*, (SELECT json_group_array(json_array(m.kind, m.member_id)) FROM (SELECT kind, member_id FROM inspection_members WHERE inspection_id = i.id ORDER BY kind, position) m) AS members FROM inspections i`,
  );
  return new Map(rows.map((r) => [String(r.id), inspectionSnapshot(r, r.members ? (JSON.parse(r.members) as [string, number][]) : [])]));
}

/** Columns added by the inspection workflow (migration 0009), with the value a drawn inspection starts with. */
const WORKFLOW_DEFAULTS = {
  methods: '[]',
  planned_start: null,
  planned_end: null,
  started_on: null,
  ended_on: null,
  reuse_note: null,
  follow_up_status: 'none',
  follow_up_closed_on: null,
  follow_up_note: null,
} as const;
type WorkflowColumns = { -readonly [K in keyof typeof WORKFLOW_DEFAULTS]?: string | null };

export function inspectionSnapshot(
  r: { task_id: number; draw_id: number | null; target_id: number; inspecting_bureau_id: number; year: number; purpose: string; status: string } & WorkflowColumns,
  members: [string, number][],
): object {
  // Workflow columns appear only once they differ from their defaults: snapshots recorded at draw time
  // (before these columns existed) stay the current state of an untouched inspection.
  const workflow: Record<string, unknown> = {};
  for (const [column, initial] of Object.entries(WORKFLOW_DEFAULTS)) {
    const value = r[column as keyof WorkflowColumns];
    if (value !== undefined && value !== initial) workflow[column] = value;
  }
  return { taskId: r.task_id, drawId: r.draw_id, targetId: r.target_id, inspectingBureauId: r.inspecting_bureau_id, year: r.year, purpose: r.purpose, status: r.status, members, ...workflow };
}

type VolumeSnapshotRow = {
  task_id: number | null; target_id: number; inspection_id: number | null; custody_bureau_id: number; inspecting_bureau_id: number; title: string; opened_by: string; status: string;
  purpose?: string | null; basis?: string | null; custody_rule?: string | null;
};

/** A volume as the audit trail records it; the facts of a volume opened by hand (migration 0020) only where set, so older snapshots still match. */
export function volumeSnapshot(r: VolumeSnapshotRow): object {
  return {
    taskId: r.task_id,
    targetId: r.target_id,
    inspectionId: r.inspection_id,
    custodyBureauId: r.custody_bureau_id,
    inspectingBureauId: r.inspecting_bureau_id,
    title: r.title,
    openedBy: r.opened_by,
    status: r.status,
    ...(r.purpose ? { purpose: r.purpose, basis: r.basis ?? null, custodyRule: r.custody_rule ?? null } : {}),
  };
}

export async function loadVolumeSnapshots(db: Database): Promise<Map<string, object>> {
  const rows = await db.all<Parameters<typeof volumeSnapshot>[0] & { id: number }>('SELECT * FROM volumes');
  return new Map(rows.map((r) => [String(r.id), volumeSnapshot(r)]));
}
