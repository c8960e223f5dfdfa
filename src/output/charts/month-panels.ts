/**
 * Stacked panels over the months of the run, each a line per policy (or one line, for a run)
 * with its 95% CI as a band: the customer lifecycle's charts (customers-monthly,
 * profit-cumulative) are this with different panels. Policies wear the comparison's one colour
 * scale; a run's single line takes a series colour per panel, as the service panels do.
 */
import type { Estimate } from '../../experiment/estimate.js';
import { axisFormat } from './figures.js';
import { monthAxis } from './time-axes.js';
import { SERIES_COLORS, ci, policyColor, rows, WIDTH, type VlSpec } from './theme.js';

/** One point of a panel: a policy's (or the run's) estimate for a month. */
export interface MonthPoint {
  /** Month of the run, 1 = the first 30 days. */
  month: number;
  policy: string;
  estimate: Estimate;
}

export interface MonthPanel {
  /** The y axis title, unit in parentheses (two lines, the unit on the second, for a short panel). */
  title: string | readonly [string, string];
  /** The figure whose range clips the interval and whose kind picks the axis format (figures.ts). */
  figure: string;
  points: readonly MonthPoint[];
  /** Draw the zero line (a panel of differences). */
  zero?: boolean;
  height: number;
}

/**
 * The panels as one vconcat body. `policies`: the comparison's policy names, baseline first
 * (colours and legend), or null for a run's single series (no legend).
 */
export function monthPanels(panels: readonly MonthPanel[], policies: readonly string[] | null): VlSpec {
  const months = new Set(panels.flatMap((p) => p.points.map((q) => q.month)));
  const points = months.size <= 24;
  const panel = (p: MonthPanel, i: number): VlSpec => {
    const data = rows(p.points.map((q) => ({ month: q.month, policy: q.policy, ...ci(q.estimate, p.figure) })));
    const axis = monthAxis('month');
    // Only the bottom panel labels the shared x axis.
    const x = i === panels.length - 1 ? axis : { ...axis, axis: { ...(axis.axis as VlSpec), labels: false, title: null } };
    const y = (field: string): VlSpec => ({
      field,
      type: 'quantitative',
      title: p.title,
      scale: { zero: !!p.zero },
      axis: { format: axisFormat(p.figure, data.flatMap((d) => [d.lo, d.hi])), tickCount: 4 },
    });
    const single = SERIES_COLORS[i % SERIES_COLORS.length]!;
    const color: VlSpec = policies
      ? {
          color: {
            field: 'policy',
            type: 'nominal',
            title: null,
            scale: policyColor(policies),
            sort: [...policies],
            legend: { orient: 'top', direction: 'horizontal', symbolType: 'stroke', symbolStrokeWidth: 3, symbolSize: 300, symbolOpacity: 1 },
          },
        }
      : {};
    const fixed = policies ? {} : { color: single };
    const layers: VlSpec[] = [
      { mark: { type: 'area', opacity: 0.2, ...fixed }, encoding: { x, y: y('lo'), y2: { field: 'hi' }, ...color } },
      {
        mark: { type: 'line', strokeWidth: 2.4, ...fixed, point: points ? { filled: true, size: 36 } : false },
        encoding: { x, y: y('mean'), ...color },
      },
    ];
    if (p.zero) layers.unshift({ data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#333333', strokeWidth: 1 }, encoding: { y: y('zero') } });
    return { width: WIDTH - 110, height: p.height, data: { values: data }, layer: layers };
  };
  return { vconcat: panels.map(panel), spacing: 14, ...(policies ? { resolve: { scale: { color: 'shared' } } } : {}) };
}
