/**
 * Handle (service) time of calls served by an agent: the mean with its Student-t interval, the
 * maximum-likelihood lognormal (lognormal-mle.ts) overall and by type, how well it fits
 * (goodness-of-fit.ts), and a histogram against the fitted density for the chart.
 *
 * Zero-second services (logged, but log 0 is undefined) count in the mean and are left out of
 * the lognormal; how many is reported. Types with fewer than MIN_TYPE_CALLS positive times get
 * the overall lognormal, and say so.
 */
import { normalCdf } from '../engine/random/normalCdf.js';
import { RunningStats } from '../engine/stats/running.js';
import { normalQuantile } from '../engine/stats/normal-quantile.js';
import { tQuantile } from '../engine/stats/student-t.js';
import type { CallRecord } from './call-log.js';
import { chiSquareEquiprobable, ksDistance, type ChiSquareResult, type KsResult } from './goodness-of-fit.js';
import { lognormalMle, type LognormalFit } from './lognormal-mle.js';

export const MIN_TYPE_CALLS = 30;
export const GOF_BINS = 20;

export interface HandleTimeFit {
  n: number;
  mean: number;
  meanCi95: [number, number];
  /** Sample standard deviation / mean. */
  cv: number;
  /** Served in 0 s: in the mean, not in the lognormal. */
  zeroSeconds: number;
  lognormal: LognormalFit;
  ks: KsResult;
  chiSquare: ChiSquareResult;
}

export interface HandleTimeResult {
  overall: HandleTimeFit;
  byType: { type: string; fit: HandleTimeFit | null; note?: string }[];
  histogram: { binSec: number; fromSec: number[]; counts: number[]; expected: number[]; beyond: number };
}

const lognormalCdf = (mu: number, sigma: number) => (x: number) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma));

export function fitHandleTimes(xs: readonly number[]): HandleTimeFit | null {
  const positive = xs.filter((x) => x > 0);
  if (positive.length < 2) return null;
  const stats = new RunningStats();
  for (const x of xs) stats.add(x);
  const half = tQuantile(0.975, xs.length - 1) * Math.sqrt(stats.variance / xs.length);
  const ln = lognormalMle(positive);
  return {
    n: xs.length,
    mean: stats.mean,
    meanCi95: [stats.mean - half, stats.mean + half],
    cv: Math.sqrt(stats.variance) / stats.mean,
    zeroSeconds: xs.length - positive.length,
    lognormal: ln,
    ks: ksDistance(positive, lognormalCdf(ln.mu, ln.sigma)),
    chiSquare: chiSquareEquiprobable(positive, (p) => Math.exp(ln.mu + ln.sigma * normalQuantile(p)), GOF_BINS, 2),
  };
}

/** A round bin width giving about 60 bins up to the 99th percentile. */
function binWidth(p99: number): number {
  const raw = p99 / 60;
  for (const w of [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600]) if (w >= raw) return w;
  return 600;
}

export function handleTime(calls: readonly CallRecord[]): HandleTimeResult | null {
  const served = calls.filter((c) => c.outcome === 'served' && c.serviceSec !== null);
  const overall = fitHandleTimes(served.map((c) => c.serviceSec!));
  if (!overall) return null;
  const types = [...new Set(served.map((c) => c.type))].sort();
  const byType = types.map((type) => {
    const xs = served.filter((c) => c.type === type).map((c) => c.serviceSec!);
    const positive = xs.filter((x) => x > 0).length;
    if (positive < MIN_TYPE_CALLS) return { type, fit: null, note: `${positive} positive service times (< ${MIN_TYPE_CALLS}): uses the overall lognormal` };
    return { type, fit: fitHandleTimes(xs) };
  });
  const sorted = served.map((c) => c.serviceSec!).sort((a, b) => a - b);
  const p99 = sorted[Math.floor(0.99 * (sorted.length - 1))]!;
  const w = binWidth(p99);
  const bins = Math.max(1, Math.ceil((p99 + 1) / w));
  const counts = new Array<number>(bins).fill(0);
  let beyond = 0;
  for (const x of sorted) {
    const b = Math.floor(x / w);
    if (b < bins) counts[b]!++;
    else beyond++;
  }
  const F = lognormalCdf(overall.lognormal.mu, overall.lognormal.sigma);
  const n = sorted.length;
  return {
    overall,
    byType,
    histogram: {
      binSec: w,
      fromSec: counts.map((_, b) => b * w),
      counts,
      expected: counts.map((_, b) => n * (F((b + 1) * w) - F(b * w))),
      beyond,
    },
  };
}
