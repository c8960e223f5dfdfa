/**
 * Policies side by side: one small panel per key figure, each policy's mean with its 95% CI,
 * coloured by policy (the comparison's one colour scale), and the baseline's mean as a dashed
 * reference line. Panels whose figure is the same for every policy (first-contact resolution
 * before the model has resolution) are left out.
 */
import type { Comparison } from '../../experiment/compare.js';
import { policyFigure } from '../../experiment/figures.js';
import { axisFormat, figureTitle } from './figures.js';
import { chart, ci, policyColor, rows, WIDTH, type VlSpec } from './theme.js';

/**
 * The figures shown when the comparison reports them and they differ between policies, most
 * telling first; at most MAX_PANELS (and the `--by` figure always), then in display order.
 */
export const COMPARE_FIGURES = ['serviceLevel', 'asaSec', 'abandonRate', 'csat', 'fcr', 'supportCost', 'revenue', 'profit', 'occupancy', 'ahtSec'];
const MAX_PANELS = 8;

/** A policy's figure, customer counts included (`--by active`). */
const figureOf = policyFigure;

export function compareKpisChart(c: Comparison): VlSpec | null {
  const names = c.policies.map((p) => p.name);
  const differs = (f: string) => {
    const es = c.policies.map((p) => figureOf(p, f));
    if (es.some((e) => e === undefined)) return false;
    const first = es[0]!;
    return !es.every((e) => e!.mean === first.mean && e!.ci95?.[0] === first.ci95?.[0] && e!.ci95?.[1] === first.ci95?.[1]);
  };
  const by = c.by && differs(c.by) ? [c.by] : [];
  const chosen = new Set([...by, ...COMPARE_FIGURES.filter((f) => f !== c.by && differs(f)).slice(0, MAX_PANELS - by.length)]);
  const figures = [...COMPARE_FIGURES, ...by].filter((f, i, all) => chosen.has(f) && all.indexOf(f) === i);
  if (figures.length === 0) return null;
  const data = rows(c.policies.flatMap((p) => figures.map((figure) => ({ policy: p.name, figure, ...ci(figureOf(p, figure), figure) }))));
  const columns = figures.length <= 4 ? figures.length : figures.length <= 6 ? 3 : 4;
  // Each panel's y axis takes about 75 px, and panels are 30 px apart.
  const panelWidth = Math.floor((WIDTH - 24 - 75 * columns - 30 * (columns - 1)) / columns);
  const color = { field: 'policy', type: 'nominal', title: 'Policy', scale: policyColor(names), sort: names, legend: { orient: 'top', direction: 'horizontal', title: null, symbolSize: 160, symbolOpacity: 1 } };
  const x = { field: 'policy', type: 'nominal', sort: names, title: null, axis: null, scale: { paddingOuter: 0.6 } };
  const panel = (figure: string): VlSpec => {
    const base = figureOf(c.policies[0]!, figure)!.mean;
    const shown = data.filter((d) => d.figure === figure);
    // Every layer carries the same title and axis, so the layered axis is not titled "base, lo, mean".
    const y = (field: string): VlSpec => ({
      field,
      type: 'quantitative',
      title: figureTitle(figure),
      scale: { zero: false },
      axis: { format: axisFormat(figure, shown.flatMap((d) => [d.lo, d.hi])), tickCount: 4, titleFontSize: 13 },
    });
    return {
      width: panelWidth,
      height: 150,
      transform: [{ filter: { field: 'figure', equal: figure } }],
      layer: [
        { data: { values: rows([{ base }]) }, mark: { type: 'rule', strokeDash: [5, 4], color: '#888888' }, encoding: { y: y('base') } },
        {
          mark: { type: 'errorbar', ticks: { size: 10 }, thickness: 2.2 },
          encoding: { x, y: y('lo'), y2: { field: 'hi' }, color },
        },
        {
          mark: { type: 'point', filled: true, size: 110, opacity: 1 },
          encoding: { x, y: y('mean'), color },
        },
      ],
    };
  };
  return chart(
    'Policies compared: key figures',
    `Means with 95% CI over ${c.replications} common-random-number replications; dashed line: the baseline's mean.`,
    {
      data: { values: data },
      concat: figures.map(panel),
      columns,
      spacing: 30,
      resolve: { scale: { y: 'independent' } },
    },
  );
}
