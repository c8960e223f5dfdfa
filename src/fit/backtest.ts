/**
 * The backtest of `ccsim fit --check`: simulate the fitted scenario over the log's own calendar
 * with the staffing seen, and set the simulated KPIs beside the observed ones, overall, by hour
 * of the day and by day, each simulated figure with its 95% interval over replications
 * (experiment/estimate.ts). A figure is "inside" when the observed value lies in that interval.
 *
 * The interval is the simulation's own uncertainty about its mean, not a prediction interval for
 * one realisation: the two weeks observed are one draw of the day factors and the arrivals, so
 * even a perfect model leaves observed hours outside their mean's interval by chance. The
 * prediction spread (the 2.5%–97.5% range of single replications) is reported too and is the
 * fair yardstick for a single period.
 */
import { estimate, type FigureEstimate } from '../experiment/estimate.js';
import { NF, sumRows } from '../model/facts.js';
import { replicate } from '../experiment/replicate.js';
import type { ReplicationResult } from '../model/result.js';
import { parseScenario } from '../scenario/load.js';
import { isoDate } from '../engine/civil-time.js';
import type { Fit } from './fit.js';
import { kpisOf, type Kpis, type Tally } from './observed-kpis.js';

export const BACKTEST_FIGURES = ['offered', 'abandonRate', 'asaSec', 'serviceLevel'] as const;
type Figure = (typeof BACKTEST_FIGURES)[number];

export type SimulatedFigure = FigureEstimate & {
  /** 2.5% and 97.5% quantiles of the replications' values: where one realisation falls (null when empty). */
  spread95: [number, number] | null;
};

export interface BacktestRow {
  observed: Record<Figure, number | null>;
  simulated: Record<Figure, SimulatedFigure>;
}

export interface Backtest {
  replications: number;
  seed: number;
  observed: Record<Figure, number | null>;
  simulated: Record<Figure, SimulatedFigure>;
  /** Relative error of the simulated mean against the observed value, per figure (null where either is empty or the observed is 0). */
  relativeError: Record<Figure, number | null>;
  byHour: (BacktestRow & { hour: number })[];
  byDay: (BacktestRow & { date: string })[];
  /** Share of hours / days (with ≥ 20 observed calls) whose observed value lies in the simulated mean's CI, and in the spread. */
  coverage: Record<'byHour' | 'byDay', Record<Figure, { insideCi: number; insideSpread: number; rows: number }>>;
}

const pick = (k: Kpis): Record<Figure, number | null> => ({ offered: k.offered, abandonRate: k.abandonRate, asaSec: k.asaSec, serviceLevel: k.serviceLevel });

/** A replication's facts over a set of interval indices (the simulation's own rows, model/facts.ts). */
function tally(r: ReplicationResult, ks: readonly number[]): Tally {
  return sumRows(r.facts.rows, ks.filter((k) => (k + 1) * NF <= r.facts.rows.length));
}

function simulatedOf(values: readonly Record<Figure, number | null>[]): Record<Figure, SimulatedFigure> {
  const out = {} as Record<Figure, SimulatedFigure>;
  for (const f of BACKTEST_FIGURES) {
    const xs = values.map((v) => v[f]);
    const sorted = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))]!;
    out[f] = { ...estimate(xs), spread95: sorted.length > 0 ? [q(0.025), q(0.975)] : null };
  }
  return out;
}

/** Simulated vs observed, from finished replications (pure: the CLI runs them). */
export function compareBacktest(fit: Fit, results: readonly ReplicationResult[], seed: number): Backtest {
  const { observed, log } = fit;
  const intervalSec = fit.options.intervalMin * 60;
  const perDay = 86_400 / intervalSec;
  const n = log.days * perDay;
  const all = Array.from({ length: n }, (_, k) => k);
  const rowOf = (ks: readonly number[], obs: Kpis): BacktestRow => ({
    observed: pick(obs),
    simulated: simulatedOf(results.map((r) => pick(kpisOf(tally(r, ks))))),
  });
  const overall = rowOf(all, observed.overall);
  const byHour = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    ...rowOf(all.filter((k) => Math.floor(((k % perDay) * intervalSec) / 3600) === hour), observed.byHour[hour]!),
  }));
  const byDay = Array.from({ length: log.days }, (_, d) => ({
    date: isoDate(log.firstDay + d),
    ...rowOf(all.slice(d * perDay, (d + 1) * perDay), observed.byDay[d]!),
  }));
  const coverageOf = (rows: readonly BacktestRow[]) => {
    const out = {} as Record<Figure, { insideCi: number; insideSpread: number; rows: number }>;
    const used = rows.filter((r) => (r.observed.offered ?? 0) >= 20);
    for (const f of BACKTEST_FIGURES) {
      const inside = (r: BacktestRow, ci: [number, number] | null) => ci !== null && r.observed[f] !== null && r.observed[f]! >= ci[0] - 1e-9 && r.observed[f]! <= ci[1] + 1e-9;
      out[f] = {
        insideCi: used.filter((r) => inside(r, r.simulated[f].ci95)).length / Math.max(1, used.length),
        insideSpread: used.filter((r) => inside(r, r.simulated[f].spread95)).length / Math.max(1, used.length),
        rows: used.length,
      };
    }
    return out;
  };
  const rel = {} as Record<Figure, number | null>;
  for (const f of BACKTEST_FIGURES) {
    const o = overall.observed[f];
    const m = overall.simulated[f].mean;
    rel[f] = o !== null && o !== 0 && m !== null ? (m - o) / o : null;
  }
  return {
    replications: results.length,
    seed,
    observed: overall.observed,
    simulated: overall.simulated,
    relativeError: rel,
    byHour,
    byDay,
    coverage: { byHour: coverageOf(byHour), byDay: coverageOf(byDay) },
  };
}

/** Parses the fitted scenario text, runs `replications` of it and compares. */
export async function runBacktest(fit: Fit, scenarioYaml: string, options: { replications: number; seed: number; workers: number; onProgress?: (done: number, total: number) => void }): Promise<Backtest> {
  const { config } = parseScenario(scenarioYaml, 'scenario.yaml');
  const results = await replicate(config, { replications: options.replications, seed: options.seed, workers: options.workers, onProgress: options.onProgress });
  return compareBacktest(fit, results, options.seed);
}
