/**
 * Replications over a batch engine: N local processes with the variables set as Kubernetes, AWS
 * Batch and a GitHub Actions matrix set them, each writing its shard; `ccsim merge` of the shards
 * against the unsharded command, byte for byte. And the merges that must be refused.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareMessages } from '../../src/cli/compare.js';
import { ccsimAsync } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-rshard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** No engine variable from the machine running the tests leaks into a case. */
const CLEAN = { JOB_COMPLETION_INDEX: undefined, AWS_BATCH_JOB_ARRAY_INDEX: undefined, AWS_BATCH_JOB_ARRAY_SIZE: undefined, CCSIM_SHARD_INDEX: undefined, CCSIM_SHARD_COUNT: undefined };
const REQUIRE = 'serviceLevel >= 0.5';

const same = (a: string, b: string, files: readonly string[]) => {
  for (const f of files) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), `${f} differs`).toBe(true);
};

/** A month of the staffing-by-profit center: the customer lifecycle in every figure, quick. */
const customers = join(dir, 'sbp.yaml');
writeFileSync(customers, readFileSync('scenarios/staffing-by-profit.yaml', 'utf8').replace('horizon: { months: 12 }', 'horizon: { months: 1 }'));

describe.concurrent('run and compare over shards', () => {
  it('run: 3 Kubernetes indexed pods (JOB_COMPLETION_INDEX, --shard auto/3) merge into the unsharded run, byte for byte', async () => {
    const shards = join(dir, 'run-shards');
    const rs = await Promise.all([0, 1, 2].map((i) => ccsimAsync(['run', 'scenarios/staffing-levels.yaml', '--reps', '7', '--shard', 'auto/3', '--workers', '1', '--out', shards], { env: { ...CLEAN, JOB_COMPLETION_INDEX: String(i) } })));
    for (const r of rs) expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(shards).sort()).toEqual(['run-shard-1-of-3.json', 'run-shard-2-of-3.json', 'run-shard-3-of-3.json']);
    const merged = await ccsimAsync(['merge', shards, '--out', join(dir, 'run-merged')], { env: CLEAN });
    expect(merged.code, merged.stderr).toBe(0);
    const whole = await ccsimAsync(['run', 'scenarios/staffing-levels.yaml', '--reps', '7', '--out', join(dir, 'run-whole')], { env: CLEAN });
    expect(whole.code).toBe(0);
    same(join(dir, 'run-merged'), join(dir, 'run-whole'), ['summary.json', 'intervals.csv', 'days.csv', 'months.csv', 'group-intervals.csv', 'report.html']);
    expect(merged.stdout).toBe(whole.stdout); // the same table
  });

  it('compare with customers and a requirement: 4 AWS Batch children (AWS_BATCH_JOB_ARRAY_INDEX/SIZE) merge into the unsharded comparison, requirements judged alike; a failed child rerun by its index gives the same bytes', async () => {
    const shards = join(dir, 'compare-shards');
    const child = (i: number) => ccsimAsync(['compare', customers, '--reps', '6', '--require', REQUIRE, '--shard', 'auto', '--workers', '1', '--out', shards], { env: { ...CLEAN, AWS_BATCH_JOB_ARRAY_INDEX: String(i), AWS_BATCH_JOB_ARRAY_SIZE: '4' } });
    const rs = await Promise.all([0, 1, 2, 3].map(child));
    for (const r of rs) expect(r.code, r.stderr).toBe(0);
    const before = readFileSync(join(shards, 'compare-shard-3-of-4.json'));
    expect((await child(2)).code).toBe(0); // the retry of index 2
    expect(readFileSync(join(shards, 'compare-shard-3-of-4.json')).equals(before)).toBe(true);
    const merged = await ccsimAsync(['merge', shards, '--out', join(dir, 'compare-merged'), '--json'], { env: CLEAN });
    expect(merged.code, merged.stderr).toBe(0);
    const whole = await ccsimAsync(['compare', customers, '--reps', '6', '--require', REQUIRE, '--out', join(dir, 'compare-whole'), '--json'], { env: CLEAN });
    expect(whole.code).toBe(0);
    same(join(dir, 'compare-merged'), join(dir, 'compare-whole'), ['comparison.json', 'comparison.csv', 'comparison-months.csv', 'comparison-requirements.csv', 'comparison.xlsx', 'report.html']);
    expect(merged.stdout).toBe(whole.stdout);
    expect(JSON.parse(merged.stdout).require).toEqual([REQUIRE]);
  });

  it('refuses --set and --policy with --shard: merge rebuilds the configurations from the scenario text alone', async () => {
    for (const extra of [['--set', 'seed=3'], ['--policy', 'p={ "staffing.agents": 3 }']]) {
      const r = await ccsimAsync(['compare', customers, '--reps', '2', '--shard', '1/2', ...extra, '--out', join(dir, 'never')], { env: CLEAN });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`ccsim: ${compareMessages.shardOverride(extra[0]!)}\n`);
    }
  });

  it('a GitHub Actions matrix (CCSIM_SHARD_INDEX/COUNT) with more shards than replications: the empty shards merge too', async () => {
    const shards = join(dir, 'gh-shards');
    const rs = await Promise.all([0, 1, 2].map((i) => ccsimAsync(['run', 'scenarios/staffing-levels.yaml', '--reps', '2', '--shard', 'auto', '--no-charts', '--out', shards], { env: { ...CLEAN, CCSIM_SHARD_INDEX: String(i), CCSIM_SHARD_COUNT: '3' } })));
    for (const r of rs) expect(r.code, r.stderr).toBe(0);
    expect(rs[0]!.stderr).toContain('(none: more shards than replications)');
    const merged = await ccsimAsync(['merge', shards, '--no-charts', '--out', join(dir, 'gh-merged')], { env: CLEAN });
    const whole = await ccsimAsync(['run', 'scenarios/staffing-levels.yaml', '--reps', '2', '--no-charts', '--out', join(dir, 'gh-whole')], { env: CLEAN });
    expect(merged.code, merged.stderr).toBe(0);
    expect(whole.code).toBe(0);
    same(join(dir, 'gh-merged'), join(dir, 'gh-whole'), ['summary.json', 'intervals.csv']);
  });
});

