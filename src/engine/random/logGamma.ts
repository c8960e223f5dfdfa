/**
 * Natural log of the gamma function for x > 0, by the Lanczos approximation
 * with g = 7 and 9 coefficients (C. Lanczos, SIAM J. Numer. Anal. B1, 1964;
 * coefficients of P. Godfrey, as listed in Wikipedia's "Lanczos approximation"),
 * relative error ~1e-15; for 0 < x < 0.5 through the reflection formula
 * Γ(x)Γ(1-x) = π / sin(πx). Used by the Poisson sampler (PTRS) and the
 * incomplete gamma function. Returns NaN for x <= 0 or NaN.
 *
 * @example logGamma(5) // ln(4!) = ln 24 ≈ 3.1780538303479458
 */
const G = 7;
const C = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
] as const;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = C[0];
  for (let i = 1; i < C.length; i++) a += (C[i] ?? 0) / (y + i);
  const t = y + G + 0.5;
  return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(a);
}
