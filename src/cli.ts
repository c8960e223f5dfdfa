#!/usr/bin/env node
/**
 * ccsim's command line: the only module that reads argv, prints, and sets exit codes.
 *
 * The pipeline of `ccsim run`:
 *
 *   FILE ─read─▶ YAML text ─scenario/load: parse · validate · cross-check─▶ Scenario
 *        ─normalize─▶ ModelConfig ─experiment/replicate (threads)─▶ ReplicationResult[]
 *        ─output/summary: estimate mean ± t·s/√n─▶ Summary ─output/write (atomic)─▶ out/<name>/
 *
 * Exit codes: 0 success; 1 a changed verdict (`compare --baseline`); 2 bad input of any kind
 * (file, option or value), with nothing written; 3 an internal error (a bug: please report).
 * stdout carries only what was asked for (a table, or JSON with --json); notes go to stderr.
 * Heavy modules are imported inside the command that needs them, to keep start-up fast.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ScenarioError } from './scenario/errors.js';
import { LIMITS } from './scenario/limits.js';
import * as msg from './scenario/messages.js';

/** Bad input that is not a scenario problem (an option value); exit 2. */
class UsageError extends Error {}

const EXIT_BAD_INPUT = 2;
const EXIT_INTERNAL = 3;

function readScenario(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new ScenarioError([{ file, path: '', message: err.code === 'ENOENT' ? msg.fileNotFound() : msg.fileUnreadable(err.message) }]);
  }
}

async function load(file: string) {
  const { parseScenario } = await import('./scenario/load.js');
  return parseScenario(readScenario(file), file);
}

/** An option value as the user should see it in a message (yargs turns junk like "abc" into NaN). */
function shown(value: unknown): string {
  return typeof value === 'number' && Number.isNaN(value) ? 'something that is not a number' : JSON.stringify(value ?? null);
}

/** An option that must be an integer in [min, max]; yargs gives numbers, NaN for junk. */
function intOption(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')}, got ${shown(value)}`);
  }
  return value;
}

function numberOption(name: string, value: unknown, check: (v: number) => boolean, allowed: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !check(value)) {
    throw new UsageError(`--${name} must be ${allowed}, got ${shown(value)}`);
  }
  return value;
}

