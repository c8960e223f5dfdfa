import { splitDotPath } from '../engine/dot-path.js';
import * as msg from './messages.js';

/** A dot path that could not be applied, with the reason. */
export class OverrideError extends Error {}

/**
 * Applies `{ "a.b.c": value, … }` over a plain scenario object (a deep copy is returned; the input
 * is untouched). Missing intermediate mappings are created, so `{ "patience.meanSec": 60 }` on a
 * scenario without patience yields `{ patience: { meanSec: 60 } }` — which validation then
 * rejects for the missing `dist`, instead of the override vanishing silently. Inside a list a
 * key picks the item with that `name` (`groups.tier1.wagePerHour`) or, if no item has names, the
 * item at that index from 0 (`reasons.0.resolveProb`); anything else is an error naming the items.
 */
export function applyOverrides(base: Record<string, unknown>, set: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out = structuredClone(base);
  for (const [path, value] of Object.entries(set)) {
    const keys = splitDotPath(path);
    if (keys === null) throw new OverrideError(msg.badOverridePath(path));
    // Own keys only: "constructor" must not find Object's, and "__proto__" would reach Object.prototype.
    if (keys.includes('__proto__')) throw new OverrideError(msg.protoInPath(path));
    let node: Record<string, unknown> = out;
    for (let i = 0; i < keys.length - 1; i++) {
      const key = keys[i]!;
      const next = Array.isArray(node) ? listItem(node, key, path, keys.slice(0, i + 1).join('.')) : Object.hasOwn(node, key) ? node[key] : undefined;
      if (next === undefined) node[key] = {};
      else if (typeof next !== 'object' || next === null) {
        throw new OverrideError(msg.overrideIntoScalar(path, keys.slice(0, i + 1).join('.')));
      }
      node = (Array.isArray(node) ? next : node[key]) as Record<string, unknown>;
    }
    const last = keys[keys.length - 1]!;
    if (Array.isArray(node)) {
      const items = node as unknown[];
      listItem(items, last, path, keys.join('.'));
      items[listIndex(items, last)] = structuredClone(value);
    } else node[last] = structuredClone(value);
  }
  return out;
}

/**
 * The value at a dot path of a plain scenario object, read the way `applyOverrides` writes it
 * (list items by name, or by index where items have none); undefined where nothing is there.
 */
export function readOverride(base: unknown, path: string): unknown {
  const keys = splitDotPath(path);
  if (keys === null) return undefined;
  let node: unknown = base;
  for (const key of keys) {
    if (Array.isArray(node)) node = node[listIndex(node, key)];
    else if (typeof node === 'object' && node !== null) node = (node as Record<string, unknown>)[key];
    else return undefined;
  }
  return node;
}

/** The index of the list item `key` names: by its `name`, or by position when no item has one; −1: none. */
function listIndex(list: readonly unknown[], key: string): number {
  const named = list.some((x) => typeof x === 'object' && x !== null && 'name' in x);
  if (named) return list.findIndex((x) => typeof x === 'object' && x !== null && (x as { name?: unknown }).name === key);
  return /^\d+$/.test(key) && Number(key) < list.length ? Number(key) : -1;
}

function listItem(list: readonly unknown[], key: string, path: string, at: string): unknown {
  const i = listIndex(list, key);
  if (i < 0) {
    const names = list.map((x, j) => (typeof x === 'object' && x !== null && typeof (x as { name?: unknown }).name === 'string' ? (x as { name: string }).name : String(j)));
    throw new OverrideError(msg.noListItem(path, at, names));
  }
  return list[i];
}
