import { poisson } from '../engine/random/poisson.js';
import type { Uniform } from '../engine/random/stream.js';
import { referralReserve, SECONDS_PER_MONTH, SECONDS_PER_YEAR, type CustomersConfig } from './config.js';
import { CustomerBase } from './customer-base.js';
import type { LEVEL_NAMES } from './satisfaction.js';

/** Month-by-month accounts of the base: month k runs [k·month, (k+1)·month). */
export interface CustomerMonths {
  /** Active at the start of the month, before its acquisitions. */
  start: number[];
  /** Paid acquisitions (after deterrence), referrals, churn at the month's end, product returns. */
  acquired: number[];
  referred: number[];
  churned: number[];
  returned: number[];
  /** Active at the month's end, after its churn (or at the horizon, for a partial last month). */
  active: number[];
  /**
   * Money of the month inside the measured window: fee revenue, upsell margin, support cost,
   * acquisition cost, returns cost, and profit = revenue + upsell − the three costs.
   */
  revenue: number[];
  upsellRevenue: number[];
  supportCost: number[];
  acquisitionCost: number[];
  returnsCost: number[];
  profit: number[];
}

/** What the lifecycle reports per replication (figures over the measured window unless said). */
export interface CustomerResult {
  /** Active at the end of the horizon. */
  active: number;
  churned: number;
  acquired: number;
  /** New customers won by word of mouth, and customers who returned the product and left. */
  referred: number;
  returned: number;
  /** Outbound contacts about faults devices reported, and those that fixed the issue. */
  outreach: number;
  outreachResolved: number;
  /** End-of-call offers made, and accepted. */
  offers: number;
  offersAccepted: number;
  /** Contacts offered in the window by satisfaction level (model/satisfaction.ts). */
  satisfaction: Record<(typeof LEVEL_NAMES)[number], number>;
  months: CustomerMonths;
}

/** The lifecycle's money over the measured window, and its present value at the window's start. */
export interface CustomerMoney {
  revenue: number;
  /** Of the revenue, what customers won by word of mouth paid. */
  referralRevenue: number;
  /** Margin of upsell offers accepted on support calls. */
  upsellRevenue: number;
  acquisitionCost: number;
  /** Refunds and handling of returned products. */
  returnsCost: number;
  npv: number;
}

/**
 * The monthly lifecycle. Customer ids follow the fixed layout of model/customer-base.ts. At every
 * month boundary t_k = k·month ≤ horizon, in this order:
 *   1. churn closing month k−1 (k ≥ 1): each active customer leaves with probability
 *      min(1, base × its satisfaction multiplier), one uniform per id slot opened so far (active,
 *      left or never filled) from stream "churn", so customer i's draw in month k is the same
 *      under every policy (common random numbers);
 *   2. acquisitions opening month k (t_k < horizon): `acquisitionPerMonth` new customers,
 *      onboarding until t_k + onboardingSec (a separate LIFECYCLE event per cohort).
 *      With word of mouth, the previous month's satisfied contacts (levels 4–5) each tell
 *      `tellsSatisfied` people on average and dissatisfied ones (1–2) `tellsDissatisfied`; each
 *      telling converts (or deters) a prospect with its probability. A sum of Poisson(tells)
 *      thinned binomially is Poisson, so referred ~ Poisson(n₊·tells₊·convert) new customers
 *      (free), and deterred ~ Poisson(n₋·tells₋·deter) paid prospects lost (at most perMonth),
 *      from stream "wordOfMouth" (its draws depend on the means, so this stream pairs loosely).
 * Returns (model/contact-center.ts): an issue that ends unresolved (repeat limit reached, or
 * abandoned without a retrial) within `returns.windowSec` of the customer's acquisition leads,
 * with probability `returns.prob` (stream "returns"), to a product return: refund + handling
 * cost, and the customer leaves at once.
 * A horizon that is not a whole number of months ends with a partial month without churn.
 * Revenue accrues continuously: fee × active customers × elapsed months (the active count only
 * changes at boundaries); acquisition cost (perMonth × costPerCustomer, whatever word of mouth
 * deterred) is paid at the month's start. Both count over the measured
 * window [warm-up, horizon), and the NPV discounts revenue at each segment's midpoint and costs
 * at their instant, continuously at r = ln(1 + annual rate)/year, like economics.ts.
 */
