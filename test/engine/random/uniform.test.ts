import { describe, expect, it } from 'vitest';
import { createStream } from '../../../src/engine/random/stream.js';
import { uniform } from '../../../src/engine/random/uniform.js';
import { draw, ksCritical, ksStatistic, momentZ, N, Z_MAX } from './stats.js';

const [min, max] = [-2, 5];
const w = max - min;

describe('uniform', () => {
  it('has mean (min+max)/2 and variance w²/12 within 5 standard errors over 200k draws', () => {
    const xs = draw(uniform(createStream(21, 0, 'uniform'), min, max));
    // Uniform central moments: variance w²/12, fourth w⁴/80.
    const z = momentZ(xs, { mean: (min + max) / 2, variance: w ** 2 / 12, fourthCentral: w ** 4 / 80 });
    expect(Math.abs(z.mean)).toBeLessThan(Z_MAX);
    expect(Math.abs(z.variance)).toBeLessThan(Z_MAX);
  });

  it('passes Kolmogorov–Smirnov against (x - min)/(max - min) at alpha = 0.001', () => {
    const xs = draw(uniform(createStream(22, 0, 'uniform'), min, max));
    expect(ksStatistic(xs, (x) => Math.min(1, Math.max(0, (x - min) / w)))).toBeLessThan(ksCritical(N));
  });

  it('stays in [min, max)', () => {
    const xs = draw(uniform(createStream(23, 0, 'uniform'), min, max));
    expect(xs.every((x) => x >= min && x < max)).toBe(true);
  });
});
