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
    seedNote: r.seed_note,
    witness: r.witness,
    committedBy: r.committed_by,
    committedAt: r.committed_at,
    jobId: r.job_id,
    drawnAt: r.drawn_at,
    recordSha256: r.record_sha256,
    populationDigest: r.record_json ? ((JSON.parse(r.record_json) as { population: { digest: string } }).population.digest ?? null) : null,
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
    seedNote: r.seed_note,
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

export async function findDraw(db: Db, id: number): Promise<DrawRow | undefined> {
  return db.get<DrawRow>('SELECT * FROM draws WHERE id = ?', [id]);
}

export async function loadDrawSnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<DrawRow>('SELECT * FROM draws')).map((r) => [String(r.id), drawSnapshot(r)]));
}

/** Inspections and volumes a draw created, as audited (status and membership; timestamps left out). */
export async function loadInspectionSnapshots(db: Database): Promise<Map<string, object>> {
  const rows = await db.all<{ id: number; task_id: number; draw_id: number | null; target_id: number; inspecting_bureau_id: number; year: number; purpose: string; status: string; members: string | null }>(
    `SELECT i.*, (SELECT json_group_array(json_array(m.kind, m.member_id)) FROM (SELECT kind, member_id FROM inspection_members WHERE inspection_id = i.id ORDER BY kind, position) m) AS members FROM inspections i`,
  );
  return new Map(rows.map((r) => [String(r.id), inspectionSnapshot(r, r.members ? (JSON.parse(r.members) as [string, number][]) : [])]));
}

export function inspectionSnapshot(
  r: { task_id: number; draw_id: number | null; target_id: number; inspecting_bureau_id: number; year: number; purpose: string; status: string },
  members: [string, number][],
): object {
  return { taskId: r.task_id, drawId: r.draw_id, targetId: r.target_id, inspectingBureauId: r.inspecting_bureau_id, year: r.year, purpose: r.purpose, status: r.status, members };
}

export function volumeSnapshot(r: { task_id: number | null; target_id: number; inspection_id: number | null; custody_bureau_id: number; inspecting_bureau_id: number; title: string; opened_by: string; status: string }): object {
  return {
    taskId: r.task_id,
    targetId: r.target_id,
    inspectionId: r.inspection_id,
    custodyBureauId: r.custody_bureau_id,
    inspectingBureauId: r.inspecting_bureau_id,
    title: r.title,
    openedBy: r.opened_by,
    status: r.status,
  };
}

export async function loadVolumeSnapshots(db: Database): Promise<Map<string, object>> {
  const rows = await db.all<Parameters<typeof volumeSnapshot>[0] & { id: number }>('SELECT * FROM volumes');
  return new Map(rows.map((r) => [String(r.id), volumeSnapshot(r)]));
}
