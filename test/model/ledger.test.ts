/**
 * The money ledger (model/ledger.ts): every cash flow posted once; the window, the months and the
 * discounting done in one place; profit, NPV and the components of profit derived from it.
 */
import { describe, expect, it } from 'vitest';
import { SECONDS_PER_MONTH, SECONDS_PER_YEAR } from '../../src/model/config.js';
import { ITEMS, Ledger, LEDGER_ITEMS, PROFIT_COMPONENTS } from '../../src/model/ledger.js';

const M = SECONDS_PER_MONTH;

describe('the ledger', () => {
  it('counts an instant inside the window [warm-up, horizon) only, in its month', () => {
    const l = new Ledger(M, 3 * M, 0);
    l.post('acquisition', M - 1, 100); // warm-up
    l.post('acquisition', M, 10);
    l.post('upsell', 2.5 * M, 5);
    l.post('upsell', 3 * M, 1000); // the horizon itself is outside
    expect(l.total('acquisition')).toBe(10);
    expect(l.total('upsell')).toBe(5);
    expect([0, 1, 2].map((k) => l.month(k).acquisitionCost)).toEqual([0, 10, 0]);
    expect(l.month(2).upsellRevenue).toBe(5);
  });

  it('spreads an accrual evenly, clips it to the window and splits it at month boundaries', () => {
    const l = new Ledger(0.5 * M, 2 * M, 0);
    l.accrue('fees', 0, 2 * M, 200); // 100 a month; the first half month is warm-up
    expect(l.total('fees')).toBeCloseTo(150, 9);
    expect(l.month(0).revenue).toBeCloseTo(50, 9);
    expect(l.month(1).revenue).toBeCloseTo(100, 9);
  });

  it('discounts continuously from the window start: instants exactly, spans by their integral', () => {
    const rate = 0.1;
    const l = new Ledger(0, 2 * SECONDS_PER_YEAR, rate);
    l.post('returns', SECONDS_PER_YEAR, 110); // a year later: 110 / 1.1 = 100 today
    expect(l.npv()).toBeCloseTo(-100, 9);
    const s = new Ledger(0, 2 * SECONDS_PER_YEAR, rate);
    s.accrue('fees', 0, SECONDS_PER_YEAR, 1000); // evenly over the first year
    // ∫₀¹ 1000 e^(−r t) dt with r = ln 1.1: 1000 (1 − 1/1.1) / ln 1.1 (closed form).
    expect(s.npv()).toBeCloseTo((1000 * (1 - 1 / 1.1)) / Math.log(1.1), 6);
  });

  it('derives profit from every item with its sign, and the components of profit add up to it for every item', () => {
    for (const item of ITEMS) {
      const l = new Ledger(0, M, 0);
      l.post(item, 0, 7);
      const figures = l.figures();
      expect(l.profit(), item).toBe(LEDGER_ITEMS[item].sign * 7);
      const components = PROFIT_COMPONENTS.reduce((sum, c) => sum + c.terms.reduce((s, t) => s + t.sign * figures[t.figure], 0), 0);
      expect(components, item).toBe(l.profit());
      // Exactly one component moves, the item's own.
      const moved = PROFIT_COMPONENTS.filter((c) => c.terms.reduce((s, t) => s + t.sign * figures[t.figure], 0) !== 0).map((c) => c.key);
      expect(moved, item).toEqual([LEDGER_ITEMS[item].component]);
      // The center's cost holds support cost and the costs that are not wages, nothing else.
      expect(figures.cost, item).toBe(['supportCost', 'waitingCost', 'abandonCost', 'serviceLevelPenalty'].includes(LEDGER_ITEMS[item].figure) ? 7 : 0);
    }
  });

  it('keeps the months summing to the totals and to profit', () => {
    const l = new Ledger(0.3 * M, 2.7 * M, 0.08);
    l.accrue('wages', 0, 2.7 * M, 3000);
    l.accrue('fees', 0.1 * M, 2.5 * M, 9000);
    l.post('returns', 1.2 * M, 40);
    const months = [0, 1, 2].map((k) => l.month(k));
    expect(months.reduce((s, m) => s + m.profit, 0)).toBeCloseTo(l.profit(), 9);
    expect(months.reduce((s, m) => s + m.supportCost, 0)).toBeCloseTo(l.figures().supportCost, 9);
  });
});
