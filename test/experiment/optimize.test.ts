/**
 * `ccsim optimize` against textbook cost models with known optima. Every expected staffing is
 * computed here, independently of src/analytic: Erlang C by direct summation of the M/M/c
 * stationary distribution (Gross & Harris, "Fundamentals of Queueing Theory", §2.3), checked on a
 * published example, then the cost curve enumerated; the square-root rule of Borst, Mandelbaum &
 * Reiman (2004) with Φ by Simpson's rule rather than a series. The simulation search must land on
 * the exact optimum from the analytic start and from far away. Each case runs at a fixed seed; the
 * cost gaps around each optimum are stated so that one can see the paired intervals resolve them
 * (a failure here would be a wrong search, or a seed that is the rare unlucky one: say which).
 */
import { describe, expect, it } from 'vitest';
import { optimalStaffing } from '../../src/analytic/staffing-cost.js';
import { squareRootStaffing } from '../../src/analytic/square-root.js';
import { knH2, selectBest } from '../../src/experiment/selection.js';
import { optimizeText } from '../support/optimize.js';
import { OBJECTIVES } from '../../src/experiment/optimize.js';
import { pilotOverrides } from '../../src/experiment/optimize-start.js';
import { OptimizeSchema } from '../../src/scenario/schema.js';

/** Erlang C, P(wait) in M/M/c with a = λ/μ erlangs: P0⁻¹ = Σ_{k<c} aᵏ/k! + aᶜ/(c!(1 − a/c)). */
function erlangC(a: number, c: number): number {
  let term = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const tail = term / (1 - a / c);
  return tail / (sum + tail);
}

/** Cost per hour of c agents: wages + waiting priced per minute, Wq = C/(cμ − λ) (M/M/c). */
function costPerHour(ratePerHour: number, ahtSec: number, wage: number, perMinute: number, c: number): number {
  const mu = 3600 / ahtSec;
  const a = ratePerHour / mu;
  if (c <= a) return Infinity;
  const wqHours = erlangC(a, c) / (c * mu - ratePerHour);
  return c * wage + perMinute * ratePerHour * wqHours * 60;
}

/** The least-cost staffing by enumeration (the cost is convex in c: Dyer & Proll 1977; we enumerate anyway). */
function exactOptimum(ratePerHour: number, ahtSec: number, wage: number, perMinute: number): number {
  const a = (ratePerHour * ahtSec) / 3600;
  let best = Math.floor(a) + 1;
  for (let c = best; c < a + 10 * Math.sqrt(a) + 10; c++) if (costPerHour(ratePerHour, ahtSec, wage, perMinute, c) < costPerHour(ratePerHour, ahtSec, wage, perMinute, best)) best = c;
  return best;
}

/** The standard normal CDF by Simpson's rule on the density over [0, y] (2,000 panels). */
function normalCdf(y: number): number {
  const n = 2000;
  const h = y / n;
  const phi = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  let s = phi(0) + phi(y);
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * phi(i * h);
  return 0.5 + (s * h) / 3;
}

/** BMR's safety factor y*(r) = argmin y + r·α(y)/y, α(y) = [1 + yΦ(y)/φ(y)]⁻¹, by a grid then a finer grid. */
function bmrSafety(r: number): number {
  const g = (y: number) => {
    const phi = Math.exp((-y * y) / 2) / Math.sqrt(2 * Math.PI);
    const alpha = 1 / (1 + (y * normalCdf(y)) / phi);
    return y + (r * alpha) / y;
  };
  let best = 0.01;
  for (let y = 0.01; y <= 5; y += 0.01) if (g(y) < g(best)) best = y;
  for (let y = best - 0.01; y <= best + 0.01; y += 1e-5) if (g(y) < g(best)) best = y;
  return best;
}

const stationary = (p: { name: string; rate: number; aht: number; agents: number; wage: number; perMinute?: number; days: number; min: number; max: number; extra?: string[] }) =>
  [
    `name: ${p.name}`,
    'seed: 7',
    `horizon: { days: ${p.days + 1} }`,
    'warmup: { days: 1 }',
    `arrivals: { ratePerHour: ${p.rate} }`,
    `handleTime: { dist: exponential, meanSec: ${p.aht} }`,
    `staffing: { agents: ${p.agents}, wagePerHour: ${p.wage} }`,
    `economics: { waitingCostPerMinute: ${p.perMinute ?? 0} }`,
    'optimize:',
    '  objective: cost',
    `  vary: { staffing.agents: { min: ${p.min}, max: ${p.max} } }`,
    ...(p.extra ?? []),
    '',
  ].join('\n');

