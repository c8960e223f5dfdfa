import { poissonQuantile } from '../engine/random/poisson.js';
import type { Uniform } from '../engine/random/stream.js';
import { referralReserve, SECONDS_PER_MONTH, type CustomersConfig } from './config.js';
import { CustomerBase } from './customer-base.js';
import { CustomerTally, type CustomerMonths } from './customer-tally.js';
import { PURPOSE, type KeyedDraws } from './draws.js';
import type { Ledger } from './ledger.js';

export type { CustomerMonths } from './customer-tally.js';

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
  satisfaction: Record<'veryDissatisfied' | 'dissatisfied' | 'neutral' | 'satisfied' | 'verySatisfied', number>;
  months: CustomerMonths;
}

/**
 * The monthly lifecycle of the base. Customer ids follow the fixed layout of model/customer-base.ts:
 * month k's block holds `perMonth` paid slots and a reserve of referral slots. Purchases are spread
 * evenly over the month — paid slot j of P at k·month + (j + ½)·month/P, referral slot j of the
 * reserve R at k·month + (j + ½)·month/R — so each slot's purchase time is fixed by the layout and
 * the same under every policy; onboarding and the return window run from each customer's own
 * purchase. At every month boundary t_k = k·month ≤ horizon, in this order:
 *   1. churn closing month k−1 (k ≥ 1): each active customer leaves with probability
 *      q = min(1, base × their satisfaction multiplier) × their exposure (the share of the month
 *      they were customers: 1, or less for those bought during it). Drawn on a churn clock: each
 *      id slot gets one Exp(1) budget E when its block opens (from stream "churn", one draw per
 *      slot whether or not it is ever filled; overflow ids keyed by their index, model/draws.ts),
 *      each month-end spends the hazard h = −ln(1 − q), and the customer leaves at the first
 *      month-end where the budget runs out. Given the history, P(leave now | still here) =
 *      P(E ≤ H + h | E > H) = 1 − e^(−h) = q, so each month is the Bernoulli(q) it always was;
 *      but across policies the clock couples the *leaving time* of customer i, not each month's
 *      decision: if a policy raises i's hazard for a while, i leaves under it when the cumulative
 *      hazard crosses E and under the other policy as soon as its own cumulative hazard catches
 *      up — not at an independent later month, as fresh uniforms each month would have it. It is
 *      the quantile coupling of the two leaving times given the two hazard paths (common random
 *      numbers; see model/draws.ts);
 *   2. the purchases of month k are planned (t_k < horizon): `perMonth` paid ones, of which word
 *      of mouth deters some — and referrals won by word of mouth. Word of mouth is per issue
 *      (model/customer-side.ts): each issue that ended last month at a satisfied level (4–5) makes
 *      its customer tell `tellsSatisfied` people on average, a dissatisfied one (1–2)
 *      `tellsDissatisfied`; each telling converts (or deters) a prospect with its probability. A
 *      sum of Poisson(tells) thinned binomially is Poisson, so referred ~ Poisson(n₊·tells₊·convert)
 *      new customers (free), and deterred ~ Poisson(n₋·tells₋·deter) paid prospects lost (at most
 *      perMonth, the month's last purchases), each by inversion of one uniform keyed by the month
 *      (model/draws.ts), so two policies' counts differ by about the difference of their means.
 * Returns (model/customer-side.ts): an issue that ends unresolved within `returns.windowSec` of
 * its customer's purchase leads, with probability `returns.prob`, to a product return: refund +
 * handling cost, and the customer leaves at once; the uniform is keyed by the issue.
 * Money goes to the ledger (model/ledger.ts): fees accrue continuously on the active base,
 * referral fees apart; the acquisition campaign (perMonth × costPerCustomer, whatever word of
 * mouth deterred) is paid at the month's start. Counts go to the tally (model/customer-tally.ts).
 */
