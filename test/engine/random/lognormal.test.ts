import { describe, expect, it } from 'vitest';
import { lognormal, lognormalParams } from '../../../src/engine/random/lognormal.js';
import { normalCdf } from '../../../src/engine/random/normalCdf.js';
import { createStream } from '../../../src/engine/random/stream.js';
import { draw, ksCritical, ksStatistic, momentZ, N, Z_MAX } from './stats.js';

const mean = 300;

/** Lognormal with sigma² = s2: kurtosis e^{4s2} + 2e^{3s2} + 3e^{2s2} - 3 (Johnson, Kotz & Balakrishnan, ch. 14). */
function fourthCentral(cv: number): number {
  const s2 = Math.log1p(cv * cv);
  const kurtosis = Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 3;
  return kurtosis * (cv * mean) ** 4;
}

describe('lognormal', () => {
  it('maps (mean, cv) to mu and sigma with exp(mu + sigma²/2) = mean and exp(sigma²) - 1 = cv²', () => {
    const { mu, sigma } = lognormalParams(mean, 0.8);
    expect(Math.exp(mu + sigma ** 2 / 2)).toBeCloseTo(mean, 10);
    expect(Math.expm1(sigma ** 2)).toBeCloseTo(0.64, 14);
  });

  it('has the given mean and variance (cv·mean)² within 5 standard errors over 200k draws, cv = 0.8', () => {
    const cv = 0.8;
    const xs = draw(lognormal(createStream(41, 0, 'lognormal'), mean, cv));
    const z = momentZ(xs, { mean, variance: (cv * mean) ** 2, fourthCentral: fourthCentral(cv) });
    expect(Math.abs(z.mean)).toBeLessThan(Z_MAX);
    expect(Math.abs(z.variance)).toBeLessThan(Z_MAX);
  });

  it('has the given mean at cv = 2 (its sample variance, kurtosis ~950, is too erratic to test)', () => {
    const cv = 2;
    const xs = draw(lognormal(createStream(42, 0, 'lognormal'), mean, cv));
    const z = momentZ(xs, { mean, variance: (cv * mean) ** 2, fourthCentral: fourthCentral(cv) });
    expect(Math.abs(z.mean)).toBeLessThan(Z_MAX);
  });

  for (const cv of [0.3, 0.8, 2]) {
    it(`passes Kolmogorov–Smirnov against Φ((ln x - mu)/sigma) at alpha = 0.001, cv = ${cv}`, () => {
      const { mu, sigma } = lognormalParams(mean, cv);
      const xs = draw(lognormal(createStream(43, 0, `lognormal/${cv}`), mean, cv));
      expect(ksStatistic(xs, (x) => (x > 0 ? normalCdf((Math.log(x) - mu) / sigma) : 0))).toBeLessThan(ksCritical(N));
    });
  }
});
