/**
 * Chi-square helpers for the fairness tests. Critical values come from the Wilson–Hilferty approximation
 * χ²(df, 1−α) ≈ df · (1 − 2/(9df) + z·√(2/(9df)))³, with z the standard normal quantile of 1−α;
 * for α = 0.001, z = 3.090232. It errs slightly high (df 9: 28.06 vs exact 27.88; df 19: 43.95 vs 43.82;
 * df 29: 58.41 vs 58.30), i.e. marginally conservative.
 */
export const Z_0_999 = 3.090232;

export function chiSquareCritical(df: number, z = Z_0_999): number {
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

/**
 * Goodness of fit of how often each of `s` items was included when every trial includes exactly `k`
 * distinct items uniformly (k = 1 is the usual multinomial case). Inclusion counts of k-subsets are not
 * multinomial: each count has variance N·p·(1−p) with p = k/s and the covariances are −N·p·(1−p)/(s−1), so
 * Σ(O−E)²/E is distributed as (s−k)/(s−1) · χ²(s−1). Rescaling by (s−1)/(s−k) gives a statistic that
 * follows χ²(s−1) asymptotically, compared at the critical value above.
 */
export function inclusionChiSquare(counts: readonly number[], trials: number, k: number): { statistic: number; df: number; critical: number } {
  const s = counts.length;
  if (k <= 0 || k >= s) throw new Error('needs 0 < k < s');
  const expected = (trials * k) / s;
  const raw = counts.reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);
  const df = s - 1;
  return { statistic: (raw * (s - 1)) / (s - k), df, critical: chiSquareCritical(df) };
}
