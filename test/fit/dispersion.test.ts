import { describe, expect, it } from 'vitest';
import { gamma } from '../../src/engine/random/gamma.js';
import { poisson } from '../../src/engine/random/poisson.js';
import { createStream } from '../../src/engine/random/stream.js';
import { dayFactorCv } from '../../src/fit/dispersion.js';

/** Daily totals of a Poisson–gamma mixture: kind k has mean m_k, every day a gamma factor with cv. */
function days(seed: number, means: readonly number[], n: readonly number[], cv: number): number[][] {
  const rng = createStream(seed, 0, 'test/daily');
  const factor = cv > 0 ? gamma(rng, 1, cv) : () => 1;
  return means.map((m, k) => Array.from({ length: n[k]! }, () => poisson(rng, m * factor())()));
}

describe('day-factor cv by the method of moments', () => {
  it('recovers a known cv: the bootstrap interval covers cv = 0.15 in ≥ 16 of 20 seeds (Binomial(20, 0.95): P(≤ 15) = 0.003)', () => {
    // A two-kind calendar like the bank's: 40 busy days of 1,500 calls, 16 quiet days of 450.
    const covered = Array.from({ length: 20 }, (_, s) => dayFactorCv(days(2000 + s, [1500, 450], [40, 16], 0.15), 1)).filter((d) => d.ci95[0] <= 0.15 && 0.15 <= d.ci95[1]).length;
    console.log(`day-factor cv: bootstrap 95% interval covers 0.15 in ${covered}/20 seeds`);
    expect(covered).toBeGreaterThanOrEqual(16);
  });

  it('finds no over-dispersion in pure Poisson days: the Poisson p-value is not small in most seeds, and cv is near 0', () => {
    const fits = Array.from({ length: 20 }, (_, s) => dayFactorCv(days(3000 + s, [1500, 450], [40, 16], 0), 1));
    const rejected = fits.filter((d) => d.poissonPValue! < 0.05).length;
    // Binomial(20, 0.05): P(≥ 4) = 0.016.
    expect(rejected).toBeLessThanOrEqual(3);
    for (const d of fits) expect(d.cv).toBeLessThan(0.03);
  });

  it('is reproducible: the same seed gives the same interval', () => {
    const g = days(7, [1000], [30], 0.1);
    expect(dayFactorCv(g, 5)).toEqual(dayFactorCv(g, 5));
  });
});
