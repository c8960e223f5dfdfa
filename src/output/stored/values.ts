/**
 * The pieces stored-file schemas are made of (see read.ts): numbers that may have been written as
 * null, estimates, bounded counts and records, and names held to the naming rule before any of
 * them reaches a path or a loop.
 */
import { z } from 'zod';
import { isName, NAME_MAX_LENGTH } from '../../model/names.js';

/** A number, or null: a figure with nothing under it (an empty ratio), or NaN/±∞ as JSON writes them. */
export const storedNumber = z.number().nullable();

/**
 * An estimate as experiment/estimate.ts writes it: { mean, ci95: [lo, hi] }, or
 * { mean: null, ci95: null } when the figure has nothing under it (a ratio over nothing).
 */
export const estimate = z.union(
  [z.looseObject({ mean: z.number(), ci95: z.tuple([z.number(), z.number()]) }), z.looseObject({ mean: z.null(), ci95: z.null() })],
  { error: 'an estimate { "mean": number, "ci95": [lo, hi] }, or { "mean": null, "ci95": null } for a figure with nothing under it' },
);

/** A paired difference: an estimate with its verdict and unpaired intervals (read: mean and ci95). */
export const paired = estimate;

/** Keys of a record written by ccsim (figure names, group names, varied keys). */
export const key = z.string().max(200, 'a key of at most 200 characters');

/** A record of at most `max` entries. */
export function record<V extends z.ZodType>(value: V, max: number) {
  return z.record(key, value).refine((r) => Object.keys(r).length <= max, `a mapping of at most ${max.toLocaleString('en-US')} entries (a bound on what ccsim writes)`);
}

/** Figure name → estimate: kpis, economics. */
export const estimates = record(estimate, 1000);

/** A list of at most `max` items. */
export function list<V extends z.ZodType>(item: V, max: number) {
  return z.array(item).max(max, `a list of at most ${max.toLocaleString('en-US')} items (a bound on what ccsim writes)`);
}

/** A whole number in [min, max]. */
export function count(min: number, max: number) {
  return z.int(`a whole number`).min(min, `a whole number from ${min} to ${max.toLocaleString('en-US')}`).max(max, `a whole number from ${min} to ${max.toLocaleString('en-US')} (a bound on what ccsim writes)`);
}

/** A seed as the CLI takes it. */
export const seed = count(0, 2 ** 32 - 1);

/** A scenario or policy name (model/names.ts): checked before it becomes part of a path. */
export const name = z.string().refine(isName, `a name of letters, digits, ".", "_" and "-" of at most ${NAME_MAX_LENGTH} characters, not starting with "."`);

/** A JSON value set by a sweep or policy (a scalar, or a small mapping or list of scalars). */
export const setValue = z.unknown().refine((v) => depthOf(v) <= 4, 'a value nested at most 4 levels deep');

function depthOf(v: unknown): number {
  if (typeof v !== 'object' || v === null) return 0;
  let deepest = 0;
  for (const x of Object.values(v)) deepest = Math.max(deepest, depthOf(x));
  return 1 + deepest;
}

/**
 * Bounds on counts and lengths read back: what the largest valid run writes, with room. They
 * mirror scenario/limits.ts and experiment/grid.ts (which output/ does not import);
 * test/output/stored.test.ts checks that they stay at least as large.
 */
export const STORED_BOUNDS = {
  /** Replications of a run (LIMITS.replications). */
  replications: 100_000,
  /** Days of a horizon (LIMITS.horizonDays), plus a partial day at each end. */
  days: 3652,
  /** 30-day months of a horizon, plus partial ones. */
  months: 125,
  /** Intervals of a day (1440 / 15 minutes). */
  intervalsPerDay: 96,
  /** Policies of a comparison (LIMITS.listItems, plus the baseline), groups, reasons. */
  items: 1001,
  /** Points of a sweep (MAX_GRID_POINTS), and so shards. */
  points: 10_000,
} as const;
