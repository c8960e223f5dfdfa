import type { Comparison } from '../experiment/compare.js';
import type { Feasibility } from '../experiment/constraint.js';
import type { FigureEstimate } from '../experiment/estimate.js';
import { isEstimate } from '../experiment/estimate.js';
import { figureColumnFormat } from './format.js';
import { isChosen, type OptimizeResult } from './optimize.js';
import type { SweepResult } from '../experiment/sweep.js';
import { xlsxBytes, type CellValue, type SheetColumn, type SheetTable } from './xlsx.js';

/**
 * The spreadsheets planners open: comparison.xlsx, sweep.xlsx and optimize.xlsx, one sheet per
 * table, numbers as numbers (shares formatted as percent, money with separators), every interval
 * in its own `lo` and `hi` columns beside its `mean` (output/xlsx.ts writes them with exceljs).
 * They hold the same numbers as the JSON and CSV files, laid out for a person.
 */

const cells = (e: { mean: number | null; ci95: readonly [number, number] | null } | undefined): CellValue[] => (e && e.mean !== null && e.ci95 !== null ? [e.mean, e.ci95[0], e.ci95[1]] : [null, null, null]);
const columnsOf = (name: string, figure: string): SheetColumn[] => ['mean', 'lo', 'hi'].map((part) => ({ name: `${name} ${part}`, format: figureColumnFormat(figure) }));
/** A value a decision or a varied key takes: numbers and text as they are, anything else as JSON. */
const plain = (v: unknown): CellValue => (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : JSON.stringify(v ?? null));

/** One row per item × requirement, as the requirements CSV. */
function requirementsSheet(items: readonly { name: string; feasibility: Feasibility }[], label: string): SheetTable {
  return {
    name: 'requirements',
    columns: [label, 'requirement', 'channel', 'figure', 'op', 'bound', 'mean', 'lo', 'hi', 'status', `${label} status`],
    rows: items.flatMap((i) => i.feasibility.requirements.map((r) => [i.name, r.requirement, r.channel ?? '', r.figure, r.op, r.bound, ...cells(r), r.status, i.feasibility.status])),
  };
}

/** A wide table of figures: one row per item, `<figure> mean/lo/hi` for every figure of the first. */
function wide(name: string, key: (string | SheetColumn)[], items: readonly { key: CellValue[]; figures: Record<string, FigureEstimate> }[]): SheetTable {
  const figures = Object.keys(items[0]?.figures ?? {});
  return {
    name,
    columns: [...key, ...figures.flatMap((f) => columnsOf(f, f))],
    rows: items.map((i) => [...i.key, ...figures.flatMap((f) => cells(i.figures[f]))]),
  };
}

/** comparison.xlsx: policies (every figure), differences (paired, with the verdict and unpaired intervals), verdicts, requirements. */
export function comparisonXlsx(c: Comparison): Promise<Uint8Array> {
  const figuresOf = (p: Comparison['policies'][number]) => ({
    ...p.kpis,
    ...p.economics,
    ...Object.fromEntries(Object.entries(p.customers ?? {}).filter(([, v]) => isEstimate(v))),
  }) as Record<string, FigureEstimate>;
  const sheets: SheetTable[] = [
    wide('policies', ['policy'], c.policies.map((p) => ({ key: [p.name], figures: figuresOf(p) }))),
    {
      name: 'differences',
      columns: ['policy', 'figure', 'Δ mean', 'Δ lo', 'Δ hi', 'Δ lo (verdict level)', 'Δ hi (verdict level)', 'Δ lo unpaired', 'Δ hi unpaired'],
      rows: c.policies.slice(1).flatMap((p) =>
        Object.entries(p.delta).map(([f, d]) => [p.name, f, d.mean, d.ci95?.[0] ?? null, d.ci95?.[1] ?? null, d.ciVerdict?.[0] ?? null, d.ciVerdict?.[1] ?? null, d.unpairedCi95?.[0] ?? null, d.unpairedCi95?.[1] ?? null]),
      ),
    },
    {
      name: 'verdicts',
      columns: ['policy', 'rank by mean profit', ...Object.keys(c.verdict[0] ?? { profit: '' }).filter((k) => k !== 'policy').map((k) => `by ${k}`)],
      rows: c.verdict.map((v) => [v.policy, c.ranking.indexOf(v.policy) + 1, ...Object.entries(v).filter(([k]) => k !== 'policy').map(([, x]) => x)]),
    },
  ];
  const judged = c.policies.flatMap((p) => (p.feasibility ? [{ name: p.name, feasibility: p.feasibility }] : []));
  if (judged.length > 0) sheets.push(requirementsSheet(judged, 'policy'));
  return xlsxBytes(sheets);
}

