import type { Sampler } from './sampler.js';
import type { Uniform } from './stream.js';
import { probability } from './validate.js';

/**
 * Bernoulli trial: 1 with probability p, else 0 (numbers, so samplers compose).
 * U < p with U in [0, 1) gives exactly 0 for p = 0 and exactly 1 for p = 1.
 */
export function bernoulli(rng: Uniform, p: number): Sampler {
  const q = probability('bernoulli', 'p', p);
  return () => (rng() < q ? 1 : 0);
}
