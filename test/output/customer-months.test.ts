/**
 * The customer lifecycle in the files: summary.json's customers block (shares and months),
 * customer-months.csv of `run`, and comparison.csv / comparison-months.csv of `compare` — on
 * scenarios/staffing-by-profit.yaml cut to three months, and on a scenario without customers.
 */
import { textOf } from '../../src/output/write.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/experiment/compare.js';
import { CUSTOMER_MONTH_FIGURES } from '../../src/experiment/customers.js';
import { inlineRunner } from '../../src/experiment/pool.js';
import { replicate } from '../../src/experiment/replicate.js';
import type { ReplicationResult } from '../../src/model/result.js';
import { LEVEL_NAMES } from '../../src/model/satisfaction.js';
import { COMPARISON_CSV_HEADER, comparisonCsv } from '../../src/output/comparison.js';
import { COMPARISON_MONTHS_CSV_HEADER, CUSTOMER_MONTHS_CSV_HEADER, comparisonMonthsCsv, customerMonthsCsv } from '../../src/output/customer-months.js';
import { runFiles } from '../../src/output/run-files.js';
import { parseScenario } from '../../src/scenario/load.js';
import { lifecycleScenario } from '../experiment/lifecycle.js';
import { REPO } from '../support/cli.js';
import { lifecycleComparison, staffingComparison } from './chart-fixtures.js';

const loaded = lifecycleScenario({ horizon: { months: 3 } });
let results: ReplicationResult[];
let life: Comparison;
let plain: Comparison;

beforeAll(async () => {
  [results, life, plain] = await Promise.all([
    replicate(loaded.config, { replications: 2, seed: 5, workers: 1 }, inlineRunner()),
    lifecycleComparison(),
    staffingComparison(),
  ]);
});

const parse = (csv: string) => {
  expect(csv.endsWith('\n')).toBe(true);
  const [head, ...lines] = csv.trimEnd().split('\n');
  return { head: head!.split(','), rows: lines.map((l) => l.split(',')) };
};

describe('summary.json with customers', () => {
  it('keeps the CONTRACT counts and adds the satisfaction shares and the months, each { mean, ci95 }', () => {
    const { summary } = runFiles({ name: 'staffing-by-profit' }, 5, loaded.config, results);
    const c = summary.customers!;
    expect(Object.keys(c)).toEqual(expect.arrayContaining(['active', 'churned', 'acquired', 'referred', 'returned', 'satisfaction', 'satisfactionShare', 'months']));
    expect(Object.keys(c.satisfactionShare)).toEqual([...LEVEL_NAMES]);
    const counts = LEVEL_NAMES.map((l) => c.satisfaction[l].mean);
    // two replications: the mean share is the mean of the replications' shares
    const shares = LEVEL_NAMES.map((l) => results.reduce((s, r) => s + r.customers!.satisfaction[l] / LEVEL_NAMES.reduce((t, m) => t + r.customers!.satisfaction[m], 0), 0) / 2);
    LEVEL_NAMES.forEach((l, i) => expect(c.satisfactionShare[l].mean).toBeCloseTo(shares[i]!, 12));
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(c.months.map((m) => m.index)).toEqual([0, 1, 2]);
    expect(c.months[2]!.cumulativeProfit.mean).toBeCloseTo(summary.economics.profit!.mean, 3);
  });

  it('writes customer-months.csv only with the lifecycle', async () => {
    expect(Object.keys(runFiles({ name: 'staffing-by-profit' }, 5, loaded.config, results).files)).toContain('customer-months.csv');
    const other = parseScenario(readFileSync(join(REPO, 'scenarios', 'staffing-levels.yaml'), 'utf8'), 'staffing-levels.yaml');
    const plainRun = await replicate(other.config, { replications: 1, seed: 5, workers: 1 }, inlineRunner());
    const files = runFiles({ name: 'plain' }, 5, other.config, plainRun);
    expect(Object.keys(files.files)).not.toContain('customer-months.csv');
    expect(files.summary.customers).toBeUndefined();
  });
});

