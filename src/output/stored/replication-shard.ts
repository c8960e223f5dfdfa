/**
 * A run's or comparison's shard file read back (by `ccsim merge`; output/replication-shard.ts
 * writes it): the head the merge checks, every count bounded, and the results as the encoded
 * values they are — their shape is held to a reference result where the scenario is loaded
 * (output/replication-shard.ts decodeResults). See read.ts.
 */
import { z } from 'zod';
import { readStoredJson } from './read.js';
import { count, key, list, name, seed, STORED_BOUNDS } from './values.js';

export const REPLICATION_SHARD_FORMAT = 'ccsim-replication-shard';

/** The largest scenario text a shard carries (a scenario file is read up to 4 MiB). */
const SOURCE_CHARS = 4 * 1024 * 1024;

export const ReplicationShardSchema = z
  .looseObject({
    format: z.literal(REPLICATION_SHARD_FORMAT),
    version: z.literal(1),
    command: z.enum(['run', 'compare']),
    ccsim: z.string().max(100, 'a version of at most 100 characters'),
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 fingerprint (64 hex digits)'),
    shard: z.looseObject({ k: count(1, STORED_BOUNDS.points), n: count(1, STORED_BOUNDS.points) }),
    seed,
    replications: count(1, STORED_BOUNDS.replications),
    from: count(0, STORED_BOUNDS.replications),
    to: count(0, STORED_BOUNDS.replications),
    by: key.nullable(),
    require: list(z.string().max(1000, 'a requirement of at most 1,000 characters'), 1000),
    scenario: z.looseObject({ name, file: z.string().max(4096, 'a path of at most 4,096 characters'), source: z.string().max(SOURCE_CHARS, 'a scenario text of at most 4 MiB') }),
    policies: list(name, STORED_BOUNDS.items).min(1, 'at least one configuration'),
    results: list(list(z.unknown(), STORED_BOUNDS.replications), STORED_BOUNDS.items),
  })
  .refine((s) => s.shard.k <= s.shard.n, { message: 'K must be at most N', path: ['shard', 'k'] })
  .refine((s) => s.from <= s.to && s.to <= s.replications, { message: 'the range must lie within the replications', path: ['to'] });

/** `version` is the shard format's; `ccsim` the version of ccsim that wrote it. */
export type StoredReplicationShard = z.output<typeof ReplicationShardSchema>;

/** A run or comparison shard in `text` (from `file`); throws StoredFileError. */
export function readReplicationShard(file: string, text: string): StoredReplicationShard {
  return readStoredJson(ReplicationShardSchema, file, text) as StoredReplicationShard;
}
