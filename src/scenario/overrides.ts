import * as msg from './messages.js';

/** A dot path that could not be applied, with the reason. */
export class OverrideError extends Error {}

/**
 * Applies `{ "a.b.c": value, … }` over a plain scenario object (a deep copy is returned; the input
 * is untouched). Missing intermediate mappings are created, so `{ "patience.meanSec": 60 }` on a
 * scenario without patience yields `{ patience: { meanSec: 60 } }` — which validation then
 * rejects for the missing `dist`, instead of the override vanishing silently.
 */
export function applyOverrides(base: Record<string, unknown>, set: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out = structuredClone(base);
  for (const [path, value] of Object.entries(set)) {
    const keys = path.split('.');
    if (keys.some((k) => k === '')) throw new OverrideError(msg.badOverridePath(path));
    let node: Record<string, unknown> = out;
    for (let i = 0; i < keys.length - 1; i++) {
      const key = keys[i]!;
      const next = node[key];
      if (next === undefined) node[key] = {};
      else if (typeof next !== 'object' || next === null || Array.isArray(next)) {
        throw new OverrideError(msg.overrideIntoScalar(path, keys.slice(0, i + 1).join('.')));
      }
      node = node[key] as Record<string, unknown>;
    }
    node[keys[keys.length - 1]!] = structuredClone(value);
  }
  return out;
}
