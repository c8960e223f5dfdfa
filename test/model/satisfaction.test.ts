/**
 * Satisfaction (issue 5, stage 2): every contact ends in exactly one level, and worse service
 * lowers csat and raises churn. Policy comparisons are paired over replications with common
 * random numbers (the same customers, issues and churn draws) and judged by the 95% Student-t
 * interval of the paired difference.
 */
import { describe, expect, it } from 'vitest';
import { RunningStats } from '../../src/engine/stats/running.js';
import { tQuantile } from '../../src/engine/stats/student-t.js';
import type { SatisfactionConfig } from '../../src/model/config.js';
import { simulateReplication } from '../../src/model/contact-center.js';
import { philoxKey } from '../../src/engine/random/philox.js';
import { CustomerBase } from '../../src/model/customer-base.js';
import { KeyedDraws } from '../../src/model/draws.js';
import { Satisfaction } from '../../src/model/satisfaction.js';
import type { ReplicationResult } from '../../src/model/result.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { fromScenario } from '../support/scenario.js';

const base = (agents: number): ScenarioInput => ({
  name: 'satisfaction',
  horizon: { months: 3 },
  arrivals: { intervalMin: 60, intraday: Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 20 ? 3 : 0.5)) },
  handleTime: { dist: 'lognormal', meanSec: 360, cv: 1 },
  patience: { dist: 'exponential', meanSec: 240 },
  reasons: [{ name: 'issue', share: 1, resolveProb: 0.75, repeatDelay: { dist: 'exponential', meanSec: 86_400 } }],
  staffing: { agents },
  customers: { initial: 60_000, monthlyFee: 25, issuesPerMonth: 0.4, onboarding: { weeks: 4, multiplier: 3 }, baseChurnPerMonth: 0.02, acquisition: { perMonth: 2000, costPerCustomer: 80 } },
});

const runs = (input: ScenarioInput, reps: number): ReplicationResult[] => {
  const config = fromScenario(input);
  return Array.from({ length: reps }, (_, r) => simulateReplication(config, 9, r));
};

function pairedDelta(a: ReplicationResult[], b: ReplicationResult[], pick: (r: ReplicationResult) => number): [number, number, number] {
  const s = new RunningStats();
  a.forEach((x, i) => s.add(pick(b[i]!) - pick(x)));
  const half = tQuantile(0.975, s.count - 1) * Math.sqrt(s.variance / s.count);
  return [s.mean, s.mean - half, s.mean + half];
}

describe('satisfaction', () => {
  const reps = 5;
  // ~900 contacts a day (repeats included) at 6 min, ×1.7 in the peak hours: about 6.5 agents
  // busy at the peak; 10 serve well, 6 leave callers waiting and hanging up.
  const good = runs(base(10), reps);
  const poor = runs(base(6), reps);

  it('ends every handled or abandoned contact in exactly one level', () => {
    for (const r of [...good, ...poor]) {
      const levels = Object.values(r.customers!.satisfaction).reduce((s, n) => s + n, 0);
      expect(r.conservation.leftAtEnd).toBe(0);
      expect(levels).toBe(r.kpis.answered + r.kpis.abandoned);
      expect(r.kpis.csat).toBeGreaterThanOrEqual(1);
      expect(r.kpis.csat).toBeLessThanOrEqual(5);
    }
  });

  it('falls and churn rises with worse service (fewer agents), paired CRN, 95% CI excludes 0', () => {
    const csat = pairedDelta(good, poor, (r) => r.kpis.csat!);
    const churned = pairedDelta(good, poor, (r) => r.customers!.churned);
    const revenue = pairedDelta(good, poor, (r) => r.economics.revenue);
    console.log(`csat ${good[0]!.kpis.csat!.toFixed(3)} → Δ ${csat.map((x) => x.toFixed(3)).join(' ')}; churned Δ ${churned.map((x) => x.toFixed(1)).join(' ')}; revenue Δ ${revenue.map((x) => x.toFixed(0)).join(' ')}`);
    expect(csat[2]).toBeLessThan(0);
    expect(churned[1]).toBeGreaterThan(0);
    expect(revenue[2]).toBeLessThan(0);
  });
});

describe('the satisfaction memory that drives churn', () => {
  /** A memory over a base of 4 customers, multipliers (3, 2, 1, 1, 0.4), τ = 90 days. */
  function memory() {
    const base = new CustomerBase(4);
    const config = { formula: '3', scoreJs: '3', thresholds: [1.5, 2.5, 3.5, 4.5], noiseSd: 0, churnMultipliers: [3, 2, 1, 1, 0.4], memorySec: 90 * DAY } as SatisfactionConfig;
    return { base, sat: new Satisfaction(config, base, () => 0.5, new KeyedDraws(philoxKey(1, 0, 'keyed'))) };
  }
  const DAY = 86_400;

  it('gives a customer whose recent contacts were all very satisfied the very-satisfied multiplier, however many there were', () => {
    // 0.1 added each contact's excess: two very satisfied contacts drove churn to 0 (this
    // customer could never leave), three very dissatisfied ones to 7× the base rate.
    const { sat } = memory();
    for (const [customer, contacts] of [[0, 1], [1, 2], [2, 5]] as const) {
      for (let i = 0; i < contacts; i++) sat.remember(customer, 5, 10 * DAY);
      expect(sat.multiplier(customer, 10 * DAY), `${contacts} contacts`).toBeCloseTo(0.4, 6);
    }
    for (let i = 0; i < 3; i++) sat.remember(3, 1, 10 * DAY);
    expect(sat.multiplier(3, 10 * DAY)).toBeCloseTo(3, 6);
  });

  it('weighs a mixed record by recency, and fades an old contact back to the base rate', () => {
    const { sat } = memory();
    sat.remember(0, 1, 0); // very dissatisfied on day 0 …
    sat.remember(0, 5, 90 * DAY); // … very satisfied on day 90: weights e⁻¹ and 1
    const w = Math.exp(-1);
    expect(sat.multiplier(0, 90 * DAY)).toBeCloseTo((3 * w + 0.4) / (w + 1), 6);
    sat.remember(1, 1, 0);
    // One contact long ago: weight e^(−t/τ) below one contact's worth, the rest neutral (1).
    const t = 180 * DAY;
    const left = Math.exp(-2);
    expect(sat.multiplier(1, t)).toBeCloseTo(3 * left + (1 - left), 6);
    expect(sat.multiplier(2, t)).toBe(1); // no contacts: the base rate
  });
});