export class Lifecycle {
  readonly base: CustomerBase;
  readonly months: CustomerMonths;
  private readonly onboards: boolean;
  /** Id layout: slots a month (paid, then reserved for referrals), and where overflow ids start. */
  private readonly referralSlots: number;
  private readonly blockSize: number;
  private readonly overflowStart: number;
  private overflowCount = 0;
  /** Months whose block is open (acquisitions made), and the oldest cohort still onboarding. */
  private opened = 0;
  private onboardFrom = 0;
  /** Candidate weights: every slot at min(1, m), the slots of the other status at |m − 1| more. */
  private readonly lo: number;
  private readonly extra: number;
  private readonly extraIsOnboarding: boolean;
  /** Continuous discount rate per second. */
  private readonly discountPerSec: number;
  private lastSec = 0;
  readonly money: CustomerMoney = { revenue: 0, referralRevenue: 0, upsellRevenue: 0, acquisitionCost: 0, returnsCost: 0, npv: 0 };
  /** Outbound contacts about reported faults, and those that fixed the issue (offered in the window). */
  outreach = 0;
  outreachResolved = 0;
  /** End-of-call offers made and accepted on contacts offered in the window (margin: accepted in the window). */
  offers = 0;
  offersAccepted = 0;
  /** Customer-months of activity in the window (Σ active × time). */
  customerMonths = 0;
  /** Σ over the window's month ends of the customers at risk of churning there (active before it). */
  atRisk = 0;
  churned = 0;
  acquired = 0;
  referred = 0;
  returned = 0;

  constructor(
    private readonly config: CustomersConfig,
    private readonly warmupSec: number,
    private readonly horizonSec: number,
    discountRatePerYear: number,
    private readonly churnU: Uniform,
    /** Churn draws of overflow referrals: their own stream, so an overflow shifts no one else's draws. */
    private readonly overflowChurnU: Uniform,
    private readonly wordOfMouthU: Uniform,
    /** The churn multiplier of customer `id` at time `t` (1 without satisfaction effects). */
    private readonly multiplier: (id: number, t: number) => number,
  ) {
    const monthCount = Math.ceil(horizonSec / SECONDS_PER_MONTH);
    const m = config.onboardingMultiplier;
    this.onboards = config.onboardingSec > 0 && m !== 1;
    this.lo = this.onboards ? Math.min(1, m) : 1;
    this.extra = this.onboards ? Math.abs(m - 1) : 0;
    this.extraIsOnboarding = m > 1;
    this.referralSlots = referralReserve({
      initial: config.initial,
      perMonth: config.acquisitionPerMonth,
      months: monthCount,
      issuesPerMonth: config.issueRatePerSec * SECONDS_PER_MONTH,
      onboardingMultiplier: m,
      referralsPerSatisfiedContact: config.wordOfMouth ? config.wordOfMouth.tellsSatisfied * config.wordOfMouth.convertProb : 0,
    });
    this.blockSize = config.acquisitionPerMonth + this.referralSlots;
    this.overflowStart = config.initial + monthCount * this.blockSize;
    this.base = new CustomerBase(this.overflowStart);
    this.base.activate(0, config.initial, -1, false);
    const zeros = () => new Array<number>(monthCount).fill(0);
    this.months = {
      start: zeros(),
      acquired: zeros(),
      referred: zeros(),
      churned: zeros(),
      returned: zeros(),
      active: zeros(),
      revenue: zeros(),
      upsellRevenue: zeros(),
      supportCost: zeros(),
      acquisitionCost: zeros(),
      returnsCost: zeros(),
      profit: zeros(),
    };
    this.discountPerSec = Math.log1p(discountRatePerYear) / SECONDS_PER_YEAR;
  }

  /** Month boundaries with an event: t_k for k = 0 … ⌊horizon/month⌋. */
  get boundaryCount(): number {
    return Math.floor(this.horizonSec / SECONDS_PER_MONTH) + 1;
  }

  /** The first id of month k's block. */
  private blockStart(k: number): number {
    return this.config.initial + k * this.blockSize;
  }

  /** Cohort k's onboarding ended: its slots weigh as established from now. */
  endOnboarding(k: number): void {
    this.onboardFrom = k + 1;
  }

  /**
   * Σ of the candidate weights: every open slot (overflow included) at `lo`, and the slots of the
   * other status (onboarding when m > 1, established when m < 1) at `extra` more. × the issue rate
   * per customer it is the candidate rate; it changes only at month boundaries and onboarding
   * ends — the same times and values under every policy, unless referrals overflow the reserve.
   */
  get candidateWeight(): number {
    return this.lo * this.slotCount + this.extra * this.extraCount;
  }

