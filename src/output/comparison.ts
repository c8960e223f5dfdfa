import { BENEFIT_COST_DEFINITION, benefitCostReading } from '../experiment/benefit-cost.js';
import type { Comparison, PolicyComparison } from '../experiment/compare.js';
import { NON_WAGE_COSTS } from '../model/ledger.js';
import { policyFigure } from '../experiment/figures.js';
import { isEstimate, type FigureEstimate } from '../experiment/estimate.js';
import { LEVEL_NAMES } from '../model/satisfaction.js';
import { csvRow, estimateCells } from './csv.js';
import { digitsOf, formatInterval, formatValue } from './format.js';
import { requirementLines, requirementsCsv } from './requirements.js';

/**
 * `ccsim compare` outputs: comparison.json (the CONTRACT's Comparison JSON plus the run's
 * settings and the interval levels), comparison.csv (one row per policy × figure) and the
 * terminal table.
 */

/** comparison.json, as written and as printed by `--json`: stable key order, 2-space indent. */
export function comparisonJson(c: Comparison): string {
  return `${JSON.stringify(c, null, 2)}\n`;
}

export const COMPARISON_CSV_HEADER = ['policy', 'group', 'figure', 'mean', 'lo', 'hi', 'deltaMean', 'deltaLo', 'deltaHi'] as const;


/**
 * comparison.csv: one row per policy and figure, the figure's mean and 95% CI, then the paired
 * difference from the baseline and its 95% CI (0 for the baseline itself): every `kpis`,
 * `economics` and `customers` figure, then (with the lifecycle) the share of contacts at each
 * satisfaction level (group `satisfactionShare`), then the policy's benefit–cost ratio where
 * it is defined (group and figure `benefitCost`, the ratio in the delta columns: it is itself a
 * comparison with the baseline). Numbers are written in full (JavaScript's shortest round-trip
 * form).
 */
export function comparisonCsv(c: Comparison): string {
  const rows: string[] = [csvRow(COMPARISON_CSV_HEADER)];
  const row = (p: PolicyComparison, group: string, figure: string, e: FigureEstimate, d: { mean: number | null; ci95: [number, number] | null }) =>
    rows.push(csvRow([p.name, group, figure, ...estimateCells(e), ...estimateCells(d)]));
  for (const p of c.policies) {
    for (const group of ['kpis', 'economics', 'customers'] as const) {
      for (const [figure, e] of Object.entries(p[group] ?? {})) if (isEstimate(e)) row(p, group, figure, e, p.delta[figure]!);
    }
    const customers = p.customers;
    if (customers) for (const level of LEVEL_NAMES) row(p, 'satisfactionShare', level, customers.satisfactionShare[level], customers.satisfactionShareDelta[level]);
    if (p.benefitCost) rows.push(csvRow([p.name, 'benefitCost', 'benefitCost', '', '', '', p.benefitCost.mean, ...p.benefitCost.ci95]));
  }
  return `${rows.join('\n')}\n`;
}

/**
 * comparison-requirements.csv (with `--require`): one row per policy × requirement — the figure's
 * mean and 95% CI, the requirement's status and the policy's; null without requirements.
 */
export function comparisonRequirementsCsv(c: Comparison): string | null {
  const judged = c.policies.flatMap((p) => (p.feasibility ? [{ name: p.name, feasibility: p.feasibility }] : []));
  return judged.length > 0 ? requirementsCsv(judged) : null;
}

/** The rows of the terminal table, those the scenario reports; the full set is in the files. */
const TABLE_ROWS = ['offered', 'serviceLevel', 'abandonRate', 'pWait', 'asaSec', 'waitSec', 'occupancy', 'ahtSec', 'fcr', 'csat', 'active', 'churned', 'returned', 'supportCost', 'waitingCost', 'abandonCost', 'serviceLevelPenalty', 'revenue', 'profit', 'npv'];
/** Rows left out when every policy has 0 there: the costs a scenario that does not price them has none of. */
const ZERO_HIDDEN = NON_WAGE_COSTS;

const figureOf = policyFigure;

