#!/usr/bin/env node
/**
 * ccsim's command line: with src/cli/ (one module per larger command, and what they share), the
 * only code that reads argv, prints, and sets exit codes. `compare` is drawn in cli/compare.ts,
 * `sweep` and `merge` in cli/sweep.ts.
 *
 * The pipeline of `ccsim run`:
 *
 *   FILE ─read─▶ YAML text ─scenario/load: parse · validate · cross-check─▶ Scenario
 *        ─normalize─▶ ModelConfig ─experiment/replicate (threads)─▶ ReplicationResult[]
 *        ─output/summary: estimate mean ± t·s/√n─▶ Summary ─cli/output-dir (lock, whole-directory swap)─▶ out/<name>/
 *        ─output/report-files: Vega-Lite specs · SVG · PNG (cli/report.ts)─▶ charts/, report.html
 *
 * Exit codes: 0 success; 1 a changed verdict (`compare --baseline`); 2 bad input of any kind
 * (file, option or value), with nothing written; 3 an internal error (a bug: please report).
 * stdout carries only what was asked for (a table, or JSON with --json); notes go to stderr.
 * Heavy modules are imported inside the command that needs them, to keep start-up fast.
 */
import { setFlagsFromString } from 'node:v8';
import { closest, distance } from 'fastest-levenshtein';
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ScenarioError } from './scenario/errors.js';
import { LIMITS } from './scenario/limits.js';
import {
  EXIT_BAD_INPUT,
  EXIT_INTERNAL,
  UsageError,
  intOption,
  fileRequirements,
  load,
  numberOption,
} from './cli/common.js';
import { cliMessages } from './cli/messages.js';
import { packageVersion } from './cli/version.js';

/** The scenario of FILE, validated, with its optimize block's requirements (written as text) parsed too. */
async function loadValidated(file: string) {
  const loaded = await load(file);
  await fileRequirements(loaded);
  return loaded;
}

async function validateCommand(args: { file: string; json: boolean }) {
  if (!args.json) {
    const loaded = await loadValidated(args.file);
    const names = loaded.policies.map((p) => p.name).join(', ');
    process.stdout.write(`${args.file}: valid (scenario "${loaded.scenario.name}"; policies: ${names})\n`);
    return;
  }
  // For editors and CI: the same verdict and exit code, as JSON on stdout (cli/validate-json.ts).
  const { validationJson } = await import('./cli/validate-json.js');
  try {
    await loadValidated(args.file);
    process.stdout.write(validationJson(args.file, []));
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    process.stdout.write(validationJson(args.file, e.diagnostics));
    process.exitCode = EXIT_BAD_INPUT;
  }
}

async function schemaCommand() {
  const { scenarioJsonSchema } = await import('./scenario/schema.js');
  process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
}

async function erlangCommand(args: Record<string, unknown>) {
  const { erlangCommand: run } = await import('./output/erlang-table.js');
  const { ErlangError } = await import('./analytic/erlang.js');
  const upTo = (max: number) => (v: number) => v > 0 && v <= max;
  const limit = (max: number) => `a number > 0 and at most ${max.toLocaleString('en-US')} (limit)`;
  const ratePerHour = numberOption('rate-per-hour', args.ratePerHour, upTo(LIMITS.ratePerHour), limit(LIMITS.ratePerHour));
  const ahtSec = numberOption('aht-sec', args.ahtSec, upTo(LIMITS.durationSec), limit(LIMITS.durationSec));
  const patienceSec = args.patienceSec === undefined ? undefined : numberOption('patience-sec', args.patienceSec, upTo(LIMITS.durationSec), limit(LIMITS.durationSec));
  const slSec = numberOption('sl-sec', args.slSec, (v) => v >= 0 && v <= LIMITS.durationSec, `a number ≥ 0 and at most ${LIMITS.durationSec.toLocaleString('en-US')} (limit)`);
  const agents = args.agents === undefined ? undefined : intOption('agents', args.agents, 1, LIMITS.agents);
  const targetSl = args.targetSl === undefined ? undefined : numberOption('target-sl', args.targetSl, (v) => v > 0 && v < 1, 'a share in (0, 1), e.g. 0.8');
  const maxAbandon = args.maxAbandon === undefined ? undefined : numberOption('max-abandon', args.maxAbandon, (v) => v > 0 && v < 1, 'a share in (0, 1), e.g. 0.05');
  if (maxAbandon !== undefined && patienceSec === undefined) throw new UsageError('--max-abandon needs --patience-sec (abandonment exists only in Erlang A)');
  if (agents === undefined && targetSl === undefined && maxAbandon === undefined) {
    throw new UsageError('give --agents N, or ask for staffing with --target-sl S and/or --max-abandon A');
  }
  let table: string;
  try {
    table = run({ ratePerHour, ahtSec, patienceSec, slSec, agents, targetSl, maxAbandon, json: args.json === true });
  } catch (e) {
    // A target no agent count reaches, a computation too large: the question, not a bug.
    if (e instanceof ErlangError) throw new UsageError(e.message);
    throw e;
  }
  process.stdout.write(table);
}

