import type { CorrectionDto, InspectionMemberDto, ItemResultDto, MemberChangeDto, PublicationDto, ResultDto, ReviewDto, SigningDto } from '../../../shared/contract';
import type {
  CorrectionStatus,
  FollowUpMeasure,
  FollowUpStatus,
  InspectionStatus,
  NonPublicReason,
  PublicationPlatform,
  ResultCategory,
  SigningStatus,
} from '../../../shared/domain/inspections/inspections';
import type { InspectionMethod } from '../../../shared/domain/items';
import type { Database, Tx } from '../db/database';
import { inspectionSnapshot } from '../draws/draw-repository';

type Db = Database | Tx;

/** One inspection with what its summary and deadlines need, read in one statement (list and get share it). */
export type InspectionRow = {
  id: number;
  task_id: number;
  draw_id: number | null;
  target_id: number;
  inspecting_bureau_id: number;
  year: number;
  purpose: string;
  status: InspectionStatus;
  version: number;
  updated_at: string;
  methods: string;
  planned_start: string | null;
  planned_end: string | null;
  started_on: string | null;
  ended_on: string | null;
  reuse_note: string | null;
  follow_up_status: FollowUpStatus;
  follow_up_closed_on: string | null;
  follow_up_note: string | null;
  task_title: string;
  plan_id: number;
  plan_title: string;
  target_name: string;
  target_code: string | null;
  bureau_name: string;
  /** JSON [[name, kind, position]] of the inspectors, in order. */
  inspector_names: string | null;
  submitted_at: string | null;
  formed_on: string | null;
  non_public: NonPublicReason | null;
  published_on: string | null;
  /** JSON [[issued_on, deadline_on, status, recheck_on]] of the correction orders. */
  corrections: string | null;
};

export const SUMMARY_SELECT = `SELECT i.id, i.task_id, i.draw_id, i.target_id, i.inspecting_bureau_id, i.year, i.purpose, i.status, i.version, i.updated_at,
    i.methods, i.planned_start, i.planned_end, i.started_on, i.ended_on, i.reuse_note, i.follow_up_status, i.follow_up_closed_on, i.follow_up_note,
    k.name AS task_title, p.id AS plan_id, p.title AS plan_title, t.name AS target_name, coalesce(t.credit_code, t.identifier) AS target_code, b.name AS bureau_name,
    (SELECT json_group_array(n) FROM (SELECT s.name AS n FROM inspection_members m JOIN inspectors s ON s.id = m.member_id
       WHERE m.inspection_id = i.id AND m.kind = 'inspector' ORDER BY m.position)) AS inspector_names,
    r.submitted_at, r.formed_on, r.non_public, pub.published_on,
    (SELECT json_group_array(json_array(c.issued_on, c.deadline_on, c.status, c.recheck_on, c.published_on)) FROM correction_orders c WHERE c.inspection_id = i.id) AS corrections
  FROM inspections i JOIN tasks k ON k.id = i.task_id JOIN plans p ON p.id = k.plan_id JOIN targets t ON t.id = i.target_id
    JOIN bureaus b ON b.id = i.inspecting_bureau_id
    LEFT JOIN inspection_results r ON r.inspection_id = i.id LEFT JOIN publications pub ON pub.inspection_id = i.id`;

export async function findInspection(db: Db, id: number): Promise<InspectionRow | undefined> {
  return db.get<InspectionRow>(`${SUMMARY_SELECT} WHERE i.id = ?`, [id]);
}

export const parseJson = <T>(text: string | null, fallback: T): T => (text === null ? fallback : (JSON.parse(text) as T));

export type CorrectionFacts = { issuedOn: string; deadlineOn: string; status: CorrectionStatus; recheckOn: string | null; publishedOn: string | null };

