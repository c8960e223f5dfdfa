/**
 * `ccsim compare FILE`: every policy of a scenario, baseline first, on common random numbers;
 * paired differences, Bonferroni verdicts, and the CI regression check against a verdict file.
 *
 *   FILE ─load─▶ policies ─experiment/compare (one pool)─▶ Comparison
 *     ─output/comparison─▶ table (stdout) · comparison.json · comparison.csv (out/<name>/)
 *     ─output/customer-months─▶ comparison-months.csv (with the customer lifecycle)
 *     ─cli/report─▶ charts/ (per-policy figures, why profit differs) · report.html
 *     ─output/verdicts─▶ --write-baseline FILE │ --baseline FILE: exit 1 on a changed verdict
 */
import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { LIMITS } from '../scenario/limits.js';
import {
  EXIT_CHANGED_VERDICT,
  UsageError,
  checkResources,
  defaultWorkers,
  figureOption,
  intOption,
  load,
  numberOption,
  outOption,
  overrideOptions,
  probeReported,
  readOptionFile,
  requireOption,
  scenarioInfo,
  shown,
  openOutput,
  writeOutputFile,
  type Loaded,
} from './common.js';
import type { OutputDir } from './output-dir.js';
import type { StoredVerdicts } from '../output/verdicts.js';
import type { Comparison } from '../experiment/compare.js';
import type { Constraint } from '../experiment/constraint.js';

import { progress } from './progress.js';

export interface CompareArgs {
  file: string;
  reps?: string;
  precision?: unknown;
  precisionOn?: unknown;
  maxReps?: unknown;
  seed?: unknown;
  by?: unknown;
  workers?: unknown;
  out?: string;
  json: boolean;
  baseline?: string;
  writeBaseline?: string;
  require?: unknown;
  set?: unknown;
  policy?: unknown;
  charts?: boolean;
  shard?: string;
}

/** Replications when --reps is not given (and no verdict file says otherwise). */
export const DEFAULT_COMPARE_REPS = 10;
export const DEFAULT_MAX_REPS = 200;

export const compareMessages = {
  noPolicies: (file: string) => `${file}: has no policies to compare with the baseline; add a "policies" list (see README, "Comparing policies")`,
  reps: (value: unknown) => `--reps must be a whole number from 2 to ${LIMITS.replications.toLocaleString('en-US')}, or auto (with --precision), got ${shown(value)}`,
  autoNeedsPrecision: () => '--reps auto needs --precision X: the 95% half-width to reach on every policy\'s difference',
  onlyWithAuto: (option: string) => `--${option} applies only with --reps auto`,
  bothBaselines: () => 'give either --baseline FILE (check the stored verdicts) or --write-baseline FILE (store them), not both',
  byDiffers: (file: string, stored: string | null, by: string) => `--by ${by} differs from the verdict file ${file}, which holds verdicts by ${stored ?? 'profit only'}; drop --by or write a new baseline`,
  otherScenario: (file: string, stored: string, scenario: string) => `--baseline ${file}: holds the verdicts of scenario "${stored}", not "${scenario}"`,
  shardWith: (option: string) =>
    `--shard runs a share of the replications for ccsim merge; ${option} needs the whole comparison (merge the shards, then run the check on the merged result's settings)`,
  shardOverride: (option: string) =>
    `--shard with ${option}: ccsim merge rebuilds the configurations from the scenario text the shards carry, where ${option} is not; write the change into a copy of the scenario and shard that`,
  otherWindow: (file: string, policy: string) =>
    `${file}: policy "${policy}" changes the horizon or the warm-up; policies are compared over the baseline's measured window, so they must keep it (compare other horizons as separate scenarios)`,
};

/**
 * Refuses up front a file that could not be written later (a directory, under a file, under a
 * path that cannot exist, a name too long): the file is opened for appending — created and
 * removed again when it does not exist — and the directories made for it are removed.
 */
async function checkWritableFile(option: string, file: string): Promise<void> {
  if (file.trim() === '') throw new UsageError(`--${option} must name a file, got ""`);
  const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();
  if (isDir(file)) throw new UsageError(`--${option} ${file}: is a directory; name a file`);
  let dir = dirname(file);
  while (!existsSync(dir)) dir = dirname(dir);
  if (!isDir(dir)) throw new UsageError(`--${option} ${file}: ${dir} is not a directory`);
  const { makeDirs } = await import('../output/write.js');
  let made: string | undefined;
  try {
    made = makeDirs(dirname(file));
    const existed = existsSync(file);
    closeSync(openSync(file, 'a'));
    if (!existed) rmSync(file);
  } catch (e) {
    throw new UsageError(`--${option} ${file}: cannot write it: ${(e as Error).message}`);
  } finally {
    if (made !== undefined) rmSync(made, { recursive: true, force: true });
  }
}

