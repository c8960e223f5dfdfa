import type { ModelConfig } from '../model/config.js';
import type { CustomerResult } from '../model/customers.js';
import type { GroupResult, ReasonResult, ReplicationResult } from '../model/result.js';
import { customerMonthRows, satisfactionShareEstimates, type CustomerMonthRow, type SatisfactionLevel } from './customers.js';
import { estimate, estimateAll, estimateTree, type Estimate, type EstimateTree, type FigureEstimate } from './estimate.js';
import { buildSeries, type Series } from './series.js';

/**
 * The `run --json` summary (CONTRACT): every figure is { mean, ci95 } over replications, or
 * { mean: null, ci95: null } for a ratio with nothing under it (model/catalogue.ts). Beyond
 * CONTRACT: per channel, per reason and per group figures, and the average day of each kind of
 * day, the daily series over the last SUMMARY_DAYS days of the window and the monthly series
 * (every interval goes to intervals.csv and every day to days.csv, streamed).
 */
export interface Summary {
  scenario: string;
  seed: number;
  replications: number;
  kpis: Record<string, FigureEstimate>;
  economics: Record<string, Estimate>;
  /** CONTRACT `customers.*`: only when the customer lifecycle is on. */
  customers?: SummaryCustomers;
  channels: Record<string, Record<string, FigureEstimate>>;
  reasons: Record<string, EstimateTree<ReasonResult>>;
  groups: Record<string, EstimateTree<GroupResult>>;
  series: Pick<Series, 'intervalSec' | 'intraday' | 'day' | 'month'>;
  meta: {
    /** Events processed, all replications. */
    events: number;
    /** Measured window, seconds from the start: [warmupSec, horizonSec). */
    warmupSec: number;
    horizonSec: number;
    /** The scenario's service-level definition (the default of every real-time channel). */
    serviceLevel: { thresholdSec: number; target: number };
    /** Each channel's own: voice and chat answered within thresholdSec, email within its response target. */
    channels: Record<string, { thresholdSec: number; target: number }>;
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
  satisfactionShare: Record<SatisfactionLevel, FigureEstimate>;
  months: CustomerMonthRow[];
};

/**
 * The days the summary's daily series keeps: the last year of the window. A run of ten years has
 * 3,650 days, which no chart can show day by day and which would make the summary (and every
 * process that reads it back) grow with the horizon; days.csv has every day, months the whole.
 */
export const SUMMARY_DAYS = 366;

/** The summary and the full series (for the CSV files) of one run. */
export function summarizeRun(scenario: string, seed: number, config: ModelConfig, results: readonly ReplicationResult[]): { summary: Summary; series: Series } {
  const series = buildSeries(config, results);
  const summary: Summary = {
    scenario,
    seed,
    replications: results.length,
    kpis: estimateAll(results.map((r) => r.kpis as Record<string, number | null>)),
    economics: estimateAll(results.map((r) => r.economics as unknown as Record<string, number>)) as Record<string, Estimate>,
    ...(results[0]!.customers ? { customers: summaryCustomers(config, results) } : {}),
    channels: Object.fromEntries(Object.keys(results[0]!.channels).map((ch) => [ch, estimateAll(results.map((r) => r.channels[ch]!))])),
    reasons: estimateTree(results.map((r) => r.reasons)),
    groups: estimateTree(results.map((r) => r.groups)),
    series: { intervalSec: series.intervalSec, intraday: series.intraday, day: series.day.slice(-SUMMARY_DAYS), month: series.month },
    meta: {
      events: results.reduce((n, r) => n + r.events, 0),
      warmupSec: config.warmupSec,
      horizonSec: config.horizonSec,
      serviceLevel: { thresholdSec: config.slThresholdSec, target: config.slTarget },
      channels: Object.fromEntries(config.channels.map((c) => [c.kind, { thresholdSec: c.slThresholdSec, target: c.slTarget }])),
      leftInSystemAtHorizon: estimate(results.map((r) => r.conservation.waitingAtHorizon + r.conservation.inServiceAtHorizon + r.conservation.promisedAtHorizon)),
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
