/**
 * Every bundled scenario validates and runs (vega-lite's examples test): a scenario file that
 * drifts from the schema or stops running fails here, not in a planner's hands.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../src/scenario/load.js';
import { simulateReplication } from '../src/model/contact-center.js';
import { REPO } from './support/cli.js';

const dir = join(REPO, 'scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe('bundled scenarios', () => {
  it('include the default scenario for npm start', () => {
    expect(files).toContain('baseline.yaml');
  });

  it.each(files)('%s opens with a comment saying what it shows and naming each policy in backticks; with customers, also its sources', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const header = text.slice(0, text.search(/^[^#\n]/m)).split('\n').filter((l) => l.startsWith('#'));
    expect(header.length).toBeGreaterThanOrEqual(3);
    const loaded = parseScenario(text, file);
    if (loaded.scenario.customers) expect(header.join(' ')).toMatch(/[Ss]ources?\b/);
    if (loaded.policies.length > 1) for (const p of loaded.policies.slice(1)) expect(header.join(' ')).toContain(`\`${p.name}\``);
  });

  it.each(files)('%s validates, is named after its file, and every policy runs a short replication', (file) => {
    const loaded = parseScenario(readFileSync(join(dir, file), 'utf8'), file);
    expect(`${loaded.scenario.name}.yaml`).toBe(file);
    expect(loaded.scenario.description?.length ?? 0).toBeGreaterThan(10);
    for (const policy of loaded.policies) {
      // One day after the warm-up is enough to prove the configuration runs end to end.
      const short = { ...policy.config, horizonSec: Math.min(policy.config.horizonSec, policy.config.warmupSec + 86_400) };
      const r = simulateReplication(short, loaded.scenario.seed, 0);
      expect(r.kpis.offered).toBeGreaterThan(0);
      expect(r.kpis.answered + r.kpis.abandoned).toBe(r.kpis.offered);
    }
  });
});
