/**
 * Wilson's score interval for a binomial proportion (E. B. Wilson, JASA 22, 1927): the 95%
 * interval recommended over the Wald interval by Brown, Cai & DasGupta (Statistical Science 16,
 * 2001), good even for proportions near 0 or 1 and small counts.
 */
import { Z95 } from '../engine/stats/chi-square.js';

export function wilsonCi95(successes: number, trials: number): [number, number] {
  if (trials === 0) return [0, 1];
  const p = successes / trials;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / (1 + z2 / trials);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