describe('customer-months.csv', () => {
  it('has one row per month: index, day, time, then every month figure with its 95% CI bounds, as in the summary', () => {
    const { summary, files } = runFiles({ name: 'staffing-by-profit' }, 5, loaded.config, results);
    const csv = textOf(files['customer-months.csv']!);
    expect(csv).toBe(customerMonthsCsv(summary.customers!.months));
    const { head, rows } = parse(csv);
    expect(head).toEqual([...CUSTOMER_MONTHS_CSV_HEADER]);
    expect(head.slice(3, 6)).toEqual(['start', 'start_lo', 'start_hi']);
    expect(head.at(-3)).toBe('cumulativeProfit');
    expect(rows.map((r) => r.slice(0, 3))).toEqual([['0', '0', '00:00'], ['1', '30', '00:00'], ['2', '60', '00:00']]);
    const m = summary.customers!.months[1]!;
    for (const f of CUSTOMER_MONTH_FIGURES) {
      const i = head.indexOf(f);
      expect(rows[1]!.slice(i, i + 3).map(Number), f).toEqual([m[f].mean, m[f].ci95[0], m[f].ci95[1]]);
    }
  });
});

describe('comparison files with customers', () => {
  it('add to comparison.csv the customers figures, the satisfaction shares and the benefit–cost ratio, with their differences', () => {
    const { head, rows } = parse(comparisonCsv(life));
    expect(head).toEqual([...COMPARISON_CSV_HEADER]);
    const lean = life.policies.find((p) => p.name === 'lean')!;
    const row = (policy: string, group: string, figure: string) => rows.find((r) => r[0] === policy && r[1] === group && r[2] === figure);
    expect(row('lean', 'customers', 'churned')!.slice(3).map(Number)).toEqual([
      lean.customers!.churned.mean,
      ...lean.customers!.churned.ci95!,
      lean.delta.churned!.mean,
      ...lean.delta.churned!.ci95!,
    ]);
    const share = lean.customers!.satisfactionShare.veryDissatisfied;
    const shareDelta = lean.customers!.satisfactionShareDelta.veryDissatisfied;
    expect(row('lean', 'satisfactionShare', 'veryDissatisfied')!.slice(3).map(Number)).toEqual([share.mean, ...share.ci95!, shareDelta.mean, ...shareDelta.ci95!]);
    expect(row('lean', 'benefitCost', 'benefitCost')).toEqual(['lean', 'benefitCost', 'benefitCost', '', '', '', ...[lean.benefitCost!.mean, ...lean.benefitCost!.ci95].map(String)]);
    expect(row('baseline', 'benefitCost', 'benefitCost')).toBeUndefined();
    for (const p of life.policies) expect(rows.filter((r) => r[0] === p.name && r[1] === 'satisfactionShare').map((r) => r[2])).toEqual([...LEVEL_NAMES]);
  });

  it('write comparison-months.csv: a row per policy and month with Δ cumulative profit, 0 for the baseline', () => {
    const { head, rows } = parse(comparisonMonthsCsv(life)!);
    expect(head).toEqual([...COMPARISON_MONTHS_CSV_HEADER]);
    expect(rows.map((r) => `${r[0]}:${r[1]}`)).toEqual(['baseline:0', 'baseline:1', 'baseline:2', 'lean:0', 'lean:1', 'lean:2', 'generous:0', 'generous:1', 'generous:2']);
    for (const r of rows.filter((r) => r[0] === 'baseline')) expect(r.slice(-3)).toEqual(['0', '0', '0']);
    const last = life.policies[2]!.customers!.months[2]!.delta.cumulativeProfit;
    expect(rows.at(-1)!.slice(-3).map(Number)).toEqual([last.mean, ...last.ci95]);
  });

  it('are as before without customers: no customer rows, no comparison-months.csv', () => {
    expect(comparisonMonthsCsv(plain)).toBeNull();
    const { rows } = parse(comparisonCsv(plain));
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['kpis', 'economics']));
  });
});
