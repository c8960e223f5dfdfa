/**
 * How a figure is named, measured and formatted on a chart: one table, so that an axis, a panel
 * and a heatmap cell of the same figure say the same thing. A figure the table does not know
 * (one the model adds later) is shown under its key with no unit, never dropped.
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

const FIGURES: Readonly<Record<string, FigureStyle>> = {
  offered: { label: 'Contacts offered', unit: 'contacts', format: ',.0f' },
  answered: { label: 'Contacts answered', unit: 'contacts', format: ',.0f' },
  abandoned: { label: 'Contacts abandoned', unit: 'contacts', format: ',.0f' },
  abandonRate: { label: 'Abandonment rate', unit: '%', format: '.1%' },
  pWait: { label: 'Share that waited', unit: '%', format: '.0%' },
  waitSec: { label: 'Mean wait, all offered', unit: 's', format: ',.1f' },
  asaSec: { label: 'Average speed of answer', unit: 's', format: ',.1f' },
  serviceLevel: { label: 'Service level', unit: '%', format: '.1%' },
  withinTarget: { label: 'Within response target', unit: '%', format: '.1%' },
  occupancy: { label: 'Agent occupancy', unit: '%', format: '.1%' },
  ahtSec: { label: 'Average handle time', unit: 's', format: ',.0f' },
  fcr: { label: 'First-contact resolution', unit: '%', format: '.1%' },
  queueLength: { label: 'Mean queue length', unit: 'contacts', format: ',.2f' },
  repeats: { label: 'Repeat contacts', unit: 'contacts', format: ',.0f' },
  repeatRate: { label: 'Repeat rate (repeats per offered)', unit: '%', format: '.1%' },
  retrials: { label: 'Retrials after hanging up', unit: 'contacts', format: ',.0f' },
  transfers: { label: 'Transfers', unit: 'contacts', format: ',.0f' },
  callbacksOffered: { label: 'Callbacks offered', unit: 'contacts', format: ',.0f' },
  callbacksAccepted: { label: 'Callbacks accepted', unit: 'contacts', format: ',.0f' },
  rushedShare: { label: 'Answered contacts rushed', unit: '%', format: '.1%' },
  reaskedShare: { label: 'Answered contacts re-asked', unit: '%', format: '.1%' },
  issuesUnresolved: { label: 'Issues left unresolved', unit: 'issues', format: ',.0f' },
  active: { label: 'Active customers', unit: 'customers', format: ',.0f' },
  churned: { label: 'Customers churned', unit: 'customers', format: ',.0f' },
  acquired: { label: 'Customers acquired', unit: 'customers', format: ',.0f' },
  referred: { label: 'Customers won by word of mouth', unit: 'customers', format: ',.0f' },
  returned: { label: 'Customers who returned the product', unit: 'customers', format: ',.0f' },
  outreach: { label: 'Proactive outreach contacts', unit: 'contacts', format: ',.0f' },
  outreachResolved: { label: 'Outreach contacts that fixed the issue', unit: 'contacts', format: ',.0f' },
  offers: { label: 'End-of-call offers made', unit: 'contacts', format: ',.0f' },
  offersAccepted: { label: 'End-of-call offers accepted', unit: 'contacts', format: ',.0f' },
  satisfactionShare: { label: 'Share of contacts', unit: '%', format: '.1%' },
  csat: { label: 'Satisfaction', unit: '1–5', format: '.2f' },
  supportCost: { label: 'Support cost', unit: CURRENCY, format: ',.0f' },
  revenue: { label: 'Revenue', unit: CURRENCY, format: ',.0f' },
  profit: { label: 'Profit', unit: CURRENCY, format: ',.0f' },
  acquisitionCost: { label: 'Acquisition cost', unit: CURRENCY, format: ',.0f' },
  returnsCost: { label: 'Returns cost', unit: CURRENCY, format: ',.0f' },
  referralRevenue: { label: 'Revenue from word of mouth', unit: CURRENCY, format: ',.0f' },
  upsellRevenue: { label: 'Upsell margin', unit: CURRENCY, format: ',.0f' },
  cumulativeProfit: { label: 'Cumulative profit', unit: CURRENCY, format: ',.0f' },
  deltaCumulativeProfit: { label: 'Δ cumulative profit', unit: CURRENCY, format: ',.0f' },
  npv: { label: 'Net present value', unit: CURRENCY, format: ',.0f' },
  clv: { label: 'Customer lifetime value', unit: CURRENCY, format: ',.0f' },
  customerEquity: { label: 'Customer equity at the horizon', unit: CURRENCY, format: ',.0f' },
  longTermValue: { label: 'Long-term value (NPV + customer equity)', unit: CURRENCY, format: ',.0f' },
};

export function figureStyle(figure: string): FigureStyle {
  return FIGURES[figure] ?? { label: figure, unit: '', format: ',.4~g' };
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
