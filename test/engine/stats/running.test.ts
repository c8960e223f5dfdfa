import { describe, expect, it } from 'vitest';
import { BucketedLevel } from '../../../src/engine/stats/bucketed-level.js';
import { RunningStats } from '../../../src/engine/stats/running.js';

describe('RunningStats', () => {
  it('gives the two-pass mean and unbiased variance', () => {
    const xs = [2, 4, 4, 4, 5, 5, 7, 9];
    const s = new RunningStats();
    xs.forEach((x) => s.add(x));
    expect(s.mean).toBe(5);
    // Σ(x − 5)² = 32, over n − 1 = 7.
    expect(s.variance).toBeCloseTo(32 / 7, 14);
  });

  it('keeps precision where the naive sum of squares cancels (values near 1e9)', () => {
    const s = new RunningStats();
    for (const x of [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]) s.add(x);
    expect(s.variance).toBeCloseTo(30, 6);
  });
});

describe('BucketedLevel', () => {
  it('integrates a step level only inside its window, and its buckets add up to the window', () => {
    const level = new BucketedLevel(10, 20, 4, 6); // window [10, 20), buckets of 4 s
    level.set(0, 3); // level 3 from t = 0, but the window starts at 10
    level.set(15, 2); // 3 × 5 inside the window, then level 2
    level.set(25, 7); // 2 × 5 up to the window's end; nothing after
    expect(level.close(30)).toBe(25);
    // Buckets [8,12) [12,16) [16,20): 3·2, 3·3 + 2·1, 2·4 — the window's part of each.
    expect(Array.from(level.buckets)).toEqual([0, 0, 6, 11, 8, 0]);
  });
});
