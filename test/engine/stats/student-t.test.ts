import { describe, expect, it } from 'vitest';
import { tCdf, tQuantile, incompleteBeta } from '../../../src/engine/stats/student-t.js';

describe('tQuantile', () => {
  // Two-sided 95% critical values t(0.975, df) from the standard t table
  // (NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.2), printed to 3 decimals.
  const table: [number, number][] = [[1, 12.706], [2, 4.303], [3, 3.182], [4, 2.776], [5, 2.571], [9, 2.262], [10, 2.228], [19, 2.093], [29, 2.045], [30, 2.042], [100, 1.984]];
  it.each(table)('gives t(0.975, %i) = %f as in the published table', (df, expected) => {
    expect(tQuantile(0.975, df)).toBeCloseTo(expected, 3);
  });

  it('tends to the normal quantile 1.959964 for large df', () => {
    expect(tQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
  });

  it('is the inverse of the CDF and symmetric', () => {
    for (const df of [1, 3, 7, 40]) {
      for (const p of [0.6, 0.9, 0.995]) {
        expect(tCdf(tQuantile(p, df), df)).toBeCloseTo(p, 10);
        expect(tQuantile(1 - p, df)).toBeCloseTo(-tQuantile(p, df), 9);
      }
    }
  });

  it('refuses p outside (0, 1) and df below 1', () => {
    expect(() => tQuantile(1, 5)).toThrow(RangeError);
    expect(() => tQuantile(0.5, 0)).toThrow(RangeError);
  });
});

describe('incompleteBeta', () => {
  it('matches closed forms: I_x(1, b) = 1 − (1 − x)^b and I_x(a, 1) = x^a', () => {
    expect(incompleteBeta(0.3, 1, 4)).toBeCloseTo(1 - 0.7 ** 4, 13);
    expect(incompleteBeta(0.3, 2.5, 1)).toBeCloseTo(0.3 ** 2.5, 13);
  });
});
