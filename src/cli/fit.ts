/**
 * `ccsim fit LOG`: reads a call log, fits a scenario, and with --check simulates it against the
 * log. The pipeline is drawn in src/fit/fit.ts; this module does the I/O around it: checks the
 * file's size before reading it, picks the layout, writes scenario.yaml, fit.json, backtest.json,
 * the charts and report.html all-or-nothing, and prints.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Backtest } from '../fit/backtest.js';
import type { CallLog } from '../fit/call-log.js';
import type { Fit } from '../fit/fit.js';
import { FIT_LIMITS } from '../fit/limits.js';
import { FitError, fitMessage } from '../fit/messages.js';
import { LIMITS } from '../scenario/limits.js';
import { UsageError, defaultWorkers, intOption, numberOption, openOutput, outOption } from './common.js';
import { InputTooLarge, readBounded } from './read-input.js';

export interface FitArgs {
  log: string;
  layout?: string;
  columns?: string;
  intervalMin: unknown;
  out?: string;
  check: boolean;
  reps: unknown;
  seed: unknown;
  slSec: unknown;
  workers: unknown;
  json: boolean;
  charts: boolean;
}

/** Reads a file after checking its size, so a 2 GB log is refused without being read. */
function readLimited(file: string, limit: number, what: string): string {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new UsageError(`${file}: not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(`${file}: ${err.code === 'ENOENT' ? `no such ${what} (check the path)` : `cannot read it: ${err.message}`}`);
  }
  if (size > limit) throw new UsageError(`${file}: ${fitMessage.tooLarge(size, limit)}`);
  // Read with the bound too: a size of 0 is what /proc files report whatever they hold.
  let text: string;
  try {
    text = readBounded(file, limit);
  } catch (e) {
    if (e instanceof InputTooLarge) throw new UsageError(`${file}: ${fitMessage.tooLarge(limit + 1, limit)}`);
    throw new UsageError(`${file}: cannot read it: ${(e as Error).message}`);
  }
  if (text.length === 0) throw new UsageError(`${file}: ${fitMessage.emptyLog()}`);
  return text;
}

/** A fit's directory, written as a whole like every output directory (cli/output-dir.ts). */
async function writeFit(dir: string, name: string, files: Record<string, string | Uint8Array>, report: Record<string, string | Uint8Array>): Promise<string[]> {
  const output = await openOutput(dir);
  try {
    return output.commit(name, 'fit', files, report);
  } finally {
    output.release();
  }
}

export async function fitCommand(args: FitArgs): Promise<void> {
  const intervalMin = intOption('interval-min', args.intervalMin, 15, 60);
  if (![15, 30, 60].includes(intervalMin)) throw new UsageError(`--interval-min must be 15, 30 or 60, got ${intervalMin}`);
  const reps = intOption('reps', args.reps, 1, LIMITS.replications);
  const seed = intOption('seed', args.seed, 0, 2 ** 32 - 1);
  const slSec = numberOption('sl-sec', args.slSec, (v) => v >= 0, 'a number ≥ 0');
  const workers = args.workers === undefined ? defaultWorkers() : intOption('workers', args.workers, 1, LIMITS.workers);
  const out = outOption(args.out);
  if (args.layout !== undefined && args.columns !== undefined) throw new UsageError('give --layout or --columns, not both');

  if (args.layout === 'intervals') return intervalsCommand(args, { intervalMin, seed, slSec, out });
  const { LAYOUTS, detectLayout } = await import('../fit/layouts/index.js');
  const located = (file: string, e: unknown): never => {
    if (e instanceof FitError) throw new UsageError(e.located(file));
    throw e;
  };
  let read: (text: string) => CallLog;
  let credit: readonly string[] = [];
  if (args.columns !== undefined) {
    const { parseColumnMapping } = await import('../fit/layouts/column-mapping.js');
    const { readWithMapping } = await import('../fit/layouts/columns.js');
    let mapping;
    try {
      mapping = parseColumnMapping(readLimited(args.columns, FIT_LIMITS.mappingBytes, 'column-mapping file'));
    } catch (e) {
      located(args.columns, e);
    }
    read = (text) => readWithMapping(text, mapping!, `columns (${basename(args.columns!)})`);
  } else if (args.layout !== undefined) {
    const layout = LAYOUTS[args.layout];
    if (!layout) throw new UsageError(fitMessage.badLayout(args.layout, [...Object.keys(LAYOUTS), 'intervals']));
    read = layout.read;
    credit = layout.credit ?? [];
  } else read = (text) => {
    const layout = detectLayout(text);
    if (!layout) throw new FitError(`the header does not match a built-in layout (${Object.keys(LAYOUTS).join(', ')}); give --layout NAME or --columns FILE`, 1, 1);
    credit = layout.credit ?? [];
    return layout.read(text);
  };

  const text = readLimited(args.log, FIT_LIMITS.logBytes, 'log');
  const { fitCallLog } = await import('../fit/fit.js');
  let log;
  try {
    log = read(text);
  } catch (e) {
    located(args.log, e);
  }
  if (log!.days > FIT_LIMITS.days) throw new UsageError(`${args.log}: ${fitMessage.tooManyDays(log!.days, FIT_LIMITS.days)}`);
  const fit = fitCallLog(log!, { intervalMin: intervalMin as 15 | 30 | 60, slThresholdSec: slSec, seed });
  const { scenarioText, scenarioName } = await import('../fit/scenario-writer.js');
  const { fitJson, fitJsonObject } = await import('../fit/fit-json.js');
  const name = scenarioName(args.log);
  const yaml = scenarioText({ fit, file: args.log, name, credit });
  // The scenario must load as written: a failure here is a bug of the writer, not bad input.
  const { parseScenario } = await import('../scenario/load.js');
  try {
    parseScenario(yaml, 'scenario.yaml');
  } catch (e) {
    throw new Error(`the fitted scenario does not validate (a bug of ccsim fit):\n${(e as Error).message}`);
  }
  const fitText = fitJson({ fit, file: args.log });
  const files: Record<string, string | Uint8Array> = { 'scenario.yaml': yaml, 'fit.json': fitText };
  let backtest;
  if (args.check) {
    const { runBacktest } = await import('../fit/backtest.js');
    const { backtestJson } = await import('../fit/backtest-json.js');
    const { progress } = await import('./progress.js');
    const bar = await progress('replications');
    try {
      backtest = await runBacktest(fit, yaml, { replications: reps, seed, workers, onProgress: bar.tick });
    } finally {
      bar.stop();
    }
    files['backtest.json'] = backtestJson(backtest);
  }
  const dir = out ?? `out/${name}`;
  const { fitReportFiles } = await import('./fit-report.js');
  const report = await fitReportFiles(fitJsonObject({ fit, file: args.log }), backtest, { name, file: args.log, source: yaml }, { charts: args.charts });
  const written = await writeFit(dir, name, files, report.files);
  for (const w of report.warnings) process.stderr.write(`ccsim: chart warning: ${w}\n`);
  if (args.json) process.stdout.write(fitText);
  else process.stdout.write(summaryLines(fit, backtest));
  const { wroteMessage } = await import('./report.js');
  process.stderr.write(`${wroteMessage(written)}\n`);
}

/** `--layout intervals`: an interval report, fitted as far as aggregates allow (fit/interval-report.ts). */
async function intervalsCommand(args: FitArgs, o: { intervalMin: number; seed: number; slSec: number; out: string | undefined }): Promise<void> {
  if (args.check) throw new UsageError('--check needs a call log: an interval report has no calls to compare by hour (fit it, then `ccsim run` the scenario)');
  const { readIntervalReport, fitIntervalReport } = await import('../fit/interval-report.js');
  const { intervalFitJsonObject, intervalScenarioText } = await import('../fit/interval-output.js');
  const { scenarioName } = await import('../fit/scenario-writer.js');
  const text = readLimited(args.log, FIT_LIMITS.logBytes, 'interval report');
  let report;
  try {
    report = readIntervalReport(text, o.intervalMin);
  } catch (e) {
    if (e instanceof FitError) throw new UsageError(e.located(args.log));
    throw e;
  }
  if (report.days > FIT_LIMITS.days) throw new UsageError(`${args.log}: ${fitMessage.tooManyDays(report.days, FIT_LIMITS.days)}`);
  const fit = fitIntervalReport(report, o.seed);
  const name = scenarioName(args.log);
  const yaml = intervalScenarioText(fit, args.log, name, o.slSec, o.seed);
  const { parseScenario } = await import('../scenario/load.js');
  try {
    parseScenario(yaml, 'scenario.yaml');
  } catch (e) {
    throw new Error(`the fitted scenario does not validate (a bug of ccsim fit):\n${(e as Error).message}`);
  }
  const fitText = `${JSON.stringify(intervalFitJsonObject(fit, args.log, o.slSec), null, 2)}\n`;
  const written = await writeFit(o.out ?? `out/${name}`, name, { 'scenario.yaml': yaml, 'fit.json': fitText }, {});
  if (args.json) process.stdout.write(fitText);
  else {
    const p = fit.patience;
    process.stdout.write(
      `${report.rows.length} intervals over ${report.days} days; AHT ${fit.ahtSec.toFixed(1)} s; patience (Erlang A inverted) ${p.meanSec === null ? 'n/a' : `${p.meanSec.toFixed(1)} s [${p.ci95!.map((x) => x.toFixed(1)).join(', ')}]`}; day-factor cv ${fit.dispersion.cv.toFixed(3)}\n`,
    );
  }
  const { wroteMessage } = await import('./report.js');
  process.stderr.write(`${wroteMessage(written)}\n`);
}

function summaryLines(fit: Fit, backtest: Backtest | undefined): string {
  const { log, handleTime: h, patience: p, dispersion: d } = fit;
  const r = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? 'n/a' : x.toFixed(digits));
  const c = (x: readonly (number | null)[] | null, digits = 1) => (x === null ? '' : `[${r(x[0], digits)}, ${r(x[1], digits)}]`);
  const dropped = log.dropped.reduce((s, x) => s + x.count, 0);
  const lines = [
    `${log.rows} rows, ${log.calls.length} agent-seeking calls over ${log.days} days; ${dropped} rows dropped (${log.dropped.map((x) => `${x.key} ${x.count}`).join(', ') || 'none'})`,
    `handle time      mean ${r(h.overall.mean)} s ${c(h.overall.meanCi95)}; lognormal μ ${r(h.overall.lognormal.mu, 4)} ${c(h.overall.lognormal.muCi95, 4)}, σ ${r(h.overall.lognormal.sigma, 4)} ${c(h.overall.lognormal.sigmaCi95, 4)}; KS D ${r(h.overall.ks.d, 3)}`,
    `patience         exponential mean ${r(p.exponential.meanSec)} s ${c(p.exponential.ci95)}; Kaplan–Meier median ${r(p.kaplanMeier.median, 0)} s ${c(p.kaplanMeier.medianCi95, 0)}`,
    `P(abandon | queued) ${r(p.pAbandonGivenQueued, 4)} ${c(p.pAbandonGivenQueuedCi95, 4)}`,
    `arrivals         ${fit.arrivals.kinds.map((k) => `${k.name} ${r(k.meanDailyCalls)}/day`).join(', ')}; day-factor cv ${r(d.cv, 3)} ${c(d.ci95, 3)}`,
  ];
  if (backtest) {
    lines.push(`backtest (${backtest.replications} replications)   observed   simulated [95% CI]`);
    for (const f of ['offered', 'abandonRate', 'asaSec', 'serviceLevel'] as const) {
      const digits = f === 'offered' ? 0 : f === 'asaSec' ? 1 : 4;
      lines.push(`  ${f.padEnd(14)} ${r(backtest.observed[f], digits).padStart(10)}   ${r(backtest.simulated[f].mean, digits)} ${c(backtest.simulated[f].ci95, digits)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
