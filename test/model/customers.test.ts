/**
 * The customer lifecycle (issue 5, stage 1): the base raises the contacts, churns, is acquired
 * and pays. Statistical claims use the binomial or Poisson standard error of the figure and a
 * band of 4 standard errors (a false alarm about once in 16,000 runs of the test).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/engine/random/stream.js';
import { SECONDS_PER_MONTH } from '../../src/model/config.js';
import { Lifecycle } from '../../src/model/customers.js';
import { PURPOSE, type KeyedDraws } from '../../src/model/draws.js';
import { Ledger } from '../../src/model/ledger.js';
import { simulateReplication } from '../../src/model/contact-center.js';
import type { ReplicationResult } from '../../src/model/result.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { fromScenario, stationary } from '../support/scenario.js';

type Customers = NonNullable<ScenarioInput['customers']>;

/** Satisfaction effects off: every level leaves churn at the base rate. */
const noEffects = { churnMultipliers: [1, 1, 1, 1, 1] as [number, number, number, number, number] };

function scenario(customers: Customers, p: { months?: number; agents?: number; extra?: Partial<ScenarioInput> } = {}): ScenarioInput {
  return {
    name: 'customers',
    horizon: { months: p.months ?? 3 },
    arrivals: {},
    handleTime: { dist: 'exponential', meanSec: 300 },
    patience: { dist: 'exponential', meanSec: 300 },
    staffing: { agents: p.agents ?? 20 },
    customers,
    ...p.extra,
  };
}

const run = (input: ScenarioInput, seed: number, reps = 1): ReplicationResult[] =>
  Array.from({ length: reps }, (_, r) => simulateReplication(fromScenario(input), seed, r));

const DAY = 86_400;

/** Keyed draws that answer `uniform(c0, c1, purpose)` (the lifecycle asks for nothing else). */
const keyedBy = (uniform: (c0: number, c1: number, purpose: number) => number) => ({ uniform }) as unknown as KeyedDraws;
const half = keyedBy(() => 0.5);

