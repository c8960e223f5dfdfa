/**
 * Day-to-day over-dispersion of arrivals: ccsim multiplies each day's rate by a gamma day factor
 * with mean 1 and cv c, so a day's count N given its expected m has Var N = m + m²c² (a
 * Poisson–gamma mixture). By the method of moments on the daily totals, after the weekday effect
 * (each day against the mean of its kind of day, arrival-profile.ts), pooled over kinds with
 * their degrees of freedom:
 *
 *   ĉ² = Σₖ (nₖ − 1)(sₖ² − m̂ₖ) / Σₖ (nₖ − 1) m̂ₖ²,   truncated at 0,
 *
 * with m̂ₖ and sₖ² the mean and (nₖ − 1)-variance of kind k's daily totals. 95% interval by the
 * percentile bootstrap over days, resampled within each kind (Efron & Tibshirani, "An
 * Introduction to the Bootstrap", 1993, ch. 13), from a named seeded stream. With two weeks the
 * interval is wide and honest about it: kinds seen on two days add one degree of freedom each.
 * Poisson (c = 0) is tested by the index of dispersion, Σₖ (nₖ − 1)sₖ²/m̂ₖ ~ χ²(Σ(nₖ − 1)).
 */
import { createStream } from '../engine/random/stream.js';
import { chiSquareSurvival } from '../engine/stats/chi-square.js';

export const BOOTSTRAP_REPLICATES = 2000;
export const BOOTSTRAP_STREAM = 'fit/day-factor-bootstrap';

export interface Dispersion {
  cv: number;
  ci95: [number, number];
  /** Degrees of freedom Σ(nₖ − 1): how many days inform the estimate beyond the kinds' means. */
  df: number;
  /** P-value of the Poisson hypothesis (no day factor), by the index of dispersion. */
  poissonPValue: number | null;
  bootstrap: { replicates: number; seed: number; stream: string };
}

function cvOf(groups: readonly (readonly number[])[]): number {
  let num = 0;
  let den = 0;
  for (const g of groups) {
    const n = g.length;
    if (n < 2) continue;
    const m = g.reduce((a, b) => a + b, 0) / n;
    const s2 = g.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1);
    num += (n - 1) * (s2 - m);
    den += (n - 1) * m * m;
  }
  return den > 0 && num > 0 ? Math.sqrt(num / den) : 0;
}

/** Daily totals grouped by kind of day → the day-factor cv and its bootstrap interval. */
export function dayFactorCv(groups: readonly (readonly number[])[], seed: number): Dispersion {
  const cv = cvOf(groups);
  const df = groups.reduce((s, g) => s + Math.max(0, g.length - 1), 0);
  let index = 0;
  for (const g of groups) {
    if (g.length < 2) continue;
    const m = g.reduce((a, b) => a + b, 0) / g.length;
    if (m > 0) index += g.reduce((a, b) => a + (b - m) ** 2, 0) / m;
  }
  const rng = createStream(seed, 0, BOOTSTRAP_STREAM);
  const draws: number[] = [];
  for (let b = 0; b < BOOTSTRAP_REPLICATES; b++) {
    draws.push(cvOf(groups.map((g) => g.map(() => g[Math.floor(rng() * g.length)]!))));
  }
  draws.sort((a, b) => a - b);
  const q = (p: number) => draws[Math.min(draws.length - 1, Math.floor(p * draws.length))]!;
  return {
    cv,
    ci95: [q(0.025), q(0.975)],
    df,
    poissonPValue: df > 0 ? chiSquareSurvival(index, df) : null,
    bootstrap: { replicates: BOOTSTRAP_REPLICATES, seed, stream: BOOTSTRAP_STREAM },
  };
}
