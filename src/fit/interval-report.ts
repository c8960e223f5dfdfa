/**
 * `--layout intervals`: a WFM interval report, when only aggregates exist. CSV with a header
 * naming (case-insensitively) these columns, one row per interval, in time order:
 *
 *   start         interval start, "YYYY-MM-DD HH:MM" (seconds optional)
 *   offered       contacts offered
 *   abandoned     contacts that hung up
 *   answered      (optional; default offered − abandoned)
 *   ahtSec        mean handle time of the answered contacts, seconds
 *   asaSec        mean wait of the answered (and/or serviceLevel, the share answered within --sl-sec)
 *   agents        agents on duty
 *
 * Missing intervals count as closed (nothing offered, no agents). What aggregates allow:
 * - the arrival profile by kind of day and the day factor, as from a call log (the counts are the
 *   same sufficient statistics);
 * - the mean handle time (answered-weighted); not its distribution: the scenario uses an
 *   exponential, the service law Erlang A assumes;
 * - patience by inverting Erlang A: the mean patience τ at which the intervals' Erlang A
 *   abandonment, at their rate, AHT and agents, adds up to the abandonments reported (rate and AHT
 *   smoothed over the days of a kind, not each interval's noisy count and mean: Erlang A is convex
 *   in both near capacity, and the noise would bias τ upwards by a quarter — measured in the tests):
 *   Σᵢ offeredᵢ·P_ab(λᵢ, AHTᵢ, agentsᵢ, τ) = Σᵢ abandonedᵢ (P_ab increases as τ falls, so one root,
 *   found by bisection on log τ). Its 95% interval solves the same equation at the total's
 *   binomial limits, A ± 1.96·√Σ nᵢpᵢ(1 − pᵢ): sampling error only, not Erlang A's model error
 *   (stationary intervals, exponential patience and service, all agents answering).
 * What they do not allow: the handle-time shape (lognormal, goodness of fit), Kaplan–Meier,
 * P(abandon | queued) (queued calls are not counted), type shares, redials, priorities.
 */
import { erlang } from '../analytic/erlang.js';
import { Z95 } from '../engine/stats/chi-square.js';
import { profileFromCounts, type ArrivalProfile } from './arrival-profile.js';
import { SECONDS_PER_DAY } from '../engine/civil-time.js';
import { parseDelimited, type Field } from './delimited.js';
import { dayFactorCv, type Dispersion } from './dispersion.js';
import { fitMessage, FitError } from './messages.js';
import { F } from '../model/facts.js';
import { emptyTally, kpisOf, type Kpis, type Tally } from './observed-kpis.js';
import { timeParser } from './time-format.js';
import { fail } from './layouts/fields.js';

export const INTERVAL_COLUMNS = ['start', 'offered', 'abandoned', 'answered', 'ahtSec', 'asaSec', 'serviceLevel', 'agents'] as const;
const REQUIRED = ['start', 'offered', 'abandoned', 'ahtSec', 'agents'] as const;

export const NOT_ESTIMABLE_FROM_INTERVALS = [
  'handleTimeSec.lognormal (the shape of the handle-time distribution: the report gives only its mean)',
  'handleTimeSec.goodnessOfFit',
  'patienceSec.kaplanMeierMedian (needs each queued call\'s wait and outcome)',
  'pAbandonGivenQueued (the report does not count queued calls)',
  'types, priorities and redials (no call-level fields)',
];

export interface IntervalRow {
  line: number;
  startSec: number;
  offered: number;
  answered: number;
  abandoned: number;
  ahtSec: number;
  asaSec: number | null;
  serviceLevel: number | null;
  agents: number;
}

export interface IntervalReport {
  firstDay: number;
  days: number;
  intervalMin: number;
  rows: IntervalRow[];
  /** Per (day, interval) of the calendar, day-major. */
  offered: number[];
  agents: number[];
}

