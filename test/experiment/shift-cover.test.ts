import { describe, expect, it } from 'vitest';
import {
  coverShifts,
  shiftCoverLp,
  shiftCoverMessage,
  workedIntervals,
  type CandidateShift,
  type ShiftCoverInput,
} from '../../src/experiment/shift-cover.js';

/** mulberry32, the test's own source of random instances. */
function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The test's own coverage matrix: does shift s work week interval t? (cyclic week, breaks off) */
function works(s: CandidateShift, intervalsPerDay: number, t: number): boolean {
  const week = 7 * intervalsPerDay;
  return s.days.some((day) => {
    const k = (((t - day * intervalsPerDay - s.startInterval) % week) + week) % week; // position within the shift
    return k < s.lengthIntervals && !(s.breaks ?? []).some((b) => k >= b.offsetIntervals && k < b.offsetIntervals + b.lengthIntervals);
  });
}

/** Enumerates every integer staffing up to a bound per shift; returns the least cost of a covering one. */
function bruteForce(input: ShiftCoverInput, bound: number): number {
  const { shifts, requirement, intervalsPerDay, shrinkage = {} } = input;
  let best = Infinity;
  const x = shifts.map(() => 0);
  const visit = (i: number): void => {
    if (i === shifts.length) {
      const covers = requirement.every((need, t) =>
        shifts.reduce((sum, s, j) => sum + (works(s, intervalsPerDay, t) ? (1 - (shrinkage[s.group ?? ''] ?? 0)) * x[j]! : 0), 0) >= need - 1e-9);
      if (covers) best = Math.min(best, shifts.reduce((sum, s, j) => sum + s.costPerAgent * x[j]!, 0));
      return;
    }
    for (let v = 0; v <= Math.min(bound, shifts[i]!.maxAgents ?? bound); v++) {
      x[i] = v;
      visit(i + 1);
    }
  };
  visit(0);
  return best;
}

/** Mon–Fri, Sat–Sun and all-week shifts, one interval a day: the weekday/weekend instance. */
const weekdayWeekend: ShiftCoverInput = {
  intervalsPerDay: 1,
  requirement: [3, 3, 3, 3, 3, 2, 2],
  shifts: [
    { id: 'weekdays', days: [0, 1, 2, 3, 4], startInterval: 0, lengthIntervals: 1, costPerAgent: 500 },
    { id: 'weekend', days: [5, 6], startInterval: 0, lengthIntervals: 1, costPerAgent: 250 },
    { id: 'all-week', days: [0, 1, 2, 3, 4, 5, 6], startInterval: 0, lengthIntervals: 1, costPerAgent: 650 },
  ],
};

describe('workedIntervals', () => {
  it('wraps a night shift past midnight and Sunday night into Monday, and leaves out its break', () => {
    // 4 intervals a day (6-hour blocks); starts in the last block of Sunday (interval 27), 3 blocks long,
    // break in its second block: works 27, then (28 mod 28) = 0 is the break, then 1.
    const night: CandidateShift = { id: 'n', days: [6], startInterval: 3, lengthIntervals: 3, breaks: [{ offsetIntervals: 1, lengthIntervals: 1 }], costPerAgent: 1 };
    expect(workedIntervals(night, 4)).toEqual([1, 27]);
    expect(workedIntervals({ ...night, days: [0, 2], breaks: [] }, 4)).toEqual([3, 4, 5, 11, 12, 13]);
  });
});

describe('shiftCoverLp', () => {
  it('writes one covering row per interval with a positive requirement, the bounds and a General section', () => {
    const lp = shiftCoverLp({ ...weekdayWeekend, shifts: weekdayWeekend.shifts.map((s, i) => (i === 1 ? { ...s, maxAgents: 4 } : s)), shrinkage: { '': 0.25 } });
    expect(lp).toContain(' cost: 500 x0 + 250 x1 + 650 x2');
    expect(lp).toContain(' cover_0: 0.75 x0 + 0.75 x2 >= 3');
    expect(lp).toContain(' cover_6: 0.75 x1 + 0.75 x2 >= 2');
    expect(lp).toContain(' 0 <= x1 <= 4');
    expect(lp).toMatch(/\nGeneral\n x0\n x1\n x2\nEnd\n$/);
  });

  it('rejects a requirement of the wrong length and a duplicate shift id, with the messages written once', () => {
    expect(() => shiftCoverLp({ ...weekdayWeekend, requirement: [1, 2] })).toThrow(new RangeError(shiftCoverMessage.requirementLength(2, 1)));
    expect(() => shiftCoverLp({ ...weekdayWeekend, shifts: [weekdayWeekend.shifts[0]!, weekdayWeekend.shifts[0]!] }))
      .toThrow(new RangeError(shiftCoverMessage.duplicateId('weekdays')));
    expect(() => shiftCoverLp({ ...weekdayWeekend, shrinkage: { '': 1 } })).toThrow(new RangeError(shiftCoverMessage.invalid('shrinkage.', 1, 'a number in [0, 1)')));
  });
});

