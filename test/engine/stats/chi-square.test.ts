import { describe, expect, it } from 'vitest';
import { chiSquareCdf, chiSquareQuantile, chiSquareSurvival, Z95 } from '../../../src/engine/stats/chi-square.js';
import { normalQuantile } from '../../../src/engine/stats/normal-quantile.js';

describe('chi-square distribution', () => {
  it('gives the quantiles of the printed chi-square table (Abramowitz & Stegun table 26.8; R qchisq)', () => {
    // R: qchisq(c(0.025, 0.975), 10) = 3.246973 20.483177; qchisq(0.95, 1) = 3.841459; qchisq(0.99, 30) = 50.892181
    expect(chiSquareQuantile(0.025, 10)).toBeCloseTo(3.246973, 5);
    expect(chiSquareQuantile(0.975, 10)).toBeCloseTo(20.483177, 5);
    expect(chiSquareQuantile(0.95, 1)).toBeCloseTo(3.841459, 5);
    expect(chiSquareQuantile(0.99, 30)).toBeCloseTo(50.892181, 5);
  });

  it('has CDF and survival that add up to 1 and invert the quantile', () => {
    for (const df of [1, 2, 7.5, 40, 2000]) {
      for (const p of [0.001, 0.3, 0.975]) {
        const x = chiSquareQuantile(p, df);
        expect(chiSquareCdf(x, df)).toBeCloseTo(p, 10);
        expect(chiSquareCdf(x, df) + chiSquareSurvival(x, df)).toBeCloseTo(1, 12);
      }
    }
  });

  it('matches the exponential law for 2 degrees of freedom: P(X ≤ x) = 1 − e^{−x/2}', () => {
    for (const x of [0.1, 1, 5, 20]) expect(chiSquareCdf(x, 2)).toBeCloseTo(-Math.expm1(-x / 2), 13);
  });
});

describe('normal quantile', () => {
  it('inverts the normal CDF (R qnorm: 0.975 → 1.959964, 0.5 → 0, 0.001 → −3.090232)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(Z95, 9);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 10);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 6);
  });
});