describe('the customer base', () => {
  /** A lifecycle of 2 initial customers and 1 acquisition a month (bought mid-month), onboarding 1 week at multiplier m. */
  function lifecycle(m: number): Lifecycle {
    const config = fromScenario(scenario({ initial: 2, issuesPerMonth: 1, onboarding: { weeks: 1, multiplier: m }, baseChurnPerMonth: 0, acquisition: { perMonth: 1 } }, { months: 2 })).customers!;
    const life = new Lifecycle(config, 0, 2 * SECONDS_PER_MONTH, new Ledger(0, 2 * SECONDS_PER_MONTH, 0), () => 0.5, half, () => 1);
    life.boundary(0, 0);
    return life;
  }
  const landings = (life: Lifecycle, now: number, n = 5000) => {
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const id = life.candidate((i + 0.5) / n, now);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return Object.fromEntries([...counts].sort((a, b) => a[0] - b[0]));
  };

  it('buys each slot at its own instant, spread evenly over the month, the same whatever happens', () => {
    const life = lifecycle(3);
    // One paid slot a month: bought at (0 + ½) · month / 1, the middle of the month.
    expect(life.purchaseSec(2)).toBe(15 * DAY);
    expect(life.nextPurchaseSec).toBe(15 * DAY);
    expect(life.candidate(0.99, 10 * DAY)).toBe(-1); // not a customer yet
    life.purchase(15 * DAY);
    expect(life.base.active[2]).toBe(1);
    expect(life.nextPurchaseSec).toBe(Infinity);
  });

  it('lands candidate issues on customers in proportion to their issue rate (onboarding weight 3 against 1, from their purchase)', () => {
    const life = lifecycle(3);
    life.purchase(15 * DAY);
    // ids 0, 1: initial (weight 1); id 2: bought on day 15, onboarding a week (weight 3).
    expect(life.candidateWeight).toBe(5);
    expect(landings(life, 16 * DAY)).toEqual({ 0: 1000, 1: 1000, 2: 3000 });
    // After its week the extra weight still lands on id 2's slot, and is thinned out.
    expect(landings(life, 23 * DAY)).toEqual({ [-1]: 2000, 0: 1000, 1: 1000, 2: 1000 });
    // Once the whole block is past onboarding (a month and a week after it opened) the weight drops.
    expect(life.regionChangeSec(0)).toBe(SECONDS_PER_MONTH + 7 * DAY);
    life.regionChange(0);
    expect(life.candidateWeight).toBe(3);
    expect(landings(life, 40 * DAY, 3000)).toEqual({ 0: 1000, 1: 1000, 2: 1000 });
    life.base.leave(1);
    expect([life.base.activeCount, life.candidateWeight]).toEqual([2, 3]);
    expect(landings(life, 40 * DAY, 3000)).toEqual({ [-1]: 1000, 0: 1000, 2: 1000 });
  });

  it('puts referrals beyond the reserve on overflow ids, which raise issues, onboard and churn like the others', () => {
    const config = fromScenario(
      scenario({ initial: 10, issuesPerMonth: 0.1, onboarding: { weeks: 1, multiplier: 3 }, baseChurnPerMonth: 0.5, acquisition: { perMonth: 2 }, wordOfMouth: { tellsSatisfied: 1, convertProb: 1, deterProb: 0 } }, { months: 3 }),
    ).customers!;
    let draws = 0;
    const keyed = keyedBy((_, __, purpose) => (purpose === PURPOSE.churn ? (draws++, 0) : 0.5));
    // The block slots' churn budgets come from a "churn" stream that always says 1 − 2⁻³²: a budget
    // of 32·ln 2 ≈ 22 months' worth of hazard at this churn rate's −ln(0.5) ≈ 0.69, so none of them leaves.
    const life = new Lifecycle(config, 0, 3 * SECONDS_PER_MONTH, new Ledger(0, 3 * SECONDS_PER_MONTH, 0), () => 1 - 2 ** -32, keyed, () => 1);
    life.boundary(0, 0);
    life.purchase(SECONDS_PER_MONTH - 1);
    // Reserve: 1.25·mean + 5√mean + 10 with mean = (10 + 3·2)·0.1·3·1 = 4.8 → 27 slots a month.
    // Slots weigh 1, month 0's block (onboarding possible until a week past its month) 2 more: filled or not.
    expect(life.referralSlots).toBe(27);
    expect(life.candidateWeight).toBe(10 + 29 + 2 * 29);
    life.boundary(1, SECONDS_PER_MONTH, 200); // 200 satisfied issues: 200 referrals expected, far beyond the 27 reserved
    life.purchase(2 * SECONDS_PER_MONTH - 1);
    const referred = life.tally.months.referred[1]!;
    expect(referred).toBeGreaterThan(27);
    // Nobody churned (the budgets outlast the month's hazard).
    expect(life.base.activeCount).toBe(10 + 2 + 2 + referred);
    const slots = 10 + 2 * 29 + (referred - 27);
    const onboarding = 2 * 29 + (referred - 27); // both months' blocks and the overflow ids
    expect(life.candidateWeight).toBe(slots + 2 * onboarding);
    const ids = new Set<number>();
    for (let i = 0; i < 20_000; i++) ids.add(life.candidate((i + 0.5) / 20_000, 2 * SECONDS_PER_MONTH - 1));
    const overflowStart = 10 + 3 * (2 + 27);
    expect([...ids].filter((id) => id >= overflowStart)).toHaveLength(referred - 27);
    life.boundary(2, 2 * SECONDS_PER_MONTH);
    // Every overflow customer drew one keyed churn uniform (0: a budget of 0, so all leave at the
    // first month-end); nobody else drew one.
    expect(draws).toBe(referred - 27);
    expect(life.tally.months.churned[1]).toBe(referred - 27);
  });

  it('gives onboarding customers less weight when the multiplier is below 1', () => {
    const life = lifecycle(0.5);
    life.purchase(15 * DAY);
    expect(life.candidateWeight).toBe(2.5);
    expect(landings(life, 16 * DAY)).toEqual({ 0: 2000, 1: 2000, 2: 1000 });
  });
});

