import { describe, expect, it } from 'vitest';
import { halfinWhittDelay, optimalSafetyFactor, squareRootStaffing } from '../../src/analytic/square-root.js';
import { optimalStaffing } from '../../src/analytic/staffing-cost.js';
import { normalCdf } from '../../src/engine/random/normalCdf.js';

/** α(y) by a second method: Φ from the engine's incomplete-gamma normalCdf, φ directly. */
const alphaByGamma = (y: number): number => 1 / (1 + (y * normalCdf(y)) / (Math.exp((-y * y) / 2) / Math.sqrt(2 * Math.PI)));

/** Independent minimisation of y + r·α(y)/y: a grid of step 1e-4 on (0, 8], then a parabola through the best three. */
function gridMinimiser(r: number): number {
  const g = (y: number) => y + (r * alphaByGamma(y)) / y;
  const h = 1e-4;
  let best = h;
  let bestValue = g(h);
  for (let y = 2 * h; y <= 8; y += h) {
    const v = g(y);
    if (v < bestValue) { best = y; bestValue = v; }
  }
  const [a, b, c] = [g(best - h), bestValue, g(best + h)];
  return best + (h * (a - c)) / (2 * (a - 2 * b + c));
}

describe('halfinWhittDelay', () => {
  it('equals 1/(1 + Φ(1)/φ(1)) with R’s pnorm(1) = 0.8413447460685429 and dnorm(1) = 0.2419707245191434', () => {
    expect(halfinWhittDelay(1)).toBeCloseTo(1 / (1 + 0.8413447460685429 / 0.2419707245191434), 14);
  });

  it('agrees with α computed from the incomplete-gamma normal CDF to 1e-12 relative on [0, 6]', () => {
    for (let y = 0; y <= 6; y += 0.25) {
      expect(Math.abs(halfinWhittDelay(y) - alphaByGamma(y))).toBeLessThanOrEqual(1e-12 * alphaByGamma(y));
    }
  });

  it('is 1 at y = 0 and falls towards 0', () => {
    expect(halfinWhittDelay(0)).toBe(1);
    expect(halfinWhittDelay(3)).toBeLessThan(halfinWhittDelay(2));
    expect(halfinWhittDelay(40)).toBe(0);
  });
});

describe('optimalSafetyFactor', () => {
  it('matches an independent grid minimisation (step 1e-4, parabolic refinement) for r from 1e-3 to 1e4', () => {
    for (const r of [0.001, 0.01, 0.1, 0.5, 1, 2, 5, 10, 100, 1000, 10_000]) {
      expect(Math.abs(optimalSafetyFactor(r) - gridMinimiser(r)), `r = ${r}`).toBeLessThan(1e-5);
    }
  });

  it('grows with r: more expensive waiting buys a larger safety margin', () => {
    const ys = [0.01, 0.1, 1, 10, 100].map(optimalSafetyFactor);
    for (let i = 1; i < ys.length; i++) expect(ys[i]!).toBeGreaterThan(ys[i - 1]!);
  });

  it('rejects a cost ratio that is not a positive number', () => {
    expect(() => optimalSafetyFactor(0)).toThrow(RangeError);
    expect(() => optimalSafetyFactor(Number.NaN)).toThrow(RangeError);
  });
});

describe('squareRootStaffing', () => {
  /** The same costs for both rules: AHT 300 s, wage 30/h, a = r·w per waiting hour = r·w/60 per minute. */
  const exactAgents = (R: number, r: number): number =>
    optimalStaffing({ ratePerHour: R * 12, ahtSec: 300, wagePerHour: 30, waitingCostPerMinute: (r * 30) / 60 }).agents;

  it('is within one agent of the exact M/M/n optimum for R = 100, 400, 1,000 and r from 0.01 to 10 (BMR’s accuracy claim)', () => {
    for (const R of [100, 400, 1000]) {
      for (const r of [0.01, 0.1, 1, 2, 5, 10]) {
        const n = squareRootStaffing({ offeredLoad: R, costRatio: r }).agents;
        expect(Math.abs(n - exactAgents(R, r)), `R = ${R}, r = ${r}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('falls two agents short where the QED limit is coarse: r = 1,000 at R = 1,000, and r = 1,000 at R = 2 (documented limits)', () => {
    expect(squareRootStaffing({ offeredLoad: 1000, costRatio: 1000 }).agents).toBe(1100);
    expect(exactAgents(1000, 1000)).toBe(1102);
    expect(squareRootStaffing({ offeredLoad: 2, costRatio: 1000 }).agents).toBe(6);
    expect(exactAgents(2, 1000)).toBe(8);
  });

  it('never staffs an unstable level, even when R + y*√R rounds down to R', () => {
    const s = squareRootStaffing({ offeredLoad: 10, costRatio: 1e-6 });
    expect(s.fractionalAgents).toBeLessThan(10.5);
    expect(s.agents).toBe(11);
  });
});
