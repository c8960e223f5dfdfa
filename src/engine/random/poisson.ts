import { regularizedGammaQ } from './incompleteGamma.js';
import { logGamma } from './logGamma.js';
import type { Sampler } from './sampler.js';
import type { Uniform } from './stream.js';
import { nonNegative } from './validate.js';

/** Below this mean, inversion; at or above it, PTRS (numpy uses the same cut-over). */
const PTRS_MIN_MEAN = 10;

/**
 * Poisson distribution with the given mean (>= 0; mean 0 always gives 0).
 * Both methods are exact (up to floating point); neither approximates by a
 * normal.
 *
 * - mean < 10: inversion by sequential search (L. Devroye, Non-Uniform Random
 *   Variate Generation, 1986, ch. X on the Poisson): one uniform, ~mean + 1
 *   steps.
 * - mean >= 10: PTRS, transformed rejection with squeeze (W. Hörmann, "The
 *   transformed rejection method for generating Poisson random variables",
 *   Insurance: Mathematics and Economics 12, 1993), as in numpy's
 *   random_poisson_ptrs: two uniforms per trial, a bounded expected number of
 *   trials for every mean >= 10, so constant expected time (~40 ns measured).
 */
export function poisson(rng: Uniform, mean: number): Sampler {
  const lambda = nonNegative('poisson', 'mean', mean);
  return lambda < PTRS_MIN_MEAN ? inversion(rng, lambda) : ptrs(rng, lambda);
}

/**
 * The Poisson quantile of one uniform: the smallest k with P(X ≤ k) > u, for u in [0, 1) — exact
 * inversion (Devroye 1986, ch. X) at every mean, so it is monotone in u and, for a fixed u,
 * non-decreasing in the mean. That is what common random numbers need where two systems draw a
 * count from means that differ a little (word of mouth, model/customers.ts): with one uniform for
 * both, the two counts differ by about the difference of the means, not by two independent
 * Poisson spreads — a rejection method such as PTRS would break the pairing.
 *
 * Below a mean of 30 the search runs up from 0; above, it starts at the mode m = ⌊λ⌋ with
 * P(X ≤ m) = Q(m + 1, λ) (the regularized upper incomplete gamma, incompleteGamma.ts) and the pmf
 * e^(−λ + m ln λ − ln m!), and walks down or up — about |u − ½|-quantile · √λ steps.
 */
export function poissonQuantile(u: number, mean: number): number {
  const lambda = nonNegative('poissonQuantile', 'mean', mean);
  if (lambda === 0) return 0;
  if (lambda < QUANTILE_MODE_MIN_MEAN) {
    const p0 = Math.exp(-lambda);
    return walkUp(u, lambda, 0, p0, p0);
  }
  let k = Math.floor(lambda);
  let p = Math.exp(-lambda + k * Math.log(lambda) - logGamma(k + 1));
  let cdf = regularizedGammaQ(k + 1, lambda);
  if (u < cdf) {
    // Down: P(X ≤ k − 1) = P(X ≤ k) − p(k), p(k − 1) = p(k)·k/λ.
    for (;;) {
      const below = cdf - p;
      if (k === 0 || u >= below || !(below > 0)) return k;
      cdf = below;
      p *= k / lambda;
      k -= 1;
    }
  }
  return walkUp(u, lambda, k, p, cdf);
}

/**
 * The Poisson(λ) quantile of u found upward from k, where p = P(X = k) and cdf = P(X ≤ k): the
 * first k with u < P(X ≤ k). Stops too when the pmf has underflowed (u within 1e-300 of 1).
 */
function walkUp(u: number, lambda: number, k: number, p: number, cdf: number): number {
  while (u >= cdf && p > 0) {
    k += 1;
    p *= lambda / k;
    cdf += p;
  }
  return k;
}

/** Where poissonQuantile stops searching from 0 and starts from the mode. */
const QUANTILE_MODE_MIN_MEAN = 30;

function inversion(rng: Uniform, lambda: number): Sampler {
  const p0 = Math.exp(-lambda);
  // cdf reaches 1 − O(1e-16) while u ≤ 1 − 2^-32, so the walk ends.
  return () => walkUp(rng(), lambda, 0, p0, p0);
}

function ptrs(rng: Uniform, lambda: number): Sampler {
  const logLambda = Math.log(lambda);
  const b = 0.931 + 2.53 * Math.sqrt(lambda);
  const a = -0.059 + 0.02483 * b;
  const logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
  const vr = 0.9277 - 3.6224 / (b - 2);
  return () => {
    for (;;) {
      const u = rng() - 0.5;
      const v = rng();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      const lhs = Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b);
      if (lhs <= -lambda + k * logLambda - logGamma(k + 1)) return k;
    }
  };
}
