/**
 * Scenario documents for fuzzing: valid ones (a stationary center with random optional blocks,
 * or a bundled scenario cut to a day or two with a small customer base, so each simulates in
 * milliseconds) and near-valid ones with one thing broken — a field mutated (wrong type,
 * negative, zero, NaN, ∞, huge, empty, very long, missing, unknown, deeply nested), or the text
 * (BOM, CRLF, bare CR, tabs, a duplicated key, aliases, deep nesting).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { REPO } from '../support/cli.js';

export type Doc = Record<string, unknown>;
type Path = (string | number)[];

const distribution = fc.oneof(
  fc.record({ dist: fc.constantFrom('exponential', 'constant'), meanSec: fc.integer({ min: 5, max: 600 }) }),
  fc.record({ dist: fc.constantFrom('lognormal', 'gamma'), meanSec: fc.integer({ min: 5, max: 600 }), cv: fc.double({ min: 0.1, max: 3, noNaN: true }) }),
);

/** A stationary center of a few agents for a few hours, with random optional blocks. */
const stationary: fc.Arbitrary<Doc> = fc
  .record(
    {
      name: fc.stringMatching(/^[a-z][a-z0-9._-]{0,20}$/),
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      horizon: fc.oneof(fc.record({ hours: fc.integer({ min: 1, max: 12 }) }), fc.record({ days: fc.integer({ min: 1, max: 2 }) })),
      arrivals: fc.record({ ratePerHour: fc.integer({ min: 1, max: 120 }) }),
      handleTime: distribution,
      patience: distribution,
      staffing: fc.record({ agents: fc.integer({ min: 1, max: 12 }), wagePerHour: fc.integer({ min: 0, max: 60 }) }, { requiredKeys: ['agents'] }),
      serviceLevel: fc.record({ thresholdSec: fc.integer({ min: 0, max: 120 }), target: fc.double({ min: 0.5, max: 0.95, noNaN: true }) }, { requiredKeys: ['thresholdSec'] }),
      economics: fc.record({ discountRatePerYear: fc.double({ min: 0, max: 0.2, noNaN: true }), costPerMinute: fc.double({ min: 0, max: 1, noNaN: true }) }),
      retrial: fc.record({ prob: fc.double({ min: 0, max: 1, noNaN: true }), delay: distribution }),
      callback: fc.record({ offerAboveSec: fc.integer({ min: 0, max: 600 }), acceptProb: fc.double({ min: 0, max: 1, noNaN: true }) }),
      policy: fc.record({ ahtTargetSec: fc.integer({ min: 30, max: 900 }), thoroughnessSec: fc.integer({ min: 0, max: 300 }) }),
      queue: fc.record({ discipline: fc.constantFrom('fcfs', 'severity', 'repeat-first') }),
      policies: fc.array(fc.record({ name: fc.stringMatching(/^p[a-z0-9]{0,8}$/), set: fc.record({ 'staffing.agents': fc.integer({ min: 1, max: 12 }) }) }), { maxLength: 2 }),
    },
    { requiredKeys: ['name', 'horizon', 'arrivals', 'handleTime', 'staffing'] },
  )
  .map((d) => {
    // Policy names are unique and not "baseline".
    const policies = (d.policies as { name: string }[] | undefined)?.filter((p, i, all) => all.findIndex((q) => q.name === p.name) === i);
    return { ...d, ...(policies ? { policies } : {}) } as Doc;
  });

const BUNDLED = ['midsize-center', 'staffing-levels', 'erlang-check', 'baseline', 'aht-cut', 'upsell', 'outsourced-tier1', 'proactive-outreach', 'thorough-calls', 'staffing-by-profit'];
const bundledDocs = new Map(BUNDLED.map((n) => [n, parse(readFileSync(join(REPO, 'scenarios', `${n}.yaml`), 'utf8')) as Doc]));

/** A bundled scenario cut to a day or two, with a customer base of at most 2,000. */
const bundled: fc.Arbitrary<Doc> = fc.record({ name: fc.constantFrom(...BUNDLED), days: fc.integer({ min: 1, max: 2 }), initial: fc.integer({ min: 50, max: 2000 }) }).map(({ name, days, initial }) => {
  const d = structuredClone(bundledDocs.get(name)!);
  d.horizon = { days };
  delete d.warmup;
  const customers = d.customers as Doc | undefined;
  if (customers) {
    customers.initial = initial;
    if (customers.acquisition) (customers.acquisition as Doc).perMonth = Math.round(initial / 50);
  }
  return d;
});

/** A valid scenario document. */
export const validScenario: fc.Arbitrary<Doc> = fc.oneof({ arbitrary: stationary, weight: 3 }, { arbitrary: bundled, weight: 2 });

/** Every path in a document (mappings and lists), the root excluded. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

const deep = (levels: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
};

/** What a mutation puts in place of a value; `typed` ones (a wrong type, NaN, ∞) must be named at their path. */
export const REPLACEMENTS: readonly { kind: string; value: () => unknown; typed: boolean }[] = [
  { kind: 'text', value: () => 'x', typed: false },
  { kind: 'boolean', value: () => true, typed: false },
  { kind: 'list', value: () => [], typed: false },
  { kind: 'mapping', value: () => ({}), typed: false },
  { kind: 'negative', value: () => -1, typed: false },
  { kind: 'zero', value: () => 0, typed: false },
  { kind: 'NaN', value: () => NaN, typed: true },
  { kind: '∞', value: () => Infinity, typed: true },
  { kind: '-∞', value: () => -Infinity, typed: true },
  { kind: 'huge', value: () => 1e300, typed: false },
  { kind: 'fraction', value: () => 0.5, typed: false },
  { kind: 'empty', value: () => '', typed: false },
  { kind: 'long text', value: () => 'a'.repeat(5000), typed: false },
  { kind: 'null', value: () => null, typed: false },
  { kind: 'deep', value: () => deep(80), typed: false },
];

