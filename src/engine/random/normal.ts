import type { Sampler } from './sampler.js';
import type { Uniform } from './stream.js';
import { finite, positive } from './validate.js';

/**
 * Standard normal deviates by Marsaglia's polar method (G. Marsaglia and
 * T. A. Bray, "A convenient method for generating normal variables", SIAM
 * Review 6(3), 1964): draw (x, y) uniform in the square until 0 < s = x²+y² < 1
 * (probability π/4), then x·f and y·f with f = sqrt(-2 ln s / s) are two
 * independent N(0, 1) values. The second is cached for the next call, so a
 * draw costs on average 4/π uniforms and one log+sqrt per two values, and no
 * trigonometry (unlike Box–Muller). d3-random's randomNormal does the same.
 *
 * `memoryless`: drop the second value instead of caching it, so that every draw depends only on
 * the uniforms it reads — what a keyed stream needs (philox.ts `at`: the same counter must give
 * the same value whatever was drawn before). It costs twice the uniforms and logs.
 */
export function standardNormal(rng: Uniform, memoryless = false): Sampler {
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let x: number;
    let y: number;
    let s: number;
    do {
      x = 2 * rng() - 1;
      y = 2 * rng() - 1;
      s = x * x + y * y;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = y * f;
    hasSpare = !memoryless;
    return x * f;
  };
}

/** Normal distribution N(mean, sd²); see `standardNormal` for the method. */
export function normal(rng: Uniform, mean: number, sd: number): Sampler {
  const m = finite('normal', 'mean', mean);
  const s = positive('normal', 'sd', sd);
  const z = standardNormal(rng);
  return () => m + s * z();
}
