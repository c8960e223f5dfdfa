import { constant } from './constant.js';
import { exponential } from './exponential.js';
import { gamma } from './gamma.js';
import { regularizedGammaP } from './incompleteGamma.js';
import { lognormal, lognormalParams } from './lognormal.js';
import { normalCdf } from './normalCdf.js';
import type { Sampler } from './sampler.js';
import type { Uniform } from './stream.js';

export type { Sampler } from './sampler.js';

/**
 * A duration distribution as scenarios write it: always by its mean, plus a
 * coefficient of variation (cv = sd / mean) where the family has one.
 */
export type DistSpec =
  | { dist: 'exponential'; mean: number }
  | { dist: 'constant'; mean: number }
  | { dist: 'lognormal'; mean: number; cv: number }
  | { dist: 'gamma'; mean: number; cv: number };

/**
 * Builds the sampler a spec describes; validation happens here, once. `memoryless`: no value is
 * carried from one draw to the next (normal.ts), so a draw is a function of the uniforms it reads
 * alone — for keyed streams (keyed.ts).
 */
export function sampler(spec: DistSpec, rng: Uniform, memoryless = false): Sampler {
  switch (spec.dist) {
    case 'exponential':
      return exponential(rng, spec.mean);
    case 'constant':
      return constant(spec.mean);
    case 'lognormal':
      return lognormal(rng, spec.mean, spec.cv, memoryless);
    case 'gamma':
      return gamma(rng, spec.mean, spec.cv, memoryless);
    default:
      return unknown(spec);
  }
}

/** E[X]: every spec is written by its mean. */
export function distMean(spec: DistSpec): number {
  return spec.mean;
}

/** Var[X]: mean² (exponential), 0 (constant), (cv·mean)² (lognormal, gamma). */
export function distVariance(spec: DistSpec): number {
  switch (spec.dist) {
    case 'exponential':
      return spec.mean * spec.mean;
    case 'constant':
      return 0;
    case 'lognormal':
    case 'gamma':
      return (spec.cv * spec.mean) ** 2;
    default:
      return unknown(spec);
  }
}

/**
 * P(X <= x). Exponential: 1 - e^(-x/mean); constant: a step at the mean;
 * lognormal: Φ((ln x - mu)/sigma); gamma: P(k, x/θ) with k = 1/cv², θ = mean·cv²
 * (regularized incomplete gamma, incompleteGamma.ts). Parameters are not
 * validated here: build a sampler first if they come from a user.
 */
export function distCdf(spec: DistSpec, x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  switch (spec.dist) {
    case 'exponential':
      return x <= 0 ? 0 : -Math.expm1(-x / spec.mean);
    case 'constant':
      return x >= spec.mean ? 1 : 0;
    case 'lognormal': {
      if (x <= 0) return 0;
      const { mu, sigma } = lognormalParams(spec.mean, spec.cv);
      return normalCdf((Math.log(x) - mu) / sigma);
    }
    case 'gamma': {
      if (x <= 0) return 0;
      const cv2 = spec.cv * spec.cv;
      return regularizedGammaP(1 / cv2, x / (spec.mean * cv2));
    }
    default:
      return unknown(spec);
  }
}

function unknown(spec: never): never {
  throw new RangeError(`unknown distribution ${JSON.stringify((spec as { dist?: unknown }).dist)}`);
}
