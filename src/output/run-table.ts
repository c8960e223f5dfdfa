import type { FigureEstimate } from '../experiment/estimate.js';
import type { Summary } from '../experiment/summary.js';
import { NON_WAGE_COSTS } from '../model/ledger.js';
import { formatInterval, formatValue, ONE_REPLICATION_NOTE } from './format.js';

/** The rows of `ccsim run`'s table, those the scenario reports; the full set is in summary.json. */
const ROWS = ['offered', 'closedAttempts', 'abandonRate', 'pWait', 'asaSec', 'serviceLevel', 'callbackWaitSec', 'emailResponseSec', 'emailWithinTarget', 'occupancy', 'ahtSec', 'fcr', 'csat'] as const;
const CUSTOMER_ROWS = ['active', 'churned', 'returned'] as const;
const MONEY_ROWS = ['supportCost', 'waitingCost', 'abandonCost', 'serviceLevelPenalty', 'revenue', 'profit', 'npv', 'longTermValue'] as const;
/** The costs that are not wages: shown when the scenario prices them (a mean other than 0). */
const NON_WAGE_ROWS = NON_WAGE_COSTS;

/**
 * The terminal table of a run: one line per key figure, its mean and — with two replications or
 * more — its 95% CI. Figures the scenario does not have (email, callbacks, closed hours, the
 * customer lifecycle) are left out; an empty figure shows "—".
 */
export function runTable(summary: Summary, seed: number): string {
  const many = summary.replications > 1;
  const line = (figure: string, e: FigureEstimate) => {
    const value = formatValue(figure, e.mean).padStart(14);
    return many && e.mean !== null ? `${figure.padEnd(18)} ${value}   95% CI ${formatInterval(figure, e.ci95)}` : `${figure.padEnd(18)} ${value}`;
  };
  const k = summary.kpis;
  const present = (e: FigureEstimate | undefined, optional: boolean) => e !== undefined && !(optional && (e.mean === null || e.mean === 0));
  const lines = [`${summary.scenario}: ${summary.replications} replication(s), seed ${seed}`];
  for (const f of ROWS) {
    const optional = f === 'closedAttempts' || f === 'callbackWaitSec';
    if (present(k[f], optional)) lines.push(line(f, k[f]!));
  }
  const c = summary.customers as Record<string, FigureEstimate> | undefined;
  if (c) for (const f of CUSTOMER_ROWS) lines.push(line(f, c[f]!));
  // Without customers, costs are all the money there is (revenue 0): support cost, and when the
  // scenario prices waiting, abandonment or the service level, those and profit (−their sum).
  const e = summary.economics;
  const priced = NON_WAGE_ROWS.some((f) => e[f] !== undefined && e[f].mean !== 0);
  const money = c ? MONEY_ROWS : MONEY_ROWS.filter((f) => f === 'supportCost' || (priced && (NON_WAGE_ROWS.includes(f) || f === 'profit')));
  for (const f of money) if (e[f] && !(NON_WAGE_ROWS.includes(f) && e[f].mean === 0)) lines.push(line(f, e[f]));
  if (!many) lines.push(ONE_REPLICATION_NOTE);
  return `${lines.join('\n')}\n`;
}
