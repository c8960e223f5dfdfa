/**
 * `ccsim sweep` and `ccsim merge` end to end through the real CLI: shards merge into exactly the
 * unsharded output, any worker count gives the same bytes, a killed sweep resumes from its
 * saved points, and bad --vary input is refused before anything runs.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/common.js';
import { sweepCommand, sweepMessages, type SweepArgs } from '../../src/cli/sweep.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { gridMessages } from '../../src/experiment/grid.js';
import { mergeMessages } from '../../src/output/sweep.js';
import { ccsimAsync, killWhen } from '../support/cli.js';
import { shardMessages } from '../../src/cli/shard-option.js';

const ROOT = mkdtempSync(join(tmpdir(), 'ccsim-sweep-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));
const SCENARIO = 'scenarios/staffing-levels.yaml';
// 6 points × 3 replications of one simulated day each: about 0.1 s of simulation.
const GRID = ['--vary', 'staffing.agents=14,15,16', '--vary', 'arrivals.ratePerHour=180,200', '--reps', '3', '--by', 'asaSec'];

let serial = 0;
const fresh = () => {
  const dir = join(ROOT, `case-${++serial}`);
  mkdirSync(dir);
  return dir;
};
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

describe.concurrent('ccsim sweep and merge', () => {
  let whole: string;
  beforeAll(async () => {
    whole = fresh();
    const r = await ccsimAsync(['sweep', SCENARIO, ...GRID, '--workers', '1', '--out', whole]);
    expect(r.code, r.stderr).toBe(0);
  });

  it('writes the whole grid in order, with the best point by profit and by --by at each demand level', () => {
    const s = JSON.parse(read(whole, 'sweep.json'));
    expect(s.results.map((p: { set: unknown }) => p.set)).toEqual([
      { 'staffing.agents': 14, 'arrivals.ratePerHour': 180 },
      { 'staffing.agents': 14, 'arrivals.ratePerHour': 200 },
      { 'staffing.agents': 15, 'arrivals.ratePerHour': 180 },
      { 'staffing.agents': 15, 'arrivals.ratePerHour': 200 },
      { 'staffing.agents': 16, 'arrivals.ratePerHour': 180 },
      { 'staffing.agents': 16, 'arrivals.ratePerHour': 200 },
    ]);
    // arrivals.ratePerHour is not a decision: one best point per rate, chosen over staffing.agents.
    expect(s.decisions).toEqual(['staffing.agents']);
    expect(s.best.profit.map((b: { level: object; index: number }) => [b.level, b.index])).toEqual([
      [{ 'arrivals.ratePerHour': 180 }, 0], // fewest agents: cost is all the money there is yet
      [{ 'arrivals.ratePerHour': 200 }, 1],
    ]);
    expect(s.best.asaSec.map((b: { index: number }) => b.index)).toEqual([4, 5]); // most agents
    const csv = read(whole, 'sweep.csv').trimEnd().split('\n');
    expect(csv).toHaveLength(7);
    expect(csv[0]).toMatch(/^staffing\.agents,arrivals\.ratePerHour,offered\.mean,offered\.lo,offered\.hi,/);
    expect(readdirSync(whole).sort()).toEqual(['.ccsim-manifest.json', 'charts', 'report.html', 'scenario.json', 'sweep.csv', 'sweep.json', 'sweep.xlsx']); // the saved points are gone
  });

  it('merges two shards into exactly the unsharded sweep.json and sweep.csv, and refuses one alone', async () => {
    const [one, two, merged] = [fresh(), fresh(), fresh()];
    const shards = await Promise.all([
      ccsimAsync(['sweep', SCENARIO, ...GRID, '--shard', '1/2', '--workers', '1', '--out', one]),
      ccsimAsync(['sweep', SCENARIO, ...GRID, '--shard', '2/2', '--workers', '1', '--out', two]),
    ]);
    for (const r of shards) expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(one)).toEqual(['shard-1-of-2.json']);
    expect(JSON.parse(read(two, 'shard-2-of-2.json')).results.map((p: { index: number }) => p.index)).toEqual([1, 3, 5]);
    const m = await ccsimAsync(['merge', one, two, '--json', '--out', merged]);
    expect(m.code, m.stderr).toBe(0);
    expect(read(merged, 'sweep.json')).toBe(read(whole, 'sweep.json'));
    expect(read(merged, 'sweep.csv')).toBe(read(whole, 'sweep.csv'));
    expect(readFileSync(join(merged, 'sweep.xlsx')).equals(readFileSync(join(whole, 'sweep.xlsx')))).toBe(true);
    expect(m.stdout).toBe(read(whole, 'sweep.json'));
    // Without shard 2 there is nothing to merge into a whole sweep.
    const partial = await ccsimAsync(['merge', one, '--out', join(one, 'merged')]);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toBe(`ccsim: merge: ${mergeMessages.missing([2], 2)}\n`);
    expect(existsSync(join(one, 'merged'))).toBe(false);
  });

  it('gives the same bytes with 2 workers as with 1', async () => {
    const out = fresh();
    const r = await ccsimAsync(['sweep', SCENARIO, ...GRID, '--workers', '2', '--json', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(read(whole, 'sweep.json'));
    expect(read(out, 'sweep.csv')).toBe(read(whole, 'sweep.csv'));
  });

  it('resumes a killed sweep from its saved points without redoing them, and ends with the bytes of an uninterrupted run', async () => {
    // Each point is 2 replications of ~80,000 calls (about 0.3 s), so the sweep is still running
    // when its first saved point appears and the test kills it.
    const dir = fresh();
    const file = join(dir, 'slow.yaml');
    writeFileSync(
      file,
      ['name: slow', 'seed: 3', 'horizon: { hours: 14 }', 'arrivals: { ratePerHour: 6000 }', 'handleTime: { dist: exponential, meanSec: 240 }',
        'patience: { dist: exponential, meanSec: 180 }', 'staffing: { agents: 400 }', ''].join('\n'),
    );
    const args = (out: string) => ['sweep', file, '--vary', 'staffing.agents=396,398,400,402', '--reps', '2', '--workers', '1', '--out', out];
    const out = join(dir, 'out');
    const saved = () => (existsSync(join(out, '.points')) ? readdirSync(join(out, '.points')).flatMap((d) => readdirSync(join(out, '.points', d))).filter((f) => f.endsWith('.json')) : []);
    const [killed, reference] = await Promise.all([
      ccsimAsync(args(out), { onStart: killWhen(() => saved().length > 0, 10) }),
      ccsimAsync(args(join(dir, 'reference'))),
    ]);
    expect(killed.signal).toBe('SIGKILL');
    expect(reference.code, reference.stderr).toBe(0);
    expect(existsSync(join(out, 'sweep.json'))).toBe(false);
    const before = saved().length;
    expect(before).toBeGreaterThanOrEqual(1);
    expect(before).toBeLessThan(4);

    const resumed = await ccsimAsync(args(out));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`^resumed: reused ${before} of 4 point\\(s\\) saved in `));
    expect(read(out, 'sweep.json')).toBe(read(join(dir, 'reference'), 'sweep.json'));
    expect(read(out, 'sweep.csv')).toBe(read(join(dir, 'reference'), 'sweep.csv'));
    expect(existsSync(join(out, '.points'))).toBe(false);
  });

  it('varies a shift of a group by list index and a group named with a hyphen, and its staffingScale', async () => {
    // Support cost is the wages alone here (30 an hour, no per-minute or per-contact cost): shift 0
    // works 8 h with a agents, shift 1 8 h with 1 agent, both × the scale — worked out by hand.
    const dir = fresh();
    const file = join(dir, 'groups.yaml');
    writeFileSync(
      file,
      ['name: groups', 'horizon: { days: 1 }', 'arrivals: { ratePerHour: 20 }', 'handleTime: { dist: exponential, meanSec: 300 }', 'groups:', '  - name: care-team',
        '    shifts:', '      - { start: "08:00", end: "16:00", agents: 9 }', '      - { start: "16:00", end: "24:00", agents: 1 }', ''].join('\n'),
    );
    const r = await ccsimAsync(['sweep', file, '--vary', 'groups.care-team.shifts.0.agents=2,3', '--vary', 'groups.care-team.staffingScale=1,2', '--reps', '2', '--workers', '1', '--no-charts', '--json', '--out', join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.results.map((p: { economics: { supportCost: { mean: number } } }) => p.economics.supportCost.mean)).toEqual([30 * (16 + 8), 30 * (32 + 16), 30 * (24 + 8), 30 * (48 + 16)]);
  });

  it('judges every point against --require with its CI, and takes the best among the feasible points only', async () => {
    const out = fresh();
    const r = await ccsimAsync(['sweep', SCENARIO, ...GRID, '--require', 'serviceLevel >= 0.8', '--require', 'voice.asaSec <= 20', '--workers', '1', '--no-charts', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(read(out, 'sweep.json'));
    expect(s.require).toEqual(['serviceLevel >= 0.8', 'voice.asaSec <= 20']);
    type Judged = { index: number; set: Record<string, number>; economics: { profit: { mean: number } }; channels: { voice: { asaSec: { ci95: number[] } } }; kpis: { serviceLevel: { ci95: number[] } }; feasibility: { status: string; requirements: { status: string }[] } };
    const points: Judged[] = s.results;
    for (const p of points) {
      // The rule, as the README states it: feasible when the whole 95% CI meets the bound.
      const [lo, hi] = p.kpis.serviceLevel.ci95 as [number, number];
      expect(p.feasibility.requirements[0]!.status).toBe(lo >= 0.8 ? 'feasible' : hi < 0.8 ? 'infeasible' : 'undetermined');
      const [alo, ahi] = p.channels.voice.asaSec.ci95 as [number, number];
      expect(p.feasibility.requirements[1]!.status).toBe(ahi <= 20 ? 'feasible' : alo > 20 ? 'infeasible' : 'undetermined');
    }
    for (const b of s.best.profit as { level: Record<string, number>; index: number | null }[]) {
      const level = points.filter((p) => p.set['arrivals.ratePerHour'] === b.level['arrivals.ratePerHour']);
      const feasible = level.filter((p) => p.feasibility.status === 'feasible');
      if (b.index === null) expect(feasible).toEqual([]);
      else expect(b.index).toBe(feasible.reduce((x, p) => (p.economics.profit.mean > x.economics.profit.mean ? p : x)).index);
    }
    const csv = read(out, 'sweep.csv').split('\n')[0]!;
    expect(csv.endsWith(',voice.asaSec.mean,voice.asaSec.lo,voice.asaSec.hi,feasible,serviceLevel >= 0.8,voice.asaSec <= 20')).toBe(true);
  });

  it('refuses an unknown key in --vary with exit 2 before running anything, suggesting the near one', async () => {
    const out = join(fresh(), 'out');
    const r = await ccsimAsync(['sweep', SCENARIO, '--workers', '1', '--out', out, '--vary', 'staffing.agents=14', '--vary', 'staffing.agentz=14,15']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--vary staffing.agentz=14: staffing.agentz: unknown key "agentz" — did you mean "agents"?');
    expect(r.stderr).toContain('--vary staffing.agentz=15: staffing.agentz: unknown key "agentz"');
    expect(existsSync(out)).toBe(false);
  });
});

/** The option checks, in this process: each is refused before anything runs or is written. */
describe('sweep options', () => {
  const out = join(ROOT, 'never');
  const cases: [string, string[], Partial<SweepArgs>, string | RegExp][] = [
    ['text without KEY=', ['staffing.agents'], {}, gridMessages.varyForm('staffing.agents')],
    ['no --vary at all', [], {}, sweepMessages.noVary()],
    ['a key given twice', ['staffing.agents=14', 'staffing.agents=15'], {}, gridMessages.varyDuplicateKey('staffing.agents')],
    ['a value the scenario does not allow, naming it', ['staffing.agents=14,0'], {}, /--vary staffing.agents=0: staffing.agents: agents must be ≥ 1/],
    ['a value of the wrong type, naming it', ['staffing.agents=many'], {}, /--vary staffing.agents="many": staffing.agents: expected number, got the text "many"/],
    ['a bad --shard', ['staffing.agents=14'], { shard: '3/2' }, shardMessages.form('3/2')],
    ['an unknown --by', ['staffing.agents=14'], { by: 'speed' }, /^--by must be one of profit, /],
    ['a --by figure the points do not report (csat without customers)', ['staffing.agents=14'], { by: 'csat' }, /^--by csat: a sweep's points report this scenario's KPIs and economics figures only, and "csat" is not one of them; reported: offered, /],
    ['--reps 0', ['staffing.agents=14'], { reps: 0 }, /^--reps must be a whole number from 1 to /],
    ['a --require that is not a requirement', ['staffing.agents=14'], { require: ['serviceLevel > high'] }, /^--require requirement "serviceLevel > high": expected \[CHANNEL\.\]FIGURE OP NUMBER/],
    ['a --require on a figure the points do not report', ['staffing.agents=14'], { require: ['csat >= 4'] }, /^--require requirement "csat >= 4": this scenario does not report csat; it reports: offered, /],
    ['a --require on a channel the scenario lacks', ['staffing.agents=14'], { require: ['chat.asaSec <= 60'] }, /^--require requirement "chat.asaSec <= 60": this scenario has no chat channel; its channels: voice$/],
    ['a --decision that is not varied', ['staffing.agents=14'], { decision: ['policy.ahtTargetSec'] }, sweepMessages.notVaried('policy.ahtTargetSec', ['staffing.agents'])],
  ];
  for (const [label, vary, args, message] of cases) {
    it(`refuses ${label}`, async () => {
      const run = sweepCommand({ file: SCENARIO, vary, json: false, workers: 1, out, ...args });
      await expect(run).rejects.toThrow(message);
      await expect(run).rejects.toSatisfy((e) => e instanceof UsageError || e instanceof ScenarioError);
      expect(existsSync(out)).toBe(false);
    });
  }
});
