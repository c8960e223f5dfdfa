/**
 * Exact reproducibility (ContactCenters' CallCenterSimTest distinguishes it from statistical
 * reproducibility, which test/validity covers): the same file, seed and --reps give the same
 * bytes, whatever --workers is; and randomness is keyed by stream name.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { simulateReplication } from '../src/model/contact-center.js';
import { ccsim } from './support/cli.js';
import { stationary } from './support/scenario.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-repro-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'repro.yaml');
writeFileSync(
  file,
  `name: repro
seed: 42
horizon: { days: 2 }
warmup: { hours: 4 }
arrivals: { ratePerHour: 600 }
handleTime: { dist: lognormal, meanSec: 300, cv: 0.8 }
patience: { dist: gamma, meanSec: 180, cv: 1.2 }
staffing: { agents: 52 }
`,
);

describe('exact reproducibility', () => {
  const run = (...extra: string[]) => ccsim(['run', file, '--json', '--reps', '4', '--out', join(dir, 'out'), ...extra]);

  it('gives byte-identical --json for 1 and 2 workers, and again on a second run', () => {
    const one = run('--workers', '1');
    const two = run('--workers', '2');
    const again = run('--workers', '2');
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).replications).toBe(4);
    expect(two.stdout).toBe(one.stdout);
    expect(again.stdout).toBe(one.stdout);
  });

  it('gives different numbers for a different seed', () => {
    const a = JSON.parse(run('--workers', '1').stdout);
    const b = JSON.parse(run('--workers', '1', '--seed', '43').stdout);
    expect(b.seed).toBe(43);
    expect(b.kpis.offered.mean).not.toBe(a.kpis.offered.mean);
    expect(b.kpis.waitSec.mean).not.toBe(a.kpis.waitSec.mean);
  });
});

describe('stream independence', () => {
  it('adding a patience process does not shift the arrival or handle-time streams', () => {
    // Without patience nobody leaves, so compare the arrival stream through `offered` and the
    // handle-time stream through ahtSec at low load (nearly every contact answered at once).
    const base = { ratePerHour: 60, ahtSec: 300, agents: 30, days: 3 };
    for (let rep = 0; rep < 5; rep++) {
      const without = simulateReplication(stationary(base), 9, rep).kpis;
      const withPatience = simulateReplication(stationary({ ...base, patienceSec: 30 }), 9, rep).kpis;
      expect(withPatience.offered).toBe(without.offered);
      expect(withPatience.abandoned).toBe(0);
      expect(withPatience.ahtSec).toBe(without.ahtSec);
    }
  });

  it('gives each replication its own streams', () => {
    const config = stationary({ ratePerHour: 600, ahtSec: 300, agents: 55, days: 2 });
    const offered = [0, 1, 2, 3].map((rep) => simulateReplication(config, 9, rep).kpis.offered);
    expect(new Set(offered).size).toBe(4);
  });
});
