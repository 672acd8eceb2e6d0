import { describe, expect, it } from 'vitest';
import {
  DRAW_ALGORITHM,
  DRAW_RECORD_FORMAT,
  DrawRecord,
  drawTargets,
  formatPopulationCsv,
  hexOf,
  matchInspectors,
  parsePopulationCsv,
  REPLAY_CHECKS,
  replayDraw,
  seedCommitment,
  sortPopulation,
  type MatchCandidate,
  type MatchRules,
  type PopulationEntry,
  type RatioTable,
  type ReplayCheck,
  type StratumKey,
} from '../../../shared/domain/draws';
import { nodeCrypto, sha256, testSeed } from './node-crypto';

const entries = (stratum: StratumKey, count: number, firstId: number): PopulationEntry[] =>
  Array.from({ length: count }, (_, i) => ({ targetId: firstId + i, code: `9144030${String(firstId + i).padStart(10, '0')}X`, stratum }));

const population = [...entries('high/C', 30, 1), ...entries('low/A', 120, 100), ...entries('unrated/unrated', 9, 500)];
const ratios: RatioTable = { defaultBp: 500, overrides: { 'high/C': 2000 } };
const candidates: MatchCandidate[] = Array.from({ length: 8 }, (_, i) => ({
  id: i + 1,
  name: `检查员${i + 1}`,
  certNo: `GD00000${i + 1}`,
  enforcementQualified: true,
  active: true,
  certValidFrom: null,
  certValidTo: null,
  skills: ['食品'],
  region: null,
  absences: [],
}));
const rules: MatchRules = { teamSize: 2, maxPerInspector: 4, requiredSkills: [], matchRegion: false, avoidLastPair: true, window: { from: '2025-05-01', to: '2025-06-30' }, expertsPerTarget: 1, expertFields: [] };
const experts = [
  { id: 1, name: '专家甲', field: '食品', active: true },
  { id: 2, name: '专家乙', field: '计量', active: true },
];

/** A record as the core writes it: draw, match, and everything needed to replay them. */
function buildRecord(seed: Uint8Array): DrawRecord {
  const draw = drawTargets(nodeCrypto, seed, sortPopulation(population), ratios);
  const targets = draw.selected.map((t) => ({ targetId: t.targetId, seq: t.seq, region: null, recusedInspectorIds: t.seq === 1 ? [1, 2] : [], lastInspectorIds: t.seq === 2 ? [3, 4] : [] }));
  const match = matchInspectors(nodeCrypto, seed, targets, candidates, experts, rules);
  if (!match.ok) throw new Error('fixture must be feasible');
  return DrawRecord.parse({
    format: DRAW_RECORD_FORMAT,
    algorithm: DRAW_ALGORITHM,
    drawId: 1,
    task: {
      id: 1,
      name: '2025年食品经营者抽查',
      planTitle: '2025年度双随机抽查计划',
      year: 2025,
      bureau: { id: 1, code: '440304', name: '福田局' },
      purpose: 'general',
      directed: false,
      scope: '营利性市场主体',
      items: [{ id: 1, name: '食品经营许可', itemClass: 'general' }],
    },
    seed: { source: 'csprng', commitment: seedCommitment(nodeCrypto, seed), committedAt: '2025-04-20T09:00:00+08:00', hex: hexOf(seed), note: null },
    drawnAt: '2025-04-20T09:05:00+08:00',
    operator: { userId: 1, login: 'op', name: '操作员' },
    witness: '监督员',
    population: { digest: draw.populationDigest, size: draw.populationSize, strata: draw.strata },
    exclusions: { total: 0, byReason: {}, digest: sha256('') },
    selected: draw.selected.map((t) => ({ ...t, name: `对象${t.targetId}` })),
    selectedDigest: draw.selectedDigest,
    matching: { rules, candidates, experts, targets, assignments: match.assignments, digest: match.digest },
  });
}

const failed = (r: ReturnType<typeof replayDraw>): ReplayCheck[] => r.checks.filter((c) => !c.ok).map((c) => c.check);

