/**
 * report.html and the charts of an output directory, and `ccsim report DIR`.
 *
 *   DIR/scenario.json · summary.json · comparison.json · sweep.json (the results the new
 *     directory keeps: cli/output-dir.ts) + what the command just computed (it replaces the
 *     stored result of its kind) ─output/report-files: chart specs · SVG · PNG · HTML─▶
 *     report.html, charts/ of the new directory
 *
 * A directory holds one scenario's results: `run`, `compare` and `sweep` each keep the others'
 * results of the same scenario and rebuild the whole report, so after any of them report.html
 * shows every result the directory has, and `ccsim report DIR` rebuilds exactly that page from
 * the stored JSON.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Comparison } from '../experiment/compare.js';
import type { ReportResults, StoredKind } from '../output/report-files.js';
import type { ScenarioInfo } from '../output/report.js';
import type { Summary } from '../output/summary.js';
import type { SweepResult } from '../experiment/sweep.js';
import type { OptimizeResult } from '../output/optimize.js';
import { UsageError, openOutput, readStored } from './common.js';

export interface Fresh {
  scenario?: ScenarioInfo;
  summary?: Summary;
  comparison?: Comparison;
  sweep?: SweepResult;
  optimize?: OptimizeResult;
}

export const reportMessages = {
  notDir: (dir: string) => `report: ${dir}: no such directory`,
  noResults: (dir: string) => `report: ${dir} holds no summary.json, comparison.json, sweep.json or optimize.json to report on (ccsim run, compare, sweep or optimize write them)`,
  mixed: (dir: string, a: string, b: string) => `report: ${dir} holds results of different scenarios (${a} and ${b}); give each scenario its own --out directory`,
  skipped: (file: string, reason: string) => `note: report leaves out ${file}: ${reason}`,
};

const RESULT_KINDS = ['summary', 'comparison', 'sweep', 'optimize'] as const;

/**
 * The report files for `dir` once `fresh` is written there. Stored results of another scenario,
 * or that cannot be read, are left out of the page with a note (returned, for stderr); with
 * `strict` (`ccsim report`) they are bad input instead.
 */
export async function reportOutputs(
  dir: string,
  fresh: Fresh,
  options: { charts: boolean; strict?: boolean; kinds?: readonly string[] },
): Promise<{ files: Record<string, string | Uint8Array>; notes: string[]; scenario: string }> {
  const { parseStored, StoredResultError, STORED_FILES, reportFiles } = await import('../output/report-files.js');
  const notes: string[] = [];
  const stored: Partial<Record<StoredKind, unknown>> = {};
  for (const kind of ['scenario', ...RESULT_KINDS] as const) {
    if (fresh[kind] !== undefined) continue;
    if (kind !== 'scenario' && options.kinds && !options.kinds.includes(kind)) continue;
    const file = join(dir, STORED_FILES[kind]);
    if (!existsSync(file)) continue;
    try {
      stored[kind] = parseStored(kind as never, file, readStored(file));
    } catch (e) {
      if (!(e instanceof StoredResultError)) throw e;
      if (options.strict) throw new UsageError(`report: ${e.message}`);
      notes.push(reportMessages.skipped(file, e.message));
    }
  }
  const results: Fresh = { ...stored, ...fresh } as Fresh;
  // One scenario per page: the fresh result's, or (ccsim report) the first stored one's.
  const name = fresh.scenario?.name ?? RESULT_KINDS.map((k) => results[k]?.scenario).find((n) => n !== undefined);
  if (name === undefined) throw new UsageError(reportMessages.noResults(dir));
  for (const kind of RESULT_KINDS) {
    const other = results[kind]?.scenario;
    if (other === undefined || other === name) continue;
    if (options.strict) throw new UsageError(reportMessages.mixed(dir, name, other));
    notes.push(reportMessages.skipped(join(dir, STORED_FILES[kind]), `it is a result of scenario "${other}", not "${name}"`));
    delete results[kind];
  }
  const scenario = results.scenario?.name === name ? results.scenario : { name };
  const report = await reportFiles({ ...(results as ReportResults), scenario }, { charts: options.charts });
  for (const w of report.warnings) notes.push(`ccsim: chart warning: ${w}`);
  return { files: report.files, notes, scenario: name };
}

/** "wrote a, b, c" with the chart files counted, not listed. */
export function wroteMessage(written: readonly string[]): string {
  const charts = written.filter((p) => /[\\/]charts[\\/][^\\/]+$/.test(p));
  const rest = written.filter((p) => !charts.includes(p));
  const dir = charts[0]?.replace(/[\\/][^\\/]+$/, '');
  return `wrote ${rest.join(', ')}${charts.length > 0 ? `, and ${charts.length} chart files in ${dir}` : ''}`;
}

export interface ReportArgs {
  dir: string;
  charts: boolean;
}

/** `ccsim report DIR`: rebuilds report.html and the charts from the JSON stored in DIR. */
export async function reportCommand(args: ReportArgs): Promise<void> {
  // The lock first: it finishes a swap a kill cut off, which may have left no directory for a moment.
  if (!existsSync(dirname(resolve(args.dir)))) throw new UsageError(reportMessages.notDir(args.dir));
  const output = await openOutput(args.dir);
  try {
    if (!existsSync(args.dir) || !statSync(args.dir).isDirectory()) throw new UsageError(reportMessages.notDir(args.dir));
    const { files, notes, scenario } = await reportOutputs(args.dir, {}, { charts: args.charts, strict: true });
    const written = output.commit(scenario, null, {}, files);
    for (const n of notes) process.stderr.write(`${n}\n`);
    process.stderr.write(`${wroteMessage(written)}\n`);
  } finally {
    output.release();
  }
}