export function readIntervalReport(text: string, intervalMin: number): IntervalReport {
  const rows = parseDelimited(text, ',', true);
  if (rows.length === 0) throw new FitError(fitMessage.emptyLog());
  const [header, ...data] = rows;
  const names = header!.fields.map((f) => f.text.trim().toLowerCase());
  const ix = Object.fromEntries(INTERVAL_COLUMNS.map((c) => [c, names.indexOf(c.toLowerCase())])) as Record<(typeof INTERVAL_COLUMNS)[number], number>;
  const missing = REQUIRED.filter((c) => ix[c] < 0);
  if (missing.length > 0 || (ix.asaSec < 0 && ix.serviceLevel < 0)) throw new FitError(fitMessage.intervalColumns([...missing, ...(ix.asaSec < 0 && ix.serviceLevel < 0 ? ['asaSec or serviceLevel'] : [])]), header!.line, 1);
  if (data.length === 0) throw new FitError(fitMessage.noCalls(), header!.line, 1);
  const withSeconds = timeParser('YYYY-MM-DD HH:mm:ss');
  const withoutSeconds = timeParser('YYYY-MM-DD HH:mm');
  const num = (f: Field, column: string, what: string, ok: (v: number) => boolean) => {
    const v = Number(f.text.trim());
    if (f.text.trim() === '' || !Number.isFinite(v) || !ok(v)) fail(f, fitMessage.badNumber(column, f.text, what));
    return v;
  };
  const count = (f: Field, c: string) => num(f, c, 'a whole number ≥ 0', (v) => Number.isInteger(v) && v >= 0);
  const parsed: IntervalRow[] = [];
  for (const row of data) {
    if (row.fields.length !== header!.fields.length) throw new FitError(fitMessage.fieldCount(row.fields.length, header!.fields.length), row.line, 1);
    const f = (c: (typeof INTERVAL_COLUMNS)[number]) => row.fields[ix[c]]!;
    const startText = f('start').text;
    const start = withSeconds.parse(startText) ?? withoutSeconds.parse(startText);
    if (start === null) fail(f('start'), fitMessage.badTime('start', startText, 'YYYY-MM-DD HH:MM'));
    const previous = parsed[parsed.length - 1];
    if (previous && start <= previous.startSec) fail(f('start'), fitMessage.intervalOrder(data[parsed.length - 1]!.fields[ix.start]!.text, startText));
    if (start % (intervalMin * 60) !== 0) fail(f('start'), fitMessage.intervalAlign(startText, intervalMin));
    const offered = count(f('offered'), 'offered');
    const abandoned = count(f('abandoned'), 'abandoned');
    if (abandoned > offered) fail(f('abandoned'), fitMessage.badNumber('abandoned', f('abandoned').text, `at most offered (${offered})`));
    const answered = ix.answered >= 0 && f('answered').text.trim() !== '' ? count(f('answered'), 'answered') : offered - abandoned;
    parsed.push({
      line: row.line,
      startSec: start,
      offered,
      answered,
      abandoned,
      ahtSec: answered > 0 ? num(f('ahtSec'), 'ahtSec', 'a number of seconds > 0', (v) => v > 0) : 0,
      asaSec: ix.asaSec >= 0 && f('asaSec').text.trim() !== '' ? num(f('asaSec'), 'asaSec', 'a number of seconds ≥ 0', (v) => v >= 0) : null,
      serviceLevel: ix.serviceLevel >= 0 && f('serviceLevel').text.trim() !== '' ? num(f('serviceLevel'), 'serviceLevel', 'a share from 0 to 1', (v) => v >= 0 && v <= 1) : null,
      agents: count(f('agents'), 'agents'),
    });
  }
  const firstDay = Math.floor(parsed[0]!.startSec / SECONDS_PER_DAY);
  const days = Math.floor(parsed[parsed.length - 1]!.startSec / SECONDS_PER_DAY) - firstDay + 1;
  const perDay = (24 * 60) / intervalMin;
  const offered = new Array<number>(days * perDay).fill(0);
  const agents = new Array<number>(days * perDay).fill(0);
  for (const r of parsed) {
    const k = Math.floor((r.startSec - firstDay * SECONDS_PER_DAY) / (intervalMin * 60));
    offered[k] = r.offered;
    agents[k] = r.agents;
  }
  return { firstDay, days, intervalMin, rows: parsed, offered, agents };
}

export interface IntervalFit {
  report: IntervalReport;
  arrivals: ArrivalProfile;
  dispersion: Dispersion;
  ahtSec: number;
  patience: { meanSec: number | null; ci95: [number, number] | null; intervalsUsed: number; intervalsSkipped: number; method: string };
  observed: Kpis & { asaKnown: boolean; serviceLevelKnown: boolean };
}

