/**
 * comparison.xlsx, sweep.xlsx and optimize.xlsx (output/spreadsheets.ts): read back with exceljs,
 * every number is the JSON's number (not text), intervals sit in their own columns, shares carry
 * the percent format, and the same result gives the same bytes.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/experiment/compare.js';
import { parseVary } from '../../src/experiment/grid.js';
import type { OptimizeResult } from '../../src/output/optimize.js';
import { comparisonXlsx, optimizeXlsx, sweepXlsx } from '../../src/output/spreadsheets.js';
import type { SweepResult } from '../../src/experiment/sweep.js';
import { smallOptimization, staffingComparison, staffingSweep } from './chart-fixtures.js';

async function book(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const b = new ExcelJS.Workbook();
  await b.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return b;
}

/** The header row of a sheet, and its rows as arrays of values (1-based columns dropped). */
function table(sheet: ExcelJS.Worksheet): { header: string[]; rows: unknown[][] } {
  const all: unknown[][] = [];
  sheet.eachRow((row) => all.push((row.values as unknown[]).slice(1)));
  return { header: all[0] as string[], rows: all.slice(1) };
}

let comparison: Comparison;
let sweep: SweepResult;
let optimized: OptimizeResult;
beforeAll(async () => {
  [comparison, sweep] = await Promise.all([staffingComparison(), staffingSweep([parseVary('staffing.agents=14,16'), parseVary('arrivals.ratePerHour=180,200')])]);
  optimized = await smallOptimization();
}, 120_000);

describe('comparison.xlsx', () => {
  it('has the policies with every figure as mean, lo, hi numbers, the paired differences and the verdicts', async () => {
    const b = await book(await comparisonXlsx(comparison));
    expect(b.worksheets.map((s) => s.name)).toEqual(['policies', 'differences', 'verdicts']);
    const policies = table(b.getWorksheet('policies')!);
    expect(policies.rows.map((r) => r[0])).toEqual(comparison.policies.map((p) => p.name));
    const at = policies.header.indexOf('serviceLevel mean');
    expect(policies.header.slice(at, at + 3)).toEqual(['serviceLevel mean', 'serviceLevel lo', 'serviceLevel hi']);
    expect(policies.rows[1]![at]).toBe(comparison.policies[1]!.kpis.serviceLevel!.mean);
    expect(policies.rows[1]![at + 1]).toBe(comparison.policies[1]!.kpis.serviceLevel!.ci95![0]);
    expect(b.getWorksheet('policies')!.getColumn(at + 1).numFmt).toBe('0.0%');
    const differences = table(b.getWorksheet('differences')!);
    const lean = differences.rows.find((r) => r[0] === 'lean' && r[1] === 'asaSec')!;
    expect(lean.slice(2, 5)).toEqual([comparison.policies[1]!.delta.asaSec!.mean, ...comparison.policies[1]!.delta.asaSec!.ci95!]);
    expect(table(b.getWorksheet('verdicts')!).rows.map((r) => r[0])).toEqual(comparison.verdict.map((v) => v.policy));
  });

  it('is the same bytes for the same comparison', async () => {
    expect(Buffer.from(await comparisonXlsx(comparison)).equals(Buffer.from(await comparisonXlsx(comparison)))).toBe(true);
  });
});

describe('sweep.xlsx', () => {
  it('has one row per point and the best point of each demand level over the decisions', async () => {
    const b = await book(await sweepXlsx(sweep));
    const points = table(b.getWorksheet('points')!);
    expect(points.rows).toHaveLength(4);
    expect(points.header.slice(0, 3)).toEqual(['point', 'staffing.agents', 'arrivals.ratePerHour']);
    const profit = points.header.indexOf('profit mean');
    expect(points.rows.map((r) => r[profit])).toEqual(sweep.results.map((p) => p.economics.profit!.mean));
    const best = table(b.getWorksheet('best')!);
    expect(best.header.slice(0, 4)).toEqual(['by', 'arrivals.ratePerHour', 'point', 'staffing.agents']);
    expect(best.rows.filter((r) => r[0] === 'profit').map((r) => [r[1], r[2]])).toEqual(sweep.best.profit!.map((x) => [x.level['arrivals.ratePerHour'], x.index]));
  });
});

describe('optimize.xlsx', () => {
  it('has the chosen staffing, its figures and requirements, every candidate and the path', async () => {
    const b = await book(await optimizeXlsx(optimized));
    expect(b.worksheets.map((s) => s.name)).toEqual(['chosen', 'figures', 'requirements', 'evaluated', 'path']);
    expect(table(b.getWorksheet('chosen')!).rows[0]).toEqual(['staffing.agents', optimized.best.set['staffing.agents'], 9]);
    const evaluated = table(b.getWorksheet('evaluated')!);
    expect(evaluated.header).toEqual(['staffing.agents', 'agents', 'cost mean', 'cost lo', 'cost hi', 'status', 'feasible', 'replications', 'chosen']);
    expect(evaluated.rows).toHaveLength(optimized.evaluated.length);
    expect(evaluated.rows.filter((r) => r[8] === true)).toHaveLength(1);
    expect(evaluated.rows[0]![2]).toBe(optimized.evaluated[0]!.objective.mean);
    expect(table(b.getWorksheet('path')!).rows).toHaveLength(optimized.path.length);
  });
});
