/**
 * The layering of STYLE.md, checked by reading the sources: imports point one way, and nothing
 * below the CLI reaches for global randomness, the wall clock, argv or the exit code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './support/cli.js';

const SRC = join(REPO, 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const sources = files(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));
const layer = (path: string) => (path.includes('/') ? path.split('/')[0]! : path.replace(/\.ts$/, ''));
/** The CLI is cli.ts and the command modules under cli/. */
const isCli = (path: string) => layer(path) === 'cli';

/** Relative imports of a file, resolved to paths under src/. */
function importsOf(file: { path: string; text: string }): string[] {
  const out: string[] = [];
  for (const m of file.text.matchAll(/(?:import|export)[^'"]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g)) {
    const spec = m[1] ?? m[2]!;
    out.push(relative(SRC, join(SRC, file.path, '..', spec)).replace(/\.js$/, '.ts'));
  }
  return out;
}

/** Which layers each layer may import (itself always). */
const ALLOWED: Record<string, string[]> = {
  analytic: [],
  engine: [],
  model: ['engine'],
  scenario: ['engine', 'model'],
  experiment: ['engine', 'model', 'analytic'],
  // fit: call logs → estimates → scenario text and fit JSON (pure); the backtest runs the
  // fitted scenario, so it reads scenarios and runs experiments.
  fit: ['engine', 'analytic', 'model', 'scenario', 'experiment'],
  output: ['experiment', 'model', 'analytic', 'engine', 'fit'],
  index: ['analytic', 'engine', 'model', 'scenario', 'experiment', 'output', 'fit'],
  cli: ['analytic', 'engine', 'model', 'scenario', 'experiment', 'output', 'fit'],
};

describe('architecture', () => {
  it('finds the sources it checks', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it('keeps imports pointing one way: engine and analytic import nothing of ours, model only the engine', () => {
    const violations = sources.flatMap((f) =>
      importsOf(f)
        .filter((target) => layer(target) !== layer(f.path) && !(ALLOWED[layer(f.path)] ?? []).includes(layer(target)))
        .map((target) => `${f.path} → ${target}`),
    );
    expect(violations).toEqual([]);
  });

  it('lets the scenario layer know only the model config and the naming rule, not the simulation', () => {
    // shift-move: how a shift's start decision moves its end and breaks, a rule of the scenario's
    // shape that the optimiser (experiment/, which may not import scenario/) shares; no simulation.
    const known = ['model/config.ts', 'model/names.ts', 'model/shift-move.ts'];
    const reach = sources
      .filter((f) => layer(f.path) === 'scenario')
      .flatMap((f) => importsOf(f).filter((t) => layer(t) === 'model' && !known.includes(t)).map((t) => `${f.path} → ${t}`));
    expect(reach).toEqual([]);
  });

  it('keeps file I/O out of the fitter: it parses text and returns text', () => {
    const bad = sources.filter((f) => layer(f.path) === 'fit' && /from 'node:fs'|from 'fs'|readFileSync|writeFileSync/.test(f.text)).map((f) => f.path);
    expect(bad).toEqual([]);
  });

  it('has no import cycles, type-only imports included', () => {
    const graph = new Map(sources.map((f) => [f.path, importsOf(f).filter((t) => t !== f.path)]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, path: string[]) => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
        return;
      }
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });

  it('uses no global randomness or wall clock below the CLI', () => {
    // `new Date()` reads the clock; `new Date(Date.UTC(…))`, a fixed instant, does not (output/xlsx.ts).
    const bad = sources.filter((f) => !isCli(f.path) && /Math\.random|Date\.now|new Date\(\s*\)/.test(f.text)).map((f) => f.path);
    expect(bad).toEqual([]);
  });

  it('reads argv, prints and sets exit codes only in the CLI', () => {
    const bad = sources
      .filter((f) => !isCli(f.path) && /process\.(argv|exit|exitCode|stdout|stderr)|console\./.test(f.text))
      .map((f) => f.path);
    expect(bad).toEqual([]);
  });
});