  private get slotCount(): number {
    return this.blockStart(this.opened) + this.overflowCount;
  }

  /** Slots of the extra-weight status: onboarding cohorts' blocks (or the others') plus all overflow ids. */
  private get extraCount(): number {
    const split = this.blockStart(Math.min(this.onboardFrom, this.opened));
    return (this.extraIsOnboarding ? this.blockStart(this.opened) - split : split) + this.overflowCount;
  }

  /**
   * The customer a candidate issue lands on, from one uniform u ∈ [0, 1), or −1 when it lands on
   * no active customer of the right weight (the candidate is thinned out). Each active customer
   * receives candidates at rate ∝ lo + extra·[their status is the extra one] = their issue weight.
   */
  candidate(u: number): number {
    const base = this.base;
    const all = this.lo * this.slotCount;
    const x = u * (all + this.extra * this.extraCount);
    if (x < all) {
      const id = this.slotId(Math.min(this.slotCount - 1, Math.floor(x / this.lo)));
      return base.active[id] === 1 ? id : -1;
    }
    const slot = Math.min(this.extraCount - 1, Math.floor((x - all) / this.extra));
    const split = this.blockStart(Math.min(this.onboardFrom, this.opened));
    const reserved = this.extraIsOnboarding ? this.blockStart(this.opened) - split : split;
    const id = slot < reserved ? (this.extraIsOnboarding ? split : 0) + slot : this.overflowStart + slot - reserved;
    if (base.active[id] !== 1) return -1;
    const onboarding = base.cohort[id]! >= this.onboardFrom;
    return onboarding === this.extraIsOnboarding ? id : -1;
  }

  private slotId(slot: number): number {
    const reserved = this.blockStart(this.opened);
    return slot < reserved ? slot : this.overflowStart + slot - reserved;
  }

  /** Where cohort k ends onboarding, or Infinity when it does not (or not before the horizon). */
  onboardingEndSec(k: number): number {
    const t = k * SECONDS_PER_MONTH + this.config.onboardingSec;
    return this.onboards && t < this.horizonSec ? t : Infinity;
  }

  /** The month boundary k at time t_k = now. */
  /**
   * `satisfied` and `dissatisfied`: the contacts that ended at levels 4–5 and 1–2 since the last
   * boundary (model/satisfaction.ts counts them), for word of mouth.
   */
  boundary(k: number, now: number, satisfied = 0, dissatisfied = 0): void {
    this.accrue(now);
    const base = this.base;
    if (k >= 1) {
      const p = this.config.baseChurnPerMonth;
      let churned = 0;
      const before = base.activeCount;
      const churn = (from: number, to: number, draw: Uniform) => {
        for (let id = from; id < to; id++) {
          const u = draw();
          if (base.active[id] === 1 && u < p * this.multiplier(id, now)) {
            base.leave(id);
            churned++;
          }
        }
      };
      churn(0, this.blockStart(this.opened), this.churnU);
      churn(this.overflowStart, this.overflowStart + this.overflowCount, this.overflowChurnU);
      this.months.churned[k - 1] = churned;
      this.months.active[k - 1] = base.activeCount;
      if (now >= this.warmupSec) {
        this.churned += churned;
        this.atRisk += before;
      }
    }
    if (now < this.horizonSec) {
      this.months.start[k] = base.activeCount;
      let n = this.config.acquisitionPerMonth;
      let referred = 0;
      const wom = this.config.wordOfMouth;
      if (wom !== null) {
        referred = poisson(this.wordOfMouthU, satisfied * wom.tellsSatisfied * wom.convertProb)();
        n -= Math.min(n, poisson(this.wordOfMouthU, dissatisfied * wom.tellsDissatisfied * wom.deterProb)());
      }
      const start = this.blockStart(k);
      base.activate(start, n, k, false);
      const reserved = Math.min(referred, this.referralSlots);
      base.activate(start + this.config.acquisitionPerMonth, reserved, k, true);
      base.activate(this.overflowStart + this.overflowCount, referred - reserved, k, true);
      this.overflowCount += referred - reserved;
      this.opened = k + 1;
      this.months.acquired[k] = n;
      this.months.referred[k] = referred;
      if (now >= this.warmupSec) {
        // The campaign is paid for in full: deterred prospects are lost, not refunded.
        const cost = this.config.acquisitionPerMonth * this.config.costPerCustomer;
        this.acquired += n;
        this.referred += referred;
        this.money.acquisitionCost += cost;
        this.months.acquisitionCost[k] = cost;
        this.money.npv -= cost * Math.exp(-this.discountPerSec * (now - this.warmupSec));
      }
    }
  }

