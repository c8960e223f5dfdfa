/**
 * YAML text → a plain value, with a way back from any field path to its line:column: the first
 * stage of scenario loading, written to stay linear and bounded on hostile input.
 *
 *   text ─line ends (CR only is refused)─▶ ─flow depth (lexer, stops early)─▶ yaml parseDocument
 *     ─toPlain: anchors and aliases resolved here, in one pass─▶ plain value + locate(path)
 *
 * Why not the yaml library's own `toJS`: it resolves each alias by scanning every anchor and alias
 * before it (quadratic in the number of aliases), throws a bare ReferenceError with no position
 * for an undefined alias or an alias bomb, and builds cyclic values for an alias inside its own
 * anchor. Here one walk in document order keeps the anchors seen so far in a map, refuses an
 * undefined or self-enclosing alias at its line:column, and counts the values the aliases expand
 * to (what validation will walk), refusing more than YAML_LIMITS.values. A key given twice is
 * found here with a set per mapping (the parser's own `uniqueKeys` check compares each key with
 * every earlier one: quadratic). Keys are set as own
 * properties and `__proto__` is refused (a record would silently drop it), and nesting is bounded.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { Diagnostic } from './errors.js';
import * as msg from './messages.js';

export const YAML_LIMITS = {
  /** Nesting of mappings and lists; a scenario needs about 6. */
  depth: 64,
  /** Values (scalars, mappings, lists) once aliases are expanded; a large scenario has a few thousand. */
  values: 1_000_000,
} as const;

type Path = readonly PropertyKey[];

export interface Position {
  line?: number;
  column?: number;
}

/** A parsed document: its plain value, or the problems that stopped it. */
export type ParsedYaml =
  | { ok: true; value: unknown; locate: (path: Path, atKey?: boolean) => Position }
  | { ok: false; problems: Diagnostic[] };

/** Thrown inside the walk; turned into one diagnostic at the node's position. */
class WalkProblem extends Error {
  constructor(
    readonly offset: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Parses `text` (from `file`) into a plain value; never throws for bad input. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lines = new LineCounter();
  const at = (offset: number | undefined): Position => {
    if (offset === undefined) return {};
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const fail = (offset: number | undefined, message: string): ParsedYaml => ({ ok: false, problems: [{ file, ...positionIn(text, offset), path: '', message }] });

  const cr = /\r(?!\n)/.exec(text);
  if (cr) return fail(cr.index, msg.crLineEnds());
  const deep = flowTooDeep(text);
  if (deep !== undefined) return fail(deep, msg.nestedTooDeep(YAML_LIMITS.depth));

  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const first = e.message.split('\n')[0]!;
        const message = /Maximum call stack/.test(first) ? msg.nestedTooDeep(YAML_LIMITS.depth) : msg.yamlSyntax(first);
        return { file, ...at(e.pos[0]), path: '', message };
      }),
    };
  }
  if (doc.contents === null) return fail(text.length === 0 ? undefined : 0, text.trim() === '' ? msg.emptyFile() : msg.emptyDocument());
  let value: unknown;
  try {
    value = toPlain(doc);
  } catch (e) {
    if (e instanceof WalkProblem) return { ok: false, problems: [{ file, ...at(e.offset), path: '', message: e.message }] };
    throw e;
  }
  const index = new WeakMap<object, Map<string, Pair>>();
  return { ok: true, value, locate: (path, atKey) => at(nodeAt(doc, path, index, atKey)?.range?.[0]) };
}

/** line:column of an offset counted directly (for problems found before the parser runs). */
function positionIn(text: string, offset: number | undefined): Position {
  if (offset === undefined) return { line: 1, column: 1 };
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * The offset where flow collections (`[`, `{`) nest deeper than YAML_LIMITS.depth, if they do.
 * The parser recurses per level and takes seconds per megabyte of brackets before it gives up;
 * the lexer is iterative and this stops at the first level too many.
 */
function flowTooDeep(text: string): number | undefined {
  let brackets = 0;
  for (let i = text.indexOf('['); i !== -1 && brackets <= YAML_LIMITS.depth; i = text.indexOf('[', i + 1)) brackets++;
  for (let i = text.indexOf('{'); i !== -1 && brackets <= YAML_LIMITS.depth; i = text.indexOf('{', i + 1)) brackets++;
  if (brackets <= YAML_LIMITS.depth) return undefined;
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      if (++depth > YAML_LIMITS.depth) return offset;
    } else if (token === ']' || token === '}') depth--;
    // The lexer interleaves one-character control tokens (document start, scalar marks) that
    // are not in the text.
    if (!/^[\x00-\x08\x0e-\x1f]$/.test(token)) offset += token.length;
  }
  return undefined;
}

