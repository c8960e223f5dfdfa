/**
 * fit.json: the fitted figures with their methods and 95% intervals, what the log held and what
 * was dropped. The keys CONTRACT names (calls, days, handleTimeSec.mean, handleTimeSec.lognormal.
 * {mu, sigma}, patienceSec.{exponentialMean, kaplanMeierMedian}, pAbandonGivenQueued) are at the
 * top; README "fit.json" describes the rest. Numbers are rounded to what the data can say (6
 * significant digits), so the file reads well and diffs stay small.
 */
import { WEEKDAY_NAMES } from './arrival-profile.js';
import { isoDate } from '../engine/civil-time.js';
import type { Fit } from './fit.js';
import type { HandleTimeFit } from './handle-time.js';

export const FIT_FORMAT = 'ccsim-fit';

/** Rounds every number in a tree to 6 significant digits (integers stay exact). */
export function rounded<T>(x: T): T {
  if (typeof x === 'number') return (Number.isInteger(x) || !Number.isFinite(x) ? x : Number(x.toPrecision(6))) as T;
  if (Array.isArray(x)) return x.map(rounded) as T;
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, rounded(v)])) as T;
  return x;
}

function handleFit(h: HandleTimeFit) {
  return {
    n: h.n,
    mean: h.mean,
    meanCi95: h.meanCi95,
    cv: h.cv,
    zeroSecondsExcludedFromLognormal: h.zeroSeconds,
    lognormal: {
      mu: h.lognormal.mu,
      sigma: h.lognormal.sigma,
      muCi95: h.lognormal.muCi95,
      sigmaCi95: h.lognormal.sigmaCi95,
      meanSec: h.lognormal.meanSec,
      meanSecCi95: h.lognormal.meanCi95,
      cv: h.lognormal.cv,
    },
    goodnessOfFit: {
      ksDistance: h.ks.d,
      ksAtSec: h.ks.atSec,
      ksPValue: h.ks.pValue,
      chiSquare: h.chiSquare.statistic,
      chiSquareBins: h.chiSquare.bins,
      chiSquareDf: h.chiSquare.df,
      chiSquarePValue: h.chiSquare.pValue,
    },
  };
}

export interface FitJsonInput {
  fit: Fit;
  /** The log as named on the command line. */
  file: string;
}

