/**
 * `ccsim optimize` end to end through the real CLI: the CONTRACT's JSON, the files, the same bytes
 * for any worker count, a killed run resumed to the bytes of an uninterrupted one, and bad input
 * refused with the file, line:column and field, exit 2 and nothing written.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optimizeMessages } from '../../src/cli/optimize.js';
import { constraintMessages } from '../../src/experiment/constraint.js';
import * as msg from '../../src/scenario/messages.js';
import { ccsimAsync, killWhen } from '../support/cli.js';

const ROOT = mkdtempSync(join(tmpdir(), 'ccsim-optimize-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));
let serial = 0;
const fresh = () => {
  const dir = join(ROOT, `case-${++serial}`);
  mkdirSync(dir);
  return dir;
};
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

/** 60 calls/h, 5 min, three simulated days: a few milliseconds a replication. */
const SCENARIO = [
  'name: small', //                                                line 1
  'seed: 4', //                                                    line 2
  'horizon: { days: 3 }', //                                       line 3
  'warmup: { days: 1 }', //                                        line 4
  'arrivals: { ratePerHour: 60 }', //                              line 5
  'handleTime: { dist: exponential, meanSec: 300 }', //            line 6
  'patience: { dist: exponential, meanSec: 200 }', //              line 7
  'staffing: { agents: 12, wagePerHour: 20 }', //                  line 8
  'economics: { waitingCostPerMinute: 1, abandonCost: 5 }', //     line 9
  'optimize:', //                                                  line 10
  '  objective: profit', //                                        line 11
  '  vary: { staffing.agents: { min: 5, max: 15 } }', //           line 12
  '  require: ["serviceLevel >= 0.7"]', //                         line 13
  '',
].join('\n');

describe.concurrent('ccsim optimize', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = fresh();
    file = join(dir, 'small.yaml');
    writeFileSync(file, SCENARIO);
    const r = await ccsimAsync(['optimize', file, '--workers', '1', '--out', join(dir, 'one')]);
    expect(r.code, r.stderr).toBe(0);
  });

  it('writes optimize.json with the CONTRACT keys: objective, best { set, objective, kpis, economics }, evaluated [{ set, objective, feasible }]', () => {
    const o = JSON.parse(read(join(dir, 'one'), 'optimize.json'));
    expect(Object.keys(o).slice(0, 3)).toEqual(['objective', 'best', 'evaluated']);
    expect(o.objective).toBe('profit');
    expect(Object.keys(o.best.set)).toEqual(['staffing.agents']);
    expect(o.best.objective.ci95).toHaveLength(2);
    expect(o.best.objective.mean).toBe(o.best.economics.profit.mean);
    expect(o.best.kpis.serviceLevel.mean).toBeGreaterThan(0);
    expect(o.best.feasible).toBe(true);
    for (const c of o.evaluated) {
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['set', 'objective', 'feasible']));
      expect(typeof c.feasible).toBe('boolean');
    }
    // The chosen staffing is one of the evaluated, and no feasible candidate evaluated has a
    // significantly higher profit than it (its interval entirely above the chosen one's).
    expect(o.evaluated.some((c: { set: object }) => JSON.stringify(c.set) === JSON.stringify(o.best.set))).toBe(true);
    const better = o.evaluated.filter((c: { feasible: boolean; objective: { ci95: number[] } }) => c.feasible && c.objective.ci95[0]! > o.best.objective.ci95[1]);
    expect(better).toEqual([]);
    expect(o.evaluations).toBe(o.evaluated.length);
    expect(o.replicationsUsed).toBeGreaterThanOrEqual(10 * o.evaluations);
    expect(o.path[0].reason).toBe('start');
  });

  it('writes the candidates CSV, the chart and the report, and leaves no saved batches behind', () => {
    const out = join(dir, 'one');
    const csv = read(out, 'optimize-evaluated.csv').trimEnd().split('\n');
    expect(csv[0]).toBe('staffing.agents,totalAgents,profit.mean,profit.lo,profit.hi,status,feasible,replications,chosen');
    expect(csv.filter((l) => l.endsWith(',true'))).toHaveLength(1);
    expect(existsSync(join(out, 'charts', 'optimize-agents.svg'))).toBe(true);
    expect(readFileSync(join(out, 'optimize.xlsx')).subarray(0, 2).toString()).toBe('PK'); // a zip: the workbook
    expect(read(out, 'report.html')).toContain('id="optimize"');
    expect(existsSync(join(out, '.optimize'))).toBe(false);
  });

  it('prints optimize.json with --json, the same bytes for 2 workers as for 1', async () => {
    const r = await ccsimAsync(['optimize', file, '--workers', '2', '--json', '--no-charts', '--out', join(dir, 'two')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(read(join(dir, 'one'), 'optimize.json'));
  });

  it('takes --objective and --set over the file: the cheapest staffing meeting a tighter threshold', async () => {
    const r = await ccsimAsync(['optimize', file, '--workers', '1', '--json', '--no-charts', '--objective', 'cost', '--set', 'serviceLevel.thresholdSec=10', '--out', join(dir, 'cost')]);
    expect(r.code, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.objective).toBe('cost');
    expect(o.best.objective.mean).toBe(o.best.economics.cost.mean);
    const bad = await ccsimAsync(['optimize', file, '--workers', '1', '--objective', 'speed', '--out', join(dir, 'never')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`ccsim: ${optimizeMessages.objective('speed', ['profit', 'longTermValue', 'cost'])}\n`);
  });

  it("says so when the scenario's own value is not among the decision's values (12 agents on a grid of odd numbers starts at 11)", async () => {
    const odd = join(dir, 'odd.yaml');
    writeFileSync(odd, SCENARIO.replace('{ min: 5, max: 15 }', '{ min: 5, max: 15, step: 2 }').replace('  objective: profit', '  objective: profit\n  start: scenario'));
    const r = await ccsimAsync(['optimize', odd, '--workers', '1', '--json', '--no-charts', '--budget', '3', '--out', join(dir, 'odd')]);
    expect(r.code, r.stderr).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.path[0].set).toEqual({ 'staffing.agents': 11 });
    expect(o.start.notes).toContain(optimizeMessages.snapped('staffing.agents', 12, 11));
  });

  it('resumes a killed run from its saved batches and ends with the bytes of an uninterrupted run', async () => {
    const out = join(dir, 'killed');
    const saved = () => (existsSync(join(out, '.optimize')) ? readdirSync(join(out, '.optimize')).flatMap((d) => readdirSync(join(out, '.optimize', d))).filter((f) => f.endsWith('.json')) : []);
    const args = ['optimize', file, '--workers', '1', '--no-charts', '--out', out];
    const killed = await ccsimAsync(args, { onStart: killWhen(() => saved().length > 0, 5) });
    expect(killed.signal).toBe('SIGKILL');
    expect(existsSync(join(out, 'optimize.json'))).toBe(false);
    const resumed = await ccsimAsync(args);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/^resumed: reused \d+ saved batch\(es\) of replications from /m);
    expect(read(out, 'optimize.json')).toBe(read(join(dir, 'one'), 'optimize.json'));
  });
});

