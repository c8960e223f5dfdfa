import { parse as parseYaml } from 'yaml';
import { splitDotPath } from '../engine/dot-path.js';

/**
 * The grid of a sweep: `--vary KEY=V1,V2,…` axes, their cartesian product in a fixed order,
 * and the deterministic share of it that shard K of N runs.
 */

/** One `--vary`: a dot path (as in `policies.set`) and the values it takes, in the order given. */
export interface Axis {
  key: string;
  values: unknown[];
}

/** A grid point: its position in the grid and the overrides that make it. */
export interface GridPoint {
  index: number;
  set: Record<string, unknown>;
}

/** Bad `--vary` or `--shard` text; the CLI reports it as bad input (exit 2). */
export class GridError extends Error {}

/** More points than this are refused up front (each runs every replication). */
export const MAX_GRID_POINTS = 10_000;

const FORM = 'KEY=V1,V2,… (a dot path such as staffing.agents, "=", then values separated by commas)';

export const gridMessages = {
  varyForm: (text: string) => `--vary ${JSON.stringify(text)}: expected ${FORM}`,
  varyKey: (key: string) => `--vary ${JSON.stringify(key)}: the key must be a dot path as in policies.set — keys joined by ".", none empty — such as staffing.agents or groups.care.shifts.0.agents`,
  varyEmptyValue: (key: string, position: number) => `--vary ${key}: value ${position} is empty`,
  varyBadValue: (key: string, text: string, reason: string) => `--vary ${key}: cannot read the value ${JSON.stringify(text)}: ${reason}`,
  varyDuplicateValue: (key: string, text: string) => `--vary ${key}: the value ${text} is given twice`,
  varyDuplicateKey: (key: string) => `--vary ${key} is given twice; give all its values in one --vary`,
  varyOverlap: (outer: string, inner: string) => `--vary ${outer} and --vary ${inner} overlap: one sets part of the other`,
  tooManyPoints: (points: number) => `the grid has ${points.toLocaleString('en-US')} points; at most ${MAX_GRID_POINTS.toLocaleString('en-US')} are allowed (limit)`,
  setTwice: (key: string) => `--set ${key} is given twice; give it once`,
  setForm: (text: string) => `--set ${JSON.stringify(text)}: expected KEY=VALUE (a dot path as in policies.set, "=", then one value)`,
  policyForm: (text: string) => `--policy ${JSON.stringify(text)}: expected NAME={ KEY: VALUE, … } (a policy name, "=", then a mapping of dot paths to values, as policies.set)`,
  shardForm: (text: string) => `--shard must be K/N with whole numbers 1 ≤ K ≤ N ≤ ${MAX_GRID_POINTS.toLocaleString('en-US')}, got ${JSON.stringify(text)}`,
};

/** Splits at commas outside brackets, braces and quotes, so `{a: 1, b: 2}` stays one value. */
function splitValues(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((v) => v.trim());
}

/**
 * Reads one `--vary KEY=V1,V2,…`. Each value is read as a YAML scalar or flow collection, as it
 * would be in the scenario file: `40` is a number, `null` is null, `lognormal` is text.
 */
export function parseVary(text: string): Axis {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) throw new GridError(gridMessages.varyForm(text));
  const key = text.slice(0, eq).trim();
  if (splitDotPath(key) === null) throw new GridError(gridMessages.varyKey(key));
  const seen = new Set<string>();
  const values = splitValues(text.slice(eq + 1)).map((raw, i) => {
    if (raw === '') throw new GridError(gridMessages.varyEmptyValue(key, i + 1));
    let value: unknown;
    try {
      value = parseYaml(raw, { prettyErrors: false });
    } catch (e) {
      throw new GridError(gridMessages.varyBadValue(key, raw, (e as Error).message.split('\n')[0]!));
    }
    const canonical = JSON.stringify(value);
    if (seen.has(canonical)) throw new GridError(gridMessages.varyDuplicateValue(key, raw));
    seen.add(canonical);
    return value;
  });
  return { key, values };
}

/** Reads one `--set KEY=VALUE`: a dot path and one value, read as `--vary` reads its values. */
export function parseSet(text: string): { key: string; value: unknown } {
  const axis = parseVary(text);
  if (axis.values.length !== 1) throw new GridError(gridMessages.setForm(text));
  return { key: axis.key, value: axis.values[0] };
}

/** Reads one `--policy NAME={ KEY: VALUE, … }`: a name and the overrides of a policy, as a scenario's policies.set. */
export function parsePolicy(text: string): { name: string; set: Record<string, unknown> } {
  const eq = text.indexOf('=');
  const name = eq > 0 ? text.slice(0, eq).trim() : '';
  let set: unknown;
  try {
    set = eq > 0 ? parseYaml(text.slice(eq + 1), { prettyErrors: false }) : undefined;
  } catch {
    set = undefined;
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || typeof set !== 'object' || set === null || Array.isArray(set) || Object.keys(set).length === 0) {
    throw new GridError(gridMessages.policyForm(text));
  }
  for (const key of Object.keys(set)) if (splitDotPath(key) === null) throw new GridError(gridMessages.varyKey(key));
  return { name, set: set as Record<string, unknown> };
}

/** Checks a set of axes together: no key twice, no key inside another. */
export function checkAxes(axes: readonly Axis[]): void {
  const keys = axes.map((a) => a.key);
  keys.forEach((k, i) => {
    if (keys.indexOf(k) !== i) throw new GridError(gridMessages.varyDuplicateKey(k));
  });
  for (const outer of keys) {
    const inner = keys.find((k) => k.startsWith(`${outer}.`));
    if (inner) throw new GridError(gridMessages.varyOverlap(outer, inner));
  }
  const points = axes.reduce((n, a) => n * a.values.length, 1);
  if (points > MAX_GRID_POINTS) throw new GridError(gridMessages.tooManyPoints(points));
}

/**
 * The cartesian product of the axes, the first axis varying slowest (as nested loops written in
 * the order of the `--vary` options); point i is the same in every run of the same grid.
 */
export function gridPoints(axes: readonly Axis[]): GridPoint[] {
  let sets: Record<string, unknown>[] = [{}];
  for (const axis of axes) sets = sets.flatMap((s) => axis.values.map((v) => ({ ...s, [axis.key]: v })));
  return sets.map((set, index) => ({ index, set }));
}

/** `--shard K/N`, 1-based. */
export interface Shard {
  k: number;
  n: number;
}

export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!(k >= 1 && n >= k && n <= MAX_GRID_POINTS)) throw new GridError(gridMessages.shardForm(text));
  return { k, n };
}

/**
 * The point indices shard K of N runs: i with i mod N = K − 1. Round-robin rather than
 * contiguous blocks, so that neighbouring points (which often cost alike) spread over shards.
 */
export function shardIndices(points: number, shard: Shard): number[] {
  const out: number[] = [];
  for (let i = shard.k - 1; i < points; i += shard.n) out.push(i);
  return out;
}
