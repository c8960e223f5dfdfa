/**
 * A sweep's landscape for one figure (profit, or the `--by` KPI): over two varied keys a heatmap
 * with every cell's mean and 95% half-width written in it and the best point outlined; over one
 * key a line with its 95% CI band and the best point ringed; over three or more, one heatmap of
 * the first two keys per combination of the others. The colour runs the same way for every
 * figure: the "better" end (experiment/verdict.ts) is the bright end of viridis.
 */
import { DIRECTION } from '../../experiment/verdict.js';
import type { SweepResult } from '../../experiment/sweep.js';
import { axisFormat, figureStyle, figureTitle } from './figures.js';
import { SERIES_COLORS, chart, FIT, rows, WIDTH, type VlSpec } from './theme.js';

/** A varied value as a label: numbers and text as they are, a mapping as "key: value, …". */
export function valueLabel(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && !Array.isArray(v)) return Object.entries(v).map(([k, x]) => `${k}: ${valueLabel(x)}`).join(', ');
  return JSON.stringify(v ?? null);
}

/** A varied key as an axis title, with the unit its name implies. */
export function keyTitle(key: string): string {
  const last = key.split('.').pop() ?? key;
  const unit = /Sec$/.test(last) ? 's' : /Min$/.test(last) ? 'min' : /PerHour$/.test(last) ? 'per h' : /Hours$/.test(last) ? 'h' : last === 'agents' ? 'agents' : '';
  return unit ? `${key} (${unit})` : key;
}

export function sweepMapChart(s: SweepResult, figure: string): VlSpec | null {
  const points = s.results.filter((p) => p.kpis[figure] ?? p.economics[figure]);
  if (points.length === 0 || s.vary.length === 0) return null;
  const style = figureStyle(figure);
  const direction = DIRECTION[figure] ?? 'higher';
  const bests = (s.best[figure] ?? []).filter((b) => b.index !== null);
  const bestIndices = new Set(bests.map((b) => b.index));
  const keys = s.vary.map((a) => a.key);
  const means = points.map((p) => (p.kpis[figure] ?? p.economics[figure])!.mean).filter((m): m is number => m !== null);
  const [min, max] = [Math.min(...means), Math.max(...means)];
  const data = rows(
    points.map((p) => {
      const e = (p.kpis[figure] ?? p.economics[figure])!;
      const t = max > min && e.mean !== null ? (e.mean - min) / (max - min) : 0.5;
      const goodness = direction === 'higher' ? t : 1 - t;
      return {
        index: p.index,
        a: valueLabel(p.set[keys[0]!]),
        b: keys.length > 1 ? valueLabel(p.set[keys[1]!]) : '',
        // The facet of a point beyond two keys: its other values, one line each (keys in the title).
        rest: keys.slice(2).map((k) => valueLabel(p.set[k])).join(' | '),
        value: typeof p.set[keys[0]!] === 'number' ? (p.set[keys[0]!] as number) : null,
        mean: e.mean,
        lo: e.ci95?.[0] ?? null,
        hi: e.ci95?.[1] ?? null,
        best: bestIndices.has(p.index),
        // viridis is dark at its low end: white text there
        ink: goodness < 0.6 ? 'white' : 'black',
      };
    }),
  );
  const label = figureStyle(figure).label.toLowerCase();
  const bestText =
    bests.length === 0
      ? 'no best point (no varied key is a decision, or no point is feasible)'
      : bests.length === 1
        ? `the best point by mean ${label}: #${bests[0]!.index}, ${keys.map((k) => `${k} = ${valueLabel(bests[0]!.set![k])}`).join(', ')}`
        : `the best point by mean ${label} at each level of ${Object.keys(bests[0]!.level).join(', ')} (${bests.map((b) => `#${b.index}`).join(', ')})`;
  const title = `Sweep: ${figureStyle(figure).label.toLowerCase()} over ${keys.join(' × ')}`;
  const reps = `Means over ${s.replications} common-random-number replication${s.replications === 1 ? '' : 's'} per point`;
  const fmt = style.format;
  if (keys.length === 1) return sweepLine(s, figure, data, title, `${reps}, band: 95% CI; ringed: ${bestText}.`);
  const aOrder = s.vary[0]!.values.map(valueLabel);
  const bOrder = [...s.vary[1]!.values.map(valueLabel)].reverse();
  const x = { field: 'a', type: 'ordinal', sort: aOrder, title: keyTitle(keys[0]!), axis: { labelAngle: 0 } };
  const y = { field: 'b', type: 'ordinal', sort: bOrder, title: keyTitle(keys[1]!) };
  const layer: VlSpec[] = [
    {
      mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
      encoding: {
        x,
        y,
        color: {
          field: 'mean',
          type: 'quantitative',
          title: figureTitle(figure),
          scale: { scheme: 'viridis', reverse: direction === 'lower' },
          legend: { format: axisFormat(figure, means), orient: 'right', gradientLength: 260, titleLimit: 400 },
        },
      },
    },
    {
      transform: [{ calculate: `datum.hi > datum.lo ? [format(datum.mean, '${fmt}'), '± ' + format((datum.hi - datum.lo) / 2, '${fmt}')] : format(datum.mean, '${fmt}')`, as: 'label' }],
      mark: { type: 'text', fontSize: 13, lineHeight: 16 },
      encoding: { x, y, text: { field: 'label' }, color: { condition: { test: "datum.ink === 'white'", value: 'white' }, value: 'black' } },
    },
    {
      transform: [{ filter: 'datum.best' }],
      mark: { type: 'rect', fill: null, stroke: '#d62728', strokeWidth: 4 },
      encoding: { x, y },
    },
  ];
  const subtitle = `${reps}; cells: mean ± 95% half-width; outlined in red: ${bestText}.`;
  if (keys.length === 2) return chart(title, subtitle, { ...FIT, data: { values: data }, layer });
  const restOrder = [...new Set(data.map((d) => d.rest))];
  const columns = Math.min(3, restOrder.length);
  // The facets, the y axis (~80 px) and the colour legend (~150 px) share the chart's width.
  const width = Math.floor((WIDTH - 230 - 24 * columns) / columns);
  const height = Math.max(100, Math.min(200, 36 * bOrder.length));
  const legend = (layer[0]!.encoding as VlSpec).color as VlSpec;
  legend.legend = { ...(legend.legend as VlSpec), gradientLength: Math.min(260, height) };
  return chart(title, subtitle, {
    data: { values: data },
    facet: {
      field: 'rest',
      type: 'ordinal',
      sort: restOrder,
      title: keys.slice(2).join(' | '),
      header: { labelFontSize: 13, labelLimit: width, labelExpr: "split(datum.value, ' | ')", titleFontSize: 14, titleFontWeight: 'normal' },
    },
    columns,
    spec: { width, height, layer },
  });
}

