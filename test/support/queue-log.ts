/**
 * A call log from known parameters, for round-trip tests of `ccsim fit`: written apart from the
 * fitter and from ccsim's model, so neither can hide the other's mistakes.
 *
 * - Arrivals: a non-homogeneous Poisson process with a piecewise-constant rate per interval, by
 *   thinning a homogeneous process at the peak rate (Lewis & Shedler 1979), times a gamma day
 *   factor when `dayFactorCv` > 0.
 * - Service: lognormal(μ, σ) seconds; patience: exponential with mean `patienceMeanSec`.
 * - The queue: `servers` identical agents, first come first served. Callers are taken in order of
 *   arrival; each would start at the earliest moment a server is free after everyone ahead who
 *   stayed has been placed (the "virtual waiting time" of FCFS); if that wait exceeds the caller's
 *   patience, they hang up at arrival + patience and take no server. Exact for FCFS G/G/c+G.
 */
import { createStream } from '../../src/engine/random/stream.js';

export interface QueueLogParams {
  seed: number;
  days: number;
  intervalMin: number;
  /** Calls per hour in each interval of a day (same every day). */
  ratePerHour: readonly number[];
  /** Optional factor per weekday of day d (d mod 7), default all 1. */
  weekly?: readonly number[];
  dayFactorCv?: number;
  servers: number;
  mu: number;
  sigma: number;
  /** Service law: lognormal(μ, σ) (default), or exponential with mean e^μ (σ unused). */
  service?: 'lognormal' | 'exponential';
  patienceMeanSec: number;
}

export interface GeneratedCall {
  id: number;
  arrivalSec: number;
  queuedSec: number | null;
  answeredSec: number | null;
  endedSec: number;
  outcome: 'served' | 'abandoned';
  agent: string | null;
}

function gaussian(u: () => number): () => number {
  return () => {
    // Box–Muller; 1 − u avoids log(0).
    const r = Math.sqrt(-2 * Math.log(1 - u()));
    return r * Math.cos(2 * Math.PI * u());
  };
}

/** Gamma(shape k, scale θ) by Marsaglia–Tsang, for the day factor. */
function gammaDraw(u: () => number, z: () => number, k: number, theta: number): number {
  if (k < 1) return gammaDraw(u, z, k + 1, theta) * (1 - u()) ** (1 / k);
  const d = k - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = z();
    const v = (1 + c * x) ** 3;
    if (v > 0 && Math.log(1 - u()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v * theta;
  }
}

export function generateQueueLog(p: QueueLogParams): GeneratedCall[] {
  const uA = createStream(p.seed, 0, 'test/arrivals');
  const uS = createStream(p.seed, 0, 'test/service');
  const uP = createStream(p.seed, 0, 'test/patience');
  const uD = createStream(p.seed, 0, 'test/day-factor');
  const zS = gaussian(uS);
  const zD = gaussian(uD);
  const intervalSec = p.intervalMin * 60;
  const perDay = p.ratePerHour.length;
  const weekly = p.weekly ?? [1, 1, 1, 1, 1, 1, 1];
  const cv = p.dayFactorCv ?? 0;
  const factors = Array.from({ length: p.days }, () => (cv > 0 ? gammaDraw(uD, zD, 1 / (cv * cv), cv * cv) : 1));
  const rate = (t: number) => {
    const k = Math.floor(t / intervalSec);
    const day = Math.floor(k / perDay);
    return (p.ratePerHour[k % perDay]! * weekly[day % 7]! * factors[day]!) / 3600;
  };
  const peak = (Math.max(...p.ratePerHour) * Math.max(...weekly) * Math.max(...factors)) / 3600;
  const horizon = p.days * 86_400;
  const arrivals: number[] = [];
  for (let t = -Math.log(1 - uA()) / peak; t < horizon; t += -Math.log(1 - uA()) / peak) {
    if (uA() * peak < rate(t)) arrivals.push(t);
  }
  const free = new Array<number>(p.servers).fill(0);
  return arrivals.map((t, id) => {
    let s = 0;
    for (let i = 1; i < free.length; i++) if (free[i]! < free[s]!) s = i;
    const start = Math.max(t, free[s]!);
    const patience = -Math.log(1 - uP()) * p.patienceMeanSec;
    const service = p.service === 'exponential' ? -Math.log(1 - uS()) * Math.exp(p.mu) : Math.exp(p.mu + p.sigma * zS());
    const queued = start > t ? t : null;
    if (start - t > patience) return { id, arrivalSec: t, queuedSec: t, answeredSec: null, endedSec: t + patience, outcome: 'abandoned', agent: null };
    free[s] = start + service;
    return { id, arrivalSec: t, queuedSec: queued, answeredSec: start, endedSec: start + service, outcome: 'served', agent: `agent-${s + 1}` };
  });
}
