import { describe, expect, it } from 'vitest';
import { drawTargets, ratioFor, sampleSize, sortPopulation, type PopulationEntry, type RatioTable, type StratumKey } from '../../../shared/domain/draws';
import { nodeCrypto, referenceUint32s, referenceUniform, sha256, testSeed } from './node-crypto';
import { inclusionChiSquare } from './stats';

const entries = (stratum: StratumKey, count: number, firstId: number): PopulationEntry[] =>
  Array.from({ length: count }, (_, i) => ({ targetId: firstId + i, code: `C${String(firstId + i).padStart(5, '0')}`, stratum }));

describe('sampleSize: k = ⌈n × bp / 10000⌉ in integer arithmetic', () => {
  it.each([
    [0, 500, 0],
    [1, 0, 0],
    [1, 1, 1],
    [1, 500, 1],
    [19, 500, 1],
    [20, 500, 1],
    [21, 500, 2],
    [40, 500, 2],
    [3, 3333, 1],
    [3, 3334, 2],
    // Floating point would say ⌈100 × 0.07⌉ = ⌈7.000000000000001⌉ = 8.
    [100, 700, 7],
    [100, 10000, 100],
    [1_000_000_000, 1, 100_000],
    [1_000_000_000, 10000, 1_000_000_000],
  ])('n=%d, %d bp → %d', (n, bp, k) => {
    expect(sampleSize(n, bp)).toBe(k);
  });

  it.each([
    [10, -1],
    [10, 10001],
    [10, 1.5],
    [-1, 100],
    [2.5, 100],
    [1e9 + 1, 100],
  ])('n=%d, %d bp is a programming error', (n, bp) => {
    expect(() => sampleSize(n, bp)).toThrow(Error);
  });

  it('ratioFor takes the override, else the default', () => {
    const table: RatioTable = { defaultBp: 300, overrides: { 'high/D': 5000, 'low/A': 0 } };
    expect(ratioFor(table, 'high/D')).toBe(5000);
    expect(ratioFor(table, 'low/A')).toBe(0);
    expect(ratioFor(table, 'medium/B')).toBe(300);
  });
});