function sweepLine(s: SweepResult, figure: string, data: ReturnType<typeof rows>, title: string, subtitle: string): VlSpec {
  const key = s.vary[0]!.key;
  const numeric = s.vary[0]!.values.every((v) => typeof v === 'number');
  const x = numeric
    ? { field: 'value', type: 'quantitative', title: keyTitle(key), scale: { zero: false, nice: false, padding: 32 }, axis: { values: s.vary[0]!.values, format: '~g', labelFlush: false } }
    : { field: 'a', type: 'ordinal', sort: s.vary[0]!.values.map(valueLabel), title: keyTitle(key), axis: { labelAngle: 0 } };
  const format = axisFormat(figure, data.flatMap((d) => [d.lo, d.hi] as (number | null)[]));
  const yOf = (field: string): VlSpec => ({ field, type: 'quantitative', title: figureTitle(figure), scale: { zero: false, padding: 24 }, axis: { format } });
  const color = SERIES_COLORS[0]!;
  const layer: VlSpec[] = numeric
    ? [
        { mark: { type: 'area', opacity: 0.22, color }, encoding: { x, y: yOf('lo'), y2: { field: 'hi' } } },
        { mark: { type: 'line', color, strokeWidth: 2.5, point: { filled: true, size: 60, color } }, encoding: { x, y: yOf('mean') } },
      ]
    : [
        { mark: { type: 'errorbar', ticks: { size: 10 }, thickness: 1.8, color }, encoding: { x, y: yOf('lo'), y2: { field: 'hi' } } },
        { mark: { type: 'point', filled: true, size: 90, color, opacity: 1 }, encoding: { x, y: yOf('mean') } },
      ];
  layer.push(
    { transform: [{ filter: 'datum.best' }], mark: { type: 'point', filled: false, size: 420, strokeWidth: 3, color: '#d62728', opacity: 1 }, encoding: { x, y: yOf('mean') } },
    {
      transform: [{ filter: 'datum.best' }],
      mark: { type: 'text', dy: -22, fontSize: 13, fontWeight: 'bold', color: '#d62728' },
      encoding: { x, y: yOf('mean'), text: { value: 'best' } },
    },
  );
  return chart(title, subtitle, { ...FIT, data: { values: data }, layer });
}
