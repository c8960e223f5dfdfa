import type { Sampler } from './sampler.js';
import { finite } from './validate.js';

/**
 * A point mass: every draw returns `value`. Takes no stream, since it draws no
 * randomness; `sampler()` in fromSpec.ts hides the difference.
 */
export function constant(value: number): Sampler {
  const v = finite('constant', 'value', value);
  return () => v;
}
