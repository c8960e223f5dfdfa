/**
 * Scenario loading, the first stages of ccsim's pipeline:
 *
 *   YAML text ─parse (yaml, with positions)─▶ plain object ─validate (zod schema)─▶ Scenario
 *     ─cross-field checks and limits─▶ policies (dot-path overrides, each validated)
 *     ─normalize─▶ ModelConfig (seconds) ─▶ experiment/replicate ─▶ estimate ─▶ output
 *
 * Every problem becomes a Diagnostic with the file, line:column, field path and what is
 * allowed; all problems are collected and thrown together as one ScenarioError.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import type { ModelConfig } from '../model/config.js';
import { ScenarioError, formatPath, type Diagnostic } from './errors.js';
import * as msg from './messages.js';
import { SHIFT_START, shiftMoveOverrides } from '../model/shift-move.js';
import { applyOverrides, OverrideError, readOverride } from './overrides.js';
import { crossFieldProblems } from './cross-checks.js';
import { toModelConfig } from './normalize.js';
import { ScenarioSchema, type Scenario } from './schema.js';
import { parseYaml } from './yaml.js';

export interface Policy {
  name: string;
  scenario: Scenario;
  config: ModelConfig;
}

export interface LoadedScenario {
  file: string;
  scenario: Scenario;
  config: ModelConfig;
  /** The base scenario first, named "baseline", then each of `policies`. */
  policies: Policy[];
  /** The scenario as written, before defaults: what overrides (sweeps) apply to. */
  raw: Record<string, unknown>;
  /** line:column of a path of the file (as far as it exists there), for messages about it found later. */
  locate: (path: readonly PropertyKey[]) => { line?: number; column?: number };
}

type Path = readonly PropertyKey[];

/** Parses, validates and normalises a scenario; throws ScenarioError listing every problem. */
export function parseScenario(text: string, file: string): LoadedScenario {
  const parsed = parseYaml(text, file);
  if (!parsed.ok) throw new ScenarioError(parsed.problems);
  const { value: raw, locate } = parsed;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ScenarioError([{ file, ...locate([]), path: '', message: msg.notAMapping() }]);
  }
  const base = validate(raw as Record<string, unknown>, file, locate);
  const policies: Policy[] = [{ name: 'baseline', scenario: base, config: toModelConfig(base) }];
  const problems: Diagnostic[] = [];
  const { policies: _drop, ...rawBase } = raw as Record<string, unknown>;
  base.policies?.forEach((p, i) => {
    const setPath = ['policies', i, 'set'];
    if (p.name === 'baseline' || policies.some((q) => q.name === p.name)) {
      problems.push({ file, ...locate(['policies', i, 'name']), path: formatPath(['policies', i, 'name']), message: msg.duplicatePolicy(p.name) });
      return;
    }
    try {
      const over = applyOverrides(rawBase, p.set);
      // Point each problem at the override that caused it (the longest dot path that prefixes it).
      const locateInPolicy = (path: Path, atKey?: boolean) => {
        const dotted = path.map(String).join('.');
        const key = Object.keys(p.set).filter((k) => dotted === k || dotted.startsWith(`${k}.`) || k.startsWith(`${dotted}.`)).sort((a, b) => b.length - a.length)[0];
        return key !== undefined ? locate([...setPath, key], atKey) : locate(setPath);
      };
      const scenario = validate(over, file, locateInPolicy, (path, m) => msg.inPolicy(p.name, formatPath(path), m), formatPath(setPath));
      policies.push({ name: p.name, scenario, config: toModelConfig(scenario) });
    } catch (e) {
      if (e instanceof ScenarioError) for (const d of e.diagnostics) problems.push(d);
      else if (e instanceof OverrideError) problems.push({ file, ...locate(setPath), path: formatPath(setPath), message: msg.inPolicy(p.name, '', e.message) });
      else throw e;
    }
  });
  if (base.optimize) problems.push(...optimizeProblems(base, rawBase, file, locate));
  if (problems.length > 0) throw new ScenarioError(problems);
  return { file, scenario: base, config: policies[0]!.config, policies, raw: rawBase, locate: (path) => locate(path) };
}

