/**
 * Chi-square distribution: CDF and quantile, for confidence intervals of variances and of
 * exponential means, and for goodness-of-fit tests.
 *
 * CDF: P(X ≤ x) = P(ν/2, x/2), the regularized lower incomplete gamma function (Abramowitz &
 * Stegun 26.4.19), from engine/random/incompleteGamma.ts. The quantile inverts it by bisection
 * on [0, hi] to a relative 1e-12 (monotone, so bisection cannot fail).
 *
 * Example: chiSquareQuantile(0.975, 10) ≈ 20.4832 (the χ² table of every statistics text).
 */
import { regularizedGammaP, regularizedGammaQ } from '../random/incompleteGamma.js';

/** P(X ≤ x) for a chi-square variable with `df` > 0 degrees of freedom. */
export function chiSquareCdf(x: number, df: number): number {
  return x <= 0 ? 0 : regularizedGammaP(df / 2, x / 2);
}

/** P(X > x), with full relative accuracy in the upper tail (a goodness-of-fit p-value). */
export function chiSquareSurvival(x: number, df: number): number {
  return x <= 0 ? 1 : regularizedGammaQ(df / 2, x / 2);
}

/** The p-quantile of the chi-square distribution with `df` > 0 degrees of freedom, 0 < p < 1. */
export function chiSquareQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`chiSquareQuantile: p must be in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`chiSquareQuantile: df must be > 0, got ${df}`);
  let lo = 0;
  let hi = Math.max(1, df);
  while (chiSquareCdf(hi, df) < p) hi *= 2;
  while (hi - lo > 1e-12 * Math.max(1e-300, hi)) {
    const mid = 0.5 * (lo + hi);
    if (chiSquareCdf(mid, df) < p) lo = mid;
    else hi = mid;
    if (mid === lo && mid === hi) break;
  }
  return 0.5 * (lo + hi);
}

/** z = Φ⁻¹(0.975), the two-sided 95% normal quantile, to double precision. */
export const Z95 = 1.959963984540054;
