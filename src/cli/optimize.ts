/**
 * `ccsim optimize FILE`: the staffing (and policy) that is best by the scenario's objective,
 * subject to its requirements, found by simulation on common random numbers.
 *
 *   FILE ─load─▶ optimize: { objective, vary, require } ─decisions, requirements (file:line:col)─▶
 *     start: analytic (pilot ─ Erlang per interval ─ set cover, experiment/optimize-start.ts) │ scenario
 *     ─experiment/optimize: local search on CRN + Kim–Nelson selection (one pool)─▶ outcome
 *       (every batch of replications saved in DIR/.optimize/<fingerprint>/ as it finishes, so an
 *        interrupted run resumes and retraces the same search)
 *     ─output/optimize─▶ table (stdout) · optimize.json · optimize-evaluated.csv · optimize.xlsx
 *     ─cli/report─▶ charts/optimize-agents.* · report.html
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Constraint } from '../experiment/constraint.js';
import type { Objective } from '../experiment/optimize.js';
import type { Decision } from '../experiment/optimize-space.js';
import type { ModelConfig } from '../model/config.js';
import { ScenarioError } from '../scenario/errors.js';
import { LIMITS } from '../scenario/limits.js';
import {
  UsageError,
  checkResources,
  defaultWorkers,
  fileRequirements,
  intOption,
  load,
  makeWorkDir,
  openOutput,
  outOption,
  overrideOptions,
  probeReported,
  readStored,
  requireOption,
  scenarioInfo,
  type Loaded,
} from './common.js';
import type { OutputDir } from './output-dir.js';
import { MAX_CANDIDATES } from '../output/stored/optimize.js';
import { progress } from './progress.js';
import { packageVersion } from './version.js';

export interface OptimizeArgs {
  file: string;
  reps?: unknown;
  budget?: unknown;
  maxReps?: unknown;
  seed?: unknown;
  workers?: unknown;
  out?: string;
  json: boolean;
  require?: unknown;
  set?: unknown;
  objective?: unknown;
  charts?: boolean;
}

/** Replications of each candidate's first batch, candidates evaluated at most, and the cap per candidate (× reps). */
export const DEFAULT_OPTIMIZE_REPS = 10;
export const DEFAULT_BUDGET = 300;
export const DEFAULT_MAX_REPS_FACTOR = 4;

export const optimizeMessages = {
  noBlock: (file: string) => `${file}: has no optimize block to say what may change; add one, e.g. optimize: { objective: profit, vary: { "staffing.agents": { min: 10, max: 40 } }, require: ["serviceLevel >= 0.8"] } (README, "Finding the staffing")`,
  objectiveNotReported: (objective: string, reported: readonly string[]) => `optimize.objective ${objective}: this scenario does not report it; it reports: ${reported.join(', ')}`,
  objective: (value: unknown, allowed: readonly string[]) => `--objective must be one of ${allowed.join(', ')}, got ${JSON.stringify(value ?? null)}`,
  resumed: (reused: number, dir: string) => `resumed: reused ${reused} saved batch(es) of replications from ${dir}`,
  snapped: (key: string, own: unknown, used: unknown) =>
    `the scenario's ${key} = ${JSON.stringify(own)} is not among the decision's values; the search takes ${JSON.stringify(used)} as the scenario's value`,
};

async function objectiveOption(value: unknown): Promise<Objective> {
  const { OBJECTIVES } = await import('../experiment/optimize.js');
  if (typeof value !== 'string' || !Object.hasOwn(OBJECTIVES, value)) throw new UsageError(optimizeMessages.objective(value, Object.keys(OBJECTIVES)));
  return value as Objective;
}

