import { figureDef, type Unit } from '../../model/catalogue.js';

/**
 * How a figure is named, measured and formatted on a chart: read from the catalogue of figures
 * (model/catalogue.ts), so that an axis, a panel, a heatmap cell and a table of the same figure
 * say the same thing. A figure nobody describes is shown under its key with no unit, never dropped.
 */
export interface FigureStyle {
  /** Words for an axis or panel title, without the unit. */
  label: string;
  /** The unit as it goes in parentheses after the label. */
  unit: string;
  /** d3-format pattern for a value written out (labels); axes use axisFormat. */
  format: string;
}

/** Currency as the model has it: units of the scenario's money, named by no currency. */
export const CURRENCY = 'currency units';

/** The catalogue's unit as it is written after a label. */
const UNIT_TEXT: Record<Unit, string> = { '%': '%', s: 's', contacts: 'contacts', issues: 'issues', customers: 'customers', agents: 'agents', currency: CURRENCY, '1–5': '1–5', ratio: '' };

/** Figures that exist only on charts and tables (shares and differences built from catalogue figures). */
const EXTRA: Readonly<Record<string, FigureStyle>> = {
  satisfactionShare: { label: 'Share of contacts', unit: '%', format: '.1%' },
  cumulativeProfit: { label: 'Cumulative profit', unit: CURRENCY, format: ',.0f' },
  deltaCumulativeProfit: { label: 'Δ cumulative profit', unit: CURRENCY, format: ',.0f' },
  withinTarget: { label: 'Within response target', unit: '%', format: '.1%' },
  outreach: { label: 'Proactive outreach contacts', unit: 'contacts', format: ',.0f' },
  outreachResolved: { label: 'Outreach contacts that fixed the issue', unit: 'contacts', format: ',.0f' },
  offers: { label: 'End-of-call offers made', unit: 'contacts', format: ',.0f' },
  offersAccepted: { label: 'End-of-call offers accepted', unit: 'contacts', format: ',.0f' },
};

/** A figure's label, unit and format: the catalogue's (model/catalogue.ts), or the chart-only extras. */
export function figureStyle(figure: string): FigureStyle {
  const def = figureDef(figure);
  if (def) return { label: def.label, unit: UNIT_TEXT[def.unit], format: def.format };
  return EXTRA[figure] ?? { label: figure, unit: '', format: ',.4~g' };
}

/** "Average speed of answer (s)": the label with its unit. */
export function figureTitle(figure: string): string {
  const { label, unit } = figureStyle(figure);
  return unit ? `${label} (${unit})` : label;
}

/**
 * The d3 format of an axis over `values` (what the axis shows): percentages for shares, with
 * decimals when the values are close together (84.1%, 84.3% … not 84%, 84% …); SI prefixes for
 * large amounts (42M rather than 42,000,000, which would crowd a small panel), with the digits
 * their spread needs; otherwise grouped numbers without needless decimals.
 */
export function axisFormat(figure: string, values: readonly (number | null)[] = []): string {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const span = xs.length > 0 ? Math.max(...xs) - Math.min(...xs) : Infinity;
  if (isShare(figure)) return span < 0.004 ? '.2%' : span < 0.04 ? '.1%' : '.0%';
  const largest = Math.max(0, ...xs.map(Math.abs));
  if (largest < 1e5) return ',~f';
  // Enough significant digits to tell ticks about a tenth of the span apart (d3 steps by 1, 2 or
  // 5 × 10^k): 200.2k, 200.4k … rather than 200k, 200k … when 200,000 customers vary by 1,000.
  const digits = span > 0 && Number.isFinite(span) ? Math.floor(Math.log10(largest)) - Math.floor(Math.log10(span / 10)) + 1 : 3;
  return `.${Math.min(7, Math.max(3, digits))}~s`;
}

/** The values a figure can take: shares in [0, 1]; times, counts and agents ≥ 0; money any. */
export function figureRange(figure: string): [number, number] {
  const { unit } = figureStyle(figure);
  if (unit === '%') return [0, 1];
  if (unit === 's' || unit === 'contacts' || unit === 'agents' || unit === 'customers' || unit === 'issues') return [0, Infinity];
  return [-Infinity, Infinity];
}

/** True for shares (0 … 1) shown as percentages. */
export function isShare(figure: string): boolean {
  return figureStyle(figure).unit === '%';
}
