import { describe, expect, it } from 'vitest';
import { erlangMessage } from '../../src/analytic/erlang.js';
import { optimalStaffing, staffingCost, type StaffingCostInput } from '../../src/analytic/staffing-cost.js';

/** An exact non-negative rational, numerator over denominator, in BigInt. */
interface Fraction { n: bigint; d: bigint }
const less = (x: Fraction, y: Fraction): boolean => x.n * y.d < y.n * x.d;
const toNumber = (x: Fraction): number => Number((x.n * 10n ** 40n) / x.d) / 1e40;

/**
 * Exact cost per hour of c agents in M/M/c, as a rational, with no recursion and no floating point:
 * λ = L per hour, AHT = S seconds, so a = p/q with p = L·S, q = 3600. Erlang C by the direct formula
 * multiplied through by c!·qᶜ·(cq − p): C = pᶜ·c·q / (Σₖ<c pᵏ·q^(c−k)·c!/k! · (cq − p) + pᶜ·c·q).
 * W_q = C·S/(cq − p) hours, so cost = c·w + (cₘ·60)·L·W_q = c·w + 60·cₘ·p·C/(cq − p).
 */
function exactCost(L: number, S: number, wage: number, waitPerMinute: Fraction, c: number): Fraction {
  const p = BigInt(L * S);
  const q = 3600n;
  const C = BigInt(c);
  const gap = C * q - p;
  if (gap <= 0n) throw new Error('unstable');
  let sum = 0n;
  let falling = 1n; // c!/k!, built from k = c down
  const pow = (x: bigint, k: number) => x ** BigInt(k);
  for (let k = c; k >= 0; k--) {
    if (k < c) sum += pow(p, k) * pow(q, c - k) * falling;
    falling *= BigInt(k === 0 ? 1 : k);
  }
  const top = pow(p, c) * C * q;
  const erlangCNum = top;
  const erlangCDen = sum * gap + top;
  // cost = c·w + 60·cₘ·p·(N/D)/gap, over the common denominator cₘ.d·D·gap.
  const den = waitPerMinute.d * erlangCDen * gap;
  const num = C * BigInt(wage) * den + 60n * waitPerMinute.n * p * erlangCNum;
  return { n: num, d: den };
}

/** Brute force: every stable c in a wide range, compared exactly. */
function bruteForceOptimum(L: number, S: number, wage: number, waitPerMinute: Fraction): { agents: number; cost: Fraction; costs: Fraction[] } {
  const first = Math.floor((L * S) / 3600) + 1;
  let best = { agents: first, cost: exactCost(L, S, wage, waitPerMinute, first) };
  const costs = [best.cost];
  for (let c = first + 1; c <= first + 150; c++) {
    const cost = exactCost(L, S, wage, waitPerMinute, c);
    costs.push(cost);
    if (less(cost, best.cost)) best = { agents: c, cost };
  }
  return { ...best, costs };
}

/**
 * Erlang A by a second, plain method: the birth–death chain's unnormalised weights πₙ ∝ Πλ/deathₖ,
 * truncated 4,000 states above c (the tail is then below 1e-300 for these loads), summed directly.
 * Returns E[wait of all arrivals] in seconds (Little: Lq/λ) and P(abandon) = θ·Lq/λ.
 */
function erlangAPlain(lambdaPerSec: number, ahtSec: number, patienceSec: number, c: number): { waitSec: number; pAbandon: number } {
  const weights: number[] = [1];
  for (let n = 1; n <= c + 4000; n++) {
    const death = n <= c ? n / ahtSec : c / ahtSec + (n - c) / patienceSec;
    weights.push(weights[n - 1]! * (lambdaPerSec / death));
  }
  const z = weights.reduce((s, x) => s + x, 0);
  let lq = 0;
  for (let n = c + 1; n < weights.length; n++) lq += (n - c) * weights[n]! / z;
  return { waitSec: lq / lambdaPerSec, pAbandon: lq / patienceSec / lambdaPerSec };
}

