import type { ModelConfig } from '../model/config.js';
import type { ReplicationResult } from '../model/result.js';
import { estimateAll, type FigureEstimate } from './estimate.js';
import { fingerprintOf } from './fingerprint.js';
import { groupRecords } from './figures.js';
import type { Axis, GridPoint } from './grid.js';
import type { Runner } from './pool.js';
import { replicateRange } from './replicate.js';
import { DIRECTION, isBetter } from './verdict.js';

/**
 * Sweeps — the pipeline of `ccsim sweep`:
 *
 *   --vary axes ─grid─▶ points (index, overrides) ─derive + validate (CLI)─▶ configs
 *     ─this shard's share, minus points finished before─▶ replicate r = 0 … n−1, same seed
 *     ─estimate─▶ PointResult (saved as it finishes) ─▶ sweep.json / shard file
 *
 * Every point runs the same replication indices with the same seed, so the points share their
 * customers (common random numbers across points) and differences between neighbouring points
 * are not drowned in sampling noise. A point's result depends only on (config, seed, reps),
 * which is why shards, resumed runs and any worker count give the same numbers.
 */

/** What defines a sweep's output: two runs with the same definition produce the same bytes. */
export interface SweepDefinition {
  scenario: string;
  seed: number;
  replications: number;
  vary: Axis[];
  /** A second figure for "best point", besides profit. */
  by: string | null;
  points: number;
  /**
   * SHA-256 of the definition and every point's model configuration: shards and saved points
   * are only ever combined when it matches.
   */
  fingerprint: string;
}

/** A grid point with the model configuration its overrides produce. */
export interface SweepPoint extends GridPoint {
  config: ModelConfig;
}

/** One point's estimates: plain JSON data, exactly what a state or shard file holds. */
export interface PointResult {
  index: number;
  set: Record<string, unknown>;
  kpis: Record<string, FigureEstimate>;
  economics: Record<string, FigureEstimate>;
}

/** The best point for a figure, by mean, in its direction (ties: the lower index). */
export interface BestPoint {
  index: number;
  set: Record<string, unknown>;
  mean: number;
}

/** The definition of a sweep over `points`, with its fingerprint. */
export function defineSweep(def: Omit<SweepDefinition, 'points' | 'fingerprint'>, points: readonly SweepPoint[]): SweepDefinition {
  const hashed = { format: 1, ...def, configs: points.map((p) => p.config) };
  const fingerprint = fingerprintOf(hashed);
  return { ...def, points: points.length, fingerprint };
}

/** Estimates of one point's replications, normalised to what JSON can carry (−0 → 0, NaN → null). */
export function pointResult(point: GridPoint, results: readonly ReplicationResult[]): PointResult {
  const estimates: PointResult = {
    index: point.index,
    set: point.set,
    kpis: estimateAll(groupRecords(results, 'kpis')),
    economics: estimateAll(groupRecords(results, 'economics')),
  };
  return JSON.parse(JSON.stringify(estimates)) as PointResult;
}

export interface RunPointsOptions {
  seed: number;
  replications: number;
  /** Called as each point finishes (the CLI saves it, so an interrupted sweep can resume). */
  onPoint?: (result: PointResult) => void;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs replications 0 … n−1 of every point on one runner (one pool for the whole sweep) and
 * returns the results in the order of `points`.
 */
export function runPoints(points: readonly SweepPoint[], options: RunPointsOptions, runner: Runner): Promise<PointResult[]> {
  const total = points.length * options.replications;
  let done = 0;
  return Promise.all(
    points.map((p) =>
      replicateRange(runner, p.config, options.seed, 0, options.replications, () => options.onProgress?.(++done, total)).then((rs) => {
        const result = pointResult(p, rs);
        options.onPoint?.(result);
        return result;
      }),
    ),
  );
}

/** The value of a figure at a point, from its KPIs or its economics. */
function meanOf(point: PointResult, figure: string): number | null | undefined {
  return (point.kpis[figure] ?? point.economics[figure])?.mean;
}

/** The best point by profit and by `by` (when given and reported), over all points. */
export function bestPoints(points: readonly PointResult[], by: string | null): Record<string, BestPoint> {
  const best: Record<string, BestPoint> = {};
  for (const figure of ['profit', ...(by && by !== 'profit' ? [by] : [])]) {
    const direction = DIRECTION[figure];
    if (!direction) continue;
    for (const p of points) {
      const mean = meanOf(p, figure);
      if (mean === undefined || mean === null || Number.isNaN(mean)) continue;
      const current = best[figure];
      if (!current || isBetter(mean, current.mean, direction)) best[figure] = { index: p.index, set: p.set, mean };
    }
  }
  return best;
}