export async function optimizeCommand(args: OptimizeArgs): Promise<void> {
  const loaded = await overrideOptions(await load(args.file), args.set);
  const { scenario } = loaded;
  if (!scenario.optimize) throw new UsageError(optimizeMessages.noBlock(args.file));
  const spec = args.objective === undefined ? scenario.optimize : { ...scenario.optimize, objective: await objectiveOption(args.objective) };
  const replications = args.reps === undefined ? DEFAULT_OPTIMIZE_REPS : intOption('reps', args.reps, 2, LIMITS.replications);
  const budget = args.budget === undefined ? DEFAULT_BUDGET : intOption('budget', args.budget, 1, MAX_CANDIDATES);
  const maxReplications = args.maxReps === undefined ? DEFAULT_MAX_REPS_FACTOR * replications : intOption('max-reps', args.maxReps, replications, LIMITS.replications);
  const seed = args.seed === undefined ? scenario.seed : intOption('seed', args.seed, 0, 2 ** 32 - 1);
  const workers = args.workers === undefined ? defaultWorkers() : intOption('workers', args.workers, 1, LIMITS.workers);
  const dir = outOption(args.out) ?? `out/${scenario.name}`;

  // Requirements: the file's (located at their line), then --require.
  const reported = await probeReported(loaded.config, seed);
  const fromFile = await fileRequirements(loaded, reported);
  const extra = await requireOption(args.require, async () => reported, []);
  const constraints = [...fromFile, ...extra.filter((c) => !fromFile.some((f) => f.text === c.text))];
  const { OBJECTIVES } = await import('../experiment/optimize.js');
  const objectiveFigure = OBJECTIVES[spec.objective].figure;
  if (!reported.figures.includes(objectiveFigure)) throw new UsageError(optimizeMessages.objectiveNotReported(spec.objective, reported.figures));

  const { decisionsOf, indexOfValue, linkShiftStarts, setOf } = await import('../experiment/optimize-space.js');
  const { readOverride } = await import('../scenario/overrides.js');
  const { deriveScenario } = await import('../scenario/load.js');
  const decisions = linkShiftStarts(decisionsOf(spec.vary), (path) => readOverride(scenario, path));
  // The scenario's own value of each decision; one not among the decision's values is taken to the
  // nearest (a range) or the first (a list), and the outputs say so.
  const own = decisions.map((d) => ({ d, value: readOverride(scenario, d.key) ?? null, at: indexOfValue(d, readOverride(scenario, d.key) ?? null) }));
  const scenarioPoint = own.map((o) => o.at.index);
  const snapped = own.filter((o) => !o.at.exact).map((o) => optimizeMessages.snapped(o.d.key, o.value, o.d.values[o.at.index]));
  const derive = (set: Readonly<Record<string, unknown>>, name: string) => deriveScenario(loaded, name, set, `optimize candidate ${JSON.stringify(set)}`);
  const configOf = (set: Readonly<Record<string, unknown>>): { config: ModelConfig } | { error: string } => {
    try {
      return { config: derive(set, 'candidate').config };
    } catch (e) {
      if (e instanceof ScenarioError) return { error: e.diagnostics.map((d) => d.message).join('; ') };
      throw e;
    }
  };
  const scenarioSet = setOf(decisions, scenarioPoint);
  const base = configOf(scenarioSet);
  const { optimizeErrors } = await import('../experiment/optimize.js');
  if ('error' in base) throw new UsageError(optimizeErrors.scenarioInvalid(base.error));

  // Saved batches of replications: the same scenario (as written, without its optimize block),
  // seed, requirements and ccsim version give the same rows for the same candidate.
  const { fingerprintOf } = await import('../experiment/fingerprint.js');
  const { optimize: _drop, ...simulated } = loaded.raw as Record<string, unknown> & { optimize?: unknown };
  const fingerprint = fingerprintOf({ format: 1, scenario: simulated, seed, require: constraints.map((c) => c.text), version: packageVersion() });
  await checkResources([base.config], replications, workers);
  // The output directory is locked from here and replaced as a whole at the end (cli/output-dir.ts).
  const output = await openOutput(dir);
  try {
    await search(args, loaded, { dir, output, fingerprint, fingerprintOf, spec, decisions, constraints, scenarioPoint, scenarioSet, snapped, base: base.config, configOf, derive, seed, replications, budget, maxReplications, workers });
  } finally {
    output.release();
  }
}

