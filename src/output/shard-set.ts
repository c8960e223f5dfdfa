/**
 * A set of shard files — a sweep's (output/sweep.ts) or a run's or comparison's
 * (output/replication-shard.ts) — read and checked as one: each file is a shard of its kind, all
 * belong to one experiment, all are 1 … N of the same N, each K once and none missing. What a
 * shard holds and which share is its own is the caller's to check afterwards.
 */
import type { Shard } from '../experiment/grid.js';
import { StoredFileError } from './stored/read.js';

export const shardSetMessages = {
  none: () => 'no shard files given',
  otherCount: (file: string, n: number, first: string, m: number) => `${file} is one of ${n} shards, but ${first} is one of ${m}`,
  duplicate: (k: number, a: string, b: string) => `shard ${k} is given twice: ${a} and ${b}`,
  missing: (missing: readonly number[], n: number) => `missing shard${missing.length === 1 ? '' : 's'} ${missing.join(', ')} of ${n}`,
};

export interface ShardSetRules<D> {
  /** Reads one file (throws StoredFileError for one that is not a shard of this kind). */
  read: (file: string, text: string) => D;
  shardOf: (data: D) => Shard;
  /** Why `file` is not a shard of this kind. */
  notShard: (file: string, reason: string) => string;
  /** A message when `s` belongs to another experiment than `first`, else null. */
  otherExperiment: (s: { file: string; data: D }, first: { file: string; data: D }) => string | null;
  /** The caller's error class (bad input, exit 2). */
  fail: (message: string, cause?: unknown) => Error;
}

/** The shards of one experiment, ordered by K; throws `rules.fail` for anything else. */
export function readShardSet<D>(inputs: readonly { file: string; text: string }[], rules: ShardSetRules<D>): { file: string; data: D }[] {
  const shards = inputs.map(({ file, text }) => {
    try {
      return { file, data: rules.read(file, text) };
    } catch (e) {
      if (e instanceof StoredFileError) throw rules.fail(rules.notShard(file, e.path ? `${e.path}: ${e.problem}` : e.problem), e);
      throw e;
    }
  });
  const first = shards[0];
  if (first === undefined) throw rules.fail(shardSetMessages.none());
  const n = rules.shardOf(first.data).n;
  const seen = new Map<number, string>();
  for (const s of shards) {
    const other = rules.otherExperiment(s, first);
    if (other !== null) throw rules.fail(other);
    const { k, n: count } = rules.shardOf(s.data);
    if (count !== n) throw rules.fail(shardSetMessages.otherCount(s.file, count, first.file, n));
    const before = seen.get(k);
    if (before !== undefined) throw rules.fail(shardSetMessages.duplicate(k, before, s.file));
    seen.set(k, s.file);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length > 0) throw rules.fail(shardSetMessages.missing(missing, n));
  return [...shards].sort((a, b) => rules.shardOf(a.data).k - rules.shardOf(b.data).k);
}
