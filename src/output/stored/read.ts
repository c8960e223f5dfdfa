/**
 * Reading back a file ccsim wrote (summary.json, comparison.json, sweep.json, a shard, a verdict
 * file, scenario.json, a saved sweep point, the output manifest) — and trusting none of it:
 *
 *   text ─nesting ≤ STORED_DEPTH (a scan, before JSON.parse spends seconds on brackets)─▶
 *     ─JSON.parse─▶ ─the kind's zod schema: the fields its readers use, every count bounded─▶ value
 *
 * One schema per kind (this folder, one file each) describes only what the readers (report,
 * charts, merge, the verdict check, the output directory) actually use, so it is easy to keep in
 * step with the writers; unknown fields pass. Values are passed on as they were written — an
 * estimate { "mean": null, "ci95": null } (a ratio with nothing under it) stays null, so a
 * merge or a rebuilt report gives the same bytes as the command that wrote the file. A problem is
 * a StoredFileError naming the file, the field path and what was expected; the CLI turns it into
 * exit 2.
 */
import type { z } from 'zod';

/** Nesting of objects and arrays in a stored file; ccsim writes at most about 8. */
export const STORED_DEPTH = 32;

/** A stored file that cannot be used: bad input, not a bug (exit 2). */
export class StoredFileError extends Error {
  constructor(
    readonly file: string,
    /** The field path, e.g. "results[3].kpis.profit.mean"; empty for the file as a whole. */
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${file}: ${path ? `${path}: ` : ''}${problem}`);
  }
}

export const storedMessages = {
  notJson: (reason: string) => `not JSON: ${reason}`,
  tooDeep: (limit: number) => `objects and lists nested more than ${limit} levels deep; ccsim writes no such file`,
  missing: (expected: string) => `required, missing (expected ${expected})`,
  wrongType: (expected: string, got: string) => `expected ${expected}, got ${got}`,
  notOneOf: (values: readonly unknown[]) => `must be ${values.length === 1 ? JSON.stringify(values[0]) : `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`}`,
};

/** Words for zod's type names. */
const EXPECTED: Record<string, string> = { object: 'a mapping', array: 'a list', number: 'a number', string: 'text', boolean: 'true or false', int: 'a whole number', record: 'a mapping' };

/** A JSON value as a message shows it. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

/** `a.b[2].c`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${String(seg)}` : String(seg);
  return out;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const seg of path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/**
 * Whether JSON text nests deeper than `limit`, by a scan of its brackets outside strings; a
 * linear pass that stops at the first level too many. (JSON.parse takes seconds on megabytes of
 * brackets, and a validator walking a deep value would overflow the stack.)
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** The first problem zod found, in ccsim's words. */
function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const value = valueAt(data, issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      return value === undefined ? storedMessages.missing(expected) : storedMessages.wrongType(expected, describeValue(value));
    }
    case 'invalid_value':
      return storedMessages.notOneOf(issue.values);
    default:
      return issue.message;
  }
}

/**
 * The value of stored JSON `text` from `file`, checked by `schema`; throws StoredFileError.
 * `hint` is added to shape problems (for example: re-run the command that wrote the file).
 */
export function readStoredJson<S extends z.ZodType>(schema: S, file: string, text: string, hint = ''): z.output<S> {
  if (nestsDeeperThan(text, STORED_DEPTH)) throw new StoredFileError(file, '', storedMessages.tooDeep(STORED_DEPTH));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new StoredFileError(file, '', storedMessages.notJson((e as Error).message));
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new StoredFileError(file, fieldPath(issue.path), `${describeIssue(issue, data)}${hint}`);
}
