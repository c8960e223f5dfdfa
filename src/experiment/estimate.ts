import { RunningStats } from '../engine/stats/running.js';
import { tQuantile } from '../engine/stats/student-t.js';

/** A figure estimated over replications: the mean and its Student-t 95% confidence interval. */
export interface Estimate {
  mean: number;
  ci95: [number, number];
}

/**
 * Mean and 95% CI of independent replication values: x̄ ± t(0.975, n−1) · s/√n, the classic
 * interval for i.i.d. replications (Law, Simulation Modeling and Analysis, 5th ed., §9.4.1).
 * With one replication the interval is [x̄, x̄] (CONTRACT), since no variance can be estimated.
 */
/** Whether a stored value is an estimate { mean, ci95 } (the JSON outputs mix them with other values). */
export function isEstimate(x: unknown): x is Estimate {
  return typeof x === 'object' && x !== null && typeof (x as Estimate).mean === 'number' && Array.isArray((x as Estimate).ci95);
}

export function estimate(values: readonly number[]): Estimate {
  if (values.length === 0) throw new RangeError('estimate: no values');
  const stats = new RunningStats();
  for (const v of values) stats.add(v);
  const mean = stats.mean;
  if (values.length === 1) return { mean, ci95: [mean, mean] };
  const half = tQuantile(0.975, values.length - 1) * Math.sqrt(stats.variance / values.length);
  return { mean, ci95: [mean - half, mean + half] };
}

/** Estimates every numeric field of a record over replications, keeping the key order. */
export function estimateAll<K extends string>(records: readonly Readonly<Record<K, number>>[]): Record<K, Estimate> {
  const first = records[0];
  if (!first) throw new RangeError('estimateAll: no replications');
  const out = {} as Record<K, Estimate>;
  for (const key of Object.keys(first) as K[]) out[key] = estimate(records.map((r) => r[key]));
  return out;
}

/** The same shape as T with every number replaced by its estimate over replications. */
export type EstimateTree<T> = { [K in keyof T]: T[K] extends number ? Estimate : EstimateTree<T[K]> };

/**
 * Estimates every number of same-shaped trees (records nested to any depth) over
 * replications, keeping the key order.
 */
export function estimateTree<T extends object>(trees: readonly T[]): EstimateTree<T> {
  const first = trees[0] as Record<string, unknown> | undefined;
  if (!first) throw new RangeError('estimateTree: no replications');
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(first)) {
    const values = trees.map((t) => (t as Record<string, unknown>)[key]);
    out[key] = typeof first[key] === 'number' ? estimate(values as number[]) : estimateTree(values as object[]);
  }
  return out as EstimateTree<T>;
}
