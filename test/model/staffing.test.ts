import { describe, expect, it } from 'vitest';
import { philoxKey } from '../../src/engine/random/philox.js';
import type { GroupConfig } from '../../src/model/config.js';
import { ABSENCE_COUNTER_BOUNDS, absenceCounter, KeyedDraws, PURPOSE } from '../../src/model/draws.js';
import { LIMITS } from '../../src/scenario/limits.js';
import { buildStaffing, integrateSteps, type StaffingSteps } from '../../src/model/staffing.js';

const H = 3600;
const DAY = 86_400;

function group(over: Partial<GroupConfig>): GroupConfig {
  return { name: 'g', wagePerHour: 30, shrinkage: 0, handleFactor: 1, resolveOddsFactor: 1, courtesy: 3, escalateTo: -1, shifts: [], roster: null, ...over };
}

/** The level of group 0 just after time t. */
function levelAt(s: StaffingSteps, t: number): number {
  let level = 0;
  for (let i = 0; i < s.time.length && s.time[i]! <= t; i++) if (s.group[i] === 0) level += s.delta[i]!;
  return level;
}

/** The model's absence draws (model/contact-center.ts): keyed by (day, group, shift, agent). */
const absence = (seed = 1) => {
  const keyed = new KeyedDraws(philoxKey(seed, 0, 'keyed'));
  return (day: number, g: number, shift: number, agent: number) => keyed.uniform(absenceCounter(day, g, shift), agent, PURPOSE.absence);
};

describe('buildStaffing', () => {
  it('staffs a weekday shift on weekdays only, from its start to its end', () => {
    const g = group({ shifts: [{ weekdays: [0, 1, 2, 3, 4], startSec: 8 * H, endSec: 17 * H, agents: 10, breaks: [] }] });
    const { available, paid } = buildStaffing([g], 7 * DAY, absence());
    expect(levelAt(available, 7.99 * H)).toBe(0);
    expect(levelAt(available, 8 * H)).toBe(10);
    expect(levelAt(available, 17 * H)).toBe(0);
    expect(levelAt(available, 5 * DAY + 12 * H)).toBe(0); // Saturday
    expect(integrateSteps(paid, 0, 0, 7 * DAY, 1800, null)).toBe(5 * 9 * 10 * H);
  });

  it('runs an overnight shift past midnight', () => {
    const g = group({ shifts: [{ weekdays: [0], startSec: 22 * H, endSec: 30 * H, agents: 3, breaks: [] }] });
    const { available } = buildStaffing([g], 7 * DAY, absence());
    expect(levelAt(available, DAY + 5 * H)).toBe(3);
    expect(levelAt(available, DAY + 6 * H)).toBe(0);
  });

  it('staggers breaks: capacity dips by the break share, never to zero, and is unpaid-neutral', () => {
    const breakSec = 1800;
    const g = group({ shifts: [{ weekdays: [0], startSec: 8 * H, endSec: 17 * H, agents: 12, breaks: [{ startSec: 12 * H, durationSec: breakSec, staggerSec: 2 * H }] }] });
    const { available, paid } = buildStaffing([g], DAY, absence());
    let low = Infinity;
    for (let t = 12 * H; t < 14.5 * H; t += 60) low = Math.min(low, levelAt(available, t));
    // 12 agents over 2 h, 30 min each: at most 3 away at once.
    expect(low).toBe(9);
    expect(integrateSteps(available, 0, 0, DAY, 1800, null)).toBe(12 * 9 * H - 12 * breakSec);
    expect(integrateSteps(paid, 0, 0, DAY, 1800, null)).toBe(12 * 9 * H);
  });

  it('loses a share of agent-shifts to shrinkage, within the binomial interval', () => {
    const s = 0.2;
    const g = group({ shrinkage: s, shifts: [{ weekdays: [0, 1, 2, 3, 4, 5, 6], startSec: 0, endSec: 8 * H, agents: 50, breaks: [] }] });
    const days = 200;
    const { available, paid } = buildStaffing([g], days * DAY, absence());
    const share = integrateSteps(available, 0, 0, days * DAY, 1800, null) / integrateSteps(paid, 0, 0, days * DAY, 1800, null);
    const n = 50 * days; // agent-shifts, each present with probability 1 − s
    expect(Math.abs(share - (1 - s))).toBeLessThan(4 * Math.sqrt((s * (1 - s)) / n));
  });

  it('keeps each agent’s absences when a shift has fewer agents (common random numbers): 44 present ⊆ 46 present, day by day', () => {
    const shift = (agents: number) => group({ shrinkage: 0.3, shifts: [{ weekdays: [0, 1, 2, 3, 4, 5, 6], startSec: 8 * H, endSec: 20 * H, agents, breaks: [] }] });
    const days = 100;
    const more = buildStaffing([shift(46)], days * DAY, absence(7)).available;
    const fewer = buildStaffing([shift(44)], days * DAY, absence(7)).available;
    let differ = 0;
    for (let d = 0; d < days; d++) {
      const t = d * DAY + 12 * H;
      const gap = levelAt(more, t) - levelAt(fewer, t);
      // Agents 0 … 43 are the same people with the same absences; only agents 44 and 45 can add.
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThanOrEqual(2);
      if (gap !== 2) differ++;
    }
    // Both extra agents present with probability 0.7² = 0.49: the days they are not are
    // Binomial(100, 0.51), 51 ± 4·5.0 — not 0 (the draws are still random) and not all.
    expect(Math.abs(differ - 51)).toBeLessThan(4 * Math.sqrt(100 * 0.51 * 0.49));
  });

  it('splits the integral over buckets exactly', () => {
    const g = group({ shifts: [{ weekdays: [0, 1, 2, 3, 4, 5, 6], startSec: 8.25 * H, endSec: 9.75 * H, agents: 4, breaks: [] }] });
    const { available } = buildStaffing([g], DAY, absence());
    const out = new Float64Array(48);
    const total = integrateSteps(available, 0, 0, DAY, 1800, out);
    expect(total).toBe(4 * 1.5 * H);
    expect(Array.from(out.slice(16, 20))).toEqual([4 * 900, 4 * 1800, 4 * 1800, 4 * 900]);
  });
});

