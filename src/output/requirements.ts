import type { Feasibility } from '../experiment/constraint.js';
import { csvRow } from './csv.js';
import { formatInterval, formatValue } from './format.js';

/**
 * Requirements judged on policies, sweep points or optimiser candidates, as text and CSV — one
 * layout for `compare`, `sweep` and `optimize` (experiment/constraint.ts judges them).
 */

/** What each status means, said once under every table that shows one. */
export const REQUIREMENT_RULE = 'feasible: the whole 95% CI of the figure meets the requirement; infeasible: the whole CI misses it; undetermined: the CI straddles the bound (more replications would tell)';

/** A requirement's estimate and status, e.g. "0.8512 [0.8401, 0.8623] feasible". */
export function judgedText(r: Feasibility['requirements'][number]): string {
  const interval = r.ci95 === null ? '' : ` ${formatInterval(r.figure, r.ci95)}`;
  return `${formatValue(r.figure, r.mean)}${interval} ${r.status}`;
}

/** Lines for the terminal: per named item its overall status, then each requirement. */
export function requirementLines(items: readonly { name: string; feasibility: Feasibility }[]): string[] {
  if (items.length === 0 || items[0]!.feasibility.requirements.length === 0) return [];
  const w = Math.max(8, ...items.map((i) => i.name.length));
  const texts = items[0]!.feasibility.requirements.map((r) => r.requirement);
  return [
    `requirements: ${texts.join('; ')}`,
    `  (${REQUIREMENT_RULE})`,
    ...items.map((i) => `  ${i.name.padEnd(w)}  ${i.feasibility.status.padEnd(12)}  ${i.feasibility.requirements.map(judgedText).join('  |  ')}`),
  ];
}

export const REQUIREMENTS_CSV_HEADER = ['name', 'requirement', 'channel', 'figure', 'op', 'bound', 'mean', 'lo', 'hi', 'status', 'overall'] as const;

/** One row per item × requirement: the estimate, its status and the item's overall status. */
export function requirementsCsv(items: readonly { name: string; feasibility: Feasibility }[]): string {
  const rows = [csvRow(REQUIREMENTS_CSV_HEADER)];
  for (const i of items) {
    for (const r of i.feasibility.requirements) {
      rows.push(csvRow([i.name, r.requirement, r.channel ?? '', r.figure, r.op, r.bound, r.mean ?? '', r.ci95?.[0] ?? '', r.ci95?.[1] ?? '', r.status, i.feasibility.status]));
    }
  }
  return `${rows.join('\n')}\n`;
}
