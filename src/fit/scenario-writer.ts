/**
 * The fitted scenario as commented YAML: every value with its source, method and 95% interval
 * beside it, and a header saying what the log held and what was dropped. The text is built line
 * by line (not through a YAML serializer) so the comments sit where a planner reads them; the
 * CLI and the tests parse it back through scenario/load.ts, so it is always valid.
 *
 * What is simulated: the log's calendar (day 0 = its first date, its length as the horizon), the
 * arrival profile by kind of day with the day factor, the types as reasons with their handle
 * times, exponential patience, and one agent group on the roster seen in the log.
 */
import { WEEKDAY_NAMES, type ArrivalProfile } from './arrival-profile.js';
import type { Dispersion } from './dispersion.js';
import type { StaffingSeen } from './staffing.js';
import { isoDate, clockText } from '../engine/civil-time.js';
import type { Fit } from './fit.js';
import type { HandleTimeFit } from './handle-time.js';

export interface ScenarioTextInput {
  fit: Fit;
  /** The log as named on the command line. */
  file: string;
  name: string;
  /** Lines of credit the data's licence asks for (without "# "). */
  credit?: readonly string[];
}

const f = (x: number | null, digits = 4) => (x === null ? '—' : Number(x.toFixed(digits)).toString());
const ci = (c: readonly [number, number] | readonly [number | null, number | null] | null, digits = 1) =>
  c === null ? 'n/a' : `[${c[0] === null ? '—' : f(c[0], digits)}, ${c[1] === null ? '—' : f(c[1], digits)}]`;

/** A reason name the scenario accepts (letters, digits, . _ -), from a log's type value. */
export function reasonName(type: string): string {
  const clean = type.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return clean === '' ? 'type' : clean;
}

/** The scenario name for a log file: fitted-<its base name>. */
export function scenarioName(file: string): string {
  const base = file.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '');
  return `fitted-${reasonName(base)}`.slice(0, 80);
}

/** Values as a YAML flow list, `perLine` to a line, each line ending in its comment. */
function flowList(values: readonly string[], perLine: number, indent: string, comment: (line: number) => string): string[] {
  const out = ['['];
  for (let i = 0; i < values.length; i += perLine) {
    out.push(`${indent}  ${values.slice(i, i + perLine).join(', ')},   # ${comment(i / perLine)}`);
  }
  out.push(`${indent}]`);
  return out;
}

function handleComment(h: HandleTimeFit): string {
  const l = h.lognormal;
  return `n = ${h.n}; sample mean ${f(h.mean, 1)} s ${ci(h.meanCi95)}, cv ${f(h.cv, 3)}; MLE μ̂ = ${f(l.mu)} ${ci(l.muCi95, 4)}, σ̂ = ${f(l.sigma)} ${ci(l.sigmaCi95, 4)} (mean ${f(l.meanSec, 1)} s); KS D = ${f(h.ks.d, 3)}`;
}

/** The handle-time distribution the scenario simulates: a lognormal with the sample's mean and cv. */
export function scenarioHandleTime(h: HandleTimeFit): { dist: 'lognormal'; meanSec: number; cv: number } {
  return { dist: 'lognormal', meanSec: Number(h.mean.toFixed(2)), cv: Number(h.cv.toFixed(4)) };
}


