import { createDrbg, type Drbg } from './drbg';
import {
  MATCH_REASONS,
  type Assignment,
  type DrawCrypto,
  type InfeasibleTarget,
  type MatchCandidate,
  type MatchExpert,
  type MatchReason,
  type MatchResult,
  type MatchRules,
  type MatchTarget,
} from './draw-types';

/**
 * Inspector matching (随机匹配执法检查人员) of casebinder-draw/1, resources/docs/draw-algorithm.md §8.
 * Rules that hold for the whole task are applied once to the pool; per target only recusal (回避) and
 * region remain. Picks are load-balanced: among the allowed candidates only those with the fewest targets
 * so far in this draw are eligible, and one of them is chosen uniformly with the DRBG.
 */

type Counts = Partial<Record<MatchReason, number>>;

/**
 * The candidates passing every task-wide rule, by ascending id. Regions are interned to small integers
 * (−1 = none) so the per-target scans compare numbers, not strings.
 */
type Pool = {
  ids: number[];
  regionCodes: Int32Array;
  regionCodeOf: Map<string, number>;
  /** Pool members per region code, and those without a region. */
  regionSizes: number[];
  noRegion: number;
  positionOf: Map<number, number>;
  excluded: Counts;
};

/** A target with its per-target rules evaluated against the pool. */
type TargetView = {
  target: MatchTarget;
  /** Pool positions the target recuses. */
  recused: number[];
  /** −1: the region rule does not apply; else the region code a candidate's region must equal (−2: none does). */
  regionCode: number;
  recusedCount: number;
  regionCount: number;
  eligible: number;
};

type TeamOutcome = { ok: true; positions: number[] } | { ok: false; excluded: Counts };

/** One pick's inputs: the target's eligible positions and what rules them out for this pick. */
type PickState = {
  list: Int32Array;
  length: number;
  loads: Int32Array;
  inTeam: Int32Array;
  stamp: number;
  /** The one position the last-pair rule excludes, or −1. */
  avoid: number;
  /** maxPerInspector, or Infinity. */
  cap: number;
};

/**
 * Staffs every target with `teamSize` inspectors (and `expertsPerTarget` experts). All or nothing: if any
 * target cannot be staffed, the result lists every such target with the reasons and assigns nobody, so the
 * operator fixes the inputs and draws again. Invalid rules or repeated ids throw (programming errors).
 */
export function matchInspectors(
  crypto: DrawCrypto,
  seed: Uint8Array,
  targets: readonly MatchTarget[],
  candidates: readonly MatchCandidate[],
  experts: readonly MatchExpert[],
  rules: MatchRules,
): MatchResult {
  checkRules(rules);
  assertDistinct(targets.map((t) => t.targetId), 'target');
  assertDistinct(experts.map((e) => e.id), 'expert');
  const pool = buildPool(candidates, rules);
  const views = processingOrder(targets.map((t) => viewOf(t, pool, rules)));
  const picker = createTeamPicker(createDrbg(crypto, seed, 'inspectors'), pool, rules);
  const teams = new Map<number, number[]>();
  const infeasible = new Map<number, InfeasibleTarget>();
  for (const view of views) {
    const outcome = picker(view);
    if (outcome.ok) teams.set(view.target.targetId, outcome.positions.map((p) => pool.ids[p] as number));
    else infeasible.set(view.target.targetId, { targetId: view.target.targetId, seq: view.target.seq, excluded: outcome.excluded, eligible: view.eligible, needed: rules.teamSize });
  }
  const expertTeams = rules.expertsPerTarget > 0 ? pickExperts(crypto, seed, views, experts, rules, infeasible) : new Map<number, number[]>();
  if (infeasible.size > 0) return { ok: false, infeasible: [...infeasible.values()].sort((a, b) => a.seq - b.seq || a.targetId - b.targetId) };
  const assignments: Assignment[] = [...targets]
    .sort((a, b) => a.seq - b.seq || a.targetId - b.targetId)
    .map((t) => ({ targetId: t.targetId, inspectorIds: teams.get(t.targetId) ?? [], expertIds: expertTeams.get(t.targetId) ?? [] }));
  return { ok: true, assignments, digest: digestAssignments(crypto, assignments) };
}

