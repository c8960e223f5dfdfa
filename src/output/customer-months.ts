import type { Comparison } from '../experiment/compare.js';
import { CUSTOMER_MONTH_FIGURES, type CustomerMonthRow } from '../experiment/customers.js';
import { csvRow } from './csv.js';
import { dayAndTime } from './series.js';

/**
 * The customer lifecycle month by month as CSV (README "CSV files"): customer-months.csv of
 * `ccsim run` and comparison-months.csv of `ccsim compare`, both only when the lifecycle is on.
 * A month's columns are those of summary.json's customers.months[], each followed by its 95% CI.
 */

const figureColumns = CUSTOMER_MONTH_FIGURES.flatMap((f) => [f, `${f}_lo`, `${f}_hi`]);

export const CUSTOMER_MONTHS_CSV_HEADER = ['index', 'day', 'time', ...figureColumns] as const;

function monthCells(r: CustomerMonthRow): unknown[] {
  return [r.index, ...dayAndTime(r.startSec), ...CUSTOMER_MONTH_FIGURES.flatMap((f) => [r[f].mean, ...r[f].ci95])];
}

/** customer-months.csv: one row per month of the run overlapping the measured window. */
export function customerMonthsCsv(rows: readonly CustomerMonthRow[]): string {
  return `${[csvRow(CUSTOMER_MONTHS_CSV_HEADER), ...rows.map((r) => csvRow(monthCells(r)))].join('\n')}\n`;
}

export const COMPARISON_MONTHS_CSV_HEADER = [
  'policy',
  ...CUSTOMER_MONTHS_CSV_HEADER,
  'deltaCumulativeProfit',
  'deltaCumulativeProfit_lo',
  'deltaCumulativeProfit_hi',
] as const;

/**
 * comparison-months.csv: one row per policy and month, the policy's month figures and its Δ
 * cumulative profit against the baseline, paired by replication (0 for the baseline); null
 * when the comparison has no customer lifecycle.
 */
export function comparisonMonthsCsv(c: Comparison): string | null {
  if (!c.policies.every((p) => p.customers)) return null;
  const lines = c.policies.flatMap((p) =>
    p.customers!.months.map((r) => {
      const d = r.delta.cumulativeProfit;
      return csvRow([p.name, ...monthCells(r), d.mean, ...d.ci95]);
    }),
  );
  return `${[csvRow(COMPARISON_MONTHS_CSV_HEADER), ...lines].join('\n')}\n`;
}
