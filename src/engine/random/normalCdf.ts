import { regularizedGammaP, regularizedGammaQ } from './incompleteGamma.js';

/**
 * Standard normal CDF Φ(z) = (1 + erf(z/√2))/2, with erf(t) = P(1/2, t²)
 * (Numerical Recipes, 3rd ed., §6.2), so it shares the tested incomplete gamma
 * code. For z < 0 it uses Φ(z) = Q(1/2, z²/2)/2 directly, which keeps relative
 * accuracy far into the lower tail instead of computing 1 - (almost 1).
 *
 * @example normalCdf(-1) // 0.15865525393145707 (R: pnorm(-1))
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const h = (z * z) / 2;
  return z >= 0 ? 0.5 + 0.5 * regularizedGammaP(0.5, h) : 0.5 * regularizedGammaQ(0.5, h);
}