describe('coverShifts', () => {
  it('staffs 1 weekday and 2 all-week agents at 1,800 in the weekday/weekend instance (by hand)', async () => {
    // With c all-week agents: weekdays need max(0, 3 − c), weekends max(0, 2 − c):
    // c = 0 → 1500 + 500 = 2000; c = 1 → 1000 + 250 + 650 = 1900; c = 2 → 500 + 1300 = 1800; c = 3 → 1950.
    const r = await coverShifts(weekdayWeekend);
    expect(r).toEqual({ status: 'optimal', agents: [1, 0, 2], totalCost: 1800, coverage: [3, 3, 3, 3, 3, 2, 2] });
  });

  it('divides the requirement by 1 − shrinkage: 4 available agents at 20% shrinkage take 5 scheduled', async () => {
    const r = await coverShifts({
      intervalsPerDay: 1,
      requirement: [4, 0, 0, 0, 0, 0, 0],
      shifts: [{ id: 'mon', days: [0], startInterval: 0, lengthIntervals: 1, costPerAgent: 10, group: 'tier1' }],
      shrinkage: { tier1: 0.2 },
    });
    expect(r).toMatchObject({ status: 'optimal', agents: [5], totalCost: 50 });
  });

  it('matches brute-force enumeration on 25 random small instances with breaks, night shifts, shrinkage and bounds', async () => {
    const rng = mulberry32(1954);
    const pick = (n: number) => Math.floor(rng() * n);
    for (let instance = 0; instance < 25; instance++) {
      const intervalsPerDay = 2;
      const shifts: CandidateShift[] = [
        // one shift that works every interval keeps every instance feasible
        { id: 'always', days: [0, 1, 2, 3, 4, 5, 6], startInterval: 0, lengthIntervals: 2, costPerAgent: 30 + pick(20) },
      ];
      for (let s = 0; s < 3; s++) {
        const days = [0, 1, 2, 3, 4, 5, 6].filter(() => rng() < 0.5);
        const length = 1 + pick(3);
        shifts.push({
          id: `s${s}`,
          days: days.length > 0 ? days : [pick(7)],
          startInterval: pick(intervalsPerDay),
          lengthIntervals: length,
          breaks: length === 3 && rng() < 0.5 ? [{ offsetIntervals: 1, lengthIntervals: 1 }] : [],
          costPerAgent: 1 + pick(25),
          group: rng() < 0.3 ? 'part-time' : '',
          ...(rng() < 0.3 ? { maxAgents: 1 } : {}),
        });
      }
      const input: ShiftCoverInput = {
        intervalsPerDay,
        requirement: Array.from({ length: 7 * intervalsPerDay }, () => pick(3)),
        shifts,
        shrinkage: { 'part-time': 0.5 },
      };
      // Requirement ≤ 2 and availability ≥ 0.5 per agent: no optimum uses more than 4 agents on a shift.
      const expected = bruteForce(input, 4);
      const r = await coverShifts(input);
      if (r.status !== 'optimal') throw new Error(`instance ${instance}: ${r.status}`);
      expect(r.totalCost, `instance ${instance}`).toBe(expected);
      input.requirement.forEach((need, t) => expect(r.coverage[t]!).toBeGreaterThanOrEqual(need - 1e-9));
    }
  });

  it('reports infeasible, naming the intervals, when a requirement falls where no candidate works', async () => {
    const r = await coverShifts({ ...weekdayWeekend, shifts: weekdayWeekend.shifts.slice(0, 1) });
    expect(r).toEqual({ status: 'infeasible', uncovered: [5, 6] });
  });

  it('reports infeasible when the upper bounds leave the requirement uncovered (proved by HiGHS)', async () => {
    const r = await coverShifts({ ...weekdayWeekend, shifts: weekdayWeekend.shifts.map((s) => ({ ...s, maxAgents: 1 })) });
    expect(r).toEqual({ status: 'infeasible', uncovered: [] });
  });

  it('reports unbounded when a shift without an upper bound has a negative cost', async () => {
    const bonus: CandidateShift = { id: 'bonus', days: [0], startInterval: 0, lengthIntervals: 1, costPerAgent: -1 };
    expect(await coverShifts({ ...weekdayWeekend, shifts: [...weekdayWeekend.shifts, bonus] })).toEqual({ status: 'unbounded' });
  });

  it('reports infeasible, not unbounded, when a negative-cost shift exists but the bounds leave Tuesday uncovered', async () => {
    const bonus: CandidateShift = { id: 'bonus', days: [0], startInterval: 0, lengthIntervals: 1, costPerAgent: -1 };
    const bounded = weekdayWeekend.shifts.map((s) => ({ ...s, maxAgents: 1 }));
    expect(await coverShifts({ ...weekdayWeekend, shifts: [...bounded, bonus] })).toEqual({ status: 'infeasible', uncovered: [] });
  });

  it('gives the same plan for the same week twice (7 × 48 intervals, 35 candidate shifts)', async () => {
    const input = week48();
    const first = await coverShifts(input);
    const second = await coverShifts(input);
    expect(first.status).toBe('optimal');
    expect(second).toEqual(first);
    if (first.status === 'optimal') input.requirement.forEach((need, t) => expect(first.coverage[t]!).toBeGreaterThanOrEqual(need - 1e-9));
  });
});

