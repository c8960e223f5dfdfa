/**
 * optimize.json read back (by `ccsim report` and the report rebuilt by the other commands): what
 * the optimisation section and its chart read. See read.ts.
 */
import { z } from 'zod';
import type { OptimizeResult } from '../optimize.js';
import { readStoredJson, StoredFileError } from './read.js';
import { count, estimates, key, list, name, record, seed, setValue, STORED_BOUNDS, storedNumber } from './values.js';

/** An objective's estimate: always measured (every candidate has at least two replications). */
const measured = z.looseObject({ mean: z.number(), ci95: z.tuple([z.number(), z.number()]) });
const status = z.enum(['feasible', 'infeasible', 'undetermined']);
/** The most candidates an optimisation evaluates (`--budget`), and overrides a candidate sets (decisions and the shift ends and breaks they move). */
export const MAX_CANDIDATES = 100_000;
const CANDIDATES = MAX_CANDIDATES;
const set = record(setValue, 10_000);

const candidate = z.looseObject({ set, totalAgents: count(0, 10_000_000), objective: measured, status, replications: count(1, STORED_BOUNDS.replications) });

const requirement = z.looseObject({ requirement: z.string().max(1000), figure: key, mean: storedNumber, ci95: z.tuple([z.number(), z.number()]).nullable(), status });

export const OptimizeSchema = z.looseObject({
  scenario: name,
  seed,
  objective: z.enum(['profit', 'longTermValue', 'cost']),
  require: list(z.string().max(1000), 1000),
  evaluations: count(0, CANDIDATES),
  replicationsUsed: count(0, CANDIDATES * 1000),
  best: candidate.extend({ kpis: estimates, economics: estimates, requirements: list(requirement, 1000) }),
  evaluated: list(candidate, CANDIDATES),
  path: list(
    z.looseObject({
      step: count(0, CANDIDATES),
      totalAgents: count(0, 10_000_000),
      objective: measured,
      status,
      move: z.looseObject({ key }).nullable(),
      delta: z.looseObject({ mean: z.number(), ci: z.tuple([z.number(), z.number()]) }).nullable(),
    }),
    CANDIDATES,
  ),
  start: z.looseObject({ method: z.enum(['analytic', 'scenario']), set, notes: list(z.string(), 1000) }),
  notes: list(z.string(), 1000),
  selection: z.looseObject({ finalists: list(z.unknown(), CANDIDATES), indifference: z.number(), alpha: z.number() }).nullable(),
});

/** optimize.json in `text` (from `file`); throws StoredFileError. */
export function readOptimize(file: string, text: string, hint?: string): OptimizeResult {
  return readStoredJson(OptimizeSchema, file, text, hint) as unknown as OptimizeResult;
}

export const BATCH_FORMAT = 'ccsim-optimize-batch';

/** A saved batch of replications of one candidate (`DIR/.optimize/<fingerprint>/…`): its figure rows. */
const BatchSchema = z.looseObject({
  format: z.literal(BATCH_FORMAT),
  fingerprint: z.string(),
  set,
  rows: list(record(storedNumber, 1000), STORED_BOUNDS.replications),
});

/**
 * The rows of a saved batch if it is this search's (same fingerprint and candidate) and of the
 * expected length; anything else — another search's, a truncated or edited file — is undefined,
 * and the batch is run again.
 */
export function readBatch(text: string, fingerprint: string, candidate: Readonly<Record<string, unknown>>, length: number): Record<string, number | null>[] | undefined {
  try {
    const d = readStoredJson(BatchSchema, 'saved batch', text);
    if (d.fingerprint !== fingerprint || JSON.stringify(d.set) !== JSON.stringify(candidate) || d.rows.length !== length) return undefined;
    return d.rows;
  } catch (e) {
    if (e instanceof StoredFileError) return undefined;
    throw e;
  }
}
