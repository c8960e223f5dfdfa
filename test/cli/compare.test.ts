/**
 * `ccsim compare` end to end through the real CLI, on the bundled scenarios/staffing-levels.yaml
 * (four policies, 24 measured hours, about 0.1 s of simulation for 10 replications). Each spawn
 * costs about half a second, so the tests run concurrently.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/common.js';
import { compareCommand, compareMessages, type CompareArgs } from '../../src/cli/compare.js';
import { BENEFIT_COST_DEFINITION } from '../../src/experiment/benefit-cost.js';
import { VERDICT_FIGURES } from '../../src/experiment/verdict.js';
import { COMPARISON_CSV_HEADER } from '../../src/output/comparison.js';
import { constraintMessages } from '../../src/experiment/constraint.js';
import { FIGURE_KEYS } from '../../src/model/catalogue.js';
import { REQUIREMENTS_CSV_HEADER } from '../../src/output/requirements.js';
import { COMPARISON_MONTHS_CSV_HEADER } from '../../src/output/customer-months.js';
import { verdictMessages } from '../../src/output/verdicts.js';
import { lifecycleText } from '../experiment/lifecycle.js';
import { REPO, ccsimAsync } from '../support/cli.js';

const ROOT = mkdtempSync(join(tmpdir(), 'ccsim-compare-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));
const SCENARIO = 'scenarios/staffing-levels.yaml';
const VERDICTS = 'scenarios/staffing-levels.verdict.json';

let serial = 0;
const fresh = () => {
  const dir = join(ROOT, `case-${++serial}`);
  mkdirSync(dir);
  return dir;
};

describe.concurrent('ccsim compare', () => {
  it('refuses a policy that changes the measured window, before running', async () => {
    const dir = fresh();
    const file = join(dir, 'w.yaml');
    writeFileSync(file, `${readFileSync(SCENARIO, 'utf8').split('policies:')[0]}policies:\n  - name: longer\n    set: { "horizon.hours": 30 }\n`);
    const run = compareCommand({ file, json: false, out: join(dir, 'out') });
    await expect(run).rejects.toThrow(new UsageError(compareMessages.otherWindow(file, 'longer')));
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('passes the regression check of a customer scenario against its committed verdict file: the AHT cut loses long-term value', async () => {
    const verdicts = 'scenarios/aht-cut.verdict.json';
    const r = await ccsimAsync(['compare', 'scenarios/aht-cut.yaml', '--baseline', verdicts, '--workers', '1', '--no-charts', '--out', fresh()]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`verdicts unchanged against ${verdicts} (1 policy)`);
    // Within the year the saving and the lost fees are within 3 replications' noise; the customers lost are not.
    expect(JSON.parse(readFileSync(verdicts, 'utf8')).verdicts).toEqual({ 'aht-cut-20s': { profit: 'indistinguishable', longTermValue: 'worse' } });
  });

  it('passes the regression check of the bundled scenario against its committed verdict file (npm test runs it)', async () => {
    const out = fresh();
    const r = await ccsimAsync(['compare', SCENARIO, '--baseline', VERDICTS, '--workers', '1', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`verdicts unchanged against ${VERDICTS} (3 policies)`);
    // Without --json, a table for people: the blocks, the verdicts and the ranking.
    expect(r.stdout).toContain('staffing-levels: 4 policies × 10 replications, seed 11, common random numbers');
    expect(r.stdout).toMatch(/lean\s+better\s+worse/);
    expect(r.stdout).toContain('ranking by mean profit: lean, baseline, same-as-baseline, generous');
    expect(r.stdout).toContain('Bonferroni over 3 comparisons');
  });

  it('prints only the comparison JSON with --json, the bytes it writes, the same for 1 and 2 workers', async () => {
    const [one, two] = [fresh(), fresh()];
    const [a, b] = await Promise.all([
      ccsimAsync(['compare', SCENARIO, '--json', '--reps', '4', '--workers', '1', '--out', one]),
      ccsimAsync(['compare', SCENARIO, '--json', '--reps', '4', '--workers', '2', '--out', two]),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const c = JSON.parse(a.stdout);
    expect(Object.keys(c)).toEqual(expect.arrayContaining(['baseline', 'policies', 'ranking', 'verdict']));
    expect(c.replications).toBe(4);
    expect(a.stdout).toBe(readFileSync(join(one, 'comparison.json'), 'utf8'));
    expect(b.stdout).toBe(a.stdout);
    expect(readFileSync(join(two, 'comparison.csv'), 'utf8')).toBe(readFileSync(join(one, 'comparison.csv'), 'utf8'));
    const csv = readFileSync(join(one, 'comparison.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe(COMPARISON_CSV_HEADER.join(','));
    expect(readFileSync(join(two, 'comparison.xlsx')).equals(readFileSync(join(one, 'comparison.xlsx')))).toBe(true);
    const figures = Object.keys(c.policies[0].kpis).length + Object.keys(c.policies[0].economics).length;
    expect(csv).toHaveLength(1 + 4 * figures);
  });

  it('judges every policy against --require with the CI of its figure, in the JSON, the table and comparison-requirements.csv', async () => {
    const out = fresh();
    const r = await ccsimAsync(['compare', SCENARIO, '--reps', '4', '--workers', '1', '--no-charts', '--require', 'serviceLevel >= 80%', '--require', 'voice.abandonRate <= 0.05', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(readFileSync(join(out, 'comparison.json'), 'utf8'));
    expect(c.require).toEqual(['serviceLevel >= 80%', 'voice.abandonRate <= 0.05']);
    const csv = readFileSync(join(out, 'comparison-requirements.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe(REQUIREMENTS_CSV_HEADER.join(','));
    expect(csv).toHaveLength(1 + 2 * c.policies.length);
    for (const p of c.policies) {
      // The rule, as the README states it: feasible when the whole 95% CI meets the bound.
      const [lo, hi] = p.kpis.serviceLevel.ci95;
      expect(p.feasibility.requirements[0].status).toBe(lo >= 0.8 ? 'feasible' : hi < 0.8 ? 'infeasible' : 'undetermined');
      const [alo, ahi] = p.channels.voice.abandonRate.ci95;
      expect(p.feasibility.requirements[1].status).toBe(ahi <= 0.05 ? 'feasible' : alo > 0.05 ? 'infeasible' : 'undetermined');
      expect(r.stdout).toMatch(new RegExp(`\\n  ${p.name} +${p.feasibility.status} `));
    }
  });

  it('compares against --set overrides of the base and --policy variants given on the command line, instead of the file\'s policies', async () => {
    const r = await ccsimAsync(['compare', SCENARIO, '--reps', '3', '--workers', '1', '--no-charts', '--json', '--set', 'staffing.agents=16', '--policy', 'more={staffing.agents: 17}', '--out', fresh()]);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.policies.map((p: { name: string }) => p.name)).toEqual(['baseline', 'more']);
    // Support cost is the wages alone (30 an hour by default, 24 measured hours): 16 and 17 agents.
    expect(c.policies[0].economics.supportCost.mean).toBeCloseTo(16 * 30 * 24, 6);
    expect(c.policies[1].economics.supportCost.mean).toBeCloseTo(17 * 30 * 24, 6);
    const bad = await ccsimAsync(['compare', SCENARIO, '--workers', '1', '--set', 'staffing.agents=0', '--out', fresh()]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--set staffing.agents=0: staffing.agents: agents must be ≥ 1');
  });

  it('round-trips a verdict file: unchanged → exit 0; a policy changed so its verdict flips → exit 1 naming it', async () => {
    const dir = fresh();
    const file = join(dir, 'staffing-levels.yaml');
    copyFileSync(join(REPO, SCENARIO), file);
    const verdicts = join(dir, 'verdicts.json');
    const write = await ccsimAsync(['compare', file, '--reps', '5', '--workers', '1', '--out', join(dir, 'out'), '--write-baseline', verdicts]);
    expect(write.code, write.stderr).toBe(0);
    expect(JSON.parse(readFileSync(verdicts, 'utf8')).verdicts.lean).toEqual({ profit: 'better' });
    const again = await ccsimAsync(['compare', file, '--workers', '1', '--out', join(dir, 'out'), '--baseline', verdicts]);
    expect(again.code, again.stderr).toBe(0);
    // "lean" now staffs what the baseline does: no cheaper, so no longer better by profit.
    writeFileSync(file, readFileSync(file, 'utf8').replace('set: { "staffing.agents": 14 }', 'set: { "staffing.agents": 15 }'));
    const flipped = await ccsimAsync(['compare', file, '--workers', '1', '--out', join(dir, 'out'), '--baseline', verdicts]);
    expect(flipped.code, flipped.stderr).toBe(1);
    expect(flipped.stderr).toContain(`${verdictMessages.changed('lean', 'profit', 'better', 'indistinguishable')}\n`);
    expect(flipped.stderr).not.toContain('policy generous');
    expect(flipped.stderr).toContain(`ccsim: 1 verdict(s) differ from ${verdicts}`);
  });

  it('with the customer lifecycle, also writes comparison-months.csv and prints each policy\'s benefit–cost ratio', async () => {
    const dir = fresh();
    const file = join(dir, 'lifecycle.yaml');
    writeFileSync(file, lifecycleText({ horizon: { months: 2 } }));
    const r = await ccsimAsync(['compare', file, '--reps', '2', '--workers', '1', '--no-charts', '--out', join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${BENEFIT_COST_DEFINITION}:`);
    // lean saves on support: its ratio is read from the saving's side
    expect(r.stdout).toMatch(/^ {2}lean {6}-?\d+\.\d\d \[-?\d+\.\d\d, -?\d+\.\d\d\] {2}saves on support and /m);
    expect(r.stdout).toMatch(/^churned +\d+/m);
    const c = JSON.parse(readFileSync(join(dir, 'out', 'comparison.json'), 'utf8'));
    const months = readFileSync(join(dir, 'out', 'comparison-months.csv'), 'utf8').trimEnd().split('\n');
    expect(months[0]).toBe(COMPARISON_MONTHS_CSV_HEADER.join(','));
    expect(months).toHaveLength(1 + 3 * 2); // three policies × two months
    const csv = readFileSync(join(dir, 'out', 'comparison.csv'), 'utf8').trimEnd().split('\n');
    const perPolicy = (p: Record<string, object>) => Object.keys(p.kpis!).length + Object.keys(p.economics!).length + Object.values(p.customers!).filter((v) => 'mean' in (v as object)).length + 5;
    expect(csv).toHaveLength(1 + c.policies.reduce((n: number, p: Record<string, object>) => n + perPolicy(p) + (p.benefitCost ? 1 : 0), 0));
    expect(c.policies[0].benefitCost).toBeNull();
  });

  it('adds replications with --reps auto and reports how many and whether the precision was reached', async () => {
    const out = fresh();
    const r = await ccsimAsync(['compare', SCENARIO, '--json', '--reps', 'auto', '--precision', '2', '--precision-on', 'waitSec', '--workers', '1', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.autoReplications).toMatchObject({ precision: 2, figure: 'waitSec', maxReplications: 200, reached: true });
    expect(r.stderr).toContain(`reps auto: ${c.replications} replications; precision ±2 on ΔwaitSec reached`);
  });
});

describe.concurrent('ccsim compare refuses bad input with exit 2 and writes nothing', () => {
  it('refuses an unknown --by, listing the allowed figures', async () => {
    const dir = fresh();
    const r = await ccsimAsync(['compare', SCENARIO, '--by', 'asa', '--out', join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`ccsim: --by must be one of ${VERDICT_FIGURES.join(', ')}, got "asa"\n`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses a --baseline file that is not a verdict file', async () => {
    const dir = fresh();
    const r = await ccsimAsync(['compare', SCENARIO, '--baseline', SCENARIO, '--out', join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^ccsim: --baseline scenarios\/staffing-levels.yaml: not JSON: /);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

/** The option checks, in this process: each is refused before anything runs or is written. */
describe('compare options', () => {
  const cases: [string, Partial<CompareArgs>, string][] = [
    ['--reps 1 (a paired interval needs two)', { reps: '1' }, compareMessages.reps(1)],
    ['--reps many', { reps: 'many' }, compareMessages.reps('many')],
    ['--reps auto without --precision', { reps: 'auto' }, compareMessages.autoNeedsPrecision()],
    ['--precision without --reps auto', { precision: 3 }, compareMessages.onlyWithAuto('precision')],
    ['--max-reps without --reps auto', { maxReps: 30 }, compareMessages.onlyWithAuto('max-reps')],
    ['--precision 0', { reps: 'auto', precision: 0 }, '--precision must be a number > 0 (the 95% half-width to reach, in the unit of the figure), got 0'],
    ['a missing --baseline file', { baseline: 'no-such.json' }, '--baseline no-such.json: no such file'],
    ['--baseline with --write-baseline', { baseline: VERDICTS, writeBaseline: 'x.json' }, compareMessages.bothBaselines()],
    ['a --write-baseline file under a file', { writeBaseline: `${SCENARIO}/v.json` }, `--write-baseline ${SCENARIO}/v.json: ${SCENARIO} is not a directory`],
    ['--by other than the verdict file holds', { baseline: VERDICTS, by: 'waitSec' }, compareMessages.byDiffers(VERDICTS, 'asaSec', 'waitSec')],
    ['a --require whose figure is misspelt', { require: ['servicelevel >= 0.8'] }, `--require ${constraintMessages.unknownFigure('servicelevel >= 0.8', 'servicelevel', FIGURE_KEYS.filter((k) => k !== 'staffedAgents' && k !== 'paidAgents'))}`],
  ];
  for (const [label, args, message] of cases) {
    it(`refuses ${label}`, async () => {
      await expect(compareCommand({ file: SCENARIO, json: false, workers: 1, out: join(ROOT, 'never'), ...args })).rejects.toThrow(new UsageError(message));
      expect(existsSync(join(ROOT, 'never'))).toBe(false);
    });
  }

  it('refuses a scenario without policies, saying how to add them', async () => {
    await expect(compareCommand({ file: 'scenarios/erlang-check.yaml', json: false })).rejects.toThrow(new UsageError(compareMessages.noPolicies('scenarios/erlang-check.yaml')));
  });
});