function repsOption(value: string | undefined, fallback: number): number | 'auto' {
  if (value === undefined) return fallback;
  if (value.trim() === 'auto') return 'auto';
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!(Number.isInteger(n) && n >= 2 && n <= LIMITS.replications)) throw new UsageError(compareMessages.reps(Number.isNaN(n) ? value : n));
  return n;
}

export async function compareCommand(args: CompareArgs): Promise<void> {
  const loaded = await overrideOptions(await load(args.file), args.set, args.policy);
  const { scenario } = loaded;
  if (loaded.policies.length < 2) throw new UsageError(compareMessages.noPolicies(args.file));
  const base = loaded.policies[0]!.config;
  const moved = loaded.policies.find((p) => p.config.horizonSec !== base.horizonSec || p.config.warmupSec !== base.warmupSec);
  if (moved) throw new UsageError(compareMessages.otherWindow(args.file, moved.name));
  if (args.baseline !== undefined && args.writeBaseline !== undefined) throw new UsageError(compareMessages.bothBaselines());
  const { parseVerdicts, VerdictFileError } = await import('../output/verdicts.js');
  let stored: ReturnType<typeof parseVerdicts> | undefined;
  if (args.baseline !== undefined) {
    try {
      stored = parseVerdicts(readOptionFile('baseline', args.baseline), args.baseline);
    } catch (e) {
      if (e instanceof VerdictFileError) throw new UsageError(`--baseline ${e.message}`);
      throw e;
    }
    if (stored.scenario !== scenario.name) throw new UsageError(compareMessages.otherScenario(args.baseline, stored.scenario, scenario.name));
  }
  if (args.writeBaseline !== undefined) await checkWritableFile('write-baseline', args.writeBaseline);

  // How the experiment is run: a --baseline check re-runs the stored settings unless told otherwise.
  const reps = repsOption(args.reps, stored?.replications ?? DEFAULT_COMPARE_REPS);
  if (reps !== 'auto') {
    for (const [option, value] of [['precision', args.precision], ['precision-on', args.precisionOn], ['max-reps', args.maxReps]] as const) {
      if (value !== undefined) throw new UsageError(compareMessages.onlyWithAuto(option));
    }
  } else if (args.precision === undefined) throw new UsageError(compareMessages.autoNeedsPrecision());
  const replications =
    reps === 'auto'
      ? {
          precision: numberOption('precision', args.precision, (v) => v > 0, 'a number > 0 (the 95% half-width to reach, in the unit of the figure)'),
          figure: args.precisionOn === undefined ? 'profit' : figureOption('precision-on', args.precisionOn),
          maxReplications: args.maxReps === undefined ? DEFAULT_MAX_REPS : intOption('max-reps', args.maxReps, 2, LIMITS.replications),
        }
      : reps;
  const seed = args.seed === undefined ? (stored?.seed ?? scenario.seed) : intOption('seed', args.seed, 0, 2 ** 32 - 1);
  let by = args.by === undefined ? undefined : figureOption('by', args.by);
  if (stored && by !== undefined && by !== (stored.by ?? undefined)) throw new UsageError(compareMessages.byDiffers(args.baseline!, stored.by, by));
  by ??= stored?.by ?? undefined;
  const workers = args.workers === undefined ? defaultWorkers() : intOption('workers', args.workers, 1, LIMITS.workers);
  const dir = outOption(args.out) ?? `out/${scenario.name}`;
  const constraints = await requireOption(args.require, () => probeReported(base, seed));

  if (args.shard !== undefined) {
    if (typeof replications !== 'number') throw new UsageError(compareMessages.shardWith('--reps auto'));
    if (args.baseline !== undefined) throw new UsageError(compareMessages.shardWith('--baseline'));
    if (args.set !== undefined) throw new UsageError(compareMessages.shardOverride('--set'));
    if (args.policy !== undefined) throw new UsageError(compareMessages.shardOverride('--policy'));
    if (args.writeBaseline !== undefined) throw new UsageError(compareMessages.shardWith('--write-baseline'));
    const { runShard } = await import('./replication-shard-run.js');
    return runShard(args.shard, loaded, { command: 'compare', configs: loaded.policies.map((p) => ({ name: p.name, config: p.config })), seed, replications, by: by ?? null, require: constraints.map((c) => c.text), workers, dir, json: args.json });
  }
  const output = await openOutput(dir);
  try {
    await runComparison(args, loaded, { dir, output, replications, seed, by, constraints, workers, stored });
  } finally {
    output.release();
  }
}

