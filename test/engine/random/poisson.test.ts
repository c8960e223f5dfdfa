import { describe, expect, it } from 'vitest';
import { logGamma } from '../../../src/engine/random/logGamma.js';
import { poisson } from '../../../src/engine/random/poisson.js';
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
