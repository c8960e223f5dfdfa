import { describe, expect, it } from 'vitest';
import { distCdf, type DistSpec } from '../../../src/engine/random/fromSpec.js';
import { keyedSampler } from '../../../src/engine/random/keyed.js';
import { philoxKey, philoxStream } from '../../../src/engine/random/philox.js';
import { ksCritical, ksStatistic, momentZ, N, Z_MAX } from './stats.js';

const SPECS: DistSpec[] = [
  { dist: 'exponential', mean: 300 },
  { dist: 'lognormal', mean: 300, cv: 0.8 },
  { dist: 'gamma', mean: 300, cv: 0.5 },
  { dist: 'gamma', mean: 300, cv: 2 },
];

/** N draws at counters (i, 0, 7), i = 0 … N − 1. */
function drawKeyed(spec: DistSpec, seed: number): Float64Array {
  const s = keyedSampler(spec, philoxStream(philoxKey(seed, 0, 'keyed-test')));
  return Float64Array.from({ length: N }, (_, i) => s(i, 0, 7));
}

describe('keyedSampler', () => {
  it.each(SPECS)('gives the same value for the same counter whatever was drawn before ($dist)', (spec) => {
    const stream = philoxStream(philoxKey(5, 1, 'keyed-test'));
    const a = keyedSampler(spec, stream);
    const other = keyedSampler({ dist: 'lognormal', mean: 10, cv: 1 }, stream);
    const first = [a(3, 1, 2), a(4, 0, 2), a(3, 2, 2)];
    // Interleave other draws on the same stream and other counters, then ask again in another order.
    for (let i = 0; i < 101; i++) other(i, 9, 9);
    expect([a(3, 2, 2), a(3, 1, 2), a(4, 0, 2)]).toEqual([first[2], first[0], first[1]]);
    // A fresh sampler on a fresh stream of the same key agrees too.
    const b = keyedSampler(spec, philoxStream(philoxKey(5, 1, 'keyed-test')));
    expect(b(4, 0, 2)).toBe(first[1]);
  });

  it.each(SPECS)('draws the distribution of its spec across counters: KS at alpha = 0.001 ($dist, cv $cv)', (spec) => {
    const xs = drawKeyed(spec, 11);
    expect(ksStatistic(xs, (x) => distCdf(spec, x))).toBeLessThan(ksCritical(N));
  });

  it('has the lognormal mean and variance within 5 standard errors (memoryless polar normals)', () => {
    const spec: DistSpec = { dist: 'lognormal', mean: 1, cv: 0.5 };
    const xs = drawKeyed(spec, 12);
    // Lognormal with σ² = ln(1 + cv²): E[(X − m)⁴] = m⁴·(w⁴ + 2w³ + 3w² − 3)·(w − 1)², w = e^{σ²} = 1 + cv²
    // (Johnson, Kotz and Balakrishnan, vol. 1, ch. 14: the kurtosis w⁴ + 2w³ + 3w² − 3 times the variance²).
    const w = 1 + 0.25;
    const variance = w - 1;
    const z = momentZ(xs, { mean: 1, variance, fourthCentral: (w ** 4 + 2 * w ** 3 + 3 * w ** 2 - 3) * variance ** 2 });
    expect(Math.abs(z.mean)).toBeLessThan(Z_MAX);
    expect(Math.abs(z.variance)).toBeLessThan(Z_MAX);
  });

  it('draws independently at neighbouring counters: lag-one correlation of exponentials within 5 standard errors of 0', () => {
    const xs = drawKeyed({ dist: 'exponential', mean: 1 }, 13);
    let sum = 0;
    for (let i = 0; i + 1 < xs.length; i++) sum += (xs[i]! - 1) * (xs[i + 1]! - 1);
    // Each product of independent centred unit exponentials has mean 0 and variance 1; the
    // overlapping products are 1-dependent, so the variance of the sum is at most 3n (bound used).
    expect(Math.abs(sum) / Math.sqrt(3 * (xs.length - 1))).toBeLessThan(Z_MAX);
  });
});
