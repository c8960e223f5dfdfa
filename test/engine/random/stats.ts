/**
 * Statistical helpers for the sampler tests (not a test file itself).
 *
 * Each check returns a number the test compares with a bound derived from its
 * sampling distribution. The seeds are fixed, so the tests are deterministic;
 * the bounds say how surprising a failure would be for a correct sampler.
 */
import { regularizedGammaQ } from '../../../src/engine/random/incompleteGamma.js';
import type { Sampler } from '../../../src/engine/random/sampler.js';

export const N = 200_000;

/** z-scores beyond this fail: two-sided probability 5.7e-7 under a correct sampler. */
export const Z_MAX = 5;

export function draw(sample: Sampler, n = N): Float64Array {
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = sample();
  return xs;
}

export interface Theory {
  mean: number;
  variance: number;
  /** E[(X - mean)^4], for the standard error of the sample variance. */
  fourthCentral: number;
}

/**
 * z-scores of the sample mean and the sample variance against theory:
 * SE(mean) = sqrt(σ²/n); SE(s²) ≈ sqrt((μ4 - σ⁴)/n), the standard large-sample
 * result Var(s²) = (μ4 - σ⁴)/n + O(1/n²).
 */
export function momentZ(xs: Float64Array, t: Theory): { mean: number; variance: number } {
  const n = xs.length;
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  const variance = ss / (n - 1);
  return {
    mean: (mean - t.mean) / Math.sqrt(t.variance / n),
    variance: (variance - t.variance) / Math.sqrt((t.fourthCentral - t.variance ** 2) / n),
  };
}

/** Kolmogorov–Smirnov statistic D = sup |F_n(x) - F(x)| (sorts a copy). */
export function ksStatistic(xs: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(xs).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i] as number);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return d;
}

/**
 * Asymptotic critical value of D at alpha = 0.001: sqrt(-ln(alpha/2)/2)/sqrt(n)
 * = 1.9495/sqrt(n), from the leading term of Kolmogorov's limit distribution
 * P(√n·D > c) ≈ 2·exp(-2c²); accurate for n this large.
 */
export function ksCritical(n: number): number {
  return Math.sqrt(-Math.log(0.001 / 2) / 2) / Math.sqrt(n);
}

/**
 * Pearson's chi-square statistic for counts of outcomes 0..probs.length-1
 * against probabilities `probs`, after merging adjacent cells until each
 * expects at least 5 (W. G. Cochran, Ann. Math. Stat. 23, 1952). Returns the
 * statistic and degrees of freedom (cells - 1; no parameter is estimated).
 */
export function chiSquare(counts: readonly number[], probs: readonly number[], n: number): { statistic: number; df: number } {
  const cells: Array<{ observed: number; expected: number }> = [];
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < probs.length; i++) {
    observed += counts[i] ?? 0;
    expected += (probs[i] as number) * n;
    if (expected >= 5) {
      cells.push({ observed, expected });
      observed = 0;
      expected = 0;
    }
  }
  const last = cells[cells.length - 1];
  if (last === undefined) throw new Error('chiSquare: fewer than 5 expected in total');
  last.observed += observed;
  last.expected += expected;
  let statistic = 0;
  for (const c of cells) statistic += (c.observed - c.expected) ** 2 / c.expected;
  return { statistic, df: cells.length - 1 };
}

/** Upper alpha quantile of chi-square(df), by bisection on Q(df/2, x/2) = alpha. */
export function chiSquareCritical(df: number, alpha = 0.001): number {
  let lo = 0;
  let hi = df + 100 * Math.sqrt(df) + 100;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (regularizedGammaQ(df / 2, mid / 2) > alpha) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Counts of each integer outcome 0..size-1; outcomes outside are counted in `outside`. */
export function countOutcomes(xs: Float64Array, size: number): { counts: number[]; outside: number } {
  const counts = new Array<number>(size).fill(0);
  let outside = 0;
  for (const x of xs) {
    if (Number.isInteger(x) && x >= 0 && x < size) counts[x] = (counts[x] ?? 0) + 1;
    else outside++;
  }
  return { counts, outside };
}

/** Runs `build` and returns the RangeError it throws (or fails if it throws nothing else). */
export function rangeErrorOf(build: () => unknown): RangeError {
  try {
    build();
  } catch (e) {
    if (e instanceof RangeError) return e;
    throw e;
  }
  throw new Error('expected a RangeError, got none');
}
