/**
 * The benefit–cost ratio (Δprofit + ΔsupportCost) / ΔsupportCost of paired replications, with
 * its delta-method interval (experiment/benefit-cost.ts).
 */
import { describe, expect, it } from 'vitest';
import { standardNormal } from '../../src/engine/random/normal.js';
import { createStream } from '../../src/engine/random/stream.js';
import { benefitCostRatio, benefitCostReading } from '../../src/experiment/benefit-cost.js';

describe('benefitCostRatio', () => {
  it('gives the ratio of mean differences and the delta-method interval, as NumPy/SciPy compute them', () => {
    // Reference: NumPy 2.4 / SciPy 1.17 with the covariance form of the delta method,
    // a = Δprofit + ΔsupportCost, b = ΔsupportCost, R = ā/b̄,
    // Var R = (s_a² − 2R·s_ab + R²·s_b²) / (n·b̄²), interval R ± t.ppf(0.975, n − 1)·√Var R.
    const r = benefitCostRatio([10, -5, 20, 8, 2], [100, 90, 120, 110, 95])!;
    expect(r.mean).toBeCloseTo(1.0679611650485437, 12);
    expect(r.ci95[0]).toBeCloseTo(0.9645635151143621, 10);
    expect(r.ci95[1]).toBeCloseTo(1.1713588149827252, 10);
  });

  it('is exact when the gain is the same multiple of the support cost on every replication', () => {
    // Δprofit = 0.5·ΔsupportCost → gain = 1.5·ΔsupportCost
    const cost = [100, 140, 90, 120];
    const r = benefitCostRatio(cost.map((c) => 0.5 * c), cost)!;
    expect(r.mean).toBeCloseTo(1.5, 12);
    expect(r.ci95[1] - r.ci95[0]).toBeLessThan(1e-9);
  });

  it('is null when the 95% interval of ΔsupportCost contains 0 (SciPy: [−5.98, 5.58] for these)', () => {
    expect(benefitCostRatio([1, 2, 3, 4, 5], [5, -4, 3, -6, 1])).toBeNull();
    expect(benefitCostRatio([1, 2], [0, 0])).toBeNull();
  });

  it('refuses unequal counts or a single replication', () => {
    expect(() => benefitCostRatio([1, 2], [1])).toThrow(/2 profit differences but 1/);
    expect(() => benefitCostRatio([1], [1])).toThrow(/at least 2/);
  });

  it('covers the true ratio in 95% of experiments, within the binomial 99.7% band', () => {
    // 2,000 experiments of n = 20 replications: ΔsupportCost ~ N(1000, 150²) and a gain of
    // 1.3 × it plus N(0, 200²) noise, so the true ratio is 1.3. The coverage of a 95% interval
    // is Binomial(2000, 0.95)/2000: mean 0.95, sd 0.0049 → [0.935, 0.965] at ±3 sd.
    const z = standardNormal(createStream(7, 0, 'test/benefit-cost'));
    const trials = 2000;
    let covered = 0;
    for (let t = 0; t < trials; t++) {
      const cost = Array.from({ length: 20 }, () => 1000 + 150 * z());
      const profit = cost.map((c) => 1.3 * c + 200 * z() - c);
      const r = benefitCostRatio(profit, cost)!;
      if (r.ci95[0] <= 1.3 && 1.3 <= r.ci95[1]) covered++;
    }
    const sd = Math.sqrt((0.95 * 0.05) / trials);
    expect(covered / trials).toBeGreaterThanOrEqual(0.95 - 3 * sd);
    expect(covered / trials).toBeLessThanOrEqual(0.95 + 3 * sd);
  });
});

describe('reading a benefit–cost ratio', () => {
  it('depends on the side of the support-cost change', () => {
    expect(benefitCostReading(1.5, 100)).toBe('spends more on support and earns more than it spends');
    expect(benefitCostReading(0.5, 100)).toBe('spends more on support and earns back only part of it');
    expect(benefitCostReading(-0.5, 100)).toBe('spends more on support and loses elsewhere too');
    expect(benefitCostReading(1.5, -100)).toBe('saves on support and loses more than it saves');
    expect(benefitCostReading(0.5, -100)).toBe('saves on support and loses part of the saving elsewhere');
    expect(benefitCostReading(-0.5, -100)).toBe('saves on support and gains elsewhere too');
  });
});
