import { describe, expect, it } from 'vitest';
import type { PointResult, SweepDefinition } from '../../src/experiment/sweep.js';
import { MergeError, mergeMessages, mergeShards, parsePointState, pointStateJson, shardJson, sweepCsv, sweepJson } from '../../src/output/sweep.js';
import { sweepResult } from '../../src/experiment/sweep.js';

const def: SweepDefinition = {
  scenario: 's',
  seed: 1,
  replications: 2,
  vary: [{ key: 'staffing.agents', values: [10, 11, 12] }, { key: 'patience', values: [null] }],
  by: null,
  require: [],
  decisions: ['staffing.agents'],
  points: 3,
  fingerprint: 'f'.repeat(64),
};
const point = (index: number): PointResult => ({
  index,
  set: { 'staffing.agents': 10 + index, patience: null },
  kpis: { waitSec: { mean: 3 - index, ci95: [2 - index, 4 - index] } },
  economics: { profit: { mean: -100 * (10 + index), ci95: [-100 * (10 + index), -100 * (10 + index)] } },
});
const points = [0, 1, 2].map(point);
const shard = (k: number, n: number, indices: number[], d = def) => ({ file: `shard-${k}-of-${n}.json`, text: shardJson(d, { k, n }, indices.map(point)) });

describe('merge', () => {
  it('joins shards into exactly the unsharded sweep.json and sweep.csv', () => {
    const whole = sweepResult(def, points);
    const merged = mergeShards([shard(2, 2, [1]), shard(1, 2, [0, 2])], ['d']);
    expect(sweepJson(merged)).toBe(sweepJson(whole));
    expect(sweepCsv(merged)).toBe(sweepCsv(whole));
  });

  it('refuses shards of different sweeps, a shard twice, a missing shard and a damaged share', () => {
    const other = { ...def, fingerprint: 'e'.repeat(64) };
    expect(() => mergeShards([shard(1, 2, [0, 2]), shard(2, 2, [1], other)], ['d'])).toThrow(new MergeError(mergeMessages.otherSweep('shard-2-of-2.json', 'shard-1-of-2.json')));
    expect(() => mergeShards([shard(1, 2, [0, 2]), shard(1, 2, [0, 2])], ['d'])).toThrow(new MergeError(mergeMessages.duplicate(1, 'shard-1-of-2.json', 'shard-1-of-2.json')));
    expect(() => mergeShards([shard(1, 3, [0])], ['d'])).toThrow(new MergeError(mergeMessages.missing([2, 3], 3)));
    expect(() => mergeShards([shard(1, 2, [0, 2]), shard(2, 3, [1])], ['d'])).toThrow(new MergeError(mergeMessages.otherCount('shard-2-of-3.json', 3, 'shard-1-of-2.json', 2)));
    expect(() => mergeShards([shard(1, 2, [0]), shard(2, 2, [1])], ['d'])).toThrow(new MergeError(mergeMessages.wrongPoints('shard-1-of-2.json')));
    expect(() => mergeShards([], ['d'])).toThrow(new MergeError(mergeMessages.noShards(['d'])));
    expect(() => mergeShards([{ file: 'x.json', text: '{}' }], ['d'])).toThrow(/x.json: not a shard file/);
  });
});

describe('sweep.csv', () => {
  it('has one row per point: the varied keys, then mean, lo, hi of every figure', () => {
    const lines = sweepCsv(sweepResult(def, points)).trimEnd().split('\n');
    expect(lines[0]).toBe('staffing.agents,patience,waitSec.mean,waitSec.lo,waitSec.hi,profit.mean,profit.lo,profit.hi');
    expect(lines[1]).toBe('10,null,3,2,4,-1000,-1000,-1000');
    expect(lines).toHaveLength(4);
  });
});

describe('saved points', () => {
  it('are reused only for the same sweep and the same index', () => {
    const text = pointStateJson(def.fingerprint, point(1));
    expect(parsePointState(text, def.fingerprint, 1)).toEqual(point(1));
    expect(parsePointState(text, 'e'.repeat(64), 1)).toBeUndefined();
    expect(parsePointState(text, def.fingerprint, 2)).toBeUndefined();
    expect(parsePointState(text.slice(0, 20), def.fingerprint, 1)).toBeUndefined();
  });
});
