/**
 * Staffing by interval, as far as a call log shows it. Two measures, per (day, interval) of the
 * log:
 *
 * - **agents seen**: distinct agents with a service overlapping the interval. It misses an agent
 *   who was present but got no call in the whole interval (rare at the 80–95% occupancy of a
 *   busy centre, common at night) and counts in full one who served a single call of it;
 * - **busy agents**: busy agent-seconds / interval length, a strict lower bound on the agents
 *   available (nobody serves without being there).
 *
 * The roster ccsim simulates is the agents seen (without agent names in the log: the busy agents
 * rounded up, which runs the simulated centre at full occupancy — said in the scenario): the busy measure would put occupancy at 100% by
 * construction and starve the queue. README "Start from your data" discusses the difference
 * (agents seen ≠ agents available) as a source of the backtest's gap.
 */
import type { CallRecord } from './call-log.js';
import { SECONDS_PER_DAY } from '../engine/civil-time.js';

export interface StaffingSeen {
  intervalMin: number;
  /** Per (day, interval), day-major, over the log's days; null when the log names no agents. */
  agentsSeen: number[] | null;
  busyAgents: number[];
  /** Distinct agents in the whole log (0 when it names none). */
  agents: number;
  /** Inferred availability (agentsAvailable), null without agent names. */
  agentsAvailable: number[] | null;
  /** What the scenario simulates: the agents seen, or without names the busy agents rounded up. */
  roster: number[];
  rosterMethod: 'agentsSeen' | 'busyAgentsRoundedUp';
}

/** Pickup slack: an agent finishing a call may take this long to take the next (wrap-up, the phone's ring). */
export const PICKUP_SLACK_SEC = 30;
/** A gap between an agent's services longer than this is the end of a shift, not idle time. */
export const MAX_IDLE_GAP_SEC = 7200;

/**
 * Agents available per interval, fractional, inferred from the services and the queue: an agent
 * is available while serving, and in a gap before their next service (up to MAX_IDLE_GAP_SEC)
 * except when callers were waiting beyond the first PICKUP_SLACK_SEC of the gap — an available
 * idle agent would have taken them (one pool, first come first served). So an agent "seen" in an
 * interval but away while the queue grew is not counted for that time. Agent-seconds / interval.
 * It reads the queue's waits, so it is not independent of the waiting KPIs: the backtest with it
 * checks consistency, not prediction (README).
 */
export function agentsAvailable(calls: readonly CallRecord[], days: number, intervalMin: number): number[] {
  const intervalSec = intervalMin * 60;
  const n = (days * SECONDS_PER_DAY) / intervalSec;
  const out = new Array<number>(n).fill(0);
  // Spans when someone was waiting: the union of [queued, queued + wait).
  const waits = calls.filter((c) => c.queued && c.waitSec > 0).map((c) => [c.arrivalSec, c.arrivalSec + c.waitSec] as [number, number]).sort((a, b) => a[0] - b[0]);
  const busyQ: [number, number][] = [];
  for (const [a, b] of waits) {
    const last = busyQ[busyQ.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else busyQ.push([a, b]);
  }
  const add = (a: number, b: number) => {
    for (let k = Math.max(0, Math.floor(a / intervalSec)); k < n && k * intervalSec < b; k++) {
      out[k]! += Math.max(0, Math.min(b, (k + 1) * intervalSec) - Math.max(a, k * intervalSec));
    }
  };
  /** Adds [a, b) minus the waiting spans. */
  const addFree = (a: number, b: number) => {
    let lo = 0;
    let hi = busyQ.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (busyQ[mid]![1] <= a) lo = mid + 1;
      else hi = mid;
    }
    let t = a;
    for (let i = lo; i < busyQ.length && busyQ[i]![0] < b && t < b; i++) {
      const [qa, qb] = busyQ[i]!;
      if (qa > t) add(t, Math.min(qa, b));
      t = Math.max(t, qb);
    }
    if (t < b) add(t, b);
  };
  const byAgent = new Map<string, [number, number][]>();
  for (const c of calls) {
    if (c.agent === null || c.serviceStartSec === null || c.serviceSec === null) continue;
    let l = byAgent.get(c.agent);
    if (!l) byAgent.set(c.agent, (l = []));
    l.push([c.serviceStartSec, c.serviceStartSec + c.serviceSec]);
  }
  for (const spans of byAgent.values()) {
    spans.sort((x, y) => x[0] - y[0]);
    let busyUntil = -Infinity;
    for (let i = 0; i < spans.length; i++) {
      const [s, e] = spans[i]!;
      const from = Math.max(s, busyUntil);
      if (e > from) add(from, e);
      busyUntil = Math.max(busyUntil, e);
      const next = spans[i + 1];
      if (!next || next[0] - busyUntil > MAX_IDLE_GAP_SEC || next[0] <= busyUntil) continue;
      const slackEnd = Math.min(next[0], busyUntil + PICKUP_SLACK_SEC);
      add(busyUntil, slackEnd);
      addFree(slackEnd, next[0]);
    }
  }
  return out.map((x) => x / intervalSec);
}

export function staffingSeen(calls: readonly CallRecord[], days: number, intervalMin: number, namesAgents: boolean): StaffingSeen {
  const intervalSec = intervalMin * 60;
  const n = (days * SECONDS_PER_DAY) / intervalSec;
  const seen: Set<string>[] = Array.from({ length: n }, () => new Set());
  const busy = new Array<number>(n).fill(0);
  const names = new Set<string>();
  for (const c of calls) {
    if (c.serviceStartSec === null || c.serviceSec === null) continue;
    if (c.agent !== null) names.add(c.agent);
    const start = c.serviceStartSec;
    const end = start + c.serviceSec;
    const first = Math.max(0, Math.floor(start / intervalSec));
    const last = Math.min(n - 1, c.serviceSec > 0 ? Math.ceil(end / intervalSec) - 1 : first);
    for (let k = first; k <= last; k++) {
      if (c.agent !== null) seen[k]!.add(c.agent);
      busy[k]! += Math.max(0, Math.min(end, (k + 1) * intervalSec) - Math.max(start, k * intervalSec));
    }
  }
  const busyAgents = busy.map((b) => b / intervalSec);
  const agentsSeen = namesAgents ? seen.map((s) => s.size) : null;
  return {
    intervalMin,
    agentsSeen,
    busyAgents,
    agentsAvailable: namesAgents ? agentsAvailable(calls, days, intervalMin) : null,
    agents: names.size,
    roster: agentsSeen ?? busyAgents.map((b) => Math.ceil(b - 1e-9)),
    rosterMethod: agentsSeen ? 'agentsSeen' : 'busyAgentsRoundedUp',
  };
}
