import { describe, expect, it } from 'vitest';
import { discrete } from '../../../src/engine/random/discrete.js';
import { createStream } from '../../../src/engine/random/stream.js';
import { chiSquare, chiSquareCritical, countOutcomes, draw, momentZ, N, Z_MAX } from './stats.js';

/** Exact mean, variance and fourth central moment of the index, from the weights. */
function theory(weights: readonly number[]): { mean: number; variance: number; fourthCentral: number } {
  const total = weights.reduce((a, b) => a + b, 0);
  const p = weights.map((w) => w / total);
  const mean = p.reduce((s, pi, i) => s + pi * i, 0);
  const variance = p.reduce((s, pi, i) => s + pi * (i - mean) ** 2, 0);
  const fourthCentral = p.reduce((s, pi, i) => s + pi * (i - mean) ** 4, 0);
  return { mean, variance, fourthCentral };
}

const cases: ReadonlyArray<readonly number[]> = [
  [1, 0, 3, 6, 0.5],
  [1, 1, 1, 1],
  [0.001, 5, 0, 2, 9, 0.2, 40, 3, 3, 1e-3],
];

describe.each(cases)('discrete with weights %j', (...weights) => {
  const total = weights.reduce((a, b) => a + b, 0);

  it('draws each index with probability weight/total (chi-square at alpha = 0.001)', () => {
    const xs = draw(discrete(createStream(81, 0, `discrete/${weights.join(',')}`), weights));
    const { counts, outside } = countOutcomes(xs, weights.length);
    expect(outside).toBe(0);
    // Zero weights are left out of the test cells: they must simply never occur.
    const live = weights.map((_, i) => i).filter((i) => (weights[i] as number) > 0);
    const { statistic, df } = chiSquare(live.map((i) => counts[i] ?? 0), live.map((i) => (weights[i] as number) / total), N);
    expect(statistic).toBeLessThan(chiSquareCritical(df));
    for (let i = 0; i < weights.length; i++) if (weights[i] === 0) expect(counts[i]).toBe(0);
  });

  it('has the mean and variance of the index within 5 standard errors', () => {
    const xs = draw(discrete(createStream(82, 0, `discrete/${weights.join(',')}`), weights));
    const z = momentZ(xs, theory(weights));
    expect(Math.abs(z.mean)).toBeLessThan(Z_MAX);
    expect(Math.abs(z.variance)).toBeLessThan(Z_MAX);
  });
});

describe('discrete', () => {
  it('always returns 0 for a single weight', () => {
    expect(Array.from(draw(discrete(createStream(83, 0, 'd'), [2.5]), 1000)).every((i) => i === 0)).toBe(true);
  });

  it('returns a valid index at both ends of the uniform', () => {
    for (const u of [0, 1 - 2 ** -32]) {
      const i = discrete(() => u, [1, 0, 3, 6, 0.5])();
      expect(Number.isInteger(i) && i >= 0 && i < 5).toBe(true);
    }
  });

  it('does not keep a reference to the caller’s weights', () => {
    const weights = [1, 1];
    const sample = discrete(createStream(84, 0, 'd'), weights);
    weights[0] = 0;
    const xs = draw(sample, 10_000);
    expect(xs.some((i) => i === 0)).toBe(true);
  });
});
