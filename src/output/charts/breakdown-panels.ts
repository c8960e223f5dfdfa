/**
 * Side-by-side panels, one per figure, of a breakdown (channels, reasons): a horizontal bar per
 * category with its 95% CI as an error bar, and the value written in a column at the panel's
 * right, so that a short bar next to a long one (chat's wait next to email's) is still read
 * exactly and category names of any length fit. The categories label the first panel only.
 */
import { isEstimate, type Estimate } from '../../experiment/estimate.js';
import { axisFormat, figureStyle, figureTitle, isShare } from './figures.js';
import { SERIES_COLORS, ci, rows, WIDTH, type VlSpec } from './theme.js';

export interface Category {
  name: string;
  figures: Readonly<Record<string, Estimate | unknown>>;
}

/**
 * Round tick values for data up to `max` on an axis that runs to `end`: steps of 1, 2, 2.5 or
 * 5 × 10^k, about three over the data, none past the axis (nor past 100% for a share).
 */
export function niceTicks(max: number, end: number, share: boolean): number[] {
  if (!(max > 0)) return [0];
  const raw = max / 3;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let t = 0; t <= end * 1.0001 && (!share || t <= 1 + 1e-9); t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** The panels for the figures every category reports; null when fewer than two categories. */
export function breakdownPanels(categories: readonly Category[], figures: readonly string[], axisTitle: string, titles: Readonly<Record<string, string>> = {}): VlSpec | null {
  if (categories.length < 2) return null;
  const shown = figures.filter((f) => categories.every((c) => isEstimate(c.figures[f])));
  if (shown.length === 0) return null;
  const data = rows(categories.flatMap((c) => shown.map((figure) => ({ category: c.name, figure, ...ci(c.figures[figure] as Estimate, figure) }))));
  const order = categories.map((c) => c.name);
  // The first panel carries the category labels (~110 px); panels are 24 px apart.
  const panelWidth = Math.floor((WIDTH - 24 - 110 - 24 * (shown.length - 1)) / shown.length);
  const height = Math.max(130, 46 * categories.length);
  const panel = (figure: string, i: number): VlSpec => {
    const style = figureStyle(figure);
    const highest = Math.max(...data.filter((d) => d.figure === figure).map((d) => Math.max(d.hi ?? 0, d.mean ?? 0)));
    // Bars take up to 72% of the width; the value column is written in the rest.
    const domainMax = highest > 0 ? highest / 0.72 : 1;
    const y: VlSpec = {
      field: 'category',
      type: 'nominal',
      sort: order,
      title: i === 0 ? axisTitle : null,
      axis: i === 0 ? { labelFontSize: 14, labelLimit: 120 } : { labels: false, ticks: false, domain: false },
    };
    // Every layer carries the same x title and axis, so the layered axis is not titled "mean, lo".
    const x = (field: string): VlSpec => ({
      field,
      type: 'quantitative',
      title: titles[figure] ?? figureTitle(figure),
      scale: { domain: [0, domainMax], nice: false },
      axis: { format: axisFormat(figure, [0, highest]), values: niceTicks(highest, domainMax, isShare(figure)), titleFontSize: 13, labelFlush: true },
    });
    return {
      width: panelWidth,
      height,
      transform: [{ filter: { field: 'figure', equal: figure } }],
      layer: [
        { mark: { type: 'bar', color: SERIES_COLORS[i % SERIES_COLORS.length], height: { band: 0.6 } }, encoding: { y, x: x('mean') } },
        { mark: { type: 'errorbar', ticks: { size: 8 }, thickness: 1.6, color: '#222222' }, encoding: { y, x: x('lo'), x2: { field: 'hi' } } },
        {
          mark: { type: 'text', align: 'right', x: 'width', dx: -2, fontSize: 13, color: '#222222' },
          encoding: { y, text: { field: 'mean', type: 'quantitative', format: style.format } },
        },
      ],
    };
  };
  return { data: { values: data }, hconcat: shown.map(panel), spacing: 24 };
}
