import { SECONDS_PER_DAY, type ModelConfig, type OpenPeriod } from './config.js';

/**
 * Opening hours as a value: for each channel, the instants at which the center takes its
 * contacts, as ascending disjoint open periods [start, end) over the simulated days.
 *
 * - The center's hours are the scenario's `hours` (weekly periods), or — without them — the times
 *   some group is on shift (the union of the shift patterns, roster intervals with agents, or
 *   around the clock for a group with a constant headcount). A channel may have its own periods.
 *   Holidays close whole calendar days. Email accepts messages at any time (it is worked while
 *   agents are on shift), so it is never closed.
 * - What happens while closed is a named choice of the scenario (`closed`, model/contact-center.ts):
 *   a fresh voice or chat attempt hears a closed message and retries in the next open period
 *   with a probability (`retry`, the default), leaves a message for a callback (`callback`), or is
 *   lost (`lost`); it is counted apart, never as abandoned. Repeats and retrials that would fall
 *   while closed are made in the next open period instead, as people do, `closed.delay` of open
 *   time after the opening.
 *
 * Queries are binary searches over the periods (a few hundred a year); a channel open around the
 * clock has none, and every query answers at once.
 */
export class OpeningHours {
  /** Per channel: [start₀, end₀, start₁, end₁, …] ascending and disjoint, or null when always open. */
  private readonly periods: (Float64Array | null)[];

  constructor(config: Pick<ModelConfig, 'hours' | 'channels' | 'groups' | 'demand'>, untilSec: number) {
    const days = Math.ceil(untilSec / SECONDS_PER_DAY);
    const { startWeekday } = config.demand;
    const holidays = config.hours.holidays;
    const build = (weekly: readonly OpenPeriod[]) => alwaysOpen(withoutHolidays(merge(expand(weekly, days, startWeekday)), holidays), untilSec);
    const center = config.hours.weekly !== null ? build(config.hours.weekly) : alwaysOpen(withoutHolidays(merge(staffedSpans(config.groups, days, startWeekday, untilSec)), holidays), untilSec);
    this.periods = config.channels.map((ch, i) => {
      if (ch.kind === 'email') return null;
      const own = config.hours.byChannel[i];
      return own ? build(own) : center;
    });
  }

  /** Whether channel `ch` is open around the clock (no query needs a search). */
  alwaysOpen(ch: number): boolean {
    return this.periods[ch] === null;
  }

  /** Whether channel `ch` takes contacts at `t`. */
  isOpen(ch: number, t: number): boolean {
    const p = this.periods[ch]!;
    if (p === null) return true;
    const i = periodAtOrAfter(p, t);
    return i < p.length && p[i]! <= t;
  }

  /** The end of the open period that contains `t` (Infinity when always open); `t` must be open. */
  closeAfter(ch: number, t: number): number {
    const p = this.periods[ch]!;
    if (p === null) return Infinity;
    const i = periodAtOrAfter(p, t);
    return i < p.length ? p[i + 1]! : t;
  }

  /**
   * The instant reached by spending `delaySec` of open time from the first open instant at or
   * after `t` (Infinity when no open period remains): `t` itself plus the delay when open all along.
   */
  openTimeAfter(ch: number, t: number, delaySec: number): number {
    const p = this.periods[ch]!;
    if (p === null) return t + delaySec;
    let i = periodAtOrAfter(p, t);
    if (i >= p.length) return Infinity;
    let at = Math.max(t, p[i]!);
    let left = delaySec;
    for (;;) {
      const room = p[i + 1]! - at;
      if (left < room) return at + left;
      left -= room;
      i += 2;
      if (i >= p.length) return Infinity;
      at = p[i]!;
    }
  }

  /** The open periods of channel `ch` that overlap [from, to), clipped to it (for reports). */
  openSeconds(ch: number, from: number, to: number): number {
    const p = this.periods[ch]!;
    if (p === null) return to - from;
    let open = 0;
    for (let i = periodAtOrAfter(p, from); i < p.length && p[i]! < to; i += 2) open += Math.min(to, p[i + 1]!) - Math.max(from, p[i]!);
    return open;
  }
}

/** Index (even) of the first period whose end is after `t`, or p.length. */
function periodAtOrAfter(p: Float64Array, t: number): number {
  let lo = 0;
  let hi = p.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p[2 * mid + 1]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo;
}

/** Weekly periods laid over the days: day d is weekday (d + startWeekday) mod 7. */
function expand(weekly: readonly OpenPeriod[], days: number, startWeekday: number): [number, number][] {
  const out: [number, number][] = [];
  for (let day = 0; day < days; day++) {
    const weekday = (day + startWeekday) % 7;
    for (const p of weekly) if (p.weekdays.includes(weekday)) out.push([day * SECONDS_PER_DAY + p.startSec, day * SECONDS_PER_DAY + p.endSec]);
  }
  return out;
}

/** The spans in which some group is scheduled (agents > 0), the center's default hours. */
function staffedSpans(groups: ModelConfig['groups'], days: number, startWeekday: number, untilSec: number): [number, number][] {
  const out: [number, number][] = [];
  for (const g of groups) {
    if (g.roster !== null) {
      const { intervalSec, agents } = g.roster;
      for (let i = 0; i * intervalSec < untilSec; i++) if (agents[i % agents.length]! > 0) out.push([i * intervalSec, (i + 1) * intervalSec]);
    } else out.push(...expand(g.shifts.filter((s) => s.agents > 0), days, startWeekday));
  }
  return out;
}

/** Sorted, with overlapping or touching spans joined. */
function merge(spans: [number, number][]): [number, number][] {
  spans.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of spans) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else if (e > s) out.push([s, e]);
  }
  return out;
}

/** The spans with each holiday's calendar day [d·day, (d+1)·day) cut out. */
function withoutHolidays(spans: [number, number][], holidays: readonly number[]): [number, number][] {
  let out = spans;
  for (const h of holidays) {
    const from = h * SECONDS_PER_DAY;
    const to = from + SECONDS_PER_DAY;
    out = out.flatMap(([s, e]): [number, number][] => (e <= from || s >= to ? [[s, e]] : ([[s, Math.min(e, from)], [Math.max(s, to), e]] as [number, number][]).filter(([a, b]) => b > a)));
  }
  return out;
}

/** The flat period array, or null when the spans cover [0, until) without a gap. */
function alwaysOpen(spans: [number, number][], untilSec: number): Float64Array | null {
  if (spans.length === 1 && spans[0]![0] <= 0 && spans[0]![1] >= untilSec) return null;
  return Float64Array.from(spans.flat());
}
