/**
 * fit.json and scenario.yaml of an interval report (interval-report.ts): the same keys as a call
 * log's where the aggregates allow them, null where they do not, and `notEstimable` saying which
 * and why.
 */
import { WEEKDAY_NAMES } from './arrival-profile.js';
import { isoDate } from '../engine/civil-time.js';
import { FIT_FORMAT, rounded } from './fit-json.js';
import { NOT_ESTIMABLE_FROM_INTERVALS, type IntervalFit } from './interval-report.js';
import { arrivalLines, rosterLines } from './scenario-writer.js';

export function intervalFitJsonObject(fit: IntervalFit, file: string, slThresholdSec: number) {
  const r = fit.report;
  const calls = r.rows.reduce((s, x) => s + x.offered, 0);
  return rounded({
    format: FIT_FORMAT,
    version: 1,
    calls,
    days: r.days,
    handleTimeSec: { mean: fit.ahtSec, method: 'answered-weighted mean of the intervals\' AHT', lognormal: { mu: null, sigma: null } },
    patienceSec: { exponentialMean: fit.patience.meanSec, exponentialMeanCi95: fit.patience.ci95, kaplanMeierMedian: null, used: 'exponential', ...fit.patience },
    pAbandonGivenQueued: null,
    source: { file, layout: 'intervals', firstDate: isoDate(r.firstDay), lastDate: isoDate(r.firstDay + r.days - 1), intervalMin: r.intervalMin, serviceLevelThresholdSec: slThresholdSec },
    accounting: { rows: r.rows.length, intervalsWithCalls: r.rows.filter((x) => x.offered > 0).length },
    arrivals: {
      meanCallsPerDay: calls / r.days,
      kinds: fit.arrivals.kinds.map((k) => ({ name: k.name, weekdays: k.weekdays.map((w) => WEEKDAY_NAMES[w]), days: k.days.length, meanDailyCalls: k.meanDailyCalls, ratePerHour: k.ratePerHour, ratePerHourCi95: k.rateCi95 })),
      daily: fit.arrivals.daily.map((d) => ({ date: isoDate(r.firstDay + d.day), weekday: WEEKDAY_NAMES[d.weekday], calls: d.calls })),
      dayFactorCv: { cv: fit.dispersion.cv, ci95: fit.dispersion.ci95, df: fit.dispersion.df, poissonPValue: fit.dispersion.poissonPValue },
    },
    staffing: { rosterMethod: 'reported', roster: r.agents },
    observed: { overall: { ...fit.observed, asaSec: fit.observed.asaKnown ? fit.observed.asaSec : null, serviceLevel: fit.observed.serviceLevelKnown ? fit.observed.serviceLevel : null } },
    notEstimable: NOT_ESTIMABLE_FROM_INTERVALS,
  });
}

export function intervalScenarioText(fit: IntervalFit, file: string, name: string, slThresholdSec: number, seed: number): string {
  const r = fit.report;
  const L = [
    `# Fitted by \`ccsim fit\` from the interval report ${file}: ${r.rows.length} intervals of ${r.intervalMin} min, ${r.days} days`,
    `# (${isoDate(r.firstDay)} to ${isoDate(r.firstDay + r.days - 1)}). Aggregates allow the arrival profile, the day factor, the mean handle`,
    '# time and (by inverting Erlang A) the mean patience. They do not allow:',
    ...NOT_ESTIMABLE_FROM_INTERVALS.map((x) => `#   - ${x}`),
    `name: ${name}`,
    `description: "Fitted from the interval report ${file.replace(/["\\]/g, '')}"`,
    `seed: ${seed}`,
    `horizon: { days: ${r.days} }`,
    `calendar: { startDate: "${isoDate(r.firstDay)}" }`,
    `serviceLevel: { thresholdSec: ${slThresholdSec} }`,
    ...arrivalLines(fit.arrivals, fit.dispersion, r.intervalMin),
    `handleTime: { dist: exponential, meanSec: ${Number(fit.ahtSec.toFixed(2))} }   # the answered-weighted AHT; the shape is unknown from aggregates: exponential, as Erlang A assumes`,
  ];
  if (fit.patience.meanSec !== null) {
    L.push(`# ${fit.patience.method}: ${fit.patience.intervalsUsed} intervals used, ${fit.patience.intervalsSkipped} without calls or agents skipped.`);
    L.push(`patience: { dist: exponential, meanSec: ${Number(fit.patience.meanSec.toFixed(2))} }   # 95% CI [${fit.patience.ci95!.map((x) => x.toFixed(1)).join(', ')}] s`);
  } else L.push('# Erlang A cannot reproduce the reported abandonments for any patience from 1 s to 6 h: no patience (nobody hangs up).');
  L.push(...rosterLines({ rosterMethod: 'reported', intervalMin: r.intervalMin, agents: 0, roster: r.agents }, r.firstDay, fit.arrivals));
  return `${L.join('\n')}\n`;
}