export class Lifecycle {
  readonly base: CustomerBase;
  readonly tally: CustomerTally;
  private readonly onboards: boolean;
  /** Id layout: slots a month (paid, then reserved for referrals), and where overflow ids start. */
  readonly referralSlots: number;
  private readonly blockSize: number;
  private readonly overflowStart: number;
  private overflowCount = 0;
  /** Purchase times of overflow ids (beyond the layout's blocks). */
  private overflowPurchase = new Float64Array(16);
  /** Months whose block is open (its purchases planned). */
  private opened = 0;
  /**
   * The blocks whose candidates carry the extra weight: with an onboarding multiplier above 1,
   * blocks [extraFrom, opened) may hold customers still onboarding; below 1, the initial customers
   * and blocks [0, extraTo) may hold established ones. Overflow ids always carry it.
   */
  private extraFrom = 0;
  private extraTo = 0;
  /** Candidate weights: every slot at min(1, m), the slots of the other status at |m − 1| more. */
  private readonly lo: number;
  private readonly extra: number;
  private readonly extraIsOnboarding: boolean;
  /** The month's planned purchases, by time: ids, times, whether won by word of mouth; `next` is the first not yet made. */
  private pendingId = new Int32Array(0);
  private pendingSec = new Float64Array(0);
  private pendingReferred = new Uint8Array(0);
  private next = 0;
  private lastSec = 0;
  /** Customer-months of activity in the window (Σ active × time). */
  customerMonths = 0;

  constructor(
    private readonly config: CustomersConfig,
    private readonly warmupSec: number,
    private readonly horizonSec: number,
    private readonly ledger: Ledger,
    private readonly churnU: Uniform,
    /** Overflow referrals' churn, word of mouth and returns: keyed draws, so none shifts another. */
    private readonly keyed: KeyedDraws,
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
    this.drawBudgets(0, config.initial);
    this.tally = new CustomerTally(warmupSec, horizonSec);
  }

  /** Month boundaries with an event: t_k for k = 0 … ⌊horizon/month⌋. */
  get boundaryCount(): number {
    return Math.floor(this.horizonSec / SECONDS_PER_MONTH) + 1;
  }

  /** Churn budgets (Exp(1), by inversion) for the id slots [from, to), from stream "churn", in id order. */
  private drawBudgets(from: number, to: number): void {
    const budget = this.base.churnBudget;
    for (let id = from; id < to; id++) budget[id] = -Math.log(1 - this.churnU());
  }

  /** The first id of month k's block. */
  private blockStart(k: number): number {
    return this.config.initial + k * this.blockSize;
  }

  /** When the purchase of the customer in slot `id` happens (−∞ for the initial customers). */
  purchaseSec(id: number): number {
    const c = this.config;
    if (id < c.initial) return -Infinity;
    if (id >= this.overflowStart) return this.overflowPurchase[id - this.overflowStart]!;
    const k = Math.floor((id - c.initial) / this.blockSize);
    const j = id - c.initial - k * this.blockSize;
    const monthStart = k * SECONDS_PER_MONTH;
    return j < c.acquisitionPerMonth ? monthStart + ((j + 0.5) * SECONDS_PER_MONTH) / c.acquisitionPerMonth : monthStart + ((j - c.acquisitionPerMonth + 0.5) * SECONDS_PER_MONTH) / this.referralSlots;
  }

  /** Whether the (active) customer `id` is still onboarding at `t`. */
  private onboarding(id: number, t: number): boolean {
    return t < this.purchaseSec(id) + this.config.onboardingSec;
  }

  /**
   * When block k changes its candidate weight (it stops possibly onboarding, or starts possibly
   * being established), or Infinity when it never does before the horizon. The same instants
   * under every policy: they depend on the layout only.
   */
  regionChangeSec(k: number): number {
    if (!this.onboards) return Infinity;
    const t = this.extraIsOnboarding ? (k + 1) * SECONDS_PER_MONTH + this.config.onboardingSec : k * SECONDS_PER_MONTH + this.config.onboardingSec;
    return t < this.horizonSec ? t : Infinity;
  }

  /** Block k's weight changed (at regionChangeSec(k)). */
  regionChange(k: number): void {
    if (this.extraIsOnboarding) this.extraFrom = k + 1;
    else this.extraTo = k + 1;
  }

  /**
   * Σ of the candidate weights: every open slot (overflow included) at `lo`, and the slots of the
   * extra region at `extra` more. × the issue rate per customer it is the candidate rate; it
   * changes only at month boundaries and region changes — the same times and values under every
   * policy, unless referrals overflow the reserve.
   */
  get candidateWeight(): number {
    return this.lo * this.slotCount + this.extra * this.extraCount;
  }

  private get slotCount(): number {
    return this.blockStart(this.opened) + this.overflowCount;
  }