export type Mutation =
  | { kind: 'replace'; path: Path; replacement: string; typed: boolean }
  | { kind: 'delete'; path: Path }
  | { kind: 'unknown key'; path: Path; key: string };

/** A valid document with one field broken, and what was done. */
export const mutatedScenario: fc.Arbitrary<{ doc: Doc; mutation: Mutation }> = validScenario.chain((doc) => {
  const paths = pathsOf(doc);
  return fc
    .record({
      path: fc.constantFrom(...paths),
      how: fc.integer({ min: 0, max: REPLACEMENTS.length + 1 }),
      key: fc.constantFrom('bogus', '__proto__', 'constructor', 'agentz', 'k'.repeat(300)),
    })
    .map(({ path, how, key }) => {
      const copy = structuredClone(doc);
      const parent = path.slice(0, -1).reduce<any>((v, k) => v[k], copy);
      const last = path[path.length - 1]!;
      if (how < REPLACEMENTS.length) {
        const r = REPLACEMENTS[how]!;
        parent[last] = r.value();
        return { doc: copy, mutation: { kind: 'replace' as const, path, replacement: r.kind, typed: r.typed && typeof doc === 'object' } };
      }
      if (how === REPLACEMENTS.length && !Array.isArray(parent)) {
        delete parent[last];
        return { doc: copy, mutation: { kind: 'delete' as const, path } };
      }
      // The nearest mapping at or above the path (a key on a list would not be written out).
      let target = path;
      const isMapping = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
      while (!isMapping(target.reduce<any>((v, k) => v[k], copy))) target = target.slice(0, -1);
      Object.defineProperty(target.reduce<any>((v, k) => v[k], copy), key, { value: 1, enumerable: true, writable: true, configurable: true });
      return { doc: copy, mutation: { kind: 'unknown key' as const, path: [...target, key], key } };
    });
});

/** YAML text of a document (NaN and ∞ as .nan and .inf). */
export function yamlText(doc: Doc): string {
  return stringify(doc, { lineWidth: 0 });
}

/** Ways to break the text of a valid document rather than a field. */
export const TEXT_MUTATIONS: readonly { kind: string; apply: (text: string) => string; valid: boolean }[] = [
  { kind: 'BOM', apply: (t) => `\uFEFF${t}`, valid: true },
  { kind: 'CRLF', apply: (t) => t.replaceAll('\n', '\r\n'), valid: true },
  { kind: 'bare CR', apply: (t) => t.replaceAll('\n', '\r'), valid: false },
  { kind: 'tab indentation', apply: (t) => t.replace(/\n {2}/, '\n\t'), valid: false },
  { kind: 'duplicated key', apply: (t) => `${t}name: again\n`, valid: false },
  { kind: 'alias', apply: (t) => t.replace(/^handleTime:/m, 'handleTime: &h').replace(/^name: .*$/m, (l) => `${l}\nx-alias: *h`), valid: false },
  { kind: 'undefined alias', apply: (t) => `${t}extra: *nope\n`, valid: false },
  { kind: 'alias bomb', apply: (t) => `${t}${bomb()}`, valid: false },
  { kind: 'deep flow nesting', apply: (t) => `${t}deep: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, valid: false },
  { kind: 'deep block nesting', apply: (t) => `${t}${Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`, valid: false },
  { kind: 'comment only', apply: (t) => t.replace(/^/gm, '# '), valid: false },
  { kind: 'empty', apply: () => '', valid: false },
  { kind: 'truncated', apply: (t) => t.slice(0, Math.floor(t.length / 2)), valid: false },
  { kind: 'binary', apply: (t) => `${t}\u0000\u0001\u00ff`, valid: false },
];

function bomb(): string {
  const lines = ['b0: &b0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++) lines.push(`b${i}: &b${i} [${Array.from({ length: 10 }, () => `*b${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

/** A document as text with its text broken one way. */
export const brokenText: fc.Arbitrary<{ text: string; kind: string; valid: boolean }> = fc
  .record({ doc: validScenario, how: fc.integer({ min: 0, max: TEXT_MUTATIONS.length - 1 }) })
  .map(({ doc, how }) => {
    const m = TEXT_MUTATIONS[how]!;
    return { text: m.apply(yamlText(doc)), kind: m.kind, valid: m.valid };
  });

/** Whether two field paths are the same field or one lies inside the other ("a.b" and "a.b[2]"). */
export function related(a: string, b: string): boolean {
  const norm = (p: string) => p.replace(/\[(\d+)\]/g, '.$1');
  const [x, y] = [norm(a), norm(b)];
  return x === y || x.startsWith(`${y}.`) || y.startsWith(`${x}.`) || x === '' || y === '';
}

/** a.b[2].c of a path. */
export function dotted(path: Path): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}
