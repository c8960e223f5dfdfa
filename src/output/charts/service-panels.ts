/**
 * Three stacked panels over a shared x — average speed of answer, service level (with its
 * target) and abandonment rate — each a line with its 95% CI band. The intraday and the daily
 * service charts are this with a different x.
 */
import type { SeriesRow } from '../../experiment/series.js';
import { axisFormat } from './figures.js';
import { SERIES_COLORS, ci, rows, WIDTH, type VlSpec } from './theme.js';

interface Options {
  /** The x field's value for a row. */
  x: (row: SeriesRow) => number;
  /** The x encoding (field "x"). */
  axis: VlSpec;
  slThresholdSec: number;
  slTarget: number;
  /** Draw points on the line (few x values). */
  points: boolean;
  /** Lines by group (the kinds of day of the average day), coloured and with a legend when there are several. */
  group?: (row: SeriesRow) => string;
}

const PANELS = ['asaSec', 'serviceLevel', 'abandonRate'] as const;

/** Short panel titles: three stacked panels leave about 125 px for each title. */
const TITLES: Record<(typeof PANELS)[number], (thresholdSec: number) => string> = {
  asaSec: () => 'ASA (s)',
  serviceLevel: (t) => `Within ${t} s (%)`,
  abandonRate: () => 'Abandoned (%)',
};

export function servicePanels(series: readonly SeriesRow[], o: Options): VlSpec {
  const data = rows(series.flatMap((r) => PANELS.map((figure) => ({ x: o.x(r), figure, group: o.group?.(r) ?? '', ...ci(r.kpis[figure], figure) }))));
  const groups = [...new Set(data.map((d) => d.group))];
  const byGroup = groups.length > 1;
  const panel = (figure: (typeof PANELS)[number], i: number): VlSpec => {
    const color = SERIES_COLORS[i]!;
    const colour = byGroup
      ? { color: { field: 'group', type: 'nominal', title: 'Kind of day', sort: groups, scale: { domain: groups, range: SERIES_COLORS.slice(0, groups.length) }, legend: i === 0 ? { orient: 'top', direction: 'horizontal' } : null } }
      : {};
    // Only the bottom panel labels the shared x axis.
    const x = i === PANELS.length - 1 ? o.axis : { ...o.axis, axis: { ...(o.axis.axis as VlSpec), labels: false, title: null, ticks: false } };
    // Every layer carries the same y title and axis, so the layered axis is not titled "mean, lo".
    const y = (field: string): VlSpec => ({
      field,
      type: 'quantitative',
      title: TITLES[figure](o.slThresholdSec),
      axis: { format: axisFormat(figure, figure === 'serviceLevel' ? [0, 1] : data.filter((d) => d.figure === figure).flatMap((d) => [d.lo, d.hi])), tickCount: 4 },
      ...(figure === 'serviceLevel' ? { scale: { domain: [0, 1] } } : {}),
    });
    const layers: VlSpec[] = byGroup
      ? [
          { mark: { type: 'area', opacity: 0.18 }, encoding: { x, y: y('lo'), y2: { field: 'hi' }, ...colour } },
          { mark: { type: 'line', strokeWidth: 2.2, point: o.points ? { filled: true, size: 30 } : false }, encoding: { x, y: y('mean'), ...colour } },
        ]
      : [
          { mark: { type: 'area', opacity: 0.22, color }, encoding: { x, y: y('lo'), y2: { field: 'hi' } } },
          { mark: { type: 'line', color, strokeWidth: 2.2, point: o.points ? { filled: true, size: 30, color } : false }, encoding: { x, y: y('mean') } },
        ];
    if (figure === 'serviceLevel') {
      const target = { data: { values: [{ mean: o.slTarget, label: `target ${Math.round(o.slTarget * 100)}%` }] } };
      layers.push(
        { ...target, mark: { type: 'rule', strokeDash: [6, 4], color: '#c0392b', strokeWidth: 1.5 }, encoding: { y: y('mean') } },
        { ...target, mark: { type: 'text', align: 'left', baseline: 'bottom', dy: -3, dx: 4, x: 0, color: '#c0392b', fontSize: 12 }, encoding: { y: y('mean'), text: { field: 'label' } } },
      );
    }
    return { width: WIDTH - 110, height: 125, transform: [{ filter: { field: 'figure', equal: figure } }], layer: layers };
  };
  return { data: { values: data }, vconcat: PANELS.map(panel), spacing: 16 };
}
