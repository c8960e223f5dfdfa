/**
 * The satisfaction formula: compiled once from mathjs's syntax tree into plain JavaScript,
 * checked node by node, and equal to mathjs's own evaluation (the reference) to 1e-12.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SATISFACTION_VARIABLES } from '../../src/model/config.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { compileFormula, compileWithMathJs, FORMULA_FUNCTIONS, loadMathJs } from '../../src/scenario/formula.js';
import { parseScenario } from '../../src/scenario/load.js';
import * as msg from '../../src/scenario/messages.js';
import { DEFAULT_SATISFACTION_FORMULA } from '../../src/scenario/schema.js';

const compile = (formula: string) => {
  const out = compileFormula(formula);
  if ('error' in out) throw new Error(out.error);
  return new Function(...SATISFACTION_VARIABLES, `return ${out.js};`) as (...args: number[]) => number;
};

const FORMULAS = [
  DEFAULT_SATISFACTION_FORMULA,
  '5 - 2 * abandoned - (waitSec > 60 ? 1 : 0) - 0.5 * repeats',
  'resolved ? 4 + 0.2 * (courtesy - 3) : 2 - min(waitSec, 300) / 300',
  '-handleMin^2 / 100 + exp(-waitSec / 120) + log(1 + waitSec) - abs(courtesy - 4) + sqrt(waitSec)',
  'max(1, min(5, 3 + resolved - rushed * reasked + (transferred == 1) - (repeats >= 2) + (courtesy != 3) + (waitSec <= 20) + (waitSec < 5)))',
  '2 waitSec / 60 + +1',
];

const facts = fc.record({
  waitSec: fc.double({ min: 0, max: 3600, noNaN: true }),
  abandoned: fc.constantFrom(0, 1),
  resolved: fc.constantFrom(0, 1),
  rushed: fc.constantFrom(0, 1),
  reasked: fc.constantFrom(0, 1),
  repeats: fc.integer({ min: 0, max: 5 }),
  transferred: fc.constantFrom(0, 1),
  handleMin: fc.double({ min: 0, max: 120, noNaN: true }),
  courtesy: fc.double({ min: 1, max: 5, noNaN: true }),
  proactive: fc.constantFrom(0, 1),
  pitched: fc.constantFrom(0, 1),
  calledBack: fc.constantFrom(0, 1),
});

describe('the compiled satisfaction formula', () => {
  it.each(FORMULAS)('agrees with mathjs evaluate to 1e-12 on random contacts: %s', (formula) => {
    const f = compile(formula);
    const math = loadMathJs();
    fc.assert(
      fc.property(facts, (scope) => {
        const expected = Number(math.evaluate(formula, { ...scope }));
        const got = f(...SATISFACTION_VARIABLES.map((v) => scope[v]));
        expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
      }),
      { numRuns: 300 },
    );
  });

  it('ships the default formula precompiled, equal to its compilation through mathjs', () => {
    expect(compileFormula(DEFAULT_SATISFACTION_FORMULA)).toEqual(compileWithMathJs(DEFAULT_SATISFACTION_FORMULA));
  });

  it('refuses an unknown variable, naming it and the variables', () => {
    expect(compileFormula('3 + wait')).toEqual({ error: msg.formulaUnknownSymbol('3 + wait', 'wait', SATISFACTION_VARIABLES) });
  });

  it('refuses a function outside the whitelist, and other node kinds', () => {
    expect(compileFormula('sin(waitSec)')).toEqual({ error: msg.formulaUnknownFunction('sin(waitSec)', 'sin', FORMULA_FUNCTIONS) });
    expect(compileFormula('x = 3')).toEqual({ error: msg.formulaUnsupported('x = 3', 'an assignment expression') });
    expect(compileFormula('[1, 2]')).toEqual({ error: msg.formulaUnsupported('[1, 2]', 'an array expression') });
    expect(compileFormula('waitSec!')).toEqual({ error: msg.formulaUnsupported('waitSec!', 'the operator "!"') });
  });

  it('reports a syntax error with mathjs\'s position', () => {
    expect(compileFormula('3 +* resolved')).toEqual({ error: msg.formulaSyntax('3 +* resolved', 'Value expected (char 4)') });
  });

  it('points the scenario diagnostic at the formula\'s line and column', () => {
    const text = [
      'name: t',
      'horizon: { months: 1 }',
      'arrivals: {}',
      'handleTime: { dist: exponential, meanSec: 120 }',
      'staffing: { agents: 5 }',
      'customers: { initial: 100, issuesPerMonth: 1, baseChurnPerMonth: 0.01 }',
      'satisfaction:',
      '  formula: 4 - waiting / 60',
    ].join('\n');
    try {
      parseScenario(text, 'f.yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      expect((e as ScenarioError).diagnostics).toEqual([
        { file: 'f.yaml', line: 8, column: 12, path: 'satisfaction.formula', message: msg.formulaUnknownSymbol('4 - waiting / 60', 'waiting', SATISFACTION_VARIABLES) },
      ]);
    }
  });
});