/** sweep.xlsx: points (varied keys, status, every figure), best points per level, requirements. */
export function sweepXlsx(s: SweepResult): Promise<Uint8Array> {
  const keys = s.vary.map((a) => a.key);
  const judged = s.require.length > 0;
  const sheets: SheetTable[] = [
    wide(
      'points',
      [{ name: 'point', format: 'integer' }, ...keys, ...(judged ? ['status'] : [])],
      s.results.map((p) => ({ key: [p.index, ...keys.map((k) => plain(p.set[k])), ...(judged ? [p.feasibility?.status ?? null] : [])], figures: { ...p.kpis, ...p.economics } })),
    ),
    {
      name: 'best',
      columns: ['by', ...keys.filter((k) => !s.decisions.includes(k)), { name: 'point', format: 'integer' }, ...s.decisions, 'mean', 'lo', 'hi', 'tied with', 'note'],
      rows: Object.entries(s.best).flatMap(([figure, levels]) =>
        levels.map((b) => [
          figure,
          ...keys.filter((k) => !s.decisions.includes(k)).map((k) => plain(b.level[k])),
          b.index,
          ...s.decisions.map((k) => (b.set ? plain(b.set[k]) : null)),
          ...cells(b),
          b.ties.join(', '),
          b.note ?? '',
        ]),
      ),
    },
  ];
  if (judged) sheets.push(requirementsSheet(s.results.flatMap((p) => (p.feasibility ? [{ name: `point ${p.index}`, feasibility: p.feasibility }] : [])), 'point'));
  return xlsxBytes(sheets);
}

/** optimize.xlsx: the chosen staffing, its figures, its requirements, every candidate evaluated, the search path. */
export function optimizeXlsx(r: OptimizeResult): Promise<Uint8Array> {
  const b = r.best;
  const keys = Object.keys(r.vary);
  const objective = r.objective;
  const sheets: SheetTable[] = [
    { name: 'chosen', columns: ['decision', 'chosen', 'start'], rows: [...Object.entries(b.set).map(([k, v]) => [k, plain(v), plain(r.start.set[k])]), ['agents on the roster', b.totalAgents, null]] },
    {
      name: 'figures',
      columns: ['group', 'figure', 'mean', 'lo', 'hi'],
      rows: (['kpis', 'economics', 'customers'] as const).flatMap((group) => Object.entries(b[group] ?? {}).map(([f, e]) => [group, f, ...cells(e)])),
    },
    {
      name: 'evaluated',
      columns: [...keys, { name: 'agents', format: 'integer' }, ...columnsOf(objective, objective), 'status', 'feasible', { name: 'replications', format: 'integer' }, 'chosen'],
      rows: r.evaluated.map((c) => [...keys.map((k) => plain(c.set[k])), c.totalAgents, ...cells(c.objective), c.status, c.feasible, c.replications, isChosen(r, c.set)]),
    },
    {
      name: 'path',
      columns: [{ name: 'step', format: 'integer' }, 'decision moved', 'from', 'to', 'reason', ...columnsOf(objective, objective), ...columnsOf(`Δ ${objective}`, objective), { name: 'level', format: 'percent' }, 'status'],
      rows: r.path.map((s) => [s.step, s.move?.key ?? '', plain(s.move?.from ?? null), plain(s.move?.to ?? null), s.reason, ...cells(s.objective), s.delta?.mean ?? null, s.delta?.ci[0] ?? null, s.delta?.ci[1] ?? null, s.delta?.level ?? null, s.status]),
    },
  ];
  if (b.requirements.length > 0) sheets.splice(2, 0, requirementsSheet([{ name: 'chosen', feasibility: { status: b.status, requirements: b.requirements } }], 'staffing'));
  return xlsxBytes(sheets);
}
