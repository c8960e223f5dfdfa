import { logGamma } from './logGamma.js';

/**
 * Regularized incomplete gamma functions P(a, x) = γ(a, x)/Γ(a) and
 * Q(a, x) = 1 - P(a, x), for a > 0 and x >= 0: the gamma CDF (P(k, x/θ)), the
 * normal CDF (via erf(x) = P(1/2, x²)) and chi-square tail probabilities
 * (Q(df/2, x/2)). Method of W. H. Press et al., Numerical Recipes, 3rd ed.,
 * 2007, §6.2: the power series for x < a + 1, else the continued fraction
 * evaluated by the modified Lentz method; each returns whichever of P and Q it
 * computes directly, so small tails keep their relative accuracy (~1e-14).
 * Returns NaN for invalid arguments; throws if a series fails to converge
 * (it does not for a up to ~1e6, far beyond what ccsim uses).
 */
const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITER = 100_000;

export function regularizedGammaP(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return Number.NaN;
  if (x === 0) return 0;
  if (x === Infinity) return 1;
  return x < a + 1 ? series(a, x) : 1 - continuedFraction(a, x);
}

export function regularizedGammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return Number.NaN;
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  return x < a + 1 ? 1 - series(a, x) : continuedFraction(a, x);
}

/** e^-x x^a / Γ(a), the common prefactor, in log space to avoid overflow. */
function prefactor(a: number, x: number): number {
  return Math.exp(-x + a * Math.log(x) - logGamma(a));
}

/** P(a, x) = e^-x x^a / Γ(a+1) · Σ_n x^n / ((a+1)…(a+n)). */
function series(a: number, x: number): number {
  let ap = a;
  let term = 1 / a;
  let sum = term;
  for (let n = 0; n < MAX_ITER; n++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) return sum * prefactor(a, x);
  }
  throw new Error(`regularizedGammaP: series did not converge for a=${a}, x=${x}`);
}

/** Q(a, x) = e^-x x^a / Γ(a) · 1/(x+1-a- 1·(1-a)/(x+3-a- 2·(2-a)/(x+5-a- …))). */
function continuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) return prefactor(a, x) * h;
  }
  throw new Error(`regularizedGammaQ: continued fraction did not converge for a=${a}, x=${x}`);
}
