import { RunningStats } from '../engine/stats/running.js';
import { tQuantile } from '../engine/stats/student-t.js';

/**
 * Paired differences between two systems simulated with common random numbers, and what they
 * would have been without pairing.
 *
 * With CRN, replication r of both systems sees the same arrivals, handle times and patience, so
 * the differences D_r = X_r − Y_r are i.i.d. and their variance Var X + Var Y − 2 Cov(X, Y) is
 * smaller than Var X + Var Y whenever the systems respond alike to the same luck. The interval is
 * the paired-t interval D̄ ± t(1 − α/2, n − 1)·s_D/√n (Law, Simulation Modeling and Analysis,
 * 5th ed., §10.2.1 for the paired-t interval, §11.2 for CRN).
 */

/** A difference estimated from paired replications. */
export interface PairedDifference {
  mean: number;
  /** The plain 95% paired-t interval. */
  ci95: [number, number];
  /** The paired-t interval at the (Bonferroni-adjusted) level the verdict uses. */
  ciVerdict: [number, number];
  /**
   * The 95% Welch interval the same replications would give had they been independent
   * (no CRN): the yardstick for the variance reduction CRN buys.
   */
  unpairedCi95: [number, number];
}

/**
 * The confidence level of each of m simultaneous intervals that keeps the family-wise level at
 * 1 − α: 1 − α/m (Bonferroni's inequality: P(any of m intervals misses) ≤ Σ α/m = α;
 * Law §10.3.1 uses it for comparing k − 1 systems with a standard). m = 1 gives 1 − α itself.
 */
export function bonferroniLevel(comparisons: number, familyAlpha = 0.05): number {
  if (!(Number.isInteger(comparisons) && comparisons >= 1)) throw new RangeError(`bonferroniLevel: comparisons must be a whole number ≥ 1, got ${comparisons}`);
  return 1 - familyAlpha / comparisons;
}

function interval(mean: number, halfWidth: number): [number, number] {
  return halfWidth > 0 ? [mean - halfWidth, mean + halfWidth] : [mean, mean];
}

function stats(values: readonly number[]): RunningStats {
  const s = new RunningStats();
  for (const v of values) s.add(v);
  return s;
}

/**
 * Half-width of the two-sided interval at `level` for a mean whose standard error is `se`, with
 * `df` degrees of freedom; 0 when the spread is 0 (a deterministic difference is known exactly).
 */
function halfWidth(level: number, df: number, se: number): number {
  return se > 0 ? tQuantile(1 - (1 - level) / 2, df) * se : 0;
}

/**
 * Welch's interval half-width for the difference of two independent means (Welch 1947, "The
 * generalization of Student's problem when several different population variances are
 * involved", Biometrika 34; Law §10.2.2), with the Welch–Satterthwaite degrees of freedom
 * ν = (a + b)² / (a²/(n_x − 1) + b²/(n_y − 1)), a = s_x²/n_x, b = s_y²/n_y.
 */
export function welchHalfWidth(x: readonly number[], y: readonly number[], level = 0.95): number {
  const sx = stats(x);
  const sy = stats(y);
  const a = sx.variance / x.length;
  const b = sy.variance / y.length;
  const se = Math.sqrt(a + b);
  if (!(se > 0)) return 0;
  const df = (a + b) ** 2 / (a ** 2 / (x.length - 1) + b ** 2 / (y.length - 1));
  return halfWidth(level, df, se);
}

/** A difference that cannot be estimated: fewer than 2 replications where both figures exist (null in JSON). */
export interface EmptyDifference {
  mean: null;
  ci95: null;
  ciVerdict: null;
  unpairedCi95: null;
}

/**
 * The paired difference `policy − baseline` over replications 0 … n−1 of both (n ≥ 2), with its
 * 95% interval, its interval at `verdictLevel`, and the unpaired (Welch) 95% interval. Empty
 * values (a ratio with nothing under it) drop their pair; with fewer than 2 pairs left the
 * difference is empty.
 */
export function pairedDifference(policy: readonly number[], baseline: readonly number[], verdictLevel: number): PairedDifference;
export function pairedDifference(policy: readonly (number | null)[], baseline: readonly (number | null)[], verdictLevel: number): PairedDifference | EmptyDifference;
export function pairedDifference(policyAll: readonly (number | null)[], baselineAll: readonly (number | null)[], verdictLevel: number): PairedDifference | EmptyDifference {
  if (policyAll.length !== baselineAll.length) throw new RangeError(`pairedDifference: ${policyAll.length} policy values but ${baselineAll.length} baseline values`);
  if (policyAll.length < 2) throw new RangeError(`pairedDifference: needs at least 2 replications, got ${policyAll.length}`);
  const both = policyAll.flatMap((x, r) => (x !== null && baselineAll[r] !== null ? [r] : []));
  if (both.length < 2) return { mean: null, ci95: null, ciVerdict: null, unpairedCi95: null };
  const policy = both.map((r) => policyAll[r]!);
  const baseline = both.map((r) => baselineAll[r]!);
  const n = policy.length;
  const d = stats(policy.map((x, r) => x - baseline[r]!));
  const se = Math.sqrt(d.variance / n);
  return {
    mean: d.mean,
    ci95: interval(d.mean, halfWidth(0.95, n - 1, se)),
    ciVerdict: interval(d.mean, halfWidth(verdictLevel, n - 1, se)),
    unpairedCi95: interval(d.mean, welchHalfWidth(policy, baseline)),
  };
}

/** Half the width of an interval. */
export function halfWidthOf(ci: readonly [number, number]): number {
  return (ci[1] - ci[0]) / 2;
}
