/**
 * `ccsim sweep FILE --vary KEY=V1,V2,…` and `ccsim merge DIR…`.
 *
 *   FILE, --vary ─grid─▶ points ─derive + validate every point (nothing runs if one fails)─▶ configs
 *     ─fingerprint─▶ saved points of an interrupted run (DIR/.points/<fp>/) are reused
 *     ─experiment/sweep (one pool)─▶ each finished point saved at once
 *     ─output/sweep─▶ sweep.json + sweep.csv (+ cli/report: charts/, report.html) │ with --shard K/N: shard-K-of-N.json
 *   merge: shard files ─check fingerprints, N, every K once─▶ the same sweep.json + sweep.csv (+ report)
 */
import type { Reported } from '../experiment/constraint.js';
import { existsSync, readdirSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ScenarioError, type Diagnostic } from '../scenario/errors.js';
import { LIMITS } from '../scenario/limits.js';
import { UsageError, checkResources, defaultWorkers, figureOption, intOption, load, makeWorkDir, openOutput, outOption, probeReported, readStored, requireOption, scenarioInfo, writeOutputFile } from './common.js';
import { progress } from './progress.js';
import { shardOption } from './shard-option.js';

export interface SweepArgs {
  file: string;
  vary?: string[];
  reps?: unknown;
  seed?: unknown;
  shard?: string;
  by?: unknown;
  require?: unknown;
  decision?: unknown;
  workers?: unknown;
  out?: string;
  json: boolean;
  charts?: boolean;
}

/** Replications per point when --reps is not given. */
export const DEFAULT_SWEEP_REPS = 5;

export const sweepMessages = {
  noVary: () => 'name at least one --vary KEY=V1,V2,… (for example --vary staffing.agents=50,55,60)',
  reused: (reused: number, total: number, dir: string) => `resumed: reused ${reused} of ${total} point(s) saved in ${dir}`,
  notVaried: (key: string, varied: readonly string[]) => `--decision ${key}: not one of the --vary keys (${varied.join(', ')})`,
  byNotReported: (by: string, reported: readonly string[]) =>
    `--by ${by}: a sweep's points report this scenario's KPIs and economics figures only, and "${by}" is not one of them; reported: ${reported.join(', ')}`,
};

