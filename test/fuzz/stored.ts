/**
 * Stored files for fuzzing: real ones written by the current code (a lifecycle run and
 * comparison, a sweep and its two shards, a verdict file, scenario.json, a manifest), each
 * mutated at one place of its JSON, and what every reader must come to: the value is used (the
 * report page and chart specs built from it, a merge, a verdict check), or it is refused with a
 * StoredFileError or MergeError naming the file and the field — never another exception.
 */
import fc from 'fast-check';
import type { Comparison } from '../../src/experiment/compare.js';
import { chartSpecs } from '../../src/output/charts/index.js';
import { comparisonJson } from '../../src/output/comparison.js';
import { parseStored, scenarioJson, type StoredKind } from '../../src/output/report-files.js';
import { renderReport } from '../../src/output/report.js';
import { manifestJson, readManifest } from '../../src/output/stored/manifest.js';
import { StoredFileError } from '../../src/output/stored/read.js';
import { MergeError, mergeShards, shardJson, sweepCsv, sweepJson, sweepTable } from '../../src/output/sweep.js';
import { parseVerdicts, verdictChanges, verdictsJson } from '../../src/output/verdicts.js';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { compare } from '../../src/experiment/compare.js';
import { inlineRunner } from '../../src/experiment/pool.js';
import { replicate } from '../../src/experiment/replicate.js';
import { summarize } from '../../src/experiment/summary.js';
import { summaryJson } from '../../src/output/summary.js';
import { LIFECYCLE_FILE, lifecycleScenario } from '../experiment/lifecycle.js';
import { staffingSweep } from '../output/chart-fixtures.js';
import { count } from './oracle.js';
import { dotted, pathsOf, related } from './scenarios.js';
import { optimizeJson, type OptimizeResult } from '../../src/output/optimize.js';
import { optimizeText } from '../support/optimize.js';

export type Kind = StoredKind | 'shard' | 'verdicts' | 'manifest';

export interface StoredTexts {
  texts: Record<Kind, string>;
  /** The second shard, which the mutated first one is merged with. */
  otherShard: string;
  comparison: Comparison;
}

/**
 * The lifecycle scenario (customers, satisfaction, months: every optional block of the outputs)
 * at two months of a base of 20,000, so that its run and comparison take a second or two.
 */
function smallLifecycle() {
  const doc = parse(readFileSync(LIFECYCLE_FILE, 'utf8')) as { customers: Record<string, unknown> };
  return lifecycleScenario({ horizon: { months: 2 }, customers: { ...doc.customers, initial: 20_000 } });
}

/** Real stored files of every kind, as the current code writes them (a few seconds of simulation). */
export async function storedTexts(): Promise<StoredTexts> {
  const life = smallLifecycle();
  const summary = summarize('staffing-by-profit', 5, life.config, await replicate(life.config, { replications: 2, seed: 5, workers: 1 }, inlineRunner()));
  const comparison = await compare(life.policies, { scenario: 'staffing-by-profit', seed: 5, replications: 2 }, inlineRunner());
  const sweep = await staffingSweep([{ key: 'staffing.agents', values: [14, 15, 16] }]);
  const half = (k: number) => shardJson(sweep, { k, n: 2 }, sweep.results.filter((p) => p.index % 2 === k - 1));
  const optimize = await smallOptimization();
  return {
    texts: {
      summary: summaryJson(summary),
      comparison: comparisonJson(comparison),
      sweep: sweepJson(sweep),
      optimize: optimizeJson(optimize),
      scenario: scenarioJson({ name: 'staffing-by-profit', description: 'cut short', file: 'x.yaml', source: 'name: x\n' }),
      shard: half(1),
      verdicts: verdictsJson(comparison),
      manifest: manifestJson({ scenario: 'staffing-by-profit', results: { summary: ['summary.json', 'days.csv'], comparison: ['comparison.json'] } }),
    },
    otherShard: half(2),
    comparison,
  };
}

/** A whole optimisation of a small M/M/c center (waiting priced, one decision), as optimize.json holds it. */
async function smallOptimization(): Promise<OptimizeResult> {
  const text = [
    'name: mmc',
    'seed: 7',
    'horizon: { days: 2 }',
    'warmup: { days: 1 }',
    'arrivals: { ratePerHour: 40 }',
    'handleTime: { dist: exponential, meanSec: 360 }',
    'staffing: { agents: 9, wagePerHour: 20 }',
    'economics: { waitingCostPerMinute: 1 }',
    'optimize:',
    '  objective: cost',
    '  vary: { staffing.agents: { min: 4, max: 12 } }',
    '  require: ["serviceLevel >= 0.5"]',
    '',
  ].join('\n');
  const { outcome, start } = await optimizeText(text, { start: 'scenario', replications: 4, budget: 6, maxReplications: 8 });
  return {
    ...outcome,
    objective: 'cost',
    scenario: 'mmc',
    seed: 7,
    replications: 4,
    budget: 6,
    maxReplications: 8,
    require: ['serviceLevel >= 0.5'],
    vary: { 'staffing.agents': { min: 4, max: 12, step: 1 } },
    start: { method: start.method, set: { 'staffing.agents': 9 }, notes: start.notes, requirement: start.requirement },
    fingerprint: '0'.repeat(64),
  };
}

