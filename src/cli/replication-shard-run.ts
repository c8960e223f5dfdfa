/**
 * One shard of replications — `ccsim run|compare FILE --shard K/N|auto`:
 *
 *   FILE ─load─▶ configurations ─replications [from, to) of each (experiment/replication-shard.ts)
 *     ─▶ run-shard-K-of-N.json | compare-shard-K-of-N.json (written atomically, no lock: the
 *     shards of one experiment may share a directory)
 *
 * A failed shard is rerun by its index and writes the same bytes (its replications depend only
 * on the configuration, the seed and their indices). `ccsim merge` joins the files
 * (cli/replication-merge.ts).
 */
import { join } from 'node:path';
import type { Shard } from '../experiment/grid.js';
import { replicationFingerprint, replicationRange, type ReplicationExperiment } from '../experiment/replication-shard.js';
import type { ModelConfig } from '../model/config.js';
import type { ReplicationResult } from '../model/result.js';
import { checkResources, writeOutputFile, type Loaded } from './common.js';
import { shardOption } from './shard-option.js';
import { packageVersion } from './version.js';

export interface ShardRun {
  command: 'run' | 'compare';
  configs: readonly { name: string; config: ModelConfig }[];
  seed: number;
  replications: number;
  by: string | null;
  require: readonly string[];
  workers: number;
  dir: string;
  json: boolean;
}

/** Runs shard K's range of replications of every configuration and writes its shard file. */
export async function runShard(text: string, loaded: Loaded, o: ShardRun): Promise<void> {
  const shard: Shard = shardOption(text);
  const experiment: ReplicationExperiment = { command: o.command, seed: o.seed, replications: o.replications, by: o.by, require: o.require, configs: o.configs, version: packageVersion() };
  const { from, to } = replicationRange(o.replications, shard);
  await checkResources(o.configs.map((c) => c.config), Math.max(1, to - from), o.workers);
  const { createRunner } = await import('../experiment/pool.js');
  const { replicateRange } = await import('../experiment/replicate.js');
  const { progress } = await import('./progress.js');
  const runner = createRunner(o.workers, o.configs.length * (to - from));
  const bar = await progress(`replications ${from}–${to - 1} (shard ${shard.k} of ${shard.n})`);
  let done = 0;
  const total = o.configs.length * (to - from);
  let results: ReplicationResult[][];
  try {
    results = await Promise.all(o.configs.map((c) => replicateRange(runner, c.config, o.seed, from, to, () => bar.tick(++done, total))));
  } finally {
    bar.stop();
    await runner.close();
  }
  const { replicationShardJson, replicationShardFileName } = await import('../output/replication-shard.js');
  const json = replicationShardJson(experiment, replicationFingerprint(experiment), shard, { name: loaded.scenario.name, file: loaded.file, source: loaded.source }, results);
  const file = await writeOutputFile(join(o.dir, replicationShardFileName(o.command, shard)), json);
  if (o.json) process.stdout.write(json);
  process.stderr.write(`shard ${shard.k} of ${shard.n}: replications ${from}–${to - 1} of ${o.replications}${to === from ? ' (none: more shards than replications)' : ''}; wrote ${file}\n`);
}
