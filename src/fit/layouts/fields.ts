/**
 * Reading one cell of a log: the checks every layout shares, each failing with a FitError that
 * names the cell's line and column.
 */
import type { Field, Row } from '../delimited.js';
import { fitMessage, FitError } from '../messages.js';

/** Column index of each wanted name in the header row; missing names are one error listing them. */
export function headerIndex<K extends string>(header: Row, wanted: readonly K[]): Record<K, number> {
  const names = header.fields.map((f) => f.text.trim());
  const missing = wanted.filter((w) => !names.includes(w));
  if (missing.length > 0) throw new FitError(fitMessage.missingColumns(missing, names), header.line, 1);
  return Object.fromEntries(wanted.map((w) => [w, names.indexOf(w)])) as Record<K, number>;
}

/** Checks that a row has as many fields as the header. */
export function checkWidth(row: Row, expected: number): void {
  if (row.fields.length !== expected) {
    const at = row.fields[Math.min(row.fields.length, expected) - 1]!;
    throw new FitError(fitMessage.fieldCount(row.fields.length, expected), row.line, at.column);
  }
}

export function fail(field: Field, message: string): never {
  throw new FitError(message, field.line, field.column);
}

/** A whole number of seconds ≥ 0 (a duration column). */
export function seconds(field: Field, column: string): number {
  const t = field.text.trim();
  if (!/^-?\d+(\.\d+)?$/.test(t)) fail(field, fitMessage.badNumber(column, field.text, 'a number of seconds'));
  const v = Number(t);
  if (v < 0) fail(field, fitMessage.badNumber(column, field.text, 'a duration ≥ 0 seconds'));
  return v;
}
