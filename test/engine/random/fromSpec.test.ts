import { describe, expect, it } from 'vitest';
import { exponential } from '../../../src/engine/random/exponential.js';
import { distCdf, distMean, distVariance, sampler, type DistSpec } from '../../../src/engine/random/fromSpec.js';
import { gamma } from '../../../src/engine/random/gamma.js';
import { lognormal } from '../../../src/engine/random/lognormal.js';
import { createStream } from '../../../src/engine/random/stream.js';
import { draw, ksCritical, ksStatistic, N, Z_MAX } from './stats.js';

const specs: DistSpec[] = [
  { dist: 'exponential', mean: 180 },
  { dist: 'lognormal', mean: 300, cv: 0.8 },
  { dist: 'gamma', mean: 240, cv: 0.5 },
  { dist: 'gamma', mean: 240, cv: 1.5 },
];

describe.each(specs)('sampler for %j', (spec) => {
  it('agrees with distMean (5 standard errors from distVariance) and distCdf (KS at alpha = 0.001)', () => {
    const xs = draw(sampler(spec, createStream(91, 0, JSON.stringify(spec))));
    let sum = 0;
    for (const x of xs) sum += x;
    expect(Math.abs((sum / N - distMean(spec)) / Math.sqrt(distVariance(spec) / N))).toBeLessThan(Z_MAX);
    expect(ksStatistic(xs, (x) => distCdf(spec, x))).toBeLessThan(ksCritical(N));
  });
});

describe('sampler', () => {
  it('draws exactly what the direct factory draws from the same stream', () => {
    const pairs: Array<[DistSpec, (rng: () => number) => () => number]> = [
      [{ dist: 'exponential', mean: 5 }, (rng) => exponential(rng, 5)],
      [{ dist: 'lognormal', mean: 5, cv: 2 }, (rng) => lognormal(rng, 5, 2)],
      [{ dist: 'gamma', mean: 5, cv: 0.7 }, (rng) => gamma(rng, 5, 0.7)],
    ];
    for (const [spec, direct] of pairs) {
      const a = sampler(spec, createStream(92, 1, 's'));
      const b = direct(createStream(92, 1, 's'));
      for (let i = 0; i < 100; i++) expect(a()).toBe(b());
    }
  });

  it('returns the mean every time for a constant spec', () => {
    const sample = sampler({ dist: 'constant', mean: 30 }, createStream(93, 0, 'c'));
    expect([sample(), sample(), sample()]).toEqual([30, 30, 30]);
  });

  it('rejects an unknown distribution name coming from untyped input', () => {
    const bad = { dist: 'weibull', mean: 1 } as unknown as DistSpec;
    expect(() => sampler(bad, createStream(93, 0, 'c'))).toThrow(RangeError);
    expect(() => distVariance(bad)).toThrow('unknown distribution "weibull"');
  });
});

describe('distMean, distVariance and distCdf', () => {
  it('give mean², 0 and (cv·mean)² as variances', () => {
    expect(distVariance({ dist: 'exponential', mean: 3 })).toBe(9);
    expect(distVariance({ dist: 'constant', mean: 3 })).toBe(0);
    expect(distVariance({ dist: 'lognormal', mean: 3, cv: 2 })).toBe(36);
    expect(distVariance({ dist: 'gamma', mean: 3, cv: 0.5 })).toBe(2.25);
    expect(distMean({ dist: 'gamma', mean: 3, cv: 0.5 })).toBe(3);
  });

  it('give a step at the mean for a constant', () => {
    const spec: DistSpec = { dist: 'constant', mean: 10 };
    expect([distCdf(spec, 9.999), distCdf(spec, 10), distCdf(spec, 11)]).toEqual([0, 1, 1]);
  });

  it('give textbook values: exponential median at mean·ln2, lognormal median at exp(mu), gamma cv=1 as exponential', () => {
    expect(distCdf({ dist: 'exponential', mean: 7 }, 7 * Math.LN2)).toBeCloseTo(0.5, 14);
    // Lognormal median = exp(mu) = mean / sqrt(1 + cv²).
    expect(distCdf({ dist: 'lognormal', mean: 10, cv: 1 }, 10 / Math.SQRT2)).toBeCloseTo(0.5, 14);
    expect(distCdf({ dist: 'gamma', mean: 7, cv: 1 }, 3)).toBeCloseTo(-Math.expm1(-3 / 7), 14);
  });

  it('are 0 at and below zero for the positive distributions', () => {
    for (const spec of specs) {
      expect(distCdf(spec, 0)).toBe(0);
      expect(distCdf(spec, -1)).toBe(0);
    }
  });
});