/** The plain value of a document, aliases resolved and counted (see the file comment). */
function toPlain(doc: Document): unknown {
  const anchors = new Map<string, Node>();
  const done = new Map<Node, { value: unknown; size: number }>();
  const open = new Set<Node>();
  let total = 0;
  const count = (n: number, offset: number | undefined) => {
    total += n;
    if (total > YAML_LIMITS.values) throw new WalkProblem(offset, msg.aliasExpansion(YAML_LIMITS.values));
  };

  const walk = (node: unknown, depth: number): { value: unknown; size: number } => {
    if (depth > YAML_LIMITS.depth) throw new WalkProblem((node as Node | null)?.range?.[0], msg.nestedTooDeep(YAML_LIMITS.depth));
    if (node === null || node === undefined) {
      count(1, undefined);
      return { value: null, size: 1 };
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) throw new WalkProblem(node.range?.[0], msg.undefinedAlias(node.source));
      if (open.has(target)) throw new WalkProblem(node.range?.[0], msg.aliasCycle(node.source));
      const resolved = done.get(target)!;
      count(resolved.size, node.range?.[0]);
      return resolved;
    }
    const n = node as Node;
    if (n.anchor) {
      anchors.set(n.anchor, n);
      open.add(n);
    }
    let result: { value: unknown; size: number };
    if (isScalar(n)) {
      count(1, n.range?.[0]);
      result = { value: n.value, size: 1 };
    } else if (isSeq(n)) {
      count(1, n.range?.[0]);
      const list: unknown[] = [];
      let size = 1;
      for (const item of n.items) {
        const r = walk(item, depth + 1);
        list.push(r.value);
        size += r.size;
      }
      result = { value: list, size };
    } else if (isMap(n)) {
      count(1, n.range?.[0]);
      const object: Record<string, unknown> = {};
      const seen = new Set<string>();
      let size = 1;
      for (const pair of n.items) {
        const key = walk(pair.key, depth + 1);
        const keyAt = (pair.key as Node | null)?.range?.[0];
        if (typeof key.value === 'object' && key.value !== null) throw new WalkProblem(keyAt, msg.keyNotScalar());
        if (seen.has(String(key.value))) throw new WalkProblem(keyAt, msg.duplicateKey(String(key.value)));
        // Never a key: validating it would set an object's prototype, and a record (a policy's
        // set, issues per reason) would silently drop it.
        if (String(key.value) === '__proto__') throw new WalkProblem(keyAt, msg.protoKey());
        seen.add(String(key.value));
        const r = walk(pair.value, depth + 1);
        Object.defineProperty(object, String(key.value), { value: r.value, enumerable: true, writable: true, configurable: true });
        size += key.size + r.size;
      }
      result = { value: object, size };
    } else throw new WalkProblem(n.range?.[0], msg.yamlSyntax('unsupported YAML node'));
    if (n.anchor) {
      open.delete(n);
      done.set(n, result);
    }
    return result;
  };
  return walk(doc.contents, 0).value;
}

/**
 * The YAML node for `path`: a scalar value itself, or the key of a mapping or list value (so the
 * line is the one the user wrote the key on); the nearest existing ancestor when the path is
 * missing (a required key). With `atKey`, the last key itself even for a scalar value (an unknown
 * key). Each mapping's keys are indexed once (`index`), so locating every one of n problems costs
 * O(n), not O(n²) as a scan per problem would.
 */
function nodeAt(doc: Document, path: Path, index: WeakMap<object, Map<string, Pair>>, atKey = false): Node | undefined {
  let node: unknown = doc.contents;
  let found = node as Node | undefined;
  for (const [i, seg] of path.entries()) {
    if (isMap(node)) {
      let keys = index.get(node);
      if (!keys) {
        keys = new Map();
        for (const p of node.items) if (isPair(p) && isScalar(p.key) && !keys.has(String(p.key.value))) keys.set(String(p.key.value), p as Pair);
        index.set(node, keys);
      }
      const pair = keys.get(String(seg));
      if (!pair) return found;
      node = pair.value;
      found = (isScalar(node) && !(atKey && i === path.length - 1) ? node : pair.key) as Node;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      node = node.items[seg];
      found = node as Node;
    } else return found;
  }
  return found;
}