/** `targetId\tinspectorIds(,)\texpertIds(,)\n` per assignment, in the given (seq) order. */
export function assignmentLine(a: Assignment): string {
  return `${a.targetId}\t${a.inspectorIds.join(',')}\t${a.expertIds.join(',')}\n`;
}

export function digestAssignments(crypto: DrawCrypto, assignments: readonly Assignment[]): string {
  const hash = crypto.sha256Stream();
  hash.update(assignments.map(assignmentLine).join(''));
  return hash.digestHex();
}

function checkRules(rules: MatchRules): void {
  if (!Number.isInteger(rules.teamSize) || rules.teamSize < 2) throw new Error(`teamSize must be an integer ≥ 2, got ${rules.teamSize}`);
  if (rules.maxPerInspector !== null && (!Number.isInteger(rules.maxPerInspector) || rules.maxPerInspector < 0)) {
    throw new Error(`maxPerInspector must be null or an integer ≥ 0, got ${rules.maxPerInspector}`);
  }
  if (!Number.isInteger(rules.expertsPerTarget) || rules.expertsPerTarget < 0) throw new Error(`expertsPerTarget must be an integer ≥ 0, got ${rules.expertsPerTarget}`);
}

function assertDistinct(ids: readonly number[], what: string): void {
  const seen = new Set<number>();
  for (const id of ids) {
    if (seen.has(id)) throw new Error(`${what} id ${id} appears more than once`);
    seen.add(id);
  }
}

/** The first task-wide rule the candidate fails, in this fixed order; null if it passes them all. */
export function poolReason(c: MatchCandidate, rules: MatchRules): MatchReason | null {
  if (!c.enforcementQualified) return 'not_qualified';
  if (!c.active) return 'inactive';
  if (c.certNo === null || c.certNo === '') return 'cert_invalid';
  const { from, to } = rules.window; // the task's schedule
  if (c.certValidFrom !== null && c.certValidFrom > from) return 'cert_invalid';
  if (c.certValidTo !== null && c.certValidTo < to) return 'cert_invalid';
  if (c.absences.some((a) => a.from <= to && a.to >= from)) return 'absent';
  if (rules.requiredSkills.length > 0 && !c.skills.some((s) => rules.requiredSkills.includes(s))) return 'skills';
  return null;
}

function buildPool(candidates: readonly MatchCandidate[], rules: MatchRules): Pool {
  assertDistinct(candidates.map((c) => c.id), 'candidate');
  const kept: MatchCandidate[] = [];
  const excluded: Counts = {};
  for (const c of [...candidates].sort((a, b) => a.id - b.id)) {
    const reason = poolReason(c, rules);
    if (reason === null) kept.push(c);
    else excluded[reason] = (excluded[reason] ?? 0) + 1;
  }
  const pool: Pool = { ids: [], regionCodes: new Int32Array(kept.length), regionCodeOf: new Map(), regionSizes: [], noRegion: 0, positionOf: new Map(), excluded };
  kept.forEach((c, p) => {
    pool.ids.push(c.id);
    pool.positionOf.set(c.id, p);
    if (c.region === null) {
      pool.regionCodes[p] = -1;
      pool.noRegion++;
      return;
    }
    let code = pool.regionCodeOf.get(c.region);
    if (code === undefined) {
      code = pool.regionSizes.length;
      pool.regionCodeOf.set(c.region, code);
      pool.regionSizes.push(0);
    }
    pool.regionCodes[p] = code;
    pool.regionSizes[code] = (pool.regionSizes[code] as number) + 1;
  });
  return pool;
}

