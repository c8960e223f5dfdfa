import type { ModelConfig } from '../model/config.js';
import type { Constraint } from './constraint.js';
import { figureRow, optimize, OptimizeError, optimizeErrors, type FigureRow, type Objective, type OptimizeOutcome } from './optimize.js';
import { analyticStart, type StartPlan } from './optimize-start.js';
import type { Decision, Point } from './optimize-space.js';
import type { Runner } from './pool.js';
import { replicateRange } from './replicate.js';

/**
 * One optimisation from start to choice, as `ccsim optimize` runs it (and the tests): the start
 * (a generous pilot and the analytic plan, or the scenario's values), then the search and the
 * selection (experiment/optimize.ts), with every replication run on one runner and, when the
 * caller keeps them, batches of finished replications reused (what makes a run resumable).
 */

export interface RunInput {
  objective: Objective;
  decisions: readonly Decision[];
  constraints: readonly Constraint[];
  /** The scenario's own value of each decision. */
  scenarioPoint: Point;
  start: 'analytic' | 'scenario';
  seed: number;
  replications: number;
  budget: number;
  maxReplications: number;
  indifference?: number | undefined;
  /** A candidate's configuration, or why its overrides make no valid scenario. */
  configOf(set: Readonly<Record<string, unknown>>): { config: ModelConfig } | { error: string };
  /** The scenario at its own values with every group staffed `factor` times as generously (the pilot). */
  pilotConfig(factor: number): ModelConfig;
  runner: Runner;
  /** Finished batches of replications: reused when present, stored when run. */
  cache?: {
    get(set: Readonly<Record<string, unknown>>, from: number, to: number): FigureRow[] | undefined;
    put(set: Readonly<Record<string, unknown>>, from: number, to: number, rows: FigureRow[]): void;
  };
  onProgress?: (done: number, total: number) => void;
}

export interface RunOutcome {
  outcome: OptimizeOutcome;
  start: { method: 'analytic' | 'scenario'; point: number[]; notes: string[]; requirement: StartPlan['requirement'] | null };
}

/** Abandonment above this in the pilot means it is not yet generous enough: double it (up to 8×). */
const PILOT_ABANDON = 0.02;
const PILOT_REPLICATIONS = 2;

export async function runOptimization(input: RunInput): Promise<RunOutcome> {
  const { decisions, constraints, seed, runner } = input;
  let start: RunOutcome['start'];
  if (input.start === 'analytic') {
    let pilot;
    for (let factor = 2; ; factor *= 2) {
      pilot = await replicateRange(runner, input.pilotConfig(factor), seed, 0, PILOT_REPLICATIONS);
      const abandoned = pilot.reduce((s, r) => s + (r.kpis.abandonRate ?? 0), 0) / pilot.length;
      if (abandoned <= PILOT_ABANDON || factor >= 8) break;
    }
    const base = input.configOf(Object.fromEntries(decisions.map((d, i) => [d.key, d.values[input.scenarioPoint[i]!]])));
    if ('error' in base) throw new OptimizeError(optimizeErrors.scenarioInvalid(base.error));
    const plan = await analyticStart({ decisions, scenarioPoint: input.scenarioPoint, config: base.config, pilot, constraints });
    start = { method: 'analytic', ...plan };
  } else start = { method: 'scenario', point: [...input.scenarioPoint], notes: [], requirement: null };
  const outcome = await optimize(
    {
      objective: input.objective,
      decisions,
      constraints,
      start: start.point,
      replications: input.replications,
      budget: input.budget,
      maxReplications: input.maxReplications,
      indifference: input.indifference,
    },
    {
      config: input.configOf,
      async replicate(set, config, from, to) {
        const saved = input.cache?.get(set, from, to);
        if (saved) return saved;
        const rows = (await replicateRange(runner, config, seed, from, to)).map((r) => figureRow(r, constraints));
        input.cache?.put(set, from, to, rows);
        return rows;
      },
    },
    input.onProgress,
  );
  return { outcome, start };
}
