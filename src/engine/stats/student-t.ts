/**
 * Student's t distribution: CDF and quantile, for confidence intervals over replications.
 *
 * CDF via the regularized incomplete beta function,
 *   P(T ≤ t) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½)   for t ≥ 0,
 * (Abramowitz & Stegun 26.7.1), with I_x(a, b) from its continued fraction evaluated by the
 * modified Lentz method (Press et al., Numerical Recipes, 3rd ed., §6.4) and ln Γ from
 * engine/random/logGamma.ts (Lanczos).
 * The quantile inverts the CDF by bisection to 1e-12, cached per (p, ν).
 *
 * Example: tQuantile(0.975, 10) ≈ 2.228139 (the t table every statistics text prints).
 */
import { logGamma } from '../random/logGamma.js';

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** Regularized incomplete beta function I_x(a, b), 0 ≤ x ≤ 1. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(x, a, b)) / a
    : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

const quantileCache = new Map<string, number>();

/** The p-quantile of Student's t with `df` ≥ 1 degrees of freedom, 0 < p < 1. */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile: p must be in (0, 1), got ${p}`);
  if (!(df >= 1)) throw new RangeError(`tQuantile: df must be ≥ 1, got ${df}`);
  const key = `${p}/${df}`;
  const hit = quantileCache.get(key);
  if (hit !== undefined) return hit;
  if (p < 0.5) return -tQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (tCdf(hi, df) < p) hi *= 2;
  while (hi - lo > 1e-12 * Math.max(1, hi)) {
    const mid = 0.5 * (lo + hi);
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  const q = 0.5 * (lo + hi);
  quantileCache.set(key, q);
  return q;
}