/** Options shared by run, compare and sweep, written once. */
const SEED_OPTION = { type: 'number', describe: "overrides the scenario's seed" } as const;
const OUT_OPTION = { type: 'string', describe: 'output directory (default out/<scenario name>)' } as const;
const WORKERS_OPTION = { type: 'number', describe: 'worker threads (default: the number of cores)' } as const;

const SET_OPTION = {
  type: 'string',
  array: true,
  describe: 'KEY=VALUE: run the scenario with this dot path (as in policies.set) set to VALUE, validated like the file; repeat for more',
} as const;

const REQUIRE_OPTION = {
  type: 'string',
  array: true,
  describe: 'a requirement on a figure, judged with its 95% CI: "serviceLevel >= 0.8", "voice.asaSec <= 30", "abandonRate <= 5%"; repeat for more',
} as const;

const CHARTS_OPTION = {
  type: 'boolean',
  default: true,
  describe: 'draw the charts (charts/*.vl.json, .svg, .png) and put them in report.html; --no-charts skips them',
} as const;

function commands(argv: Argv) {
  return argv
    .scriptName('ccsim')
    .usage('$0 <command> [options]\n\nSeeded discrete-event simulation of customer-support contact centers.')
    .command(
      'run <file>',
      'simulate a scenario; writes out/<name>/summary.json, CSV series, charts and report.html',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'scenario YAML file' })
          .option('reps', { type: 'number', default: 1, describe: 'independent replications' })
          .option('seed', SEED_OPTION)
          .option('out', OUT_OPTION)
          .option('json', { type: 'boolean', default: false, describe: 'print the summary JSON on stdout, nothing else' })
          .option('workers', WORKERS_OPTION)
          .option('charts', CHARTS_OPTION)
          .option('log', { type: 'string', describe: 'write every contact of replication 0 to this CSV file (the ccsim call-log layout ccsim fit reads)' })
          .option('shard', { type: 'string', describe: 'K/N, auto or auto/N: run only shard K\'s range of replications; writes run-shard-K-of-N.json for ccsim merge' }),
      async (a) => (await import('./cli/run.js')).runCommand(a as never),
    )
    .command(
      'validate <file>',
      'check a scenario without running it (exit 0 valid, 2 invalid)',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true })
          .option('json', { type: 'boolean', default: false, describe: 'print { valid, file, diagnostics: [{ file, line, column, path, message }] } on stdout' }),
      (a) => validateCommand(a as never),
    )
    .command(
      'compare <file>',
      'run every policy on common random numbers; paired differences, verdicts, ranking; writes out/<name>/comparison.json and .csv',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'scenario YAML file with policies' })
          .option('reps', { type: 'string', describe: 'replications per policy (default 10), or auto with --precision' })
          .option('precision', { type: 'number', describe: 'with --reps auto: the 95% half-width of Δ to reach' })
          .option('precision-on', { type: 'string', describe: 'with --reps auto: the figure whose Δ must be that precise (default profit)' })
          .option('max-reps', { type: 'number', describe: 'with --reps auto: the most replications to run (default 200)' })
          .option('seed', SEED_OPTION)
          .option('by', { type: 'string', describe: 'a verdict by this KPI too, e.g. asaSec' })
          .option('require', REQUIRE_OPTION)
          .option('set', SET_OPTION)
          .option('policy', { type: 'string', array: true, describe: 'NAME={ KEY: VALUE, … }: compare this policy (dot paths as in policies.set) instead of the file\'s policies; repeat for more' })
          .option('baseline', { type: 'string', describe: 'verdict file to check against: exit 1 when a verdict changed' })
          .option('write-baseline', { type: 'string', describe: 'store the verdicts in this file' })
          .option('shard', { type: 'string', describe: 'K/N, auto or auto/N: run only shard K\'s range of replications of every policy; writes compare-shard-K-of-N.json for ccsim merge' })
          .option('out', OUT_OPTION)
          .option('json', { type: 'boolean', default: false, describe: 'print the comparison JSON on stdout, nothing else' })
          .option('workers', WORKERS_OPTION)
          .option('charts', CHARTS_OPTION),
      async (a) => (await import('./cli/compare.js')).compareCommand(a as never),
    )
    .command(
      'sweep <file>',
      'run a grid of variants (--vary KEY=V1,V2,…); writes out/<name>/sweep.json and .csv, or a shard file',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'scenario YAML file' })
          .option('vary', { type: 'string', array: true, describe: 'KEY=V1,V2,… a dot path and its values; repeat for more axes' })
          .option('reps', { type: 'number', describe: 'replications per point (default 5)' })
          .option('seed', SEED_OPTION)
          .option('shard', { type: 'string', describe: 'K/N, auto or auto/N: run only the points i with i mod N = K − 1; writes shard-K-of-N.json' })
          .option('by', { type: 'string', describe: 'also report the best point by this KPI, e.g. serviceLevel' })
          .option('require', REQUIRE_OPTION)
          .option('decision', { type: 'string', array: true, describe: 'a --vary key that is a decision (the best point is chosen over decisions, per level of the other keys); default: staffing, shifts, policy, routing, hours … are decisions, demand, customers and prices are not' })
          .option('out', OUT_OPTION)
          .option('json', { type: 'boolean', default: false, describe: 'print the sweep (or shard) JSON on stdout, nothing else' })
          .option('workers', WORKERS_OPTION)
          .option('charts', CHARTS_OPTION),
      async (a) => (await import('./cli/sweep.js')).sweepCommand(a as never),
    )
    .command(
      'optimize <file>',
      "find the staffing (and policy) best by the scenario's optimize block; writes out/<name>/optimize.json, .csv, .xlsx, a chart and report.html",
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true, describe: 'scenario YAML file with an optimize block' })
          .option('reps', { type: 'number', describe: 'replications of each candidate (default 10); close calls and the final selection add more' })
          .option('budget', { type: 'number', describe: 'the most candidates the search evaluates (default 300)' })
          .option('max-reps', { type: 'number', describe: 'the most replications one candidate gets (default 4 × --reps)' })
          .option('seed', SEED_OPTION)
          .option('require', REQUIRE_OPTION)
          .option('objective', { type: 'string', describe: "profit, longTermValue or cost, instead of the scenario's optimize.objective" })
          .option('set', SET_OPTION)
          .option('out', OUT_OPTION)
          .option('json', { type: 'boolean', default: false, describe: 'print optimize.json on stdout, nothing else' })
          .option('workers', WORKERS_OPTION)
          .option('charts', CHARTS_OPTION),
      async (a) => (await import('./cli/optimize.js')).optimizeCommand(a as never),
    )
    .command(
      'merge <dirs..>',
      'join the shard files of a sweep, a run or a comparison (found in the given directories) into what the unsharded command writes',
      (y) =>
        y
          .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'directories (or files) holding shard-K-of-N.json' })
          .option('out', { type: 'string', describe: "output directory (default out/<the sweep's scenario name>)" })
          .option('json', { type: 'boolean', default: false, describe: 'print sweep.json on stdout, nothing else' })
          .option('charts', CHARTS_OPTION),
      async (a) => (await import('./cli/sweep.js')).mergeCommand(a as never),
    )
    .command(
      'report <dir>',
      'rebuild report.html and the charts of an output directory from its stored JSON (summary, comparison, sweep)',
      (y) =>
        y
          .positional('dir', { type: 'string', demandOption: true, describe: 'an output directory of run, compare or sweep' })
          .option('charts', CHARTS_OPTION),
      async (a) => (await import('./cli/report.js')).reportCommand(a as never),
    )
    .command(
      'fit <log>',
      'fit a scenario to a call log; writes out/fitted-<log>/scenario.yaml and fit.json (and with --check backtest.json)',
      (y) =>
        y
          .positional('log', { type: 'string', demandOption: true, describe: 'call log file' })
          .option('layout', { type: 'string', describe: 'the log\'s layout: anonymous-bank or ccsim (default: recognised from the header)' })
          .option('columns', { type: 'string', describe: 'a column-mapping YAML file for another layout (README "Start from your data")' })
          .option('interval-min', { type: 'number', default: 30, describe: 'profile and roster interval: 15, 30 or 60 minutes' })
          .option('sl-sec', { type: 'number', default: 20, describe: 'service-level threshold, seconds' })
          .option('check', { type: 'boolean', default: false, describe: 'simulate the fitted scenario against the log; writes backtest.json' })
          .option('reps', { type: 'number', default: 10, describe: 'with --check: replications' })
          .option('seed', { type: 'number', default: 1, describe: 'seed of the bootstrap and of the backtest' })
          .option('out', { type: 'string', describe: 'output directory (default out/fitted-<log name>)' })
          .option('json', { type: 'boolean', default: false, describe: 'print fit.json on stdout, nothing else' })
          .option('workers', WORKERS_OPTION)
          .option('charts', CHARTS_OPTION),
      async (a) => (await import('./cli/fit.js')).fitCommand(a as never),
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
    .demandCommand(1, 'name a command: run, compare, sweep, optimize, merge, report, validate, fit, schema or erlang')
    // yargs passes middleware the instance of the command being parsed (its typings omit it).
    .middleware(((_argv: unknown, y: WithOptions) => {
      parsing = y;
    }) as never, true)
    .strict()
    .recommendCommands()
    .help()
    .version(packageVersion())
    .fail((message, error) => {
      throw error ?? new UsageError(suggestOptions(message, parsing ? Object.keys(parsing.getOptions().key) : []));
    });
}

