/**
 * The manifest of an output directory, `.ccsim-manifest.json`: which scenario the directory is
 * for and which files belong to which command's result, so that a new result replacing the
 * directory (cli/output-dir.ts) keeps exactly the other commands' results of the same scenario
 * and nothing else (not another scenario's files, not a chart a `--no-charts` rerun no longer
 * draws). The report files (report.html, scenario.json, charts/) are not listed: every write
 * rebuilds them from what the new directory holds.
 *
 *   { "format": "ccsim-outputs", "version": 1, "scenario": "baseline",
 *     "results": { "summary": ["summary.json", "intervals.csv", …], "comparison": [ … ] } }
 */
import { z } from 'zod';
import { readStoredJson } from './read.js';
import { list, name } from './values.js';

export const MANIFEST_FILE = '.ccsim-manifest.json';
const FORMAT = 'ccsim-outputs';

/**
 * The results a directory can hold, one per command that writes one (merge writes a sweep). A
 * fit's directory (scenario.yaml, fit.json, backtest.json) holds a fit alone: it is never kept
 * beside the others, nor they beside it.
 */
export const RESULT_KINDS = ['summary', 'comparison', 'sweep', 'optimize', 'fit'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

export interface Manifest {
  scenario: string;
  results: Partial<Record<ResultKind, string[]>>;
}

/** A file of a result: a plain name in the directory itself (never a path, never hidden). */
const fileName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a plain file name (letters, digits, ".", "_", "-"), not a path')
  .max(100, 'a file name of at most 100 characters');

export const ManifestSchema = z.looseObject({
  format: z.literal(FORMAT),
  version: z.literal(1),
  scenario: name,
  results: z.partialRecord(z.enum(RESULT_KINDS), list(fileName, 32)),
});

export function manifestJson(m: Manifest): string {
  const results: Partial<Record<ResultKind, string[]>> = {};
  for (const kind of RESULT_KINDS) if (m.results[kind]) results[kind] = [...m.results[kind]!].sort();
  return `${JSON.stringify({ format: FORMAT, version: 1, scenario: m.scenario, results }, null, 2)}\n`;
}

/** The manifest in `text` (from `file`); throws StoredFileError. */
export function readManifest(file: string, text: string): Manifest {
  const d = readStoredJson(ManifestSchema, file, text, '; delete it to let ccsim start the directory afresh');
  return { scenario: d.scenario, results: d.results as Manifest['results'] };
}
