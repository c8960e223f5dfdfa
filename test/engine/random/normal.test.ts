import { describe, expect, it } from 'vitest';
import { normal } from '../../../src/engine/random/normal.js';
import { normalCdf } from '../../../src/engine/random/normalCdf.js';
import { createStream } from '../../../src/engine/random/stream.js';
import { draw, ksCritical, ksStatistic, momentZ, N, Z_MAX } from './stats.js';

const [mean, sd] = [10, 3];

describe('normal', () => {
  it('has mean `mean` and variance sd² within 5 standard errors over 200k draws', () => {
    const xs = draw(normal(createStream(31, 0, 'normal'), mean, sd));
    // Normal fourth central moment: 3σ⁴.
    const z = momentZ(xs, { mean, variance: sd ** 2, fourthCentral: 3 * sd ** 4 });
    expect(Math.abs(z.mean)).toBeLessThan(Z_MAX);
    expect(Math.abs(z.variance)).toBeLessThan(Z_MAX);
  });

  it('passes Kolmogorov–Smirnov against Φ((x - mean)/sd) at alpha = 0.001', () => {
    const xs = draw(normal(createStream(32, 0, 'normal'), mean, sd));
    expect(ksStatistic(xs, (x) => normalCdf((x - mean) / sd))).toBeLessThan(ksCritical(N));
  });

  it('has uncorrelated consecutive draws, though the polar method makes them in pairs', () => {
    const xs = draw(normal(createStream(33, 0, 'normal'), 0, 1));
    let sum = 0;
    for (let i = 0; i + 1 < xs.length; i += 2) sum += (xs[i] as number) * (xs[i + 1] as number);
    const pairs = Math.floor(xs.length / 2);
    // Each product of independent N(0,1) has mean 0 and variance 1.
    expect(Math.abs(sum / Math.sqrt(pairs))).toBeLessThan(Z_MAX);
  });
});