describe('the oracle of these tests', () => {
  it('reproduces a published example: L. L. Bean, 20 calls/h, 2.5 min, $20/h, $2 a minute waiting → 2 agents, $61.01/h', () => {
    // Anupindi, Chopra, Deshmukh, Van Mieghem & Zemel, "Managing Business Process Flows", Example 8.7.
    expect(exactOptimum(20, 150, 20, 2)).toBe(2);
    expect(costPerHour(20, 150, 20, 2, 2)).toBeCloseTo(61.01, 2);
  });

  it('agrees with src/analytic/staffing-cost.ts on every case below (so neither is the other\'s only check)', () => {
    for (const [rate, aht, wage, perMinute] of [[100, 360, 20, 1], [1000, 360, 20, 2], [20, 150, 20, 2]] as const) {
      expect(optimalStaffing({ ratePerHour: rate, ahtSec: aht, wagePerHour: wage, waitingCostPerMinute: perMinute }).agents).toBe(exactOptimum(rate, aht, wage, perMinute));
    }
  });
});

describe('ccsim optimize on textbook cost models', () => {
  it('finds the exact least-cost M/M/c staffing with waiting priced: 14 agents for 100 calls/h, 6 min, $20/h, $1 a minute', async () => {
    const c = exactOptimum(100, 360, 20, 1);
    expect(c).toBe(14);
    // The gaps the search must resolve: 13 and 15 agents cost $10.93 and $6.13 an hour more (3.6%, 2.0%).
    expect(costPerHour(100, 360, 20, 1, 13) - costPerHour(100, 360, 20, 1, 14)).toBeCloseTo(10.93, 2);
    expect(costPerHour(100, 360, 20, 1, 15) - costPerHour(100, 360, 20, 1, 14)).toBeCloseTo(6.13, 2);
    const text = stationary({ name: 'mmc', rate: 100, aht: 360, agents: 22, wage: 20, perMinute: 1, days: 5, min: 11, max: 30 });
    const far = await optimizeText(text, { start: 'scenario' });
    expect(far.outcome.best.set).toEqual({ 'staffing.agents': c });
    expect(far.outcome.path[0]!.set).toEqual({ 'staffing.agents': 22 });
    expect(far.outcome.path.length).toBeGreaterThan(2); // it walked there
    const near = await optimizeText(text, { start: 'analytic' });
    expect(near.outcome.best.set).toEqual({ 'staffing.agents': c });
  }, 120_000);

  it('finds the square-root staffing of a large center (Borst, Mandelbaum & Reiman 2004): 115 agents for 100 erlangs at cost ratio 6', async () => {
    // R = 1000 calls/h × 6 min = 100 erlangs; r = (60 × $2 a minute) / $20 an hour = 6.
    const exact = exactOptimum(1000, 360, 20, 2);
    const bmr = Math.round(100 + bmrSafety(6) * Math.sqrt(100));
    expect(exact).toBe(115);
    expect(bmr).toBe(115); // BMR: "exact or within one agent"; here exact
    expect(squareRootStaffing({ offeredLoad: 100, costRatio: 6 }).agents).toBe(bmr);
    // Gaps: 114 and 116 agents cost $2.89 and $2.31 an hour more (0.12% and 0.10% of $2,376).
    expect(costPerHour(1000, 360, 20, 2, 114) - costPerHour(1000, 360, 20, 2, 115)).toBeCloseTo(2.89, 2);
    expect(costPerHour(1000, 360, 20, 2, 116) - costPerHour(1000, 360, 20, 2, 115)).toBeCloseTo(2.31, 2);
    // Three measured days; the indifference zone ($60 over 72 h, $0.83 an hour) is below both gaps.
    const text = stationary({ name: 'bmr', rate: 1000, aht: 360, agents: 119, wage: 20, perMinute: 2, days: 3, min: 101, max: 140, extra: ['  indifference: 60'] });
    const r = await optimizeText(text, { start: 'scenario', replications: 8 });
    expect(r.outcome.best.set).toEqual({ 'staffing.agents': exact });
  }, 300_000);

  it('minimises cost subject to "serviceLevel >= 0.8": the fewest agents whose whole interval clears 80/20', async () => {
    // 90 calls/h × 4 min = 6 erlangs; Erlang C service level at 20 s (1 − C·e^(−(cμ−λ)T)): 8 agents
    // 0.698, 9 agents 0.847 — far enough on both sides of 0.8 for ten replications of five days.
    const sl = (c: number) => 1 - erlangC(6, c) * Math.exp((-(c * 15 - 90) * 20) / 3600);
    expect(sl(8)).toBeLessThan(0.75);
    expect(sl(9)).toBeGreaterThan(0.83);
    const text = stationary({ name: 'sl', rate: 90, aht: 240, agents: 14, wage: 20, days: 5, min: 6, max: 20, extra: ['  require: ["serviceLevel >= 0.8"]'] });
    for (const start of ['scenario', 'analytic'] as const) {
      const r = await optimizeText(text, { start });
      expect(r.outcome.best.set, start).toEqual({ 'staffing.agents': 9 });
      expect(r.outcome.best.status).toBe('feasible');
      expect(r.outcome.evaluated.find((c) => c.set['staffing.agents'] === 8)?.status).toBe('infeasible');
    }
  }, 120_000);

  it('chooses a shift start: demand only 12:00–20:00 and an 8-hour shift that may start at 08:00, 12:00 or 16:00 (the end moves with it)', async () => {
    const zeros = (n: number) => Array.from({ length: n }, () => 0);
    const text = [
      'name: starts',
      'seed: 3',
      'horizon: { days: 4 }',
      'warmup: { days: 1 }',
      'hours: [{ start: "12:00", end: "20:00" }]',
      `arrivals: { ratePerHour: 20, intervalMin: 60, intraday: [${[...zeros(12), ...Array.from({ length: 8 }, () => 1), ...zeros(4)].join(', ')}] }`,
      'handleTime: { dist: exponential, meanSec: 300 }',
      'patience: { dist: exponential, meanSec: 300 }',
      'groups:',
      '  - name: desk',
      '    wagePerHour: 20',
      '    shifts: [{ start: "08:00", end: "16:00", agents: 8 }]',
      'economics: { waitingCostPerMinute: 1, abandonCost: 5 }',
      'optimize:',
      '  objective: cost',
      '  vary:',
      '    groups.desk.shifts.0.agents: { min: 1, max: 15 }',
      '    groups.desk.shifts.0.start: ["08:00", "12:00", "16:00"]',
      '',
    ].join('\n');
    // Only 12:00–20:00 works the open hours: 08:00 leaves 16:00–20:00 unstaffed, 16:00 12:00–16:00.
    for (const start of ['scenario', 'analytic'] as const) {
      const r = await optimizeText(text, { start });
      expect(r.outcome.best.set['groups.desk.shifts.0.start'], start).toBe('12:00');
      expect(r.outcome.best.set['groups.desk.shifts.0.end'], start).toBe('20:00');
    }
  }, 120_000);
});