/** The `arrivals:` block: the week's mean rate, weekly factors by kind of day, a shape per kind, the day factor. */
export function arrivalLines(arrivals: ArrivalProfile, dispersion: Dispersion, intervalMin: number): string[] {
  const options = { intervalMin };
  const perDay = (24 * 60) / intervalMin;
  const L: string[] = [];
  const kindOf = arrivals.kindOfWeekday;
  const weekDaily = WEEKDAY_NAMES.map((_, w) => arrivals.kinds[kindOf[w]!]!.meanDailyCalls);
  const weekMean = weekDaily.reduce((a, b) => a + b, 0) / 7;
  const shape = (k: number) => {
    const r = arrivals.kinds[k]!.ratePerHour;
    const mean = r.reduce((a, b) => a + b, 0) / r.length;
    return r.map((x) => (mean > 0 ? f(x / mean) : '0'));
  };
  const clock = (line: number, per: number) => {
    const hhmm = (k: number) => clockText(k * options.intervalMin * 60, false).slice(0, 5);
    return `${hhmm(line * per)}–${hhmm((line + 1) * per - 1)}`;
  };
  const perLine = perDay >= 48 ? perDay / 4 : perDay / 2;
  L.push('arrivals:');
  L.push(`  # Kinds of day, found from the data (weekdays sorted by mean daily calls; a new kind where the next mean is`);
  L.push(`  # more than 1.5 × the previous): ${arrivals.kinds.map((k) => `${k.name} (${k.days.length} days, ${f(k.meanDailyCalls, 1)} calls/day)`).join('; ')}.`);
  L.push(`  # Rates are Poisson MLEs per kind × interval (calls / time observed); their intervals are in fit.json.`);
  L.push(`  ratePerHour: ${f(weekMean / 24)}   # mean over the week: Σ of the weekdays' kind means / 7 / 24 h`);
  L.push(`  intervalMin: ${options.intervalMin}`);
  L.push(`  weekly: [${weekDaily.map((x) => f(weekMean > 0 ? x / weekMean : 0)).join(', ')}]   # Monday … Sunday, each its kind's mean daily calls / the week's mean`);
  L.push(`  intraday: ${flowList(shape(0), perLine, '  ', (i) => `${arrivals.kinds[0]!.name}, ${clock(i, perLine)}`).join('\n')}`);
  if (arrivals.kinds.length > 1) {
    L.push('  intradayByWeekday:   # the other kinds of day: their own shapes');
    for (let k = 1; k < arrivals.kinds.length; k++) {
      for (const w of arrivals.kinds[k]!.weekdays) {
        L.push(`    ${WEEKDAY_NAMES[w]}: ${flowList(shape(k), perLine, '    ', (i) => `${arrivals.kinds[k]!.name}, ${clock(i, perLine)}`).join('\n')}`);
      }
    }
  }
  L.push(
    `  dayFactorCv: ${f(dispersion.cv)}   # method of moments on daily totals within kinds (Var = m + m²cv²); 95% CI ${ci(dispersion.ci95, 3)} by bootstrap over days (${dispersion.df} df); Poisson (cv 0) ${dispersion.poissonPValue !== null && dispersion.poissonPValue < 0.05 ? `rejected, p = ${dispersion.poissonPValue.toExponential(1)}` : `not rejected, p = ${dispersion.poissonPValue?.toFixed(2) ?? 'n/a'}`}`,
  );

  return L;
}