describe.concurrent('merges that are refused (exit 2, nothing written)', () => {
  const shards = join(dir, 'bad-source');
  const ready = Promise.all([1, 2].map((k) => ccsimAsync(['run', 'scenarios/staffing-levels.yaml', '--reps', '3', '--shard', `${k}/2`, '--out', shards], { env: CLEAN })));
  const copy = (name: string, edit?: (text: string) => string, every = false) => {
    const d = join(dir, name);
    rmSync(d, { recursive: true, force: true });
    mkdirSync(d, { recursive: true });
    for (const k of [1, 2]) {
      const text = readFileSync(join(shards, `run-shard-${k}-of-2.json`), 'utf8');
      const touched = edit !== undefined && (every || k === 2);
      const edited = touched ? edit(text) : text;
      if (touched) expect(edited).not.toBe(text); // the edit found its mark
      writeFileSync(join(d, `run-shard-${k}-of-2.json`), edited);
    }
    return d;
  };
  const refused = async (d: string, pattern: RegExp) => {
    const r = await ccsimAsync(['merge', d, '--out', join(d, 'out')], { env: CLEAN });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(d).filter((f) => !f.startsWith('run-shard-'))).toEqual([]);
  };

  it('a missing shard', async () => {
    for (const r of await ready) expect(r.code).toBe(0);
    const d = copy('missing');
    rmSync(join(d, 'run-shard-2-of-2.json'));
    await refused(d, /missing shard 2 of 2/);
  });

  it('an edited scenario text (the fingerprint no longer matches)', async () => {
    await ready;
    await refused(copy('edited', (t) => t.replace('{ agents: 15 }', '{ agents: 16 }')), /run-shard-2-of-2\.json belongs to another experiment/);
    // Edited alike in every shard: the text no longer gives the configurations that were run.
    await refused(copy('edited-all', (t) => t.replace('{ agents: 15 }', '{ agents: 16 }'), true), /its scenario text no longer gives the configurations it ran/);
  });

  it('a result whose shape is not one ccsim writes (a key removed, a list for a number)', async () => {
    await ready;
    await refused(copy('shape', (t) => t.replace('"kpis":{"offered":', '"kpis":{"offered2":')), /run-shard-2-of-2\.json: a replication's result is not one ccsim writes: results\[0\]\[0\]\.kpis: unexpected key "offered2"/);
    await refused(copy('shape2', (t) => t.replace(/"events":\d+/, '"events":[1]')), /run-shard-2-of-2\.json: .*results\[0\]\[0\]\.events: expected a number/);
  });

  it('shards from another ccsim version, and one shard from another version than the rest', async () => {
    await ready;
    const older = (t: string) => t.replace(/"ccsim":"[^"]*"/, '"ccsim":"0.0.1"');
    await refused(copy('version', older, true), /written by ccsim 0\.0\.1/);
    await refused(copy('version-one', older), /run-shard-2-of-2\.json belongs to another experiment than .*run-shard-1-of-2\.json/);
  });
});
