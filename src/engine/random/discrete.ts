import type { Sampler } from './sampler.js';
import type { Uniform } from './stream.js';
import { message } from './validate.js';

/**
 * Draws an index i with probability weights[i] / Σ weights, by Walker's alias
 * method in Vose's numerically stable construction (M. D. Vose, "A linear
 * algorithm for generating random numbers with a given distribution", IEEE
 * TSE 17(9), 1991): O(n) to build, O(1) per draw, two uniforms per draw (one
 * picks a column, one flips its biased coin), so no precision of the 32-bit
 * uniform is shared between the two choices. Zero weights are never drawn.
 * Weights must be finite, >= 0, with a positive sum; they need not sum to 1.
 */
export function discrete(rng: Uniform, weights: readonly number[]): Sampler {
  const n = weights.length;
  let total = 0;
  let heaviest = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    if (!(Number.isFinite(w) && w >= 0)) throw new RangeError(message.weights('discrete'));
    total += w;
    if (w > (weights[heaviest] as number)) heaviest = i;
  }
  if (!(n > 0 && total > 0 && Number.isFinite(total))) throw new RangeError(message.weights('discrete'));
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = new Float64Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = ((weights[i] as number) * n) / total;
    scaled[i] = s;
    (s < 1 ? small : large).push(i);
  }
  while (small.length > 0 && large.length > 0) {
    const s = small.pop() as number;
    const l = large.pop() as number;
    prob[s] = scaled[s] as number;
    alias[s] = l;
    const rest = (scaled[l] as number) + (scaled[s] as number) - 1;
    scaled[l] = rest;
    (rest < 1 ? small : large).push(l);
  }
  // Whatever remains is 1 up to rounding (Vose, §4): its column keeps itself,
  // except that a zero weight left over by rounding still must never be drawn.
  for (const i of [...small, ...large]) {
    const zero = weights[i] === 0;
    prob[i] = zero ? 0 : 1;
    alias[i] = zero ? heaviest : i;
  }
  return () => {
    const i = Math.floor(rng() * n);
    return rng() < (prob[i] as number) ? i : (alias[i] as number);
  };
}