/** Does the region rule keep pool position p away? A region unknown on either side matches. */
function regionBlocks(pool: Pool, regionCode: number, p: number): boolean {
  const own = pool.regionCodes[p] as number;
  return regionCode !== -1 && own !== -1 && own !== regionCode;
}

/** Recusal first, then region: a candidate is counted under the first per-target rule it fails. */
function viewOf(target: MatchTarget, pool: Pool, rules: MatchRules): TargetView {
  const recused = [...new Set(target.recusedInspectorIds)].map((id) => pool.positionOf.get(id)).filter((p): p is number => p !== undefined);
  const regionCode = !rules.matchRegion || target.region === null ? -1 : (pool.regionCodeOf.get(target.region) ?? -2);
  let regionCount = 0;
  if (regionCode !== -1) {
    const sameRegion = regionCode >= 0 ? (pool.regionSizes[regionCode] as number) : 0;
    regionCount = pool.ids.length - pool.noRegion - sameRegion - recused.filter((p) => regionBlocks(pool, regionCode, p)).length;
  }
  return { target, recused, regionCode, recusedCount: recused.length, regionCount, eligible: pool.ids.length - recused.length - regionCount };
}

/**
 * Targets with the fewest eligible inspectors go first (ties by seq): the greedy, capped assignment then
 * meets the hard-to-staff targets while their few candidates still have room, which avoids most dead ends.
 */
function processingOrder(views: TargetView[]): TargetView[] {
  return views.sort((a, b) => a.eligible - b.eligible || a.target.seq - b.target.seq || a.target.targetId - b.target.targetId);
}

/** Counts merged in MATCH_REASONS order, zeros dropped (so the object serialises the same everywhere). */
function mergeCounts(...parts: Counts[]): Counts {
  const out: Counts = {};
  for (const reason of MATCH_REASONS) {
    const n = parts.reduce((sum, part) => sum + (part[reason] ?? 0), 0);
    if (n > 0) out[reason] = n;
  }
  return out;
}

/**
 * The team picker over one shared DRBG stream ('inspectors') and the draw's running loads. Members are
 * picked one at a time; a target found infeasible keeps no members and its loads are not counted, but the
 * DRBG values it consumed stay consumed.
 */
function createTeamPicker(drbg: Drbg, pool: Pool, rules: MatchRules): (view: TargetView) => TeamOutcome {
  const size = pool.ids.length;
  const blocked = new Int32Array(size);
  const state: PickState = { list: new Int32Array(size), length: 0, loads: new Int32Array(size), inTeam: new Int32Array(size), stamp: 0, avoid: -1, cap: rules.maxPerInspector ?? Infinity };
  return (view) => {
    state.stamp += 1;
    for (const p of view.recused) blocked[p] = state.stamp;
    state.length = 0;
    for (let p = 0; p < size; p++) if (blocked[p] !== state.stamp && !regionBlocks(pool, view.regionCode, p)) state.list[state.length++] = p;
    const team: number[] = [];
    for (let m = 0; m < rules.teamSize; m++) {
      state.avoid = m === rules.teamSize - 1 && rules.avoidLastPair ? lastPairCompletion(team, view.target.lastInspectorIds, pool) : -1;
      const pick = pickMinLoad(drbg, state);
      if (pick < 0) return { ok: false, excluded: failureCounts(view, pool, state) };
      state.inTeam[pick] = state.stamp;
      team.push(pick);
    }
    for (const p of team) state.loads[p] = (state.loads[p] as number) + 1;
    return { ok: true, positions: team };
  };
}

/**
 * Uniform choice among the allowed positions with the lowest load, in ascending position (= id) order.
 * Returns −1 when none is allowed. One DRBG draw per pick, even when only one position qualifies.
 */
