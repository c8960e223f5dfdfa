import { hhmmSec } from '../engine/civil-time.js';
import { intervalRequirement } from '../analytic/requirement.js';
import { optimalStaffing } from '../analytic/staffing-cost.js';
import { splitDotPath } from '../engine/dot-path.js';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, type ModelConfig } from '../model/config.js';
import { profileRate } from '../model/demand.js';
import { F, NF } from '../model/facts.js';
import type { ReplicationResult } from '../model/result.js';
import type { Constraint } from './constraint.js';
import { indexOfValue, type Decision, type Point } from './optimize-space.js';
import { coverShifts, workedIntervals, type CandidateShift } from './shift-cover.js';

/**
 * The analytic start of `ccsim optimize`: how many agents each interval of the week needs, by
 * queueing theory, turned into shifts by a set-covering integer program.
 *
 *   pilot replications with every group staffed generously (so that what is offered is carried)
 *     ─per group─▶ its work per expected arrival w = busy agent-seconds / expected arrivals (the
 *       scenario's demand profile, model/demand.ts), and its handle time h = busy time / services
 *     ─per interval of the week, the staffed groups pooled─▶ load a = Σw × the profile's expected
 *       arrivals per second, and arrival rate λ = a / h̄ (h̄ the pool's mean handle time)
 *     ─Erlang C, or Erlang A with the scenario's mean patience (analytic/requirement.ts)─▶ agents
 *       each interval needs: the fewest meeting the service-level requirement (`require:
 *       "serviceLevel >= x"`, else the scenario's serviceLevel.target) and the abandonment one;
 *       when waiting or abandonment is priced, the cost-optimal staffing of the interval
 *       (analytic/staffing-cost.ts) — the larger of the two when both apply
 *     ─minus what shifts that are not decisions already cover─▶ the requirement left
 *     ─set covering over the candidate shifts (experiment/shift-cover.ts, HiGHS): every shift whose
 *       agents are a decision, at each start time its start decision allows (one start per shift),
 *       costed at its wage and paid hours, with the group's shrinkage─▶ agents per shift
 *     ─each to the first value of its decision's range at or above it─▶ the start point
 *
 * Treating each interval as if its rate held for ever is the SIPP approximation (Green, Kolesar &
 * Soares 2001); groups that may take the same reasons are dimensioned as one pool (their summed
 * load, its mean handle time and load-weighted wage) and the pool's agents shared out by each
 * group's share of the load (a tier-2 group by the transfers and overflow it receives); breaks
 * are left out of the cover. It is a start: the simulation search corrects
 * what these approximations miss.
 */

export interface StartPlan {
  point: number[];
  notes: string[];
  /** Per group: agents needed per quarter-hour of the week (Monday 00:00 first), before shrinkage, less fixed shifts. */
  requirement: Record<string, { intervalMin: number; peak: number; mean: number }>;
}

/** The cover's resolution: 15 minutes, so that shifts may start on any quarter hour. */
const COVER_MIN = 15;
const SLOTS_PER_DAY = (24 * 60) / COVER_MIN;
const SLOT_SEC = COVER_MIN * 60;

/**
 * Overrides that staff every group `factor` times as generously as the scenario does, for the
 * pilot run: a group's own `staffingScale` (`read` gives the scenario's value at a dot path) is
 * multiplied, not replaced.
 */
export function pilotOverrides(config: ModelConfig, stationary: boolean, factor: number, read: (path: string) => unknown): Record<string, unknown> {
  if (stationary) return { 'staffing.agents': Math.max(1, Math.ceil(config.groups[0]!.shifts[0]!.agents * factor)) };
  return Object.fromEntries(
    config.groups.map((g) => {
      const own = read(`groups.${g.name}.staffingScale`);
      return [`groups.${g.name}.staffingScale`, factor * (typeof own === 'number' ? own : 1)];
    }),
  );
}

/** What a staffing decision path addresses: the agents or the start of a shift, or a group's around-the-clock agents. */
type Target = { group: string; shift: number | null; what: 'agents' | 'start' };

export function staffingTarget(key: string): Target | null {
  const k = splitDotPath(key);
  if (!k) return null;
  if (k.length === 2 && k[0] === 'staffing' && k[1] === 'agents') return { group: 'agents', shift: null, what: 'agents' };
  if (k.length === 3 && k[0] === 'groups' && k[2] === 'agents') return { group: k[1]!, shift: null, what: 'agents' };
  if (k.length === 5 && k[0] === 'groups' && k[2] === 'shifts' && /^\d+$/.test(k[3]!) && (k[4] === 'agents' || k[4] === 'start')) {
    return { group: k[1]!, shift: Number(k[3]), what: k[4] as 'agents' | 'start' };
  }
  return null;
}


