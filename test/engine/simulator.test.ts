import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.js';
import { simulate } from '../../src/engine/simulator.js';

describe('simulate', () => {
  it('dispatches every event in order, with the clock at the event time', () => {
    const cal = new Calendar([0, 0]);
    const seen: [number, number, number][] = [];
    const model = {
      dispatch(kind: number, data: number) {
        seen.push([cal.now, kind, data]);
        if (kind === 0 && data < 3) cal.schedule(cal.now + 1, 0, data + 1);
      },
    };
    cal.schedule(0, 0, 0);
    cal.schedule(1.5, 1, 9);
    expect(simulate(cal, model)).toBe(5);
    expect(seen).toEqual([[0, 0, 0], [1, 0, 1], [1.5, 1, 9], [2, 0, 2], [3, 0, 3]]);
  });

  it('stops before the first event after `until` and can resume', () => {
    const cal = new Calendar([0]);
    for (const t of [1, 2, 3, 4]) cal.schedule(t, 0, t);
    const seen: number[] = [];
    const model = { dispatch: (_k: number, d: number) => void seen.push(d) };
    expect(simulate(cal, model, 2.5)).toBe(2);
    expect(seen).toEqual([1, 2]);
    expect(simulate(cal, model)).toBe(2);
    expect(seen).toEqual([1, 2, 3, 4]);
  });
});
