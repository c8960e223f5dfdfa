/**
 * Real results to draw from, made in this process with the bundled scenarios cut short: a run of
 * the mid-size center (three channels, four reasons, an intraday curve), a comparison of the
 * staffing policies, sweeps over one, two and three keys, and a run and a comparison of the
 * customer lifecycle over three months. A few seconds of simulation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare, type Comparison } from '../../src/experiment/compare.js';
import { gridPoints, type Axis } from '../../src/experiment/grid.js';
import { inlineRunner } from '../../src/experiment/pool.js';
import { replicate } from '../../src/experiment/replicate.js';
import { defineSweep, runPoints } from '../../src/experiment/sweep.js';
import { summarize, type Summary } from '../../src/experiment/summary.js';
import { sweepResult, type SweepResult } from '../../src/experiment/sweep.js';
import type { OptimizeResult } from '../../src/output/optimize.js';
import { optimizeText } from '../support/optimize.js';
import { isDecision } from '../../src/experiment/decisions.js';
import { deriveScenario, parseScenario } from '../../src/scenario/load.js';
import { REPO } from '../support/cli.js';
import { lifecycleScenario } from '../experiment/lifecycle.js';

const scenario = (name: string) => parseScenario(readFileSync(join(REPO, 'scenarios', `${name}.yaml`), 'utf8'), `scenarios/${name}.yaml`);

/** The mid-size center over 3 days after a 1-day warm-up, 2 replications. */
export async function midsizeSummary(): Promise<Summary> {
  const loaded = scenario('midsize-center');
  const short = deriveScenario(loaded, 'short', { 'horizon.days': 3, 'warmup.days': 1 }, 'test');
  const results = await replicate(short.config, { replications: 2, seed: 5, workers: 1 }, inlineRunner());
  return summarize('midsize-center', 5, short.config, results);
}

/** The stationary baseline, 1 replication (every CI has zero width). */
export async function stationarySummary(): Promise<Summary> {
  const loaded = scenario('staffing-levels');
  const results = await replicate(loaded.config, { replications: 1, seed: 11, workers: 1 }, inlineRunner());
  return summarize('staffing-levels', 11, loaded.config, results);
}

/** staffing-levels' four policies, 4 replications, with --by asaSec. */
export async function staffingComparison(): Promise<Comparison> {
  return compare(scenario('staffing-levels').policies, { scenario: 'staffing-levels', seed: 11, replications: 4, by: 'asaSec' }, inlineRunner());
}

/** A sweep of staffing-levels over the given axes, 2 replications per point. */
export async function staffingSweep(vary: Axis[], by: string | null = 'serviceLevel'): Promise<SweepResult> {
  const loaded = scenario('staffing-levels');
  const points = gridPoints(vary).map((p) => ({ ...p, config: deriveScenario(loaded, `point-${p.index}`, p.set, 'test').config }));
  const def = defineSweep({ scenario: 'staffing-levels', seed: 11, replications: 2, vary, by, require: [], decisions: vary.map((a) => a.key).filter(isDecision) }, points);
  return sweepResult(def, await runPoints(points, { seed: 11, replications: 2 }, inlineRunner()));
}

/** scenarios/staffing-by-profit.yaml cut to three months, 2 replications. */
export async function lifecycleSummary(): Promise<Summary> {
  const loaded = lifecycleScenario({ horizon: { months: 3 } });
  const results = await replicate(loaded.config, { replications: 2, seed: 5, workers: 1 }, inlineRunner());
  return summarize('staffing-by-profit', 5, loaded.config, results);
}

/** Its baseline, lean and generous policies over the three months, 3 replications. */
export async function lifecycleComparison(): Promise<Comparison> {
  return compare(lifecycleScenario({ horizon: { months: 3 } }).policies, { scenario: 'staffing-by-profit', seed: 5, replications: 3 }, inlineRunner());
}

/** A small optimisation (an M/M/c center with waiting priced, 5 candidates or so) as optimize.json holds it. */
export async function smallOptimization(): Promise<OptimizeResult> {
  const text = ['name: tiny', 'seed: 2', 'horizon: { days: 2 }', 'warmup: { days: 1 }', 'arrivals: { ratePerHour: 60 }', 'handleTime: { dist: exponential, meanSec: 300 }',
    'staffing: { agents: 9 }', 'economics: { waitingCostPerMinute: 1 }', 'optimize: { objective: cost, vary: { staffing.agents: { min: 6, max: 12 } }, require: ["serviceLevel >= 0.5"] }', ''].join('\n');
  const run = await optimizeText(text, { start: 'scenario', replications: 4, maxReplications: 8 });
  return {
    ...run.outcome, objective: 'cost', scenario: 'tiny', seed: 2, replications: 4, budget: 60, maxReplications: 8, require: ['serviceLevel >= 0.5'],
    vary: { 'staffing.agents': { min: 6, max: 12, step: 1 } }, start: { method: 'scenario', set: { 'staffing.agents': 9 }, notes: [], requirement: null }, fingerprint: 'f',
  };
}