export function scenarioText({ fit, file, name, credit = [] }: ScenarioTextInput): string {
  const { log, arrivals, dispersion, handleTime: ht, patience: p, observed, options } = fit;
  const L: string[] = [];
  const c = (s = '') => L.push(s === '' ? '#' : `# ${s}`);
  c(`Fitted by \`ccsim fit\` from ${file} (layout ${log.layout}): ${log.rows} rows, ${log.calls.length} agent-seeking calls,`);
  c(`${log.days} days (${isoDate(log.firstDay)} to ${isoDate(log.firstDay + log.days - 1)}). Each value's method and 95% interval is in the comment`);
  c('beside it and, with more detail, in fit.json; the charts compare the fit with the data.');
  if (credit.length > 0) {
    c();
    for (const line of credit) c(line);
  }
  c();
  c('Rows not used (dropped), and calls used but read otherwise (reinterpreted):');
  for (const d of log.dropped) c(`  dropped        ${String(d.count).padStart(6)}  ${d.key}: ${d.description}`);
  for (const d of log.reinterpreted) c(`  reinterpreted  ${String(d.count).padStart(6)}  ${d.key}: ${d.description}`);
  if (log.dropped.length + log.reinterpreted.length === 0) c('  none');
  c();
  const o = observed.overall;
  c(`Observed (ccsim's KPI definitions, service level within ${observed.thresholdSec} s): offered ${o.offered}, abandonRate ${f(o.abandonRate)},`);
  c(`asaSec ${f(o.asaSec, 2)}, serviceLevel ${f(o.serviceLevel)}. \`ccsim fit --check\` simulates this file against them.`);
  L.push(`name: ${name}`);
  L.push(`description: "Fitted from ${file.replace(/["\\]/g, '')} (${log.layout}), ${isoDate(log.firstDay)} to ${isoDate(log.firstDay + log.days - 1)}"`);
  L.push(`seed: ${options.seed}`);
  L.push(`horizon: { days: ${log.days} }   # the log's calendar days`);
  L.push(`calendar: { startDate: "${isoDate(log.firstDay)}" }   # day 0 = the log's first date (${WEEKDAY_NAMES[arrivals.daily[0]!.weekday]})`);
  L.push(`serviceLevel: { thresholdSec: ${observed.thresholdSec} }`);

  L.push(...arrivalLines(arrivals, dispersion, options.intervalMin));

  // Handle time: the types as reasons when there are several.
  const typed = fit.types.length > 1;
  const byType = new Map(ht.byType.map((t) => [t.type, t.fit]));
  if (typed) {
    L.push('# Service types as reasons: share of agent-seeking calls, and handle time as a lognormal with the sample mean and cv');
    L.push(`# (the moments: the load a queue sees is rate × mean). The maximum-likelihood lognormal of the log times is beside`);
    L.push(`# it: it fits the body of the distribution and overshoots the mean; fit.json compares the two.`);
    L.push('reasons:');
    const total = fit.types.reduce((s, t) => s + t.calls, 0);
    let left = 1;
    fit.types.forEach((t, i) => {
      const share = i === fit.types.length - 1 ? left : Number((t.calls / total).toFixed(8));
      left = Number((left - share).toFixed(8));
      const h = byType.get(t.type) ?? ht.overall;
      const d = scenarioHandleTime(h);
      L.push(`  - name: ${reasonName(t.type)}`);
      L.push(`    share: ${f(share, 8)}   # ${t.calls} calls`);
      L.push(`    handleTime: { dist: lognormal, meanSec: ${d.meanSec}, cv: ${d.cv} }   # ${byType.get(t.type) ? handleComment(h) : 'too few calls: the overall fit'}`);
    });
  } else {
    const d = scenarioHandleTime(ht.overall);
    L.push(`handleTime: { dist: lognormal, meanSec: ${d.meanSec}, cv: ${d.cv} }   # sample mean and cv; ${handleComment(ht.overall)}`);
  }

  // Patience.
  const e = p.exponential;
  if (e.meanSec !== null) {
    L.push(`# Patience from the ${e.queued} queued calls' waits (hanging up = event, answer = censoring): exponential MLE = total wait`);
    L.push(`# ${f(e.totalWaitSec, 0)} s / ${e.abandonments} abandonments, 95% CI ${ci(e.ci95)} s (chi-square). Kaplan–Meier median ${p.kaplanMeier.median ?? 'not reached'} s,`);
    L.push(`# 95% CI ${ci(p.kaplanMeier.medianCi95, 0)} s (an exponential's median is ${f(e.meanSec * Math.LN2, 1)} s). P(abandon | queued) = ${f(p.pAbandonGivenQueued)} ${ci(p.pAbandonGivenQueuedCi95, 4)}.`);
    L.push(`# Hourly check (P(abandon) = E[wait] / mean patience, Mandelbaum & Zeltyn): implied mean ${p.hourlyImpliedPatienceSec === null ? 'n/a' : `${f(p.hourlyImpliedPatienceSec, 1)} s`}.`);
    L.push(`patience: { dist: exponential, meanSec: ${f(e.meanSec, 2)} }`);
  } else {
    L.push('# No queued call hung up: the log gives no patience, so nobody hangs up here either.');
  }

  L.push(...rosterLines(fit.staffing, log.firstDay, arrivals));
  return `${L.join('\n')}\n`;
}

/** The `groups:` block: one group on the roster, one line per day. */
export function rosterLines(st: Pick<StaffingSeen, 'intervalMin' | 'agents' | 'roster'> & { rosterMethod: StaffingSeen['rosterMethod'] | 'reported' }, firstDay: number, arrivals: ArrivalProfile): string[] {
  const L = ['groups:', '  - name: agents'];
  if (st.rosterMethod === 'agentsSeen') {
    L.push(`    # Agents seen serving in each ${st.intervalMin}-min interval of the log (distinct agents with a service overlapping it;`);
    L.push(`    # ${st.agents} agents in all): an upper bound on the agents available. Busy agents (a lower bound) and the agents`);
    L.push('    # available inferred from the queue are in fit.json; README "Start from your data" compares them.');
  } else if (st.rosterMethod === 'reported') {
    L.push(`    # Agents as the report gives them per ${st.intervalMin}-min interval.`);
  } else {
    L.push(`    # The log names no agents: busy agent-seconds / ${st.intervalMin}-min interval, rounded up — a lower bound on the agents`);
    L.push(`    # available, so this centre runs near full occupancy and waits more than the real one. Give a roster if you have one.`);
  }
  L.push('    roster:');
  L.push(`      intervalMin: ${st.intervalMin}`);
  const per = (24 * 60) / st.intervalMin;
  L.push(`      agents: ${flowList(st.roster.map(String), per, '      ', (d) => `${isoDate(firstDay + d)} ${WEEKDAY_NAMES[arrivals.daily[d]!.weekday]}`).join('\n')}`);
  return L;
}