function pickMinLoad(drbg: Drbg, s: PickState): number {
  const { list, loads, inTeam, stamp, avoid, cap } = s;
  let min = Infinity;
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const p = list[i] as number;
    const load = loads[p] as number;
    if (inTeam[p] === stamp || p === avoid || load >= cap || load > min) continue;
    if (load < min) {
      min = load;
      count = 1;
    } else count++;
  }
  if (count === 0) return -1;
  let r = drbg.uniform(count);
  for (let i = 0; i < s.length; i++) {
    const p = list[i] as number;
    if (loads[p] !== min || inTeam[p] === stamp || p === avoid) continue;
    if (r === 0) return p;
    r--;
  }
  throw new Error('unreachable: min-load scan disagreed');
}

/**
 * The pool position that would complete the previous inspection's team (lastInspectorIds as a set) when
 * added to `team`, or −1. Only the last member can complete it, so only that pick is restricted.
 */
function lastPairCompletion(team: readonly number[], lastInspectorIds: readonly number[], pool: Pool): number {
  if (lastInspectorIds.length < team.length + 1) return -1;
  const last = new Set(lastInspectorIds);
  if (last.size !== team.length + 1) return -1;
  for (const p of team) if (!last.delete(pool.ids[p] as number)) return -1;
  const [missing] = [...last];
  return missing === undefined ? -1 : (pool.positionOf.get(missing) ?? -1);
}

/** Why nobody was left at the failing pick: pool-wide counts, per-target counts, then cap and last pair. */
function failureCounts(view: TargetView, pool: Pool, s: PickState): Counts {
  let capped = 0;
  let lastPair = 0;
  for (let i = 0; i < s.length; i++) {
    const p = s.list[i] as number;
    if (s.inTeam[p] === s.stamp) continue;
    if ((s.loads[p] as number) >= s.cap) capped++;
    else if (p === s.avoid) lastPair++;
  }
  return mergeCounts(pool.excluded, { recused: view.recusedCount, region: view.regionCount, cap: capped, last_pair: lastPair });
}

/**
 * Experts (专家), after all inspector teams, for the targets in the same processing order, with their own
 * DRBG stream 'experts' and the same min-load rule (no cap). Too few qualifying experts makes every target
 * infeasible with `no_expert` = the shortfall; a target only experts fail reports the experts'
 * eligible/needed numbers.
 */
function pickExperts(
  crypto: DrawCrypto,
  seed: Uint8Array,
  views: readonly TargetView[],
  experts: readonly MatchExpert[],
  rules: MatchRules,
  infeasible: Map<number, InfeasibleTarget>,
): Map<number, number[]> {
  const pool = experts.filter((e) => e.active && (rules.expertFields.length === 0 || rules.expertFields.includes(e.field))).sort((a, b) => a.id - b.id);
  const teams = new Map<number, number[]>();
  const needed = rules.expertsPerTarget;
  if (pool.length < needed) {
    for (const { target } of views) {
      const known = infeasible.get(target.targetId);
      const shortfall = { no_expert: needed - pool.length };
      infeasible.set(
        target.targetId,
        known ? { ...known, excluded: mergeCounts(known.excluded, shortfall) } : { targetId: target.targetId, seq: target.seq, excluded: shortfall, eligible: pool.length, needed },
      );
    }
    return teams;
  }
  const drbg = createDrbg(crypto, seed, 'experts');
  const state: PickState = { list: Int32Array.from(pool.keys()), length: pool.length, loads: new Int32Array(pool.length), inTeam: new Int32Array(pool.length), stamp: 0, avoid: -1, cap: Infinity };
  for (const { target } of views) {
    state.stamp += 1;
    const team: number[] = [];
    for (let m = 0; m < needed; m++) {
      const pick = pickMinLoad(drbg, state);
      state.inTeam[pick] = state.stamp;
      team.push(pick);
    }
    for (const p of team) state.loads[p] = (state.loads[p] as number) + 1;
    teams.set(target.targetId, team.map((p) => (pool[p] as MatchExpert).id));
  }
  return teams;
}
