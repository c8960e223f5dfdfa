import { describe, expect, it } from 'vitest';
import { LevelIntegral } from '../../../src/engine/stats/level-integral.js';
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

describe('LevelIntegral', () => {
  it('integrates a step level only inside its window', () => {
    const li = new LevelIntegral(10, 20);
    li.change(0, 3); // level 3 from t = 0, but the window starts at 10
    li.change(15, -1); // 3 × 5 inside the window, then level 2
    li.change(25, 5); // 2 × 5 up to the window's end; nothing after
    expect(li.close()).toBe(25);
  });
});