describe('replayDraw', () => {
  const seed = testSeed(77);
  const record = buildRecord(seed);
  const clone = (): DrawRecord => structuredClone(record);

  it('a correct record passes every check, in the documented order', () => {
    const r = replayDraw(nodeCrypto, record, population);
    expect(r.checks.map((c) => c.check)).toEqual([...REPLAY_CHECKS]);
    expect(failed(r)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(record.selected.length).toBe(6 + 6 + 1);
  });

  it('passes from the population file a third party receives (CSV round trip, any row order)', () => {
    const csv = formatPopulationCsv(sortPopulation(population)).split('\n');
    const shuffled = [csv[0], ...csv.slice(1, -1).reverse(), ''].join('\r\n');
    const parsed = parsePopulationCsv(`\uFEFF${shuffled}`);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(replayDraw(nodeCrypto, record, parsed.entries).ok).toBe(true);
  });

  it('one selected target id flipped → selected_list fails', () => {
    const bad = clone();
    (bad.selected[4] as DrawRecord['selected'][number]).targetId = 9999;
    const r = replayDraw(nodeCrypto, bad, population);
    expect(failed(r)).toEqual(['selected_list', 'matching']);
    expect(r.checks.find((c) => c.check === 'selected_list')).toMatchObject({ expected: expect.stringContaining('9999') });
  });

  it('a different seed behind the same commitment → seed_commitment fails (and the re-run draw differs)', () => {
    const bad = clone();
    bad.seed.hex = hexOf(testSeed(78));
    expect(failed(replayDraw(nodeCrypto, bad, population))).toEqual(['seed_commitment', 'selected_list', 'selected_digest', 'matching', 'matching_digest']);
  });

  it('a seed that is not hex fails the checks instead of throwing', () => {
    const bad = clone();
    bad.seed.hex = 'not hex';
    const r = replayDraw(nodeCrypto, bad, population);
    expect(failed(r)).toEqual(['seed_commitment', 'selected_list', 'selected_digest', 'matching', 'matching_digest']);
    expect(r.checks[0]?.actual).toMatch(/64 hexadecimal/);
  });

  it('one population entry changed → population_digest (and that stratum) fail', () => {
    const changed = population.map((e) => (e.targetId === 105 ? { ...e, code: `${e.code}1` } : e));
    const r = replayDraw(nodeCrypto, record, changed);
    expect(failed(r)).toContain('population_digest');
    expect(failed(r)).toContain('population_strata');
    expect(r.checks.find((c) => c.check === 'population_strata')?.expected).toMatch(/^\[0\] low\/A/);
  });

  it('one population entry missing → population_digest, population_strata and the draw fail', () => {
    const r = replayDraw(nodeCrypto, record, population.filter((e) => e.targetId !== 3));
    expect(failed(r)).toEqual(expect.arrayContaining(['population_digest', 'population_strata', 'selected_list', 'selected_digest']));
  });

  it('one assignment changed → matching fails', () => {
    const bad = clone();
    const a = bad.matching.assignments[3] as DrawRecord['matching']['assignments'][number];
    a.inspectorIds = [...a.inspectorIds].reverse();
    expect(failed(replayDraw(nodeCrypto, bad, population))).toEqual(['matching']);
  });

  it('the recorded matching digest changed → matching_digest fails', () => {
    const bad = clone();
    bad.matching.digest = sha256('x');
    expect(failed(replayDraw(nodeCrypto, bad, population))).toEqual(['matching_digest']);
  });

  it('a recorded sample size that the ratio does not give → population_strata fails', () => {
    const bad = clone();
    (bad.population.strata[0] as DrawRecord['population']['strata'][number]).sampleSize += 1;
    expect(failed(replayDraw(nodeCrypto, bad, population))).toEqual(['population_strata']);
  });

  it('matching run on targets other than the selected ones → matching fails', () => {
    const bad = clone();
    (bad.matching.targets.at(-1) as DrawRecord['matching']['targets'][number]).seq = 99;
    const r = replayDraw(nodeCrypto, bad, population);
    expect(failed(r)).toContain('matching');
    expect(r.checks.find((c) => c.check === 'matching')?.actual).toMatch(/#99/);
  });

  it('invalid rules or strata in a record fail checks instead of throwing', () => {
    const bad = clone();
    bad.matching.rules.teamSize = 1;
    (bad.population.strata[0] as DrawRecord['population']['strata'][number]).ratioBp = 20000;
    const r = replayDraw(nodeCrypto, bad, population);
    expect(failed(r)).toEqual(['population_strata', 'selected_list', 'selected_digest', 'matching', 'matching_digest']);
    expect(r.checks.find((c) => c.check === 'matching')?.actual).toMatch(/teamSize/);
  });

  it('a population with an unknown stratum fails checks instead of throwing', () => {
    const r = replayDraw(nodeCrypto, record, [...population, { targetId: 9000, code: 'X', stratum: 'nope/A' as StratumKey }]);
    expect(failed(r)).toEqual(['population_digest', 'population_strata', 'selected_list', 'selected_digest']);
  });
});
