/**
 * The lognormal by maximum likelihood: for service times x₁…xₙ > 0, ln x ~ N(μ, σ²) and
 *
 *   μ̂ = mean of ln xᵢ,   σ̂² = (1/n) Σ (ln xᵢ − μ̂)²
 *
 * (Johnson, Kotz & Balakrishnan, "Continuous Univariate Distributions" vol. 1, 2nd ed., 1994,
 * §14.5). Brown et al. (JASA 100, 2005, §5) found bank service times close to lognormal.
 * Intervals (95%), exact under the model: μ by Student t, μ̂ ± t₀.₉₇₅(n−1)·s/√n; σ by chi-square,
 * [s√((n−1)/χ²₀.₉₇₅(n−1)), s√((n−1)/χ²₀.₀₂₅(n−1))] with s² the (n−1)-divisor variance. The mean
 * e^{μ+σ²/2} by Cox's method: ln mean = μ̂ + s²/2 ± z·√(s²/n + s⁴/(2(n−1))) (Land 1972; Zhou & Gao,
 * Statistics in Medicine 16, 1997).
 */
import { chiSquareQuantile, Z95 } from '../engine/stats/chi-square.js';
import { tQuantile } from '../engine/stats/student-t.js';

export interface LognormalFit {
  n: number;
  mu: number;
  sigma: number;
  muCi95: [number, number];
  sigmaCi95: [number, number];
  /** e^{μ̂+σ̂²/2}, seconds, and its Cox interval. */
  meanSec: number;
  meanCi95: [number, number];
  /** √(e^{σ̂²} − 1): the cv of the fitted lognormal. */
  cv: number;
}

export function lognormalMle(xs: readonly number[]): LognormalFit {
  const n = xs.length;
  if (n < 2) throw new RangeError(`lognormalMle: needs at least 2 values, got ${n}`);
  let sum = 0;
  for (const x of xs) {
    if (!(x > 0)) throw new RangeError(`lognormalMle: values must be > 0, got ${x}`);
    sum += Math.log(x);
  }
  const mu = sum / n;
  let ss = 0;
  for (const x of xs) ss += (Math.log(x) - mu) ** 2;
  const sigma = Math.sqrt(ss / n);
  const s2 = ss / (n - 1);
  const s = Math.sqrt(s2);
  const tHalf = (tQuantile(0.975, n - 1) * s) / Math.sqrt(n);
  const coxHalf = Z95 * Math.sqrt(s2 / n + (s2 * s2) / (2 * (n - 1)));
  return {
    n,
    mu,
    sigma,
    muCi95: [mu - tHalf, mu + tHalf],
    sigmaCi95: [s * Math.sqrt((n - 1) / chiSquareQuantile(0.975, n - 1)), s * Math.sqrt((n - 1) / chiSquareQuantile(0.025, n - 1))],
    meanSec: Math.exp(mu + (sigma * sigma) / 2),
    meanCi95: [Math.exp(mu + s2 / 2 - coxHalf), Math.exp(mu + s2 / 2 + coxHalf)],
    cv: Math.sqrt(Math.expm1(sigma * sigma)),
  };
}
