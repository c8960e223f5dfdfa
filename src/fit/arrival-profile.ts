/**
 * Arrival rates by kind of day × interval, from the calls' arrival times.
 *
 * Kinds of day are found from the data: each weekday's mean daily volume is computed, the
 * weekdays are sorted by it, and a new kind starts wherever the next weekday's mean is more than
 * KIND_GAP_RATIO times the previous one's. Within a kind, days differ by the day factor (cv
 * 0.1–0.3 in call centres, so two-day means rarely differ by a third); a jump of 50% or more is a
 * different kind of day — the bank's Friday (closes at 14:00) and Saturday (opens after the
 * Sabbath) against Sunday–Thursday. Weekdays the log never covers join the busiest kind.
 *
 * Each kind's rate in interval i is the maximum-likelihood rate of a Poisson process, its calls
 * in that interval over its days divided by the time observed, with the exact Poisson 95%
 * interval of the count (Garwood 1936: χ²-quantiles); that interval ignores the day-to-day
 * over-dispersion (dispersion.ts), so it is narrower than the truth on busy intervals.
 */
import { chiSquareQuantile } from '../engine/stats/chi-square.js';
import type { CallRecord } from './call-log.js';
import { SECONDS_PER_DAY, weekdayOf } from '../engine/civil-time.js';

export const KIND_GAP_RATIO = 1.5;
export const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface DayKind {
  /** Weekdays of the kind (0 = Monday), and its days in the log (0 = day 0). */
  weekdays: number[];
  /** The weekdays the log covers, named (weekdays it never covers join the busiest kind, unnamed). */
  name: string;
  days: number[];
  meanDailyCalls: number;
  /** Calls per hour in each interval of the day, and the Poisson 95% interval. */
  ratePerHour: number[];
  rateCi95: [number, number][];
}

export interface ArrivalProfile {
  intervalMin: number;
  /** Calls per calendar day of the log. */
  daily: { day: number; weekday: number; calls: number }[];
  /** Mean daily calls per weekday (null if the log has no such day). */
  weekdayMeans: (number | null)[];
  kinds: DayKind[];
  /** Kind index of each weekday. */
  kindOfWeekday: number[];
  /** Calls per (day, interval) over the log, day-major. */
  counts: number[];
}

/** Exact Poisson 95% interval of a count (Garwood 1936). */
export function poissonCi95(count: number): [number, number] {
  return [count === 0 ? 0 : chiSquareQuantile(0.025, 2 * count) / 2, chiSquareQuantile(0.975, 2 * count + 2) / 2];
}

/** "sun–thu", "fri", "mon, wed" … a readable name for a set of weekdays. */
export function weekdayRange(weekdays: readonly number[]): string {
  // Runs in the week that starts on the first weekday not in the set, so sun–thu reads as one run.
  const inSet = new Set(weekdays);
  if (inSet.size === 7) return 'every day';
  let start = 0;
  while (inSet.has(start)) start++;
  const runs: number[][] = [];
  for (let k = 1; k <= 7; k++) {
    const w = (start + k) % 7;
    if (!inSet.has(w)) continue;
    const last = runs[runs.length - 1];
    if (last && (last[last.length - 1]! + 1) % 7 === w) last.push(w);
    else runs.push([w]);
  }
  return runs.map((r) => (r.length === 1 ? WEEKDAY_NAMES[r[0]!] : `${WEEKDAY_NAMES[r[0]!]}–${WEEKDAY_NAMES[r[r.length - 1]!]}`)).join(', ');
}

export function arrivalProfile(calls: readonly CallRecord[], firstDay: number, days: number, intervalMin: number): ArrivalProfile {
  const intervalSec = intervalMin * 60;
  const counts = new Array<number>((days * SECONDS_PER_DAY) / intervalSec).fill(0);
  for (const c of calls) {
    const k = Math.floor(c.arrivalSec / intervalSec);
    if (k >= 0 && k < counts.length) counts[k]!++;
  }
  return profileFromCounts(counts, firstDay, days, intervalMin);
}

/** The same from counts per (day, interval), day-major (an interval report gives them directly). */
export function profileFromCounts(counts: number[], firstDay: number, days: number, intervalMin: number): ArrivalProfile {
  const intervalSec = intervalMin * 60;
  const perDay = SECONDS_PER_DAY / intervalSec;
  const daily = Array.from({ length: days }, (_, day) => ({
    day,
    weekday: weekdayOf(firstDay + day),
    calls: counts.slice(day * perDay, (day + 1) * perDay).reduce((a, b) => a + b, 0),
  }));
  const weekdayMeans = WEEKDAY_NAMES.map((_, w) => {
    const ds = daily.filter((d) => d.weekday === w);
    return ds.length === 0 ? null : ds.reduce((s, d) => s + d.calls, 0) / ds.length;
  });
  // Sort observed weekdays by mean volume; cut where the ratio jumps.
  const observed = weekdayMeans.map((m, w) => ({ w, m })).filter((x): x is { w: number; m: number } => x.m !== null).sort((a, b) => a.m - b.m || a.w - b.w);
  const groups: number[][] = [];
  let previous = NaN;
  for (const { w, m } of observed) {
    if (groups.length === 0 || m > previous * KIND_GAP_RATIO || (previous === 0 && m > 0)) groups.push([w]);
    else groups[groups.length - 1]!.push(w);
    previous = m;
  }
  // Busiest kind first (it gives the default intraday shape); unobserved weekdays join it.
  groups.reverse();
  for (let w = 0; w < 7; w++) if (weekdayMeans[w] === null) groups[0]!.push(w);
  const kindOfWeekday = new Array<number>(7).fill(0);
  groups.forEach((g, k) => g.forEach((w) => (kindOfWeekday[w] = k)));
  const kinds = groups.map((weekdays): DayKind => {
    const kindDays = daily.filter((d) => weekdays.includes(d.weekday)).map((d) => d.day);
    const n = kindDays.length;
    const totals = Array.from({ length: perDay }, (_, i) => kindDays.reduce((s, d) => s + counts[d * perDay + i]!, 0));
    const hours = (n * intervalSec) / 3600;
    return {
      weekdays: [...weekdays].sort((a, b) => a - b),
      name: weekdayRange(weekdays.filter((w) => weekdayMeans[w] !== null)),
      days: kindDays,
      meanDailyCalls: n === 0 ? 0 : totals.reduce((a, b) => a + b, 0) / n,
      ratePerHour: totals.map((t) => (n === 0 ? 0 : t / hours)),
      rateCi95: totals.map((t) => {
        const [lo, hi] = poissonCi95(t);
        return n === 0 ? [0, 0] : [lo / hours, hi / hours];
      }),
    };
  });
  return { intervalMin, daily, weekdayMeans, kinds, kindOfWeekday, counts };
}