describe('buildStaffing with a roster', () => {
  it('puts the listed agents on duty interval by interval, paid and available alike', () => {
    const agents = Array.from({ length: 48 }, (_, k) => (k >= 16 && k < 40 ? 3 + (k % 3) : 0));
    const g = group({ roster: { intervalSec: 1800, agents } });
    const { available, paid } = buildStaffing([g], DAY, absence());
    for (let k = 0; k < 48; k++) expect(levelAt(available, k * 1800 + 900)).toBe(agents[k]);
    const expected = agents.reduce((s, a) => s + a, 0) * 1800;
    expect(integrateSteps(paid, 0, 0, DAY, 1800, null)).toBe(expected);
    expect(integrateSteps(available, 0, 0, DAY, 1800, null)).toBe(expected);
  });

  it('repeats a one-day roster every day', () => {
    const agents = Array.from({ length: 24 }, (_, k) => (k === 9 ? 7 : 0));
    const { available } = buildStaffing([group({ roster: { intervalSec: 3600, agents } })], 5 * DAY, absence());
    expect(levelAt(available, 3 * DAY + 9.5 * H)).toBe(7);
    expect(levelAt(available, 3 * DAY + 10.5 * H)).toBe(0);
  });
});

describe('absenceCounter', () => {
  it('has room for every scenario the limits allow (a 1,000-group center failed with a RangeError mid-run)', () => {
    // The horizon's days plus a partial one at each end, every group and every shift a list may hold.
    expect(LIMITS.horizonDays + 2).toBeLessThanOrEqual(ABSENCE_COUNTER_BOUNDS.days);
    expect(LIMITS.listItems).toBeLessThanOrEqual(ABSENCE_COUNTER_BOUNDS.groups);
    expect(LIMITS.listItems).toBeLessThanOrEqual(ABSENCE_COUNTER_BOUNDS.shifts);
    const last = absenceCounter(LIMITS.horizonDays + 1, LIMITS.listItems - 1, LIMITS.listItems - 1);
    expect(last).toBeLessThan(2 ** 32); // a Philox counter word
  });

  it('gives distinct words to distinct (day, group, shift)', () => {
    const seen = new Set<number>();
    for (const day of [0, 1, 3651]) for (const g of [0, 1, 255, 256, 999]) for (const s of [0, 1, 255, 256, 999]) seen.add(absenceCounter(day, g, s));
    expect(seen.size).toBe(3 * 5 * 5);
  });
});
