import { SECONDS_PER_MONTH } from '../model/config.js';
import type { CustomerMonths } from '../model/customers.js';
import type { MonthMoney, ReplicationResult } from '../model/result.js';
import { LEVEL_NAMES } from '../model/satisfaction.js';
import { estimate, type Estimate, type FigureEstimate } from './estimate.js';
import { pairedDifference, type EmptyDifference, type PairedDifference } from './paired.js';

/**
 * The customer lifecycle's figures over replications, for `run` and `compare` alike: the
 * month-by-month accounts (model/customers.ts CustomerMonths) with cumulative profit, and the
 * satisfaction distribution as shares of contacts. Each figure is computed per replication
 * first and then estimated (mean and 95% CI over replications), so a cumulative profit or a
 * share has the interval of its own replication values, not one pieced together from its parts.
 */

/** A month's figures: the model's accounts, then profit summed from the window's start. */
export const CUSTOMER_MONTH_FIGURES = [
  'start',
  'acquired',
  'referred',
  'churned',
  'returned',
  'active',
  'revenue',
  'upsellRevenue',
  'supportCost',
  'acquisitionCost',
  'returnsCost',
  'profit',
  'cumulativeProfit',
] as const satisfies readonly (keyof CustomerMonths | keyof MonthMoney | 'cumulativeProfit')[];
export type CustomerMonthFigure = (typeof CUSTOMER_MONTH_FIGURES)[number];

/**
 * One 30-day month of the horizon: month `index` runs [startSec, endSec) (the last may end early,
 * at the horizon). Counts are the month's (active: at its end); money counts inside the measured
 * window only, and cumulativeProfit is the profit from the window's start to the month's end.
 */
export type CustomerMonthRow = { index: number; startSec: number; endSec: number } & Record<CustomerMonthFigure, Estimate>;

/** The five satisfaction levels, 1 … 5. */
export type SatisfactionLevel = (typeof LEVEL_NAMES)[number];

/** A replication's months as figure → values by month: the base's counts, the ledger's money, cumulative profit. */
function monthValues(result: ReplicationResult): Record<CustomerMonthFigure, number[]> {
  const counts = result.customers!.months;
  const money = (f: keyof MonthMoney) => result.months.map((m) => m[f]);
  let sum = 0;
  const profit = money('profit');
  return {
    ...counts,
    revenue: money('revenue'),
    upsellRevenue: money('upsellRevenue'),
    supportCost: money('supportCost'),
    acquisitionCost: money('acquisitionCost'),
    returnsCost: money('returnsCost'),
    profit,
    cumulativeProfit: profit.map((p) => (sum += p)),
  };
}

/** The months that overlap the measured window [warmupSec, horizonSec): the ones reported. */
function windowMonths(results: readonly ReplicationResult[], warmupSec: number, horizonSec: number): number[] {
  const count = results[0]!.customers!.months.start.length;
  return Array.from({ length: count }, (_, k) => k).filter((k) => (k + 1) * SECONDS_PER_MONTH > warmupSec && k * SECONDS_PER_MONTH < horizonSec);
}

/** Month rows estimated over replications (the lifecycle must be on). */
export function customerMonthRows(results: readonly ReplicationResult[], warmupSec: number, horizonSec: number): CustomerMonthRow[] {
  const values = results.map(monthValues);
  return windowMonths(results, warmupSec, horizonSec).map((k) => {
    const row = { index: k, startSec: k * SECONDS_PER_MONTH, endSec: Math.min((k + 1) * SECONDS_PER_MONTH, horizonSec) } as CustomerMonthRow;
    for (const f of CUSTOMER_MONTH_FIGURES) row[f] = estimate(values.map((v) => v[f][k]!));
    return row;
  });
}

/** A month row of a comparison: the policy's estimates and its paired difference from the baseline. */
export type ComparedMonthRow = CustomerMonthRow & { delta: { cumulativeProfit: PairedDifference } };

/** Month rows of a policy with Δ cumulative profit against the baseline, paired by replication. */
export function comparedMonthRows(
  results: readonly ReplicationResult[],
  baseline: readonly ReplicationResult[],
  warmupSec: number,
  horizonSec: number,
  verdictLevel: number,
): ComparedMonthRow[] {
  const mine = results.map((r) => monthValues(r).cumulativeProfit);
  const base = baseline.map((r) => monthValues(r).cumulativeProfit);
  return customerMonthRows(results, warmupSec, horizonSec).map((row) => ({
    ...row,
    delta: { cumulativeProfit: pairedDifference(mine.map((v) => v[row.index]!), base.map((v) => v[row.index]!), verdictLevel) },
  }));
}

/**
 * A replication's share of contacts at each satisfaction level (contacts offered in the window;
 * empty — null — when there were none).
 */
export function satisfactionShares(result: ReplicationResult): Record<SatisfactionLevel, number | null> {
  const counts = result.customers!.satisfaction;
  const total = LEVEL_NAMES.reduce((s, l) => s + counts[l], 0);
  return Object.fromEntries(LEVEL_NAMES.map((l) => [l, total > 0 ? counts[l] / total : null])) as Record<SatisfactionLevel, number | null>;
}

/** The share at each level, estimated over replications. */
export function satisfactionShareEstimates(results: readonly ReplicationResult[]): Record<SatisfactionLevel, FigureEstimate> {
  const shares = results.map(satisfactionShares);
  return Object.fromEntries(LEVEL_NAMES.map((l) => [l, estimate(shares.map((s) => s[l]))])) as Record<SatisfactionLevel, FigureEstimate>;
}

/** The paired difference of each level's share, policy − baseline. */
export function satisfactionShareDeltas(
  results: readonly ReplicationResult[],
  baseline: readonly ReplicationResult[],
  verdictLevel: number,
): Record<SatisfactionLevel, PairedDifference | EmptyDifference> {
  const mine = results.map(satisfactionShares);
  const base = baseline.map(satisfactionShares);
  return Object.fromEntries(LEVEL_NAMES.map((l) => [l, pairedDifference(mine.map((s) => s[l]), base.map((s) => s[l]), verdictLevel)])) as Record<
    SatisfactionLevel,
    PairedDifference | EmptyDifference
  >;
}
