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
import { SECONDS_PER_DAY } from './civil-time.js';

export interface StaffingSeen {
  intervalMin: number;
  /** Per (day, interval), day-major, over the log's days; null when the log names no agents. */
  agentsSeen: number[] | null;
  busyAgents: number[];
  /** Distinct agents in the whole log (0 when it names none). */
  agents: number;
  /** What the scenario simulates: the agents seen, or without names the busy agents rounded up. */
  roster: number[];
  rosterMethod: 'agentsSeen' | 'busyAgentsRoundedUp';
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
    agents: names.size,
    roster: agentsSeen ?? busyAgents.map((b) => Math.ceil(b - 1e-9)),
    rosterMethod: agentsSeen ? 'agentsSeen' : 'busyAgentsRoundedUp',
  };
}
