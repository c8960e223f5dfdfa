import type { Comparison } from '../experiment/compare.js';
import { StoredFileError } from './stored/read.js';
import { readVerdicts, VERDICT_FORMAT, type StoredVerdicts } from './stored/verdicts.js';

/**
 * The verdict file of `compare --write-baseline` / `--baseline`: what a CI pipeline guards.
 * It stores the verdicts only (not the numbers), so numbers moving inside their intervals pass
 * and a verdict flipping fails. The run settings are stored too, and a `--baseline` run uses
 * them unless told otherwise, so the check re-runs the same experiment.
 *
 *   { "format": "ccsim-verdicts", "version": 1, "scenario": "…", "seed": 7, "replications": 10,
 *     "by": "asaSec" | null, "verdicts": { "<policy>": { "profit": "better", "asaSec": "worse" } } }
 */
export type { StoredVerdicts };

const FORMAT = VERDICT_FORMAT;

/** A verdict file that cannot be used (stored/read.ts); the CLI reports it as bad input (exit 2). */
export { StoredFileError as VerdictFileError };

export const verdictMessages = {
  otherScenario: (file: string, stored: string, scenario: string) => `${file}: holds the verdicts of scenario "${stored}", not "${scenario}"`,
  changed: (policy: string, figure: string, was: string, now: string) =>
    `verdict changed: policy ${policy}${figure === 'profit' ? '' : ` by ${figure}`}: ${was} → ${now}`,
  missing: '(no such policy)',
  added: '(not in the baseline file)',
};

export function verdictsJson(c: Comparison): string {
  const verdicts: Record<string, Record<string, string>> = {};
  for (const { policy, ...figures } of c.verdict) verdicts[policy] = figures as Record<string, string>;
  return `${JSON.stringify({ format: FORMAT, version: 1, scenario: c.scenario, seed: c.seed, replications: c.replications, by: c.by, verdicts }, null, 2)}\n`;
}

/** Reads a verdict file's text, checking every field (stored/verdicts.ts); throws VerdictFileError naming the problem. */
export function parseVerdicts(text: string, file: string): StoredVerdicts {
  return readVerdicts(file, text);
}

/**
 * Every difference between stored verdicts and a new comparison, as messages: a changed
 * verdict, a policy gone from the scenario, or a policy the file does not know. Policies are
 * reported in the stored order, then the new ones in the scenario's order.
 */
export function verdictChanges(stored: StoredVerdicts, c: Comparison): string[] {
  const figures = ['profit', ...(stored.by && stored.by !== 'profit' ? [stored.by] : [])];
  const now = new Map(c.verdict.map((v) => [v.policy, v]));
  const out: string[] = [];
  for (const [policy, was] of Object.entries(stored.verdicts)) {
    const current = now.get(policy);
    for (const f of figures) {
      const after = current ? String(current[f]) : verdictMessages.missing;
      if (after !== was[f]) out.push(verdictMessages.changed(policy, f, was[f]!, after));
    }
  }
  for (const v of c.verdict) {
    if (stored.verdicts[v.policy]) continue;
    for (const f of figures) out.push(verdictMessages.changed(v.policy, f, verdictMessages.added, String(v[f])));
  }
  return out;
}
