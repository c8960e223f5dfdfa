import { describe, expect, it } from 'vitest';
import { gamma } from '../../../src/engine/random/gamma.js';
import { regularizedGammaP } from '../../../src/engine/random/incompleteGamma.js';
import { createStream } from '../../../src/engine/random/stream.js';
import { draw, ksCritical, ksStatistic, momentZ, N, Z_MAX } from './stats.js';

const mean = 240;

// Shape k = 1/cv²: 100 and 4 use Marsaglia–Tsang directly, 1 is the exponential, 0.25 uses the boost.
describe.each([0.1, 0.5, 1, 2])('gamma with cv = %s', (cv) => {
  const k = 1 / cv ** 2;
  const theta = mean * cv ** 2;
  const variance = (cv * mean) ** 2;

  it('has the given mean and variance (cv·mean)² within 5 standard errors over 200k draws', () => {
    const xs = draw(gamma(createStream(51, 0, `gamma/${cv}`), mean, cv));
    // Gamma excess kurtosis 6/k, so the fourth central moment is σ⁴(3 + 6/k).
    const z = momentZ(xs, { mean, variance, fourthCentral: variance ** 2 * (3 + 6 / k) });
    expect(Math.abs(z.mean)).toBeLessThan(Z_MAX);
    expect(Math.abs(z.variance)).toBeLessThan(Z_MAX);
  });

  it('passes Kolmogorov–Smirnov against P(k, x/θ) at alpha = 0.001', () => {
    const xs = draw(gamma(createStream(52, 0, `gamma/${cv}`), mean, cv));
    expect(ksStatistic(xs, (x) => (x > 0 ? regularizedGammaP(k, x / theta) : 0))).toBeLessThan(ksCritical(N));
  });

  it('returns only non-negative finite values', () => {
    const xs = draw(gamma(createStream(53, 0, `gamma/${cv}`), mean, cv), 50_000);
    expect(xs.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
  });
});

describe('gamma', () => {
  it('with cv = 1 passes Kolmogorov–Smirnov against the exponential CDF', () => {
    const xs = draw(gamma(createStream(54, 0, 'gamma'), mean, 1));
    expect(ksStatistic(xs, (x) => -Math.expm1(-x / mean))).toBeLessThan(ksCritical(N));
  });
});
