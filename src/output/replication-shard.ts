/**
 * The shard file of `ccsim run --shard K/N` and `ccsim compare --shard K/N`
 * (`run-shard-K-of-N.json`, `compare-shard-K-of-N.json`), and the join `ccsim merge` makes of
 * them. A shard holds its range of replications of every configuration, each replication's whole
 * result in the exact encoding (output/exact-json.ts), with what the merge needs to rebuild the
 * outputs one process would have written: the scenario's text, the seed, the total replication
 * count, the `--by` figure, ccsim's version and the experiment's fingerprint.
 *
 *   shards ─stored schema (stored/replication-shard.ts)─▶ one fingerprint, one N, every K once,
 *     ranges that tile 0 … total ─▶ encoded results in replication order ─shape of a reference
 *     result (same keys, arrays where arrays are)─▶ decoded ─▶ the unsharded command's outputs
 */
import type { Shard } from '../experiment/grid.js';
import type { ReplicationExperiment } from '../experiment/replication-shard.js';
import { replicationRange } from '../experiment/replication-shard.js';
import { NF } from '../model/facts.js';
import type { ReplicationResult } from '../model/result.js';
import { decodeExact, encodeExact, ExactJsonError } from './exact-json.js';
import { readReplicationShard, REPLICATION_SHARD_FORMAT, type StoredReplicationShard } from './stored/replication-shard.js';
import { readShardSet, shardSetMessages } from './shard-set.js';

export { REPLICATION_SHARD_FORMAT };

/** The file name of shard K of N of a run or a comparison. */
export function replicationShardFileName(command: 'run' | 'compare', shard: Shard): string {
  return `${command}-shard-${shard.k}-of-${shard.n}.json`;
}

/** Matches the file names replicationShardFileName gives. */
export const REPLICATION_SHARD_FILE = /^(run|compare)-shard-\d+-of-\d+\.json$/;

/** What a shard file holds besides the results. */
export interface ReplicationShardHead {
  command: 'run' | 'compare';
  /** ccsim's version (the file's format version is `version`, 1). */
  ccsim: string;
  fingerprint: string;
  shard: Shard;
  seed: number;
  replications: number;
  from: number;
  to: number;
  by: string | null;
  require: string[];
  /** The scenario as given on the command line: its path (as typed) and its text. */
  scenario: { name: string; file: string; source: string };
  /** The configurations' names, in order (compare: the baseline first). */
  policies: string[];
}

export function replicationShardJson(
  experiment: ReplicationExperiment,
  fingerprint: string,
  shard: Shard,
  scenario: ReplicationShardHead['scenario'],
  results: readonly (readonly ReplicationResult[])[],
): string {
  const { from, to } = replicationRange(experiment.replications, shard);
  const head: ReplicationShardHead = {
    command: experiment.command,
    ccsim: experiment.version,
    fingerprint,
    shard,
    seed: experiment.seed,
    replications: experiment.replications,
    from,
    to,
    by: experiment.by,
    require: [...experiment.require],
    scenario,
    policies: experiment.configs.map((c) => c.name),
  };
  return `${JSON.stringify({ format: REPLICATION_SHARD_FORMAT, version: 1, ...head, results: results.map((rs) => rs.map((r) => encodeExact(r))) })}\n`;
}

/** Shard files that cannot be joined; the CLI reports it as bad input (exit 2). */
export class ReplicationMergeError extends Error {}

export const replicationMergeMessages = {
  notShard: (file: string, reason: string) => `${file}: not a shard file of ccsim run or compare --shard: ${reason}`,
  mixed: (file: string, command: string, first: string, other: string) => `${file} is a shard of ccsim ${command}, but ${first} is one of ccsim ${other}; merge the shards of one command at a time`,
  otherExperiment: (file: string, first: string) => `${file} belongs to another ${'experiment'} than ${first} (fingerprints differ: different scenario, policies, seed, replications, --by, --require or ccsim version)`,
  ...shardSetMessages,
  wrongRange: (file: string, k: number, n: number, from: number, to: number) =>
    `${file}: shard ${k} of ${n} must hold replications ${from}–${to - 1} of every configuration (the file was edited or is damaged)`,
  sourceChanged: (file: string) => `${file}: its scenario text no longer gives the configurations it ran (the fingerprint differs): the file was edited, or comes from another ccsim version`,
  otherVersion: (file: string, version: string, mine: string) => `${file} was written by ccsim ${version}; this is ${mine}, which may simulate differently: merge with ccsim ${version}, or rerun the shards`,
  badResult: (file: string, reason: string) => `${file}: a replication's result is not one ccsim writes: ${reason}`,
};

/** Joined shards: the common head (K and the range of the first) and the encoded results of every configuration, in replication order. */
export interface JoinedShards {
  head: ReplicationShardHead;
  files: string[];
  encoded: unknown[][];
  /** Where replication r came from: its shard file and its place there, for messages. */
  origins: { file: string; at: number }[];
}

/**
 * Checks that the shards are exactly the N shards of one experiment and joins their encoded
 * results in replication order. The scenario text's fingerprint and the results' shapes are
 * checked afterwards (checkSource, decodeResults), where the scenario is loaded.
 */