/** The comparison itself, its outputs and the verdict check, with the output directory open. */
async function runComparison(
  args: CompareArgs,
  loaded: Loaded,
  o: {
    dir: string;
    output: OutputDir;
    replications: number | { precision: number; figure: string; maxReplications: number };
    seed: number;
    by: string | undefined;
    constraints: readonly Constraint[];
    workers: number;
    stored: StoredVerdicts | undefined;
  },
): Promise<void> {
  const { scenario } = loaded;
  const { dir, output, replications, seed, by, constraints, workers, stored } = o;
  const { compare, FigureNotReported } = await import('../experiment/compare.js');
  const { createRunner } = await import('../experiment/pool.js');
  const tasks = loaded.policies.length * (typeof replications === 'number' ? replications : replications.maxReplications);
  await checkResources(loaded.policies.map((p) => p.config), typeof replications === 'number' ? replications : replications.maxReplications, workers);
  const runner = createRunner(workers, tasks);
  const bar = await progress('replications');
  let comparison;
  try {
    comparison = await compare(loaded.policies, { scenario: scenario.name, seed, replications, by, constraints, onProgress: bar.tick }, runner);
  } catch (e) {
    if (e instanceof FigureNotReported) throw new UsageError(e.message);
    throw e;
  } finally {
    bar.stop();
    await runner.close();
  }

  await writeComparisonOutputs(loaded, comparison, { dir, output, charts: args.charts ?? true, json: args.json, baseline: args.baseline, writeBaseline: args.writeBaseline, stored });
}

/**
 * What `compare` writes and prints for a finished comparison: comparison.json and .csv, the
 * months, the report, the verdict file and check; the table (or the JSON) on stdout. `ccsim
 * merge` of compare shards calls it with the comparison of the joined replications.
 */
export async function writeComparisonOutputs(
  loaded: Loaded,
  comparison: Comparison,
  o: { dir: string; output: OutputDir; charts: boolean; json: boolean; baseline?: string | undefined; writeBaseline?: string | undefined; stored?: StoredVerdicts | undefined },
): Promise<void> {
  const { scenario } = loaded;
  const { dir, output, stored } = o;
  const args = { json: o.json, baseline: o.baseline, writeBaseline: o.writeBaseline, charts: o.charts };
  const { verdictsJson, verdictChanges } = await import('../output/verdicts.js');
  const { comparisonJson, comparisonCsv, comparisonRequirementsCsv, comparisonTable } = await import('../output/comparison.js');
  const json = comparisonJson(comparison);
  const { reportOutputs, wroteMessage } = await import('./report.js');
  const report = await reportOutputs(dir, { scenario: scenarioInfo(loaded), comparison }, { charts: args.charts ?? true, kinds: output.keeps(scenario.name, 'comparison') });
  const { comparisonMonthsCsv } = await import('../output/customer-months.js');
  const months = comparisonMonthsCsv(comparison);
  const requirements = comparisonRequirementsCsv(comparison);
  const { comparisonXlsx } = await import('../output/spreadsheets.js');
  const result = {
    'comparison.json': json,
    'comparison.csv': comparisonCsv(comparison),
    ...(months === null ? {} : { 'comparison-months.csv': months }),
    ...(requirements === null ? {} : { 'comparison-requirements.csv': requirements }),
    'comparison.xlsx': await comparisonXlsx(comparison),
  };
  const written = output.commit(scenario.name, 'comparison', result, report.files);
  if (args.writeBaseline !== undefined) written.push(await writeOutputFile(args.writeBaseline, verdictsJson(comparison)));
  process.stdout.write(args.json ? json : comparisonTable(comparison));

  const auto = comparison.autoReplications;
  if (auto) {
    const outcome = auto.reached ? 'reached' : `not reached at the cap (--max-reps ${auto.maxReplications})`;
    process.stderr.write(
      `reps auto: ${comparison.replications} replications; precision ±${auto.precision} on Δ${auto.figure} ${outcome} (largest 95% half-width ${auto.halfWidth.toPrecision(4)})\n`,
    );
  }
  for (const note of report.notes) process.stderr.write(`${note}\n`);
  process.stderr.write(`${wroteMessage(written)}\n`);
  if (stored) {
    const changes = verdictChanges(stored, comparison);
    for (const line of changes) process.stderr.write(`${line}\n`);
    if (changes.length > 0) {
      process.stderr.write(`ccsim: ${changes.length} verdict(s) differ from ${args.baseline}\n`);
      process.exitCode = EXIT_CHANGED_VERDICT;
    } else process.stderr.write(`verdicts unchanged against ${args.baseline} (${comparison.verdict.length} ${comparison.verdict.length === 1 ? 'policy' : 'policies'})\n`);
  }
}