export function correctionFacts(row: Pick<InspectionRow, 'corrections'>): CorrectionFacts[] {
  return parseJson<[string, string, CorrectionStatus, string | null, string | null][]>(row.corrections, []).map(([issuedOn, deadlineOn, status, recheckOn, publishedOn]) => ({
    issuedOn,
    deadlineOn,
    status,
    recheckOn,
    publishedOn,
  }));
}

/* ---------- the parts of the detail ---------- */

export async function loadMembers(db: Db, inspectionId: number): Promise<InspectionMemberDto[]> {
  const rows = await db.all<{ kind: 'inspector' | 'expert'; member_id: number; name: string | null; cert_no: string | null; organisation: string | null; qualified: number | null; user_id: number | null }>(
    `SELECT m.kind, m.member_id, coalesce(s.name, e.name) AS name, s.cert_no, e.organisation, s.enforcement_qualified AS qualified, s.user_id
     FROM inspection_members m
       LEFT JOIN inspectors s ON m.kind = 'inspector' AND s.id = m.member_id
       LEFT JOIN experts e ON m.kind = 'expert' AND e.id = m.member_id
     WHERE m.inspection_id = ? ORDER BY m.kind DESC, m.position`,
    [inspectionId],
  );
  return rows.map((r) => ({
    kind: r.kind,
    memberId: r.member_id,
    name: r.name ?? '?',
    certNo: r.kind === 'inspector' ? r.cert_no : r.organisation,
    enforcementQualified: r.qualified === 1,
    userId: r.user_id,
  }));
}

export async function loadMemberChanges(db: Db, inspectionId: number): Promise<MemberChangeDto[]> {
  const rows = await db.all<{ id: number; before_json: string; after_json: string; reason: string; changed_by: number | null; display_name: string | null; changed_at: string }>(
    `SELECT c.*, u.display_name FROM inspection_member_changes c LEFT JOIN users u ON u.id = c.changed_by WHERE c.inspection_id = ? ORDER BY c.id`,
    [inspectionId],
  );
  return rows.map((r) => ({
    id: r.id,
    before: JSON.parse(r.before_json) as string[],
    after: JSON.parse(r.after_json) as string[],
    reason: r.reason,
    changedBy: r.changed_by,
    changedByName: r.display_name,
    changedAt: r.changed_at,
  }));
}

export type SigningRow = {
  inspection_id: number;
  status: SigningStatus;
  reason: string | null;
  witness_name: string | null;
  witness_id_no: string | null;
  scan_document_id: number | null;
  recorded_by: number | null;
  recorded_at: string;
};

export const findSigning = (db: Db, inspectionId: number) => db.get<SigningRow>('SELECT * FROM inspection_signings WHERE inspection_id = ?', [inspectionId]);

export const signingToDto = (r: SigningRow): SigningDto => ({
  status: r.status,
  reason: r.reason,
  witnessName: r.witness_name,
  witnessIdNo: r.witness_id_no,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
  scanDocumentId: r.scan_document_id,
});

/** As audited: the row without its key. */
export const signingSnapshot = (r: SigningRow): object => {
  const { inspection_id: _id, ...rest } = r;
  return rest;
};

export type ResultRow = {
  inspection_id: number;
  categories: string;
  measures: string;
  measure_other: string | null;
  summary: string | null;
  remark: string | null;
  remark_non_public: NonPublicReason | null;
  non_public: NonPublicReason | null;
  non_public_note: string | null;
  entered_by: number | null;
  entered_at: string | null;
  submitted_at: string | null;
  formed_on: string | null;
};

export type ItemResultRow = { item_id: number; checked: number; finding: string | null; handling: string | null };

export const findResult = (db: Db, inspectionId: number) => db.get<ResultRow>('SELECT * FROM inspection_results WHERE inspection_id = ?', [inspectionId]);
export const findItemResults = (db: Db, inspectionId: number) =>
  db.all<ItemResultRow>('SELECT item_id, checked, finding, handling FROM inspection_item_results WHERE inspection_id = ? ORDER BY item_id', [inspectionId]);

