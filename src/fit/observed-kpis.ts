/**
 * The KPIs of a log by ccsim's own definitions — the catalogue of figures (model/catalogue.ts)
 * applied to the same facts the simulation tallies (model/facts.ts) — so observed and simulated
 * figures compare like for like, empty where nothing was there to measure. Offered = agent-seeking
 * calls, all inbound voice on the line (a log has no callbacks); a call counts in the interval,
 * hour and day of its arrival.
 */
import { figureValue } from '../model/catalogue.js';
import { F, NF } from '../model/facts.js';
import type { CallRecord } from './call-log.js';
import { SECONDS_PER_DAY } from '../engine/civil-time.js';

/** A row of facts (model/facts.ts) tallied from calls. */
export type Tally = Float64Array;

/** The figures a log shows, each by the catalogue's definition (null: nothing under a ratio). */
export interface Kpis {
  offered: number;
  answered: number;
  abandoned: number;
  abandonRate: number | null;
  asaSec: number | null;
  waitSec: number | null;
  serviceLevel: number | null;
}

export const emptyTally = (): Tally => new Float64Array(NF);

/** A call's facts, added to a row. */
export function addCall(t: Tally, c: CallRecord, thresholdSec: number): void {
  t[F.offered]!++;
  t[F.inboundRealtime]!++;
  if (c.outcome === 'served') {
    t[F.answered]!++;
    t[F.lineAnswered]!++;
    t[F.answeredWaitSec]! += c.waitSec;
    if (c.waitSec === 0) t[F.answeredAtOnce]!++;
    if (c.waitSec <= thresholdSec) t[F.withinThreshold]!++;
  } else {
    t[F.abandoned]!++;
    t[F.abandonedWaitSec]! += c.waitSec;
  }
}

/** The figures of a row of facts. */
export function kpisOf(t: ArrayLike<number>): Kpis {
  return {
    offered: figureValue('offered', t)!,
    answered: figureValue('answered', t)!,
    abandoned: figureValue('abandoned', t)!,
    abandonRate: figureValue('abandonRate', t),
    asaSec: figureValue('asaSec', t),
    waitSec: figureValue('waitSec', t),
    serviceLevel: figureValue('serviceLevel', t),
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