export async function sweepCommand(args: SweepArgs): Promise<void> {
  const loaded = await load(args.file);
  const { scenario } = loaded;
  const { GridError, parseVary, checkAxes, gridPoints, shardIndices } = await import('../experiment/grid.js');
  const grid = (f: () => unknown) => {
    try {
      return f();
    } catch (e) {
      if (e instanceof GridError) throw new UsageError(e.message);
      throw e;
    }
  };
  const texts = args.vary ?? [];
  if (texts.length === 0) throw new UsageError(sweepMessages.noVary());
  const axes = texts.map((t) => grid(() => parseVary(t)) as ReturnType<typeof parseVary>);
  grid(() => checkAxes(axes));
  const replications = args.reps === undefined ? DEFAULT_SWEEP_REPS : intOption('reps', args.reps, 1, LIMITS.replications);
  const seed = args.seed === undefined ? scenario.seed : intOption('seed', args.seed, 0, 2 ** 32 - 1);
  const by = args.by === undefined ? null : figureOption('by', args.by);
  const shard = args.shard === undefined ? undefined : shardOption(args.shard);
  const workers = args.workers === undefined ? defaultWorkers() : intOption('workers', args.workers, 1, LIMITS.workers);
  const dir = outOption(args.out) ?? `out/${scenario.name}`;

  // Every value on its own, then every point: a bad key or value is refused before anything runs.
  const { deriveScenario } = await import('../scenario/load.js');
  const problems: Diagnostic[] = [];
  const derive = (name: string, set: Record<string, unknown>, origin: string) => {
    try {
      return deriveScenario(loaded, name, set, origin);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      for (const d of e.diagnostics) problems.push(d);
      return undefined;
    }
  };
  for (const a of axes) for (const v of a.values) derive(a.key, { [a.key]: v }, `--vary ${a.key}=${JSON.stringify(v)}`);
  if (problems.length > 0) throw new ScenarioError(problems);
  const points = gridPoints(axes).map((p) => ({ ...p, config: derive(`point-${p.index}`, p.set, `--vary point ${p.index} ${JSON.stringify(p.set)}`)?.config }));
  if (problems.length > 0) throw new ScenarioError(problems);

  // A sweep's points keep their KPIs and economics figures (and the channel figures requirements name).
  let reported: Promise<Reported> | undefined;
  const pointsReported = () => (reported ??= probeReported(loaded.config, seed, ['kpis', 'economics']));
  if (by !== null) await checkReported(by, await pointsReported());
  const constraints = await requireOption(args.require, pointsReported);
  const { isDecision } = await import('../experiment/decisions.js');
  const keys = axes.map((a) => a.key);
  const named = args.decision === undefined ? undefined : (Array.isArray(args.decision) ? args.decision : [args.decision]).map(String);
  for (const k of named ?? []) if (!keys.includes(k)) throw new UsageError(sweepMessages.notVaried(k, keys));
  const decisions = named ? keys.filter((k) => named.includes(k)) : keys.filter(isDecision);

  const { defineSweep, runPoints, sweepResult } = await import('../experiment/sweep.js');
  const { createRunner } = await import('../experiment/pool.js');
  const out = await import('../output/sweep.js');
  const { writeFileAtomically } = await import('../output/write.js');
  const all = points.map((p) => ({ index: p.index, set: p.set, config: p.config! }));
  const def = defineSweep({ scenario: scenario.name, seed, replications, vary: axes, by, require: constraints.map((c) => c.text), decisions }, all);
  const share = shard ? shardIndices(all.length, shard) : all.map((p) => p.index);

  // A whole sweep replaces its output directory and holds its lock from here; shards of one
  // sweep write their own file each into a shared directory (on other machines too): no lock.
  const output = shard ? null : await openOutput(dir);
  try {
    // Resume: points an interrupted run of the same sweep saved are reused, the rest run.
    const points = join('.points', def.fingerprint.slice(0, 16));
    const stateDir = join(dir, points);
    await makeWorkDir(dir, stateDir);
    const statePath = (index: number) => join(stateDir, `${index}.json`);
    const reused = share.flatMap((i) => {
      const path = statePath(i);
      const saved = existsSync(path) ? out.parsePointState(readStored(path), def.fingerprint, i) : undefined;
      return saved ? [saved] : [];
    });
    if (reused.length > 0) process.stderr.write(`${sweepMessages.reused(reused.length, share.length, stateDir)}\n`);
    const done = new Set(reused.map((p) => p.index));
    const todo = share.filter((i) => !done.has(i)).map((i) => all[i]!);
    await checkResources(todo.map((p) => p.config), replications, workers);
    const runner = createRunner(workers, todo.length * replications);
    const bar = await progress(`replications (${todo.length} points)`);
    let fresh;
    try {
      fresh = await runPoints(todo, { seed, replications, constraints, onProgress: bar.tick, onPoint: (r) => writeFileAtomically(statePath(r.index), out.pointStateJson(def.fingerprint, r)) }, runner);
    } finally {
      bar.stop();
      await runner.close();
    }
    const results = [...reused, ...fresh].sort((a, b) => a.index - b.index);

    let stdout: string;
    let written: string[];
    const notes: string[] = [];
    if (!output) {
      const json = out.shardJson(def, shard!, results);
      written = [await writeOutputFile(join(dir, out.shardFileName(shard!)), json)];
      stdout = args.json ? json : out.sweepTable(sweepResult(def, results));
      // The shard file is in place: its saved points are no longer needed. Only its own share is
      // removed, since other shards of the same sweep may be saving theirs in the same directory.
      const mine = new Set(share);
      for (const name of readdirSync(stateDir)) {
        // <index>.json, and <index>.json.<pid>.tmp left by a run killed while saving
        const index = /^(\d+)\.json(\.\d+\.tmp)?$/.exec(name)?.[1];
        if (index !== undefined && mine.has(Number(index))) rmSync(join(stateDir, name), { force: true });
      }
      for (const d of [stateDir, join(dir, '.points')]) {
        try {
          rmdirSync(d);
        } catch {
          // not empty (another shard or sweep is using it) or already gone
        }
      }
    } else {
      const result = sweepResult(def, results);
      const json = out.sweepJson(result);
      const { reportOutputs } = await import('./report.js');
      const report = await reportOutputs(dir, { scenario: scenarioInfo(loaded), sweep: result }, { charts: args.charts ?? true, kinds: output.keeps(scenario.name, 'sweep') });
      for (const note of report.notes) notes.push(note);
      // The saved points of this sweep stay behind in the old directory.
      const { sweepXlsx } = await import('../output/spreadsheets.js');
      written = output.commit(scenario.name, 'sweep', { 'sweep.json': json, 'sweep.csv': out.sweepCsv(result), 'sweep.xlsx': await sweepXlsx(result) }, report.files, [points]);
      stdout = args.json ? json : out.sweepTable(result);
    }
    process.stdout.write(stdout);
    const { wroteMessage } = await import('./report.js');
    for (const note of notes) process.stderr.write(`${note}\n`);
    process.stderr.write(`${wroteMessage(written)}\n`);
  } finally {
    output?.release();
  }
}

