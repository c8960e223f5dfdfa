/**
 * Policy comparison on the bundled scenarios/staffing-levels.yaml (15 agents for 13.3 erlangs;
 * lean 14, generous 18, and the baseline again as same-as-baseline), in this thread.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tQuantile } from '../../src/engine/stats/student-t.js';
import { AUTO_START, FigureNotReported, compare, nextReplications, type Comparison } from '../../src/experiment/compare.js';
import { halfWidthOf } from '../../src/experiment/paired.js';
import { inlineRunner } from '../../src/experiment/pool.js';
import { parseScenario } from '../../src/scenario/load.js';
import { REPO } from '../support/cli.js';
import type { EmptyDifference, PairedDifference } from '../../src/experiment/paired.js';

/** A difference the test's setting guarantees to exist (never an empty ratio's). */
function pd(d: PairedDifference | EmptyDifference | undefined): PairedDifference {
  if (!d || d.mean === null) throw new Error('expected a difference, got none');
  return d;
}
import { lifecycleScenario } from './lifecycle.js';

const file = join(REPO, 'scenarios', 'staffing-levels.yaml');
const loaded = parseScenario(readFileSync(file, 'utf8'), file);
const REPS = 10;
const run = (replications: Parameters<typeof compare>[1]['replications'], by?: string) =>
  compare(loaded.policies, { scenario: 'staffing-levels', seed: loaded.scenario.seed, replications, by }, inlineRunner());

let c: Comparison;
beforeAll(async () => {
  c = await run(REPS, 'asaSec');
});
const policy = (name: string) => c.policies.find((p) => p.name === name)!;
const verdict = (name: string) => c.verdict.find((v) => v.policy === name)!;

describe('compare on common random numbers', () => {
  it('runs the baseline first and every policy on the same replications', () => {
    expect(c.baseline).toBe('baseline');
    expect(c.policies.map((p) => p.name)).toEqual(['baseline', 'lean', 'generous', 'same-as-baseline']);
    expect(c.replications).toBe(REPS);
    // Same arrivals under every policy: the offered count is the same on each replication.
    expect(policy('generous').delta.offered).toMatchObject({ mean: 0, ci95: [0, 0] });
  });

  it('calls the baseline under another name indistinguishable, with every difference exactly 0 (or empty, where the figure is)', () => {
    const same = policy('same-as-baseline');
    const base = policy('baseline');
    for (const [figure, d] of Object.entries(same.delta)) {
      // A ratio with nothing under it (no callbacks here: their mean wait) has no difference either.
      const empty = base.kpis[figure]?.mean === null;
      const expected = empty ? { figure, mean: null, ci95: null, ciVerdict: null } : { figure, mean: 0, ci95: [0, 0], ciVerdict: [0, 0] };
      expect({ figure, mean: d.mean, ci95: d.ci95, ciVerdict: d.ciVerdict }).toEqual(expected);
    }
    expect(base.kpis.callbackWaitSec).toEqual({ mean: null, ci95: null });
    expect(verdict('same-as-baseline')).toEqual({ policy: 'same-as-baseline', profit: 'indistinguishable', asaSec: 'indistinguishable' });
  });

  it('finds clearly more agents better by ASA and worse by profit (wages are the only money yet)', () => {
    expect(verdict('generous')).toEqual({ policy: 'generous', profit: 'worse', asaSec: 'better' });
    expect(verdict('lean')).toEqual({ policy: 'lean', profit: 'better', asaSec: 'worse' });
    // 3 more agents × 24 measured hours × 30/h: a deterministic difference, known exactly.
    const d = pd(policy('generous').delta.profit);
    expect(d.mean).toBeCloseTo(-2160, 6);
    expect(d.ci95[0]).toBe(d.ci95[1]);
  });

  it('ranks by mean profit, best first, the baseline included and ties in file order', () => {
    expect(c.ranking).toEqual(['lean', 'baseline', 'same-as-baseline', 'generous']);
  });

  it('decides verdicts at the Bonferroni level 1 − 0.05/m for m = 3 comparisons', () => {
    expect(c.comparisons).toBe(3);
    expect(c.verdictLevel).toBe(1 - 0.05 / 3);
    const d = pd(policy('lean').delta.asaSec);
    const ratio = tQuantile(1 - 0.05 / 6, REPS - 1) / tQuantile(0.975, REPS - 1);
    expect(halfWidthOf(d.ciVerdict) / halfWidthOf(d.ci95)).toBeCloseTo(ratio, 9);
  });

  it('gets a narrower interval of the waitSec difference from pairing than an unpaired comparison would', () => {
    for (const name of ['lean', 'generous']) {
      const d = pd(policy(name).delta.waitSec);
      expect(halfWidthOf(d.ci95)).toBeLessThan(halfWidthOf(d.unpairedCi95));
    }
    // The report picks the --by figure while profit is deterministic, and quotes the gain.
    expect(c.varianceReduction.map((v) => [v.policy, v.figure])).toEqual([['lean', 'asaSec'], ['generous', 'asaSec'], ['same-as-baseline', 'asaSec']]);
    expect(c.varianceReduction[0]!.ratio).toBeGreaterThan(1);
    expect(c.varianceReduction[2]!.ratio).toBeNull();
  });

  it('estimates every KPI and economics figure the model reports, generically', () => {
    const first = policy('baseline');
    expect(Object.keys(first.delta)).toEqual([...Object.keys(first.kpis), ...Object.keys(first.economics)]);
    expect(Object.keys(first.kpis)).toContain('waitSec');
    expect(Object.keys(first.economics)).toContain('profit');
  });

  it('has no customer figures and no benefit–cost ratio without the customer lifecycle', () => {
    for (const p of c.policies) {
      expect(p.customers).toBeUndefined();
      expect(p.benefitCost).toBeNull();
    }
  });

  it('refuses a figure the model does not report', async () => {
    await expect(run(3, 'noSuchFigure')).rejects.toBeInstanceOf(FigureNotReported);
  });
});

