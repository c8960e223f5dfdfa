/**
 * A sweep's stored files read back: sweep.json (by the report), a shard file (by `ccsim merge`)
 * and a saved point of an unfinished sweep (by the resumed sweep). What their readers use; see
 * read.ts. Every count that sizes a loop (points, shard K and N, indices) is bounded.
 */
import { z } from 'zod';
import type { BestPoint, PointResult, SweepDefinition } from '../../experiment/sweep.js';
import { readStoredJson, StoredFileError } from './read.js';
import { count, estimates, key, list, name, record, seed, setValue, STORED_BOUNDS, storedNumber } from './values.js';

const point = z.looseObject({
  index: count(0, STORED_BOUNDS.points - 1),
  set: record(setValue, 64),
  kpis: estimates,
  economics: estimates,
  channels: record(estimates, 64).optional(),
});

/** What defines a sweep (experiment/sweep.ts SweepDefinition). */
const definition = z.looseObject({
  scenario: name,
  seed,
  replications: count(1, STORED_BOUNDS.replications),
  vary: list(z.looseObject({ key, values: list(setValue, STORED_BOUNDS.points) }), 64).min(1, 'at least one varied key'),
  by: key.nullable(),
  require: list(z.string().max(1000), 1000),
  decisions: list(key, 64),
  points: count(1, STORED_BOUNDS.points),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 fingerprint (64 hex digits)'),
});

/** Every point (and best point) gives a value for every varied key: the readers show them. */
function setsComplete(d: { vary: { key: string }[]; results: { set: Record<string, unknown> }[]; best?: Record<string, { set: Record<string, unknown> | null }[]> }, ctx: z.core.$RefinementCtx): void {
  const check = (set: Record<string, unknown>, path: (string | number)[]) => {
    for (const { key } of d.vary) if (!Object.hasOwn(set, key)) ctx.addIssue({ code: 'custom', message: `no value for the varied key "${key}"`, path: [...path, 'set'] });
  };
  d.results.forEach((p, i) => check(p.set, ['results', i]));
  for (const [figure, levels] of Object.entries(d.best ?? {})) levels.forEach((b, i) => b.set && check(b.set, ['best', figure, i]));
}

/** The best point of one level of the keys that are not decisions (experiment/sweep.ts BestPoint). */
const bestPoint = z.looseObject({
  level: record(setValue, 64),
  index: count(0, STORED_BOUNDS.points - 1).nullable(),
  set: record(setValue, 64).nullable(),
  mean: storedNumber,
  ci95: z.tuple([z.number(), z.number()]).nullable(),
  ties: list(count(0, STORED_BOUNDS.points - 1), STORED_BOUNDS.points),
}).refine((b) => (b.index === null) === (b.set === null) && (b.index === null || b.mean !== null), { message: 'a best point has an index, a set and a mean, or none of them' });

export const SweepSchema = definition
  .extend({
    results: list(point, STORED_BOUNDS.points),
    best: record(list(bestPoint, STORED_BOUNDS.points), 64),
  })
  .superRefine(setsComplete);

export const SHARD_FORMAT = 'ccsim-sweep-shard';
export const POINT_FORMAT = 'ccsim-sweep-point';

export const ShardSchema = z
  .looseObject({
    format: z.literal(SHARD_FORMAT),
    version: z.literal(1),
    shard: z.looseObject({ k: count(1, STORED_BOUNDS.points), n: count(1, STORED_BOUNDS.points) }),
    sweep: definition,
    results: list(point, STORED_BOUNDS.points),
  })
  .superRefine((s, ctx) => setsComplete({ vary: s.sweep.vary, results: s.results }, ctx))
  .refine((s) => s.shard.k <= s.shard.n, { message: 'K must be at most N', path: ['shard', 'k'] })
  .refine((s) => s.shard.n <= s.sweep.points, { message: 'N must be at most the number of points', path: ['shard', 'n'] });

export const PointStateSchema = z.looseObject({ format: z.literal(POINT_FORMAT), fingerprint: z.string(), point });

/** sweep.json as read back: output/sweep.ts SweepResult (not imported: it imports this module). */
export interface StoredSweepResult extends SweepDefinition {
  results: PointResult[];
  best: Record<string, BestPoint[]>;
}

/** sweep.json in `text` (from `file`); throws StoredFileError. */
export function readSweep(file: string, text: string, hint?: string): StoredSweepResult {
  return readStoredJson(SweepSchema, file, text, hint) as unknown as StoredSweepResult;
}

export interface StoredShard {
  shard: { k: number; n: number };
  sweep: SweepDefinition;
  results: PointResult[];
}

/** A shard file in `text` (from `file`); throws StoredFileError. */
export function readShard(file: string, text: string): StoredShard {
  return readStoredJson(ShardSchema, file, text) as unknown as StoredShard;
}

/** A saved point of the sweep `fingerprint` at `index`, or undefined for anything else (it is run again). */
export function readPointState(text: string, fingerprint: string, index: number): PointResult | undefined {
  try {
    const d = readStoredJson(PointStateSchema, 'saved point', text);
    return d.fingerprint === fingerprint && d.point.index === index ? (d.point as unknown as PointResult) : undefined;
  } catch (e) {
    if (e instanceof StoredFileError) return undefined;
    throw e;
  }
}
