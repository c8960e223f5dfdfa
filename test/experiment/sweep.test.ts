import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridPoints, parseVary } from '../../src/experiment/grid.js';
import { inlineRunner } from '../../src/experiment/pool.js';
import { bestPoints, defineSweep, runPoints, type PointResult } from '../../src/experiment/sweep.js';
import { deriveScenario, parseScenario } from '../../src/scenario/load.js';
import { REPO } from '../support/cli.js';

const file = join(REPO, 'scenarios', 'staffing-levels.yaml');
const loaded = parseScenario(readFileSync(file, 'utf8'), file);
const axes = [parseVary('staffing.agents=14,16'), parseVary('arrivals.ratePerHour=180,200')];
const points = gridPoints(axes).map((p) => ({ ...p, config: deriveScenario(loaded, `p${p.index}`, p.set, 'test').config }));
const base = { scenario: 'staffing-levels', seed: 11, replications: 3, vary: axes, by: 'asaSec' };

describe('defineSweep', () => {
  it('fingerprints the definition and every point configuration, whatever the key order', () => {
    const a = defineSweep(base, points);
    expect(a.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(a.points).toBe(4);
    const reordered = { by: 'asaSec', vary: axes, replications: 3, seed: 11, scenario: 'staffing-levels' };
    expect(defineSweep(reordered, points).fingerprint).toBe(a.fingerprint);
  });

  it('changes the fingerprint with the seed, the replications, --by or a point configuration', () => {
    const a = defineSweep(base, points).fingerprint;
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
  const p = (index: number, profit: number, asaSec: number): PointResult => ({
    index,
    set: { i: index },
    kpis: { asaSec: { mean: asaSec, ci95: [asaSec, asaSec] } },
    economics: { profit: { mean: profit, ci95: [profit, profit] } },
  });

  it('picks the highest profit and the lowest ASA, the lower index on a tie', () => {
    const best = bestPoints([p(0, -10, 5), p(1, -8, 9), p(2, -8, 3), p(3, -12, 3)], 'asaSec');
    expect(best).toEqual({ profit: { index: 1, set: { i: 1 }, mean: -8 }, asaSec: { index: 2, set: { i: 2 }, mean: 3 } });
  });

  it('reports profit only without --by', () => {
    expect(Object.keys(bestPoints([p(0, 1, 1)], null))).toEqual(['profit']);
  });
});
