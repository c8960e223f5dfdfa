import { SECONDS_PER_MONTH } from './config.js';

/** The base's flows, counted by month. */
export const CUSTOMER_FLOWS = ['acquired', 'referred', 'churned', 'returned'] as const;
export type CustomerFlow = (typeof CUSTOMER_FLOWS)[number];

/** Month-by-month accounts of the base: month k runs [k·month, (k+1)·month). */
export interface CustomerMonths extends Record<CustomerFlow, number[]> {
  /** Active at the start of the month, and at its end (after its churn; at the horizon for a partial last month). */
  start: number[];
  active: number[];
}

/**
 * The customer facts of a replication, warm-up aware, in one place (as the observer is for
 * contacts): each flow is counted in the month it happens in and only inside the measured window,
 * so the window's totals are exactly the sums of its month rows.
 *
 * - Acquisitions, referrals and returns happen at an instant t: counted when warm-up ≤ t < horizon.
 * - Churn closes a month at its end: month k's churn is counted when the month's end lies in
 *   (warm-up, horizon] — a whole-month warm-up's churn belongs to the warm-up, not the window.
 * - Levels (active at a month's start and end) are recorded for every month, as they are.
 */
export class CustomerTally {
  readonly months: CustomerMonths;
  /** Customer-months at risk of churning at each month's end (exposure-weighted), in the window. */
  readonly atRisk: number[];

  constructor(
    private readonly warmupSec: number,
    private readonly horizonSec: number,
  ) {
    const n = Math.ceil(horizonSec / SECONDS_PER_MONTH);
    const zeros = () => new Array<number>(n).fill(0);
    this.months = { start: zeros(), active: zeros(), acquired: zeros(), referred: zeros(), churned: zeros(), returned: zeros() };
    this.atRisk = zeros();
  }

  /** A flow of `n` customers at the instant `t`. */
  at(flow: 'acquired' | 'referred' | 'returned', t: number, n = 1): void {
    if (t >= this.warmupSec && t < this.horizonSec) this.months[flow][Math.floor(t / SECONDS_PER_MONTH)]! += n;
  }

  /** Month k closed with `churned` customers leaving out of `exposure` customer-months at risk. */
  churn(k: number, churned: number, exposure: number): void {
    const end = (k + 1) * SECONDS_PER_MONTH;
    if (end > this.warmupSec && end <= this.horizonSec) {
      this.months.churned[k]! += churned;
      this.atRisk[k]! += exposure;
    }
  }

  /** The window's total of a flow (the sum of its month rows). */
  total(flow: CustomerFlow | 'atRisk'): number {
    const rows = flow === 'atRisk' ? this.atRisk : this.months[flow];
    return rows.reduce((s, v) => s + v, 0);
  }
}
