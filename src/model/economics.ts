import { SECONDS_PER_HOUR, SECONDS_PER_YEAR, type EconomicsConfig } from './config.js';

export interface Economics {
  supportCost: number;
  revenue: number;
  profit: number;
  npv: number;
}

/**
 * Money over the measured window for a constant headcount and no customer lifecycle:
 * support cost = agents × paid hours × wage; no revenue, so profit = −cost.
 * The NPV discounts the constant cost stream continuously from the window's start at the
 * continuously compounded equivalent of the annual rate, r = ln(1 + rate)/year:
 *   NPV = −C · (1 − e^{−rT}) / r,  C the cost per second, T the window length.
 */
export function stationaryEconomics(agents: number, windowSec: number, config: EconomicsConfig): Economics {
  const costPerSec = (agents * config.wagePerHour) / SECONDS_PER_HOUR;
  const supportCost = costPerSec * windowSec;
  const r = Math.log1p(config.discountRatePerYear) / SECONDS_PER_YEAR;
  const discounted = r > 0 ? (costPerSec * -Math.expm1(-r * windowSec)) / r : supportCost;
  return { supportCost, revenue: 0, profit: -supportCost, npv: -discounted };
}
