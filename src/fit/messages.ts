/**
 * Every message `ccsim fit` can give about a log, a mapping file or an option, written once as
 * a function (as scenario/messages.ts), so tests check them by identity. A problem with a place
 * in the file is a FitError carrying its line and column; the CLI prefixes the file name.
 */

/** A log or mapping file that cannot be used: exit 2, nothing written. */
export class FitError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'FitError';
  }

  /** `file:line:column: message`, as the scenario diagnostics are written. */
  located(file: string): string {
    return this.line !== undefined ? `${file}:${this.line}:${this.column ?? 1}: ${this.message}` : `${file}: ${this.message}`;
  }
}

const list = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

export const fitMessage = {
  emptyLog: () => 'the log is empty (no header and no calls)',
  noCalls: () => 'the log has a header but no call rows',
  noAgentSeekingCalls: (rows: number) => `none of the ${rows} rows is a call that sought an agent (served by an agent, or hung up in the queue)`,
  tooLarge: (bytes: number, limit: number) =>
    `the file is ${(bytes / 2 ** 20).toFixed(0)} MiB; the limit is ${(limit / 2 ** 20).toFixed(0)} MiB (split the log by period and fit a part)`,
  unterminatedQuote: () => 'a quoted field is never closed (a " without its closing ")',
  missingColumns: (missing: readonly string[], found: readonly string[]) =>
    `the header lacks the column${missing.length > 1 ? 's' : ''} ${list(missing)}; it has ${list(found)}`,
  fieldCount: (got: number, expected: number) => `this row has ${got} fields; the header has ${expected}`,
  badTime: (column: string, value: string, format: string) => `${column}: "${value}" is not a time (expected ${format})`,
  badDate: (column: string, value: string, format: string) => `${column}: "${value}" is not a date (expected ${format})`,
  badNumber: (column: string, value: string, what: string) => `${column}: "${value}" is not ${what}`,
  negativeDuration: (what: string, from: string, to: string, seconds: number) =>
    `${what} is negative: ${to} is ${Math.abs(seconds).toFixed(3)} s before ${from}`,
  badOutcome: (column: string, value: string, allowed: readonly string[]) => `${column}: "${value}" is not an outcome; allowed: ${list(allowed)}`,
  missingTime: (column: string, outcome: string) => `${column} is empty, but a ${outcome} call needs it`,
  badLayout: (name: string, known: readonly string[]) => `--layout ${name} is not a layout; layouts: ${known.join(', ')}`,
  mapping: (path: string, detail: string) => `${path ? `${path}: ` : ''}${detail}`,
  mappingColumn: (field: string, column: string, found: readonly string[]) =>
    `columns.${field}: the log has no column "${column}"; it has ${list(found)}`,
  mappingIndex: (field: string, index: number, count: number) => `columns.${field}: column ${index} does not exist; rows have ${count} columns`,
  intervalColumns: (missing: readonly string[]) =>
    `an interval report needs the columns ${list(missing)} (and asaSec or serviceLevel); see README "Interval reports"`,
  intervalOrder: (previous: string, current: string) => `interval ${current} does not come after ${previous} (rows must be in time order, one per interval)`,
  intervalAlign: (start: string, intervalMin: number) => `interval start ${start} is not on a ${intervalMin}-minute boundary (give the report's own interval length with --interval-min)`,
  tooManyDays: (days: number, limit: number) => `the log spans ${days} calendar days; the limit is ${limit} (fit a shorter period)`,
};
