import { agentsForServiceLevel } from '../analytic/erlang.js';
import { figureValue } from '../model/catalogue.js';
import { SECONDS_PER_DAY, type ModelConfig } from '../model/config.js';
import { profileRate } from '../model/demand.js';
import { F, NF, sumRows } from '../model/facts.js';
import { OpeningHours } from '../model/hours.js';
import type { ReplicationResult } from '../model/result.js';
import { estimate, type FigureEstimate } from './estimate.js';

/** The figures reported for every interval, day and month (model/catalogue.ts), and the Erlang reference. */
export const SERIES_KPIS = [
  'offered',
  'answered',
  'abandoned',
  'abandonRate',
  'asaSec',
  'serviceLevel',
  'occupancy',
  'ahtSec',
  'fcr',
  'repeats',
  'closedAttempts',
  'staffedAgents',
  'paidAgents',
  'requiredAgents',
] as const;
export type SeriesKpi = (typeof SERIES_KPIS)[number];

export interface SeriesRow {
  /** Index of the interval, day or month from the start (day 0, 00:00). */
  index: number;
  startSec: number;
  kpis: Record<SeriesKpi, FigureEstimate>;
}

/** An interval of the day pooled over the measured days of one kind: counts are totals over `days`. */
export interface IntradayRow extends SeriesRow {
  /** The kind of day (days with the same opening hours and intraday shape), e.g. "mon–fri". */
  dayKind: string;
  /** How many measured days of this kind the interval pooled (divide counts by it for a per-day figure). */
  days: number;
}

export interface Series {
  intervalSec: number;
  /**
   * Every profile interval of the measured window (written to intervals.csv), computed as it is
   * read — each pass a fresh one — so a run of years never holds its interval rows in memory.
   */
  interval: Iterable<SeriesRow>;
  /** The average day of each kind of day: open days only, holidays and closed days left out. */
  intraday: IntradayRow[];
  day: SeriesRow[];
  month: SeriesRow[];
}

const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * The kinds of day of the measured window: days grouped by their weekday's intraday shape and
 * their opening hours (interval by interval), so a Monday–Friday center gets one weekday profile
 * rather than an average over closed weekends. Closed days (and holidays) belong to no kind.
 * Returns, per kind in order of first appearance, its name and its days.
 */
export function dayKinds(config: ModelConfig, firstDay: number, lastDay: number): { name: string; days: number[] }[] {
  const hours = new OpeningHours(config, (lastDay + 1) * SECONDS_PER_DAY);
  const channel = Math.max(0, config.channels.findIndex((c) => c.kind !== 'email'));
  const intervalSec = config.demand.intervalSec;
  const perDay = SECONDS_PER_DAY / intervalSec;
  const shapes = config.demand.intraday.map((shape) => shape.join(','));
  const kinds = new Map<string, { weekdays: Set<number>; days: number[] }>();
  for (let day = firstDay; day <= lastDay; day++) {
    const open = Array.from({ length: perDay }, (_, j) => (hours.openSeconds(channel, day * SECONDS_PER_DAY + j * intervalSec, day * SECONDS_PER_DAY + (j + 1) * intervalSec) > 0 ? 1 : 0));
    if (!open.includes(1)) continue;
    const weekday = (day + config.demand.startWeekday) % 7;
    const key = `${shapes[weekday]}|${open.join('')}`;
    const kind = kinds.get(key) ?? { weekdays: new Set<number>(), days: [] };
    kind.weekdays.add(weekday);
    kind.days.push(day);
    kinds.set(key, kind);
  }
  return [...kinds.values()].map((k) => ({ name: weekdayRange([...k.weekdays].sort((a, b) => a - b)), days: k.days }));
}

/** "every day", "mon–fri", "sat", or "mon, wed" for weekdays that are not a run. */
function weekdayRange(weekdays: number[]): string {
  if (weekdays.length === 7) return 'every day';
  const run = weekdays.every((w, i) => i === 0 || w === weekdays[i - 1]! + 1);
  if (run && weekdays.length > 2) return `${WEEKDAY_NAMES[weekdays[0]!]}–${WEEKDAY_NAMES[weekdays[weekdays.length - 1]!]}`;
  return weekdays.map((w) => WEEKDAY_NAMES[w]).join(', ');
}

