import type { Sampler } from './sampler.js';
import type { Uniform } from './stream.js';
import { positive } from './validate.js';

/**
 * Exponential distribution with the given mean (rate 1/mean), by inversion:
 * X = -mean · ln(1 - U). With U in [0, 1), 1 - U is in (0, 1], so the log is
 * finite and X is in [0, ~22.2·mean] (see stream.ts on 32-bit uniforms).
 *
 * Mean `mean`, variance `mean^2`, CDF 1 - exp(-x / mean).
 */
export function exponential(rng: Uniform, mean: number): Sampler {
  const m = positive('exponential', 'mean', mean);
  return () => -m * Math.log(1 - rng());
}
