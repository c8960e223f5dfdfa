import { SECONDS_PER_HOUR, SECONDS_PER_MONTH, SECONDS_PER_YEAR, type EconomicsConfig } from './config.js';

export interface Economics {
  supportCost: number;
  revenue: number;
  /** Of the revenue, what customers won by word of mouth paid (only when the lifecycle is on). */
  referralRevenue?: number;
  /** Margin of accepted upsell offers (only when the customer lifecycle is on). */
  upsellRevenue?: number;
  /** Paid acquisitions in the window (only when the customer lifecycle is on). */
  acquisitionCost?: number;
  /** Refunds and handling of returned products (only when the customer lifecycle is on). */
  returnsCost?: number;
  profit: number;
  npv: number;
  /** Customer lifetime value (model/result.ts; only when the customer lifecycle is on). */
  clv?: number;
  /** Present value of the base left at the horizon, and npv + it (model/result.ts; lifecycle only). */
  customerEquity?: number;
  longTermValue?: number;
}

/**
 * Money over the measured window, before the customer lifecycle: support cost = paid agent
 * hours × wage per group + cost per handled minute + cost per handled contact; no revenue, so
 * profit = −cost. The NPV discounts each interval's cost from the window's start at the
 * continuously compounded equivalent of the annual rate, r = ln(1 + rate)/year, at the
 * interval's midpoint.
 */
export function supportEconomics(
  costByInterval: Float64Array,
  intervalSec: number,
  warmupSec: number,
  horizonSec: number,
  config: EconomicsConfig,
  /** If given, receives the window's cost by 30-day month (an interval never straddles months). */
  byMonth?: number[],
): Economics {
  const r = Math.log1p(config.discountRatePerYear) / SECONDS_PER_YEAR;
  let cost = 0;
  let npv = 0;
  for (let k = 0; k < costByInterval.length; k++) {
    const from = Math.max(k * intervalSec, warmupSec);
    const to = Math.min((k + 1) * intervalSec, horizonSec);
    if (to <= from) continue;
    const c = (costByInterval[k]! * (to - from)) / intervalSec;
    cost += c;
    if (byMonth) byMonth[Math.floor(from / SECONDS_PER_MONTH)]! += c;
    npv -= c * Math.exp(-r * ((from + to) / 2 - warmupSec));
  }
  return { supportCost: cost, revenue: 0, profit: -cost, npv };
}

/** Cost of `agentSeconds` paid at `wagePerHour`. */
export const wageCost = (agentSeconds: number, wagePerHour: number) => (agentSeconds * wagePerHour) / SECONDS_PER_HOUR;

