import { RunningStats } from '../engine/stats/running.js';
import { tQuantile } from '../engine/stats/student-t.js';

/** A figure estimated over replications: the mean and its Student-t 95% confidence interval. */
export interface Estimate {
  mean: number;
  ci95: [number, number];
}

/** A figure with nothing to measure in any replication (a ratio with nothing under it): null in JSON. */
export interface EmptyEstimate {
  mean: null;
  ci95: null;
}

/** The estimate of a figure that may be empty (model/catalogue.ts: a ratio over nothing). */
export type FigureEstimate = Estimate | EmptyEstimate;

export const EMPTY: EmptyEstimate = Object.freeze({ mean: null, ci95: null }) as EmptyEstimate;

/** Whether a stored value is an estimate { mean, ci95 }, empty or not (the JSON outputs mix them with other values). */
export function isEstimate(x: unknown): x is FigureEstimate {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as { mean?: unknown; ci95?: unknown };
  return (typeof e.mean === 'number' && Array.isArray(e.ci95)) || (e.mean === null && e.ci95 === null);
}

/**
 * Mean and 95% CI of independent replication values: x̄ ± t(0.975, n−1) · s/√n, the classic
 * interval for i.i.d. replications (Law, Simulation Modeling and Analysis, 5th ed., §9.4.1).
 * With one replication the interval is [x̄, x̄] (CONTRACT), since no variance can be estimated.
 * Empty values (null: a ratio with nothing under it in that replication) are left out, so the
 * estimate is over the replications where the figure exists; when it exists in none, it is empty.
 */
export function estimate(values: readonly number[]): Estimate;
export function estimate(values: readonly (number | null)[]): FigureEstimate;
export function estimate(values: readonly (number | null)[]): FigureEstimate {
  if (values.length === 0) throw new RangeError('estimate: no values');
  const stats = new RunningStats();
  let n = 0;
  for (const v of values) {
    if (v === null) continue;
    stats.add(v);
    n++;
  }
  if (n === 0) return { mean: null, ci95: null };
  const mean = stats.mean;
  if (n === 1) return { mean, ci95: [mean, mean] };
  const half = tQuantile(0.975, n - 1) * Math.sqrt(stats.variance / n);
  return { mean, ci95: [mean - half, mean + half] };
}

/** Estimates every field of a record over replications, keeping the key order. */
export function estimateAll<K extends string>(records: readonly Readonly<Record<K, number | null>>[]): Record<K, FigureEstimate> {
  const first = records[0];
  if (!first) throw new RangeError('estimateAll: no replications');
  const out = {} as Record<K, FigureEstimate>;
  for (const key of Object.keys(first) as K[]) out[key] = estimate(records.map((r) => r[key]));
  return out;
}

/** The same shape as T with every number (or empty ratio) replaced by its estimate over replications. */
export type EstimateTree<T> = { [K in keyof T]: T[K] extends number ? Estimate : T[K] extends number | null ? FigureEstimate : EstimateTree<T[K]> };

/**
 * Estimates every number of same-shaped trees (records nested to any depth) over
 * replications, keeping the key order; null leaves are empty ratios.
 */
export function estimateTree<T extends object>(trees: readonly T[]): EstimateTree<T> {
  const first = trees[0] as Record<string, unknown> | undefined;
  if (!first) throw new RangeError('estimateTree: no replications');
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(first)) {
    const values = trees.map((t) => (t as Record<string, unknown>)[key]);
    const leaf = values.every((v) => typeof v === 'number' || v === null);
    out[key] = leaf ? estimate(values as (number | null)[]) : estimateTree(values as object[]);
  }
  return out as EstimateTree<T>;
}
