import { SECONDS_PER_MONTH, SECONDS_PER_YEAR } from './config.js';

/**
 * The money ledger: every cash flow of a replication is posted here once — an amount of one item
 * at an instant, or accrued evenly over a span — and everything else is derived: the window's
 * totals, the months, the net present value, profit and the components of a change in profit.
 * The measured window [warm-up, horizon), the 30-day months and the discounting live here and
 * nowhere else.
 *
 * - Window: an instant counts when warm-up ≤ t < horizon; a span counts for its part inside.
 * - Months: month k is [k·30 days, (k+1)·30 days); a span is split at month boundaries, so a
 *   month row holds exactly the window's part of that month and the rows sum to the totals.
 * - Discounting: continuous at r = ln(1 + annual rate) / year from the window's start; an
 *   instant's amount is × e^(−r·(t − warm-up)); a span's is integrated exactly,
 *   (amount / (b − a)) ∫ₐᵇ e^(−r·(t − warm-up)) dt.
 */

/**
 * What each item is, the sign it carries in profit, the economics figure it adds to, and whether it
 * is a cost of the center (`center`: support cost and the priced costs of waiting, abandonment and a
 * missed service level, which make the `cost` figure) rather than of the business around it.
 */
export const LEDGER_ITEMS = {
  wages: { sign: -1, figure: 'supportCost', component: 'supportCost', center: true },
  telephony: { sign: -1, figure: 'supportCost', component: 'supportCost', center: true },
  contactCost: { sign: -1, figure: 'supportCost', component: 'supportCost', center: true },
  /** Costs that are not wages: what waiting, abandonment and a missed service level lose (goodwill, sales, penalties). */
  waiting: { sign: -1, figure: 'waitingCost', component: 'waitingCost', center: true },
  abandonment: { sign: -1, figure: 'abandonCost', component: 'abandonCost', center: true },
  serviceLevelPenalty: { sign: -1, figure: 'serviceLevelPenalty', component: 'serviceLevelPenalty', center: true },
  fees: { sign: 1, figure: 'revenue', component: 'retainedRevenue', center: false },
  referralFees: { sign: 1, figure: 'revenue', component: 'wordOfMouth', center: false },
  upsell: { sign: 1, figure: 'upsellRevenue', component: 'upsell', center: false },
  acquisition: { sign: -1, figure: 'acquisitionCost', component: 'acquisition', center: false },
  returns: { sign: -1, figure: 'returnsCost', component: 'returns', center: false },
} as const;

export type LedgerItem = keyof typeof LEDGER_ITEMS;
export const ITEMS = Object.keys(LEDGER_ITEMS) as LedgerItem[];

/** The costs of the center that are not wages (waitingCost, abandonCost, serviceLevelPenalty): shown only where priced. */
export const NON_WAGE_COSTS: readonly string[] = [...new Set(ITEMS.filter((i) => LEDGER_ITEMS[i].center && LEDGER_ITEMS[i].figure !== 'supportCost').map((i) => LEDGER_ITEMS[i].figure))];
const INDEX = Object.fromEntries(ITEMS.map((item, i) => [item, i])) as Record<LedgerItem, number>;

/** The money figures the ledger's items add up to (referral fees are also reported on their own, the center's costs also in `cost`). */
export type MoneyFigure = (typeof LEDGER_ITEMS)[LedgerItem]['figure'] | 'referralRevenue' | 'cost';

export class Ledger {
  /** Per item: the window's total and its present value. */
  readonly totals = new Float64Array(ITEMS.length);
  readonly present = new Float64Array(ITEMS.length);
  /** Per month × item: the window's part of the month (row k at k × items). */
  readonly months: Float64Array;
  readonly monthCount: number;
  private readonly rate: number;

  constructor(
    readonly warmupSec: number,
    readonly horizonSec: number,
    discountRatePerYear: number,
  ) {
    this.monthCount = Math.ceil(horizonSec / SECONDS_PER_MONTH);
    this.months = new Float64Array(this.monthCount * ITEMS.length);
    this.rate = Math.log1p(discountRatePerYear) / SECONDS_PER_YEAR;
  }

  /** An amount of `item` at the instant `atSec`. */
  post(item: LedgerItem, atSec: number, amount: number): void {
    if (atSec < this.warmupSec || atSec >= this.horizonSec || amount === 0) return;
    const i = INDEX[item];
    this.totals[i]! += amount;
    this.present[i]! += amount * Math.exp(-this.rate * (atSec - this.warmupSec));
    this.months[Math.floor(atSec / SECONDS_PER_MONTH) * ITEMS.length + i]! += amount;
  }