describe.concurrent('ccsim optimize refuses bad input with exit 2 and writes nothing', () => {
  const refuse = async (text: string, extra: string[] = []) => {
    const dir = fresh();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, text);
    const r = await ccsimAsync(['optimize', file, '--workers', '1', '--out', join(dir, 'out'), ...extra]);
    expect(r.stdout).toBe('');
    expect(r.code, r.stderr).toBe(2);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    return { stderr: r.stderr, file };
  };

  it('a scenario without an optimize block, saying how to add one', async () => {
    const { stderr, file } = await refuse(SCENARIO.split('optimize:')[0]!);
    expect(stderr).toBe(`ccsim: ${optimizeMessages.noBlock(file)}\n`);
  });

  it('a requirement in the file that is not one, at its line and column', async () => {
    const { stderr, file } = await refuse(SCENARIO.replace('"serviceLevel >= 0.7"', '"serviceLevel => 0.7"'));
    expect(stderr).toBe(`ccsim: ${file}:13:13: optimize.require[0]: ${constraintMessages.form('serviceLevel => 0.7')}\n`);
    const v = await ccsimAsync(['validate', file]);
    expect(v.code).toBe(2);
    expect(v.stderr).toBe(stderr);
  });

  it('a decision whose value the scenario does not allow, at the decision', async () => {
    const { stderr, file } = await refuse(SCENARIO.replace('{ min: 5, max: 15 }', '{ min: 0, max: 15 }'));
    expect(stderr).toBe(`ccsim: ${file}:12:11: optimize.vary.staffing.agents: ${msg.inDecision('staffing.agents', 0, 'staffing.agents', 'agents must be ≥ 1')}\n`);
  });

  it('a decision path that picks nothing, and a range that is not whole steps', async () => {
    const a = await refuse(SCENARIO.replace('staffing.agents: { min: 5, max: 15 }', 'staffing.agentz: { min: 5, max: 15 }'));
    expect(a.stderr).toContain(`${a.file}:12:11: optimize.vary.staffing.agentz: decision staffing.agentz = 5: unknown key "agentz" — did you mean "agents"?`);
    const b = await refuse(SCENARIO.replace('{ min: 5, max: 15 }', '{ min: 5, max: 15, step: 4 }'));
    expect(b.stderr).toContain('max − min must be a whole number of steps');
  });

  it('a list naming a value twice, and a range of one value more than the limit (100,000 values was 100,001)', async () => {
    const a = await refuse(SCENARIO.replace('staffing.agents: { min: 5, max: 15 }', 'staffing.agents: [5, 6, 5]'));
    expect(a.stderr).toContain(`${a.file}:12:`);
    expect(a.stderr).toContain('each value at most once');
    const b = await refuse(SCENARIO.replace('{ min: 5, max: 15 }', '{ min: 1, max: 100001 }'));
    expect(b.stderr).toContain('at most 100,000 values (limit)');
    // 100,000 values exactly are allowed (the limit itself)
    const file = join(fresh(), 'limit.yaml');
    writeFileSync(file, SCENARIO.replace('{ min: 5, max: 15 }', '{ min: 1, max: 100000 }'));
    const v = await ccsimAsync(['validate', file]);
    expect(v.stderr).not.toContain('values (limit)');
  });

  it('a --budget above the most candidates optimize.json can hold, naming the limit', async () => {
    const { stderr } = await refuse(SCENARIO, ['--budget', '100001']);
    expect(stderr).toMatch(/^ccsim: --budget must be a whole number from 1 to 100,?000/);
  });

  it('a --require on a figure the scenario does not report', async () => {
    const { stderr } = await refuse(SCENARIO, ['--require', 'csat >= 4']);
    expect(stderr).toMatch(/^ccsim: --require requirement "csat >= 4": this scenario does not report csat; it reports: offered, /);
  });

  it('objective longTermValue without customers, at the objective', async () => {
    const { stderr, file } = await refuse(SCENARIO.replace('objective: profit', 'objective: longTermValue'));
    expect(stderr).toBe(`ccsim: ${file}:11:14: optimize.objective: ${msg.longTermValueNeedsCustomers()}\n`);
  });
});
