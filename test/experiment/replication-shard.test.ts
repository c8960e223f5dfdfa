/** Replication ranges of shards (experiment/replication-shard.ts): they tile 0 … total in order, whatever N. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replicationFingerprint, replicationRange, type ReplicationExperiment } from '../../src/experiment/replication-shard.js';
import { fromScenario } from '../support/scenario.js';

describe('replicationRange', () => {
  it('gives every replication to exactly one shard, in index order, the shares within one of each other', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 600 }), (total, n) => {
        const ranges = Array.from({ length: n }, (_, i) => replicationRange(total, { k: i + 1, n }));
        expect(ranges[0]!.from).toBe(0);
        expect(ranges.at(-1)!.to).toBe(total);
        ranges.forEach((r, i) => i > 0 && expect(r.from).toBe(ranges[i - 1]!.to));
        const sizes = ranges.map((r) => r.to - r.from);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('splits 10 over 3 as 0–2, 3–5, 6–9 and leaves shards empty when there are more shards than replications', () => {
    expect([1, 2, 3].map((k) => replicationRange(10, { k, n: 3 }))).toEqual([{ from: 0, to: 3 }, { from: 3, to: 6 }, { from: 6, to: 10 }]);
    expect([1, 2, 3].map((k) => replicationRange(2, { k, n: 3 }))).toEqual([{ from: 0, to: 0 }, { from: 0, to: 1 }, { from: 1, to: 2 }]);
  });
});

describe('replicationFingerprint', () => {
  it('tells apart comparisons that judge other requirements (a compare shard of one --require cannot merge with another)', () => {
    const config = fromScenario({ name: 'fp', horizon: { days: 1 }, arrivals: { ratePerHour: 10 }, handleTime: { dist: 'exponential', meanSec: 300 }, staffing: { agents: 2 } });
    const base: ReplicationExperiment = { command: 'compare', seed: 1, replications: 4, by: null, require: [], configs: [{ name: 'baseline', config }], version: 'x' };
    const a = replicationFingerprint(base);
    const b = replicationFingerprint({ ...base, require: ['serviceLevel >= 0.8'] });
    const c = replicationFingerprint({ ...base, require: ['serviceLevel >= 0.9'] });
    expect(new Set([a, b, c]).size).toBe(3);
    expect(replicationFingerprint({ ...base, require: ['serviceLevel >= 0.8'] })).toBe(b);
  });
});
