import { createRequire } from 'node:module';
import { SATISFACTION_VARIABLES } from '../model/config.js';
import * as msg from './messages.js';

/**
 * The satisfaction formula, compiled once at load: mathjs parses it (with its own syntax and
 * precedence), every node of the tree is checked against a whitelist, and the tree is written
 * out as a plain, fully parenthesised JavaScript expression over the fixed variables
 * (model/satisfaction.ts turns it into a function). mathjs never runs on the hot path; its
 * generated function runs tens of millions of evaluations a second where mathjs's own
 * `evaluate` runs about one million (TOOLCHAIN.md). test/scenario/formula.test.ts checks that
 * both agree to 1e-12.
 *
 * mathjs costs about a second to import, so it is required lazily, only when a scenario has
 * customers (the only place a formula is read), and synchronously so loading stays synchronous.
 */
export const FORMULA_FUNCTIONS = ['min', 'max', 'exp', 'log', 'abs', 'sqrt'] as const;

/** mathjs operator function → JavaScript, binary; comparisons give 1 or 0 like mathjs's true/false in arithmetic. */
const BINARY: Record<string, (a: string, b: string) => string> = {
  add: (a, b) => `(${a} + ${b})`,
  subtract: (a, b) => `(${a} - ${b})`,
  multiply: (a, b) => `(${a} * ${b})`,
  divide: (a, b) => `(${a} / ${b})`,
  pow: (a, b) => `Math.pow(${a}, ${b})`,
  smaller: (a, b) => `(${a} < ${b} ? 1 : 0)`,
  larger: (a, b) => `(${a} > ${b} ? 1 : 0)`,
  smallerEq: (a, b) => `(${a} <= ${b} ? 1 : 0)`,
  largerEq: (a, b) => `(${a} >= ${b} ? 1 : 0)`,
  equal: (a, b) => `(${a} === ${b} ? 1 : 0)`,
  unequal: (a, b) => `(${a} !== ${b} ? 1 : 0)`,
};
const UNARY: Record<string, (a: string) => string> = {
  unaryMinus: (a) => `(-${a})`,
  unaryPlus: (a) => `(+${a})`,
};

interface MathNode {
  type: string;
  value?: unknown;
  name?: string;
  fn?: string | MathNode;
  op?: string;
  args?: MathNode[];
  content?: MathNode;
  condition?: MathNode;
  trueExpr?: MathNode;
  falseExpr?: MathNode;
}

interface MathJs {
  parse(expr: string): MathNode;
  evaluate(expr: string, scope: Record<string, number>): unknown;
}

let mathjs: MathJs | null = null;
/** mathjs, required on first use. */
export function loadMathJs(): MathJs {
  mathjs ??= createRequire(import.meta.url)('mathjs') as MathJs;
  return mathjs;
}

/** Default satisfaction score (model/satisfaction.ts documents the variables and the scale). */
export const DEFAULT_SATISFACTION_FORMULA =
  '3.2 + 1.1 * resolved - 2 * abandoned - min(waitSec, 900) / 300 - 0.7 * rushed - 0.6 * reasked - 0.5 * repeats + 0.4 * (courtesy - 3) + 0.5 * proactive - 0.4 * pitched';

/**
 * The default's compilation, written out so that a scenario with the default formula never
 * imports mathjs (0.6 s of start-up); test/scenario/formula.test.ts checks it against a fresh
 * compilation.
 */
const DEFAULT_SATISFACTION_JS =
  '((((((((((3.2) + ((1.1) * resolved)) - ((2) * abandoned)) - (Math.min(waitSec, (900)) / (300))) - ((0.7) * rushed)) - ((0.6) * reasked)) - ((0.5) * repeats)) + ((0.4) * ((courtesy - (3))))) + ((0.5) * proactive)) - ((0.4) * pitched))';

const cache = new Map<string, { js: string } | { error: string }>([[DEFAULT_SATISFACTION_FORMULA, { js: DEFAULT_SATISFACTION_JS }]]);

/** The formula as a JavaScript expression over SATISFACTION_VARIABLES, or the message of its first problem. */
export function compileFormula(formula: string): { js: string } | { error: string } {
  let out = cache.get(formula);
  if (out) return out;
  out = compileWithMathJs(formula);
  cache.set(formula, out);
  return out;
}

/** compileFormula without the cache (and without the default's precompiled form). */
export function compileWithMathJs(formula: string): { js: string } | { error: string } {
  let out: { js: string } | { error: string };
  try {
    out = { js: toJs(loadMathJs().parse(formula), formula) };
  } catch (e) {
    out = { error: e instanceof FormulaError ? e.message : msg.formulaSyntax(formula, (e as Error).message) };
  }
  return out;
}

class FormulaError extends Error {}

function toJs(node: MathNode, formula: string): string {
  const js = (n: MathNode) => toJs(n, formula);
  switch (node.type) {
    case 'ConstantNode':
      if (typeof node.value !== 'number' || !Number.isFinite(node.value)) throw new FormulaError(msg.formulaUnsupported(formula, `the constant ${String(node.value)}`));
      return `(${node.value})`;
    case 'SymbolNode':
      if (!(SATISFACTION_VARIABLES as readonly string[]).includes(node.name!)) throw new FormulaError(msg.formulaUnknownSymbol(formula, node.name!, SATISFACTION_VARIABLES));
      return node.name!;
    case 'ParenthesisNode':
      return `(${js(node.content!)})`;
    case 'ConditionalNode':
      return `(${js(node.condition!)} ? ${js(node.trueExpr!)} : ${js(node.falseExpr!)})`;
    case 'OperatorNode': {
      const fn = node.fn as string;
      const args = node.args!;
      if (args.length === 2 && BINARY[fn]) return BINARY[fn](js(args[0]!), js(args[1]!));
      if (args.length === 1 && UNARY[fn]) return UNARY[fn](js(args[0]!));
      throw new FormulaError(msg.formulaUnsupported(formula, `the operator "${node.op}"`));
    }
    case 'FunctionNode': {
      const fn = typeof node.fn === 'object' && node.fn.type === 'SymbolNode' ? node.fn.name! : '';
      const args = node.args!;
      if (!(FORMULA_FUNCTIONS as readonly string[]).includes(fn)) throw new FormulaError(msg.formulaUnknownFunction(formula, fn || 'an expression', FORMULA_FUNCTIONS));
      const many = fn === 'min' || fn === 'max';
      if (many ? args.length < 1 : args.length !== 1) throw new FormulaError(msg.formulaUnsupported(formula, `${fn} with ${args.length} arguments`));
      return `Math.${fn}(${args.map(js).join(', ')})`;
    }
    default: {
      const kind = node.type.replace(/Node$/, '').toLowerCase();
      throw new FormulaError(msg.formulaUnsupported(formula, `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} expression`));
    }
  }
}
