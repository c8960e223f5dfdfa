/**
 * Exponential patience from censored waits, by maximum likelihood. With patience ~ Exp(θ), a
 * queued caller who hangs up after w contributes θe^{−θw}, one answered after w contributes
 * e^{−θw} (censored); the likelihood θ^k e^{−θT} with k abandonments and T the total time all
 * queued callers waited is maximised at
 *
 *   mean patience = 1/θ̂ = T / k
 *
 * (Lawless, "Statistical Models and Methods for Lifetime Data", 2nd ed., 2003, §2.2 and eq. 3.5.4).
 * 95% interval from 2θT ~ χ²(2k): [2T/χ²₀.₉₇₅(2k), 2T/χ²₀.₀₂₅(2k)] — exact when the observation
 * stops at the k-th event (type II censoring), a close approximation under the random censoring
 * of a queue (Lawless §3.5.1).
 */
import { chiSquareQuantile } from '../engine/stats/chi-square.js';

export interface ExponentialPatience {
  /** Queued calls (the sample: events and censorings). */
  queued: number;
  abandonments: number;
  /** Total time waited in queue by the queued calls, seconds. */
  totalWaitSec: number;
  /** T / k, seconds; null without abandonments (patience unbounded as far as the data go). */
  meanSec: number | null;
  ci95: [number, number] | null;
}

export function exponentialPatience(waitsSec: readonly number[], abandoned: readonly boolean[]): ExponentialPatience {
  let total = 0;
  let k = 0;
  for (let i = 0; i < waitsSec.length; i++) {
    total += waitsSec[i]!;
    if (abandoned[i]) k++;
  }
  if (k === 0) return { queued: waitsSec.length, abandonments: 0, totalWaitSec: total, meanSec: null, ci95: null };
  return {
    queued: waitsSec.length,
    abandonments: k,
    totalWaitSec: total,
    meanSec: total / k,
    ci95: [(2 * total) / chiSquareQuantile(0.975, 2 * k), (2 * total) / chiSquareQuantile(0.025, 2 * k)],
  };
}