function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** Shows "replications 3/20" on stderr when it is a terminal; nothing otherwise. */
function progressReporter(label: string): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    process.stderr.write(`\r${label} ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

async function runCommand(args: { file: string; reps: unknown; seed: unknown; out?: string; json: boolean; workers: unknown }) {
  const loaded = await load(args.file);
  const replications = intOption('reps', args.reps, 1, LIMITS.replications);
  const seed = args.seed === undefined ? loaded.scenario.seed : intOption('seed', args.seed, 0, 2 ** 32 - 1);
  const workers = args.workers === undefined ? defaultWorkers() : intOption('workers', args.workers, 1, LIMITS.workers);
  if (args.out !== undefined && args.out.trim() === '') throw new UsageError('--out must name a directory, got ""');
  const { replicate } = await import('./experiment/replicate.js');
  const { summarize, summaryJson } = await import('./output/summary.js');
  const { renderReport } = await import('./output/report.js');
  const { writeFilesAtomically } = await import('./output/write.js');
  const { config, scenario } = loaded;
  const results = await replicate(config, { replications, seed, workers, onProgress: progressReporter('replications') });
  const summary = summarize(scenario.name, seed, config, results);
  const json = summaryJson(summary);
  const dir = args.out ?? `out/${scenario.name}`;
  let written: string[];
  try {
    written = writeFilesAtomically(dir, { 'summary.json': json, 'report.html': renderReport(summary, scenario.description) });
  } catch (e) {
    // An output directory that cannot be made (a file in the way, no permission) is bad input.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'EISDIR') {
      throw new UsageError(`cannot write the outputs to ${dir}: ${(e as Error).message}`);
    }
    throw e;
  }
  if (args.json) process.stdout.write(json);
  else {
    const k = summary.kpis;
    const line = (label: string, e: { mean: number; ci95: [number, number] }, d: number) =>
      `${label.padEnd(14)} ${e.mean.toFixed(d).padStart(12)}   95% CI [${e.ci95[0].toFixed(d)}, ${e.ci95[1].toFixed(d)}]`;
    process.stdout.write(
      [
        `${scenario.name}: ${replications} replication(s), seed ${seed}`,
        line('offered', k.offered, 0),
        line('abandonRate', k.abandonRate, 4),
        line('pWait', k.pWait, 4),
        line('asaSec', k.asaSec, 2),
        line('serviceLevel', k.serviceLevel, 4),
        line('occupancy', k.occupancy, 4),
        line('ahtSec', k.ahtSec, 1),
        line('supportCost', summary.economics.supportCost, 0),
        '',
      ].join('\n'),
    );
  }
  process.stderr.write(`wrote ${written.join(', ')}\n`);
}

async function validateCommand(args: { file: string }) {
  const loaded = await load(args.file);
  const names = loaded.policies.map((p) => p.name).join(', ');
  process.stdout.write(`${args.file}: valid (scenario "${loaded.scenario.name}"; policies: ${names})\n`);
}

async function schemaCommand() {
  const { scenarioJsonSchema } = await import('./scenario/schema.js');
  process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
}

async function erlangCommand(args: Record<string, unknown>) {
  const { erlangCommand: run } = await import('./output/erlang-table.js');
  const positive = (v: number) => v > 0;
  const ratePerHour = numberOption('rate-per-hour', args.ratePerHour, positive, 'a number > 0');
  const ahtSec = numberOption('aht-sec', args.ahtSec, positive, 'a number > 0');
  const patienceSec = args.patienceSec === undefined ? undefined : numberOption('patience-sec', args.patienceSec, positive, 'a number > 0');
  const slSec = numberOption('sl-sec', args.slSec, (v) => v >= 0, 'a number ≥ 0');
  const agents = args.agents === undefined ? undefined : intOption('agents', args.agents, 1, LIMITS.agents);
  const targetSl = args.targetSl === undefined ? undefined : numberOption('target-sl', args.targetSl, (v) => v > 0 && v < 1, 'a share in (0, 1), e.g. 0.8');
  const maxAbandon = args.maxAbandon === undefined ? undefined : numberOption('max-abandon', args.maxAbandon, (v) => v > 0 && v < 1, 'a share in (0, 1), e.g. 0.05');
  if (maxAbandon !== undefined && patienceSec === undefined) throw new UsageError('--max-abandon needs --patience-sec (abandonment exists only in Erlang A)');
  if (agents === undefined && targetSl === undefined && maxAbandon === undefined) {
    throw new UsageError('give --agents N, or ask for staffing with --target-sl S and/or --max-abandon A');
  }
  process.stdout.write(run({ ratePerHour, ahtSec, patienceSec, slSec, agents, targetSl, maxAbandon, json: args.json === true }));
}

function commands(argv: Argv) {
  return argv
    .scriptName('ccsim')
    .usage('$0 <command> [options]\n\nSeeded discrete-event simulation of customer-support contact centers.')
    .command(
      'run <file>',
      'simulate a scenario; writes out/<name>/summary.json and report.html',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'scenario YAML file' })
          .option('reps', { type: 'number', default: 1, describe: 'independent replications' })
          .option('seed', { type: 'number', describe: "overrides the scenario's seed" })
          .option('out', { type: 'string', describe: 'output directory (default out/<scenario name>)' })
          .option('json', { type: 'boolean', default: false, describe: 'print the summary JSON on stdout, nothing else' })
          .option('workers', { type: 'number', describe: 'worker threads (default: the number of cores)' }),
      (a) => runCommand(a as never),
    )
    .command(
      'validate <file>',
      'check a scenario without running it (exit 0 valid, 2 invalid)',
      (y) => y.positional('file', { type: 'string', demandOption: true }),
      (a) => validateCommand(a as never),
    )
    .command('schema', 'print the scenario JSON Schema', (y) => y, () => schemaCommand())
    .command(
      'erlang',
      'analytic Erlang C (or Erlang A with --patience-sec); with --target-sl/--max-abandon, the agents needed',
      (y) =>
        y
          .option('rate-per-hour', { type: 'number', demandOption: true, describe: 'arrivals per hour' })
          .option('aht-sec', { type: 'number', demandOption: true, describe: 'mean handle time, seconds' })
          .option('agents', { type: 'number', describe: 'agents staffed' })
          .option('patience-sec', { type: 'number', describe: 'mean patience (exponential): Erlang A' })
          .option('sl-sec', { type: 'number', default: 20, describe: 'service-level threshold, seconds' })
          .option('target-sl', { type: 'number', describe: 'find the fewest agents with service level ≥ this share' })
          .option('max-abandon', { type: 'number', describe: 'find the fewest agents with abandonment ≤ this share' })
          .option('json', { type: 'boolean', default: false }),
      (a) => erlangCommand(a),
    )
    .demandCommand(1, 'name a command: run, validate, schema or erlang')
    .strict()
    .recommendCommands()
    .help()
    .version(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
}

async function main(): Promise<void> {
  try {
    await commands(yargs(hideBin(process.argv))).parseAsync();
  } catch (e) {
    if (e instanceof ScenarioError || e instanceof UsageError) {
      process.stderr.write(`ccsim: ${e.message}\n`);
      process.exitCode = EXIT_BAD_INPUT;
    } else {
      process.stderr.write(`ccsim: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = EXIT_INTERNAL;
    }
  }
}

await main();
