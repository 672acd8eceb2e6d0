import type { DrawRecord } from './draw-record';
import type { DrawCrypto, MatchResult, PopulationEntry, RatioTable, TargetDrawResult } from './draw-types';
import { seedCommitment, seedFromHex } from './drbg';
import { matchInspectors } from './matching';
import { digestPopulation, sortPopulation, type PopulationDigest } from './population';
import { drawTargets, sampleSize } from './sampling';

/**
 * Third-party replay (复核摇号) of a draw record against its population file: every step is recomputed
 * from the revealed seed and compared with what the record says. A bad record never throws — the check
 * it breaks fails, and the checks that depend on a step that could not run fail with the reason.
 * resources/docs/draw-algorithm.md §10.
 */

export const REPLAY_CHECKS = ['seed_commitment', 'population_digest', 'population_strata', 'selected_list', 'selected_digest', 'matching', 'matching_digest'] as const;
export type ReplayCheck = (typeof REPLAY_CHECKS)[number];
export type ReplayCheckResult = { check: ReplayCheck; ok: boolean; expected?: string; actual?: string };
export type ReplayResult = { ok: boolean; checks: ReplayCheckResult[] };

type Attempt<T> = { ok: true; value: T } | { ok: false; error: string };

function attempt<T>(run: () => T): Attempt<T> {
  try {
    return { ok: true, value: run() };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

const pass = (check: ReplayCheck): ReplayCheckResult => ({ check, ok: true });
const fail = (check: ReplayCheck, expected: string, actual: string): ReplayCheckResult => ({ check, ok: false, expected, actual });
const compare = (check: ReplayCheck, expected: string, actual: string): ReplayCheckResult => (expected === actual ? pass(check) : fail(check, expected, actual));

export function replayDraw(crypto: DrawCrypto, record: DrawRecord, population: readonly PopulationEntry[]): ReplayResult {
  const seed = attempt(() => seedFromHex(record.seed.hex));
  const commitment = seed.ok ? compare('seed_commitment', record.seed.commitment, seedCommitment(crypto, seed.value)) : fail('seed_commitment', record.seed.commitment, seed.error);
  const sorted = attempt(() => sortPopulation(population));
  const ratios: RatioTable = { defaultBp: 0, overrides: Object.fromEntries(record.population.strata.map((s) => [s.stratum, s.ratioBp])) };
  const draw = attempt((): TargetDrawResult => {
    if (!seed.ok) throw new Error(`no usable seed: ${seed.error}`);
    if (!sorted.ok) throw new Error(sorted.error);
    return drawTargets(crypto, seed.value, sorted.value, ratios);
  });
  // drawTargets digests the population itself; hash a million lines a second time only when it could not run.
  const digest: Attempt<PopulationDigest> = draw.ok
    ? { ok: true, value: { digest: draw.value.populationDigest, size: draw.value.populationSize, strata: draw.value.strata.map(({ stratum, size, digest: d }) => ({ stratum, size, digest: d })) } }
    : sorted.ok
      ? attempt(() => digestPopulation(crypto, sorted.value))
      : sorted;
  const m = record.matching;
  const match = attempt((): MatchResult => {
    if (!seed.ok) throw new Error(`no usable seed: ${seed.error}`);
    return matchInspectors(crypto, seed.value, m.targets, m.candidates, m.experts, m.rules);
  });
  const checks = [
    commitment,
    checkPopulationDigest(record, digest),
    checkStrata(record, digest),
    checkSelectedList(record, draw),
    draw.ok ? compare('selected_digest', record.selectedDigest, draw.value.selectedDigest) : fail('selected_digest', record.selectedDigest, draw.error),
    checkMatching(record, match),
    match.ok && match.value.ok ? compare('matching_digest', m.digest, match.value.digest) : fail('matching_digest', m.digest, describeMatchFailure(match)),
  ];
  return { ok: checks.every((c) => c.ok), checks };
}

function checkPopulationDigest(record: DrawRecord, digest: Attempt<PopulationDigest>): ReplayCheckResult {
  const expected = `${record.population.digest} (${record.population.size} targets)`;
  if (!digest.ok) return fail('population_digest', expected, digest.error);
  return compare('population_digest', expected, `${digest.value.digest} (${digest.value.size} targets)`);
}

/** Per stratum: size, digest, ratio and the sample size the ratio gives (recomputed, not trusted). */
function checkStrata(record: DrawRecord, digest: Attempt<PopulationDigest>): ReplayCheckResult {
  const expected = record.population.strata.map((s) => `${s.stratum} size=${s.size} digest=${s.digest} ratio=${s.ratioBp}bp k=${s.sampleSize}`);
  if (!digest.ok) return fail('population_strata', expected.join('; '), digest.error);
  const ratioOf = new Map(record.population.strata.map((s) => [s.stratum, s.ratioBp]));
  const actual: string[] = [];
  for (const s of digest.value.strata) {
    const ratio = ratioOf.get(s.stratum) ?? 0;
    const k = attempt(() => sampleSize(s.size, ratio));
    actual.push(`${s.stratum} size=${s.size} digest=${s.digest} ratio=${ratio}bp k=${k.ok ? k.value : k.error}`);
  }
  return firstDifference('population_strata', expected, actual);
}

function checkSelectedList(record: DrawRecord, draw: Attempt<TargetDrawResult>): ReplayCheckResult {
  const expected = record.selected.map((t) => `#${t.seq} ${t.targetId} ${t.code} ${t.stratum}`);
  if (!draw.ok) return fail('selected_list', `${expected.length} targets`, draw.error);
  return firstDifference('selected_list', expected, draw.value.selected.map((t) => `#${t.seq} ${t.targetId} ${t.code} ${t.stratum}`));
}

/**
 * The matching must have been run on exactly the selected targets (same ids and seqs), and re-running it
 * must give the recorded assignments, team members in the same pick order.
 */
function checkMatching(record: DrawRecord, match: Attempt<MatchResult>): ReplayCheckResult {
  const bySeq = <T extends { seq: number; targetId: number }>(list: readonly T[]) => [...list].sort((a, b) => a.seq - b.seq || a.targetId - b.targetId);
  const targetsDiff = firstDifference(
    'matching',
    bySeq(record.selected).map((t) => `target #${t.seq} ${t.targetId}`),
    bySeq(record.matching.targets).map((t) => `target #${t.seq} ${t.targetId}`),
  );
  if (!targetsDiff.ok) return targetsDiff;
  const expected = record.matching.assignments.map(describeAssignment);
  if (!match.ok || !match.value.ok) return fail('matching', `${expected.length} assignments`, describeMatchFailure(match));
  return firstDifference('matching', expected, match.value.assignments.map(describeAssignment));
}

function describeAssignment(a: { targetId: number; inspectorIds: number[]; expertIds: number[] }): string {
  return `target ${a.targetId}: inspectors [${a.inspectorIds.join(',')}] experts [${a.expertIds.join(',')}]`;
}

function describeMatchFailure(match: Attempt<MatchResult>): string {
  if (!match.ok) return match.error;
  if (match.value.ok) return 'ok';
  const ids = match.value.infeasible.map((t) => t.targetId);
  return `re-run found ${ids.length} infeasible target(s): ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''}`;
}

/** Compares two lists line by line and reports the first difference only (lists can be very long). */
function firstDifference(check: ReplayCheck, expected: readonly string[], actual: readonly string[]): ReplayCheckResult {
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    if (expected[i] !== actual[i]) return fail(check, `[${i}] ${expected[i] ?? '(end of list)'}`, `[${i}] ${actual[i] ?? '(end of list)'}`);
  }
  return pass(check);
}
