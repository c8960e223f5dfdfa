/**
 * Golden outputs: every bundled scenario, shortened, run for one replication through the CLI;
 * its summary.json is committed under test/golden/ and checked byte for byte by
 * test/golden/golden.test.ts, so any change in results shows in review. `npm run golden:update`
 * rewrites them (scripts/golden-update.ts) — after checking the change is meant.
 *
 * Each scenario is shortened to keep the files small and the test fast: a month where the file
 * runs months (customer scenarios: one month of the lifecycle, every mechanism exercised), a few
 * days where it runs days. The shortening is written into a copy of the file with the YAML
 * library, so comments and every other key are the file's own.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { ccsimAsync, REPO } from '../support/cli.js';

/** The horizon (and warm-up) each bundled scenario is shortened to; null: run as it is. */
export const SHORTENED: Readonly<Record<string, Record<string, unknown> | null>> = {
  'aht-cut': { horizon: { months: 1 } },
  baseline: { horizon: { months: 1 } },
  'erlang-check': { horizon: { days: 2 }, warmup: { days: 1 } },
  isp: { horizon: { months: 1 } },
  'midsize-center': { horizon: { days: 9 }, warmup: { days: 7 } },
  'outsourced-tier1': { horizon: { months: 1 } },
  'proactive-outreach': { horizon: { months: 1 } },
  'staffing-by-profit': { horizon: { months: 1 } },
  'staffing-levels': null,
  'thorough-calls': { horizon: { months: 1 } },
  upsell: { horizon: { months: 1 } },
  'two-group-week': null,
};

export const GOLDEN_DIR = join(REPO, 'test', 'golden');
export const goldenFile = (name: string) => join(GOLDEN_DIR, `${name}.summary.json`);

/** The bundled scenarios' names (scenarios/*.yaml). */
export function bundledScenarios(): string[] {
  return readdirSync(join(REPO, 'scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** Runs one bundled scenario, shortened, for one replication; returns its summary.json text. */
export async function goldenSummary(name: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `ccsim-golden-${name}-`));
  try {
    const doc = parseDocument(readFileSync(join(REPO, 'scenarios', `${name}.yaml`), 'utf8'));
    for (const [key, value] of Object.entries(SHORTENED[name] ?? {})) doc.set(key, value);
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, doc.toString());
    const r = await ccsimAsync(['run', file, '--reps', '1', '--workers', '1', '--no-charts', '--out', join(dir, 'out')]);
    if (r.code !== 0) throw new Error(`ccsim run ${name} (shortened) exited ${r.code}: ${r.stderr}`);
    return readFileSync(join(dir, 'out', 'summary.json'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