export function fitJsonObject({ fit, file }: FitJsonInput) {
  const { log, arrivals, dispersion, handleTime: ht, patience: p, observed } = fit;
  const perDay = (24 * 60) / fit.options.intervalMin;
  return rounded({
    format: FIT_FORMAT,
    version: 1,
    calls: log.calls.length,
    days: log.days,
    handleTimeSec: {
      ...handleFit(ht.overall),
      method:
        'served by an agent: mean with Student-t 95% CI; lognormal by maximum likelihood on log seconds (mu, sigma; t and chi-square 95% CIs; mean by Cox); goodness of fit: Kolmogorov–Smirnov distance (p-value conservative: parameters estimated) and Pearson chi-square over 20 equiprobable bins (df = bins − 3)',
      byType: Object.fromEntries(ht.byType.map((t) => [t.type, t.fit ? handleFit(t.fit) : { note: t.note }])),
      histogram: ht.histogram,
    },
    patienceSec: {
      exponentialMean: p.exponential.meanSec,
      exponentialMeanCi95: p.exponential.ci95,
      kaplanMeierMedian: p.kaplanMeier.median,
      kaplanMeierMedianCi95: p.kaplanMeier.medianCi95,
      used: 'exponential',
      why: "the exponential mean uses every queued call's wait and is the form of ccsim's Erlang A reference; the Kaplan–Meier curve (below) shows where the exponential bends away from the data",
      method:
        'queued calls only; abandonment = event, answer = censoring at the wait. Exponential MLE = total wait / abandonments, 95% CI from chi-square(2k). Kaplan–Meier with Greenwood variance, log(−log) 95% bands, median CI by Brookmeyer–Crowley',
      queued: p.exponential.queued,
      abandonments: p.exponential.abandonments,
      totalWaitSec: p.exponential.totalWaitSec,
      longestWaitSec: p.longestWaitSec,
      kaplanMeier: p.kaplanMeier.steps.filter((s) => s.events > 0).map((s) => ({ t: s.timeSec, atRisk: s.atRisk, events: s.events, survival: s.survival, lo: s.lo, hi: s.hi })),
      hourlyCheck: {
        method: 'Mandelbaum & Zeltyn: with exponential patience P(abandon) = E[wait] / mean patience; per hour of day, abandon rate against mean wait of all offered calls, least squares through the origin over hours with ≥ 50 calls',
        impliedPatienceSec: p.hourlyImpliedPatienceSec,
        hours: p.hourly,
      },
    },
    pAbandonGivenQueued: p.pAbandonGivenQueued,
    pAbandonGivenQueuedCi95: p.pAbandonGivenQueuedCi95,
    source: {
      file,
      layout: log.layout,
      firstDate: isoDate(log.firstDay),
      lastDate: isoDate(log.firstDay + log.days - 1),
      intervalMin: fit.options.intervalMin,
      serviceLevelThresholdSec: fit.options.slThresholdSec,
    },
    accounting: {
      rows: log.rows,
      agentSeekingCalls: log.calls.length,
      dropped: log.dropped,
      droppedTotal: log.dropped.reduce((s, d) => s + d.count, 0),
      reinterpreted: log.reinterpreted,
    },
    arrivals: {
      method: `kinds of day: weekdays sorted by mean daily calls, a new kind where the next mean exceeds the previous by more than a factor 1.5; rate per kind × ${fit.options.intervalMin}-min interval = calls / time observed (Poisson MLE) with the exact Poisson 95% CI (Garwood), which leaves out the day-to-day dispersion`,
      meanCallsPerDay: log.calls.length / log.days,
      weekdayMeans: Object.fromEntries(WEEKDAY_NAMES.map((w, i) => [w, arrivals.weekdayMeans[i]])),
      kinds: arrivals.kinds.map((k) => ({
        name: k.name,
        weekdays: k.weekdays.map((w) => WEEKDAY_NAMES[w]),
        days: k.days.length,
        meanDailyCalls: k.meanDailyCalls,
        ratePerHour: k.ratePerHour,
        ratePerHourCi95: k.rateCi95,
      })),
      daily: arrivals.daily.map((d) => ({ date: isoDate(log.firstDay + d.day), weekday: WEEKDAY_NAMES[d.weekday], kind: arrivals.kinds[arrivals.kindOfWeekday[d.weekday]!]!.name, calls: d.calls })),
      observedByDay: Array.from({ length: log.days }, (_, d) => arrivals.counts.slice(d * perDay, (d + 1) * perDay)),
      dayFactorCv: {
        cv: dispersion.cv,
        ci95: dispersion.ci95,
        df: dispersion.df,
        poissonPValue: dispersion.poissonPValue,
        method: `method of moments on daily totals within kinds of day, Var = m + m²cv², pooled; 95% CI by percentile bootstrap over days within kinds (${dispersion.bootstrap.replicates} resamples, stream "${dispersion.bootstrap.stream}", seed ${dispersion.bootstrap.seed}); Poisson p-value by the index of dispersion`,
      },
    },
    types: fit.types,
    priorities: fit.priorities.length > 0 ? fit.priorities : undefined,
    staffing: {
      method: 'agentsSeen: distinct agents with a service overlapping the interval (an upper bound on agents available); busyAgents: busy agent-seconds / interval (a lower bound); agentsAvailable: serving, or idle in a gap before the next service while nobody waited beyond 30 s (agent-seconds / interval); roster: what the scenario simulates (rosterMethod)',
      intervalMin: fit.staffing.intervalMin,
      distinctAgents: fit.staffing.agents,
      rosterMethod: fit.staffing.rosterMethod,
      roster: fit.staffing.roster,
      agentsSeen: fit.staffing.agentsSeen,
      busyAgents: fit.staffing.busyAgents,
      agentsAvailable: fit.staffing.agentsAvailable,
    },
    redials: fit.redials,
    observed: { thresholdSec: observed.thresholdSec, overall: observed.overall, byHour: observed.byHour, byDay: observed.byDay },
    notEstimable: [] as string[],
  });
}

export type FitJson = ReturnType<typeof fitJsonObject>;

export function fitJson(input: FitJsonInput): string {
  return `${JSON.stringify(fitJsonObject(input), null, 2)}\n`;
}