/**
 * Erlang C agents needed per interval for the first real-time channel's service-level target: at
 * the expected (profile) load, or — with customers, whose demand is an outcome of the run — at
 * the load offered in the interval, averaged over the replications; 0 while closed. The planner's
 * reference line, cached by rate.
 */
function requiredByInterval(config: ModelConfig, buckets: number, results: readonly ReplicationResult[]): Float64Array {
  const meanHandle = config.reasons.reduce((s, r) => s + r.share * r.handleTime.mean, 0);
  const reference = config.channels.find((c) => c.kind !== 'email') ?? config.channels[0]!;
  const intervalSec = config.demand.intervalSec;
  const hours = new OpeningHours(config, buckets * intervalSec);
  const channel = config.channels.indexOf(reference);
  const cache = new Map<number, number>();
  const out = new Float64Array(buckets);
  const offeredRate = (k: number) => results.reduce((sum, r) => sum + r.facts.rows[k * NF + F.offered]!, 0) / results.length / intervalSec;
  for (let k = 0; k < buckets; k++) {
    if (hours.openSeconds(channel, k * intervalSec, (k + 1) * intervalSec) === 0) continue;
    const rate = config.customers === null ? profileRate(config.demand, k) : offeredRate(k);
    let need = cache.get(rate);
    if (need === undefined) {
      need = rate > 0 ? agentsForServiceLevel({ lambdaPerSec: rate, ahtSec: meanHandle, slThresholdSec: reference.slThresholdSec }, reference.slTarget) : 0;
      cache.set(rate, need);
    }
    out[k] = need;
  }
  return out;
}

/** Interval, day, month and average-day series over the measured window, estimated over replications. */
export function buildSeries(config: ModelConfig, results: readonly ReplicationResult[]): Series {
  const intervalSec = config.demand.intervalSec;
  const buckets = results[0]!.facts.rows.length / NF;
  const perDay = SECONDS_PER_DAY / intervalSec;
  const required = requiredByInterval(config, buckets, results);
  const firstBucket = Math.ceil(config.warmupSec / intervalSec - 1e-9);
  const row = (index: number, ks: readonly number[]): SeriesRow => {
    const req = ks.reduce((sum, k) => sum + required[k]!, 0) / ks.length;
    const facts = results.map((r) => sumRows(r.facts.rows, ks));
    const kpis = {} as Record<SeriesKpi, FigureEstimate>;
    for (const key of SERIES_KPIS) kpis[key] = key === 'requiredAgents' ? estimate([req]) : estimate(facts.map((f) => figureValue(key, f)));
    return { index, startSec: ks[0]! * intervalSec, kpis };
  };
  function* spans(n: number): Generator<SeriesRow> {
    for (let from = Math.ceil(firstBucket / n) * n; from < buckets; from += n) {
      yield row(from / n, Array.from({ length: Math.min(n, buckets - from) }, (_, i) => from + i));
    }
  }
  const span = (n: number): SeriesRow[] => [...spans(n)];
  const firstDay = Math.floor(firstBucket / perDay);
  const lastDay = Math.ceil(buckets / perDay) - 1;
  const intraday = dayKinds(config, firstDay, lastDay).flatMap((kind) =>
    Array.from({ length: perDay }, (_, j) => {
      const ks = kind.days.map((d) => d * perDay + j).filter((k) => k >= firstBucket && k < buckets);
      return ks.length > 0 ? { ...row(j, ks), dayKind: kind.name, days: ks.length } : null;
    }).filter((r): r is IntradayRow => r !== null),
  );
  return { intervalSec, interval: { [Symbol.iterator]: () => spans(1) }, intraday, day: span(perDay), month: span(perDay * 30) };
}
