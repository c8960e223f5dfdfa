/**
 * The customer lifecycle's figures over replications (experiment/customers.ts), on
 * scenarios/staffing-by-profit.yaml cut to 75 days with a 45-day warm-up: the measured window
 * [45 d, 75 d) overlaps month 1 (days 30–60) in part and month 2 (days 60–90) up to the horizon.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_MONTH_FIGURES, customerMonthRows, comparedMonthRows, satisfactionShareDeltas, satisfactionShareEstimates, satisfactionShares } from '../../src/experiment/customers.js';
import { estimate } from '../../src/experiment/estimate.js';
import { inlineRunner } from '../../src/experiment/pool.js';
import { replicate } from '../../src/experiment/replicate.js';
import type { ReplicationResult } from '../../src/model/result.js';
import { LEVEL_NAMES } from '../../src/model/satisfaction.js';
import { lifecycleScenario } from './lifecycle.js';

const DAY = 86_400;
const loaded = lifecycleScenario({ horizon: { days: 75 }, warmup: { days: 45 } });
const { warmupSec, horizonSec } = loaded.config;
let results: ReplicationResult[];

beforeAll(async () => {
  results = await replicate(loaded.config, { replications: 3, seed: 5, workers: 1 }, inlineRunner());
});

/** |a − b| within a relative 1e-9: sums of the same numbers in another order. */
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

describe('customerMonthRows', () => {
  it('reports the months that overlap the measured window, the last one ending at the horizon', () => {
    expect([warmupSec, horizonSec]).toEqual([45 * DAY, 75 * DAY]);
    const rows = customerMonthRows(results, warmupSec, horizonSec);
    expect(rows.map((r) => [r.index, r.startSec / DAY, r.endSec / DAY])).toEqual([
      [1, 30, 60],
      [2, 60, 75],
    ]);
    expect(Object.keys(rows[0]!)).toEqual(['index', 'startSec', 'endSec', ...CUSTOMER_MONTH_FIGURES]);
  });

  it("estimates each month's figure over replications from the replications' own values", () => {
    const rows = customerMonthRows(results, warmupSec, horizonSec);
    for (const row of rows) {
      for (const f of ['start', 'acquired', 'churned', 'returned', 'active'] as const) {
        expect(row[f], `${f} of month ${row.index}`).toEqual(estimate(results.map((r) => r.customers!.months[f][row.index]!)));
      }
      for (const f of ['revenue', 'supportCost', 'profit'] as const) {
        expect(row[f], `${f} of month ${row.index}`).toEqual(estimate(results.map((r) => r.months[row.index]![f])));
      }
    }
  });

  it("sums profit from the window's start: month 1 has only its measured part, and the last month ends at the replication's profit", () => {
    const [first, last] = customerMonthRows(results, warmupSec, horizonSec);
    expect(first!.cumulativeProfit).toEqual(first!.profit);
    // the warm-up carries no money: month 0 is all warm-up
    for (const r of results) expect(r.months[0]!.profit).toBe(0);
    const profits = results.map((r) => r.economics.profit);
    close(last!.cumulativeProfit.mean, estimate(profits).mean);
    close(last!.cumulativeProfit.ci95[0], estimate(profits).ci95[0]);
    close(last!.cumulativeProfit.ci95[1], estimate(profits).ci95[1]);
  });
});

describe('comparedMonthRows', () => {
  it('gives a difference of exactly 0 against the same replications, and the paired interval otherwise', () => {
    const same = comparedMonthRows(results, results, warmupSec, horizonSec, 0.975);
    for (const row of same) expect(row.delta.cumulativeProfit).toMatchObject({ mean: 0, ci95: [0, 0], ciVerdict: [0, 0] });
    // against a copy 1,000 richer in every month: Δ cumulative profit is +1,000 per month so far
    const richer = results.map((r) => ({ ...r, months: r.months.map((m) => ({ ...m, profit: m.profit + 1000 })) }));
    const rows = comparedMonthRows(richer, results, warmupSec, horizonSec, 0.975);
    close(rows[0]!.delta.cumulativeProfit.mean!, 2000); // months 0 and 1
    close(rows[1]!.delta.cumulativeProfit.mean!, 3000);
  });
});

describe('satisfaction shares', () => {
  it("are each level's contacts over all the window's contacts, adding up to 1", () => {
    for (const r of results) {
      const shares = satisfactionShares(r);
      const counts = r.customers!.satisfaction;
      const total = LEVEL_NAMES.reduce((s, l) => s + counts[l], 0);
      expect(total).toBeGreaterThan(1000);
      for (const l of LEVEL_NAMES) expect(shares[l]).toBe(counts[l] / total);
      close(LEVEL_NAMES.reduce((s, l) => s + shares[l]!, 0), 1);
    }
  });

  it('are estimated over replications, and their paired differences against the same replications are 0', () => {
    const e = satisfactionShareEstimates(results);
    expect(Object.keys(e)).toEqual([...LEVEL_NAMES]);
    expect(e.satisfied).toEqual(estimate(results.map((r) => satisfactionShares(r).satisfied)));
    for (const d of Object.values(satisfactionShareDeltas(results, results, 0.95))) expect(d).toMatchObject({ mean: 0, ci95: [0, 0] });
  });
});
