import type { ModelConfig } from './config.js';
import type { Conservation } from './contact-center.js';
import { supportEconomics, wageCost, type Economics } from './economics.js';
import type { Kpis, Observer } from './observer.js';
import { integrateSteps, type StaffingPlan } from './staffing.js';

/** Per-channel figures of one replication. */
export interface ChannelResult {
  offered: number;
  answered: number;
  abandoned: number;
  abandonRate: number;
  asaSec: number;
  serviceLevel: number;
  ahtSec: number;
  /** Email: share of offered answered within the response target (1 for other channels' ∞). */
  withinTarget: number;
}

export interface ReasonResult {
  offered: number;
  issues: number;
  fcr: number;
  unresolved: number;
}

export interface GroupResult {
  occupancy: number;
  paidHours: number;
  availableHours: number;
  busyHours: number;
  idleHours: number;
  /** Paid but not available: absence, training, breaks. */
  unavailableHours: number;
  cost: number;
}

/** Per-interval sums (by contact arrival) and per-group agent-seconds, for series outputs. */
export interface SeriesResult {
  intervalSec: number;
  offered: number[];
  answered: number[];
  abandoned: number[];
  answeredWaitSumSec: number[];
  withinThreshold: number[];
  handleSumSec: number[];
  repeats: number[];
  issuesHandled: number[];
  issuesResolvedFirst: number[];
  /** Agent-seconds per interval, summed over groups. */
  availableAgentSec: number[];
  busyAgentSec: number[];
  paidAgentSec: number[];
}

/** Everything one replication reports: plain numbers and arrays, so it crosses worker threads as is. */
export interface ReplicationResult {
  replication: number;
  kpis: Kpis;
  economics: Economics;
  channels: Record<string, ChannelResult>;
  reasons: Record<string, ReasonResult>;
  groups: Record<string, GroupResult>;
  series: SeriesResult;
  conservation: Conservation;
  /** Events processed, and the most contacts in flight at once (memory high-water mark). */
  events: number;
  contactSlots: number;
}

const ratio = (num: number, den: number, empty: number) => (den > 0 ? num / den : empty);

export function replicationResult(
  config: ModelConfig,
  replication: number,
  obs: Observer,
  staffing: StaffingPlan,
  conservation: Conservation,
  events: number,
  contactSlots: number,
): ReplicationResult {
  const { warmupSec, horizonSec } = config;
  const intervalSec = config.demand.intervalSec;
  const n = obs.buckets;
  const available = new Float64Array(n);
  const paid = new Float64Array(n);
  const cost = new Float64Array(n);
  const groups: Record<string, GroupResult> = {};
  config.groups.forEach((g, i) => {
    const paidByInterval = new Float64Array(n);
    const paidSec = integrateSteps(staffing.paid, i, warmupSec, horizonSec, intervalSec, paidByInterval);
    const availableSec = integrateSteps(staffing.available, i, warmupSec, horizonSec, intervalSec, available);
    const busySec = obs.busy[i]!.close();
    obs.busyChange(i, horizonSec, 0);
    for (let k = 0; k < n; k++) {
      paid[k]! += paidByInterval[k]!;
      cost[k]! += wageCost(paidByInterval[k]!, g.wagePerHour);
    }
    groups[g.name] = {
      occupancy: ratio(busySec, availableSec, 0),
      paidHours: paidSec / 3600,
      availableHours: availableSec / 3600,
      busyHours: busySec / 3600,
      idleHours: Math.max(0, availableSec - busySec) / 3600,
      unavailableHours: (paidSec - availableSec) / 3600,
      cost: wageCost(paidSec, g.wagePerHour),
    };
  });
  const busy = new Float64Array(n);
  for (const b of obs.busyByInterval) for (let k = 0; k < n; k++) busy[k]! += b[k]!;
  const s = obs.series;
  for (let k = 0; k < n; k++) cost[k]! += (s.handleSumSec[k]! / 60) * config.economics.costPerMinute + s.answered[k]! * config.economics.costPerContact;
  const channels: Record<string, ChannelResult> = {};
  config.channels.forEach((ch, i) => {
    const c = obs.channels[i]!;
    channels[ch.kind] = {
      offered: c.offered,
      answered: c.answered,
      abandoned: c.abandoned,
      abandonRate: ratio(c.abandoned, c.offered, 0),
      asaSec: ratio(c.answeredWaitSumSec, c.answered, 0),
      serviceLevel: ratio(c.withinThreshold, c.offered, 1),
      ahtSec: ratio(c.handleSumSec, c.answered, 0),
      withinTarget: ratio(c.withinTarget, c.offered, 1),
    };
  });
  const reasons: Record<string, ReasonResult> = {};
  config.reasons.forEach((r, i) => {
    const x = obs.reasons[i]!;
    reasons[r.name] = { offered: x.offered, issues: x.issues, fcr: ratio(x.resolvedFirst, x.issuesHandled, 1), unresolved: x.unresolved };
  });
  const arr = (a: Float64Array) => Array.from(a);
  return {
    replication,
    kpis: obs.kpis(),
    economics: supportEconomics(cost, intervalSec, warmupSec, horizonSec, config.economics),
    channels,
    reasons,
    groups,
    series: {
      intervalSec,
      offered: arr(s.offered),
      answered: arr(s.answered),
      abandoned: arr(s.abandoned),
      answeredWaitSumSec: arr(s.answeredWaitSumSec),
      withinThreshold: arr(s.withinThreshold),
      handleSumSec: arr(s.handleSumSec),
      repeats: arr(s.repeats),
      issuesHandled: arr(s.issuesHandled),
      issuesResolvedFirst: arr(s.issuesResolvedFirst),
      availableAgentSec: arr(available),
      busyAgentSec: arr(busy),
      paidAgentSec: arr(paid),
    },
    conservation,
    events,
    contactSlots,
  };
}
