import { agentsForServiceLevel } from '../analytic/erlang.js';
import { estimate, type Estimate } from '../experiment/estimate.js';
import type { ModelConfig } from '../model/config.js';
import { profileRate } from '../model/demand.js';
import type { ReplicationResult, SeriesResult } from '../model/result.js';

/** The KPIs reported for every interval, day and month. */
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
  'staffedAgents',
  'paidAgents',
  'requiredAgents',
] as const;
export type SeriesKpi = (typeof SERIES_KPIS)[number];

export interface SeriesRow {
  /** Index of the interval, day or month from the start (day 0, 00:00). */
  index: number;
  startSec: number;
  kpis: Record<SeriesKpi, Estimate>;
}

/** An interval of the day pooled over the measured days: counts are totals over `days`. */
export interface IntradayRow extends SeriesRow {
  /** How many measured days the interval pooled (divide counts by it for a per-day figure). */
  days: number;
}

export interface Series {
  intervalSec: number;
  /** Every profile interval of the measured window (written to intervals.csv). */
  interval: SeriesRow[];
  /** Interval of the day, pooled over the measured days: the average day. */
  intraday: IntradayRow[];
  day: SeriesRow[];
  month: SeriesRow[];
}

const ratio = (num: number, den: number, empty: number) => (den > 0 ? num / den : empty);

/**
 * KPIs of one replication over the buckets [from, to) (interval indices): sums of counts, ratios
 * of sums, agents as agent-seconds over the span. `requiredAgents` is the Erlang C staffing for
 * the service-level target (mean over the span), the planner's reference (requiredByInterval).
 */
function bucketKpis(s: SeriesResult, ks: readonly number[], required: number): Record<SeriesKpi, number> {
  let offered = 0, answered = 0, abandoned = 0, wait = 0, within = 0, handle = 0, repeats = 0, issues = 0, resolved = 0, available = 0, busy = 0, paid = 0;
  for (const k of ks) {
    offered += s.offered[k]!;
    answered += s.answered[k]!;
    abandoned += s.abandoned[k]!;
    wait += s.answeredWaitSumSec[k]!;
    within += s.withinThreshold[k]!;
    handle += s.handleSumSec[k]!;
    repeats += s.repeats[k]!;
    issues += s.issuesHandled[k]!;
    resolved += s.issuesResolvedFirst[k]!;
    available += s.availableAgentSec[k]!;
    busy += s.busyAgentSec[k]!;
    paid += s.paidAgentSec[k]!;
  }
  const spanSec = ks.length * s.intervalSec;
  return {
    offered,
    answered,
    abandoned,
    abandonRate: ratio(abandoned, offered, 0),
    asaSec: ratio(wait, answered, 0),
    serviceLevel: ratio(within, offered, 1),
    occupancy: ratio(busy, available, 0),
    ahtSec: ratio(handle, answered, 0),
    fcr: ratio(resolved, issues, 1),
    repeats,
    staffedAgents: available / spanSec,
    paidAgents: paid / spanSec,
    requiredAgents: required,
  };
}

/**
 * Erlang C agents needed per interval, cached by rate: at the expected (profile) load, or — with
 * customers, whose demand is an outcome of the run (the base grows or shrinks with the policy) —
 * at the load offered in the interval, averaged over the replications.
 */
function requiredByInterval(config: ModelConfig, buckets: number, results: readonly ReplicationResult[]): Float64Array {
  const meanHandle = config.reasons.reduce((s, r) => s + r.share * r.handleTime.mean, 0);
  const cache = new Map<number, number>();
  const out = new Float64Array(buckets);
  const intervalSec = config.demand.intervalSec;
  const offeredRate = (k: number) => results.reduce((sum, r) => sum + r.series.offered[k]!, 0) / results.length / intervalSec;
  for (let k = 0; k < buckets; k++) {
    const rate = config.customers === null ? profileRate(config.demand, k) : offeredRate(k);
    let need = cache.get(rate);
    if (need === undefined) {
      need = rate > 0 ? agentsForServiceLevel({ lambdaPerSec: rate, ahtSec: meanHandle, slThresholdSec: config.slThresholdSec }, config.slTarget) : 0;
      cache.set(rate, need);
    }
    out[k] = need;
  }
  return out;
}

/** Interval, day and month series over the measured window, estimated over replications. */
export function buildSeries(config: ModelConfig, results: readonly ReplicationResult[]): Series {
  const intervalSec = config.demand.intervalSec;
  const buckets = results[0]!.series.offered.length;
  const perDay = config.demand.intraday.length;
  const required = requiredByInterval(config, buckets, results);
  const firstBucket = Math.ceil(config.warmupSec / intervalSec - 1e-9);
  const row = (index: number, ks: number[]): SeriesRow => {
    const req = ks.reduce((sum, k) => sum + required[k]!, 0) / ks.length;
    const per = results.map((r) => bucketKpis(r.series, ks, req));
    const kpis = {} as Record<SeriesKpi, Estimate>;
    for (const key of SERIES_KPIS) kpis[key] = estimate(per.map((p) => p[key]));
    return { index, startSec: ks[0]! * intervalSec, kpis };
  };
  const span = (n: number): SeriesRow[] => {
    const out: SeriesRow[] = [];
    for (let from = Math.ceil(firstBucket / n) * n; from < buckets; from += n) {
      out.push(row(from / n, Array.from({ length: Math.min(n, buckets - from) }, (_, i) => from + i)));
    }
    return out;
  };
  const intraday = Array.from({ length: perDay }, (_, j) => {
    const ks: number[] = [];
    for (let k = j; k < buckets; k += perDay) if (k >= firstBucket) ks.push(k);
    return ks.length > 0 ? { ...row(j, ks), days: ks.length } : null;
  }).filter((r): r is IntradayRow => r !== null);
  return { intervalSec, interval: span(1), intraday, day: span(perDay), month: span(perDay * 30) };
}

/** The day (from day 0) and the "HH:MM" time of day of a time in seconds, for CSV rows. */
export function dayAndTime(startSec: number): [number, string] {
  const day = Math.floor(startSec / 86_400);
  const minutes = Math.round((startSec - day * 86_400) / 60);
  return [day, `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`];
}

/** A series as CSV: index, start (day d, hh:mm), then mean/lo/hi of every KPI. */
export function seriesCsv(rows: readonly SeriesRow[]): string {
  const head = ['index', 'day', 'time', ...SERIES_KPIS.flatMap((k) => [k, `${k}_lo`, `${k}_hi`])];
  const lines = rows.map((r) => {
    const [day, time] = dayAndTime(r.startSec);
    return [r.index, day, time, ...SERIES_KPIS.flatMap((k) => [r.kpis[k].mean, ...r.kpis[k].ci95])].join(',');
  });
  return `${[head.join(','), ...lines].join('\n')}\n`;
}
