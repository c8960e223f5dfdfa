import { describe, expect, it } from 'vitest';
import { exponential } from '../../../src/engine/random/exponential.js';
import { createStream } from '../../../src/engine/random/stream.js';
import { draw, ksCritical, ksStatistic, momentZ, N, Z_MAX } from './stats.js';

const mean = 180;

describe('exponential', () => {
  it('has mean `mean` and variance mean² within 5 standard errors over 200k draws', () => {
    const xs = draw(exponential(createStream(11, 0, 'exponential'), mean));
    // Exponential central moments: variance m², fourth 9m⁴ (Johnson, Kotz & Balakrishnan, ch. 19).
    const z = momentZ(xs, { mean, variance: mean ** 2, fourthCentral: 9 * mean ** 4 });
    expect(Math.abs(z.mean)).toBeLessThan(Z_MAX);
    expect(Math.abs(z.variance)).toBeLessThan(Z_MAX);
  });

  it('passes Kolmogorov–Smirnov against 1 - exp(-x/mean) at alpha = 0.001', () => {
    const xs = draw(exponential(createStream(12, 0, 'exponential'), mean));
    expect(ksStatistic(xs, (x) => -Math.expm1(-x / mean))).toBeLessThan(ksCritical(N));
  });

  it('fails the same KS test against a mean 5% too large (the test has power)', () => {
    const xs = draw(exponential(createStream(12, 0, 'exponential'), mean));
    expect(ksStatistic(xs, (x) => -Math.expm1(-x / (1.05 * mean)))).toBeGreaterThan(ksCritical(N));
  });

  it('is exactly -mean·ln(1 - u) of the stream, draw for draw', () => {
    const sample = exponential(createStream(13, 0, 'e'), mean);
    const rng = createStream(13, 0, 'e');
    for (let i = 0; i < 100; i++) expect(sample()).toBe(-mean * Math.log(1 - rng()));
  });

  it('stays finite at the ends of the uniform: 0 gives 0, 1 - 2^-32 gives 32·ln2·mean', () => {
    expect(exponential(() => 0, mean)() === 0).toBe(true); // -0, which equals 0
    expect(exponential(() => 1 - 2 ** -32, mean)()).toBeCloseTo(32 * Math.LN2 * mean, 6);
  });
});