export function resultCategories(r: ResultRow): { categories: ResultCategory[]; measures: FollowUpMeasure[] } {
  return { categories: JSON.parse(r.categories) as ResultCategory[], measures: JSON.parse(r.measures) as FollowUpMeasure[] };
}

export async function resultToDto(db: Db, r: ResultRow, taskItems: { id: number; name: string }[]): Promise<ResultDto> {
  const byItem = new Map((await findItemResults(db, r.inspection_id)).map((i) => [i.item_id, i]));
  const enteredByName = r.entered_by === null ? null : ((await db.get<{ n: string }>('SELECT display_name AS n FROM users WHERE id = ?', [r.entered_by]))?.n ?? null);
  const items: ItemResultDto[] = taskItems
    .filter((i) => byItem.has(i.id))
    .map((i) => {
      const row = byItem.get(i.id) as ItemResultRow;
      return { itemId: i.id, itemName: i.name, checked: row.checked === 1, finding: row.finding, handling: row.handling };
    });
  return {
    ...resultCategories(r),
    measureOther: r.measure_other,
    summary: r.summary,
    items,
    remark: r.remark,
    remarkNonPublic: r.remark_non_public,
    nonPublic: r.non_public,
    nonPublicNote: r.non_public_note,
    enteredBy: r.entered_by,
    enteredByName,
    enteredAt: r.entered_at,
    submittedAt: r.submitted_at,
    formedOn: r.formed_on,
  };
}

/** As audited: the result set with its per-item rows (JSON text columns kept as parsed values). */
export async function resultSnapshot(db: Db, r: ResultRow): Promise<object> {
  const { inspection_id: _id, categories, measures, ...rest } = r;
  const items = (await findItemResults(db, r.inspection_id)).map((i) => [i.item_id, i.checked, i.finding, i.handling]);
  return { ...rest, categories: JSON.parse(categories) as unknown, measures: JSON.parse(measures) as unknown, items };
}

export async function loadReviews(db: Db, inspectionId: number): Promise<ReviewDto[]> {
  const rows = await db.all<{ id: number; decision: 'approve' | 'return'; comment: string | null; reviewer_id: number; display_name: string | null; reviewed_at: string }>(
    `SELECT r.id, r.decision, r.comment, r.reviewer_id, u.display_name, r.reviewed_at FROM inspection_reviews r JOIN users u ON u.id = r.reviewer_id WHERE r.inspection_id = ? ORDER BY r.id`,
    [inspectionId],
  );
  return rows.map((r) => ({ id: r.id, decision: r.decision, comment: r.comment, reviewerId: r.reviewer_id, reviewerName: r.display_name ?? '?', reviewedAt: r.reviewed_at }));
}

export type CorrectionRow = {
  id: number;
  inspection_id: number;
  content: string;
  issued_on: string;
  deadline_on: string;
  status: CorrectionStatus;
  recheck_on: string | null;
  recheck_note: string | null;
  handed_to_bureau_id: number | null;
  handed_on: string | null;
  handed_note: string | null;
  document_id: number | null;
  published_on: string | null;
  created_by: number | null;
  version: number;
  created_at: string;
  updated_at: string;
};

export const findCorrection = (db: Db, id: number) => db.get<CorrectionRow>('SELECT * FROM correction_orders WHERE id = ?', [id]);

export async function loadCorrections(db: Db, inspectionId: number): Promise<CorrectionDto[]> {
  const rows = await db.all<CorrectionRow & { bureau_name: string | null }>(
    `SELECT c.*, b.name AS bureau_name FROM correction_orders c LEFT JOIN bureaus b ON b.id = c.handed_to_bureau_id WHERE c.inspection_id = ? ORDER BY c.id`,
    [inspectionId],
  );
  return rows.map((r) => ({
    id: r.id,
    inspectionId: r.inspection_id,
    content: r.content,
    issuedOn: r.issued_on,
    deadlineOn: r.deadline_on,
    status: r.status,
    recheckOn: r.recheck_on,
    recheckNote: r.recheck_note,
    handedToBureauId: r.handed_to_bureau_id,
    handedToBureauName: r.bureau_name,
    handedOn: r.handed_on,
    documentId: r.document_id,
    publishedOn: r.published_on,
    createdAt: r.created_at,
  }));
}

