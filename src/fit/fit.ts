/**
 * `ccsim fit`: from a call log to a scenario, with every estimate's method and uncertainty.
 *
 *   LOG text ─layouts/<layout>: parse · check · classify─▶ CallLog (agent-seeking calls + what was dropped)
 *     ─fit: arrival-profile · dispersion · handle-time · patience · staffing · redials · observed-kpis─▶ Fit
 *     ─fit-json─▶ fit.json      ─scenario-writer─▶ scenario.yaml (commented; valid and runnable)
 *     ─backtest (--check): scenario → experiment/replicate → simulated vs observed─▶ backtest.json
 *
 * Everything here is a pure function of its inputs (the bootstrap draws from a named seeded
 * stream); the CLI (cli/fit.ts) reads the log and writes the files.
 */
import { arrivalProfile, type ArrivalProfile } from './arrival-profile.js';
import type { CallLog } from './call-log.js';
import { dayFactorCv, type Dispersion } from './dispersion.js';
import { handleTime, type HandleTimeResult } from './handle-time.js';
import { observedKpis, type ObservedKpis } from './observed-kpis.js';
import { patience, type PatienceResult } from './patience.js';
import { redials, type Redials } from './redials.js';
import { staffingSeen, type StaffingSeen } from './staffing.js';

export interface FitOptions {
  intervalMin: 15 | 30 | 60;
  /** Service-level threshold for the observed KPIs and the scenario (default 20 s). */
  slThresholdSec: number;
  /** Seed of the bootstrap stream (and of the scenario). */
  seed: number;
}

export const DEFAULT_FIT_OPTIONS: FitOptions = { intervalMin: 30, slThresholdSec: 20, seed: 1 };

export interface TypeShare {
  type: string;
  calls: number;
  share: number;
}

export interface PriorityClass {
  priority: number;
  calls: number;
  share: number;
  asaSec: number;
  abandonRate: number;
  pAbandonGivenQueued: number;
}

export interface Fit {
  log: CallLog;
  options: FitOptions;
  arrivals: ArrivalProfile;
  dispersion: Dispersion;
  handleTime: HandleTimeResult;
  patience: PatienceResult;
  staffing: StaffingSeen;
  redials: Redials | null;
  types: TypeShare[];
  priorities: PriorityClass[];
  observed: ObservedKpis;
}

export function fitCallLog(log: CallLog, options: FitOptions = DEFAULT_FIT_OPTIONS): Fit {
  const { calls, days, firstDay } = log;
  const arrivals = arrivalProfile(calls, firstDay, days, options.intervalMin);
  const groups = arrivals.kinds.map((k) => k.days.map((d) => arrivals.daily[d]!.calls));
  const ht = handleTime(calls);
  if (!ht) throw new RangeError('fitCallLog: no served calls with a service time (the reader should have refused the log)');
  const typeCounts = new Map<string, number>();
  for (const c of calls) typeCounts.set(c.type, (typeCounts.get(c.type) ?? 0) + 1);
  const types = [...typeCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([type, n]) => ({ type, calls: n, share: n / calls.length }));
  const prioritySet = [...new Set(calls.map((c) => c.priority).filter((p): p is number => p !== null))].sort((a, b) => a - b);
  const priorities = prioritySet.map((priority) => {
    const cs = calls.filter((c) => c.priority === priority);
    const answered = cs.filter((c) => c.outcome === 'served');
    const queued = cs.filter((c) => c.queued);
    const abandoned = cs.length - answered.length;
    return {
      priority,
      calls: cs.length,
      share: cs.length / calls.length,
      asaSec: answered.length > 0 ? answered.reduce((s, c) => s + c.waitSec, 0) / answered.length : 0,
      abandonRate: abandoned / cs.length,
      pAbandonGivenQueued: queued.length > 0 ? abandoned / queued.length : 0,
    };
  });
  return {
    log,
    options,
    arrivals,
    dispersion: dayFactorCv(groups, options.seed),
    handleTime: ht,
    patience: patience(calls),
    staffing: staffingSeen(calls, days, options.intervalMin, log.hasAgents),
    redials: log.hasCustomers ? redials(calls) : null,
    types,
    priorities,
    observed: observedKpis(calls, days, options.intervalMin, options.slThresholdSec),
  };
}
