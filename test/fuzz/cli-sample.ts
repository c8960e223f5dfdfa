/**
 * A sample of the fuzz cases through the real CLI as a subprocess (~0.6 s each, so a sample):
 * scenario files (valid, one field broken, text broken) under `validate` and `run` with random
 * option sets, and stored files with one place broken under `report`, `merge` and
 * `compare --baseline`. Each must end with an allowed exit code — never 3, never a stack trace,
 * never killed by the time bound — and a refusal (exit 2) must leave no output behind.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ccsimAsync } from '../support/cli.js';
import { count } from './oracle.js';
import { brokenText, mutatedScenario, validScenario, yamlText } from './scenarios.js';
import { mutatedStored, type Kind, type StoredTexts } from './stored.js';

/** The time bound on one CLI process, ms. */
export const CLI_BOUND_MS = 90_000;

export interface CliCase {
  label: string;
  /** Files to write under the case's directory before running. */
  files: Record<string, string>;
  /** argv, with {dir} replaced by the case's directory. */
  args: string[];
  /** Exit codes that are answers (2 always is: bad input). */
  exits: number[];
  /** A path under the case's directory that a refusal must not create. */
  untouched?: string;
}

const option = <T>(values: readonly T[]) => fc.option(fc.constantFrom(...values), { nil: undefined });

/** `run` options, valid and not. */
const runOptions = fc
  .record({
    reps: option(['1', '2', '0', '-1', '1.5', 'abc', '1e9', '']),
    seed: option(['0', '7', '-1', '4294967296', 'x']),
    workers: option(['1', '0', '999', 'many']),
    out: option(['{dir}/out', '', '/proc/ccsim-fuzz/out', `{dir}/${'x'.repeat(300)}`]),
    extra: option(['--json', '--no-charts', '--rep', '--frobnicate', '--charts=maybe']),
  })
  .map((o) => [
    ...(o.reps !== undefined ? ['--reps', o.reps] : []),
    ...(o.seed !== undefined ? ['--seed', o.seed] : []),
    ...['--workers', o.workers ?? '1'],
    ...['--out', o.out ?? '{dir}/out'],
    ...(o.extra !== undefined ? [o.extra] : []),
    '--no-charts',
  ]);

/** Scenario files under `validate` or `run`. */
export const scenarioCase: fc.Arbitrary<CliCase> = fc.oneof(
  fc.record({ doc: validScenario, opts: runOptions }).map(({ doc, opts }) => ({ label: 'valid scenario, run with random options', files: { 's.yaml': yamlText(doc) }, args: ['run', '{dir}/s.yaml', ...opts], exits: [0], untouched: 'out' })),
  mutatedScenario.map(({ doc, mutation }) => ({ label: `one field broken (${mutation.kind}), run`, files: { 's.yaml': yamlText(doc) }, args: ['run', '{dir}/s.yaml', '--workers', '1', '--no-charts', '--out', '{dir}/out'], exits: [0], untouched: 'out' })),
  brokenText.map(({ text, kind }) => ({ label: `text broken (${kind}), validate`, files: { 's.yaml': text }, args: ['validate', '{dir}/s.yaml'], exits: [0] })),
);

const STORED_FILE: Partial<Record<Kind, string>> = { summary: 'summary.json', comparison: 'comparison.json', sweep: 'sweep.json', scenario: 'scenario.json' };

/** Stored files with one place broken, under report, merge and compare --baseline. */
export function storedCase(stored: StoredTexts, verdicts: { scenario: string; text: string }): fc.Arbitrary<CliCase> {
  return fc.oneof(
    mutatedStored(stored, ['summary', 'comparison', 'sweep', 'scenario']).map((m) => ({
      label: `${m.kind} with ${m.what}, report`,
      files: { [STORED_FILE[m.kind]!]: m.text, ...(m.kind === 'scenario' ? { 'summary.json': stored.texts.summary } : {}) },
      args: ['report', '{dir}', '--no-charts'],
      exits: [0],
    })),
    mutatedStored(stored, ['shard']).map((m) => ({
      label: `shard with ${m.what}, merge`,
      files: { 'shards/shard-1-of-2.json': m.text, 'shards/shard-2-of-2.json': stored.otherShard },
      args: ['merge', '{dir}/shards', '--no-charts', '--out', '{dir}/merged'],
      exits: [0],
      untouched: 'merged',
    })),
    mutatedStored({ ...stored, texts: { ...stored.texts, verdicts: verdicts.text } }, ['verdicts']).map((m) => ({
      label: `verdict file with ${m.what}, compare --baseline`,
      files: { 'v.json': m.text },
      args: ['compare', verdicts.scenario, '--baseline', '{dir}/v.json', '--workers', '1', '--no-charts', '--out', '{dir}/out'],
      exits: [0, 1],
      untouched: 'out',
    })),
  );
}

/** Runs one case in `dir`; throws when the outcome is not allowed. */
export async function runCliCase(c: CliCase, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(c.files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const args = c.args.map((a) => a.replaceAll('{dir}', dir));
  let timer: NodeJS.Timeout | undefined;
  const r = await ccsimAsync(args, { onStart: (child) => (timer = setTimeout(() => child.kill('SIGKILL'), CLI_BOUND_MS)) });
  clearTimeout(timer);
  const where = `${c.label}: ccsim ${args.join(' ').slice(0, 300)}`;
  if (r.signal !== null) throw new Error(`${where}: killed after ${CLI_BOUND_MS} ms (a hang)`);
  if (r.code !== 2 && !c.exits.includes(r.code!)) throw new Error(`${where}: exit ${r.code}\n${r.stderr.slice(0, 2000)}`);
  if (/internal error|\n\s+at /.test(r.stderr)) throw new Error(`${where}: a stack trace\n${r.stderr.slice(0, 2000)}`);
  if (r.code === 2) {
    if (!r.stderr.startsWith('ccsim: ')) throw new Error(`${where}: exit 2 without a message`);
    if (c.untouched && existsSync(join(dir, c.untouched))) throw new Error(`${where}: refused but wrote ${c.untouched}: ${readdirSync(join(dir, c.untouched)).join(', ')}`);
    if (c.args[0] === 'report' && existsSync(join(dir, 'report.html'))) throw new Error(`${where}: refused but wrote report.html`);
  }
  count(`CLI: ${c.label}: exit ${r.code}`);
}

/** Runs cases `concurrency` at a time, each in its own directory under `root`. */
export async function runCliCases(cases: readonly CliCase[], root: string, concurrency = 3): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const i = next++;
      await runCliCase(cases[i]!, join(root, `case-${i}`));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
