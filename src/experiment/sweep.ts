import type { ModelConfig } from '../model/config.js';
import type { ReplicationResult } from '../model/result.js';
import { channelEstimates, feasibility, parseConstraints, type ChannelEstimates, type Constraint, type ConstraintStatus, type Feasibility } from './constraint.js';
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
  /** Requirements every point is judged against (`--require`), as written; [] for none. */
  require: string[];
  /**
   * The varied keys that are decisions (experiment/decisions.ts, or `--decision`): the best point
   * is chosen over these, separately for each combination of the other keys' values.
   */
  decisions: string[];
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
  /** The channel figures the requirements name (only when some requirement names a channel). */
  channels?: ChannelEstimates;
}

/**
 * The best point for a figure within one level of the keys that are not decisions: by mean, in
 * the figure's direction, among the points that meet every requirement (all points when there
 * are none); ties of means go to the lower index. `ties` are the other candidates whose 95% CI
 * overlaps the best one's: the data do not tell them apart. `index` is null when no point of the
 * level is a candidate (none is feasible), with the reason in `note`.
 */
export interface BestPoint {
  /** The values of the varied keys that are not decisions ({} when every key is a decision). */
  level: Record<string, unknown>;
  index: number | null;
  set: Record<string, unknown> | null;
  mean: number | null;
  ci95: [number, number] | null;
  ties: number[];
  note?: string;
}

/** The definition of a sweep over `points`, with its fingerprint. */
export function defineSweep(def: Omit<SweepDefinition, 'points' | 'fingerprint'>, points: readonly SweepPoint[]): SweepDefinition {
  const hashed = { format: 1, ...def, configs: points.map((p) => p.config) };
  const fingerprint = fingerprintOf(hashed);
  return { ...def, points: points.length, fingerprint };
}

/** Estimates of one point's replications, normalised to what JSON can carry (−0 → 0, NaN → null). */
export function pointResult(point: GridPoint, results: readonly ReplicationResult[], constraints: readonly Constraint[] = []): PointResult {
  const estimates: PointResult = {
    index: point.index,
    set: point.set,
    kpis: estimateAll(groupRecords(results, 'kpis')),
    economics: estimateAll(groupRecords(results, 'economics')),
    ...(constraints.some((c) => c.channel !== null) ? { channels: channelEstimates(results, constraints) } : {}),
  };
  return JSON.parse(JSON.stringify(estimates)) as PointResult;
}

export interface RunPointsOptions {
  seed: number;
  replications: number;
  /** Requirements naming channel figures get those estimated per point. */
  constraints?: readonly Constraint[];
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
        const result = pointResult(p, rs, options.constraints);
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

/** The values of the keys that are not decisions, which make a point's level. */
function levelOf(p: PointResult, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, p.set[k]]));
}

const overlap = (a: readonly [number, number], b: readonly [number, number]) => a[0] <= b[1] && b[0] <= a[1];

/**
 * The best point by profit and by `by` (when given and reported), per level of the keys that are
 * not decisions (levels in grid order), over the decision keys only: none when no varied key is a
 * decision — a demand level or a price is never "best". With requirements only feasible points
 * are candidates (`status` of each point).
 */
export function bestPoints(
  points: readonly PointResult[],
  def: Pick<SweepDefinition, 'by' | 'vary' | 'decisions'>,
  status: (p: PointResult) => ConstraintStatus = () => 'feasible',
): Record<string, BestPoint[]> {
  const best: Record<string, BestPoint[]> = {};
  if (def.decisions.length === 0) return best;
  const given = def.vary.map((a) => a.key).filter((k) => !def.decisions.includes(k));
  const levels = new Map<string, PointResult[]>();
  for (const p of points) {
    const key = JSON.stringify(given.map((k) => p.set[k]));
    levels.set(key, [...(levels.get(key) ?? []), p]);
  }
  for (const figure of ['profit', ...(def.by && def.by !== 'profit' ? [def.by] : [])]) {
    const direction = DIRECTION[figure];
    if (!direction) continue;
    best[figure] = [...levels.values()].map((members) => {
      const level = levelOf(members[0]!, given);
      const candidates = members.filter((p) => status(p) === 'feasible' && typeof meanOf(p, figure) === 'number' && !Number.isNaN(meanOf(p, figure)));
      if (candidates.length === 0) {
        const note = members.some((p) => status(p) !== 'feasible') ? 'no point of this level is feasible' : `no point of this level reports ${figure}`;
        return { level, index: null, set: null, mean: null, ci95: null, ties: [], note };
      }
      let top = candidates[0]!;
      for (const p of candidates) if (isBetter(meanOf(p, figure)!, meanOf(top, figure)!, direction)) top = p;
      const e = (top.kpis[figure] ?? top.economics[figure])!;
      const ci = e.ci95!;
      const ties = candidates.filter((p) => p !== top && overlap(ci, (p.kpis[figure] ?? p.economics[figure])!.ci95!)).map((p) => p.index);
      return { level, index: top.index, set: top.set, mean: e.mean, ci95: ci, ties };
    });
  }
  return best;
}

/** A point as sweep.json holds it: its estimates, and with requirements each one judged. */
export type SweepPointResult = PointResult & { feasibility?: Feasibility };

/**
 * sweep.json: the definition, every point's estimates in grid order (judged against the
 * requirements, when there are any), and the best points per level of the keys that are not
 * decisions (experiment/sweep.ts).
 */
export interface SweepResult extends SweepDefinition {
  results: SweepPointResult[];
  best: Record<string, BestPoint[]>;
}

export function sweepResult(def: SweepDefinition, points: readonly PointResult[]): SweepResult {
  const constraints = parseConstraints(def.require);
  const results: SweepPointResult[] = [...points]
    .sort((a, b) => a.index - b.index)
    .map((p) => (constraints.length > 0 ? { ...p, feasibility: feasibility(constraints, p, def.replications) } : p));
  const status = new Map(results.map((p) => [p.index, p.feasibility?.status ?? 'feasible']));
  return { ...def, results, best: bestPoints(results, def, (p) => status.get(p.index)!) };
}
