import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GridError, MAX_GRID_POINTS, checkAxes, gridMessages, gridPoints, parsePolicy, parseSet, parseShard, parseVary, shardIndices } from '../../src/experiment/grid.js';

describe('parseVary', () => {
  it('reads values as YAML scalars: numbers are numbers, null is null, words are text', () => {
    expect(parseVary('staffing.agents=50,55,60')).toEqual({ key: 'staffing.agents', values: [50, 55, 60] });
    expect(parseVary('patience=null')).toEqual({ key: 'patience', values: [null] });
    expect(parseVary('handleTime.dist= exponential , lognormal')).toEqual({ key: 'handleTime.dist', values: ['exponential', 'lognormal'] });
    expect(parseVary('economics.discountRatePerYear=0.05,1e-1')).toEqual({ key: 'economics.discountRatePerYear', values: [0.05, 0.1] });
  });

  it('takes every path policies.set takes: list indices and names with hyphens', () => {
    expect(parseVary('groups.care.shifts.0.agents=12,14,16')).toEqual({ key: 'groups.care.shifts.0.agents', values: [12, 14, 16] });
    expect(parseVary('groups.tier-1.staffingScale=0.9,1.1')).toEqual({ key: 'groups.tier-1.staffingScale', values: [0.9, 1.1] });
    expect(parseVary('reasons.0.resolveProb=0.5').key).toBe('reasons.0.resolveProb');
  });

  it('keeps commas inside brackets, braces and quotes within one value', () => {
    expect(parseVary('patience={dist: exponential, meanSec: 60},null').values).toEqual([{ dist: 'exponential', meanSec: 60 }, null]);
    expect(parseVary('description="a, b",c').values).toEqual(['a, b', 'c']);
  });

  it('refuses text without KEY=, naming the expected form', () => {
    expect(() => parseVary('staffing.agents')).toThrow(new GridError(gridMessages.varyForm('staffing.agents')));
    expect(() => parseVary('=5')).toThrow(new GridError(gridMessages.varyForm('=5')));
    expect(() => parseVary('staffing.agents=')).toThrow(new GridError(gridMessages.varyForm('staffing.agents=')));
  });

  it('refuses a key that is not a dot path, an empty value, a value YAML cannot read, and a value given twice', () => {
    for (const key of ['staffing..agents', '.staffing', 'staffing.', 'staffing. agents']) expect(() => parseVary(`${key}=5`)).toThrow(new GridError(gridMessages.varyKey(key)));
    expect(() => parseVary('staffing.agents=5,,6')).toThrow(new GridError(gridMessages.varyEmptyValue('staffing.agents', 2)));
    expect(() => parseVary('staffing.agents=[1,2')).toThrow(/--vary staffing.agents: cannot read the value "\[1,2"/);
    expect(() => parseVary('staffing.agents=5,5.0')).toThrow(new GridError(gridMessages.varyDuplicateValue('staffing.agents', '5.0')));
  });
});

describe('checkAxes', () => {
  it('refuses a key given twice, keys that overlap, and a grid over the limit', () => {
    expect(() => checkAxes([parseVary('a.b=1'), parseVary('a.b=2')])).toThrow(new GridError(gridMessages.varyDuplicateKey('a.b')));
    expect(() => checkAxes([parseVary('a=1'), parseVary('a.b=2')])).toThrow(new GridError(gridMessages.varyOverlap('a', 'a.b')));
    const big = Array.from({ length: 101 }, (_, i) => i).join(',');
    expect(() => checkAxes([parseVary(`a=${big}`), parseVary(`b=${big}`)])).toThrow(new GridError(gridMessages.tooManyPoints(101 * 101)));
    expect(MAX_GRID_POINTS).toBe(10_000);
  });
});

describe('gridPoints', () => {
  it('is the cartesian product with the first --vary varying slowest', () => {
    expect(gridPoints([parseVary('a=1,2'), parseVary('b=x,y,z')]).map((p) => [p.index, p.set])).toEqual([
      [0, { a: 1, b: 'x' }],
      [1, { a: 1, b: 'y' }],
      [2, { a: 1, b: 'z' }],
      [3, { a: 2, b: 'x' }],
      [4, { a: 2, b: 'y' }],
      [5, { a: 2, b: 'z' }],
    ]);
  });
});

describe('shards', () => {
  it('reads K/N, 1-based, and refuses anything else', () => {
    expect(parseShard('2/3')).toEqual({ k: 2, n: 3 });
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '1/2/3', '-1/2', '1.5/2']) expect(() => parseShard(bad)).toThrow(new GridError(gridMessages.shardForm(bad)));
  });

  it('gives shard K the points i with i mod N = K − 1', () => {
    expect(shardIndices(7, { k: 1, n: 3 })).toEqual([0, 3, 6]);
    expect(shardIndices(7, { k: 3, n: 3 })).toEqual([2, 5]);
    expect(shardIndices(2, { k: 3, n: 3 })).toEqual([]);
  });

  it('splits any grid into shards that together hold every point exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 40 }), (points, n) => {
        const all = Array.from({ length: n }, (_, k) => shardIndices(points, { k: k + 1, n })).flat().sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: points }, (_, i) => i));
      }),
    );
  });
});

describe('--set and --policy', () => {
  it('reads --set KEY=VALUE as one value, as --vary reads values, and refuses two', () => {
    expect(parseSet('serviceLevel.thresholdSec=20')).toEqual({ key: 'serviceLevel.thresholdSec', value: 20 });
    expect(parseSet('callback={offerAboveSec: 60, acceptProb: 0.5}').value).toEqual({ offerAboveSec: 60, acceptProb: 0.5 });
    expect(() => parseSet('staffing.agents=14,15')).toThrow(new GridError(gridMessages.setForm('staffing.agents=14,15')));
  });

  it('reads --policy NAME={…} as a name and the dot paths of policies.set, and refuses anything else', () => {
    expect(parsePolicy('lean={groups.tier-1.shifts.0.agents: 12, policy.ahtTargetSec: 300}')).toEqual({ name: 'lean', set: { 'groups.tier-1.shifts.0.agents': 12, 'policy.ahtTargetSec': 300 } });
    for (const bad of ['lean', 'lean=12', '={a: 1}', 'bad name={a: 1}', 'lean={}', 'lean={a: [1']) expect(() => parsePolicy(bad)).toThrow(new GridError(gridMessages.policyForm(bad)));
    expect(() => parsePolicy('lean={a..b: 1}')).toThrow(new GridError(gridMessages.varyKey('a..b')));
  });
});
