import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.js';

/** Pops everything, returning [time, kind, data] triples in pop order. */
function drain(cal: Calendar): [number, number, number][] {
  const out: [number, number, number][] = [];
  while (cal.pop()) out.push([cal.now, cal.kind, cal.data]);
  return out;
}

describe('Calendar', () => {
  it('pops events in time order', () => {
    const cal = new Calendar([0]);
    for (const t of [5, 1, 4, 2, 3]) cal.schedule(t, 0, t * 10);
    expect(drain(cal).map(([t, , d]) => [t, d])).toEqual([[1, 10], [2, 20], [3, 30], [4, 40], [5, 50]]);
  });

  it('runs equal-time events by rank, then in scheduling order', () => {
    const cal = new Calendar([2, 0, 1]);
    cal.schedule(7, 0, 1);
    cal.schedule(7, 1, 2);
    cal.schedule(7, 2, 3);
    cal.schedule(7, 1, 4);
    cal.schedule(7, 0, 5);
    expect(drain(cal).map(([, k, d]) => [k, d])).toEqual([[1, 2], [1, 4], [2, 3], [0, 1], [0, 5]]);
  });

  it('matches a sort by (time, rank, seq) for any schedule, lanes included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.integer({ min: 0, max: 20 }), kind: fc.integer({ min: 0, max: 3 }), lane: fc.boolean() }), { maxLength: 300 }),
        (items) => {
          const ranks = [3, 1, 2, 0];
          const viaHeap = new Calendar(ranks, 16);
          const mixed = new Calendar(ranks, 16);
          // Lane events: one lane per kind, so at most one pending per kind at a time.
          const lanes = ranks.map((_, kind) => mixed.addLane(kind));
          const pending = new Set<number>();
          items.forEach(({ t, kind, lane }, i) => {
            viaHeap.schedule(t, kind, i);
            if (lane && !pending.has(kind)) {
              mixed.setLane(lanes[kind]!, t, i);
              pending.add(kind);
            } else mixed.schedule(t, kind, i);
          });
          const expected = items
            .map((it, seq) => ({ ...it, seq }))
            .sort((a, b) => a.t - b.t || ranks[a.kind]! - ranks[b.kind]! || a.seq - b.seq)
            .map((e) => [e.t, e.kind, e.seq]);
          expect(drain(viaHeap)).toEqual(expected);
          expect(drain(mixed)).toEqual(expected);
        },
      ),
    );
  });

  it('grows past its initial capacity without losing events', () => {
    const cal = new Calendar([0], 16);
    const n = 10_000;
    for (let i = 0; i < n; i++) cal.schedule((i * 7919) % n, 0, i);
    expect(cal.size).toBe(n);
    const times = drain(cal).map(([t]) => t);
    expect(times).toHaveLength(n);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
  });

  it('counts popped events and reports the next time', () => {
    const cal = new Calendar([0]);
    const lane = cal.addLane(0);
    expect(cal.peekTime()).toBe(Infinity);
    expect(cal.pop()).toBe(false);
    cal.schedule(3, 0, 0);
    cal.setLane(lane, 2);
    expect(cal.size).toBe(2);
    expect(cal.peekTime()).toBe(2);
    drain(cal);
    expect(cal.popped).toBe(2);
    expect(cal.now).toBe(3);
  });

  it('refuses to schedule into the past and ranks outside the table', () => {
    const cal = new Calendar([0]);
    cal.schedule(5, 0, 0);
    cal.pop();
    expect(() => cal.schedule(4, 0, 0)).toThrow(RangeError);
    expect(() => cal.schedule(Number.NaN, 0, 0)).toThrow(RangeError);
    expect(() => new Calendar([1.5])).toThrow(RangeError);
    expect(() => new Calendar([1000])).toThrow(RangeError);
  });
});
