/**
 * The YAML stage on hostile input: aliases, nesting, odd keys and many problems at once are
 * refused at a line:column (exit 2 in the CLI), never thrown as a bare error, and in time
 * linear in the size of the file.
 */
import { describe, expect, it } from 'vitest';
import { moreDiagnostics, ScenarioError, SHOWN_DIAGNOSTICS } from '../../src/scenario/errors.js';
import { parseScenario } from '../../src/scenario/load.js';
import * as msg from '../../src/scenario/messages.js';
import { YAML_LIMITS } from '../../src/scenario/yaml.js';
import { editLines, scenarioProblems } from '../support/scenario.js';

const BASE = [
  'name: t', //                                         line 1
  'horizon: { hours: 2 }', //                           line 2
  'arrivals: { ratePerHour: 60 }', //                   line 3
  'handleTime: { dist: exponential, meanSec: 120 }', // line 4
  'staffing:', //                                       line 5
  '  agents: 5', //                                     line 6
];
const yaml = (replace: Record<number, string> = {}, ...append: string[]) => editLines(BASE, replace, ...append);

/** A billion-laughs document: each level repeats the one before ten times. */
function aliasBomb(levels: number): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

describe('aliases', () => {
  it('resolves an alias to the anchored value, as YAML defines it', () => {
    const { scenario } = parseScenario(yaml({ 4: 'handleTime: &h { dist: exponential, meanSec: 120 }' }, 'patience: *h'), 'f.yaml');
    expect(scenario.patience).toEqual({ dist: 'exponential', meanSec: 120 });
  });

  it('refuses an alias with no anchor before it, at the alias', () => {
    const [d, ...rest] = scenarioProblems(yaml({}, 'x: *nope'));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ line: 7, column: 4, message: msg.undefinedAlias('nope') });
  });

  it('refuses an alias used before its anchor', () => {
    expect(scenarioProblems(yaml({ 6: '  agents: *n' }, 'x: &n 5'))[0]).toMatchObject({ line: 6, column: 11, message: msg.undefinedAlias('n') });
  });

  it('refuses an alias inside its own anchor (a value containing itself)', () => {
    expect(scenarioProblems(yaml({}, 'x: &loop [1, *loop]'))[0]).toMatchObject({ line: 7, column: 14, message: msg.aliasCycle('loop') });
  });

  it('refuses an alias bomb quickly, naming the limit, instead of expanding it', () => {
    const started = performance.now();
    const [d] = scenarioProblems(aliasBomb(9));
    expect(d!.message).toBe(msg.aliasExpansion(YAML_LIMITS.values));
    expect(d!.line).toBeGreaterThan(1);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('resolves many aliases of one anchor in linear time', () => {
    const many = yaml({}, 'x: &v 1', `y: [${Array.from({ length: 50_000 }, () => '*v').join(', ')}]`);
    const started = performance.now();
    expect(scenarioProblems(many).map((d) => d.path)).toEqual(['x', 'y']);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('nesting, keys and size', () => {
  it(`refuses flow collections nested more than ${YAML_LIMITS.depth} levels, at the first level too deep`, () => {
    const d = scenarioProblems(`x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    expect(d).toEqual([{ file: 'f.yaml', line: 1, column: 4 + YAML_LIMITS.depth, path: '', message: msg.nestedTooDeep(YAML_LIMITS.depth) }]);
  });

  it('refuses block mappings nested too deep', () => {
    const deep = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}a${i}:`).join('\n');
    expect(scenarioProblems(`${deep} 1\n`)[0]!.message).toBe(msg.nestedTooDeep(YAML_LIMITS.depth));
  });

  it('refuses a __proto__ key anywhere, never setting a prototype or dropping it silently from a record', () => {
    for (const text of [yaml({}, '__proto__: { name: evil }'), yaml({}, 'policies:', '  - { name: p, set: { __proto__: 1 } }')]) {
      expect(scenarioProblems(text)).toEqual([expect.objectContaining({ path: '', message: msg.protoKey() })]);
    }
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });

  it('treats constructor as an unknown key like any other', () => {
    expect(scenarioProblems(yaml({}, 'constructor: 1')).map((d) => [d.line, d.path])).toEqual([[7, 'constructor']]);
  });

  it('refuses a policy override through __proto__, which would reach Object.prototype', () => {
    const [d] = scenarioProblems(yaml({}, 'policies:', '  - { name: p, set: { "__proto__.polluted": 1 } }'));
    expect(d!.message).toContain(msg.protoInPath('__proto__.polluted'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a mapping or a list as a key', () => {
    expect(scenarioProblems(yaml({}, '? [a, b]', ': 1'))[0]).toMatchObject({ line: 7, message: msg.keyNotScalar() });
  });

  it('reports 100,000 unknown keys in linear time, each at its line', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: 1`).join('\n');
    const started = performance.now();
    let error: ScenarioError | undefined;
    try {
      parseScenario(`${yaml()}${keys}\n`, 'f.yaml');
    } catch (e) {
      error = e as ScenarioError;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error!.diagnostics).toHaveLength(100_000);
    expect(error!.diagnostics[99_999]).toMatchObject({ line: 100_006, column: 1, path: 'k99999' });
    expect(performance.now() - started).toBeLessThan(20_000);
    // The message lists a screenful and counts the rest.
    expect(error!.message.split('\n')).toHaveLength(SHOWN_DIAGNOSTICS + 1);
    expect(error!.message.endsWith(moreDiagnostics(100_000 - SHOWN_DIAGNOSTICS))).toBe(true);
  }, 60_000);
});
