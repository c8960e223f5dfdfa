import type { Comparison } from '../experiment/compare.js';
import { VERDICT_FIGURES, type Verdict } from '../experiment/verdict.js';

/**
 * The verdict file of `compare --write-baseline` / `--baseline`: what a CI pipeline guards.
 * It stores the verdicts only (not the numbers), so numbers moving inside their intervals pass
 * and a verdict flipping fails. The run settings are stored too, and a `--baseline` run uses
 * them unless told otherwise, so the check re-runs the same experiment.
 *
 *   { "format": "ccsim-verdicts", "version": 1, "scenario": "…", "seed": 7, "replications": 10,
 *     "by": "asaSec" | null, "verdicts": { "<policy>": { "profit": "better", "asaSec": "worse" } } }
 */
export interface StoredVerdicts {
  scenario: string;
  seed: number;
  replications: number;
  by: string | null;
  verdicts: Record<string, Record<string, Verdict>>;
}

const FORMAT = 'ccsim-verdicts';
const VERDICTS: readonly string[] = ['better', 'worse', 'indistinguishable'];

/** A verdict file that cannot be used; the CLI reports it as bad input (exit 2). */
export class VerdictFileError extends Error {}

export const verdictMessages = {
  notJson: (file: string, reason: string) => `${file}: not a verdict file (not JSON: ${reason})`,
  badShape: (file: string, what: string) => `${file}: not a verdict file written by --write-baseline: ${what}`,
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

/** Reads a verdict file's text, checking every field; throws VerdictFileError naming the problem. */
export function parseVerdicts(text: string, file: string): StoredVerdicts {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new VerdictFileError(verdictMessages.notJson(file, (e as Error).message));
  }
  const bad = (what: string) => new VerdictFileError(verdictMessages.badShape(file, what));
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw bad('expected a JSON object');
  const d = data as Record<string, unknown>;
  if (d.format !== FORMAT || d.version !== 1) throw bad(`"format" must be "${FORMAT}" and "version" 1`);
  if (typeof d.scenario !== 'string') throw bad('"scenario" must be text');
  if (!Number.isInteger(d.seed) || (d.seed as number) < 0) throw bad('"seed" must be a whole number ≥ 0');
  if (!Number.isInteger(d.replications) || (d.replications as number) < 2) throw bad('"replications" must be a whole number ≥ 2');
  if (d.by !== null && !(typeof d.by === 'string' && VERDICT_FIGURES.includes(d.by))) throw bad(`"by" must be null or one of ${VERDICT_FIGURES.join(', ')}`);
  if (typeof d.verdicts !== 'object' || d.verdicts === null || Array.isArray(d.verdicts)) throw bad('"verdicts" must map policy names to verdicts');
  const figures = ['profit', ...(d.by && d.by !== 'profit' ? [d.by as string] : [])];
  for (const [policy, v] of Object.entries(d.verdicts as Record<string, unknown>)) {
    if (typeof v !== 'object' || v === null) throw bad(`the verdicts of policy "${policy}" must be a mapping`);
    for (const f of figures) {
      if (!VERDICTS.includes((v as Record<string, unknown>)[f] as string)) throw bad(`policy "${policy}": "${f}" must be one of ${VERDICTS.join(', ')}`);
    }
  }
  return d as unknown as StoredVerdicts;
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
