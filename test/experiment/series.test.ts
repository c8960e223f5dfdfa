/** Series over the measured window (experiment/series.ts): the planner's reference line of required agents, and the average day by kind of day. */
import { describe, expect, it } from 'vitest';
import { agentsForServiceLevel } from '../../src/analytic/erlang.js';
import { simulateReplication } from '../../src/model/contact-center.js';
import { profileRate } from '../../src/model/demand.js';
import { buildSeries } from '../../src/experiment/series.js';
import { F, NF } from '../../src/model/facts.js';
import { fromScenario, stationary } from '../support/scenario.js';

const need = (lambdaPerSec: number, ahtSec: number, slThresholdSec: number, target: number) =>
  lambdaPerSec > 0 ? agentsForServiceLevel({ lambdaPerSec, ahtSec, slThresholdSec }, target) : 0;

describe('required agents', () => {
  it('come from the expected (profile) load without customers', () => {
    const config = stationary({ ratePerHour: 300, ahtSec: 240, agents: 25, days: 2, extra: { arrivals: { ratePerHour: 300, intervalMin: 60, intraday: Array.from({ length: 24 }, (_, h) => (h < 8 ? 0.2 : 1.5)) } } });
    const results = [0, 1].map((r) => simulateReplication(config, 1, r));
    const series = buildSeries(config, results);
    for (const row of [...series.interval].slice(0, 30)) {
      const k = row.startSec / config.demand.intervalSec;
      expect(row.kpis.requiredAgents.mean).toBe(need(profileRate(config.demand, k), 240, config.slThresholdSec, config.slTarget));
    }
  });

  it('come from the load offered in the interval, over the replications, with customers (their demand is an outcome)', () => {
    const config = fromScenario({
      name: 't',
      horizon: { months: 1 },
      arrivals: { intervalMin: 60 },
      handleTime: { dist: 'exponential', meanSec: 300 },
      staffing: { agents: 30 },
      customers: { initial: 100_000, issuesPerMonth: 1, baseChurnPerMonth: 0.01 },
    });
    const results = [0, 1].map((r) => simulateReplication(config, 2, r));
    const series = buildSeries(config, results);
    for (const row of [...series.interval].slice(0, 30)) {
      const k = row.startSec / 3600;
      const offered = (results[0]!.facts.rows[k * NF + F.offered]! + results[1]!.facts.rows[k * NF + F.offered]!) / 2;
      expect(row.kpis.requiredAgents.mean).toBe(need(offered / 3600, 300, config.slThresholdSec, config.slTarget));
    }
    // 100,000 customers × 1 issue a month ≈ 139 an hour × 5 min ≈ 11.6 erlangs: a dozen agents or so, not thousands.
    const intervals = [...series.interval];
    const mean = intervals.reduce((s, r) => s + r.kpis.requiredAgents.mean!, 0) / intervals.length;
    expect(mean).toBeGreaterThan(12);
    expect(mean).toBeLessThan(20);
  });
});

describe('the average day', () => {
  it("has one profile per kind of day: a Monday–Friday center's weekday load, not an average over closed weekends", () => {
    // 0.1 pooled every measured day: a Mon–Fri center showed about 5/7 of its weekday load.
    const config = fromScenario({
      name: 'weekdays',
      horizon: { days: 28 },
      arrivals: { ratePerHour: 100, intervalMin: 60, intraday: Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 18 ? 1 : 0)), weekly: [1, 1, 1, 1, 1, 0, 0] },
      handleTime: { dist: 'exponential', meanSec: 300 },
      groups: [{ name: 'desk', shifts: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00', agents: 40 }] }],
    });
    const results = [0, 1].map((r) => simulateReplication(config, 7, r));
    const series = buildSeries(config, results);
    expect(new Set(series.intraday.map((r) => r.dayKind))).toEqual(new Set(['mon–fri']));
    const noon = series.intraday.find((r) => r.startSec === 12 * 3600)!;
    expect(noon.days).toBe(20); // four weeks of weekdays; weekends are closed and no kind
    // 100 an hour over the week's 168 hours is 100 × 168/50 = 336 an hour in the 50 open hours.
    const perDay = noon.kpis.offered.mean! / noon.days;
    expect(Math.abs(perDay - 336)).toBeLessThan(4 * Math.sqrt(336 / (noon.days * 2)));
  });
});