/**
 * The `optimize` block against the scenario: every decision's extreme values (a range's min and
 * max, every value of a list) applied alone must give a valid scenario; no decision may lie inside
 * another; longTermValue needs customers. Problems point at the decision in the file.
 */
function optimizeProblems(base: Scenario, raw: Record<string, unknown>, file: string, locate: (path: Path, atKey?: boolean) => { line?: number; column?: number }): Diagnostic[] {
  const o = base.optimize!;
  const out: Diagnostic[] = [];
  const at = (path: Path, message: string, atKey?: boolean): Diagnostic => ({ file, ...locate(path, atKey), path: formatPath(path), message });
  if (o.objective === 'longTermValue' && !base.customers) out.push(at(['optimize', 'objective'], msg.longTermValueNeedsCustomers()));
  const keys = Object.keys(o.vary);
  for (const [key, values] of Object.entries(o.vary)) {
    const path: Path = ['optimize', 'vary', key];
    const inner = keys.find((k) => k.startsWith(`${key}.`));
    if (inner) out.push(at(path, msg.decisionsOverlap(key, inner), true));
    const tried = Array.isArray(values) ? values : [values.min, values.max];
    // A shift's start moves the whole shift unless its end is a decision too (model/shift-move.ts).
    const shift = SHIFT_START.exec(key)?.[1];
    const moves = shift !== undefined && !keys.includes(`${shift}.end`);
    for (const value of tried) {
      try {
        const set = { [key]: value, ...(moves ? shiftMoveOverrides(shift, value, (path) => readOverride(raw, path)) : {}) };
        validate(applyOverrides(raw, set), file, () => locate(path), (p, m) => msg.inDecision(key, value, formatPath(p), m), formatPath(path));
      } catch (e) {
        if (e instanceof ScenarioError) out.push(...e.diagnostics);
        else if (e instanceof OverrideError) out.push(at(path, msg.inDecision(key, value, '', e.message), true));
        else throw e;
      }
    }
  }
  return out;
}

/**
 * A variant of a loaded scenario: dot-path overrides applied over the scenario as written, then
 * validated like the file itself (sweep points, command-line variations). Problems are reported
 * against `origin` (for example `--vary staffing.agents`), since they have no place in the file.
 */
export function deriveScenario(loaded: LoadedScenario, name: string, set: Readonly<Record<string, unknown>>, origin: string): Policy {
  try {
    const scenario = validate(applyOverrides(loaded.raw, set), loaded.file, () => ({}), (path, m) => `${origin}: ${formatPath(path)}: ${m}`);
    return { name, scenario, config: toModelConfig(scenario) };
  } catch (e) {
    if (e instanceof OverrideError) throw new ScenarioError([{ file: loaded.file, path: origin, message: e.message }]);
    throw e;
  }
}

/**
 * The scenario with command-line overrides (`--set KEY=VALUE`) applied to it as written, validated
 * like the file, with its policies derived again on top; `policies` given replace the file's.
 * Problems are reported against `origin`.
 */
