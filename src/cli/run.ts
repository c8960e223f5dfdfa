/**
 * `ccsim run FILE`: replications of one scenario, estimated and written with the report — or,
 * with `--shard K/N`, only shard K's range of replications, written as a shard file that
 * `ccsim merge` joins into exactly the outputs of the unsharded run (cli/replication-merge.ts).
 */
import { LIMITS } from '../scenario/limits.js';
import type { ReplicationResult } from '../model/result.js';
import { UsageError, checkResources, defaultWorkers, intOption, load, openOutput, outOption, scenarioInfo, type Loaded } from './common.js';
import type { OutputDir } from './output-dir.js';


export interface RunArgs {
  file: string;
  reps: unknown;
  seed: unknown;
  out?: string;
  json: boolean;
  workers: unknown;
  charts: boolean;
  log?: string;
  shard?: string;
}

export const runMessages = {
  shardWithLog: () => '--log writes replication 0 of a whole run; it does not go with --shard (run replication 0 alone with --reps 1 --log FILE)',
};

export async function runCommand(args: RunArgs): Promise<void> {
  const loaded = await load(args.file);
  const replications = intOption('reps', args.reps, 1, LIMITS.replications);
  const seed = args.seed === undefined ? loaded.scenario.seed : intOption('seed', args.seed, 0, 2 ** 32 - 1);
  const workers = args.workers === undefined ? defaultWorkers() : intOption('workers', args.workers, 1, LIMITS.workers);
  const dir = outOption(args.out) ?? `out/${loaded.scenario.name}`;
  if (args.shard !== undefined) {
    if (args.log !== undefined) throw new UsageError(runMessages.shardWithLog());
    const { runShard } = await import('./replication-shard-run.js');
    return runShard(args.shard, loaded, { command: 'run', configs: [{ name: loaded.scenario.name, config: loaded.config }], seed, replications, by: null, require: [], workers, dir, json: args.json });
  }
  await checkResources([loaded.config], replications, workers);
  const output = await openOutput(dir);
  try {
    const { replicate } = await import('../experiment/replicate.js');
    const { progress } = await import('./progress.js');
    const log = args.log === undefined ? null : await openLog(args.log, loaded);
    const bar = await progress('replications');
    let results;
    try {
      results = await replicate(loaded.config, { replications, seed, workers, onProgress: bar.tick, ...(log ? { onContact: log.sink } : {}) });
    } catch (e) {
      log?.abort();
      throw e;
    } finally {
      bar.stop();
    }
    const logged = log?.finish();
    await writeRunOutputs(loaded, seed, results, { dir, output, charts: args.charts, json: args.json, note: logged ? `; the call log of replication 0 to ${logged}` : '' });
  } finally {
    output.release();
  }
}

/**
 * What `run` writes and prints for its replications: summary.json, the CSV series, the report;
 * the table (or the JSON) on stdout. `ccsim merge` of run shards calls it with the joined
 * replications, so the two give the same bytes.
 */
export async function writeRunOutputs(
  loaded: Loaded,
  seed: number,
  results: readonly ReplicationResult[],
  o: { dir: string; output: OutputDir; charts: boolean; json: boolean; note: string },
): Promise<void> {
  const { config, scenario } = loaded;
  const { runFiles } = await import('../output/run-files.js');
  const { summary, json, files } = runFiles(scenario, seed, config, results);
  const { reportOutputs, wroteMessage } = await import('./report.js');
  const report = await reportOutputs(o.dir, { scenario: scenarioInfo(loaded), summary }, { charts: o.charts, kinds: o.output.keeps(scenario.name, 'summary') });
  const written = o.output.commit(scenario.name, 'summary', files, report.files);
  const { runTable } = await import('../output/run-table.js');
  process.stdout.write(o.json ? json : runTable(summary, seed));
  for (const note of report.notes) process.stderr.write(`${note}\n`);
  process.stderr.write(`${wroteMessage(written)}${o.note}\n`);
}

/** The call log of `run --log FILE` (cli/call-log.ts), its dates from the scenario's day 0. */
async function openLog(file: string, loaded: Loaded) {
  if (file.trim() === '') throw new UsageError('--log must name a file, got ""');
  const { openCallLog } = await import('./call-log.js');
  const { dayZero } = await import('../scenario/dates.js');
  const d = loaded.config.demand;
  return openCallLog(file, loaded.config, dayZero({ startDate: loaded.scenario.calendar.startDate, startWeekday: d.startWeekday, startMonth: d.startMonth }));
}
