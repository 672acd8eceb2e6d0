import { createDrbg } from './drbg';
import type { DrawCrypto, DrawnTarget, PopulationEntry, RatioTable, StratumKey, StratumSummary, TargetDrawResult } from './draw-types';
import { digestPopulation } from './population';

/**
 * The target draw (抽取检查对象) of casebinder-draw/1: per stratum, a sample size from the ratio and a
 * partial Fisher–Yates shuffle driven by the DRBG. resources/docs/draw-algorithm.md §6–§7.
 */

/**
 * k = ⌈n × bp / 10000⌉, clamped to n. Integer arithmetic only (n × bp + 9999 stays below 2^53 for
 * n ≤ 10^9), so every implementation rounds alike; a non-zero ratio of a non-empty stratum always draws
 * at least one target.
 */
export function sampleSize(n: number, bp: number): number {
  if (!Number.isInteger(n) || n < 0 || n > 1e9) throw new Error(`sampleSize: population size must be an integer in [0, 10^9], got ${n}`);
  if (!Number.isInteger(bp) || bp < 0 || bp > 10000) throw new Error(`sampleSize: ratio must be an integer of basis points in [0, 10000], got ${bp}`);
  return Math.min(n, Math.floor((n * bp + 9999) / 10000));
}

/** The stratum's ratio in basis points: its override, else the default. */
export function ratioFor(table: RatioTable, stratum: StratumKey): number {
  return table.overrides[stratum] ?? table.defaultBp;
}

/** `seq\ttargetId\tcode\tstratum\n`: what selectedDigest hashes. */
export function selectedLine(t: DrawnTarget): string {
  return `${t.seq}\t${t.targetId}\t${t.code}\t${t.stratum}\n`;
}

/**
 * Draws the targets from a population sorted by sortPopulation (digestPopulation throws otherwise).
 * Each non-empty stratum, in STRATA order, reads its own DRBG stream `targets/<stratum>`.
 */
export function drawTargets(crypto: DrawCrypto, seed: Uint8Array, sorted: readonly PopulationEntry[], ratios: RatioTable): TargetDrawResult {
  const population = digestPopulation(crypto, sorted);
  const strata: StratumSummary[] = [];
  const selected: DrawnTarget[] = [];
  let offset = 0;
  for (const s of population.strata) {
    const ratioBp = ratioFor(ratios, s.stratum);
    const k = sampleSize(s.size, ratioBp);
    strata.push({ stratum: s.stratum, size: s.size, digest: s.digest, ratioBp, sampleSize: k });
    for (const index of partialShuffle(crypto, seed, `targets/${s.stratum}`, s.size, k)) {
      const e = sorted[offset + index] as PopulationEntry;
      selected.push({ seq: selected.length + 1, targetId: e.targetId, code: e.code, stratum: e.stratum });
    }
    offset += s.size;
  }
  const hash = crypto.sha256Stream();
  let chunk = '';
  for (const t of selected) {
    chunk += selectedLine(t);
    if (chunk.length >= 65536) {
      hash.update(chunk);
      chunk = '';
    }
  }
  hash.update(chunk);
  return { populationDigest: population.digest, populationSize: population.size, strata, selected, selectedDigest: hash.digestHex() };
}

/**
 * The first k positions of a Fisher–Yates shuffle of [0, size): for i = 0..k−1, j = i + uniform(size − i),
 * swap a[i] and a[j]. Each k-subset in each order is equally likely; only k DRBG draws (plus rejections).
 */
export function partialShuffle(crypto: DrawCrypto, seed: Uint8Array, label: string, size: number, k: number): Uint32Array {
  if (k === 0) return new Uint32Array(0);
  const drbg = createDrbg(crypto, seed, label);
  const a = new Uint32Array(size);
  for (let i = 0; i < size; i++) a[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + drbg.uniform(size - i);
    const t = a[i] as number;
    a[i] = a[j] as number;
    a[j] = t;
  }
  return a.slice(0, k);
}
