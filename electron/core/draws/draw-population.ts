import type { MatchSettings, TaskScope } from '../../../shared/contract';
import { purposeAllowsRepeat, type ExclusionReason } from '../../../shared/domain/draws/draw-record';
import { CREDIT_STRATA, STRATA, type MatchCandidate, type MatchExpert, type MatchTarget, type PopulationEntry, type RatioTable, type StratumKey } from '../../../shared/domain/draws/draw-types';
import { CREDIT_CLASSES, RISK_LEVELS } from '../../../shared/domain/targets';
import { AppError } from '../../../shared/errors/app-error';
import type { BureauService } from '../bureaus/bureau-service';
import type { Database, Reader, Tx } from '../db/database';
import { findPlan, findTask, taskItems, type PlanRow, type TaskItemRow, type TaskRow } from '../plans/plan-repository';

type Db = Database | Tx;

export type TaskContext = { task: TaskRow; plan: PlanRow; items: TaskItemRow[]; scope: TaskScope; ratios: RatioTable; matching: MatchSettings };
export type Exclusion = { targetId: number; code: string; reason: ExclusionReason };

export async function loadTaskContext(db: Db, taskId: number): Promise<TaskContext> {
  const task = await findTask(db, taskId);
  if (!task) throw new AppError('NOT_FOUND', { entity: 'task', id: taskId });
  const plan = (await findPlan(db, task.plan_id)) as PlanRow;
  const items = (await taskItems(db, [taskId])).get(taskId) ?? [];
  return {
    task,
    plan,
    items,
    scope: JSON.parse(task.scope) as TaskScope,
    ratios: JSON.parse(task.ratios) as RatioTable,
    matching: JSON.parse(task.matching) as MatchSettings,
  };
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');

/** The bureaus a task draws from: the listed ones (each with its subtree) or the executing bureau's subtree. */
export function scopeBureaus(ctx: TaskContext, bureaus: BureauService): number[] {
  const roots = ctx.scope.bureauIds.length ? ctx.scope.bureauIds : [ctx.task.executing_bureau_id];
  return [...new Set(roots.flatMap((id) => bureaus.subtree(id)))].sort((a, b) => a - b);
}

// SQL spelling of stratumOf(): unknown or missing ratings fall in 'unrated'.
const indexSql = (column: string, values: readonly string[]) => `CASE ${column} ${values.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} ELSE ${values.length} END`;
/** The index into STRATA (risk outer, credit inner; unknown → unrated) — a small integer, cheaper to pack than its name. */
const STRATUM_INDEX_SQL = `(${indexSql('t.risk_level', RISK_LEVELS)}) * ${CREDIT_STRATA.length} + (${indexSql('t.credit_class', CREDIT_CLASSES)})`;
/** Codes go into tab/comma separated files; the rare identifier holding a separator gets '_' (credit codes are validated). */
const CODE_SQL = `coalesce(t.credit_code, replace(replace(replace(replace(replace(t.identifier, char(9), '_'), char(10), '_'), char(13), '_'), ',', '_'), '"', '_'), '')`;
const EXCLUSION_FLAGS = { n: 'not_active', i: 'inspected_this_year' } as const satisfies Record<string, ExclusionReason>;

/**
 * The draw's population: targets in the task's scope (territorial bureau, kinds, industries, 分类标注),
 * minus those not in an allowed registration status and — for a general-item task — those already
 * inspected this year under a general task (Art. 13(1)).
 * Hot path over a million rows (measured: bench/draw.ts): SQLite classifies the rows and packs them into
 * one text value — ten times faster than a million row objects through the driver; a table scan yields
 * them in id order, so putting them in population order (stratum, id) is a linear bucketing.
 */
export async function readPopulation(db: Db, ctx: TaskContext, bureaus: BureauService): Promise<{ entries: PopulationEntry[]; exclusions: Exclusion[] }> {
  const inScope = scopeBureaus(ctx, bureaus);
  const where = [`t.territorial_bureau_id IN (${marks(inScope.length)})`];
  const args: unknown[] = [...inScope];
  if (ctx.scope.kinds.length) {
    where.push(`t.kind IN (${marks(ctx.scope.kinds.length)})`);
    args.push(...ctx.scope.kinds);
  }
  if (ctx.scope.industries.length) {
    where.push(`t.industry IN (${marks(ctx.scope.industries.length)})`);
    args.push(...ctx.scope.industries);
  }
  if (ctx.scope.tagItemIds.length) {
    where.push(`EXISTS (SELECT 1 FROM target_item_tags g WHERE g.target_id = t.id AND g.item_id IN (${marks(ctx.scope.tagItemIds.length)}))`);
    args.push(...ctx.scope.tagItemIds);
  }
  const statusSql = `CASE WHEN t.reg_status NOT IN (${list(ctx.scope.regStatuses)}) THEN 'n'`;
  const repeatSql = purposeAllowsRepeat(ctx.task.purpose)
    ? ''
    : ` WHEN t.id IN (SELECT target_id FROM inspections WHERE year = ${Number(ctx.plan.year)} AND purpose = 'general' AND task_id != ${Number(ctx.task.id)}) THEN 'i'`;
  // A whole-city scope reads faster as a table scan than through the bureau index.
  const scan = inScope.length > 3 ? 'NOT INDEXED' : '';
  const sql = `SELECT group_concat(line, char(10)) AS packed FROM (
       SELECT (${STRATUM_INDEX_SQL}) || char(9) || t.id || char(9) || ${CODE_SQL} || char(9) || (${statusSql}${repeatSql} ELSE '' END) AS line
       FROM targets t ${scan} WHERE t.id BETWEEN ? AND ? AND ${where.join(' AND ')})`;
  // Read in id ranges over two connections (Database.readParallel: both SQLite threads busy, one state of
  // the database), unpacked here in id order while the later ranges are still being packed.
  // 1,000,000 targets (bench/draw.ts, read and unpacked): 1.9 s as one query, 1.5 s in ranges on one
  // connection, 1.1 s on two (each query is slower while both run, but JS unpacks in between).
  const bounds = await db.get<{ lo: number | null; hi: number | null }>('SELECT min(id) AS lo, max(id) AS hi FROM targets');
  const population = populationBuilder();
  if (bounds?.lo == null || bounds.hi == null) return population.result();
  const { lo, hi } = { lo: bounds.lo, hi: bounds.hi };
  const step = Math.ceil((hi - lo + 1) / POPULATION_RANGES);
  const read = async (readers: readonly Reader[]) => {
    // One query at a time per connection (several queued on one connection ran slower than one after
    // another); reader i takes ranges i, i + n, …, and the ranges are unpacked in id order as they arrive.
    const done: ((packed: string) => void)[] = [];
    const failed: ((error: unknown) => void)[] = [];
    const packed = Array.from({ length: POPULATION_RANGES }, (_, k) => new Promise<string>((resolve, reject) => ((done[k] = resolve), (failed[k] = reject))));
    packed.forEach((p) => p.catch(() => undefined)); // each is awaited below; a failure is thrown there
    const workers = readers.map(async (reader, i) => {
      for (let k = i; k < POPULATION_RANGES; k += readers.length) {
        const from = lo + k * step;
        try {
          done[k]!((await reader.get<{ packed: string | null }>(sql, [from, from + step - 1, ...args]))?.packed ?? '');
        } catch (error) {
          for (let j = k; j < POPULATION_RANGES; j += readers.length) failed[j]!(error);
          return;
        }
      }
    });
    try {
      for (const p of packed) population.add(await p);
    } finally {
      await Promise.all(workers); // never leave the lock (readParallel) with a query still running
    }
  };
  if ('readParallel' in db) await db.readParallel(read);
  else await read([db]);
  return population.result();
}

/** Id ranges the population is read in (enough to overlap reading and unpacking, few enough statements). */
const POPULATION_RANGES = 8;

/**
 * Lines `stratumIndex\tid\tcode\tflag`, added in ascending id ranges → entries in population order
 * (stratum, then target id) and exclusions by id.
 */
function populationBuilder() {
  const buckets: PopulationEntry[][] = STRATA.map(() => []);
  const exclusions: Exclusion[] = [];
  return {
    add(packed: string) {
      let pos = 0;
      while (pos < packed.length) {
        const a = packed.indexOf('\t', pos);
        const b = packed.indexOf('\t', a + 1);
        const c = packed.indexOf('\t', b + 1);
        let end = packed.indexOf('\n', c + 1);
        if (end < 0) end = packed.length;
        const targetId = digits(packed, a + 1, b);
        const code = packed.slice(b + 1, c);
        if (end > c + 1) exclusions.push({ targetId, code, reason: EXCLUSION_FLAGS[packed[c + 1] as keyof typeof EXCLUSION_FLAGS] });
        else {
          const index = digits(packed, pos, a);
          (buckets[index] as PopulationEntry[]).push({ targetId, code, stratum: STRATA[index] as StratumKey });
        }
        pos = end + 1;
      }
    },
    result(): { entries: PopulationEntry[]; exclusions: Exclusion[] } {
      // Plain loops into a presized array: `every` plus a million pushes took a quarter second here.
      let total = 0;
      for (const bucket of buckets) total += bucket.length;
      const entries = new Array<PopulationEntry>(total);
      let n = 0;
      for (const bucket of buckets) {
        if (!idsAscending(bucket)) bucket.sort((x, y) => x.targetId - y.targetId); // an index scan
        for (let i = 0; i < bucket.length; i++) entries[n++] = bucket[i] as PopulationEntry;
      }
      if (!idsAscending(exclusions)) exclusions.sort((x, y) => x.targetId - y.targetId);
      return { entries, exclusions };
    },
  };
}

/** The decimal number text[from, to) (SQLite wrote it: digits only), without a substring per field. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - 0x30;
  return n;
}

function idsAscending(list: readonly { targetId: number }[]): boolean {
  for (let i = 1; i < list.length; i++) if ((list[i - 1] as { targetId: number }).targetId >= (list[i] as { targetId: number }).targetId) return false;
  return true;
}

export type SelectedTargetRow = { id: number; name: string; registration_bureau_id: number | null; territorial_bureau_id: number };

export async function selectedTargets(db: Db, ids: number[]): Promise<Map<number, SelectedTargetRow>> {
  const rows = await db.all<SelectedTargetRow>(
    `SELECT t.id, t.name, t.registration_bureau_id, t.territorial_bureau_id FROM targets t WHERE t.id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** A free-text region (和平区, 和平区局 …) resolved to the bureau it names, so it compares with a target's 属地. */
function regionOf(region: string | null, bureaus: BureauService): string | null {
  const text = region?.trim();
  if (!text) return null;
  const named = bureaus.list().find((b) => b.name === text || b.name.startsWith(text.replace(/(市场监督管理局|市场监管局|局)$/, '')));
  return named ? named.name : text;
}

/** The matching inputs: the inspector pool, experts, and per drawn target its recusals and last team. */
export async function readMatchingInputs(db: Db, ctx: TaskContext, bureaus: BureauService, drawn: { targetId: number; seq: number }[], targets: Map<number, SelectedTargetRow>) {
  const pool = ctx.matching.poolBureauIds.length ? ctx.matching.poolBureauIds : [ctx.task.executing_bureau_id];
  const inspectors = await db.all<{ id: number; name: string; cert_no: string | null; enforcement_qualified: number; status: string; cert_valid_from: string | null; cert_valid_to: string | null; business_lines: string; expertise: string; region: string | null }>(
    `SELECT id, name, cert_no, enforcement_qualified, status, cert_valid_from, cert_valid_to, business_lines, expertise, region FROM inspectors WHERE bureau_id IN (${marks(pool.length)}) ORDER BY id`,
    pool,
  );
  const absences = await db.all<{ inspector_id: number; from_date: string; to_date: string }>(
    `SELECT inspector_id, from_date, to_date FROM inspector_absences WHERE inspector_id IN (SELECT id FROM inspectors WHERE bureau_id IN (${marks(pool.length)})) ORDER BY inspector_id, from_date`,
    pool,
  );
  const candidates: MatchCandidate[] = inspectors.map((i) => ({
    id: i.id,
    name: i.name,
    certNo: i.cert_no,
    enforcementQualified: i.enforcement_qualified === 1,
    active: i.status === 'active',
    certValidFrom: i.cert_valid_from,
    certValidTo: i.cert_valid_to,
    skills: [...new Set([...(JSON.parse(i.business_lines) as string[]), ...(JSON.parse(i.expertise) as string[])])].sort(),
    region: regionOf(i.region, bureaus),
    absences: absences.filter((a) => a.inspector_id === i.id).map((a) => ({ from: a.from_date, to: a.to_date })),
  }));
  const experts: MatchExpert[] = (
    await db.all<{ id: number; name: string; field: string; status: string }>(`SELECT id, name, field, status FROM experts WHERE bureau_id IN (${marks(pool.length)}) ORDER BY id`, pool)
  ).map((e) => ({ id: e.id, name: e.name, field: e.field, active: e.status === 'active' }));

  const ids = JSON.stringify(drawn.map((d) => d.targetId));
  const recusals = await db.all<{ target_id: number; inspector_id: number }>(`SELECT target_id, inspector_id FROM recusals WHERE target_id IN (SELECT value FROM json_each(?)) ORDER BY inspector_id`, [ids]);
  const last = await db.all<{ target_id: number; inspection_id: number; member_id: number }>(
    `SELECT i.target_id, i.id AS inspection_id, m.member_id FROM inspections i JOIN inspection_members m ON m.inspection_id = i.id AND m.kind = 'inspector'
     WHERE i.task_id != ? AND i.target_id IN (SELECT value FROM json_each(?)) ORDER BY i.target_id, i.id DESC, m.position`,
    [ctx.task.id, ids],
  );
  const recusedOf = new Map<number, number[]>();
  for (const r of recusals) recusedOf.set(r.target_id, [...(recusedOf.get(r.target_id) ?? []), r.inspector_id]);
  const lastOf = new Map<number, { inspection: number; members: number[] }>();
  for (const r of last) {
    const seen = lastOf.get(r.target_id);
    if (!seen) lastOf.set(r.target_id, { inspection: r.inspection_id, members: [r.member_id] });
    else if (seen.inspection === r.inspection_id) seen.members.push(r.member_id);
  }
  const matchTargets: MatchTarget[] = drawn.map((d) => ({
    targetId: d.targetId,
    seq: d.seq,
    region: bureaus.get(targets.get(d.targetId)?.territorial_bureau_id ?? ctx.task.executing_bureau_id).name,
    recusedInspectorIds: recusedOf.get(d.targetId) ?? [],
    lastInspectorIds: lastOf.get(d.targetId)?.members ?? [],
  }));
  return { candidates, experts, targets: matchTargets };
}