/** A realistic week: two daily peaks, quieter weekends; 7 day-off patterns × 5 starts of 8.5 h with a break. */
function week48(): ShiftCoverInput {
  const intervalsPerDay = 48;
  const requirement: number[] = [];
  for (let d = 0; d < 7; d++) {
    for (let i = 0; i < intervalsPerDay; i++) {
      const h = i / 2;
      const base = h < 7 || h >= 22 ? 2 : 10 + 25 * Math.exp(-((h - 11) ** 2) / 6) + 18 * Math.exp(-((h - 16) ** 2) / 5);
      requirement.push(Math.ceil(base * (d >= 5 ? 0.6 : 1)));
    }
  }
  const shifts: CandidateShift[] = [];
  for (let first = 0; first < 7; first++) {
    const days = [0, 1, 2, 3, 4].map((k) => (first + k) % 7);
    for (const start of [0, 14, 18, 24, 31]) {
      shifts.push({
        id: `d${first}-s${start}`,
        days,
        startInterval: start,
        lengthIntervals: 17,
        breaks: start === 0 ? [] : [{ offsetIntervals: 8, lengthIntervals: 1 }],
        costPerAgent: start === 0 ? 1000 : 800,
        group: start === 0 ? 'night' : 'day',
      });
    }
  }
  return { intervalsPerDay, requirement, shifts, shrinkage: { day: 0.3, night: 0.25 } };
}

describe('alternatives of one shift (exclusive) and lower bounds', () => {
  // One day of 4 intervals: 2 agents needed in intervals 0–1, 1 in 2–3. One shift of 2 intervals
  // whose start is to be chosen (0, 1 or 2), and a fixed late shift over intervals 2–3.
  const base: ShiftCoverInput = {
    intervalsPerDay: 4,
    requirement: Array.from({ length: 7 }, () => [2, 2, 1, 1]).flat(),
    shifts: [
      { id: 'early@0', days: [0, 1, 2, 3, 4, 5, 6], startInterval: 0, lengthIntervals: 2, costPerAgent: 10, maxAgents: 5, exclusive: 'early' },
      { id: 'early@1', days: [0, 1, 2, 3, 4, 5, 6], startInterval: 1, lengthIntervals: 2, costPerAgent: 10, maxAgents: 5, exclusive: 'early' },
      { id: 'early@2', days: [0, 1, 2, 3, 4, 5, 6], startInterval: 2, lengthIntervals: 2, costPerAgent: 10, maxAgents: 5, exclusive: 'early' },
      { id: 'late', days: [0, 1, 2, 3, 4, 5, 6], startInterval: 2, lengthIntervals: 2, costPerAgent: 10 },
    ],
  };

  it('takes exactly one start of a shift whose start is chosen', async () => {
    // By hand: early must cover intervals 0–1 (2 agents), so it starts at 0; late covers 2–3 with 1.
    const r = await coverShifts(base);
    expect(r.status).toBe('optimal');
    if (r.status !== 'optimal') return;
    expect(r.agents).toEqual([2, 0, 0, 1]);
    expect(r.totalCost).toBe(30);
    expect(shiftCoverLp(base)).toMatch(/one_0: y0 \+ y1 \+ y2 = 1/);
  });

  it('keeps a taken alternative within its minimum, and a fixed candidate above its own', async () => {
    // Without exclusivity the cheapest cover would be the same; a minimum of 3 on every early
    // start and of 2 on late changes it: early@0 with 3, late with 2 (by hand: 5 agents × 10).
    const bounded = { ...base, shifts: base.shifts.map((s) => (s.id === 'late' ? { ...s, minAgents: 2 } : { ...s, minAgents: 3 })) };
    const r = await coverShifts(bounded);
    expect(r.status === 'optimal' && r.agents).toEqual([3, 0, 0, 2]);
  });

  it('refuses an exclusive candidate without maxAgents, and a minimum above the maximum', () => {
    const open = { ...base, shifts: [{ ...base.shifts[0]!, maxAgents: undefined }, ...base.shifts.slice(1)] };
    expect(() => shiftCoverLp(open)).toThrow(new RangeError(shiftCoverMessage.invalid('shifts[0].maxAgents', undefined, 'given for a shift with an exclusive key')));
    const upside = { ...base, shifts: [{ ...base.shifts[0]!, minAgents: 6 }, ...base.shifts.slice(1)] };
    expect(() => shiftCoverLp(upside)).toThrow(/shifts\[0\]\.minAgents must be an integer >= 0 and <= maxAgents/);
  });
});
