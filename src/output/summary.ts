import { customerMonthRows, satisfactionShareEstimates, type CustomerMonthRow, type SatisfactionLevel } from '../experiment/customers.js';
import { estimate, estimateAll, estimateTree, type Estimate, type EstimateTree } from '../experiment/estimate.js';
import type { ModelConfig } from '../model/config.js';
import type { CustomerResult } from '../model/customers.js';
import type { Economics } from '../model/economics.js';
import type { Kpis } from '../model/observer.js';
import type { ChannelResult, GroupResult, ReasonResult, ReplicationResult } from '../model/result.js';
import { buildSeries, type Series } from './series.js';

/**
 * The `run --json` summary (CONTRACT): every figure is { mean, ci95 } over replications.
 * Beyond CONTRACT: per channel, per reason and per group figures, and the intraday, daily and
 * monthly series (the full interval timeline goes to intervals.csv, not here, to keep it small).
 */
export interface Summary {
  scenario: string;
  seed: number;
  replications: number;
  kpis: Record<keyof Kpis, Estimate>;
  economics: Record<keyof Economics, Estimate>;
  /** CONTRACT `customers.*`: only when the customer lifecycle is on. */
  customers?: SummaryCustomers;
  channels: Record<string, EstimateTree<ChannelResult>>;
  reasons: Record<string, EstimateTree<ReasonResult>>;
  groups: Record<string, EstimateTree<GroupResult>>;
  series: Pick<Series, 'intervalSec' | 'intraday' | 'day' | 'month'>;
  meta: {
    /** Events processed, all replications. */
    events: number;
    /** Measured window, seconds from the start: [warmupSec, horizonSec). */
    warmupSec: number;
    horizonSec: number;
    /** The service-level definition: answered within thresholdSec, against the target share. */
    serviceLevel: { thresholdSec: number; target: number };
    /** Contacts still waiting or in service at the horizon (they are served out after it). */
    leftInSystemAtHorizon: Estimate;
  };
}

/**
 * The lifecycle's figures: the CONTRACT counts, `satisfaction` (contacts at each level),
 * `satisfactionShare` (the share of contacts at each level) and the months overlapping the
 * measured window with cumulative profit (experiment/customers.ts), each estimated over
 * replications.
 */
export type SummaryCustomers = EstimateTree<Omit<CustomerResult, 'months'>> & {
  satisfactionShare: Record<SatisfactionLevel, Estimate>;
  months: CustomerMonthRow[];
};

/** The summary and the full series (for the CSV files) of one run. */
export function summarizeRun(scenario: string, seed: number, config: ModelConfig, results: readonly ReplicationResult[]): { summary: Summary; series: Series } {
  const series = buildSeries(config, results);
  const summary: Summary = {
    scenario,
    seed,
    replications: results.length,
    kpis: estimateAll(results.map((r) => r.kpis as Record<keyof Kpis, number>)),
    economics: estimateAll(results.map((r) => r.economics as Record<keyof Economics, number>)),
    ...(results[0]!.customers ? { customers: summaryCustomers(config, results) } : {}),
    channels: estimateTree(results.map((r) => r.channels)),
    reasons: estimateTree(results.map((r) => r.reasons)),
    groups: estimateTree(results.map((r) => r.groups)),
    series: { intervalSec: series.intervalSec, intraday: series.intraday, day: series.day, month: series.month },
    meta: {
      events: results.reduce((n, r) => n + r.events, 0),
      warmupSec: config.warmupSec,
      horizonSec: config.horizonSec,
      serviceLevel: { thresholdSec: config.slThresholdSec, target: config.slTarget },
      leftInSystemAtHorizon: estimate(results.map((r) => r.conservation.waitingAtHorizon + r.conservation.inServiceAtHorizon)),
    },
  };
  return { summary, series };
}

function summaryCustomers(config: ModelConfig, results: readonly ReplicationResult[]): SummaryCustomers {
  const figures = estimateTree(
    results.map((r) => {
      const { months: _months, ...rest } = r.customers!;
      return rest;
    }),
  );
  return { ...figures, satisfactionShare: satisfactionShareEstimates(results), months: customerMonthRows(results, config.warmupSec, config.horizonSec) };
}

/** The summary alone (see summarizeRun). */
export function summarize(scenario: string, seed: number, config: ModelConfig, results: readonly ReplicationResult[]): Summary {
  return summarizeRun(scenario, seed, config, results).summary;
}

/** The summary as written to summary.json and printed by `--json`: stable key order, 2-space indent. */
export function summaryJson(summary: Summary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