describe('staffingCost', () => {
  it('gives the L. L. Bean costs of Anupindi et al. Example 8.7: $520 with 1 CSR, $40 + 105000/4998 with 2, ≈ $62.66 with 3', () => {
    // Managing Business Process Flows, Example 8.7: λ = 20/h, Tp = 2.5 min, $20 per CSR-hour,
    // $2 per waiting minute, total = 20c + 120·Lq. Lq by hand from the M/M/c closed form
    // Lq = P0·aᶜ·ρ/(c!(1−ρ)²) with a = 5/6: c = 1 → 25/6; c = 2 → P0 = 7/17, Lq = 875/4998;
    // c = 3 → Lq = 0.0221968 (P0 = 0.432133).
    const bean: StaffingCostInput = { ratePerHour: 20, ahtSec: 150, wagePerHour: 20, waitingCostPerMinute: 2 };
    expect(staffingCost(bean, 1).costPerHour).toBeCloseTo(520, 9);
    expect(staffingCost(bean, 2).costPerHour).toBeCloseTo(40 + 105000 / 4998, 9);
    expect(staffingCost(bean, 3).costPerHour).toBeCloseTo(62.6636, 3);
    expect(staffingCost(bean, 2).waitingCostPerHour).toBeCloseTo(120 * (875 / 4998), 9);
  });

  it('splits the cost into wages, waiting and abandonment, which add up', () => {
    const r = staffingCost({ ratePerHour: 600, ahtSec: 300, wagePerHour: 30, waitingCostPerMinute: 0.5, abandonCost: 4, patienceSec: 180 }, 48);
    expect(r.staffingCostPerHour).toBe(48 * 30);
    expect(r.abandonCostPerHour).toBeCloseTo(4 * 600 * r.abandonRate, 9);
    expect(r.waitingCostPerHour).toBeCloseTo((0.5 * 600 * r.waitSec) / 60, 9);
    expect(r.costPerHour).toBeCloseTo(r.staffingCostPerHour + r.waitingCostPerHour + r.abandonCostPerHour, 9);
  });

  it('is infinite for an unstable Erlang C queue with a waiting cost', () => {
    expect(staffingCost({ ratePerHour: 120, ahtSec: 300, wagePerHour: 20, waitingCostPerMinute: 1 }, 10).costPerHour).toBe(Infinity);
  });

  it('rejects bad inputs with the message written once in erlang.ts', () => {
    const base: StaffingCostInput = { ratePerHour: 10, ahtSec: 60, wagePerHour: 20, waitingCostPerMinute: 1 };
    expect(() => staffingCost({ ...base, wagePerHour: 0 }, 1)).toThrow(new RangeError(erlangMessage.invalid('wagePerHour', 0, 'a finite number > 0')));
    expect(() => staffingCost({ ...base, waitingCostPerMinute: -1 }, 1))
      .toThrow(new RangeError(erlangMessage.invalid('waitingCostPerMinute', -1, 'a finite number >= 0')));
    expect(() => staffingCost(base, 1.5)).toThrow(new RangeError(erlangMessage.invalid('agents', 1.5, 'an integer >= 0')));
  });
});

