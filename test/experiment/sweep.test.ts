import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridPoints, parseVary } from '../../src/experiment/grid.js';
import { inlineRunner } from '../../src/experiment/pool.js';
import { isDecision } from '../../src/experiment/decisions.js';
import { bestPoints, defineSweep, runPoints, type PointResult } from '../../src/experiment/sweep.js';
import { deriveScenario, parseScenario } from '../../src/scenario/load.js';
import { REPO } from '../support/cli.js';

const file = join(REPO, 'scenarios', 'staffing-levels.yaml');
const loaded = parseScenario(readFileSync(file, 'utf8'), file);
const axes = [parseVary('staffing.agents=14,16'), parseVary('arrivals.ratePerHour=180,200')];
const points = gridPoints(axes).map((p) => ({ ...p, config: deriveScenario(loaded, `p${p.index}`, p.set, 'test').config }));
const base = { scenario: 'staffing-levels', seed: 11, replications: 3, vary: axes, by: 'asaSec', require: [] as string[], decisions: ['staffing.agents'] };

describe('defineSweep', () => {
  it('fingerprints the definition and every point configuration, whatever the key order', () => {
    const a = defineSweep(base, points);
    expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(a.points).toBe(4);
    const reordered = { decisions: ['staffing.agents'], require: [] as string[], by: 'asaSec', vary: axes, replications: 3, seed: 11, scenario: 'staffing-levels' };
    expect(defineSweep(reordered, points).fingerprint).toBe(a.fingerprint);
  });

  it('changes the fingerprint with the seed, the replications, --by, --require, the decisions or a point configuration', () => {
    const a = defineSweep(base, points).fingerprint;
    expect(defineSweep({ ...base, require: ['serviceLevel >= 0.8'] }, points).fingerprint).not.toBe(a);
    expect(defineSweep({ ...base, decisions: [] }, points).fingerprint).not.toBe(a);
    expect(defineSweep({ ...base, seed: 12 }, points).fingerprint).not.toBe(a);
    expect(defineSweep({ ...base, replications: 4 }, points).fingerprint).not.toBe(a);
    expect(defineSweep({ ...base, by: null }, points).fingerprint).not.toBe(a);
    const changed = points.map((p, i) => (i === 0 ? { ...p, config: { ...p.config, seedless: 1 } as never } : p));
    expect(defineSweep(base, changed).fingerprint).not.toBe(a);
  });
});

describe('runPoints', () => {
  it('returns the points in order, reports each as it finishes, and shares replications across points (CRN)', async () => {
    const seen: number[] = [];
    const results = await runPoints(points, { seed: 11, replications: 3, onPoint: (r) => seen.push(r.index) }, inlineRunner());
    expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
    // Same seed and replication indices at every point: the same arrivals where the rate is the same.
    expect(results[0]!.kpis.offered).toEqual(results[2]!.kpis.offered);
    expect(results[0]!.kpis.offered).not.toEqual(results[1]!.kpis.offered);
  });

  it('gives each point the same result alone as in the grid (what makes shards and resuming exact)', async () => {
    const all = await runPoints(points, { seed: 11, replications: 3 }, inlineRunner());
    const alone = await runPoints([points[3]!], { seed: 11, replications: 3 }, inlineRunner());
    expect(alone[0]).toEqual(all[3]);
  });
});

describe('bestPoints', () => {
  const p = (index: number, profit: number, asaSec: number, set: Record<string, unknown> = { i: index }, half = 0): PointResult => ({
    index,
    set,
    kpis: { asaSec: { mean: asaSec, ci95: [asaSec - half, asaSec + half] } },
    economics: { profit: { mean: profit, ci95: [profit - half, profit + half] } },
  });
  const one = { vary: [{ key: 'i', values: [0, 1, 2, 3] }], decisions: ['i'] };

  it('picks the highest profit and the lowest ASA, the lower index on a tie of means', () => {
    const best = bestPoints([p(0, -10, 5), p(1, -8, 9), p(2, -8, 3), p(3, -12, 3)], { ...one, by: 'asaSec' });
    expect(best).toEqual({
      profit: [{ level: {}, index: 1, set: { i: 1 }, mean: -8, ci95: [-8, -8], ties: [2] }], // point 2's [−8, −8] touches it
      asaSec: [{ level: {}, index: 2, set: { i: 2 }, mean: 3, ci95: [3, 3], ties: [3] }],
    });
  });

  it('reports profit only without --by', () => {
    expect(Object.keys(bestPoints([p(0, 1, 1)], { ...one, by: null }))).toEqual(['profit']);
  });

  it('chooses over the decision keys only, once per level of the others: a demand level is never best', () => {
    const vary = [{ key: 'staffing.agents', values: [14, 16] }, { key: 'arrivals.ratePerHour', values: [180, 200] }];
    const at = (agents: number, rate: number) => ({ 'staffing.agents': agents, 'arrivals.ratePerHour': rate });
    // Less demand always "pays" here; a best over all points would pick a demand level.
    const points = [p(0, -100, 9, at(14, 180)), p(1, -300, 9, at(14, 200)), p(2, -150, 9, at(16, 180)), p(3, -250, 9, at(16, 200))];
    const best = bestPoints(points, { vary, decisions: ['staffing.agents'], by: null });
    expect(best.profit!.map((b) => [b.level, b.index])).toEqual([
      [{ 'arrivals.ratePerHour': 180 }, 0],
      [{ 'arrivals.ratePerHour': 200 }, 3],
    ]);
    expect(bestPoints(points, { vary, decisions: [], by: null })).toEqual({});
  });

  it('flags as ties the candidates whose interval overlaps the best one\'s, and takes only feasible points', () => {
    const points = [p(0, -100, 9, { i: 0 }, 10), p(1, -105, 9, { i: 1 }, 10), p(2, -130, 9, { i: 2 }, 10), p(3, -90, 9, { i: 3 }, 1)];
    // [−110, −90] (0) and [−115, −95] (1) overlap; [−140, −120] (2) does not.
    expect(bestPoints(points, { ...one, by: null }, (q) => (q.index === 3 ? 'infeasible' : 'feasible')).profit).toEqual([{ level: {}, index: 0, set: { i: 0 }, mean: -100, ci95: [-110, -90], ties: [1] }]);
    expect(bestPoints(points, { ...one, by: null }, (q) => (q.index === 3 ? 'feasible' : 'undetermined')).profit![0]!.index).toBe(3);
    expect(bestPoints(points, { ...one, by: null }, () => 'infeasible').profit).toEqual([{ level: {}, index: null, set: null, mean: null, ci95: null, ties: [], note: 'no point of this level is feasible' }]);
  });
});

describe('isDecision', () => {
  it('counts staffing, shifts, scaling, policy, routing and hours as decisions, and demand, customers and prices as conditions', () => {
    for (const k of ['staffing.agents', 'groups.care-team.shifts.0.agents', 'groups.tier1.staffingScale', 'policy.ahtTargetSec', 'callback', 'queue.discipline', 'hours', 'customers.upsell.offer']) expect(isDecision(k), k).toBe(true);
    for (const k of ['arrivals.ratePerHour', 'staffing.wagePerHour', 'groups.tier1.wagePerHour', 'economics.waitingCostPerMinute', 'customers.initial', 'handleTime.meanSec', 'patience']) expect(isDecision(k), k).toBe(false);
  });
});