  /** [first, end) of the block slots in the extra region. */
  private extraRange(): [number, number] {
    return this.extraIsOnboarding ? [this.blockStart(Math.min(this.extraFrom, this.opened)), this.blockStart(this.opened)] : [0, this.blockStart(Math.min(this.extraTo, this.opened))];
  }

  private get extraCount(): number {
    const [from, to] = this.extraRange();
    return to - from + this.overflowCount;
  }

  /**
   * The customer a candidate issue lands on, from one uniform u ∈ [0, 1), or −1 when it lands on
   * no active customer of the right weight (the candidate is thinned out). Each active customer
   * receives candidates at rate ∝ lo + extra·[their status at `now` is the extra one] = their
   * issue weight, which makes each customer's issues a Poisson process at their own rate.
   */
  candidate(u: number, now: number): number {
    const base = this.base;
    const all = this.lo * this.slotCount;
    const x = u * (all + this.extra * this.extraCount);
    if (x < all) {
      const id = this.slotId(Math.min(this.slotCount - 1, Math.floor(x / this.lo)));
      return base.active[id] === 1 ? id : -1;
    }
    const [from, to] = this.extraRange();
    const slot = Math.min(this.extraCount - 1, Math.floor((x - all) / this.extra));
    const id = slot < to - from ? from + slot : this.overflowStart + slot - (to - from);
    if (base.active[id] !== 1) return -1;
    return this.onboarding(id, now) === this.extraIsOnboarding ? id : -1;
  }

  private slotId(slot: number): number {
    const reserved = this.blockStart(this.opened);
    return slot < reserved ? slot : this.overflowStart + slot - reserved;
  }

  /**
   * The month boundary k at t_k = now: churn closing month k−1, then month k's purchases planned.
   * `satisfied` and `dissatisfied`: the issues that ended at levels 4–5 and 1–2 since the last
   * boundary (word of mouth).
   */
  boundary(k: number, now: number, satisfied = 0, dissatisfied = 0): void {
    this.accrue(now);
    const base = this.base;
    const months = this.tally.months;
    if (k >= 1) {
      const p = this.config.baseChurnPerMonth;
      /** The hazard of a whole month at multiplier 1, the common case. */
      const fullMonth = hazard(p);
      const monthStart = (k - 1) * SECONDS_PER_MONTH;
      const budget = base.churnBudget;
      let churned = 0;
      let exposure = 0;
      const churn = (from: number, to: number) => {
        for (let id = from; id < to; id++) {
          if (base.active[id] !== 1) continue;
          const bought = this.purchaseSec(id);
          const share = bought <= monthStart ? 1 : (now - bought) / SECONDS_PER_MONTH;
          exposure += share;
          const m = this.multiplier(id, now);
          const left = Math.fround(budget[id]! - (m === 1 && share === 1 ? fullMonth : hazard(Math.min(1, p * m) * share)));
          budget[id] = left;
          if (left <= 0) {
            base.leave(id);
            churned++;
          }
        }
      };
      churn(0, this.blockStart(this.opened));
      churn(this.overflowStart, this.overflowStart + this.overflowCount);
      this.tally.churn(k - 1, churned, exposure);
      months.active[k - 1] = base.activeCount;
    }
    if (now >= this.horizonSec) return;
    months.start[k] = base.activeCount;
    const c = this.config;
    let deterred = 0;
    let referred = 0;
    const wom = c.wordOfMouth;
    if (wom !== null) {
      referred = poissonQuantile(this.keyed.uniform(k, 0, PURPOSE.referred), satisfied * wom.tellsSatisfied * wom.convertProb);
      deterred = Math.min(c.acquisitionPerMonth, poissonQuantile(this.keyed.uniform(k, 0, PURPOSE.deterred), dissatisfied * wom.tellsDissatisfied * wom.deterProb));
    }
    this.plan(k, c.acquisitionPerMonth - deterred, referred);
    this.drawBudgets(this.blockStart(k), this.blockStart(k + 1));
    this.opened = k + 1;
    this.ledger.post('acquisition', now, c.acquisitionPerMonth * c.costPerCustomer);
  }