describe('the customer lifecycle', () => {
  it('keeps customers(t+1) = customers(t) + acquired + referred − churned − returned, month by month, in every run', () => {
    fc.assert(
      fc.property(
        fc.record({
          initial: fc.integer({ min: 0, max: 3000 }),
          perMonth: fc.integer({ min: 0, max: 400 }),
          churn: fc.double({ min: 0, max: 0.5, noNaN: true }),
          weeks: fc.integer({ min: 0, max: 10 }),
          months: fc.integer({ min: 1, max: 5 }),
          seed: fc.integer({ min: 0, max: 1000 }),
          returnProb: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
          convertProb: fc.option(fc.double({ min: 0, max: 0.2, noNaN: true })),
          agents: fc.integer({ min: 1, max: 20 }),
        }),
        ({ initial, perMonth, churn, weeks, months, seed, returnProb, convertProb, agents }) => {
          const customers: Customers = {
            initial,
            issuesPerMonth: 0.2,
            onboarding: { weeks, multiplier: 3 },
            baseChurnPerMonth: churn,
            acquisition: { perMonth, costPerCustomer: 10 },
            monthlyFee: 20,
            ...(returnProb !== null ? { returns: { windowDays: 45, prob: returnProb, refund: 100, handlingCost: 5 } } : {}),
            ...(convertProb !== null ? { wordOfMouth: { convertProb, deterProb: convertProb / 2 } } : {}),
          };
          const [r] = run(scenario(customers, { months, agents, extra: { reasons: [{ name: 'x', share: 1, resolveProb: 0.6, maxRepeats: 1, repeatDelay: { dist: 'exponential', meanSec: 86_400 } }] } }), seed);
          const c = r!.customers!;
          const m = c.months;
          expect(m.start[0]).toBe(initial);
          const flow = (k: number) => m.acquired[k]! + m.referred[k]! - m.churned[k]! - m.returned[k]!;
          for (let k = 0; k + 1 < months; k++) expect(m.start[k + 1]).toBe(m.start[k]! + flow(k));
          const last = months - 1;
          expect(c.active).toBe(m.start[last]! + flow(last));
          expect(c.active).toBe(initial + c.acquired + c.referred - c.churned - c.returned);
          expect(c.acquired).toBeLessThanOrEqual(perMonth * months);
          if (returnProb === null) expect(c.returned).toBe(0);
          if (convertProb === null) expect([c.referred, c.acquired, r!.economics.referralRevenue]).toEqual([0, perMonth * months, 0]);
          expect(r!.economics.referralRevenue).toBeLessThanOrEqual(r!.economics.revenue + 1e-9);
          const e = r!.economics;
          if (c.returned === 0 && convertProb === null) {
            // Revenue: the month's base pays the whole month (churn is at its end); the month's
            // purchases, spread evenly over it, pay half a month each on average.
            const customerMonths = m.start.reduce((s, x, k) => s + x + m.acquired[k]! / 2, 0);
            expect(e.revenue).toBeCloseTo(20 * customerMonths, 6);
          }
          expect(e.acquisitionCost).toBe(10 * perMonth * months);
          expect(e.returnsCost).toBe(105 * c.returned);
          expect(e.profit).toBeCloseTo(e.revenue + e.upsellRevenue! - e.supportCost - e.acquisitionCost! - e.returnsCost!, 6);
          // The months add up to the window's money, and each month's profit is its own identity.
          const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
          const money = r!.months;
          for (const k of ['revenue', 'upsellRevenue', 'supportCost', 'acquisitionCost', 'returnsCost', 'profit'] as const) {
            expect(sum(money.map((x) => x[k]))).toBeCloseTo(e[k]!, 6);
          }
          // The window's counts are the sums of its month rows.
          for (const f of ['acquired', 'referred', 'churned', 'returned'] as const) expect(sum(m[f])).toBe(c[f]);
          for (let k = 0; k < months; k++) {
            expect(m.active[k]).toBe(m.start[k]! + flow(k));
            const x = money[k]!;
            expect(x.profit).toBeCloseTo(x.revenue + x.upsellRevenue - x.supportCost - x.acquisitionCost - x.returnsCost, 6);
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('churns at the base rate when satisfaction does not affect churn (binomial, 4 standard errors)', () => {
    const p = 0.03;
    const [r] = run(
      { ...scenario({ initial: 100_000, issuesPerMonth: 0.05, baseChurnPerMonth: p, acquisition: { perMonth: 5000 } }, { months: 6, agents: 10 }), satisfaction: noEffects },
      11,
    );
    const m = r!.customers!.months;
    // Customer-months at risk: the base all month, each month's purchases half a month on average.
    const exposed = m.start.reduce((s, x, k) => s + x + m.acquired[k]! / 2, 0);
    const rate = r!.customers!.churned / exposed;
    expect(Math.abs(rate - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / exposed));
  });

  it('with satisfaction effects, returns and word of mouth off, no policy changes revenue or the base (common random numbers)', () => {
    const customers: Customers = { initial: 20_000, issuesPerMonth: 2, baseChurnPerMonth: 0.02, acquisition: { perMonth: 1000, costPerCustomer: 50 }, monthlyFee: 30 };
    const base = { ...scenario(customers, { months: 3, agents: 8 }), satisfaction: noEffects };
    const variants: ScenarioInput[] = [
      base,
      { ...base, staffing: { agents: 4 } },
      { ...base, policy: { ahtTargetSec: 120, contextCarryOver: false } },
    ];
    const results = variants.map((v) => run(v, 21)[0]!);
    const [b, ...others] = results;
    for (const r of others) {
      expect(r.economics.revenue).toBe(b!.economics.revenue);
      expect(r.customers!.months.churned).toEqual(b!.customers!.months.churned);
      expect(r.customers!.active).toBe(b!.customers!.active);
      // The policies do change the service and what customers think of it.
      expect(r.kpis.csat).not.toBe(b!.kpis.csat);
      expect(r.kpis.asaSec).not.toBe(b!.kpis.asaSec);
    }
  });

  it('values the base left at the horizon: active × fee / (1 − retention × discount), and CLV = fee / churn', () => {
    const p = 0.02;
    const input = { ...scenario({ initial: 50_000, issuesPerMonth: 0.05, baseChurnPerMonth: p, monthlyFee: 20 }, { months: 6, agents: 10 }), satisfaction: noEffects, economics: { discountRatePerYear: 0 } };
    const [r] = run(input, 13);
    const c = r!.customers!;
    const e = r!.economics;
    // Without discounting each remaining customer is worth fee / observed churn; the observed
    // churn is binomial around p over ≈ 6 × 50,000 customer-months (4 standard errors).
    const exposed = c.months.start.reduce((a, b) => a + b, 0);
    const se = Math.sqrt((p * (1 - p)) / exposed);
    expect(e.customerEquity!).toBeGreaterThan((c.active * 20) / (p + 4 * se));
    expect(e.customerEquity!).toBeLessThan((c.active * 20) / (p - 4 * se));
    expect(e.clv!).toBeGreaterThan(20 / (p + 4 * se));
    expect(e.clv!).toBeLessThan(20 / (p - 4 * se));
    expect(e.longTermValue).toBeCloseTo(e.npv + e.customerEquity!, 6);
    // Discounting lowers it.
    const [d] = run({ ...input, economics: { discountRatePerYear: 0.1 } }, 13);
    expect(d!.economics.customerEquity!).toBeLessThan(e.customerEquity!);
  });

  it('raises N × issues per month × months contacts, and twice as many from twice the base (Poisson, 4 standard errors)', () => {
    const months = 2;
    const issues = 0.5;
    // A shaped day: the profiles keep their mean-1 meaning, so the volume is the base's.
    const extra: Partial<ScenarioInput> = { arrivals: { intervalMin: 60, intraday: Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 20 ? 3 : 0.5)), weekly: [1, 1, 1, 1, 1, 0.5, 0.5] } };
    for (const initial of [20_000, 40_000]) {
      const [r] = run(
        { ...scenario({ initial, issuesPerMonth: issues, baseChurnPerMonth: 0 }, { months, agents: 40, extra }), satisfaction: noEffects },
        5,
      );
      const expected = initial * issues * months;
      expect(Math.abs(r!.kpis.offered - expected)).toBeLessThan(4 * Math.sqrt(expected));
    }
  });

  it('follows the onboarding boost: w weeks at multiplier m add n·r·(m − 1)·w/month·months-worth of issues', () => {
    const perMonth = 20_000;
    const weeks = 2;
    const [r] = run(
      { ...scenario({ initial: 0, issuesPerMonth: 1, onboarding: { weeks, multiplier: 4 }, baseChurnPerMonth: 0, acquisition: { perMonth } }, { months: 1, agents: 30 }), satisfaction: noEffects },
      3,
    );
    // One cohort bought evenly over one month, each customer at rate 1/month from their purchase,
    // × 4 for their first two weeks: with s = the time left in the month (uniform on [0, 1] month)
    // and c = two weeks, E[s] = ½ and E[min(c, s)] = c − c²/2 (in months).
    const c = (weeks * 7 * 86_400) / SECONDS_PER_MONTH;
    const expected = perMonth * (0.5 + 3 * (c - (c * c) / 2));
    expect(Math.abs(r!.kpis.offered - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });

  it('turns unresolved issues of new customers into returns with their probability, and word of mouth into referrals', () => {
    const input = scenario(
      {
        initial: 0,
        issuesPerMonth: 1,
        baseChurnPerMonth: 0,
        acquisition: { perMonth: 20_000 },
        returns: { windowDays: 60, prob: 0.5, refund: 200, handlingCost: 20 },
        wordOfMouth: { convertProb: 0.01, deterProb: 0 },
      },
      { months: 2, agents: 40, extra: { reasons: [{ name: 'x', share: 1, resolveProb: 0.5, maxRepeats: 0 }] } },
    );
    const [r] = run({ ...input, satisfaction: noEffects }, 4);
    const c = r!.customers!;
    // Every issue of a customer in the window that ends unresolved: about half the issues.
    const gaveUp = r!.kpis.issuesUnresolved;
    expect(c.returned).toBeGreaterThan(0);
    expect(Math.abs(c.returned - 0.5 * gaveUp)).toBeLessThan(4 * Math.sqrt(0.25 * gaveUp) + 0.05 * gaveUp);
    expect(c.referred).toBeGreaterThan(0);
    expect(c.months.referred[0]).toBe(0);
  });

  it('is exactly reproducible: the same seed gives the same replication, number for number', () => {
    const input = scenario({ initial: 5000, issuesPerMonth: 0.5, onboarding: { weeks: 2, multiplier: 2 }, baseChurnPerMonth: 0.05, acquisition: { perMonth: 300 }, returns: { prob: 0.3 }, wordOfMouth: { convertProb: 0.02, deterProb: 0.01 } }, { months: 2, agents: 4 });
    expect(run(input, 8)[0]).toEqual(run(input, 8)[0]);
    expect(run(input, 9)[0]!.customers).not.toEqual(run(input, 8)[0]!.customers);
  });

  it('adds nothing to a scenario without customers: no customers figures, no csat, support economics only', () => {
    const [r] = [simulateReplication(stationary({ ratePerHour: 120, ahtSec: 300, agents: 12, patienceSec: 200, days: 2 }), 1, 0)];
    expect(r!.customers).toBeUndefined();
    expect(Object.keys(r!.economics)).toEqual(['supportCost', 'waitingCost', 'abandonCost', 'serviceLevelPenalty', 'cost', 'revenue', 'profit', 'npv']);
    expect(r!.months).toHaveLength(1);
    expect(r!.months[0]!.supportCost).toBeCloseTo(r!.economics.supportCost, 6);
    expect('csat' in r!.kpis).toBe(false);
  });
});

describe('the lifecycle over the measured window', () => {
  it('counts the churn of a whole-month warm-up in the warm-up, so the window totals are the sums of its months, and CLV uses the window only', () => {
    // 0.1 counted the warm-up month's churn (at the boundary that ends the warm-up) in the window:
    // the totals exceeded their month rows and the CLV came out low.
    const p = 0.05;
    const input = { ...scenario({ initial: 40_000, issuesPerMonth: 0.05, baseChurnPerMonth: p, monthlyFee: 20 }, { months: 4, agents: 6, extra: { warmup: { months: 1 } } }), satisfaction: noEffects };
    const [r] = run(input, 17);
    const c = r!.customers!;
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(c.months.churned[0]).toBe(0); // the warm-up month's churn is not the window's
    expect(c.churned).toBe(sum(c.months.churned));
    expect(c.churned).toBe(c.months.churned[1]! + c.months.churned[2]! + c.months.churned[3]!);
    // Three measured months of churn at 5% from a base that shrinks by 5% a month (binomial).
    const exposed = c.months.start[1]! + c.months.start[2]! + c.months.start[3]!;
    expect(Math.abs(c.churned - p * exposed)).toBeLessThan(4 * Math.sqrt(p * (1 - p) * exposed));
    // CLV = fee / monthly leaving rate over the window: 20 / 0.05 = 400 (4 standard errors of the rate).
    const se = Math.sqrt((p * (1 - p)) / exposed);
    expect(r!.economics.clv!).toBeGreaterThan(20 / (p + 4 * se));
    expect(r!.economics.clv!).toBeLessThan(20 / (p - 4 * se));
  });

  it('tells about an issue once, however many contacts it took: word of mouth per issue', () => {
    // Every contact very dissatisfied (score 1), no issue ever resolved, 2 repeats an hour apart:
    // 3 contacts an issue. 0.1 counted tellings per contact, 3 × 9 people for each such issue.
    const tells = 9;
    const deter = 0.004;
    const months = 4;
    const perMonth = 5000;
    const input: ScenarioInput = {
      ...scenario(
        { initial: 20_000, issuesPerMonth: 0.05, baseChurnPerMonth: 0, acquisition: { perMonth }, wordOfMouth: { tellsSatisfied: 0, tellsDissatisfied: tells, convertProb: 0, deterProb: deter } },
        { months, agents: 8, extra: { reasons: [{ name: 'x', share: 1, resolveProb: 0, maxRepeats: 2, repeatDelay: { dist: 'constant', meanSec: 3600 } }] } },
      ),
      satisfaction: { formula: '1', noiseSd: 0, churnMultipliers: [1, 1, 1, 1, 1] },
    };
    const [r] = run(input, 23);
    const m = r!.customers!.months;
    expect(r!.kpis.offered).toBeGreaterThan(2.9 * r!.kpis.issues); // three contacts an issue
    // Issues ended in months 0 … months − 2 deter the next month's prospects: Poisson(issues × 9 × deter).
    const deterred = m.acquired.slice(1).reduce((s, a) => s + (perMonth - a), 0);
    const endedIssues = r!.kpis.issues * ((months - 1) / months);
    const expected = endedIssues * tells * deter;
    expect(Math.abs(deterred - expected)).toBeLessThan(4 * Math.sqrt(expected) + 0.03 * expected);
  });

  it("runs the return window from each customer's own purchase, not from the month's start", () => {
    // 0.1 ran it from the cohort's month start, so a customer bought on day 15 with a 5-day window
    // could never return the product.
    const config = fromScenario(scenario({ initial: 0, issuesPerMonth: 1, baseChurnPerMonth: 0, acquisition: { perMonth: 1 }, returns: { windowDays: 5, prob: 1 } }, { months: 1 })).customers!;
    const life = () => {
      const l = new Lifecycle(config, 0, SECONDS_PER_MONTH, new Ledger(0, SECONDS_PER_MONTH, 0), () => 0.5, keyedBy(() => 0), () => 1);
      l.boundary(0, 0);
      l.purchase(15 * DAY); // the month's one customer, id 0, buys mid-month
      return l;
    };
    // The return uniform (keyed by the issue, here issue 0) is 0: within the window it always returns.
    expect(life().maybeReturn(0, 19 * DAY, 0)).toBe(true); // 4 days after the purchase
    expect(life().maybeReturn(0, 21 * DAY, 0)).toBe(false); // 6 days after it
  });
});

describe('the churn clock (common random numbers of leaving times)', () => {
  /**
   * 10,000 initial customers at a 10% monthly base rate for 5 months, no acquisitions; under
   * policy A every multiplier is 3 at the first month-end (a bad month), under B always 1. Both
   * read the same "churn" stream. Returns the month each id left in (0: still there).
   */
  function leavingMonths(bad: boolean): Int32Array {
    const N = 10_000;
    const config = fromScenario(scenario({ initial: N, issuesPerMonth: 0.0001, baseChurnPerMonth: 0.1, acquisition: { perMonth: 0 } }, { months: 5 })).customers!;
    const multiplier = (_: number, t: number) => (bad && t <= SECONDS_PER_MONTH ? 3 : 1);
    const life = new Lifecycle(config, 0, 5 * SECONDS_PER_MONTH, new Ledger(0, 5 * SECONDS_PER_MONTH, 0), createStream(31, 0, 'churn'), half, multiplier);
    const left = new Int32Array(N);
    life.boundary(0, 0);
    for (let k = 1; k <= 5; k++) {
      life.boundary(k, k * SECONDS_PER_MONTH);
      for (let id = 0; id < N; id++) if (left[id] === 0 && life.base.active[id] === 0) left[id] = k;
    }
    return left;
  }
  const a = leavingMonths(true);
  const b = leavingMonths(false);

  it('keeps every month-end a Bernoulli(q) given the history: 30% then 10% under A, 10% each month under B (4 binomial standard errors)', () => {
    const share = (left: Int32Array, k: number) => {
      const atRisk = left.filter((m) => m === 0 || m >= k).length;
      const leaving = left.filter((m) => m === k).length;
      return { p: leaving / atRisk, n: atRisk };
    };
    for (const [left, q1] of [[a, 0.3], [b, 0.1]] as const) {
      for (let k = 1; k <= 5; k++) {
        const { p, n } = share(left, k);
        const q = k === 1 ? q1 : 0.1;
        expect(Math.abs(p - q), `month ${k}`).toBeLessThan(4 * Math.sqrt((q * (1 - q)) / n));
      }
    }
  });

  it('lets a customer who left in the bad month under A leave under B as soon as B’s cumulative hazard catches up: by month 4, every one', () => {
    // Left under A at month 1 but not under B: budget E in (−ln 0.9, −ln 0.7] = (0.105, 0.357].
    // Under B the hazard is −ln 0.9 = 0.105 a month, past 0.357 after 4 months: all gone by month
    // 4. With a fresh uniform each month instead, 0.9³ = 73% of them would still be there after
    // month 4 — and in a five-month window that is the whole difference in fees.
    const discordant = [...a.keys()].filter((id) => a[id] === 1 && b[id] !== 1);
    // About (0.3 − 0.1) × 10,000 = 2,000 customers (binomial, 4 standard errors: ± 160).
    expect(Math.abs(discordant.length - 2000)).toBeLessThan(160);
    expect(discordant.filter((id) => b[id] === 0 || b[id]! > 4)).toEqual([]);
    // And the clock never makes B's customer leave first: the hazard under A is never lower.
    expect([...a.keys()].filter((id) => b[id] !== 0 && (a[id] === 0 || a[id]! > b[id]!))).toEqual([]);
  });
});
