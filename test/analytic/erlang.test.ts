import { describe, it, expect } from 'vitest';
import {
  agentsForAbandonRate,
  agentsForServiceLevel,
  erlang,
  erlangB,
  erlangC,
  erlangMessage,
  type ErlangResult,
} from '../../src/analytic/erlang.js';

/** Relative closeness, for values whose scale varies. */
function expectRelClose(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

/** Exact Erlang B for an integer load, as a rational in BigInt: aᶜ / Σₖ aᵏ·c!/k! (no recursion). */
function erlangBExact(a: number, c: number): number {
  const A = BigInt(a);
  let den = 0n;
  let falling = 1n; // c!/k!
  for (let k = c; k >= 0; k--) {
    den += A ** BigInt(k) * falling;
    falling *= BigInt(k);
  }
  const scale = 10n ** 30n;
  return Number(((A ** BigInt(c)) * scale) / den) / 1e30;
}

/** Exact Erlang C for an integer load: c·aᶜ / ((c−a)·Σₖ<c aᵏ·c!/k! + c·aᶜ) (direct formula ×c!(c−a)). */
function erlangCExact(a: number, c: number): number {
  const A = BigInt(a);
  const C = BigInt(c);
  let sum = 0n;
  let falling = C; // c!/k! for k = c−1
  for (let k = c - 1; k >= 0; k--) {
    sum += A ** BigInt(k) * falling;
    falling *= BigInt(k);
  }
  const top = C * A ** C;
  return Number((top * 10n ** 30n) / ((C - A) * sum + top)) / 1e30;
}

/** Erlang C by the direct formula in log space (log k! summed, log-sum-exp): a second method. */
function erlangCLogSpace(a: number, c: number): number {
  const logTerms: number[] = [];
  let logFact = 0;
  for (let k = 0; k < c; k++) {
    if (k > 0) logFact += Math.log(k);
    logTerms.push(k * Math.log(a) - logFact);
  }
  const logTop = c * Math.log(a) - (logFact + Math.log(c)) + Math.log(c / (c - a));
  const m = Math.max(logTop, ...logTerms);
  const den = logTerms.reduce((s, l) => s + Math.exp(l - m), 0) + Math.exp(logTop - m);
  return Math.exp(logTop - m) / den;
}

/**
 * Independent Monte Carlo of M/M/c+M, customer by customer (FCFS, exponential patience drawn on
 * arrival, abandonment applied lazily when a server frees: a waiting caller's fate depends only on
 * those ahead). Fixed seed (mulberry32); KPIs returned as batch means with their standard error.
 */
function simulateErlangA(lambda: number, ahtSec: number, c: number, patienceSec: number, T: number, n: number, seed: number) {
  let s = seed >>> 0;
  const uniform = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const exp = (rate: number): number => -Math.log(1 - uniform()) / rate;
  const wait = new Float64Array(n);
  const served = new Uint8Array(n);
  const foundBusy = new Uint8Array(n);
  const queue: number[] = [];
  const arrivalAt = new Float64Array(n);
  const deadline = new Float64Array(n);
  let head = 0, busy = 0, arrived = 0, now = 0;
  let nextArrival = exp(lambda);
  while (arrived < n || busy > 0) {
    const nextDeparture = busy > 0 ? now + exp(busy / ahtSec) : Infinity; // memoryless: resample
    if (arrived < n && nextArrival < nextDeparture) {
      now = nextArrival;
      const i = arrived++;
      arrivalAt[i] = now;
      deadline[i] = now + exp(1 / patienceSec);
      if (busy < c) { busy++; served[i] = 1; queue.length = head = 0; }
      else { foundBusy[i] = 1; queue.push(i); }
      nextArrival = now + exp(lambda);
    } else {
      now = nextDeparture;
      busy--;
      while (head < queue.length) {
        const i = queue[head++]!;
        if (deadline[i]! <= now) { wait[i] = deadline[i]! - arrivalAt[i]!; continue; }
        wait[i] = now - arrivalAt[i]!; served[i] = 1; busy++;
        break;
      }
    }
  }
  const batches = 20, warm = 2000, size = Math.floor((n - warm) / batches);
  const stats = { pWait: [] as number[], waitSec: [] as number[], asaSec: [] as number[], serviceLevel: [] as number[], abandonRate: [] as number[] };
  for (let b = 0; b < batches; b++) {
    let fb = 0, w = 0, ws = 0, ns = 0, sl = 0;
    for (let i = warm + b * size; i < warm + (b + 1) * size; i++) {
      fb += foundBusy[i]!; w += wait[i]!;
      if (served[i]) { ns++; ws += wait[i]!; if (wait[i]! <= T) sl++; }
    }
    stats.pWait.push(fb / size); stats.waitSec.push(w / size); stats.asaSec.push(ws / ns);
    stats.serviceLevel.push(sl / size); stats.abandonRate.push(1 - ns / size);
  }
  const summary = (xs: number[]) => {
    const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
    const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
    return { mean, se: Math.sqrt(variance / xs.length) };
  };
  return Object.fromEntries(Object.entries(stats).map(([k, xs]) => [k, summary(xs)])) as Record<keyof typeof stats, { mean: number; se: number }>;
}

describe('erlangB', () => {
  it('matches published Erlang B table values at their printed precision', () => {
    // Values as printed in standard 4-significant-digit Erlang B tables; the exact rational values
    // (next test) are 0.214582343107 and 0.018384570337.
    expect(erlangB(10, 10)).toBeCloseTo(0.2146, 4);
    expect(erlangB(5, 10)).toBeCloseTo(0.01838, 5);
  });

  it('agrees with the exact rational formula to 1e-13 relative', () => {
    // Independent: exact BigInt evaluation of aᶜ/c! / Σ aᵏ/k! (no recursion, no floating point until the end).
    for (const [a, c] of [[10, 10], [5, 10], [2, 5], [20, 30], [100, 110], [1, 1]] as const) {
      expectRelClose(erlangB(a, c), erlangBExact(a, c), 1e-13);
    }
  });

  it('is 1 with no lines and stays a probability for 100,000 lines', () => {
    expect(erlangB(3, 0)).toBe(1);
    const b = erlangB(99_000, 100_000);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(1);
  });
});

describe('erlangC', () => {
  it('gives P(wait) = 0.6821 for 10 erlangs on 11 agents, as in the callcentrehelper.com worked example', () => {
    // Example: 100 calls per 30 min, AHT 180 s → 10 erlangs. 0.68211820468933 by mpmath (40 digits), direct formula.
    expect(erlangC(10, 11)).toBeCloseTo(0.6821182046893, 12);
  });

  it('agrees with the exact rational direct formula to 1e-13 relative', () => {
    for (const [a, c] of [[10, 11], [10, 14], [48, 55], [2, 3], [100, 101]] as const) {
      expectRelClose(erlangC(a, c), erlangCExact(a, c), 1e-13);
    }
  });

  it('stays accurate for 1,000 agents at 98% load, matching the log-space direct formula', () => {
    // 0.41220029236528148 by mpmath (40 digits); the log-space formula is a second, recursion-free method.
    const value = erlangC(980, 1000);
    expect(Number.isFinite(value)).toBe(true);
    expectRelClose(value, erlangCLogSpace(980, 1000), 1e-10);
    expectRelClose(value, 0.41220029236528148, 1e-10);
  });

  it('is 1 when the load reaches the number of agents', () => {
    expect(erlangC(11, 11)).toBe(1);
    expect(erlangC(12.5, 11)).toBe(1);
  });
});

describe('erlang with infinite patience (Erlang C)', () => {
  const example = { lambdaPerSec: 100 / 1800, ahtSec: 180 }; // callcentrehelper.com: 100 calls / 30 min, 180 s

  it('reproduces the callcentrehelper.com worked example with 11 agents', () => {
    // ASA = C·AHT/(c−a) = 122.78 s; SL(20 s) = 1 − C·e^{−(c−a)·20/180} = 0.38961; both by mpmath (40 digits).
    const r = erlang({ ...example, agents: 11 });
    expect(r.model).toBe('C');
    expect(r.asaSec).toBeCloseTo(122.781276844080, 9);
    expect(r.waitSec).toBe(r.asaSec);
    expect(r.serviceLevel).toBeCloseTo(0.389613811729153, 12);
    expect(r.occupancy).toBeCloseTo(10 / 11, 14);
    expect(r.meanQueueLength).toBeCloseTo(r.waitSec * example.lambdaPerSec, 12); // Little
    expect(r.abandonRate).toBe(0);
  });

  it('reproduces the Westbay Engineers example: 360 calls per half hour, 240 s, 55 agents, 15 s target', () => {
    // Values by mpmath (40 digits) from the direct formula: Pw 0.238700936378, ASA 8.184032104 s, SL 0.845883092171.
    const r = erlang({ lambdaPerSec: 360 / 1800, ahtSec: 240, agents: 55, slThresholdSec: 15 });
    expect(r.pWait).toBeCloseTo(0.238700936378009, 12);
    expect(r.asaSec).toBeCloseTo(8.18403210438889, 10);
    expect(r.serviceLevel).toBeCloseTo(0.845883092170580, 12);
  });

  it('agrees with the reference script /work/shared/checks/erlang.mjs', () => {
    // `node erlang.mjs C 0.05555555555555555 180 11` printed pWait 0.6821182046893319,
    // asaSec 122.78127684407957, serviceLevel 0.3896138117291539 (its asaSec is our waitSec).
    const r = erlang({ ...example, agents: 11 });
    expectRelClose(r.pWait, 0.6821182046893319, 1e-12);
    expectRelClose(r.waitSec, 122.78127684407957, 1e-12);
    expectRelClose(r.serviceLevel, 0.3896138117291539, 1e-12);
  });

  it('reports an unstable queue, not a huge or negative wait, when the load reaches the agents', () => {
    // λ·AHT = 100/1800 · 180 rounds to 9.999999999999998 in binary; it must still count as 10 erlangs on 10 agents.
    for (const agents of [10, 9]) {
      const r = erlang({ ...example, agents });
      expect(r).toMatchObject({ stable: false, pWait: 1, waitSec: Infinity, asaSec: Infinity, serviceLevel: 0, occupancy: 1 });
    }
  });

  it('needs 14 agents for 80% in 20 s in the worked example, and 13 is not enough', () => {
    // mpmath: SL(13) = 0.79559, SL(14) = 0.88835.
    expect(agentsForServiceLevel(example, 0.8)).toBe(14);
    expect(erlang({ ...example, agents: 13 }).serviceLevel).toBeLessThan(0.8);
  });
});

describe('erlang with exponential patience (Erlang A)', () => {
  const small = { lambdaPerSec: 1 / 36, ahtSec: 180, agents: 5, patienceSec: 120 }; // a = c = 5 erlangs

  it('matches a matrix-exponential computation of the same model to 1e-12', () => {
    // Python mpmath (30 digits): stationary chain truncated 200 above c; tagged caller's absorbing
    // chain solved by expm(Q·20) for SL and by the fundamental matrix (−S)⁻¹, (−S)⁻² for waits.
    const r = erlang(small);
    expect(r.model).toBe('A');
    expectRelClose(r.serviceLevel, 0.579987600532059068, 1e-12);
    expectRelClose(r.abandonRate, 0.192370301474028106, 1e-12);
    expectRelClose(r.asaSec, 19.0940502280982113, 1e-12);
    expectRelClose(r.waitSec, 23.0844361768833727, 1e-12);
    expectRelClose(r.pWait, 0.517073595179599843, 1e-12);
  });

  it('agrees with the reference script /work/shared/checks/erlang.mjs', () => {
    // Printed by `node erlang.mjs A <λ> <aht> <c> <patience> [T]` (its asaSec is our waitSec, pAbandon our abandonRate).
    // The script integrates the service level by Euler steps of T/4000 (first-order error ~ (rT)²/8000 ≲ 1e-3), hence 1e-3 there.
    const cases = [
      { input: small, ref: { pWait: 0.5170735951795998, wait: 23.084436176883358, ab: 0.19237030147402798, occ: 0.8076296985259722, sl: 0.5799903275182798 } },
      { input: { lambdaPerSec: 0.1, ahtSec: 300, agents: 25, patienceSec: 60, slThresholdSec: 30 },
        ref: { pWait: 0.5913239071508751, wait: 12.555743226410609, ab: 0.20926238710684347, occ: 0.9488851354717862, sl: 0.6795767734193655 } },
    ];
    for (const { input, ref } of cases) {
      const r = erlang(input);
      expectRelClose(r.pWait, ref.pWait, 1e-10);
      expectRelClose(r.waitSec, ref.wait, 1e-10);
      expectRelClose(r.abandonRate, ref.ab, 1e-10);
      expectRelClose(r.occupancy, ref.occ, 1e-10);
      expect(Math.abs(r.serviceLevel - ref.sl)).toBeLessThan(1e-3);
    }
  });

  it('agrees with an independent Monte Carlo of the queue within four standard errors', () => {
    // 200,000 callers, fixed seed, 20 batch means; 4 SE chosen before running.
    const r = erlang(small);
    const mc = simulateErlangA(small.lambdaPerSec, small.ahtSec, small.agents, small.patienceSec, 20, 200_000, 20240601);
    for (const key of ['pWait', 'waitSec', 'asaSec', 'serviceLevel', 'abandonRate'] as const) {
      expect(Math.abs(mc[key].mean - r[key]), key).toBeLessThan(4 * mc[key].se);
    }
  });

  it('tends to Erlang C as patience grows without bound', () => {
    const input = { lambdaPerSec: 100 / 1800, ahtSec: 180, agents: 11 };
    const c = erlang(input);
    const a = erlang({ ...input, patienceSec: 1e12 });
    for (const key of ['pWait', 'waitSec', 'asaSec', 'serviceLevel', 'meanQueueLength', 'occupancy'] as const) {
      expectRelClose(a[key], c[key], 1e-6);
    }
    expect(a.abandonRate).toBeLessThan(1e-9);
  });

  it('satisfies P(abandon) = E[wait]/patience and conservation of carried load', () => {
    // P(Ab) = θ·E[W] for exponential patience (Mandelbaum & Zeltyn 2007); λ(1 − P(Ab))·AHT = busy agents.
    for (const patienceSec of [10, 120, 900]) {
      const r = erlang({ ...small, patienceSec });
      expectRelClose(r.abandonRate, r.waitSec / patienceSec, 1e-12);
      expectRelClose(r.occupancy * small.agents, small.lambdaPerSec * (1 - r.abandonRate) * small.ahtSec, 1e-10);
    }
  });

  it('answers everyone who does not abandon when the threshold is very long', () => {
    // SL(T) uses the tagged-caller chain; 1 − abandonRate uses Lq: two routes to P(answered).
    const r = erlang({ ...small, slThresholdSec: 3600 });
    expectRelClose(r.serviceLevel, 1 - r.abandonRate, 1e-12);
  });

  it('improves every KPI as agents are added', () => {
    let previous: ErlangResult | undefined;
    for (let agents = 1; agents <= 12; agents++) {
      const r = erlang({ ...small, agents });
      if (previous) {
        expect(r.serviceLevel).toBeGreaterThan(previous.serviceLevel);
        expect(r.abandonRate).toBeLessThan(previous.abandonRate);
        expect(r.waitSec).toBeLessThan(previous.waitSec);
        expect(r.asaSec).toBeLessThan(previous.asaSec);
        expect(r.pWait).toBeLessThan(previous.pWait);
      }
      previous = r;
    }
  });

  it('stays finite for 1,000 agents at 98% load and keeps its probabilities in [0, 1]', () => {
    const r = erlang({ lambdaPerSec: 980 / 180, ahtSec: 180, agents: 1000, patienceSec: 60 });
    for (const p of [r.pWait, r.serviceLevel, r.abandonRate, r.occupancy]) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect(Number.isFinite(r.waitSec) && Number.isFinite(r.asaSec)).toBe(true);
  });

  it('finds the smallest staffing for a service level or an abandonment target', () => {
    const input = { lambdaPerSec: 100 / 1800, ahtSec: 180, patienceSec: 120 };
    const forSl = agentsForServiceLevel(input, 0.8);
    expect(erlang({ ...input, agents: forSl }).serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(erlang({ ...input, agents: forSl - 1 }).serviceLevel).toBeLessThan(0.8);
    const forAb = agentsForAbandonRate(input, 0.05);
    expect(erlang({ ...input, agents: forAb }).abandonRate).toBeLessThanOrEqual(0.05);
    expect(erlang({ ...input, agents: forAb - 1 }).abandonRate).toBeGreaterThan(0.05);
  });
});

describe('input checking', () => {
  it('rejects impossible inputs with a RangeError that names the field', () => {
    const ok = { lambdaPerSec: 0.1, ahtSec: 180, agents: 20 };
    expect(() => erlang({ ...ok, agents: 2.5 })).toThrow(erlangMessage.invalid('agents', 2.5, 'an integer >= 1'));
    expect(() => erlang({ ...ok, agents: 0 })).toThrow(RangeError);
    expect(() => erlang({ ...ok, lambdaPerSec: -1 })).toThrow(erlangMessage.invalid('lambdaPerSec', -1, 'a finite number >= 0'));
    expect(() => erlang({ ...ok, lambdaPerSec: Number.NaN })).toThrow(RangeError);
    expect(() => erlang({ ...ok, ahtSec: 0 })).toThrow(RangeError);
    expect(() => erlang({ ...ok, patienceSec: -5 })).toThrow(RangeError);
    expect(() => erlang({ ...ok, slThresholdSec: Number.NaN })).toThrow(RangeError);
    expect(() => erlangB(-1, 3)).toThrow(RangeError);
    expect(() => erlangC(1, 0)).toThrow(RangeError);
    expect(() => agentsForServiceLevel(ok, 1.5)).toThrow(RangeError);
    expect(() => agentsForServiceLevel({ ...ok, lambdaPerSec: 10 }, 0.8, 50)).toThrow(erlangMessage.notReached('service level 0.8', 50));
  });

  it('treats zero arrivals as an idle centre', () => {
    expect(erlang({ lambdaPerSec: 0, ahtSec: 180, agents: 3 })).toMatchObject({ pWait: 0, waitSec: 0, serviceLevel: 1 });
    expect(erlang({ lambdaPerSec: 0, ahtSec: 180, agents: 3, patienceSec: 60 })).toMatchObject({ pWait: 0, abandonRate: 0, serviceLevel: 1 });
  });
});
