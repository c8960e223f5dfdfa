import type { Summary } from '../experiment/summary.js';

export type { Summary, SummaryCustomers } from '../experiment/summary.js';

/** The summary as written to summary.json and printed by `--json`: stable key order, 2-space indent. */
export function summaryJson(summary: Summary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
