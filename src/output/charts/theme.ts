/**
 * What every chart shares: the Vega-Lite config (fonts and sizes readable on a slide), the one
 * colour scale keyed by policy name, and small builders for the layers that recur (a mean with
 * its 95% confidence interval as a band or as error bars).
 *
 * Specs are plain JSON objects typed loosely (`VlSpec`): Vega-Lite's own types are a deep union
 * that literal objects built in pieces rarely satisfy, and the real check is stronger anyway —
 * every spec is validated against vega-lite-schema.json and compiled in the tests.
 */
import type { FigureEstimate } from '../../experiment/estimate.js';
import { figureRange } from './figures.js';
import { textWidth } from './text-width.js';

/** A Vega-Lite (v6) spec or a piece of one, as JSON. */
export type VlSpec = { [key: string]: unknown };

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * DejaVu Sans is the font the PNG renderer is given (shipped by the dejavu-fonts-ttf package,
 * no system fonts); a browser without it falls back along the list.
 */
export const FONT = 'DejaVu Sans, Verdana, Helvetica, Arial, sans-serif';

/** The size of a single-view chart (CSS pixels); PNGs are rendered at 2×, 1600 × 900. */
export const WIDTH = 800;
export const HEIGHT = 450;

const TITLE_SIZE = 20;
const SUBTITLE_SIZE = 14;

const CONFIG: VlSpec = {
  font: FONT,
  background: 'white',
  padding: 12,
  title: { fontSize: TITLE_SIZE, subtitleFontSize: SUBTITLE_SIZE, subtitleColor: '#555555', anchor: 'start', offset: 14, subtitlePadding: 6 },
  axis: { labelFontSize: 13, titleFontSize: 14, titleFontWeight: 'normal', titleColor: '#333333', labelColor: '#333333', gridColor: '#e8e8e8', tickColor: '#999999', domainColor: '#999999' },
  legend: { labelFontSize: 13, titleFontSize: 14, titleFontWeight: 'normal', symbolSize: 140, labelLimit: 320 },
  header: { labelFontSize: 14, titleFontSize: 14 },
  view: { stroke: null },
  concat: { spacing: 28 },
  text: { fontSize: 12 },
};

/**
 * Lines of at most `width` pixels, broken at spaces. Vega does not wrap titles, and a title wider
 * than the chart widens it (or, with autosize "fit", shrinks the plot to make room).
 */
export function wrap(text: string, width: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A top-level chart: the schema, the shared config, a title and subtitle wrapped to the chart's
 * width, and the body.
 */
export function chart(title: string, subtitle: string | readonly string[] | undefined, body: VlSpec, width = WIDTH - 24): VlSpec {
  const text = wrap(title, width, TITLE_SIZE, true);
  const sub = subtitle === undefined ? [] : (typeof subtitle === 'string' ? [subtitle] : subtitle).flatMap((s) => wrap(s, width, SUBTITLE_SIZE));
  return {
    $schema: SCHEMA,
    title: { text: text.length === 1 ? text[0] : text, ...(sub.length > 0 ? { subtitle: sub.length === 1 ? sub[0] : sub } : {}) },
    config: CONFIG,
    ...body,
  };
}

/** A single or layered view sized to exactly WIDTH × HEIGHT, legend and axes included. */
export const FIT: VlSpec = { width: WIDTH, height: HEIGHT, autosize: { type: 'fit', contains: 'padding' } };

/**
 * Policy colours: the baseline a neutral dark grey (the reference), then the Tableau 10 hues in
 * the order the policies are listed. Every chart that colours by policy uses this scale with the
 * full list of policies, so a policy has the same colour in every chart of a comparison.
 */
const BASELINE_COLOR = '#4d4d4d';
const POLICY_COLORS = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2', '#eeca3b', '#9d755d', '#ff9da6', '#79706e'];

export function policyColor(policies: readonly string[]): { domain: string[]; range: string[] } {
  return {
    domain: [...policies],
    range: policies.map((_, i) => (i === 0 ? BASELINE_COLOR : POLICY_COLORS[(i - 1) % POLICY_COLORS.length]!)),
  };
}

/** Fixed colours for series that are not policies (staffed vs required agents, components…). */
export const SERIES_COLORS = POLICY_COLORS;

/**
 * An estimate as flat fields for a data row: mean, lo, hi. Given the figure, the interval is
 * clipped to the figure's possible range (figures.ts): the Student-t interval is symmetric and,
 * with few replications, can reach below 0 s or above 100%, which only stretches the axis.
 */
export function ci(e: FigureEstimate | undefined, figure?: string): { mean: number; lo: number; hi: number } {
  if (!e || e.mean === null) return { mean: NaN, lo: NaN, hi: NaN };
  const [min, max] = figure === undefined ? [-Infinity, Infinity] : figureRange(figure);
  return { mean: e.mean, lo: Math.max(min, e.ci95[0]), hi: Math.min(max, e.ci95[1]) };
}

/** Scales a { mean, lo, hi } triple (a total over days → a per-day figure). */
export function scaled(v: { mean: number; lo: number; hi: number }, by: number): { mean: number; lo: number; hi: number } {
  return { mean: v.mean * by, lo: v.lo * by, hi: v.hi * by };
}

/** JSON numbers only: NaN and ±∞ (an empty ratio) become null, which Vega-Lite skips; −0 is 0. */
export function finite(x: number): number | null {
  return Number.isFinite(x) ? x + 0 : null; // + 0 turns −0 into 0, as JSON does
}

/** Rows with every number made JSON-safe (see finite). */
export function rows<T extends Record<string, unknown>>(data: readonly T[]): T[] {
  return data.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? finite(v) : v])) as T);
}

/**
 * How a run's chart states its intervals: "<what> 95% CI over n replications", or — with one
 * replication, which has no interval — that there is none and how to get one.
 */
export function ciNote(replications: number, what: string): string {
  return replications > 1 ? `${what} 95% CI over ${replications} replications` : 'one replication: no confidence interval (--reps N for one)';
}
