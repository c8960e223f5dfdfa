import { standardNormal } from './normal.js';
import type { Sampler } from './sampler.js';
import type { Uniform } from './stream.js';
import { positive } from './validate.js';

/** The (mu, sigma) of the underlying normal for a lognormal with this mean and cv. */
export function lognormalParams(mean: number, cv: number): { mu: number; sigma: number } {
  const sigma2 = Math.log1p(cv * cv);
  return { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/**
 * Lognormal distribution parameterised by its mean and coefficient of variation
 * cv = sd / mean, as service times are usually reported: X = exp(mu + sigma·Z)
 * with sigma² = ln(1 + cv²) and mu = ln(mean) - sigma²/2, which gives
 * E[X] = exp(mu + sigma²/2) = mean and Var[X] = (exp(sigma²) - 1)·mean² =
 * (cv·mean)² (N. L. Johnson, S. Kotz, N. Balakrishnan, Continuous Univariate
 * Distributions vol. 1, 2nd ed., 1994, ch. 14). Z from `standardNormal` (`memoryless`: see there).
 */
export function lognormal(rng: Uniform, mean: number, cv: number, memoryless = false): Sampler {
  positive('lognormal', 'mean', mean);
  positive('lognormal', 'cv', cv);
  const { mu, sigma } = lognormalParams(mean, cv);
  const z = standardNormal(rng, memoryless);
  return () => Math.exp(mu + sigma * z());
}
