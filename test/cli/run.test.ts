/** `ccsim run`'s table on stdout: the queue's figures, and with customers what they make of them. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ONE_REPLICATION_NOTE } from '../../src/output/format.js';
import { ccsimAsync } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The table's rows as label → [mean, lo, hi], or [mean] alone where no interval is printed. */
function rows(stdout: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const m of stdout.matchAll(/^(\w+)\s+(-?[\d.]+)(?:\s+95% CI \[(-?[\d.]+), (-?[\d.]+)\])?$/gm)) out.set(m[1]!, m[3] === undefined ? [Number(m[2])] : [Number(m[2]), Number(m[3]), Number(m[4])]);
  return out;
}

describe.concurrent('ccsim run, the table', () => {
  it('shows satisfaction, the base and the money when the scenario has customers, matching the summary', async () => {
    const file = join(dir, 'c.yaml');
    const lines = readFileSync('scenarios/staffing-by-profit.yaml', 'utf8').replace('horizon: { months: 12 }', 'horizon: { months: 1 }');
    writeFileSync(file, lines);
    const r = await ccsimAsync(['run', file, '--reps', '2', '--no-charts', '--out', join(dir, 'c')]);
    expect(r.code).toBe(0);
    const t = rows(r.stdout);
    const summary = JSON.parse(readFileSync(join(dir, 'c', 'summary.json'), 'utf8'));
    expect([...t.keys()]).toEqual(['offered', 'abandonRate', 'pWait', 'asaSec', 'serviceLevel', 'occupancy', 'ahtSec', 'fcr', 'csat', 'active', 'churned', 'returned', 'supportCost', 'revenue', 'profit', 'npv', 'longTermValue']);
    expect([...t.values()].every((v) => v.length === 3)).toBe(true); // two replications: every row has its interval
    // The table shows the summary's means at its precision.
    expect(t.get('csat')![0]).toBe(Number(summary.kpis.csat.mean.toFixed(3)));
    expect(t.get('active')![0]).toBe(Number(summary.customers.active.mean.toFixed(0)));
    expect(t.get('profit')![0]).toBe(Number(summary.economics.profit.mean.toFixed(0)));
  });

  it('shows only the queue and its cost without customers, and no interval for one replication (saying how to get one)', async () => {
    const r = await ccsimAsync(['run', 'scenarios/staffing-levels.yaml', '--no-charts', '--out', join(dir, 's')]);
    expect(r.code).toBe(0);
    const t = rows(r.stdout);
    expect([...t.keys()]).toEqual(['offered', 'abandonRate', 'pWait', 'asaSec', 'serviceLevel', 'occupancy', 'ahtSec', 'fcr', 'supportCost']);
    // One replication has no interval: none is printed (the JSON keeps its [mean, mean] form).
    expect(r.stdout).not.toContain('95% CI');
    expect([...t.values()].every((v) => v.length === 1)).toBe(true);
    expect(r.stdout).toContain(ONE_REPLICATION_NOTE);
    const summary = JSON.parse(readFileSync(join(dir, 's', 'summary.json'), 'utf8'));
    expect(summary.kpis.asaSec.ci95).toEqual([summary.kpis.asaSec.mean, summary.kpis.asaSec.mean]);
  });
});
