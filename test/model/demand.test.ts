/**
 * Demand: the profile arithmetic, and the non-homogeneous Poisson process against it.
 * Counts of a Poisson process in disjoint intervals are independent Poisson(Λ) with Λ the
 * integrated rate, so each count is checked against Λ ± z·√Λ with z from a Bonferroni-adjusted
 * normal quantile (family-wise 95% over all intervals checked).
 */
import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/engine/random/stream.js';
import { tQuantile } from '../../src/engine/stats/student-t.js';
import { ArrivalProcess, profileRate } from '../../src/model/demand.js';
import type { DemandConfig } from '../../src/model/config.js';

const flat = (n: number) => new Array<number>(n).fill(1);
/** The same intraday shape on every weekday. */
const week = (day: number[]) => Array.from({ length: 7 }, () => day);
// A two-peak day on 48 half-hours, zero volume from 00:00 to 06:00 (already mean 1 after scaling).
const raw = Array.from({ length: 48 }, (_, k) => (k < 12 ? 0 : 1 + Math.sin(((k - 12) / 36) * 2 * Math.PI) ** 2 * 2));
const mean = raw.reduce((s, v) => s + v, 0) / 48;
const intraday = raw.map((v) => v / mean);

function demand(over: Partial<DemandConfig> = {}): DemandConfig {
  return { baseRatePerSec: 0.05, intervalSec: 1800, intraday: week(intraday), weekly: flat(7), monthly: flat(12), trendPerYear: 0, dayFactorCv: 0, startWeekday: 0, startMonth: 0, ...over };
}

describe('profileRate', () => {
  it('averages to the base rate over a week when the profiles have mean 1', () => {
    const weekly = [1.2, 1.1, 1, 1, 1, 0.9, 0.8];
    const d = demand({ weekly });
    let sum = 0;
    for (let k = 0; k < 7 * 48; k++) sum += profileRate(d, k);
    expect(sum / (7 * 48)).toBeCloseTo(0.05, 12);
  });

  it('applies the weekday, the month and a compounding trend', () => {
    const d = demand({ intraday: week(flat(48)), weekly: [2, 1, 1, 1, 1, 1, 1], monthly: [1, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], trendPerYear: 0.1, startWeekday: 6 });
    expect(profileRate(d, 48)).toBeCloseTo(0.05 * 2 * 1.1 ** ((48 * 1800) / (360 * 86400)), 12); // day 1 is a Monday
    expect(profileRate(d, 48 * 30)).toBeCloseTo(0.05 * 3 * 1.1 ** (30 / 360), 12); // day 30 is in February, a Tuesday
  });
});

describe('ArrivalProcess', () => {
  function counts(d: DemandConfig, days: number, seed: number) {
    const horizon = days * 86_400;
    const p = new ArrivalProcess(d, horizon, createStream(seed, 0, 'arrivals'), createStream(seed, 0, 'dayFactor'));
    const perInterval = new Float64Array(days * 48);
    let last = 0;
    for (let t = p.next(); t !== Infinity; t = p.next()) {
      expect(t).toBeGreaterThanOrEqual(last);
      expect(t).toBeLessThan(horizon);
      last = t;
      perInterval[Math.floor(t / 1800)]!++;
    }
    return perInterval;
  }

  it('gives counts per interval of the day that follow the profile', () => {
    const days = 100;
    const c = counts(demand(), days, 5);
    const z = tQuantile(1 - 0.05 / 48 / 2, 1e7); // the normal quantile, to 1e-6
    const misses: string[] = [];
    for (let j = 0; j < 48; j++) {
      let n = 0;
      for (let d = 0; d < days; d++) n += c[d * 48 + j]!;
      const expected = profileRate(demand(), j) * 1800 * days;
      if (expected === 0) {
        if (n !== 0) misses.push(`interval ${j}: ${n} arrivals in a zero-rate interval`);
      } else if (Math.abs(n - expected) > z * Math.sqrt(expected)) misses.push(`interval ${j}: ${n} vs ${expected.toFixed(1)}`);
    }
    expect(misses).toEqual([]);
  });

  it('makes daily volumes over-dispersed by the gamma day factor: Var = m + m²·cv²', () => {
    // Daily count N | F ~ Poisson(m·F), F ~ Gamma(mean 1, cv): E N = m, Var N = m + m²cv².
    const days = 400;
    const cv = 0.2;
    const d = demand({ intraday: week(flat(48)), dayFactorCv: cv });
    const c = counts(d, days, 8);
    const daily = Array.from({ length: days }, (_, i) => c.slice(i * 48, (i + 1) * 48).reduce((s, v) => s + v, 0));
    const m = 0.05 * 86_400;
    const avg = daily.reduce((s, v) => s + v, 0) / days;
    const variance = daily.reduce((s, v) => s + (v - avg) ** 2, 0) / (days - 1);
    const expected = m + m * m * cv * cv;
    // The sample variance of n near-normal values has relative s.e. √(2/(n−1)) ≈ 7%; allow 4 s.e.
    expect(Math.abs(variance / expected - 1)).toBeLessThan(4 * Math.sqrt(2 / (days - 1)));
    expect(Math.abs(avg - m)).toBeLessThan(4 * Math.sqrt(expected / days));
    // Pure Poisson would have variance m: far below.
    expect(variance).toBeGreaterThan(5 * m);
  });

  it('is the same sequence for the same streams and stops at the horizon', () => {
    const a = counts(demand(), 3, 1);
    const b = counts(demand(), 3, 1);
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});
