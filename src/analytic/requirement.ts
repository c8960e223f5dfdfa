/**
 * Required agents per interval of a forecast: for each interval's arrival rate, the smallest
 * staffing whose steady-state service level (answered within T / all arrivals) reaches the target —
 * Erlang C, or Erlang A when a patience is given, optionally also capping the abandonment rate —
 * then the scheduled agents that leave that many available after shrinkage:
 *
 *   scheduled = ⌈ agents / (1 − shrinkage) ⌉
 *
 * This is the stationary independent period-by-period approximation (SIPP; Green, Kolesar & Soares,
 * "Improving the SIPP approach for staffing service systems that have cyclic demands", Operations
 * Research 49(4), 2001): each interval is treated as if its rate held for ever. The agents come
 * from `agentsForServiceLevel` / `agentsForAbandonRate` (erlang.ts); this file adds only the profile
 * and the shrinkage. For the shift covering of experiment/shift-cover.ts pass `agents` as the
 * requirement and the shrinkage per group there, so groups with different shrinkage are counted
 * right; `scheduled` is the answer when one shrinkage applies to everyone.
 *
 * The ceiling forgives 1e-9 of rounding: 14 / (1 − 0.3) is 20.000000000000004 in floating point,
 * and must give 20, not 21.
 *
 * @example
 * // 200 calls/h, AHT 180 s, 80% within 20 s, 30% shrinkage → 14 agents, 20 scheduled
 * intervalRequirement({ ratePerHour: [200], ahtSec: 180, serviceLevel: 0.8, thresholdSec: 20, shrinkage: 0.3 })
 */
import { agentsForAbandonRate, agentsForServiceLevel, erlangMessage } from './erlang.js';

export interface IntervalRequirementInput {
  /** Forecast arrivals per hour, one value per interval. */
  ratePerHour: readonly number[];
  ahtSec: number;
  /** Mean exponential patience; absent ⇒ Erlang C. */
  patienceSec?: number;
  /** Service-level target in [0, 1], e.g. 0.8. */
  serviceLevel: number;
  /** Service-level threshold T, e.g. 20 s. */
  thresholdSec: number;
  /** Also require abandoned / offered ≤ this (Erlang A only). */
  maxAbandonRate?: number;
  /** Share of scheduled time not available for contacts, in [0, 1). Default 0. */
  shrinkage?: number;
}

export interface IntervalRequirement {
  /** Agents available for contacts that each interval needs. */
  agents: number[];
  /** Agents to schedule, ⌈agents / (1 − shrinkage)⌉. */
  scheduled: number[];
}

/** Rounding forgiven by the ceiling of agents / (1 − shrinkage). */
const CEIL_SLACK = 1e-9;

/** Required and scheduled agents per interval (see the file comment). */
export function intervalRequirement(input: IntervalRequirementInput): IntervalRequirement {
  const { ratePerHour, ahtSec, patienceSec, serviceLevel, thresholdSec, maxAbandonRate, shrinkage = 0 } = input;
  if (!(shrinkage >= 0 && shrinkage < 1)) throw new RangeError(erlangMessage.invalid('shrinkage', shrinkage, 'a number in [0, 1)'));
  if (maxAbandonRate !== undefined && patienceSec === undefined) {
    throw new RangeError(erlangMessage.invalid('maxAbandonRate', maxAbandonRate, 'given only with patienceSec (Erlang A)'));
  }
  const byRate = new Map<number, number>(); // forecasts repeat rates; each is solved once
  const agents = ratePerHour.map((rate, i) => {
    if (!(Number.isFinite(rate) && rate >= 0)) throw new RangeError(erlangMessage.invalid(`ratePerHour[${i}]`, rate, 'a finite number >= 0'));
    if (rate === 0) return 0;
    let need = byRate.get(rate);
    if (need === undefined) {
      const base = { lambdaPerSec: rate / 3600, ahtSec, slThresholdSec: thresholdSec, ...(patienceSec === undefined ? {} : { patienceSec }) };
      need = agentsForServiceLevel(base, serviceLevel);
      if (maxAbandonRate !== undefined && patienceSec !== undefined) need = Math.max(need, agentsForAbandonRate({ ...base, patienceSec }, maxAbandonRate));
      byRate.set(rate, need);
    }
    return need;
  });
  const scheduled = agents.map((a) => (a === 0 ? 0 : Math.ceil(a / (1 - shrinkage) - CEIL_SLACK)));
  return { agents, scheduled };
}
