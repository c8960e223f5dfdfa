/**
 * Statistical validity: the stationary model against queueing theory.
 *
 * For M/M/c (Erlang C) and M/M/c+M (Erlang A) the steady-state KPIs are known exactly
 * (src/analytic/erlang.ts, itself tested against published tables). Each case is simulated
 * with fixed seeds; every KPI's theoretical value must lie inside the simulation's own
 * confidence interval over independent replications.
 *
 * Family-wise error: the suite makes CASES × KPIS comparisons, and at 95% each one alone would
 * miss about one time in twenty by chance. The intervals are therefore Bonferroni-adjusted so
 * that the whole family holds with 95% confidence: each interval is at level 1 − 0.05/m
 * (m = number of comparisons), t quantile with n − 1 degrees of freedom. Nothing was tuned:
 * the seeds, horizons and replications were fixed before the first run.
 *
 * A small absolute slack (SLACK below) covers the initial-transient bias that a one-day
 * warm-up leaves behind; it is far below the statistical half-widths.
 */
import { describe, expect, it } from 'vitest';
import { erlang } from '../../src/analytic/erlang.js';
import { RunningStats } from '../../src/engine/stats/running.js';
import { tQuantile } from '../../src/engine/stats/student-t.js';
import { simulateReplication } from '../../src/model/contact-center.js';
import { stationary } from '../support/scenario.js';

interface Case {
  id: string;
  ratePerHour: number;
  ahtSec: number;
  agents: number;
  patienceSec?: number;
  days: number;
  reps: number;
}

// 1 to 500 agents; loads 0.5 to 0.98 without patience, and overloads (a > c) with abandonment.
const CASES: Case[] = [
  { id: 'M/M/1 at load 0.5', ratePerHour: 36, ahtSec: 50, agents: 1, days: 60, reps: 10 },
  { id: 'M/M/1+M at load 0.9', ratePerHour: 64.8, ahtSec: 50, agents: 1, patienceSec: 100, days: 60, reps: 10 },
  { id: 'M/M/10 at load 0.83', ratePerHour: 100, ahtSec: 300, agents: 10, days: 60, reps: 10 },
  { id: 'M/M/50+M overloaded (a = 51.7)', ratePerHour: 620, ahtSec: 300, agents: 50, patienceSec: 150, days: 12, reps: 10 },
  { id: 'M/M/20+M heavily overloaded (a = 26)', ratePerHour: 312, ahtSec: 300, agents: 20, patienceSec: 60, days: 12, reps: 10 },
  { id: 'M/M/100 at load 0.95', ratePerHour: 1140, ahtSec: 300, agents: 100, days: 20, reps: 10 },
  { id: 'M/M/200+M at load 0.98', ratePerHour: 2352, ahtSec: 300, agents: 200, patienceSec: 180, days: 6, reps: 10 },
  { id: 'M/M/500 at load 0.98', ratePerHour: 5880, ahtSec: 300, agents: 500, days: 8, reps: 10 },
  { id: 'M/M/500+M at load 0.7', ratePerHour: 4200, ahtSec: 300, agents: 500, patienceSec: 120, days: 3, reps: 10 },
];

const KPIS = ['pWait', 'waitSec', 'asaSec', 'serviceLevel', 'occupancy', 'abandonRate'] as const;
const COMPARISONS = CASES.length * KPIS.length;
const SLACK: Record<(typeof KPIS)[number], number> = { pWait: 1e-3, waitSec: 0.05, asaSec: 0.05, serviceLevel: 1e-3, occupancy: 1e-3, abandonRate: 1e-4 };

describe('the stationary model agrees with Erlang C and Erlang A', () => {
  it.each(CASES)('$id: every KPI within its family-wise 95% CI', (c) => {
    const theory = erlang({ lambdaPerSec: c.ratePerHour / 3600, ahtSec: c.ahtSec, agents: c.agents, patienceSec: c.patienceSec, slThresholdSec: 20 });
    const config = stationary({ ...c, warmupDays: 1 });
    const stats = Object.fromEntries(KPIS.map((k) => [k, new RunningStats()])) as Record<(typeof KPIS)[number], RunningStats>;
    for (let r = 0; r < c.reps; r++) {
      const { kpis } = simulateReplication(config, 20261123, r);
      for (const k of KPIS) stats[k].add(kpis[k]!);
    }
    const t = tQuantile(1 - 0.05 / COMPARISONS / 2, c.reps - 1);
    const report = KPIS.map((k) => {
      const half = t * Math.sqrt(stats[k].variance / c.reps) + SLACK[k];
      return { kpi: k, simulated: stats[k].mean, theory: theory[k], half, inside: Math.abs(stats[k].mean - theory[k]) <= half };
    });
    if (process.env.CCSIM_VERBOSE) console.log(c.id, report.map((r) => `${r.kpi} ${((r.simulated - r.theory) / r.half).toFixed(2)}`).join(" "));
    expect(report.filter((r) => !r.inside)).toEqual([]);
  });
});
