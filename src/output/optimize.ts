import type { OptimizeOutcome, Objective } from '../experiment/optimize.js';
import type { StartPlan } from '../experiment/optimize-start.js';
import { NON_WAGE_COSTS } from '../model/ledger.js';
import { csvRow } from './csv.js';
import { EMPTY_TEXT, formatInterval, formatValue } from './format.js';
import { requirementLines } from './requirements.js';

/**
 * `ccsim optimize` outputs: optimize.json (the CONTRACT's `{ objective, best, evaluated }` first,
 * then how the search went), optimize-evaluated.csv (every candidate evaluated) and the terminal
 * table.
 */

/** optimize.json, as written and as printed by `--json`. */
export interface OptimizeResult extends Omit<OptimizeOutcome, 'best' | 'evaluated'> {
  objective: Objective;
  best: OptimizeOutcome['best'];
  evaluated: OptimizeOutcome['evaluated'];
  scenario: string;
  seed: number;
  /** Replications of each candidate's first batch. */
  replications: number;
  budget: number;
  maxReplications: number;
  require: string[];
  /** The decision variables, as in the scenario: key → { min, max, step } or the list of values. */
  vary: Record<string, unknown>;
  start: { method: 'analytic' | 'scenario'; set: Record<string, unknown>; notes: string[]; requirement: StartPlan['requirement'] | null };
  fingerprint: string;
}

/** Whether an evaluated candidate is the chosen one (same overrides; sets are built in one key order). */
export function isChosen(r: Pick<OptimizeResult, 'best'>, set: Readonly<Record<string, unknown>>): boolean {
  return JSON.stringify(set) === JSON.stringify(r.best.set);
}

export function optimizeJson(r: OptimizeResult): string {
  const { objective, best, evaluated, ...rest } = r;
  return `${JSON.stringify({ objective, best, evaluated, ...rest }, null, 2)}\n`;
}

/** optimize-evaluated.csv: one row per candidate, the decisions, total agents, the objective with its CI, status, replications. */
export function optimizeCsv(r: OptimizeResult): string {
  const keys = Object.keys(r.vary);
  const rows = [csvRow([...keys, 'totalAgents', `${r.objective}.mean`, `${r.objective}.lo`, `${r.objective}.hi`, 'status', 'feasible', 'replications', 'chosen'])];
  for (const c of r.evaluated) {
    rows.push(csvRow([...keys.map((k) => c.set[k]), c.totalAgents, c.objective.mean, c.objective.ci95[0], c.objective.ci95[1], c.status, c.feasible, c.replications, isChosen(r, c.set)]));
  }
  return `${rows.join('\n')}\n`;
}

const value = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v ?? null));

/** The terminal table: the chosen staffing, its figures, the requirements, the path and what it took. */
export function optimizeTable(r: OptimizeResult): string {
  const b = r.best;
  const f = r.objective;
  const w = Math.max(12, ...Object.keys(r.vary).map((k) => k.length));
  const est = (figure: string, e: { mean: number | null; ci95: readonly [number, number] | null } | undefined) =>
    e && e.mean !== null ? `${formatValue(figure, e.mean)} ${formatInterval(figure, e.ci95)}` : EMPTY_TEXT;
  const lines = [
    `${r.scenario}: ${r.objective === 'cost' ? 'minimising' : 'maximising'} ${f}${r.require.length > 0 ? ` subject to ${r.require.join('; ')}` : ''}; seed ${r.seed}, common random numbers`,
    '',
    `chosen (${b.status}; ${b.replications} replications; mean [95% CI]):`,
    ...Object.entries(b.set).map(([k, v]) => `  ${k.padEnd(w)}  ${value(v)}`),
    `  ${'total agents'.padEnd(w)}  ${b.totalAgents}`,
    '',
    ...['serviceLevel', 'abandonRate', 'asaSec', 'occupancy', 'csat'].filter((k) => b.kpis[k]).map((k) => `  ${k.padEnd(w)}  ${est(k, b.kpis[k])}`),
    ...['supportCost', 'waitingCost', 'abandonCost', 'serviceLevelPenalty', 'cost', 'revenue', 'profit', 'longTermValue']
      .filter((k) => b.economics[k] && !(NON_WAGE_COSTS.includes(k) && b.economics[k].mean === 0))
      .map((k) => `  ${k.padEnd(w)}  ${est(k, b.economics[k])}`),
  ];
  if (b.requirements.length > 0) lines.push('', ...requirementLines([{ name: 'chosen', feasibility: { status: b.status, requirements: b.requirements } }]));
  lines.push('', `search path (a move is taken only when the paired interval of Δ${f} says it is better):`);
  for (const s of r.path) {
    const move = s.move ? `${s.move.key}: ${value(s.move.from)} → ${value(s.move.to)}` : `start (${r.start.method})`;
    const delta = s.delta ? `  Δ ${formatValue(f, s.delta.mean, true)} ${formatInterval(f, s.delta.ci, true)} at ${(s.delta.level * 100).toFixed(1)}%` : '';
    lines.push(`  ${String(s.step).padStart(3)}  ${move}${s.reason === 'feasibility' ? ' (toward the requirements)' : ''}; ${f} ${est(f, s.objective)}, ${s.status}${delta}`);
  }
  if (r.selection) {
    const sel = r.selection;
    lines.push(
      '',
      `selection among ${sel.finalists.length} finalist(s): ${sel.method}, indifference zone ${formatValue(f, sel.indifference)}, P(correct selection) ≥ ${1 - sel.alpha}${sel.capped ? ' (stopped at the replication cap)' : ''}`,
    );
  }
  lines.push('', `${r.evaluations} candidates evaluated, ${r.replicationsUsed} replications in all; the search ended at a ${r.stopped}`);
  for (const n of [...r.start.notes, ...r.notes]) lines.push(`note: ${n}`);
  return `${lines.join('\n')}\n`;
}
