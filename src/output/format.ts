import { figureDef } from '../model/catalogue.js';

/**
 * Figures as text for terminal tables and the report: the catalogue's digits (model/catalogue.ts),
 * an empty figure (a ratio with nothing under it) as "—", and a confidence interval only where
 * there is one — with one replication there is no interval to print, and the table says how to
 * get one instead.
 */

/** The spreadsheet display of a figure's column (output/xlsx.ts): shares as percent, money, counts as integers. */
export function figureColumnFormat(figure: string): 'percent' | 'money' | 'integer' | 'number' {
  const def = figureDef(figure);
  if (!def) return 'number';
  if (def.unit === '%') return 'percent';
  if (def.unit === 'currency') return 'money';
  return def.digits === 0 ? 'integer' : 'number';
}

/** Text for an empty figure. */
export const EMPTY_TEXT = '—';

/** Decimals of a figure: the catalogue's, or a guess from the size of the values for figures it does not know. */
export function digitsOf(figure: string, ...values: number[]): number {
  const d = figureDef(figure)?.digits;
  if (d !== undefined) return d;
  const a = Math.max(0, ...values.map(Math.abs));
  return a === 0 ? 0 : a < 1 ? 4 : a < 100 ? 2 : a < 10_000 ? 1 : 0;
}

/** A value with the figure's digits, or "—" when empty. */
export function formatValue(figure: string, x: number | null, signed = false): string {
  if (x === null || !Number.isFinite(x)) return EMPTY_TEXT;
  const text = x.toFixed(digitsOf(figure, x));
  return signed && x > 0 ? `+${text}` : text;
}

/** "[lo, hi]" with the figure's digits. */
export function formatInterval(figure: string, ci: readonly [number, number] | null, signed = false): string {
  return ci === null ? '' : `[${formatValue(figure, ci[0], signed)}, ${formatValue(figure, ci[1], signed)}]`;
}

/** The note under a table of one replication's figures. */
export const ONE_REPLICATION_NOTE = 'one replication: no confidence interval (run with --reps N, N ≥ 2, for 95% intervals)';

/**
 * A value as a person reads it in the report: shares as percentages (the catalogue's digits less
 * two), everything else grouped with the catalogue's digits; "—" when empty.
 */
export function formatReadable(figure: string, x: number | null, signed = false): string {
  if (x === null || !Number.isFinite(x)) return EMPTY_TEXT;
  const sign = signed && x > 0 ? '+' : '';
  const digits = digitsOf(figure, x);
  if (figureDef(figure)?.unit === '%' || isShareKey(figure)) return `${sign}${(x * 100).toFixed(Math.max(1, digits - 2))}%`;
  return sign + x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Shares the catalogue does not list (satisfaction shares by level). */
function isShareKey(figure: string): boolean {
  return figure === 'satisfactionShare' || figure === 'withinTarget';
}
