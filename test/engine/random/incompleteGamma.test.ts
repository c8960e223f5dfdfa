import { describe, expect, it } from 'vitest';
import { regularizedGammaP, regularizedGammaQ } from '../../../src/engine/random/incompleteGamma.js';
import { chiSquareCritical } from './stats.js';

const xs = [0.01, 0.3, 1, 2.5, 7, 20, 60];

describe('regularizedGammaP and regularizedGammaQ', () => {
  it('match P(1, x) = 1 - e^-x, the exponential CDF', () => {
    for (const x of xs) expect(regularizedGammaP(1, x)).toBeCloseTo(-Math.expm1(-x), 14);
  });

  it('match the Poisson-sum identity Q(n, x) = e^-x Σ_{k<n} x^k/k! for integer n', () => {
    for (const n of [2, 3, 10, 40]) {
      for (const x of xs) {
        let term = Math.exp(-x);
        let sum = 0;
        for (let k = 0; k < n; k++) {
          sum += term;
          term *= x / (k + 1);
        }
        expect(regularizedGammaQ(n, x)).toBeCloseTo(sum, 13);
      }
    }
  });

  it('match erf through P(1/2, x²) = erf(x) (erf values from Abramowitz & Stegun table 7.1)', () => {
    expect(regularizedGammaP(0.5, 0.25)).toBeCloseTo(0.5204998778130465, 14); // erf(0.5)
    expect(regularizedGammaP(0.5, 1)).toBeCloseTo(0.8427007929497149, 14); // erf(1)
    expect(regularizedGammaP(0.5, 4)).toBeCloseTo(0.9953222650189527, 14); // erf(2)
  });

  it('keep relative accuracy deep in the upper tail: Q(1, 50) = e^-50', () => {
    expect(regularizedGammaQ(1, 50) / Math.exp(-50)).toBeCloseTo(1, 12);
  });

  it('sum to one, on both sides of the series / continued-fraction switch at x = a + 1', () => {
    for (const a of [0.25, 1, 4, 100, 2500]) {
      for (const x of [a * 0.5, a + 0.999, a + 1, a + 1.001, a * 2]) {
        expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 13);
      }
    }
  });

  it('handle the end points and reject invalid arguments with NaN', () => {
    expect(regularizedGammaP(3, 0)).toBe(0);
    expect(regularizedGammaQ(3, 0)).toBe(1);
    expect(regularizedGammaP(3, Infinity)).toBe(1);
    expect(regularizedGammaP(0, 1)).toBeNaN();
    expect(regularizedGammaP(1, -1)).toBeNaN();
  });

  it('reproduce the chi-square 0.999 quantiles of the NIST/SEMATECH e-Handbook table 1.3.6.7.4', () => {
    const table: Array<[number, number]> = [
      [1, 10.828], [2, 13.816], [5, 20.515], [10, 29.588], [20, 45.315], [50, 86.661], [100, 149.449],
    ];
    for (const [df, quantile] of table) expect(chiSquareCritical(df)).toBeCloseTo(quantile, 2);
  });
});
