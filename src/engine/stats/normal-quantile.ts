/**
 * Standard normal quantile Φ⁻¹(p), by bisection on the normal CDF (engine/random/normalCdf.ts)
 * to 1e-12: slower than Acklam's rational approximation, but exact to the CDF's own accuracy,
 * and ccsim needs only a few dozen quantiles per fit (bin edges of a goodness-of-fit test).
 *
 * Example: normalQuantile(0.975) ≈ 1.959964 (R: qnorm(0.975)).
 */
import { normalCdf } from '../random/normalCdf.js';

export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = 0.5 * (lo + hi);
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
