import { SECONDS_PER_DAY, type GroupConfig } from './config.js';

/**
 * Staffing as a value: the weekly shift patterns of every group expanded over the simulated
 * days into two step functions per group — agents *paid* (scheduled) and agents *available*
 * (scheduled, not absent, not on a break). The simulation consumes the available steps as
 * events; paid time is integrated from the paid steps for cost.
 *
 * - Shrinkage: each scheduled agent-shift is lost with probability `shrinkage` (absence,
 *   training), still paid: agent i of shift s of group g on day d is absent when the uniform
 *   `absence(d, g, s, i)` is below it (keyed, model/draws.ts), so agent i is the same person
 *   under every policy, and a policy with fewer agents on a shift keeps the first ones' absences
 *   (common random numbers: the present counts differ only by the agents one policy lacks).
 * - Breaks: the agents present take each break staggered evenly over its window, so capacity
 *   dips smoothly instead of dropping to zero (agent i of n starts at start + i·stagger/n).
 * - End of shift (a named choice): an agent whose shift or break starts while busy finishes the
 *   contact first, then leaves; that overrun is not paid (see model/contact-center.ts).
 */
export interface StaffingSteps {
  /** Times of changes, ascending; equal times merged per group. */
  time: Float64Array;
  group: Int32Array;
  delta: Int32Array;
}

export interface StaffingPlan {
  available: StaffingSteps;
  paid: StaffingSteps;
}

interface Change {
  time: number;
  group: number;
  delta: number;
}

/**
 * Expands the shift patterns over [0, untilSec): day d is weekday (d + startWeekday) mod 7, and
 * nobody is scheduled on a holiday (a roster is taken as given).
 */
/** The uniform deciding whether agent `agent` of shift `shift` of group `group` is absent on day `day`. */
export type AbsenceUniform = (day: number, group: number, shift: number, agent: number) => number;

export function buildStaffing(
  groups: readonly GroupConfig[],
  untilSec: number,
  absence: AbsenceUniform,
  calendar: { startWeekday: number; holidays: readonly number[] } = { startWeekday: 0, holidays: [] },
): StaffingPlan {
  const holiday = new Set(calendar.holidays);
  const available: Change[] = [];
  const paid: Change[] = [];
  const days = Math.ceil(untilSec / SECONDS_PER_DAY);
  groups.forEach((g, group) => {
    if (g.roster !== null) {
      rosterChanges(g.roster, group, untilSec, available, paid);
      return;
    }
    const shrinkage = g.shrinkage;
    for (let day = 0; day < days; day++) {
      if (holiday.has(day)) continue;
      for (let shift = 0; shift < g.shifts.length; shift++) {
        const s = g.shifts[shift]!;
        if (!s.weekdays.includes((day + calendar.startWeekday) % 7)) continue;
        const start = day * SECONDS_PER_DAY + s.startSec;
        const end = day * SECONDS_PER_DAY + s.endSec;
        if (start >= untilSec) continue;
        paid.push({ time: start, group, delta: s.agents }, { time: end, group, delta: -s.agents });
        let present = s.agents;
        if (shrinkage > 0) for (let i = 0; i < s.agents; i++) if (absence(day, group, shift, i) < shrinkage) present--;
        if (present === 0) continue;
        available.push({ time: start, group, delta: present }, { time: end, group, delta: -present });
        for (const b of s.breaks) {
          const from = day * SECONDS_PER_DAY + b.startSec;
          const stagger = Math.max(0, Math.min(b.staggerSec, end - from - b.durationSec));
          for (let i = 0; i < present; i++) {
            const at = from + (i * stagger) / present;
            available.push({ time: at, group, delta: -1 }, { time: at + b.durationSec, group, delta: 1 });
          }
        }
      }
    }
  });
  return { available: steps(available), paid: steps(paid) };
}

/**
 * A roster's agents on duty, interval by interval from day 0: paid and available alike (a roster
 * lists who was there; shrinkage does not apply). A roster shorter than the run repeats (the
 * scenario checks that it is a day's, a week's or the whole horizon's worth).
 */
function rosterChanges(roster: { intervalSec: number; agents: readonly number[] }, group: number, untilSec: number, available: Change[], paid: Change[]): void {
  const n = roster.agents.length;
  let level = 0;
  for (let i = 0; i * roster.intervalSec < untilSec; i++) {
    const agents = roster.agents[i % n]!;
    if (agents === level) continue;
    const change = { time: i * roster.intervalSec, group, delta: agents - level };
    available.push(change);
    paid.push({ ...change });
    level = agents;
  }
}

/** Sorts changes by (time, group), merges equal (time, group) and drops zero deltas. */
function steps(changes: Change[]): StaffingSteps {
  changes.sort((a, b) => a.time - b.time || a.group - b.group);
  const merged: Change[] = [];
  for (const c of changes) {
    const last = merged[merged.length - 1];
    if (last && last.time === c.time && last.group === c.group) last.delta += c.delta;
    else merged.push({ ...c });
  }
  const kept = merged.filter((c) => c.delta !== 0);
  return {
    time: Float64Array.from(kept, (c) => c.time),
    group: Int32Array.from(kept, (c) => c.group),
    delta: Int32Array.from(kept, (c) => c.delta),
  };
}

/**
 * ∫ level dt of one group's step function over the window [from, to), and per bucket of
 * `bucketSec` into `out` (added): each bucket gets the window's part of it, so the buckets add up
 * to the window integral, which is returned.
 */
export function integrateSteps(s: StaffingSteps, group: number, from: number, to: number, bucketSec: number, out: Float64Array | null): number {
  let level = 0;
  let last = 0;
  let window = 0;
  const add = (a: number, b: number) => {
    const lo = Math.max(a, from);
    const hi = Math.min(b, to);
    if (level === 0 || hi <= lo) return;
    window += level * (hi - lo);
    if (!out) return;
    for (let k = Math.floor(lo / bucketSec); k < out.length && k * bucketSec < hi; k++) {
      const x = Math.max(lo, k * bucketSec);
      const y = Math.min(hi, (k + 1) * bucketSec);
      if (y > x) out[k]! += level * (y - x);
    }
  };
  for (let i = 0; i < s.time.length; i++) {
    if (s.group[i] !== group) continue;
    add(last, s.time[i]!);
    last = s.time[i]!;
    level += s.delta[i]!;
  }
  add(last, to);
  return window;
}
