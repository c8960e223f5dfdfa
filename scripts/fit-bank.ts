/**
 * `npm run fit:bank`: the end-to-end example on the real data, opt-in (it needs the two-week log,
 * which the repository does not ship; `npm test` uses a committed two-day excerpt instead).
 *
 *   1. `ccsim fit` the Anonymous Bank log, 1–14 Feb 1999, with --check → out/anonymous-bank/
 *   2. every headline figure against the independent Python recomputation
 *      (scripts/independent/anonymous-bank-1999-02-01-to-14.json, pasted from
 *      `python3 scripts/independent/anonymous_bank.py FILE`)
 *   3. the backtest's gap, taken apart: the same scenario with other staffing measures and with
 *      priority customers served first → out/anonymous-bank/gap-analysis.json
 *
 * The log: $CCSIM_BANK, or ../shared/data/anonymous-bank-1999-02/calls-1999-02-01-to-14.tsv.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { runBacktest, type Backtest } from '../src/fit/backtest.js';
import { fitCallLog } from '../src/fit/fit.js';
import { readAnonymousBank } from '../src/fit/layouts/anonymous-bank.js';
import { scenarioHandleTime, scenarioText } from '../src/fit/scenario-writer.js';
import { fitHandleTimes } from '../src/fit/handle-time.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const LOG = process.env.CCSIM_BANK ?? join(REPO, '../shared/data/anonymous-bank-1999-02/calls-1999-02-01-to-14.tsv');
const OUT = join(REPO, 'out/anonymous-bank');
const REPS = Number(process.env.CCSIM_REPS ?? 20);

if (!existsSync(LOG)) {
  process.stderr.write(`fit:bank: no log at ${LOG}; set CCSIM_BANK to the Anonymous Bank two-week file\n`);
  process.exit(2);
}

// 1. The command, as a user runs it.
const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'src/cli.ts'), 'fit', LOG, '--layout', 'anonymous-bank', '--out', OUT, '--check', '--reps', String(REPS)], { stdio: 'inherit', cwd: REPO });
if (run.status !== 0) process.exit(run.status ?? 3);

// 2. Against the independent recomputation.
const fit = JSON.parse(readFileSync(join(OUT, 'fit.json'), 'utf8'));
const ind = JSON.parse(readFileSync(join(REPO, 'scripts/independent/anonymous-bank-1999-02-01-to-14.json'), 'utf8'));
const checks: [string, unknown, unknown][] = [
  ['calls', fit.calls, ind.calls],
  ['days', fit.days, ind.days],
  ['dropped', Object.fromEntries(fit.accounting.dropped.map((d: { key: string; count: number }) => [d.key, d.count]).sort((a: string[], b: string[]) => (a[0]! < b[0]! ? -1 : 1))), ind.dropped],
  ['handleTimeSec.mean', fit.handleTimeSec.mean, ind.handleTimeMean],
  ['handleTimeSec.lognormal.mu', fit.handleTimeSec.lognormal.mu, ind.lognormalMu],
  ['handleTimeSec.lognormal.sigma', fit.handleTimeSec.lognormal.sigma, ind.lognormalSigma],
  ['patienceSec.exponentialMean', fit.patienceSec.exponentialMean, ind.exponentialPatienceMean],
  ['patienceSec.kaplanMeierMedian', fit.patienceSec.kaplanMeierMedian, ind.kaplanMeierMedian],
  ['pAbandonGivenQueued', fit.pAbandonGivenQueued, ind.pAbandonGivenQueued],
  ['arrivals per day', fit.arrivals.daily.map((d: { calls: number }) => d.calls), ind.callsPerDay],
  ['dayFactorCv', fit.arrivals.dayFactorCv.cv, ind.dayFactorCv],
];
const same = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 5e-6 * Math.max(1, Math.abs(b)) : JSON.stringify(a) === JSON.stringify(b);
process.stdout.write('\nfigure                          ccsim fit            independent (Python)  agree\n');
let disagree = 0;
for (const [name, a, b] of checks) {
  const ok = same(a, b);
  if (!ok) disagree++;
  const show = (x: unknown) => (typeof x === 'number' ? String(Number(x.toPrecision(6))) : JSON.stringify(x));
  process.stdout.write(`${name.padEnd(32)}${show(a).slice(0, 20).padEnd(21)}${show(b).slice(0, 20).padEnd(22)}${ok ? 'yes' : 'NO'}\n`);
}

// 3. The gap, taken apart: the fitted scenario with one thing changed at a time.
const log = readAnonymousBank(readFileSync(LOG, 'utf8'));
const base = fitCallLog(log);
const baseYaml = scenarioText({ fit: base, file: LOG, name: 'gap' });
const variants: { name: string; what: string; yaml: string }[] = [{ name: 'as-fitted', what: 'roster = agents seen (30 min)', yaml: baseYaml }];
const withRoster = (roster: number[], what: string, name: string) => {
  const f = { ...base, staffing: { ...base.staffing, roster } };
  variants.push({ name, what, yaml: scenarioText({ fit: f, file: LOG, name: 'gap' }) });
};
withRoster(base.staffing.agentsAvailable!.map((a) => Math.round(a)), 'roster = agents available (serving, or idle while nobody waited), rounded', 'agents-available');
withRoster(base.staffing.busyAgents.map((b) => Math.ceil(b - 1e-9)), 'roster = busy agents rounded up (a lower bound)', 'busy-agents');
{
  // Priority customers (priority 2) first: two reasons with their own handle times, served by severity.
  const doc = parseDocument(baseYaml);
  const served = log.calls.filter((c) => c.serviceSec !== null);
  const high = fitHandleTimes(served.filter((c) => c.priority === 2).map((c) => c.serviceSec!))!;
  const low = fitHandleTimes(served.filter((c) => c.priority !== 2).map((c) => c.serviceSec!))!;
  const share = log.calls.filter((c) => c.priority === 2).length / log.calls.length;
  doc.set('reasons', [
    { name: 'priority', share: Number(share.toFixed(8)), severity: 5, handleTime: scenarioHandleTime(high) },
    { name: 'regular', share: Number((1 - Number(share.toFixed(8))).toFixed(8)), severity: 1, handleTime: scenarioHandleTime(low) },
  ]);
  doc.set('queue', { discipline: 'severity' });
  variants.push({ name: 'priority-first', what: 'priority-2 customers served first (severity discipline), agents seen', yaml: doc.toString() });
}
const fifteen = fitCallLog(log, { intervalMin: 15, slThresholdSec: 20, seed: 1 });
const runs: { name: string; what: string; yaml: string; fit: typeof base }[] = variants.map((v) => ({ ...v, fit: base }));
runs.splice(1, 0, { name: 'agents-seen-15min', what: 'roster = agents seen per 15 min', yaml: scenarioText({ fit: fifteen, file: LOG, name: 'gap' }), fit: fifteen });
const rows: { name: string; what: string; abandonRate: number; asaSec: number; serviceLevel: number; offered: number }[] = [];
const results: Record<string, Backtest> = {};
process.stdout.write(`\ngap analysis (${Math.min(REPS, 10)} replications each)     abandonRate   asaSec   serviceLevel\n`);
const b0 = JSON.parse(readFileSync(join(OUT, 'backtest.json'), 'utf8'));
process.stdout.write(`${'observed'.padEnd(40)}${(b0.observed.abandonRate * 100).toFixed(1).padStart(10)}%${b0.observed.asaSec.toFixed(1).padStart(9)}${(b0.observed.serviceLevel * 100).toFixed(1).padStart(14)}%\n`);
for (const v of runs) {
  const b = await runBacktest(v.fit, v.yaml, { replications: Math.min(REPS, 10), seed: 1, workers: 2 });
  results[v.name] = b;
  const m = (f: 'offered' | 'abandonRate' | 'asaSec' | 'serviceLevel') => b.simulated[f].mean ?? NaN;
  rows.push({ name: v.name, what: v.what, offered: m('offered'), abandonRate: m('abandonRate'), asaSec: m('asaSec'), serviceLevel: m('serviceLevel') });
  process.stdout.write(`${v.name.padEnd(40)}${(m('abandonRate') * 100).toFixed(1).padStart(10)}%${m('asaSec').toFixed(1).padStart(9)}${(m('serviceLevel') * 100).toFixed(1).padStart(14)}%\n`);
}
writeFileSync(join(OUT, 'gap-analysis.json'), `${JSON.stringify({ observed: b0.observed, variants: rows, byHour: Object.fromEntries(Object.entries(results).map(([k, b]) => [k, b.byHour.map((h) => ({ hour: h.hour, abandonRate: h.simulated.abandonRate.mean, asaSec: h.simulated.asaSec.mean }))])) }, null, 2)}\n`);
process.stdout.write(`\nwrote ${join(OUT, 'gap-analysis.json')}\n`);
if (disagree > 0) {
  process.stderr.write(`fit:bank: ${disagree} figure(s) differ from the independent recomputation\n`);
  process.exit(1);
}
