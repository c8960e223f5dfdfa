import { createHash } from 'node:crypto';

/**
 * A SHA-256 fingerprint of what defines an experiment (its configurations, seed, replications,
 * options): equal definitions hash equally whatever the key order, so shards and saved points of
 * one experiment recognise each other and those of another are refused.
 */
export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(canonical(value)).digest('hex');
}

/** JSON with object keys sorted at every level (undefined members left out). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
