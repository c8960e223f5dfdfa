/**
 * backtest.json: observed and simulated KPIs side by side (CONTRACT: observed.{asaSec,
 * abandonRate, serviceLevel} as numbers, simulated.{…} as { mean, ci95 }), by hour of day and
 * by day, with the coverage of the intervals. Rounded to 6 significant digits.
 */
import type { Backtest } from './backtest.js';
import { rounded } from './fit-json.js';

export const BACKTEST_FORMAT = 'ccsim-backtest';

export function backtestJson(b: Backtest): string {
  return `${JSON.stringify(
    rounded({
      format: BACKTEST_FORMAT,
      version: 1,
      replications: b.replications,
      seed: b.seed,
      definitions:
        "ccsim's KPI definitions: offered = agent-seeking calls; abandonRate = abandoned / offered; asaSec = mean wait of answered calls; serviceLevel = answered within the threshold / offered; each call counted at its arrival. simulated: mean over replications with its Student-t 95% CI, and spread95 = the 2.5%–97.5% range of single replications",
      observed: b.observed,
      simulated: b.simulated,
      relativeError: b.relativeError,
      coverage: b.coverage,
      byHour: b.byHour,
      byDay: b.byDay,
    }),
    null,
    2,
  )}\n`;
}
