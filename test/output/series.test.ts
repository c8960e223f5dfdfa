/** The planner's reference line: Erlang C agents required per interval (output/series.ts). */
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
    for (const row of series.interval.slice(0, 30)) {
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
    for (const row of series.interval.slice(0, 30)) {
      const k = row.startSec / 3600;
      const offered = (results[0]!.facts.rows[k * NF + F.offered]! + results[1]!.facts.rows[k * NF + F.offered]!) / 2;
      expect(row.kpis.requiredAgents.mean).toBe(need(offered / 3600, 300, config.slThresholdSec, config.slTarget));
    }
    // 100,000 customers × 1 issue a month ≈ 139 an hour × 5 min ≈ 11.6 erlangs: a dozen agents or so, not thousands.
    const mean = series.interval.reduce((s, r) => s + r.kpis.requiredAgents.mean!, 0) / series.interval.length;
    expect(mean).toBeGreaterThan(12);
    expect(mean).toBeLessThan(20);
  });
});