describe('drawTargets', () => {
  const population = sortPopulation([...entries('high/C', 40, 1), ...entries('low/A', 100, 1000), ...entries('unrated/unrated', 7, 5000)]);
  const ratios: RatioTable = { defaultBp: 1000, overrides: { 'high/C': 2500 } };

  it('takes k per stratum, in STRATA order (risk low → high, then unrated), without repeats, numbered from 1', () => {
    const r = drawTargets(nodeCrypto, testSeed(1), population, ratios);
    expect(r.strata.map((s) => [s.stratum, s.size, s.ratioBp, s.sampleSize])).toEqual([
      ['low/A', 100, 1000, 10],
      ['high/C', 40, 2500, 10],
      ['unrated/unrated', 7, 1000, 1],
    ]);
    expect(r.selected.map((t) => t.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(new Set(r.selected.map((t) => t.targetId)).size).toBe(21);
    expect(r.selected.map((t) => t.stratum)).toEqual([...Array(10).fill('low/A'), ...Array(10).fill('high/C'), 'unrated/unrated']);
    expect(r.populationSize).toBe(147);
  });

  it('is a partial Fisher–Yates over each stratum, driven by the label targets/<stratum> (independent reference)', () => {
    const seed = testSeed(5);
    const r = drawTargets(nodeCrypto, seed, population, ratios);
    let offset = 0;
    for (const s of r.strata) {
      const stream = referenceUint32s(seed, `targets/${s.stratum}`, 200);
      const a = Array.from({ length: s.size }, (_, i) => i);
      for (let i = 0; i < s.sampleSize; i++) {
        const j = i + referenceUniform(stream, s.size - i).value;
        [a[i], a[j]] = [a[j] as number, a[i] as number];
      }
      const expected = a.slice(0, s.sampleSize).map((i) => population[offset + i]?.targetId);
      expect(r.selected.filter((t) => t.stratum === s.stratum).map((t) => t.targetId)).toEqual(expected);
      offset += s.size;
    }
  });

  it('matches the published test vector of resources/docs/draw-algorithm.md §12', () => {
    const vector = Array.from({ length: 10 }, (_, i): PopulationEntry => ({ targetId: i + 1, code: `T${String(i + 1).padStart(3, '0')}`, stratum: 'high/A' }));
    const r = drawTargets(nodeCrypto, Uint8Array.from({ length: 32 }, (_, i) => i), sortPopulation(vector), { defaultBp: 3000, overrides: {} });
    expect(r.populationDigest).toBe('d0773e611b3115cf254c9251594d8382f4a4a64c635ce15b805038e95454d3e3');
    expect(r.selected.map((t) => t.code)).toEqual(['T007', 'T010', 'T005']);
    expect(r.selectedDigest).toBe('2bc26623bd49c683f9f9d4867356e889e6d422149371fc7c94311c52de92868a');
  });

  it('hashes the canonical lines: population, strata and selected list', () => {
    const r = drawTargets(nodeCrypto, testSeed(2), population, ratios);
    expect(r.populationDigest).toBe(sha256(population.map((e) => `${e.stratum}\t${e.targetId}\t${e.code}\n`).join('')));
    expect(r.strata[2]?.digest).toBe(sha256(population.filter((e) => e.stratum === 'unrated/unrated').map((e) => `${e.stratum}\t${e.targetId}\t${e.code}\n`).join('')));
    expect(r.selectedDigest).toBe(sha256(r.selected.map((t) => `${t.seq}\t${t.targetId}\t${t.code}\t${t.stratum}\n`).join('')));
  });

  it('same seed → same list; different seeds → different lists', () => {
    const ids = (n: number) => drawTargets(nodeCrypto, testSeed(n), population, ratios).selected.map((t) => t.targetId);
    expect(ids(11)).toEqual(ids(11));
    const distinct = new Set(Array.from({ length: 20 }, (_, n) => ids(n).join(',')));
    expect(distinct.size).toBe(20);
  });

  it('a stratum’s selection does not depend on the other strata (own DRBG label)', () => {
    const seed = testSeed(9);
    const alone = drawTargets(nodeCrypto, seed, sortPopulation(entries('low/A', 100, 1000)), ratios).selected.map((t) => t.targetId);
    const mixed = drawTargets(nodeCrypto, seed, population, ratios).selected.filter((t) => t.stratum === 'low/A').map((t) => t.targetId);
    expect(mixed).toEqual(alone);
  });

  it('an empty population draws nothing and digests the empty string', () => {
    const r = drawTargets(nodeCrypto, testSeed(1), [], ratios);
    expect(r).toEqual({ populationDigest: sha256(''), populationSize: 0, strata: [], selected: [], selectedDigest: sha256('') });
  });

  it('a 0 bp stratum is listed with sample size 0; 10000 bp takes the whole stratum in a shuffled order', () => {
    const r = drawTargets(nodeCrypto, testSeed(4), population, { defaultBp: 0, overrides: { 'unrated/unrated': 10000 } });
    expect(r.strata.map((s) => s.sampleSize)).toEqual([0, 0, 7]);
    expect(r.selected.map((t) => t.targetId).sort((a, b) => a - b)).toEqual([5000, 5001, 5002, 5003, 5004, 5005, 5006]);
  });

  it('refuses an unsorted population', () => {
    expect(() => drawTargets(nodeCrypto, testSeed(1), [...population].reverse(), ratios)).toThrow(/canonical order/);
  });
});

describe('fairness: 10,000 draws, each target’s selection frequency vs uniform per stratum (χ², p = 0.001)', () => {
  // 60 targets in 3 strata with different ratios: 10 @ 30 % (k=3), 20 @ 25 % (k=5), 30 @ 10 % (k=3).
  const population = sortPopulation([...entries('high/D', 10, 1), ...entries('medium/B', 20, 100), ...entries('low/A', 30, 200)]);
  const ratios: RatioTable = { defaultBp: 0, overrides: { 'high/D': 3000, 'medium/B': 2500, 'low/A': 1000 } };
  const trials = 10_000;
  const counts = new Map<number, number>(population.map((e) => [e.targetId, 0]));
  for (let n = 0; n < trials; n++) {
    for (const t of drawTargets(nodeCrypto, testSeed(n), population, ratios).selected) counts.set(t.targetId, (counts.get(t.targetId) ?? 0) + 1);
  }

  // Critical values (Wilson–Hilferty, z = 3.090232): df 9 → 28.06, df 19 → 43.95, df 29 → 58.41.
  it.each([
    ['high/D', 3, 28.06],
    ['medium/B', 5, 43.95],
    ['low/A', 3, 58.41],
  ] as const)('%s (k=%d): statistic below the critical value %d', (stratum, k, critical) => {
    const observed = population.filter((e) => e.stratum === stratum).map((e) => counts.get(e.targetId) ?? 0);
    const test = inclusionChiSquare(observed, trials, k);
    expect(test.critical).toBeCloseTo(critical, 1);
    expect(test.statistic).toBeLessThan(test.critical);
  });

  it('the test has power: moving 10 % of one target’s expected selections to another fails it', () => {
    const observed = population.filter((e) => e.stratum === 'high/D').map((e) => counts.get(e.targetId) ?? 0);
    const shift = 300; // expected per target: 10,000 × 3 / 10 = 3,000
    observed[0] = (observed[0] as number) + shift;
    observed[1] = (observed[1] as number) - shift;
    const test = inclusionChiSquare(observed, trials, 3);
    expect(test.statistic).toBeGreaterThan(test.critical);
  });
});
