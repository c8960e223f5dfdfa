/**
 * The costs that are not wages (economics.waitingCostPerMinute, abandonCost, serviceLevelPenalty):
 * posted to the ledger from the interval facts, reported apart, counted in profit. Where an
 * expected number comes from is said at each check: identities with the catalogue's KPIs (a
 * different path: the KPI is a ratio of summed facts, the cost is posted interval by interval),
 * and penalties counted by hand for centers whose service level is certainly 0 or 1.
 */
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/contact-center.js';
import { stationary } from '../support/scenario.js';

const economics = (e: Record<string, number>) => ({ economics: { discountRatePerYear: 0.08, costPerMinute: 0, costPerContact: 0, waitingCostPerMinute: 0, abandonCost: 0, serviceLevelPenalty: 0, ...e } });

describe('costs that are not wages', () => {
  it('are 0 and leave profit = −support cost when the scenario does not price them', () => {
    const r = simulateReplication(stationary({ ratePerHour: 600, ahtSec: 300, agents: 52, patienceSec: 180, days: 2, warmupDays: 1 }), 5, 0);
    expect([r.economics.waitingCost, r.economics.abandonCost, r.economics.serviceLevelPenalty]).toEqual([0, 0, 0]);
    expect(r.economics.cost).toBe(r.economics.supportCost);
    expect(r.economics.profit).toBeCloseTo(-r.economics.supportCost, 6);
  });

  it('charge every minute waited and every abandonment, as the catalogue counts them, and count in profit and cost', () => {
    const config = stationary({ ratePerHour: 600, ahtSec: 300, agents: 50, patienceSec: 180, days: 2, warmupDays: 1, extra: economics({ waitingCostPerMinute: 2, abandonCost: 5 }) });
    const r = simulateReplication(config, 11, 0);
    const k = r.kpis;
    expect(k.abandoned).toBeGreaterThan(100);
    // waitSec is Σ waits of line contacts / line contacts offered; with neither callbacks nor
    // other channels every contact offered is a line contact.
    expect(r.economics.waitingCost).toBeCloseTo((2 * k.waitSec! * k.offered) / 60, 6);
    expect(r.economics.abandonCost).toBeCloseTo(5 * k.abandoned, 6);
    expect(r.economics.serviceLevelPenalty).toBe(0);
    expect(r.economics.cost).toBeCloseTo(r.economics.supportCost + r.economics.waitingCost + r.economics.abandonCost, 6);
    expect(r.economics.profit).toBeCloseTo(-r.economics.cost, 6);
  });

  it('charge the service-level penalty once per interval below the target: every one of 48 half-hours when nobody is answered in time, none when everyone is', () => {
    // One agent for 600 calls an hour and a 0 s threshold: SL is ~0 in every half-hour of the day.
    const starved = simulateReplication(stationary({ ratePerHour: 600, ahtSec: 300, agents: 1, patienceSec: 60, days: 2, warmupDays: 1, slSec: 0, extra: economics({ serviceLevelPenalty: 100 }) }), 3, 0);
    expect(starved.kpis.serviceLevel!).toBeLessThan(0.05);
    expect(starved.economics.serviceLevelPenalty).toBeCloseTo(48 * 100, 6);
    expect(starved.economics.profit).toBeCloseTo(-(starved.economics.supportCost + 4800), 6);
    // 300 agents for 50 erlangs: nobody ever waits.
    const generous = simulateReplication(stationary({ ratePerHour: 600, ahtSec: 300, agents: 300, patienceSec: 60, days: 2, warmupDays: 1, extra: economics({ serviceLevelPenalty: 100 }) }), 3, 0);
    expect(generous.kpis.serviceLevel).toBe(1);
    expect(generous.economics.serviceLevelPenalty).toBe(0);
  });

  it('appear in the month rows, which still add up to the totals', () => {
    const r = simulateReplication(stationary({ ratePerHour: 600, ahtSec: 300, agents: 50, patienceSec: 180, days: 3, warmupDays: 1, extra: economics({ waitingCostPerMinute: 2, abandonCost: 5 }) }), 11, 0);
    const sum = (f: 'waitingCost' | 'abandonCost' | 'profit') => r.months.reduce((s, m) => s + m[f], 0);
    expect(sum('waitingCost')).toBeCloseTo(r.economics.waitingCost, 6);
    expect(sum('abandonCost')).toBeCloseTo(r.economics.abandonCost, 6);
    expect(sum('profit')).toBeCloseTo(r.economics.profit, 6);
  });
});
