import type { ModelConfig } from '../model/config.js';
import type { Shard } from './grid.js';
import { fingerprintOf } from './fingerprint.js';

/**
 * Replications spread over machines: shard K of N runs the contiguous range of replication
 * indices [from, to) below, and `ccsim merge` joins the shards' replications in index order.
 * Replication r depends only on (configuration, seed, r), so the joined results are the very
 * results one process would have computed, and every figure derived from them is the same to
 * the last bit (the estimates, the paired differences and the series are computed from the
 * replications in index order, in one place, whoever ran them).
 */

/** The replication indices shard K of N runs: a contiguous range, the shards' sizes within 1 of each other (some empty when N > total). */
export function replicationRange(total: number, shard: Shard): { from: number; to: number } {
  return { from: Math.floor(((shard.k - 1) * total) / shard.n), to: Math.floor((shard.k * total) / shard.n) };
}

/** What defines a sharded run or comparison; shards of one agree on it, and merge checks it. */
export interface ReplicationExperiment {
  command: 'run' | 'compare';
  seed: number;
  replications: number;
  /** The comparison's second verdict figure (compare only). */
  by: string | null;
  /** Requirements the comparison judges (`--require`), as written; [] for none (and for run). */
  require: readonly string[];
  /** The configurations run: the scenario's (run), or the baseline's and each policy's (compare). */
  configs: readonly { name: string; config: ModelConfig }[];
  /** ccsim's version: a shard of another version may simulate differently. */
  version: string;
}

/** The experiment's SHA-256 fingerprint. */
export function replicationFingerprint(e: ReplicationExperiment): string {
  return fingerprintOf({ format: 1, ...e });
}