describe('--reps auto', () => {
  it('grows from 5 towards the projected count, at least +5 and at most doubling, never past the cap', () => {
    expect(AUTO_START).toBe(5);
    expect(nextReplications(5, 2, 1, 200)).toBe(10); // projected 20, at most doubling
    expect(nextReplications(10, 1.1, 1, 200)).toBe(15); // projected 13, at least +5
    expect(nextReplications(20, 1.5, 1, 200)).toBe(40); // projected 45, doubling
    expect(nextReplications(20, 1.2, 1, 200)).toBe(29); // projected 28.8 → 29
    expect(nextReplications(150, 10, 1, 200)).toBe(200);
  });

  it('adds replications until the difference is as precise as asked, and reports it', async () => {
    const auto = await run({ precision: 0.5, figure: 'waitSec', maxReplications: 200 });
    expect(auto.autoReplications).toMatchObject({ precision: 0.5, figure: 'waitSec', reached: true });
    expect(auto.replications).toBeGreaterThan(AUTO_START);
    for (const p of auto.policies.slice(1)) expect(halfWidthOf(pd(p.delta.waitSec).ci95)).toBeLessThanOrEqual(0.5);
    // Deterministic: a fixed run of the same count gives the same analysis.
    const fixed = await run(auto.replications);
    expect({ ...auto, autoReplications: null }).toEqual(fixed);
  });

  it('stops at the cap and says the precision was not reached', async () => {
    const auto = await run({ precision: 1e-6, figure: 'waitSec', maxReplications: 7 });
    expect(auto.replications).toBe(7);
    expect(auto.autoReplications).toMatchObject({ reached: false, maxReplications: 7 });
  });

  it('stops at once when profit, a constant today, is the target', async () => {
    const auto = await run({ precision: 1, figure: 'profit', maxReplications: 200 });
    expect(auto.replications).toBe(AUTO_START);
    expect(auto.autoReplications).toMatchObject({ reached: true, halfWidth: 0 });
  });
});

