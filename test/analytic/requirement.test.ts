import { describe, expect, it } from 'vitest';
import { erlangMessage } from '../../src/analytic/erlang.js';
import { intervalRequirement } from '../../src/analytic/requirement.js';

/** Exact Erlang C for an integer load a, BigInt rational: c·aᶜ / ((c−a)·Σₖ<c aᵏ·c!/k! + c·aᶜ). */
function erlangCExact(a: number, c: number): number {
  const A = BigInt(a);
  const C = BigInt(c);
  let sum = 0n;
  let falling = C;
  for (let k = c - 1; k >= 0; k--) {
    sum += A ** BigInt(k) * falling;
    falling *= BigInt(k);
  }
  const top = C * A ** C;
  return Number((top * 10n ** 30n) / ((C - A) * sum + top)) / 1e30;
}

describe('intervalRequirement', () => {
  it('needs 14 agents and schedules 20 at 30% shrinkage for 10 erlangs at 80/20 (the callcentrehelper.com example)', () => {
    // 100 calls per 30 min, AHT 180 s: a = 10 erlangs. SL(c) = 1 − C(10, c)·e^{−(c−10)·20/180}, with C exact:
    const sl = (c: number) => 1 - erlangCExact(10, c) * Math.exp((-(c - 10) * 20) / 180);
    expect(sl(13)).toBeLessThan(0.8); // 0.7956
    expect(sl(14)).toBeGreaterThanOrEqual(0.8); // 0.8884
    const r = intervalRequirement({ ratePerHour: [200], ahtSec: 180, serviceLevel: 0.8, thresholdSec: 20, shrinkage: 0.3 });
    expect(r.agents).toEqual([14]);
    // 14 / 0.7 = 20 exactly; in floating point 20.000000000000004, which a bare ceiling would make 21.
    expect(r.scheduled).toEqual([20]);
  });

  it('needs nobody in an interval without arrivals, and rounds scheduled agents up otherwise', () => {
    const r = intervalRequirement({ ratePerHour: [0, 200, 0, 200], ahtSec: 180, serviceLevel: 0.8, thresholdSec: 20, shrinkage: 0.25 });
    expect(r.agents).toEqual([0, 14, 0, 14]);
    expect(r.scheduled).toEqual([0, 19, 0, 19]); // 14 / 0.75 = 18.67
  });

  it('needs no more agents with impatient customers (Erlang A), and at least as many when abandonment is capped too', () => {
    const base = { ratePerHour: [200, 600], ahtSec: 180, serviceLevel: 0.8, thresholdSec: 20 };
    const patient = intervalRequirement(base).agents;
    const impatient = intervalRequirement({ ...base, patienceSec: 120 }).agents;
    const capped = intervalRequirement({ ...base, patienceSec: 120, maxAbandonRate: 0.005 }).agents;
    const capOnly = intervalRequirement({ ...base, serviceLevel: 0, patienceSec: 120, maxAbandonRate: 0.005 }).agents;
    impatient.forEach((a, i) => expect(a).toBeLessThanOrEqual(patient[i]!));
    capped.forEach((a, i) => expect(a).toBe(Math.max(impatient[i]!, capOnly[i]!)));
  });

  it('rejects shrinkage outside [0, 1), a negative rate, and an abandonment cap without patience', () => {
    const base = { ratePerHour: [200], ahtSec: 180, serviceLevel: 0.8, thresholdSec: 20 };
    expect(() => intervalRequirement({ ...base, shrinkage: 1 })).toThrow(new RangeError(erlangMessage.invalid('shrinkage', 1, 'a number in [0, 1)')));
    expect(() => intervalRequirement({ ...base, ratePerHour: [-1] })).toThrow(new RangeError(erlangMessage.invalid('ratePerHour[0]', -1, 'a finite number >= 0')));
    expect(() => intervalRequirement({ ...base, maxAbandonRate: 0.1 }))
      .toThrow(new RangeError(erlangMessage.invalid('maxAbandonRate', 0.1, 'given only with patienceSec (Erlang A)')));
  });
});
