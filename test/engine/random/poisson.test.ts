import { describe, expect, it } from 'vitest';
import { logGamma } from '../../../src/engine/random/logGamma.js';
import { regularizedGammaQ } from '../../../src/engine/random/incompleteGamma.js';
import { poisson, poissonQuantile } from '../../../src/engine/random/poisson.js';
import { createStream } from '../../../src/engine/random/stream.js';
import { chiSquare, chiSquareCritical, countOutcomes, draw, momentZ, N, Z_MAX } from './stats.js';

/** Poisson pmf for k = 0..size-1, in log space: k ln λ - λ - ln k!. */
function pmf(lambda: number, size: number): number[] {
  return Array.from({ length: size }, (_, k) => Math.exp(k * Math.log(lambda) - lambda - logGamma(k + 1)));
}

/** Outcomes beyond λ + 12√λ + 20 have probability < 1e-25 for every λ tested. */
const support = (lambda: number): number => Math.ceil(lambda + 12 * Math.sqrt(lambda) + 20);

// 0.5 and 5 use inversion; 9.99 is its largest; 10 is where PTRS starts; 50 and 5000 are PTRS.
describe.each([0.5, 5, 9.99, 10, 50, 5000])('poisson with mean %s', (lambda) => {
  it('has mean λ and variance λ within 5 standard errors over 200k draws', () => {
    const xs = draw(poisson(createStream(61, 0, `poisson/${lambda}`), lambda));
    // Poisson fourth central moment: λ(1 + 3λ).
    const z = momentZ(xs, { mean: lambda, variance: lambda, fourthCentral: lambda * (1 + 3 * lambda) });
    expect(Math.abs(z.mean)).toBeLessThan(Z_MAX);
    expect(Math.abs(z.variance)).toBeLessThan(Z_MAX);
  });

  it('passes a chi-square goodness-of-fit test against the pmf at alpha = 0.001', () => {
    const xs = draw(poisson(createStream(62, 0, `poisson/${lambda}`), lambda));
    const size = support(lambda);
    const { counts, outside } = countOutcomes(xs, size);
    expect(outside).toBe(0);
    const { statistic, df } = chiSquare(counts, pmf(lambda, size), N);
    expect(statistic).toBeLessThan(chiSquareCritical(df));
  });
});

describe('poisson', () => {
  it('rejects, by the same chi-square test, draws of mean 5 against the pmf of mean 5.1 (the test has power)', () => {
    const xs = draw(poisson(createStream(63, 0, 'poisson'), 5));
    const { counts } = countOutcomes(xs, support(5.1));
    const { statistic, df } = chiSquare(counts, pmf(5.1, support(5.1)), N);
    expect(statistic).toBeGreaterThan(chiSquareCritical(df));
  });

  it('always returns 0 for mean 0', () => {
    expect(Array.from(draw(poisson(createStream(64, 0, 'poisson'), 0), 1000)).every((k) => k === 0)).toBe(true);
  });

  it('ends inversion at the largest uniform the streams return, 1 - 2^-32', () => {
    expect(poisson(() => 1 - 2 ** -32, 9.99)()).toBeGreaterThan(20);
  });
});

describe('poissonQuantile', () => {
  /** P(X ≤ k) = Q(k + 1, λ) (the regularized upper incomplete gamma). */
  const cdf = (k: number, lambda: number) => (k < 0 ? 0 : regularizedGammaQ(k + 1, lambda));

  it.each([0.5, 5, 29.9, 30, 540, 5000])('is the exact inverse of the cdf at mean %s: F(k − 1) ≤ u < F(k)', (lambda) => {
    for (let i = 0; i < 2000; i++) {
      const u = (i + 0.5) / 2000;
      const k = poissonQuantile(u, lambda);
      // 1e-12: the cdf's own accuracy (incompleteGamma.ts) against the walk's rounding.
      expect(cdf(k - 1, lambda)).toBeLessThanOrEqual(u + 1e-12);
      expect(u).toBeLessThan(cdf(k, lambda) + 1e-12);
    }
  });

  it('is non-decreasing in u and in the mean (the coupling common random numbers rely on)', () => {
    const us = Array.from({ length: 500 }, (_, i) => i / 500);
    for (const lambda of [3, 29, 31, 500, 501.5]) {
      const ks = us.map((u) => poissonQuantile(u, lambda));
      for (let i = 1; i < ks.length; i++) expect(ks[i]!).toBeGreaterThanOrEqual(ks[i - 1]!);
      const more = us.map((u) => poissonQuantile(u, lambda + 0.7));
      ks.forEach((k, i) => expect(more[i]!).toBeGreaterThanOrEqual(k));
    }
  });

  it('gives 0 at mean 0 and ends at the top of the uniforms’ range', () => {
    expect(poissonQuantile(0.999, 0)).toBe(0);
    expect(poissonQuantile(1 - 2 ** -53, 540)).toBeGreaterThan(540);
    expect(poissonQuantile(0, 540)).toBeLessThan(540);
  });

  it.each([5, 540])('passes the chi-square test against the pmf at alpha = 0.001 with stream uniforms (mean %s)', (lambda) => {
    const u = createStream(64, 0, `poissonQuantile/${lambda}`);
    const xs = draw(() => poissonQuantile(u(), lambda));
    const size = support(lambda);
    const { counts, outside } = countOutcomes(xs, size);
    expect(outside).toBe(0);
    const { statistic, df } = chiSquare(counts, pmf(lambda, size), N);
    expect(statistic).toBeLessThan(chiSquareCritical(df));
  });
});