/** The search with the output directory open: saved batches, the run, the outputs. */
async function search(
  args: OptimizeArgs,
  loaded: Loaded,
  o: {
    dir: string;
    output: OutputDir;
    fingerprint: string;
    fingerprintOf: (value: unknown) => string;
    spec: NonNullable<Loaded['scenario']['optimize']>;
    decisions: Decision[];
    constraints: Constraint[];
    scenarioPoint: number[];
    scenarioSet: Record<string, unknown>;
    /** Notes on scenario values taken to a decision's value. */
    snapped: string[];
    base: ModelConfig;
    configOf: (set: Readonly<Record<string, unknown>>) => { config: ModelConfig } | { error: string };
    derive: (set: Readonly<Record<string, unknown>>, name: string) => { config: ModelConfig };
    seed: number;
    replications: number;
    budget: number;
    maxReplications: number;
    workers: number;
  },
): Promise<void> {
  const { scenario } = loaded;
  const { dir, output, fingerprint, fingerprintOf, spec, decisions, constraints, scenarioPoint, scenarioSet, configOf, derive, seed, replications, budget, maxReplications, workers } = o;
  const { setOf } = await import('../experiment/optimize-space.js');
  const state = join('.optimize', fingerprint.slice(0, 16));
  const stateDir = join(dir, state);
  await makeWorkDir(dir, stateDir);
  const batchPath = (set: Readonly<Record<string, unknown>>, from: number, to: number) =>
    join(stateDir, `${fingerprintOf(set).slice(0, 16)}-${from}-${to}.json`);
  const { writeFileAtomically } = await import('../output/write.js');
  const { readBatch, BATCH_FORMAT } = await import('../output/stored/optimize.js');

  const { createRunner } = await import('../experiment/pool.js');
  const { runOptimization } = await import('../experiment/optimize-run.js');
  const { OptimizeError } = await import('../experiment/optimize.js');
  const { pilotOverrides } = await import('../experiment/optimize-start.js');
  const { readOverride } = await import('../scenario/overrides.js');
  const runner = createRunner(workers, 2);
  const bar = await progress('replications');
  let reused = 0;
  let run;
  try {
    run = await runOptimization({
      objective: spec.objective,
      decisions,
      constraints,
      scenarioPoint,
      start: spec.start,
      seed,
      replications,
      budget,
      maxReplications,
      indifference: spec.indifference,
      configOf,
      pilotConfig: (factor) => derive({ ...scenarioSet, ...pilotOverrides(o.base, scenario.staffing !== undefined, factor, (path) => readOverride(scenario, path)) }, 'pilot').config,
      runner,
      cache: {
        get(set, from, to) {
          const path = batchPath(set, from, to);
          const saved = existsSync(path) ? readBatch(readStored(path), fingerprint, set, to - from) : undefined;
          if (saved) reused++;
          return saved;
        },
        put(set, from, to, rows) {
          writeFileAtomically(batchPath(set, from, to), `${JSON.stringify({ format: BATCH_FORMAT, fingerprint, set, from, to, rows })}\n`);
        },
      },
      onProgress: bar.tick,
    });
  } catch (e) {
    if (e instanceof OptimizeError) throw new UsageError(e.message);
    throw e;
  } finally {
    bar.stop();
    await runner.close();
  }
  if (reused > 0) process.stderr.write(`${optimizeMessages.resumed(reused, stateDir)}\n`);

  const out = await import('../output/optimize.js');
  const { outcome, start: startPlan } = run;
  const result = {
    ...outcome,
    objective: spec.objective,
    scenario: scenario.name,
    seed,
    replications,
    budget,
    maxReplications,
    require: constraints.map((c) => c.text),
    vary: spec.vary as Record<string, unknown>,
    start: { method: startPlan.method, set: setOf(decisions, startPlan.point), notes: [...o.snapped, ...startPlan.notes], requirement: startPlan.requirement },
    fingerprint,
  };
  const json = out.optimizeJson(result);
  const { reportOutputs, wroteMessage } = await import('./report.js');
  const report = await reportOutputs(dir, { scenario: scenarioInfo(loaded), optimize: result }, { charts: args.charts ?? true, kinds: output.keeps(scenario.name, 'optimize') });
  const { optimizeXlsx } = await import('../output/spreadsheets.js');
  // The saved batches of this search stay behind in the old directory.
  const written = output.commit(scenario.name, 'optimize', { 'optimize.json': json, 'optimize-evaluated.csv': out.optimizeCsv(result), 'optimize.xlsx': await optimizeXlsx(result) }, report.files, [state]);
  process.stdout.write(args.json ? json : out.optimizeTable(result));
  for (const note of report.notes) process.stderr.write(`${note}\n`);
  process.stderr.write(`${wroteMessage(written)}\n`);
}