function pct(level: number): string {
  return `${(level * 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** The terminal table: a block per policy against the baseline, then verdicts, ranking and the CRN gain. */
export function comparisonTable(c: Comparison): string {
  const base = c.policies[0]!;
  const rows = [...TABLE_ROWS, ...(c.by && !TABLE_ROWS.includes(c.by) ? [c.by] : [])].filter(
    (f) => figureOf(base, f) && !(ZERO_HIDDEN.includes(f) && f !== c.by && c.policies.every((p) => figureOf(p, f)?.mean === 0)),
  );
  const out: string[] = [
    `${c.scenario}: ${c.policies.length} policies × ${c.replications} replications, seed ${c.seed}, common random numbers`,
    `Δ = policy − baseline, paired by replication; CI = 95% confidence interval of Δ`,
  ];
  const w = Math.max(12, ...rows.map((r) => r.length));
  for (const p of c.policies.slice(1)) {
    const col = Math.max(12, p.name.length, base.name.length);
    out.push('', `${'figure'.padEnd(w)}  ${base.name.padStart(col)}  ${p.name.padStart(col)}  ${'Δ'.padStart(12)}  CI of Δ`);
    for (const f of rows) {
      const b = figureOf(base, f)!;
      const v = figureOf(p, f)!;
      const d = p.delta[f]!;
      out.push(`${f.padEnd(w)}  ${formatValue(f, b.mean).padStart(col)}  ${formatValue(f, v.mean).padStart(col)}  ${formatValue(f, d.mean, true).padStart(12)}  ${formatInterval(f, d.ci95, true)}`);
    }
  }
  const figures = ['profit', ...(c.by && c.by !== 'profit' ? [c.by] : [])];
  const pw = Math.max(8, ...c.verdict.map((v) => v.policy.length));
  const judged = c.policies.flatMap((p) => (p.feasibility ? [{ name: p.name, feasibility: p.feasibility }] : []));
  if (judged.length > 0) out.push('', ...requirementLines(judged));
  out.push(
    '',
    `verdicts: a Δ interval at ${pct(c.verdictLevel)} per policy (Bonferroni over ${c.comparisons} comparison${c.comparisons === 1 ? '' : 's'}, family-wise ${pct(c.familyLevel)}) that excludes 0`,
    `  ${'policy'.padEnd(pw)}  ${figures.map((f) => `by ${f}`.padEnd(19)).join('  ')}`.trimEnd(),
    ...c.verdict.map((v) => `  ${v.policy.padEnd(pw)}  ${figures.map((f) => String(v[f]).padEnd(19)).join('  ')}`.trimEnd()),
    '',
    `ranking by mean profit: ${c.ranking.join(', ')}`,
  );
  const ratios = c.policies.filter((p) => p.benefitCost);
  if (ratios.length > 0) {
    out.push(`${BENEFIT_COST_DEFINITION}:`);
    for (const p of ratios) {
      const r = p.benefitCost!;
      out.push(`  ${p.name.padEnd(pw)}  ${r.mean.toFixed(2)} [${r.ci95[0].toFixed(2)}, ${r.ci95[1].toFixed(2)}]  ${benefitCostReading(r.mean, p.delta.supportCost!.mean!)}`);
    }
  }
  if (c.varianceReduction.length > 0) {
    const f = c.varianceReduction[0]!.figure;
    const k = digitsOf(f, figureOf(base, f)!.mean ?? 0);
    const num = (x: number) => x.toFixed(k);
    out.push(`common random numbers, 95% half-width of Δ ${f}, paired vs unpaired:`);
    for (const v of c.varianceReduction) {
      // A paired interval can come out wider than the unpaired one when few replications
      // happen to spread their differences more: say so rather than "0.7× narrower".
      const gain = v.ratio === null ? 'exact: every replication gave the same Δ' : v.ratio >= 1 ? `${v.ratio.toFixed(1)}× narrower` : `${(1 / v.ratio).toFixed(1)}× wider`;
      out.push(`  ${v.policy.padEnd(pw)}  ±${num(v.pairedHalfWidth)} vs ±${num(v.unpairedHalfWidth)}  (${gain})`);
    }
  }
  return `${out.join('\n')}\n`;
}