  /** Month k's purchases, in time order: `paid` paid slots, `referred` referrals (reserve first, then overflow ids). */
  private plan(k: number, paid: number, referred: number): void {
    const start = this.blockStart(k);
    const reserved = Math.min(referred, this.referralSlots);
    const overflow = referred - reserved;
    const ids: number[] = [];
    for (let j = 0; j < paid; j++) ids.push(start + j);
    for (let j = 0; j < reserved; j++) ids.push(start + this.config.acquisitionPerMonth + j);
    if (this.overflowStart + this.overflowCount + overflow > this.overflowStart + this.overflowPurchase.length) {
      const grown = new Float64Array(Math.max(2 * this.overflowPurchase.length, this.overflowCount + overflow));
      grown.set(this.overflowPurchase);
      this.overflowPurchase = grown;
    }
    for (let j = 0; j < overflow; j++) {
      const id = this.overflowStart + this.overflowCount + j;
      this.overflowPurchase[id - this.overflowStart] = k * SECONDS_PER_MONTH + ((j + 0.5) * SECONDS_PER_MONTH) / overflow;
      ids.push(id);
    }
    this.overflowCount += overflow;
    const times = ids.map((id) => this.purchaseSec(id));
    const order = ids.map((_, i) => i).sort((a, b) => times[a]! - times[b]! || ids[a]! - ids[b]!);
    this.pendingId = Int32Array.from(order, (i) => ids[i]!);
    this.pendingSec = Float64Array.from(order, (i) => times[i]!);
    this.pendingReferred = Uint8Array.from(order, (i) => (ids[i]! - start >= this.config.acquisitionPerMonth ? 1 : 0));
    this.next = 0;
  }

  /** When the next planned purchase happens (Infinity: none before the next boundary). */
  get nextPurchaseSec(): number {
    const t = this.next < this.pendingSec.length ? this.pendingSec[this.next]! : Infinity;
    return t < this.horizonSec ? t : Infinity;
  }

  /** Makes the purchases due at `now` (the customers become active, their onboarding begins). */
  purchase(now: number): void {
    this.accrue(now);
    const k = this.opened - 1;
    while (this.next < this.pendingSec.length && this.pendingSec[this.next]! <= now) {
      const referred = this.pendingReferred[this.next] === 1;
      const id = this.pendingId[this.next]!;
      this.base.activate(id, 1, k, referred);
      if (id >= this.overflowStart) this.base.churnBudget[id] = -Math.log(1 - this.keyed.uniform(id - this.overflowStart, 0, PURPOSE.churn));
      this.tally.at(referred ? 'referred' : 'acquired', now);
      this.next++;
    }
  }

  /**
   * Issue `issue` of customer `id` ended unresolved at `now`: a return with its probability (a
   * uniform keyed by the issue), within the window from purchase. Returns whether the customer left.
   */
  maybeReturn(id: number, now: number, issue: number): boolean {
    const r = this.config.returns!;
    if (now >= this.horizonSec || this.base.active[id] !== 1 || this.base.cohort[id]! < 0 || now - this.purchaseSec(id) > r.windowSec) return false;
    if (this.keyed.uniform(issue, 0, PURPOSE.returns) >= r.prob) return false;
    this.accrue(now);
    this.base.leave(id);
    this.tally.at('returned', now);
    this.ledger.post('returns', now, r.refund + r.handlingCost);
    return true;
  }

  /**
   * Fees of the active base from the last change to `now`, to the ledger (referral fees apart),
   * and the window's customer-months. Calls come at every change of the active count.
   */
  accrue(now: number): void {
    const from = this.lastSec;
    const to = Math.min(now, this.horizonSec);
    if (to > from) {
      const base = this.base;
      const perCustomer = this.config.monthlyFeePerMonth * ((to - from) / SECONDS_PER_MONTH);
      this.ledger.accrue('fees', from, to, perCustomer * (base.activeCount - base.referredActive));
      this.ledger.accrue('referralFees', from, to, perCustomer * base.referredActive);
      const lo = Math.max(from, this.warmupSec);
      if (to > lo) this.customerMonths += (base.activeCount * (to - lo)) / SECONDS_PER_MONTH;
    }
    this.lastSec = Math.max(this.lastSec, now);
  }

  /** Closes the accounts at the horizon: the last partial month's level. */
  close(): void {
    this.accrue(this.horizonSec);
    const m = this.tally.months;
    if (this.horizonSec % SECONDS_PER_MONTH !== 0) m.active[m.active.length - 1] = this.base.activeCount;
  }
}

/** The churn hazard of a month-end that takes a customer with probability q: −ln(1 − q) (∞ at q = 1). */
function hazard(q: number): number {
  return q >= 1 ? Infinity : -Math.log1p(-q);
}