/** The yargs instance of the command being parsed (its options), for suggestions on a typo. */
interface WithOptions {
  getOptions(): { key: Record<string, unknown> };
}
let parsing: WithOptions | undefined;

/**
 * yargs' "Unknown argument(s): rep, foo" with the near option suggested for each (strict mode
 * only lists them): "Unknown argument: rep (did you mean --reps?)".
 */
function suggestOptions(message: string, options: readonly string[]): string {
  const m = /^Unknown arguments?: (.*)$/.exec(message);
  if (!m) return message;
  const known = options.filter((o) => o.length > 1 && !/[A-Z]/.test(o));
  // yargs lists a dashed name twice, as written and camel-cased (target-s, targetS).
  const given = m[1]!.split(', ');
  const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const unknown = given.filter((name) => !(/[A-Z]/.test(name) && given.includes(kebab(name))));
  const named = unknown.map((name) => {
    const near = known.length > 0 ? closest(name, known) : undefined;
    return near !== undefined && distance(name, near) <= Math.max(2, Math.floor(name.length / 3)) ? cliMessages.didYouMean(name, near) : name;
  });
  return `Unknown argument${named.length === 1 ? '' : 's'}: ${named.join(', ')}`;
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

// A 32 MB semi-space (V8's default is 16 MB on 64-bit) keeps most short-lived objects of a run
// from being promoted; measured on the canonical 21-day run: 2.0–2.2 s → 1.6–1.9 s.
setFlagsFromString('--max-semi-space-size=32');
// No allocation-site pretenuring: V8 learns from the summary's estimates (which live on) to
// allocate every estimate straight into the old generation, and the streamed interval rows' and
// the charts' short-lived ones then fill it with garbage until the next full collection. A
// 10-year run of scenarios/isp.yaml peaked at 417 MB with it and 312 MB without (npm run bench).
setFlagsFromString('--no-allocation-site-pretenuring');
await main();
