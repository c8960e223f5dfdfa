/**
 * How well a fitted continuous distribution describes a sample, two ways:
 *
 * - **Kolmogorov–Smirnov distance** D = sup |Fₙ(x) − F(x)|, the largest gap between the
 *   empirical and fitted CDFs: an effect size, readable as "at worst, the fit misplaces D of the
 *   calls". Its p-value uses Kolmogorov's limit law, P(√n·D > λ) ≈ 2Σ(−1)^{k−1}e^{−2k²λ²}, which
 *   assumes a fully specified F: with parameters estimated from the same data it is conservative
 *   (Lilliefors 1967), so a small p-value is trustworthy and a large one is not proof of fit.
 * - **Pearson chi-square over equiprobable bins** of the fitted distribution (bins − 1 − fitted
 *   parameters degrees of freedom; Moore, "Tests of chi-squared type", in D'Agostino & Stephens,
 *   "Goodness-of-Fit Techniques", 1986).
 *
 * With thousands of calls both tests reject any small misfit, so report D (how far) beside the
 * p-values (whether it could be chance). Times logged in whole seconds add a discreteness of
 * about one second's probability mass to D.
 */
import { chiSquareSurvival } from '../engine/stats/chi-square.js';

export interface KsResult {
  d: number;
  /** Where the largest gap is, seconds. */
  atSec: number;
  pValue: number;
}

export interface ChiSquareResult {
  bins: number;
  statistic: number;
  df: number;
  pValue: number;
}

/** KS distance of a sample from a continuous CDF; ties handled (the empirical CDF jumps by their count). */
export function ksDistance(xs: readonly number[], cdf: (x: number) => number): KsResult {
  const sorted = [...xs].sort((a, b) => a - b);
  const n = sorted.length;
  let d = 0;
  let atSec = sorted[0] ?? 0;
  for (let i = 0; i < n; ) {
    const x = sorted[i]!;
    let j = i;
    while (j < n && sorted[j] === x) j++;
    const f = cdf(x);
    const gap = Math.max(Math.abs(f - i / n), Math.abs(j / n - f));
    if (gap > d) {
      d = gap;
      atSec = x;
    }
    i = j;
  }
  return { d, atSec, pValue: kolmogorovSurvival(Math.sqrt(n) * d) };
}

/** P(K > λ) for Kolmogorov's distribution (Marsaglia, Tsang & Wang, J. Stat. Software 8(18), 2003, eq. 2). */
export function kolmogorovSurvival(lambda: number): number {
  if (lambda <= 0) return 1;
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = (k % 2 === 1 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-16) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/** Pearson's statistic over `bins` equiprobable bins of the fitted distribution (edges from its quantile). */
export function chiSquareEquiprobable(xs: readonly number[], quantile: (p: number) => number, bins: number, fittedParameters: number): ChiSquareResult {
  const edges = Array.from({ length: bins - 1 }, (_, k) => quantile((k + 1) / bins));
  const counts = new Array<number>(bins).fill(0);
  for (const x of xs) {
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x < edges[mid]!) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]!++;
  }
  const expected = xs.length / bins;
  const statistic = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
  const df = bins - 1 - fittedParameters;
  return { bins, statistic, df, pValue: chiSquareSurvival(statistic, df) };
}