/** Expected abandonments of the report's intervals under Erlang A with mean patience τ. */
function expectedAbandons(rows: readonly (IntervalRow & { rateSec: number })[], intervalSec: number, aht: number, tau: number): { total: number; variance: number } {
  let total = 0;
  let variance = 0;
  const seen = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.rateSec}/${r.ahtSec}/${r.agents}`;
    let p = seen.get(key);
    if (p === undefined) {
      // Threshold 0: only the abandonment is needed, and it skips the service-level computation.
      p = erlang({ lambdaPerSec: r.rateSec, ahtSec: r.ahtSec > 0 ? r.ahtSec : aht, agents: r.agents, patienceSec: tau, slThresholdSec: 0 }).abandonRate;
      seen.set(key, p);
    }
    total += r.offered * p;
    variance += r.offered * p * (1 - p);
  }
  return { total, variance };
}

/** Mean patience searched: 1 s to 6 h (longer is "never hangs up" for a call centre, and Erlang A's chain grows with it). */
const PATIENCE_RANGE_SEC = [1, 6 * 3600] as const;

/** τ with Σ expected abandonments = target, by bisection on log τ over PATIENCE_RANGE_SEC; null if out of reach. */
function solvePatience(rows: readonly (IntervalRow & { rateSec: number })[], intervalSec: number, aht: number, target: number): number | null {
  let lo = Math.log(PATIENCE_RANGE_SEC[0]);
  let hi = Math.log(PATIENCE_RANGE_SEC[1]);
  const f = (x: number) => expectedAbandons(rows, intervalSec, aht, Math.exp(x)).total - target;
  if (f(lo) < 0 || f(hi) > 0) return null;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

export function fitIntervalReport(report: IntervalReport, seed: number): IntervalFit {
  const arrivals = profileFromCounts(report.offered, report.firstDay, report.days, report.intervalMin);
  const dispersion = dayFactorCv(arrivals.kinds.map((k) => k.days.map((d) => arrivals.daily[d]!.calls)), seed);
  const answered = report.rows.reduce((s, r) => s + r.answered, 0);
  const ahtSec = answered > 0 ? report.rows.reduce((s, r) => s + r.answered * r.ahtSec, 0) / answered : 0;
  // Each interval's rate is its kind of day's fitted rate there (times the day's own level), not its
  // raw count: a count's Poisson noise, fed into the convex Erlang A abandonment, would inflate the
  // expected abandonments and so the patience needed to match them (Jensen).
  const perDay = (24 * 60) / report.intervalMin;
  // Likewise the AHT: pooled per kind of day × interval of the day over the days, not each
  // interval's own noisy mean.
  const slot = (r: IntervalRow) => {
    const k = Math.floor((r.startSec - report.firstDay * SECONDS_PER_DAY) / (report.intervalMin * 60));
    return `${arrivals.kindOfWeekday[arrivals.daily[Math.floor(k / perDay)]!.weekday]}/${k % perDay}`;
  };
  const pooled = new Map<string, { answered: number; handle: number }>();
  for (const r of report.rows) {
    const p = pooled.get(slot(r)) ?? { answered: 0, handle: 0 };
    p.answered += r.answered;
    p.handle += r.answered * r.ahtSec;
    pooled.set(slot(r), p);
  }
  const usable = report.rows
    .filter((r) => r.offered > 0 && r.agents > 0)
    .map((r) => {
      const k = Math.floor((r.startSec - report.firstDay * SECONDS_PER_DAY) / (report.intervalMin * 60));
      const day = Math.floor(k / perDay);
      const kind = arrivals.kinds[arrivals.kindOfWeekday[arrivals.daily[day]!.weekday]!]!;
      const level = kind.meanDailyCalls > 0 ? arrivals.daily[day]!.calls / kind.meanDailyCalls : 1;
      const p = pooled.get(slot(r))!;
      return { ...r, ahtSec: p.answered > 0 ? p.handle / p.answered : ahtSec, rateSec: (kind.ratePerHour[k % perDay]! * level) / 3600 };
    });
  const abandoned = usable.reduce((s, r) => s + r.abandoned, 0);
  const intervalSec = report.intervalMin * 60;
  const meanSec = solvePatience(usable, intervalSec, ahtSec, abandoned);
  let ci95: [number, number] | null = null;
  if (meanSec !== null) {
    const sd = Math.sqrt(expectedAbandons(usable, intervalSec, ahtSec, meanSec).variance);
    const long = solvePatience(usable, intervalSec, ahtSec, Math.max(0.5, abandoned - Z95 * sd));
    const short = solvePatience(usable, intervalSec, ahtSec, abandoned + Z95 * sd);
    ci95 = [short ?? PATIENCE_RANGE_SEC[0], long ?? PATIENCE_RANGE_SEC[1]];
  }
  const t: Tally = emptyTally();
  let slKnown = 0;
  let asaKnown = 0;
  for (const r of report.rows) {
    t[F.offered]! += r.offered;
    t[F.inboundRealtime]! += r.offered;
    t[F.answered]! += r.answered;
    t[F.lineAnswered]! += r.answered;
    t[F.abandoned]! += r.abandoned;
    if (r.asaSec !== null) {
      t[F.answeredWaitSec]! += r.asaSec * r.answered;
      asaKnown += r.answered;
    }
    if (r.serviceLevel !== null) {
      t[F.withinThreshold]! += r.serviceLevel * r.offered;
      slKnown += r.offered;
    }
  }
  const k = kpisOf(t);
  return {
    report,
    arrivals,
    dispersion,
    ahtSec,
    patience: {
      meanSec,
      ci95,
      intervalsUsed: usable.length,
      intervalsSkipped: report.rows.length - usable.length,
      method:
        'Erlang A inverted: the mean patience at which the intervals\' Erlang A abandonment (offered rate, AHT, agents of each interval) adds up to the abandonments reported; 95% CI from the binomial spread of that total (sampling error only, not Erlang A\'s model error)',
    },
    observed: { ...k, asaSec: asaKnown > 0 ? t[F.answeredWaitSec]! / asaKnown : null, serviceLevel: slKnown > 0 ? t[F.withinThreshold]! / slKnown : null, asaKnown: asaKnown > 0, serviceLevelKnown: slKnown > 0 },
  };
}