const deep = (levels: number): unknown => {
  let v: unknown = 0;
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
};

/** What a mutation puts in place of a JSON value. */
const JUNK: readonly [string, () => unknown][] = [
  ['null', () => null],
  ['text', () => 'x'],
  ['path text', () => '../../../../tmp/x'],
  ['negative', () => -1],
  ['zero', () => 0],
  ['fraction', () => 0.5],
  ['huge', () => 1e9],
  ['enormous', () => 1e308],
  ['list', () => []],
  ['long list', () => Array.from({ length: 20_000 }, () => 0)],
  ['mapping', () => ({})],
  ['boolean', () => true],
  ['deep', () => deep(40)],
  ['long text', () => 'y'.repeat(20_000)],
];

export type StoredMutation = { kind: Kind; text: string; path: string; what: string };

/** One stored file of `kinds` with one place of its JSON replaced, deleted, or given an unknown key. */
export function mutatedStored(stored: StoredTexts, kinds: readonly Kind[]): fc.Arbitrary<StoredMutation> {
  const values = new Map(kinds.map((k) => [k, JSON.parse(stored.texts[k]) as unknown]));
  const paths = new Map(kinds.map((k) => [k, pathsOf(values.get(k))]));
  return fc
    .record({ kind: fc.constantFrom(...kinds), pick: fc.nat(), how: fc.integer({ min: 0, max: JUNK.length + 1 }) })
    .map(({ kind, pick, how }) => {
      const ps = paths.get(kind)!;
      const path = ps[pick % ps.length]!;
      const copy = structuredClone(values.get(kind)) as any;
      const parent = path.slice(0, -1).reduce((v: any, k) => v[k], copy);
      const last = path[path.length - 1]!;
      let what: string;
      if (how < JUNK.length) {
        parent[last] = JUNK[how]![1]();
        what = JUNK[how]![0];
      } else if (how === JUNK.length && !Array.isArray(parent)) {
        delete parent[last];
        what = 'deleted';
      } else {
        const target = typeof parent[last] === 'object' && parent[last] !== null && !Array.isArray(parent[last]) ? parent[last] : parent;
        if (!Array.isArray(target)) target.unknownKey = 1;
        what = 'unknown key';
      }
      return { kind, text: JSON.stringify(copy, null, 2), path: dotted(path), what };
    });
}

const FILE: Record<Kind, string> = {
  summary: 'summary.json',
  comparison: 'comparison.json',
  sweep: 'sweep.json',
  optimize: 'optimize.json',
  scenario: 'scenario.json',
  shard: 'shard-1-of-2.json',
  verdicts: 'v.json',
  manifest: '.ccsim-manifest.json',
};

/** Reads a mutated stored file as its readers do; throws only for what would be exit 3. */
export function checkStored(stored: StoredTexts, m: StoredMutation): void {
  const file = FILE[m.kind];
  try {
    switch (m.kind) {
      case 'summary':
      case 'comparison':
      case 'sweep':
      case 'optimize':
      case 'scenario': {
        const value = parseStored(m.kind as never, file, m.text) as never;
        const results = m.kind === 'scenario' ? {} : { [m.kind]: value };
        for (const c of chartSpecs(results)) JSON.stringify(c.spec);
        renderReport({ scenario: m.kind === 'scenario' ? value : { name: 'x' }, ...results, charts: null });
        if (m.kind === 'sweep') sweepCsv(value);
        break;
      }
      case 'shard': {
        const merged = mergeShards([{ file, text: m.text }, { file: 'shard-2-of-2.json', text: stored.otherShard }], ['d']);
        sweepJson(merged);
        sweepCsv(merged);
        sweepTable(merged);
        break;
      }
      case 'verdicts':
        verdictChanges(parseVerdicts(m.text, file), stored.comparison);
        break;
      case 'manifest':
        readManifest(file, m.text);
        break;
    }
    count(`${m.kind} with ${m.what}: read and used`);
  } catch (e) {
    const inner = e instanceof MergeError ? (e.cause as unknown) : e;
    if (!(e instanceof StoredFileError || e instanceof MergeError)) throw e; // exit 3 in the CLI
    if (!e.message.startsWith(file)) throw new Error(`a refusal not naming the file: ${e.message}`);
    const path = inner instanceof StoredFileError ? inner.path : undefined;
    const named = path === undefined ? 'a merge check' : path === '' ? 'the file as a whole' : related(path, m.path) ? 'the field' : 'a field a check points at';
    count(`${m.kind} with ${m.what}: refused, exit 2, naming ${named}`);
  }
}
