/**
 * The bundled scenarios/staffing-by-profit.yaml (200,000 subscribers, a baseline of 12 agents,
 * lean 9 and generous 16), cut short for tests: the file's own keys with a few replaced (the
 * horizon, a warm-up), re-read through the real loader so its policies follow.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { parseScenario, type LoadedScenario } from '../../src/scenario/load.js';
import { REPO } from '../support/cli.js';

export const LIFECYCLE_FILE = join(REPO, 'scenarios', 'staffing-by-profit.yaml');

/** The scenario's YAML with top-level keys replaced, e.g. { horizon: { months: 3 } }. */
export function lifecycleText(changes: Readonly<Record<string, unknown>>): string {
  const doc = parse(readFileSync(LIFECYCLE_FILE, 'utf8')) as Record<string, unknown>;
  return stringify({ ...doc, ...changes });
}

export function lifecycleScenario(changes: Readonly<Record<string, unknown>>): LoadedScenario {
  return parseScenario(lifecycleText(changes), 'staffing-by-profit (cut short)');
}