export function joinReplicationShards(inputs: readonly { file: string; text: string }[]): JoinedShards {
  const headOf = (d: StoredReplicationShard) => JSON.stringify({ ...d, results: undefined, shard: undefined, from: undefined, to: undefined });
  const ordered = readShardSet(inputs, {
    read: readReplicationShard,
    shardOf: (d) => d.shard,
    notShard: replicationMergeMessages.notShard,
    otherExperiment: (s, first) =>
      s.data.command !== first.data.command
        ? replicationMergeMessages.mixed(s.file, s.data.command, first.file, first.data.command)
        : // Every shard carries the whole definition: the scenario text, seed, count, --by, --require, version.
          s.data.fingerprint !== first.data.fingerprint || headOf(s.data) !== headOf(first.data)
          ? replicationMergeMessages.otherExperiment(s.file, first.file)
          : null,
    fail: (message, cause) => new ReplicationMergeError(message, { cause }),
  });
  const first = ordered[0]!;
  const n = first.data.shard.n;
  for (const s of ordered) {
    const { from, to } = replicationRange(first.data.replications, s.data.shard);
    const right = (d: StoredReplicationShard) => d.from === from && d.to === to && d.policies.length === first.data.policies.length && d.results.length === d.policies.length && d.results.every((rs) => rs.length === to - from);
    if (!right(s.data)) throw new ReplicationMergeError(replicationMergeMessages.wrongRange(s.file, s.data.shard.k, n, from, to));
  }
  const { results: _results, format: _format, version: _version, ...head } = first.data;
  return {
    head: head as unknown as ReplicationShardHead,
    files: ordered.map((s) => s.file),
    encoded: first.data.policies.map((_, p) => ordered.flatMap((s) => s.data.results[p]!)),
    origins: ordered.flatMap((s) => Array.from({ length: s.data.to - s.data.from }, (_, at) => ({ file: s.file, at }))),
  };
}

/**
 * The replications' results of configuration `policy` from their encoded form, each first held to
 * the shape of `reference` (a result of the same configuration: the same keys at every level,
 * numbers where it has numbers, float arrays where it has them, lists of like items), then its
 * arrays to the configuration's intervals (`buckets`) and 30-day months (`months`), so a
 * crafted file cannot hand the output code something it would trip on. Each float array
 * inflates to at most the fact table's size.
 */
export function decodeResults(joined: JoinedShards, policy: number, reference: ReplicationResult, expected: { buckets: number; months: number }): ReplicationResult[] {
  const { buckets } = expected;
  const shape = encodeExact(reference);
  const results = joined.encoded[policy]!.map((e, r) => {
    const { file, at } = joined.origins[r]!;
    const where = `results[${policy}][${at}]`;
    const problem = shapeProblem(shape, e, where);
    if (problem !== null) throw new ReplicationMergeError(replicationMergeMessages.badResult(file, problem));
    try {
      return decodeExact(e, buckets * NF * 8, where) as ReplicationResult;
    } catch (err) {
      if (err instanceof ExactJsonError) throw new ReplicationMergeError(replicationMergeMessages.badResult(file, err.message));
      throw err;
    }
  });
  const problem = lengthProblem(results, expected);
  if (problem !== null) {
    const { file, at } = joined.origins[problem.r]!;
    throw new ReplicationMergeError(replicationMergeMessages.badResult(file, `results[${policy}][${at}].${problem.text}`));
  }
  return results;
}

/** The first result whose fact rows, group arrays or months are not the configuration's length. */
function lengthProblem(results: readonly ReplicationResult[], { buckets, months: m }: { buckets: number; months: number }): { r: number; text: string } | null {
  for (const [r, res] of results.entries()) {
    const bad = (text: string) => ({ r, text });
    if (res.facts.rows.length !== buckets * NF) return bad(`facts.rows holds ${res.facts.rows.length} numbers, not ${buckets * NF}`);
    for (const [g, series] of Object.entries(res.facts.groups)) {
      for (const [k, a] of Object.entries(series)) if ((a as Float64Array).length !== buckets) return bad(`facts.groups.${g}.${k} holds ${(a as Float64Array).length} numbers, not ${buckets}`);
    }
    if (res.months.length !== m) return bad(`months has ${res.months.length} months, not ${m}`);
    const months = res.customers?.months as unknown as Record<string, unknown[]> | undefined;
    if (months) for (const [k, v] of Object.entries(months)) if (v.length !== m) return bad(`customers.months.${k} has ${v.length} months, not ${m}`);
  }
  return null;
}

const isTag = (v: unknown, tag: string) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && Object.hasOwn(v, tag);
const isNumberLike = (v: unknown) => v === null || typeof v === 'number' || isTag(v, '$number');

/** Where `value` departs from the shape of `ref` (both encoded), or null. */
function shapeProblem(ref: unknown, value: unknown, path: string): string | null {
  if (isNumberLike(ref)) return isNumberLike(value) ? null : `${path}: expected a number`;
  if (isTag(ref, '$float64')) return isTag(value, '$float64') ? null : `${path}: expected an array of numbers`;
  if (typeof ref === 'string' || typeof ref === 'boolean') return typeof value === typeof ref ? null : `${path}: expected ${typeof ref === 'string' ? 'text' : 'true or false'}`;
  if (Array.isArray(ref)) {
    if (!Array.isArray(value)) return `${path}: expected a list`;
    if (ref.length === 0) return value.length === 0 ? null : `${path}: expected an empty list`;
    for (let i = 0; i < value.length; i++) {
      const p = shapeProblem(ref[0], value[i], `${path}[${i}]`);
      if (p !== null) return p;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path}: expected a mapping`;
  const want = Object.keys(ref as object);
  const got = Object.keys(value);
  const extra = got.filter((k) => !Object.hasOwn(ref as object, k));
  if (extra.length > 0) return `${path}: unexpected key "${extra[0]}"`;
  for (const k of want) {
    if (!Object.hasOwn(value, k)) return `${path}.${k}: missing`;
    const p = shapeProblem((ref as Record<string, unknown>)[k], (value as Record<string, unknown>)[k], `${path}.${k}`);
    if (p !== null) return p;
  }
  return null;
}