/** As audited: everything but the id and the timestamps (the version moves with every change anyway). */
export const correctionSnapshot = (r: CorrectionRow): object => {
  const { id: _id, created_at: _c, updated_at: _u, ...rest } = r;
  return rest;
};

export async function loadPublication(db: Db, inspectionId: number): Promise<PublicationDto | null> {
  const row = await db.get<{ published_on: string; platforms: string; published_by: number | null; display_name: string | null }>(
    `SELECT p.published_on, p.platforms, p.published_by, u.display_name FROM publications p LEFT JOIN users u ON u.id = p.published_by WHERE p.inspection_id = ?`,
    [inspectionId],
  );
  return row ? { publishedOn: row.published_on, platforms: JSON.parse(row.platforms) as PublicationPlatform[], publishedBy: row.published_by, publishedByName: row.display_name } : null;
}

export async function loadTaskItems(db: Db, taskId: number) {
  return db.all<{ id: number; name: string; category: string; basis: string | null }>(
    `SELECT i.id, i.name, i.category, i.basis FROM task_items ti JOIN items i ON i.id = ti.item_id WHERE ti.task_id = ? ORDER BY i.business_line, i.seq, i.id`,
    [taskId],
  );
}

export const parseMethods = (text: string) => JSON.parse(text) as InspectionMethod[];

/* ---------- audit snapshots ---------- */

/**
 * The audited state of one inspection, exactly as `loadInspectionSnapshots` (draws) computes it for audit
 * verify. Every change to an inspection row or its members records this (also the publication helper's
 * status change to 'published').
 */
export async function inspectionAuditSnapshot(db: Db, id: number): Promise<object> {
  const row = await db.get<Parameters<typeof inspectionSnapshot>[0] & { members: string | null }>(
    `SELECT i.*, (SELECT json_group_array(json_array(m.kind, m.member_id)) FROM (SELECT kind, member_id FROM inspection_members WHERE inspection_id = i.id ORDER BY kind, position) m) AS members FROM inspections i WHERE i.id = ?`,
    [id],
  );
  if (!row) throw new Error(`inspection ${id} vanished inside its transaction`);
  return inspectionSnapshot(row, row.members ? (JSON.parse(row.members) as [string, number][]) : []);
}

export async function loadResultSnapshots(db: Database): Promise<Map<string, object>> {
  const rows = await db.all<ResultRow>('SELECT * FROM inspection_results');
  const items = await db.all<ItemResultRow & { inspection_id: number }>('SELECT inspection_id, item_id, checked, finding, handling FROM inspection_item_results ORDER BY inspection_id, item_id');
  const byInspection = new Map<number, unknown[][]>();
  for (const i of items) byInspection.set(i.inspection_id, [...(byInspection.get(i.inspection_id) ?? []), [i.item_id, i.checked, i.finding, i.handling]]);
  return new Map(
    rows.map((r) => {
      const { inspection_id: id, categories, measures, ...rest } = r;
      return [String(id), { ...rest, categories: JSON.parse(categories) as unknown, measures: JSON.parse(measures) as unknown, items: byInspection.get(id) ?? [] }];
    }),
  );
}

export async function loadSigningSnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<SigningRow>('SELECT * FROM inspection_signings')).map((r) => [String(r.inspection_id), signingSnapshot(r)]));
}

export async function loadCorrectionSnapshots(db: Database): Promise<Map<string, object>> {
  return new Map((await db.all<CorrectionRow>('SELECT * FROM correction_orders')).map((r) => [String(r.id), correctionSnapshot(r)]));
}