  /** `amount` of `item` accrued evenly over [fromSec, toSec). */
  accrue(item: LedgerItem, fromSec: number, toSec: number, amount: number): void {
    if (!(toSec > fromSec) || amount === 0) return;
    const density = amount / (toSec - fromSec);
    let a = Math.max(fromSec, this.warmupSec);
    const end = Math.min(toSec, this.horizonSec);
    const i = INDEX[item];
    while (a < end) {
      const month = Math.floor(a / SECONDS_PER_MONTH);
      const b = Math.min(end, (month + 1) * SECONDS_PER_MONTH);
      const part = density * (b - a);
      this.totals[i]! += part;
      this.months[month * ITEMS.length + i]! += part;
      this.present[i]! += part * this.discountOver(a, b);
      a = b;
    }
  }

  /** The mean discount factor over [a, b): e^(−r(a − w)) · (1 − e^(−rΔ)) / (rΔ). */
  private discountOver(a: number, b: number): number {
    const start = Math.exp(-this.rate * (a - this.warmupSec));
    const x = this.rate * (b - a);
    return x > 0 ? (start * -Math.expm1(-x)) / x : start;
  }

  /** The window's total of an item. */
  total(item: LedgerItem): number {
    return this.totals[INDEX[item]]!;
  }

  /** The window's money figures: each item added to its figure, referral fees also on their own. */
  figures(): Record<MoneyFigure, number> {
    return this.sumInto((i) => this.totals[i]!);
  }

  /** Profit: every item with its sign. */
  profit(): number {
    return ITEMS.reduce((s, item, i) => s + LEDGER_ITEMS[item].sign * this.totals[i]!, 0);
  }

  /** Net present value of every item, with its sign, at the window's start. */
  npv(): number {
    return ITEMS.reduce((s, item, i) => s + LEDGER_ITEMS[item].sign * this.present[i]!, 0);
  }

  /** Month k's money figures and profit (the window's part of the month). */
  month(k: number): Record<MoneyFigure | 'profit', number> {
    const row = k * ITEMS.length;
    const figures = this.sumInto((i) => this.months[row + i]!);
    const profit = ITEMS.reduce((s, item, i) => s + LEDGER_ITEMS[item].sign * this.months[row + i]!, 0);
    return { ...figures, profit };
  }

  private sumInto(value: (i: number) => number): Record<MoneyFigure, number> {
    const out = { supportCost: 0, waitingCost: 0, abandonCost: 0, serviceLevelPenalty: 0, cost: 0, revenue: 0, referralRevenue: 0, upsellRevenue: 0, acquisitionCost: 0, returnsCost: 0 } as Record<MoneyFigure, number>;
    ITEMS.forEach((item, i) => {
      out[LEDGER_ITEMS[item].figure] += value(i);
      if (LEDGER_ITEMS[item].center) out.cost += value(i);
    });
    out.referralRevenue = value(INDEX.referralFees);
    return out;
  }
}

/** A reported money figure with the sign it enters profit with. */
export interface ProfitTerm {
  figure: MoneyFigure;
  sign: 1 | -1;
}

/**
 * Profit as the sum of its components, for explaining a change in profit — each the ledger items
 * of one `component` (LEDGER_ITEMS), written in the money figures reported for them (referral
 * fees are inside revenue, so retained revenue is revenue − referral revenue). They add up to
 * profit exactly (test/model/ledger.test.ts posts every item and checks it).
 */
export const PROFIT_COMPONENTS: readonly { key: (typeof LEDGER_ITEMS)[LedgerItem]['component']; terms: readonly ProfitTerm[] }[] = [
  { key: 'supportCost', terms: [{ figure: 'supportCost', sign: -1 }] },
  { key: 'waitingCost', terms: [{ figure: 'waitingCost', sign: -1 }] },
  { key: 'abandonCost', terms: [{ figure: 'abandonCost', sign: -1 }] },
  { key: 'serviceLevelPenalty', terms: [{ figure: 'serviceLevelPenalty', sign: -1 }] },
  { key: 'retainedRevenue', terms: [{ figure: 'revenue', sign: 1 }, { figure: 'referralRevenue', sign: -1 }] },
  { key: 'wordOfMouth', terms: [{ figure: 'referralRevenue', sign: 1 }] },
  { key: 'upsell', terms: [{ figure: 'upsellRevenue', sign: 1 }] },
  { key: 'returns', terms: [{ figure: 'returnsCost', sign: -1 }] },
  { key: 'acquisition', terms: [{ figure: 'acquisitionCost', sign: -1 }] },
];