/**
 * With the customer lifecycle: scenarios/staffing-by-profit.yaml cut to three months, its
 * baseline, lean and generous policies and the baseline once more under another name.
 */
describe('compare with the customer lifecycle', () => {
  const lifecycle = lifecycleScenario({ horizon: { months: 3 } });
  const policies = [...lifecycle.policies, { name: 'same', config: lifecycle.policies[0]!.config }];
  let lc: Comparison;
  beforeAll(async () => {
    lc = await compare(policies, { scenario: 'staffing-by-profit', seed: 5, replications: 3, by: 'active' }, inlineRunner());
  });
  const named = (name: string) => lc.policies.find((p) => p.name === name)!;

  it("adds the customers' figures to each policy and to its differences, so --by can name them", () => {
    expect(lc.policies.map((p) => p.name)).toEqual(['baseline', 'lean', 'generous', 'same']);
    const lean = named('lean');
    for (const f of ['active', 'churned', 'acquired', 'referred', 'returned']) {
      expect(lean.customers![f as 'active'], f).toMatchObject({ mean: expect.any(Number) });
      expect(lean.delta[f], f).toMatchObject({ mean: expect.any(Number), ci95: expect.any(Array) });
    }
    expect(lc.verdict.find((v) => v.policy === 'same')).toEqual({ policy: 'same', profit: 'indistinguishable', active: 'indistinguishable' });
    // nine agents instead of twelve lose customers over three months: the interval says by how many
    expect(pd(lean.delta.active).ciVerdict[1]).toBeLessThan(0);
  });

  it('gives each policy its months, whose last Δ cumulative profit is Δprofit, paired', () => {
    for (const p of lc.policies) {
      const months = p.customers!.months;
      expect(months.map((m) => m.index)).toEqual([0, 1, 2]);
      const last = pd(months.at(-1)!.delta.cumulativeProfit);
      const d = pd(p.delta.profit);
      for (const [a, b] of [[last.mean, d.mean], [last.ci95[0], d.ci95[0]], [last.ci95[1], d.ci95[1]], [last.ciVerdict[0], d.ciVerdict[0]]] as const) {
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
      }
    }
    for (const m of named('same').customers!.months) expect(m.delta.cumulativeProfit).toMatchObject({ mean: 0, ci95: [0, 0] });
  });

  it('gives the share of contacts at each satisfaction level, adding up to 1, and its paired difference', () => {
    for (const p of lc.policies) {
      const total = Object.values(p.customers!.satisfactionShare).reduce((s, e) => s + e.mean!, 0);
      expect(Math.abs(total - 1)).toBeLessThan(1e-12);
    }
    // lean's long waits leave more contacts very dissatisfied
    expect(named('lean').customers!.satisfactionShareDelta.veryDissatisfied.ciVerdict![0]).toBeGreaterThan(0);
    for (const d of Object.values(named('same').customers!.satisfactionShareDelta)) expect(d).toMatchObject({ mean: 0, ci95: [0, 0] });
  });

  it('gives the benefit–cost ratio R with (R − 1)·ΔsupportCost = Δprofit, null for the baseline and for a policy with the same cost', () => {
    expect(named('baseline').benefitCost).toBeNull();
    expect(named('same').benefitCost).toBeNull();
    for (const name of ['lean', 'generous']) {
      const p = named(name);
      const r = p.benefitCost!;
      expect(r.ci95[0]).toBeLessThanOrEqual(r.mean);
      expect(r.ci95[1]).toBeGreaterThanOrEqual(r.mean);
      const identity = (r.mean - 1) * pd(p.delta.supportCost).mean;
      expect(Math.abs(identity - pd(p.delta.profit).mean)).toBeLessThanOrEqual(1e-9 * Math.abs(pd(p.delta.supportCost).mean));
    }
  });
});
