import type { Sampler } from './sampler.js';
import type { Uniform } from './stream.js';
import { finite, message } from './validate.js';

/**
 * Continuous uniform distribution on [min, max): min + (max - min) · U.
 * Floating-point rounding can return `max` itself when |min| is much larger
 * than max - min. Mean (min + max) / 2, variance (max - min)^2 / 12.
 */
export function uniform(rng: Uniform, min: number, max: number): Sampler {
  finite('uniform', 'min', min);
  finite('uniform', 'max', max);
  if (!(min < max)) throw new RangeError(message.ordered('uniform', min, max));
  const width = max - min;
  return () => min + width * rng();
}