export function withOverrides(
  loaded: LoadedScenario,
  set: Readonly<Record<string, unknown>>,
  origin: string,
  policies?: readonly { name: string; set: Readonly<Record<string, unknown>> }[],
): LoadedScenario {
  const base = Object.keys(set).length > 0 ? deriveScenario(loaded, 'baseline', set, origin) : { name: 'baseline', scenario: loaded.scenario, config: loaded.config };
  const raw = Object.keys(set).length > 0 ? applyOverrides(loaded.raw, set) : loaded.raw;
  const next: LoadedScenario = { ...loaded, scenario: base.scenario, config: base.config, raw, policies: [{ name: 'baseline', scenario: base.scenario, config: base.config }] };
  const given = policies ?? (loaded.scenario.policies ?? []).map((p) => ({ name: p.name, set: p.set }));
  const problems: Diagnostic[] = [];
  for (const p of given) {
    if (p.name === 'baseline' || next.policies.some((q) => q.name === p.name)) {
      problems.push({ file: loaded.file, path: `--policy ${p.name}`, message: msg.duplicatePolicy(p.name) });
      continue;
    }
    try {
      next.policies.push(deriveScenario(next, p.name, p.set, policies ? `--policy ${p.name}` : `policy "${p.name}" with ${origin}`));
    } catch (e) {
      if (e instanceof ScenarioError) problems.push(...e.diagnostics);
      else throw e;
    }
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  return next;
}

/** Validates a plain object as a scenario (schema, then cross-field checks and limits). */
export function validate(
  raw: Record<string, unknown>,
  file: string,
  locate: (path: Path, atKey?: boolean) => { line?: number; column?: number },
  wrap: (path: Path, message: string) => string = (_p, m) => m,
  pathOverride?: string,
): Scenario {
  const result = ScenarioSchema.safeParse(raw);
  const diag = (path: Path, message: string, atKey?: boolean): Diagnostic => ({
    file,
    ...locate(path, atKey),
    path: pathOverride ?? formatPath(path),
    message: wrap(path, message),
  });
  if (!result.success) {
    throw new ScenarioError(result.error.issues.flatMap((issue) => describeIssue(issue, raw).map(([path, m, atKey]) => diag(path, m, atKey))));
  }
  const problems = crossFieldProblems(result.data).map(([path, m]) => diag(path, m));
  if (problems.length > 0) throw new ScenarioError(problems);
  return result.data;
}

/** A zod issue → (path, message) pairs in ccsim's words; `true` third: locate the key itself, not its value. */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown): [Path, string, boolean?][] {
  const path = issue.path as PropertyKey[];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(path, raw);
      return issue.keys.map((key) => {
        const near = allowed.length > 0 ? closest(key, allowed) : undefined;
        const suggestion = near !== undefined && distance(key, near) <= Math.max(2, Math.floor(key.length / 3)) ? near : undefined;
        return [[...path, key], msg.unknownKey(key, allowed, suggestion), true] as [Path, string, boolean];
      });
    }
    case 'invalid_type': {
      const value = valueAt(raw, path);
      const expected = issue.expected === 'int' ? 'whole number' : issue.expected === 'object' ? 'a mapping of keys' : issue.expected;
      return [[path, value === undefined ? msg.missingKey(expected) : msg.wrongType(expected, describeValue(value))]];
    }
    case 'invalid_union':
      if ('options' in issue && Array.isArray(issue.options)) return [[path, msg.notOneOf(issue.options as unknown[])]];
      return [[path, issue.message]];
    case 'invalid_value':
      return [[path, msg.notOneOf(issue.values)]];
    default:
      return [[path, issue.message]];
  }
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? `the number ${v}` : `${v}`;
  if (typeof v === 'string') return `the text ${JSON.stringify(v)}`;
  if (typeof v === 'object') return 'a mapping';
  return typeof v;
}

function valueAt(raw: unknown, path: Path): unknown {
  let v = raw;
  for (const seg of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/** The keys the schema allows for the object at `path` (following the data through unions). */
function allowedKeys(path: Path, raw: unknown): string[] {
  let schema: z.core.$ZodType | undefined = ScenarioSchema;
  const unwrap = (s: z.core.$ZodType, data: unknown): z.core.$ZodType => {
    for (;;) {
      const def = s._zod.def as { type: string; innerType?: z.core.$ZodType; options?: z.core.$ZodType[]; discriminator?: string };
      if (def.innerType) s = def.innerType;
      else if (def.type === 'union' && def.options) {
        const tag = def.discriminator && typeof data === 'object' && data ? (data as Record<string, unknown>)[def.discriminator] : undefined;
        const match = def.options.find((o) => {
          const shape = (o._zod.def as { shape?: Record<string, z.core.$ZodType> }).shape;
          const lit = shape && def.discriminator ? (shape[def.discriminator]?._zod.def as { values?: unknown[] } | undefined) : undefined;
          return lit?.values?.includes(tag);
        });
        s = match ?? def.options[0]!;
      } else return s;
    }
  };
  let data = raw;
  for (const seg of [...path, null]) {
    if (!schema) return [];
    schema = unwrap(schema, data);
    if (seg === null) break;
    const def = schema._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType; valueType?: z.core.$ZodType };
    schema = def.shape?.[String(seg)] ?? def.element ?? def.valueType;
    data = valueAt(data, [seg]);
  }
  const shape = schema ? (schema._zod.def as { shape?: Record<string, unknown> }).shape : undefined;
  return shape ? Object.keys(shape) : [];
}
