/**
 * The KPIs of a log by ccsim's own definitions (CONTRACT, model/observer.ts), so observed and
 * simulated figures compare like for like. Offered = agent-seeking calls; a call counts in the
 * interval, hour and day of its arrival.
 *
 *   abandonRate  = abandoned / offered
 *   asaSec       = mean wait of answered calls
 *   waitSec      = mean wait of all offered calls (abandoners up to hanging up)
 *   serviceLevel = answered with wait ≤ threshold / offered
 */
import type { CallRecord } from './call-log.js';
import { SECONDS_PER_DAY } from './civil-time.js';

export interface Tally {
  offered: number;
  answered: number;
  abandoned: number;
  answeredWaitSec: number;
  waitSec: number;
  withinThreshold: number;
}

export interface Kpis {
  offered: number;
  answered: number;
  abandoned: number;
  abandonRate: number;
  asaSec: number;
  waitSec: number;
  serviceLevel: number;
}

export const emptyTally = (): Tally => ({ offered: 0, answered: 0, abandoned: 0, answeredWaitSec: 0, waitSec: 0, withinThreshold: 0 });

export function addCall(t: Tally, c: CallRecord, thresholdSec: number): void {
  t.offered++;
  t.waitSec += c.waitSec;
  if (c.outcome === 'served') {
    t.answered++;
    t.answeredWaitSec += c.waitSec;
    if (c.waitSec <= thresholdSec) t.withinThreshold++;
  } else t.abandoned++;
}

/** KPIs of a tally; the empty-case values are the observer's (0 abandonment, 0 wait, service level 1). */
export function kpisOf(t: Tally): Kpis {
  const r = (a: number, b: number, empty: number) => (b > 0 ? a / b : empty);
  return {
    offered: t.offered,
    answered: t.answered,
    abandoned: t.abandoned,
    abandonRate: r(t.abandoned, t.offered, 0),
    asaSec: r(t.answeredWaitSec, t.answered, 0),
    waitSec: r(t.waitSec, t.offered, 0),
    serviceLevel: r(t.withinThreshold, t.offered, 1),
  };
}

export interface ObservedKpis {
  thresholdSec: number;
  overall: Kpis;
  /** By hour of the day 0–23, over all days. */
  byHour: Kpis[];
  /** By calendar day of the log. */
  byDay: Kpis[];
  /** Tallies per (day, interval), day-major, for finer comparisons. */
  byInterval: Tally[];
}

export function observedKpis(calls: readonly CallRecord[], days: number, intervalMin: number, thresholdSec: number): ObservedKpis {
  const all = emptyTally();
  const hours = Array.from({ length: 24 }, emptyTally);
  const dayT = Array.from({ length: days }, emptyTally);
  const intervalSec = intervalMin * 60;
  const cells = Array.from({ length: (days * SECONDS_PER_DAY) / intervalSec }, emptyTally);
  for (const c of calls) {
    addCall(all, c, thresholdSec);
    const tod = ((c.arrivalSec % SECONDS_PER_DAY) + SECONDS_PER_DAY) % SECONDS_PER_DAY;
    addCall(hours[Math.floor(tod / 3600)]!, c, thresholdSec);
    const d = Math.floor(c.arrivalSec / SECONDS_PER_DAY);
    if (d >= 0 && d < days) addCall(dayT[d]!, c, thresholdSec);
    const k = Math.floor(c.arrivalSec / intervalSec);
    if (k >= 0 && k < cells.length) addCall(cells[k]!, c, thresholdSec);
  }
  return { thresholdSec, overall: kpisOf(all), byHour: hours.map(kpisOf), byDay: dayT.map(kpisOf), byInterval: cells };
}
