import { sampler, type DistSpec } from './fromSpec.js';
import type { PhiloxStream } from './philox.js';

/**
 * A sampler whose draw is a pure function of a counter (c0, c1, c2): the same counter gives the
 * same value whatever was drawn before, in whatever order — keyed draws for common random numbers
 * (model/draws.ts keys them by issue, attempt and purpose).
 */
export type KeyedSampler = (c0: number, c1: number, c2: number) => number;

/**
 * The sampler of `spec` over a Philox stream (philox.ts): each draw moves the stream to its
 * counter, then draws from a memoryless sampler (fromSpec.ts), which reads as many uniforms as it
 * needs from that counter's blocks and keeps nothing for the next draw. Several keyed samplers
 * may share one stream: every draw starts with `at`.
 *
 * @example
 * const handle = keyedSampler({ dist: 'lognormal', mean: 300, cv: 0.8 }, philoxStream(philoxKey(1, 0, 'issue')));
 * handle(issue, attempt, PURPOSE) // the same value under every policy
 */
export function keyedSampler(spec: DistSpec, stream: PhiloxStream): KeyedSampler {
  const draw = sampler(spec, stream, true);
  return (c0, c1, c2) => {
    stream.at(c0, c1, c2);
    return draw();
  };
}
