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
import { existsSync, statSync } from 'node:fs';
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
  writeOutputFile,
  writeOutputs,
} from './common.js';
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
  otherWindow: (file: string, policy: string) =>
    `${file}: policy "${policy}" changes the horizon or the warm-up; policies are compared over the baseline's measured window, so they must keep it (compare other horizons as separate scenarios)`,
};

/** Refuses up front a file that could not be written later (a directory, or under a file). */
function checkWritableFile(option: string, file: string): void {
  if (file.trim() === '') throw new UsageError(`--${option} must name a file, got ""`);
  const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();
  if (isDir(file)) throw new UsageError(`--${option} ${file}: is a directory; name a file`);
  let dir = dirname(file);
  while (!existsSync(dir)) dir = dirname(dir);
  if (!isDir(dir)) throw new UsageError(`--${option} ${file}: ${dir} is not a directory`);
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
  const { parseVerdicts, verdictsJson, verdictChanges, VerdictFileError } = await import('../output/verdicts.js');
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
  if (args.writeBaseline !== undefined) checkWritableFile('write-baseline', args.writeBaseline);

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

  const { compare, FigureNotReported } = await import('../experiment/compare.js');
  const { createRunner } = await import('../experiment/pool.js');
  const { comparisonJson, comparisonCsv, comparisonRequirementsCsv, comparisonTable } = await import('../output/comparison.js');
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

  const json = comparisonJson(comparison);
  const { reportOutputs, wroteMessage } = await import('./report.js');
  const report = await reportOutputs(dir, { scenario: scenarioInfo(loaded), comparison }, { charts: args.charts ?? true });
  const { comparisonMonthsCsv } = await import('../output/customer-months.js');
  const months = comparisonMonthsCsv(comparison);
  const requirements = comparisonRequirementsCsv(comparison);
  const written = await writeOutputs(dir, {
    'comparison.json': json,
    'comparison.csv': comparisonCsv(comparison),
    ...(months === null ? {} : { 'comparison-months.csv': months }),
    ...(requirements === null ? {} : { 'comparison-requirements.csv': requirements }),
    'comparison.xlsx': await (await import('../output/spreadsheets.js')).comparisonXlsx(comparison),
    ...report.files,
  });
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