describe('Kim–Nelson selection (experiment/selection.ts)', () => {
  /** mulberry32 and Box–Muller: the test's own normal variates. */
  function normals(seed: number): () => number {
    let s = seed >>> 0;
    const u = () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
    };
    return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  }

  it('computes h² from η = ½[(2α/(k−1))^(−2/(n₀−1)) − 1] (KN 2001, eq. for the continuation region)', () => {
    // k = 2, n0 = 11, α = 0.05: η = ½(0.1^(−0.2) − 1) = ½(1.584893 − 1) = 0.292447; h² = 2η·10 = 5.84893.
    expect(knH2(2, 11, 0.05)).toBeCloseTo(5.84893, 4);
  });

  it('selects the best of 5 systems at the least favourable gap δ in at least 95% of 400 trials, on common random numbers', async () => {
    const delta = 0.5;
    const trials = 400;
    let correct = 0;
    for (let t = 0; t < trials; t++) {
      const z = normals(1000 + t);
      const means = [delta, 0, 0, 0, 0];
      const data: number[][] = means.map(() => []);
      const grow = (to: number) => {
        while (data[0]!.length < to) {
          const common = z(); // the common part of replication j: CRN correlate the systems
          means.forEach((m, i) => data[i]!.push(m + 0.6 * common + 0.8 * z()));
        }
      };
      grow(10);
      const r = await selectBest(5, (i) => data[i]!, async (_s, to) => grow(to), { indifference: delta, firstStage: 10, batch: 5, maxReplications: 10_000 });
      if (r.selected === 0) correct++;
    }
    // KN guarantees P(correct) ≥ 0.95 here; 400 trials at exactly 0.95 would fall below 0.93 with
    // probability ≈ 3% (binomial), so 0.93 is the floor checked.
    expect(correct / trials).toBeGreaterThanOrEqual(0.93);
  });

  it('stops at the replication cap and takes the best mean among the survivors, saying so', async () => {
    const data = [Array.from({ length: 6 }, (_, j) => 1 + (j % 2)), Array.from({ length: 6 }, (_, j) => 1.01 + ((j + 1) % 2))];
    const r = await selectBest(2, (i) => data[i]!, async () => {}, { indifference: 1e-6, firstStage: 6, batch: 2, maxReplications: 6 });
    expect(r.capped).toBe(true);
    expect(r.selected).toBe(1);
    expect(r.survivors).toEqual([0, 1]);
  });
});

describe('the objectives', () => {
  it('are the same in the scenario schema and in the optimiser (written in two layers, held together here)', () => {
    expect([...OptimizeSchema.shape.objective.unwrap().options].sort()).toEqual(Object.keys(OBJECTIVES).sort());
  });
});

describe('the pilot of the analytic start', () => {
  it("staffs each group factor times as generously as the scenario does, its own staffingScale included (it was replaced by the factor)", () => {
    const config = { groups: [{ name: 'care' }, { name: 'tech' }] } as unknown as Parameters<typeof pilotOverrides>[0];
    const scales: Record<string, unknown> = { 'groups.care.staffingScale': 1.5 };
    expect(pilotOverrides(config, false, 2, (path) => scales[path])).toEqual({ 'groups.care.staffingScale': 3, 'groups.tech.staffingScale': 2 });
  });
});
