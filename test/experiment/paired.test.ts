import { describe, expect, it } from 'vitest';
import { tQuantile } from '../../src/engine/stats/student-t.js';
import { bonferroniLevel, halfWidthOf, pairedDifference, welchHalfWidth } from '../../src/experiment/paired.js';

// Five made-up paired observations; the reference intervals were computed with SciPy 1.17
// (stats.ttest_rel / stats.ttest_ind(equal_var=False) … .confidence_interval(level)).
const x = [10, 12, 9, 11, 13];
const y = [9, 11, 9, 10, 11];

describe('pairedDifference', () => {
  it('gives the paired-t interval of the differences, as SciPy does', () => {
    const d = pairedDifference(x, y, 0.95);
    expect(d.mean).toBe(1);
    expect(d.ci95[0]).toBeCloseTo(0.1220109669149172, 10);
    expect(d.ci95[1]).toBeCloseTo(1.8779890330850828, 10);
  });

  it('gives the verdict interval at the level asked for (here 1 − 0.05/3), as SciPy does', () => {
    const d = pairedDifference(x, y, 1 - 0.05 / 3);
    expect(d.ciVerdict[0]).toBeCloseTo(-0.25251066111610143, 10);
    expect(d.ciVerdict[1]).toBeCloseTo(2.252510661116104, 10);
  });

  it('gives the unpaired Welch interval the same numbers would have without pairing, as SciPy does', () => {
    const d = pairedDifference(x, y, 0.95);
    expect(d.unpairedCi95[0]).toBeCloseTo(-0.9928004869756464, 9);
    expect(d.unpairedCi95[1]).toBeCloseTo(2.9928004869756464, 9);
    expect(welchHalfWidth(x, y)).toBeCloseTo(1.9928004869756464, 9);
  });

  it('gives a zero-width interval when every replication has the same difference', () => {
    const d = pairedDifference([5, 7, 6], [3, 5, 4], 0.99);
    expect(d).toEqual({ mean: 2, ci95: [2, 2], ciVerdict: [2, 2], unpairedCi95: [2 - welchHalfWidth([5, 7, 6], [3, 5, 4]), 2 + welchHalfWidth([5, 7, 6], [3, 5, 4])] });
    expect(pairedDifference([1, 2, 3], [1, 2, 3], 0.95)).toEqual({ mean: 0, ci95: [0, 0], ciVerdict: [0, 0], unpairedCi95: [-welchHalfWidth([1, 2, 3], [1, 2, 3]), welchHalfWidth([1, 2, 3], [1, 2, 3])] });
  });

  it('refuses fewer than two replications or unequal counts', () => {
    expect(() => pairedDifference([1], [2], 0.95)).toThrow(/at least 2/);
    expect(() => pairedDifference([1, 2], [2], 0.95)).toThrow(/2 policy values but 1/);
  });
});

describe('bonferroniLevel', () => {
  it('is 1 − 0.05/m for m comparisons, and 95% for one', () => {
    expect(bonferroniLevel(1)).toBe(0.95);
    expect(bonferroniLevel(3)).toBe(1 - 0.05 / 3);
    expect(bonferroniLevel(4, 0.1)).toBe(1 - 0.1 / 4);
  });

  it('widens the interval by the ratio of t quantiles t(1 − 0.05/(2m)) / t(0.975)', () => {
    // t(1 − 0.05/6, 4) = 3.9607864827701835 and t(0.975, 4) = 2.7764451051977934 (SciPy).
    const d = pairedDifference(x, y, bonferroniLevel(3));
    expect(tQuantile(1 - 0.05 / 6, 4)).toBeCloseTo(3.9607864827701835, 9);
    expect(halfWidthOf(d.ciVerdict) / halfWidthOf(d.ci95)).toBeCloseTo(3.9607864827701835 / 2.7764451051977934, 9);
  });

  it('refuses a count of comparisons that is not a whole number ≥ 1', () => {
    expect(() => bonferroniLevel(0)).toThrow(RangeError);
    expect(() => bonferroniLevel(1.5)).toThrow(RangeError);
  });
});
