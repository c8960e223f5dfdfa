/**
 * Patience from the queued calls' censored waits, two ways, and a check of the exponential law:
 *
 * - Kaplan–Meier (kaplan-meier.ts): no shape assumed; its median with the Brookmeyer–Crowley
 *   interval. It describes patience only up to the longest waits observed, and its median exists
 *   only if more than half the callers would hang up within them.
 * - Exponential maximum likelihood (exponential-patience.ts): T / k.
 * - The hourly check (Mandelbaum & Zeltyn, "The impact of customers' patience on delay and
 *   abandonment", Queueing Systems 2004, and Brown et al. 2005 §6): with exponential patience of
 *   mean τ, P(abandon) = E[wait]/τ in any steady period, so the hours of the day, plotted as
 *   abandonment rate against mean wait, fall on a line through the origin with slope 1/τ.
 *   Each hour's implied τ = its total wait / its abandonments is reported; they agree when
 *   patience is exponential and does not change over the day.
 *
 * The scenario uses the exponential mean: it is the one parametric form ccsim's Erlang A
 * reference shares, it uses every wait (KM's median needs half the callers to hang up within
 * the waits seen), and the hourly check says how far to trust it.
 */
import type { CallRecord } from './call-log.js';
import { SECONDS_PER_DAY } from '../engine/civil-time.js';
import { exponentialPatience, type ExponentialPatience } from './exponential-patience.js';
import { kaplanMeier, type KaplanMeier } from './kaplan-meier.js';
import { wilsonCi95 } from './wilson.js';

export interface HourlyPatience {
  hour: number;
  queued: number;
  offered: number;
  abandoned: number;
  /** Mean wait of all offered calls of the hour, and abandoned / offered. */
  meanWaitSec: number;
  abandonRate: number;
  /** Total wait / abandonments of the hour (null without abandonments). */
  impliedPatienceSec: number | null;
}

export interface PatienceResult {
  exponential: ExponentialPatience;
  kaplanMeier: KaplanMeier;
  pAbandonGivenQueued: number;
  pAbandonGivenQueuedCi95: [number, number];
  hourly: HourlyPatience[];
  /** Least-squares slope of abandonRate on meanWaitSec through the origin, over hours with ≥ 50 calls, and 1/slope. */
  hourlySlopePerSec: number | null;
  hourlyImpliedPatienceSec: number | null;
  /** The longest wait observed, seconds: beyond it, the data say nothing about patience. */
  longestWaitSec: number;
}

export function patience(calls: readonly CallRecord[]): PatienceResult {
  const queued = calls.filter((c) => c.queued);
  const waits = queued.map((c) => c.waitSec);
  const abandoned = queued.map((c) => c.outcome === 'abandoned');
  const exp = exponentialPatience(waits, abandoned);
  const km = kaplanMeier(waits, abandoned);
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, queued: 0, offered: 0, abandoned: 0, wait: 0 }));
  for (const c of calls) {
    const h = hours[Math.floor((((c.arrivalSec % SECONDS_PER_DAY) + SECONDS_PER_DAY) % SECONDS_PER_DAY) / 3600)]!;
    h.offered++;
    h.wait += c.waitSec;
    if (c.queued) h.queued++;
    if (c.outcome === 'abandoned') h.abandoned++;
  }
  const hourly = hours.map((h) => ({
    hour: h.hour,
    queued: h.queued,
    offered: h.offered,
    abandoned: h.abandoned,
    meanWaitSec: h.offered > 0 ? h.wait / h.offered : 0,
    abandonRate: h.offered > 0 ? h.abandoned / h.offered : 0,
    impliedPatienceSec: h.abandoned > 0 ? h.wait / h.abandoned : null,
  }));
  const used = hourly.filter((h) => h.offered >= 50);
  const sxy = used.reduce((s, h) => s + h.meanWaitSec * h.abandonRate, 0);
  const sxx = used.reduce((s, h) => s + h.meanWaitSec ** 2, 0);
  const slope = sxx > 0 ? sxy / sxx : null;
  return {
    exponential: exp,
    kaplanMeier: km,
    pAbandonGivenQueued: queued.length > 0 ? exp.abandonments / queued.length : 0,
    pAbandonGivenQueuedCi95: wilsonCi95(exp.abandonments, queued.length),
    hourly,
    hourlySlopePerSec: slope,
    hourlyImpliedPatienceSec: slope !== null && slope > 0 ? 1 / slope : null,
    longestWaitSec: waits.reduce((m, w) => Math.max(m, w), 0),
  };
}