export interface MergeArgs {
  dirs: string[];
  out?: string;
  json: boolean;
  charts?: boolean;
}

/** Sweep shards (shard-K-of-N.json) and run or compare shards (run-shard-K-of-N.json, compare-shard-K-of-N.json). */
const SHARD_FILE = /^((run|compare)-)?shard-\d+-of-\d+\.json$/;
const SWEEP_SHARD_FILE = /^shard-\d+-of-\d+\.json$/;

/** Shard files under a directory (recursively, skipping hidden directories), or the file itself. */
function shardFiles(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    throw new UsageError(`merge: ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
  }
  if (!stat.isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? (e.name.startsWith('.') ? [] : shardFiles(join(path, e.name))) : SHARD_FILE.test(e.name) ? [join(path, e.name)] : []));
}

export async function mergeCommand(args: MergeArgs): Promise<void> {
  const { mergeShards, MergeError, sweepJson, sweepCsv, sweepTable } = await import('../output/sweep.js');
  const found = [...new Set(args.dirs.flatMap(shardFiles))];
  const sweeps = found.filter((f) => SWEEP_SHARD_FILE.test(basename(f)));
  const replicationShards = found.filter((f) => !SWEEP_SHARD_FILE.test(basename(f)));
  if (sweeps.length > 0 && replicationShards.length > 0) throw new UsageError(`merge: ${sweeps[0]} is a sweep's shard and ${replicationShards[0]} a run's or comparison's; merge one experiment at a time`);
  if (replicationShards.length > 0) {
    const { mergeReplicationShards } = await import('./replication-merge.js');
    return mergeReplicationShards(replicationShards, args, readStored);
  }
  const files = sweeps;
  let result;
  try {
    result = mergeShards(
      files.map((file) => ({ file, text: readStored(file) })),
      args.dirs,
    );
  } catch (e) {
    if (e instanceof MergeError) throw new UsageError(`merge: ${e.message}`);
    throw e;
  }
  const dir = outOption(args.out) ?? `out/${result.scenario}`;
  const json = sweepJson(result);
  const output = await openOutput(dir);
  try {
    // The same report the unsharded sweep writes (its scenario.json, if DIR has one, describes it).
    const { reportOutputs, wroteMessage } = await import('./report.js');
    const report = await reportOutputs(dir, { sweep: result }, { charts: args.charts ?? true, kinds: output.keeps(result.scenario, 'sweep') });
    const { sweepXlsx } = await import('../output/spreadsheets.js');
    const written = output.commit(result.scenario, 'sweep', { 'sweep.json': json, 'sweep.csv': sweepCsv(result), 'sweep.xlsx': await sweepXlsx(result) }, report.files);
    process.stdout.write(args.json ? json : sweepTable(result));
    for (const note of report.notes) process.stderr.write(`${note}\n`);
    process.stderr.write(`merged ${files.length} shard(s); ${wroteMessage(written)}\n`);
  } finally {
    output.release();
  }
}

/**
 * A sweep's points report the model's kpis and economics; a `--by` figure they do not report (a
 * customer count, or a lifecycle figure of a scenario without customers) is refused before any
 * point runs, instead of ending without a best point. The figures a configuration reports do not
 * depend on the horizon, so one simulated hour tells.
 */
async function checkReported(by: string, reported: Reported): Promise<void> {
  if (!reported.figures.includes(by)) throw new UsageError(sweepMessages.byNotReported(by, reported.figures));
}