type Candidate = CandidateShift & { decision: number; startDecision: number | null; startValue: unknown };

/**
 * The start point. `scenarioPoint` holds the scenario's own values (decisions the cover does not
 * set keep them); `config` is the scenario at those values; `pilot` the generous pilot's
 * replications.
 */
export async function analyticStart(input: {
  decisions: readonly Decision[];
  scenarioPoint: Point;
  config: ModelConfig;
  pilot: readonly ReplicationResult[];
  constraints: readonly Constraint[];
}): Promise<StartPlan> {
  const { decisions, config, pilot, constraints } = input;
  const point = [...input.scenarioPoint];
  const notes: string[] = [];
  const requirement: StartPlan['requirement'] = {};
  const targets = decisions.map((d) => staffingTarget(d.key));
  const staffed = new Set(targets.flatMap((t) => (t && t.what === 'agents' ? [t.group] : [])));
  if (staffed.size === 0) {
    notes.push("no decision sets agents (of a shift, a group or staffing): the search starts at the scenario's values");
    return { point, notes, requirement };
  }
  const others = decisions.filter((_, i) => targets[i] === null).map((d) => d.key);
  if (others.length > 0) notes.push(`${others.join(', ')} start at the scenario's values (the cover sets agents and shift starts only)`);

  // Service-level and abandonment targets from the requirements, else the scenario's target.
  const slBounds = constraints.filter((c) => c.figure === 'serviceLevel' && (c.op === '>=' || c.op === '>') && c.channel !== 'email').map((c) => c.bound);
  const abBounds = constraints.filter((c) => c.figure === 'abandonRate' && (c.op === '<=' || c.op === '<')).map((c) => c.bound);
  const realtime = config.channels.filter((c) => c.kind !== 'email');
  const thresholdSec = Math.min(config.slThresholdSec, ...realtime.map((c) => c.slThresholdSec));
  const slTarget = slBounds.length > 0 ? Math.max(...slBounds) : config.slTarget;
  const patienceSec = config.patience ? config.patience.mean : undefined;
  const maxAbandonRate = abBounds.length > 0 && patienceSec !== undefined ? Math.min(...abBounds) : undefined;
  const { waitingCostPerMinute, abandonCost } = config.economics;
  const priced = waitingCostPerMinute > 0 || (abandonCost > 0 && patienceSec !== undefined);
  const ignored = constraints.filter((c) => !(c.figure === 'serviceLevel' || c.figure === 'abandonRate')).map((c) => c.text);
  if (ignored.length > 0) notes.push(`the analytic start does not size for ${ignored.join(', ')} (the search judges them)`);

  const slotRequirement = (ratesPerHour: number[], ahtSec: number, wagePerHour: number): number[] => {
    const sl = intervalRequirement({
      ratePerHour: ratesPerHour,
      ahtSec,
      serviceLevel: slTarget,
      thresholdSec,
      ...(patienceSec !== undefined ? { patienceSec } : {}),
      ...(maxAbandonRate !== undefined ? { maxAbandonRate } : {}),
    }).agents;
    if (!priced || wagePerHour <= 0) return sl;
    const sized = slBounds.length > 0 || abBounds.length > 0;
    const byRate = new Map<number, number>();
    return ratesPerHour.map((rate, i) => {
      if (rate === 0) return 0;
      let c = byRate.get(rate);
      if (c === undefined) {
        c = optimalStaffing({ ratePerHour: rate, ahtSec, wagePerHour, waitingCostPerMinute, abandonCost, ...(patienceSec !== undefined ? { patienceSec } : {}) }).agents;
        byRate.set(rate, c);
      }
      return sized ? Math.max(sl[i]!, c) : c;
    });
  };

  const intervalSec = config.demand.intervalSec;
  const perDay = SECONDS_PER_DAY / intervalSec;
  // Each staffed group's work per expected arrival, over every replication of the pilot (precise:
  // a sum over the whole window), and its handle time.
  const pooled = config.groups.filter((g) => staffed.has(g.name));
  const work = new Map<string, { perArrival: number; ahtSec: number }>();
  for (const group of pooled) {
    let busyTotal = 0;
    let expected = 0;
    let services = 0;
    for (const r of pilot) {
      const series = r.facts.groups[group.name]!.busyAgentSec;
      for (let k = 0; k < series.length; k++) {
        const seconds = r.facts.rows[k * NF + F.spanSec]!;
        if (!(seconds > 0)) continue;
        busyTotal += series[k]!;
        expected += profileRate(config.demand, k) * seconds;
      }
      for (const reason of Object.values(r.reasons)) services += reason.servedBy[group.name] ?? 0;
    }
    work.set(group.name, { perArrival: expected > 0 ? busyTotal / expected : 0, ahtSec: services > 0 ? busyTotal / services : 0 });
  }
  // Spread over the week by the demand profile (exact: the scenario's), rather than read slot by
  // slot from the pilot, whose slots are too few to be steady: the profile's mean rate in each
  // slot over the horizon (at least a week of it, so that every weekday has one).
  const shape = new Float64Array(7 * perDay);
  const count = new Float64Array(7 * perDay);
  for (let k = 0; k < Math.max(Math.ceil(config.horizonSec / intervalSec), 7 * perDay); k++) {
    const slot = ((config.demand.startWeekday + Math.floor(k / perDay)) % 7) * perDay + (k % perDay);
    shape[slot]! += profileRate(config.demand, k);
    count[slot]!++;
  }
  // Groups that may take the same reasons are sized as one pool — contacts overflow between them,
  // and sizing each for the target on its own would stack their safety margins — and the pool's
  // agents are shared out in proportion to each group's load.
  const poolOf = new Map(pooled.map((g) => [g.name, g.name]));
  const root = (n: string): string => (poolOf.get(n) === n ? n : root(poolOf.get(n)!));
  for (const reason of config.reasons) {
    const names = reason.groups.map((i) => config.groups[i]!.name).filter((n) => poolOf.has(n));
    for (const n of names.slice(1)) poolOf.set(root(n), root(names[0]!));
  }
  const needOf = new Map<string, number[]>();
  const pools = new Map<string, typeof pooled>();
  for (const g of pooled) pools.set(root(g.name), [...(pools.get(root(g.name)) ?? []), g]);
  for (const members of pools.values()) {
    const perArrival = members.reduce((s, g) => s + work.get(g.name)!.perArrival, 0);
    const poolAht = perArrival > 0 ? perArrival / members.reduce((s, g) => s + (work.get(g.name)!.ahtSec > 0 ? work.get(g.name)!.perArrival / work.get(g.name)!.ahtSec : 0), 0) : 0;
    const poolWage = perArrival > 0 ? members.reduce((s, g) => s + g.wagePerHour * work.get(g.name)!.perArrival, 0) / perArrival : 0;
    const poolRates = Array.from(shape, (x, s) => (poolAht > 0 ? ((perArrival * x) / count[s]! / poolAht) * SECONDS_PER_HOUR : 0));
    const poolNeed = poolAht > 0 ? slotRequirement(poolRates, poolAht, poolWage) : poolRates.map(() => 0);
    for (const g of members) needOf.set(g.name, poolNeed.map((n) => (perArrival > 0 ? (n * work.get(g.name)!.perArrival) / perArrival : 0)));
  }
  for (const group of pooled) {
    const need = needOf.get(group.name)!;
    // At the cover's resolution, less what shifts that are not decisions already cover.
    const fine = Array.from({ length: 7 * SLOTS_PER_DAY }, (_, t) => need[Math.floor((t * SLOT_SEC) / intervalSec)]!);
    const own = decisions.map((d, i) => ({ d, i, t: targets[i] })).filter((x) => x.t?.group === group.name);
    const whole = own.find((x) => x.t!.shift === null);
    const candidates: Candidate[] = [];
    const rangeBounds = (d: Decision) => ({ minAgents: Math.max(0, Math.ceil(d.values[0] as number)), maxAgents: Math.floor(d.values[d.values.length - 1] as number) });
    if (whole) {
      candidates.push({ id: group.name, days: [0, 1, 2, 3, 4, 5, 6], startInterval: 0, lengthIntervals: SLOTS_PER_DAY, costPerAgent: group.wagePerHour * 24 * 7, ...rangeBounds(whole.d), group: group.name, decision: whole.i, startDecision: null, startValue: null });
    } else {
      group.shifts.forEach((sh, si) => {
        const agentsOf = own.find((x) => x.t!.shift === si && x.t!.what === 'agents');
        const startOf = own.find((x) => x.t!.shift === si && x.t!.what === 'start');
        if (!agentsOf) {
          // Not a decision: its agents cover what they cover.
          const fixed = { id: 'fixed', days: sh.weekdays, startInterval: Math.floor((sh.startSec % SECONDS_PER_DAY) / SLOT_SEC), lengthIntervals: Math.max(1, Math.round((sh.endSec - sh.startSec) / SLOT_SEC)), costPerAgent: 0 };
          for (const t of workedIntervals(fixed, SLOTS_PER_DAY)) fine[t] = Math.max(0, fine[t]! - sh.agents * (1 - group.shrinkage));
          return;
        }
        const starts: unknown[] = startOf ? startOf.d.values : [null];
        for (const s of starts) {
          const startSec = s === null ? sh.startSec % SECONDS_PER_DAY : hhmmSec(String(s));
          // A start moves the shift (its length kept) unless the end is a decision too: then the
          // end stays where the scenario has it and a later start is a shorter shift.
          const lengthSec = s === null || startOf?.d.linked ? sh.endSec - sh.startSec : ((sh.endSec % SECONDS_PER_DAY) - startSec + SECONDS_PER_DAY) % SECONDS_PER_DAY;
          if (lengthSec <= 0) continue;
          candidates.push({
            id: `${group.name}.${si}@${String(s ?? 'scenario')}`,
            days: sh.weekdays,
            startInterval: Math.floor(startSec / SLOT_SEC),
            lengthIntervals: Math.max(1, Math.round(lengthSec / SLOT_SEC)),
            costPerAgent: (group.wagePerHour * lengthSec * sh.weekdays.length) / SECONDS_PER_HOUR,
            ...rangeBounds(agentsOf.d),
            ...(starts.length > 1 ? { exclusive: `${group.name}.${si}` } : {}),
            group: group.name,
            decision: agentsOf.i,
            startDecision: startOf ? startOf.i : null,
            startValue: s,
          });
        }
      });
    }
    requirement[group.name] = { intervalMin: COVER_MIN, peak: Math.max(...fine), mean: fine.reduce((a, b) => a + b, 0) / fine.length };
    if (candidates.length === 0) continue;
    const shrinkage = { [group.name]: group.shrinkage };
    let solved = await coverShifts({ intervalsPerDay: SLOTS_PER_DAY, requirement: fine, shifts: candidates, shrinkage });
    if (solved.status === 'infeasible') {
      // Load in quarter-hours no candidate works, or more than the ranges allow: cover what can be.
      const covered = new Set(candidates.flatMap((c) => workedIntervals(c, SLOTS_PER_DAY)));
      const dropped = fine.filter((r, t) => r > 0 && !covered.has(t)).length;
      if (dropped > 0) notes.push(`group ${group.name}: ${dropped} quarter-hours of the week with load that no shift of the decisions works are left out of the cover`);
      const open = candidates.map((c) => ({ ...c, maxAgents: Math.max(c.maxAgents!, 100_000) }));
      solved = await coverShifts({ intervalsPerDay: SLOTS_PER_DAY, requirement: fine.map((r, t) => (covered.has(t) ? r : 0)), shifts: open, shrinkage });
    }
    if (solved.status !== 'optimal') {
      notes.push(`group ${group.name}: the set cover ended ${solved.status}; its shifts start at the scenario's values`);
      continue;
    }
    // Each decision takes its candidate's agents; a shift with start alternatives takes the one
    // the cover staffed (none staffed: the scenario's start, and the range's least agents).
    const agents = solved.agents;
    const setAgents = (decision: number, x: number) => {
      const d = decisions[decision]!;
      const up = d.values.findIndex((v) => (v as number) >= x - 1e-9);
      const last = String(d.values[d.values.length - 1]);
      if (up < 0) notes.push(`${d.key}: the cover asks for ${x} agents, beyond the range's ${last}; the search starts at ${last}`);
      point[decision] = up < 0 ? d.values.length - 1 : up;
    };
    const alternatives = new Map<string, number[]>();
    candidates.forEach((c, ci) => {
      if (c.exclusive === undefined) setAgents(c.decision, agents[ci]!);
      else alternatives.set(c.exclusive, [...(alternatives.get(c.exclusive) ?? []), ci]);
    });
    for (const members of alternatives.values()) {
      const taken = members.reduce((a, b) => (agents[b]! > agents[a]! ? b : a));
      const c = candidates[taken]!;
      if (agents[taken]! > 0 && c.startDecision !== null) point[c.startDecision] = indexOfValue(decisions[c.startDecision]!, c.startValue).index;
      setAgents(c.decision, agents[taken]!);
    }
  }
  return { point, notes, requirement };
}
