/**
 * What every fuzzed input must come to, checked in this process through the CLI's own functions
 * (load, replicate, runFiles, the report builder): it loads (and runs), or it is refused with a
 * ScenarioError whose every diagnostic names a field or a line — never another exception (exit 3
 * in the CLI), never a hang past a bound. Outcomes are tallied for `npm run fuzz`.
 */
import { inlineRunner } from '../../src/experiment/pool.js';
import { replicate } from '../../src/experiment/replicate.js';
import { runFiles } from '../../src/output/run-files.js';
import { ScenarioError, type Diagnostic } from '../../src/scenario/errors.js';
import { parseScenario } from '../../src/scenario/load.js';

/** Outcome → cases, over a whole fuzz run. */
export const tally = new Map<string, number>();
export function count(outcome: string): void {
  tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
}

/**
 * The tally as lines: per family of input and outcome ("one field broken: refused, exit 2,
 * naming the field"), then every case kind, most frequent first.
 */
export function tallyLines(title: string): string {
  const total = [...tally.values()].reduce((a, b) => a + b, 0);
  const families = new Map<string, number>();
  for (const [k, n] of tally) {
    const family = k.replace(/ \([^)]*\)/, '').replace(/^(\w+) with [^:]*:/, 'stored $1:').replace(/^CLI: [^:]*?(,[^:]*)?: /, (_m, cmd: string | undefined) => `CLI ${cmd ? cmd.slice(2) : 'run'}: `);
    families.set(family, (families.get(family) ?? 0) + n);
  }
  const rows = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${String(n).padStart(7)}  ${k}`);
  return `${title}: ${total} cases\n${rows(families).join('\n')}\n\nby kind of case:\n${rows(tally).join('\n')}\n`;
}

/** The bound on loading one document, and on simulating one valid one, ms. */
export const BOUND_MS = { load: 5000, run: 20_000 } as const;

export type Checked = { outcome: 'ran' | 'refused'; diagnostics: readonly Diagnostic[]; ms: number };

/** Loads `text` as `file`; when it is valid and `run`, simulates one replication and builds its outputs. */
export async function checkScenario(text: string, file: string, run: boolean): Promise<Checked> {
  const started = performance.now();
  let loaded;
  try {
    loaded = parseScenario(text, file);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e; // exit 3 in the CLI: the property fails
    const ms = performance.now() - started;
    if (ms > BOUND_MS.load) throw new Error(`refusing took ${Math.round(ms)} ms (bound ${BOUND_MS.load})`);
    for (const d of e.diagnostics) {
      if (typeof d.path !== 'string' || d.message.length === 0) throw new Error(`a diagnostic without a path or message: ${JSON.stringify(d)}`);
      if (d.path === '' && d.line === undefined && !/^(no such file|cannot read)/.test(d.message)) throw new Error(`a diagnostic naming neither a field nor a line: ${JSON.stringify(d)}`);
      if (d.file !== file) throw new Error(`a diagnostic naming another file: ${JSON.stringify(d)}`);
    }
    return { outcome: 'refused', diagnostics: e.diagnostics, ms };
  }
  if (performance.now() - started > BOUND_MS.load) throw new Error(`loading took over ${BOUND_MS.load} ms`);
  if (run) {
    const results = await replicate(loaded.config, { replications: 1, seed: loaded.scenario.seed, workers: 1 }, inlineRunner());
    const { json } = runFiles(loaded.scenario, loaded.scenario.seed, loaded.config, results);
    JSON.parse(json);
  }
  const ms = performance.now() - started;
  if (ms > BOUND_MS.run) throw new Error(`running took ${Math.round(ms)} ms (bound ${BOUND_MS.run})`);
  return { outcome: 'ran', diagnostics: [], ms };
}
