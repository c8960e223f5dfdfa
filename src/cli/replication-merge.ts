/**
 * The merge of replication shard files — `ccsim merge run-shard-*.json | compare-shard-*.json`:
 *
 *   shard files ─join (output/replication-shard.ts)─▶ the scenario text ─load─▶ the same
 *     fingerprint? the same ccsim? ─▶ each result held to a reference's shape ─▶ results in
 *     replication order ─▶ the unsharded command's own output code (cli/run.ts, cli/compare.ts)
 *
 * The shards are written by cli/replication-shard-run.ts.
 */
import { replicationFingerprint, type ReplicationExperiment } from '../experiment/replication-shard.js';
import { SECONDS_PER_MONTH } from '../model/config.js';
import { UsageError, openOutput, outOption, type Loaded } from './common.js';
import { packageVersion } from './version.js';

/** `ccsim merge` of run or compare shard files: the outputs the unsharded command writes. */
export async function mergeReplicationShards(files: readonly string[], args: { out?: string; json: boolean; charts?: boolean }, read: (file: string) => string): Promise<void> {
  const m = await import('../output/replication-shard.js');
  let joined;
  try {
    joined = m.joinReplicationShards(files.map((file) => ({ file, text: read(file) })));
  } catch (e) {
    if (e instanceof m.ReplicationMergeError) throw new UsageError(`merge: ${e.message}`);
    throw e;
  }
  const { head } = joined;
  const first = joined.files[0]!;
  const mine = packageVersion();
  if (head.ccsim !== mine) throw new UsageError(`merge: ${m.replicationMergeMessages.otherVersion(first, head.ccsim, mine)}`);
  // The configurations from the scenario text the shards carry, held to their fingerprint.
  const { parseScenario } = await import('../scenario/load.js');
  const { ScenarioError } = await import('../scenario/errors.js');
  let loaded: Loaded;
  try {
    loaded = { ...parseScenario(head.scenario.source, head.scenario.file), source: head.scenario.source } as Loaded;
  } catch (e) {
    if (e instanceof ScenarioError) throw new UsageError(`merge: ${m.replicationMergeMessages.sourceChanged(first)}`);
    throw e;
  }
  const configs = head.command === 'run' ? [{ name: loaded.scenario.name, config: loaded.config }] : loaded.policies.map((p) => ({ name: p.name, config: p.config }));
  const experiment: ReplicationExperiment = { command: head.command, seed: head.seed, replications: head.replications, by: head.by, require: head.require, configs, version: mine };
  if (replicationFingerprint(experiment) !== head.fingerprint || configs.length !== joined.encoded.length) throw new UsageError(`merge: ${m.replicationMergeMessages.sourceChanged(first)}`);

  // Each result held to the shape of one the model makes for the same configuration (an hour of it).
  const { simulateReplication } = await import('../model/contact-center.js');
  const results = configs.map((c, p) => {
    const reference = simulateReplication({ ...c.config, warmupSec: 0, horizonSec: Math.min(c.config.horizonSec, 3600) }, head.seed, 0);
    const buckets = Math.ceil(c.config.horizonSec / c.config.demand.intervalSec);
    try {
      return m.decodeResults(joined, p, reference, { buckets, months: Math.ceil(c.config.horizonSec / SECONDS_PER_MONTH) });
    } catch (e) {
      if (e instanceof m.ReplicationMergeError) throw new UsageError(`merge: ${e.message}`);
      throw e;
    }
  });

  const dir = outOption(args.out) ?? `out/${head.scenario.name}`;
  const output = await openOutput(dir);
  try {
    if (head.command === 'run') {
      const { writeRunOutputs } = await import('./run.js');
      await writeRunOutputs(loaded, head.seed, results[0]!, { dir, output, charts: args.charts ?? true, json: args.json, note: `; merged ${files.length} shard(s)` });
    } else {
      const { analyze } = await import('../experiment/compare.js');
      const { bonferroniLevel } = await import('../experiment/paired.js');
      const { parseConstraints, ConstraintError } = await import('../experiment/constraint.js');
      let constraints;
      try {
        constraints = parseConstraints(head.require);
      } catch (e) {
        if (e instanceof ConstraintError) throw new UsageError(`merge: ${first}: require: ${e.message}`);
        throw e;
      }
      const comparison = { ...analyze(loaded.policies, results, { scenario: loaded.scenario.name, seed: head.seed, by: head.by ?? undefined, constraints }, bonferroniLevel(configs.length - 1)), autoReplications: null };
      const { writeComparisonOutputs } = await import('./compare.js');
      await writeComparisonOutputs(loaded, comparison, { dir, output, charts: args.charts ?? true, json: args.json });
    }
  } finally {
    output.release();
  }
}