describe('optimalStaffing (Erlang C)', () => {
  it('staffs 2 CSRs in the L. L. Bean example (Anupindi et al., Example 8.7)', () => {
    const r = optimalStaffing({ ratePerHour: 20, ahtSec: 150, wagePerHour: 20, waitingCostPerMinute: 2 });
    expect(r.agents).toBe(2);
    expect(r.costPerHour).toBeCloseTo(40 + 105000 / 4998, 9);
  });

  it('finds the exact optimum of a brute force in exact rationals over 150 stable staffing levels, for ten centres', () => {
    const cases: Array<[L: number, S: number, wage: number, waitPerMinute: Fraction]> = [
      [20, 150, 20, { n: 2n, d: 1n }], // L. L. Bean
      [45, 240, 30, { n: 1n, d: 3n }], // 45/h, 4-min transactions, $30 clerks, $20 per waiting hour
      [100, 180, 25, { n: 1n, d: 2n }], // 5 erlangs
      [600, 300, 30, { n: 1n, d: 2n }], // 50 erlangs
      [600, 300, 30, { n: 10n, d: 1n }], // same, expensive waiting
      [600, 300, 30, { n: 1n, d: 100n }], // same, cheap waiting
      [1200, 360, 18, { n: 3n, d: 4n }], // 120 erlangs
      [333, 217, 22, { n: 7n, d: 5n }], // a non-round load (20.07 erlangs)
      [12, 3600, 40, { n: 1n, d: 1n }], // 12 erlangs, hour-long contacts
      [1, 60, 20, { n: 1n, d: 1n }], // almost idle
    ];
    for (const [L, S, wage, w] of cases) {
      const brute = bruteForceOptimum(L, S, wage, w);
      const r = optimalStaffing({ ratePerHour: L, ahtSec: S, wagePerHour: wage, waitingCostPerMinute: Number(w.n) / Number(w.d) });
      expect(r.agents, `λ=${L} AHT=${S}`).toBe(brute.agents);
      expect(Math.abs(r.costPerHour - toNumber(brute.cost))).toBeLessThanOrEqual(1e-9 * toNumber(brute.cost));
    }
  });

  it('relies on a fact the exact costs confirm: cost is convex over the stable range (Dyer & Proll 1977)', () => {
    for (const [L, S] of [[20, 150], [600, 300], [333, 217]] as const) {
      const { costs } = bruteForceOptimum(L, S, 30, { n: 1n, d: 2n });
      for (let i = 1; i + 1 < costs.length; i++) {
        // second difference cost(i+1) − 2·cost(i) + cost(i−1) ≥ 0, in exact arithmetic
        const [a, b, c] = [costs[i - 1]!, costs[i]!, costs[i + 1]!];
        const lhs = a.n * b.d * c.d + c.n * a.d * b.d; // a + c over a.d·b.d·c.d
        expect(lhs >= 2n * b.n * a.d * c.d).toBe(true);
      }
    }
  });

  it('staffs the smallest stable level when waiting is free: 11 agents for exactly 10 erlangs', () => {
    expect(optimalStaffing({ ratePerHour: 120, ahtSec: 300, wagePerHour: 20, waitingCostPerMinute: 0 }).agents).toBe(11);
  });

  it('staffs nobody when nobody arrives', () => {
    const r = optimalStaffing({ ratePerHour: 0, ahtSec: 300, wagePerHour: 20, waitingCostPerMinute: 5 });
    expect(r).toMatchObject({ agents: 0, costPerHour: 0 });
  });
});

describe('optimalStaffing (Erlang A)', () => {
  it('matches a brute force over 0..3a agents with a plain birth–death computation of waits and abandonment', () => {
    const cases: Array<Required<StaffingCostInput>> = [
      { ratePerHour: 600, ahtSec: 300, wagePerHour: 30, waitingCostPerMinute: 0.5, abandonCost: 4, patienceSec: 180 },
      { ratePerHour: 100, ahtSec: 240, wagePerHour: 25, waitingCostPerMinute: 0, abandonCost: 10, patienceSec: 60 },
      { ratePerHour: 100, ahtSec: 240, wagePerHour: 25, waitingCostPerMinute: 2, abandonCost: 0, patienceSec: 600 },
      // wages so high that letting everyone abandon (0 agents) is cheapest: 2 × 1 × 20/h = $40/h < one agent
      { ratePerHour: 20, ahtSec: 300, wagePerHour: 500, waitingCostPerMinute: 0, abandonCost: 2, patienceSec: 60 },
    ];
    for (const input of cases) {
      const lambda = input.ratePerHour / 3600;
      const a = lambda * input.ahtSec;
      let best = { agents: 0, cost: input.ratePerHour * (input.abandonCost + (input.waitingCostPerMinute * input.patienceSec) / 60) };
      for (let c = 1; c <= 3 * a + 10; c++) {
        const q = erlangAPlain(lambda, input.ahtSec, input.patienceSec, c);
        const cost = c * input.wagePerHour + input.ratePerHour * ((input.waitingCostPerMinute * q.waitSec) / 60 + input.abandonCost * q.pAbandon);
        if (cost < best.cost) best = { agents: c, cost };
      }
      const r = optimalStaffing(input);
      expect(r.agents).toBe(best.agents);
      expect(r.costPerHour).toBeCloseTo(best.cost, 6);
    }
  });
});
