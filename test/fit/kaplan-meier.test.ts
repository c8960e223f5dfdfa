import { describe, expect, it } from 'vitest';
import { kaplanMeier, survivalAt } from '../../src/fit/kaplan-meier.js';

/**
 * The 6-MP arm of Freireich et al. (Blood 21, 1963): remission times in weeks of 21 leukaemia
 * patients, + = censored. The textbook example of the product-limit estimator: Klein &
 * Moeschberger, "Survival Analysis", 2nd ed. (2003), §4.2, Table 4.1A (Ŝ and Greenwood standard
 * errors, printed to 3–4 decimals), and Kleinbaum & Klein, "Survival Analysis: A Self-Learning
 * Text", 3rd ed. (2012), ch. 2 (the KM table of group 1). The values below are those tables'
 * (checked once by hand-computation in exact fractions: 18/21, 18/21·16/17, …).
 */
const TIMES = [6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35];
const EVENT = [1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0].map(Boolean);

const TABLE_4_1A = [
  // t, at risk, events, Ŝ(t), Greenwood SE
  [6, 21, 3, 0.8571, 0.0764],
  [7, 17, 1, 0.8067, 0.0869],
  [10, 15, 1, 0.7529, 0.0963],
  [13, 12, 1, 0.6902, 0.1068],
  [16, 11, 1, 0.6275, 0.1141],
  [22, 7, 1, 0.5378, 0.1282],
  [23, 6, 1, 0.4482, 0.1346],
] as const;

describe('Kaplan–Meier', () => {
  const km = kaplanMeier(TIMES, EVENT);

  it('reproduces the 6-MP table of Klein & Moeschberger (Table 4.1A): survival and Greenwood SE at every death time', () => {
    const deaths = km.steps.filter((s) => s.events > 0);
    expect(deaths.map((s) => [s.timeSec, s.atRisk, s.events])).toEqual(TABLE_4_1A.map(([t, n, d]) => [t, n, d]));
    deaths.forEach((s, i) => {
      expect(s.survival).toBeCloseTo(TABLE_4_1A[i]![3], 4);
      expect(s.se).toBeCloseTo(TABLE_4_1A[i]![4], 4);
    });
    expect(km.n).toBe(21);
    expect(km.events).toBe(9);
  });

  it('counts a censoring at a death time as still at risk (events first at ties), as the table does at t = 6', () => {
    expect(km.steps[0]).toMatchObject({ timeSec: 6, atRisk: 21, events: 3, censored: 1 });
    expect(km.steps[1]).toMatchObject({ timeSec: 7, atRisk: 17 });
  });

  it('gives the median 23 weeks and a log(−log) interval from 13 weeks, open above (R survfit(conf.type = "log-log"): 23, 13, NA)', () => {
    expect(km.median).toBe(23);
    expect(km.medianCi95).toEqual([13, null]);
  });

  it('keeps every pointwise band inside (0, 1) and around Ŝ', () => {
    for (const s of km.steps) {
      expect(s.lo).toBeGreaterThan(0);
      expect(s.hi).toBeLessThan(1);
      expect(s.lo).toBeLessThanOrEqual(s.survival);
      expect(s.hi).toBeGreaterThanOrEqual(s.survival);
    }
  });

  it('is a step function: 1 before the first death, Ŝ(22) between 22 and 23', () => {
    expect(survivalAt(km, 5.9)).toBe(1);
    expect(survivalAt(km, 22.5)).toBeCloseTo(0.5378, 4);
  });

  it('without censoring is one minus the empirical CDF', () => {
    const t = [3, 1, 4, 1, 5, 9, 2, 6];
    const k = kaplanMeier(t, t.map(() => true));
    for (const x of [1, 2, 4, 6, 9]) expect(survivalAt(k, x)).toBeCloseTo(t.filter((v) => v > x).length / t.length, 12);
  });
});