  /** The issue of `id` ended unresolved at `now`: a return with its probability, if in the window. Returns whether the customer left. */
  maybeReturn(id: number, now: number, u: Uniform): boolean {
    const r = this.config.returns!;
    const cohort = this.base.cohort[id]!;
    if (now >= this.horizonSec || this.base.active[id] !== 1 || cohort < 0 || now - cohort * SECONDS_PER_MONTH > r.windowSec || u() >= r.prob) return false;
    this.accrue(now);
    this.base.leave(id);
    const month = this.monthOf(now);
    this.months.returned[month]!++;
    if (now >= this.warmupSec) {
      const cost = r.refund + r.handlingCost;
      this.returned++;
      this.money.returnsCost += cost;
      this.months.returnsCost[month]! += cost;
      this.money.npv -= cost * Math.exp(-this.discountPerSec * (now - this.warmupSec));
    }
    return true;
  }

  /**
   * An end-of-call offer was made at `now`: accepted with its probability (stream "upsell");
   * `counted`: the contact was offered in the window.
   */
  offer(now: number, u: Uniform, counted: boolean): void {
    const upsell = this.config.upsell!;
    if (counted) this.offers++;
    if (u() >= upsell.acceptProb) return;
    if (counted) this.offersAccepted++;
    this.upsell(now, upsell.value);
  }

  /** An upsell offer was accepted at `now`: its margin counts in the window. */
  private upsell(now: number, value: number): void {
    if (now < this.warmupSec || now >= this.horizonSec) return;
    this.money.upsellRevenue += value;
    this.months.upsellRevenue[this.monthOf(now)]! += value;
    this.money.npv += value * Math.exp(-this.discountPerSec * (now - this.warmupSec));
  }

  private monthOf(t: number): number {
    return Math.min(this.months.start.length - 1, Math.floor(t / SECONDS_PER_MONTH));
  }

  /**
   * Revenue of the active base from the last change to `now`, inside the window. Calls come at
   * least at every month boundary, so a segment lies within one month.
   */
  accrue(now: number): void {
    const from = Math.max(this.lastSec, this.warmupSec);
    const to = Math.min(now, this.horizonSec);
    if (to > from) {
      const months = (this.base.activeCount * (to - from)) / SECONDS_PER_MONTH;
      this.customerMonths += months;
      const revenue = this.config.monthlyFeePerMonth * months;
      this.money.revenue += revenue;
      this.money.referralRevenue += (this.config.monthlyFeePerMonth * this.base.referredActive * (to - from)) / SECONDS_PER_MONTH;
      this.months.revenue[this.monthOf(from)]! += revenue;
      this.money.npv += revenue * Math.exp(-this.discountPerSec * ((from + to) / 2 - this.warmupSec));
    }
    this.lastSec = Math.max(this.lastSec, now);
  }

  /**
   * The replication's customer figures; call after the run, with the support cost of each month
   * in the window (from the model's per-interval costs).
   */
  result(satisfaction: CustomerResult['satisfaction'], supportCostByMonth: readonly number[]): CustomerResult {
    this.accrue(this.horizonSec);
    const m = this.months;
    const last = m.start.length - 1;
    if (this.horizonSec % SECONDS_PER_MONTH !== 0) m.active[last] = this.base.activeCount;
    for (let k = 0; k <= last; k++) {
      m.supportCost[k] = supportCostByMonth[k] ?? 0;
      m.profit[k] = m.revenue[k]! + m.upsellRevenue[k]! - m.supportCost[k]! - m.acquisitionCost[k]! - m.returnsCost[k]!;
    }
    return {
      active: this.base.activeCount,
      churned: this.churned,
      acquired: this.acquired,
      referred: this.referred,
      returned: this.returned,
      outreach: this.outreach,
      outreachResolved: this.outreachResolved,
      offers: this.offers,
      offersAccepted: this.offersAccepted,
      satisfaction,
      months: this.months,
    };
  }
}
