import { describe, expect, it } from 'vitest';
import { philox4x32, philoxKey, philoxStream, philoxUniform, uniform53 } from '../../../src/engine/random/philox.js';
import { message } from '../../../src/engine/random/validate.js';
import { chiSquare, chiSquareCritical, ksCritical, ksStatistic, N, Z_MAX } from './stats.js';

const hex = (words: ArrayLike<number>): string[] => Array.from(words, (w) => (w >>> 0).toString(16).padStart(8, '0'));

/**
 * Philox4x32-R written again with BigInt, straight from the round function of Salmon et al. (SC 2011,
 * §4 and Random123's philox.h): an independent second implementation for inputs beyond the KAT lines.
 */
function philoxBigInt(counter: readonly number[], key: readonly number[], rounds = 10): number[] {
  const mask = 0xffffffffn;
  let [c0, c1, c2, c3] = counter.map(BigInt) as [bigint, bigint, bigint, bigint];
  let [k0, k1] = key.map(BigInt) as [bigint, bigint];
  for (let r = 0; r < rounds; r++) {
    if (r > 0) {
      k0 = (k0 + 0x9e3779b9n) & mask;
      k1 = (k1 + 0xbb67ae85n) & mask;
    }
    const p0 = 0xd2511f53n * c0;
    const p1 = 0xcd9e8d57n * c2;
    [c0, c1, c2, c3] = [(p1 >> 32n) ^ c1 ^ k0, p1 & mask, (p0 >> 32n) ^ c3 ^ k1, p0 & mask];
  }
  return [c0, c1, c2, c3].map(Number);
}

/** mulberry32, for the test's own random inputs (not the generator under test). */
function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

describe('philox4x32', () => {
  it('reproduces the three philox4x32 10 known-answer vectors of Random123 (tests/kat_vectors)', () => {
    // Random123 1.14 (D. E. Shaw Research), tests/kat_vectors, the three "philox4x32 10" lines:
    // counter (4 words), key (2 words) → expected (4 words). Quoted identically in several ports
    // (e.g. the Rust, Go and Python Philox ports in the search index that cite the file).
    const out = new Uint32Array(4);
    expect(hex(philox4x32(out, 0, 0, 0, 0, 0, 0))).toEqual(['6627e8d5', 'e169c58d', 'bc57ac4c', '9b00dbd8']);
    const ones = 0xffffffff;
    expect(hex(philox4x32(out, ones, ones, ones, ones, ones, ones))).toEqual(['408f276d', '41c83b0e', 'a20bc7c6', '6d5451fd']);
    expect(hex(philox4x32(out, 0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0)))
      .toEqual(['d16cfe09', '94fdcceb', '5001e420', '24126ea1']);
  });

  it('reproduces further philox4x32 10 lines of a longer kat_vectors file (one-hot counters and keys)', () => {
    // girving/random123-manual, examples/kat_vectors (commit 61e8479), "philox4x32 10" lines.
    const out = new Uint32Array(4);
    expect(hex(philox4x32(out, 1, 0, 0, 0, 1, 0))).toEqual(['ac08141b', 'dfc5ccbe', '79c07a47', 'a7f66093']);
    expect(hex(philox4x32(out, 0, 0, 0, 0x80000000, 0, 0x80000000))).toEqual(['f7a0b371', 'e51dc93d', '56ce135d', '1d4b5580']);
    expect(hex(philox4x32(out, 0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0, 0xffffffff)))
      .toEqual(['08f7720c', '845ee9e0', '502ccd3d', 'a9a00e27']);
  });

  it('agrees with a BigInt implementation of the round function on 2,000 random counters and keys', () => {
    const next = mulberry32(2011);
    const out = new Uint32Array(4);
    for (let i = 0; i < 2000; i++) {
      const counter = [next(), next(), next(), next()];
      const key = [next(), next()];
      philox4x32(out, counter[0]!, counter[1]!, counter[2]!, counter[3]!, key[0]!, key[1]!);
      expect(Array.from(out)).toEqual(philoxBigInt(counter, key));
    }
  });
});

describe('uniform53', () => {
  it('maps the extreme words to 0 and 1 − 2⁻⁵³, and every value to a multiple of 2⁻⁵³', () => {
    expect(uniform53(0, 0)).toBe(0);
    expect(uniform53(0xffffffff, 0xffffffff)).toBe(1 - 2 ** -53);
    const key = philoxKey(1, 0, 'grid');
    for (let i = 0; i < 1000; i++) expect(Number.isInteger(philoxUniform(key, i, 0, 0) * 2 ** 53)).toBe(true);
  });
});

describe('philoxKey', () => {
  it('is a pure function of (seed, replication, stream)', () => {
    expect(philoxKey(7, 3, 'patience')).toEqual(philoxKey(7, 3, 'patience'));
  });

  it('gives different keys for a different name, replication or seed, including near-collisions of the inputs', () => {
    const keys = [
      philoxKey(7, 3, 'patience'), philoxKey(7, 3, 'service'), philoxKey(7, 4, 'patience'), philoxKey(8, 3, 'patience'),
      philoxKey(1, 23, 'a'), philoxKey(12, 3, 'a'), philoxKey(0, 0, 'a'), philoxKey(2 ** 32, 0, 'a'), philoxKey(0, 2 ** 32, 'a'),
      philoxKey(0, 0, 'ab'), philoxKey(0, 0, 'ba'), philoxKey(0, 0, 'a\u0000'), philoxKey(0, 0, 'abc'),
    ].map((k) => `${k.k0}/${k.k1}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('rejects a seed or replication that is not a non-negative safe integer, and an empty stream name', () => {
    expect(() => philoxKey(-1, 0, 'x')).toThrow(new RangeError(message.index('philoxKey', 'seed', -1)));
    expect(() => philoxKey(0, 1.5, 'x')).toThrow(new RangeError(message.index('philoxKey', 'replication', 1.5)));
    expect(() => philoxKey(0, 0, '')).toThrow(new RangeError(message.nonEmpty('philoxKey', 'stream')));
  });
});

describe('keyed draws', () => {
  const key = philoxKey(2024, 0, 'uniformity');

  it('gives the same draw for the same counter whatever was drawn before (the common-random-numbers property)', () => {
    const first = philoxUniform(key, 5, 0, 2);
    const stream = philoxStream(key);
    for (let i = 0; i < 1000; i++) stream.at(i, 1, 3)();
    expect(philoxUniform(key, 5, 0, 2)).toBe(first);
    expect(stream.at(5, 0, 2)()).toBe(first);
  });

  it('continues a counter with the second uniform of its block, then the next block', () => {
    const stream = philoxStream(key).at(9, 1, 4);
    const draws = [stream(), stream(), stream()];
    const block0 = philoxBigInt([9, 1, 4, 0], [key.k0, key.k1]);
    const block1 = philoxBigInt([9, 1, 4, 1], [key.k0, key.k1]);
    const u53 = (a: number, b: number) => (Math.floor(a / 32) * 2 ** 26 + Math.floor(b / 64)) / 2 ** 53;
    expect(draws).toEqual([u53(block0[0]!, block0[1]!), u53(block0[2]!, block0[3]!), u53(block1[0]!, block1[1]!)]);
  });

  it('passes a chi-square test of 100 equal cells over 200k draws on consecutive counters at alpha = 0.001', () => {
    const counts = new Array<number>(100).fill(0);
    for (let i = 0; i < N; i++) counts[Math.floor(philoxUniform(key, i, 0, 0) * 100)]! += 1;
    const { statistic, df } = chiSquare(counts, new Array<number>(100).fill(0.01), N);
    expect(df).toBe(99);
    expect(statistic).toBeLessThan(chiSquareCritical(df, 0.001));
  });

  it('passes Kolmogorov–Smirnov against U(0, 1) at alpha = 0.001 over 200k draws of one sequential stream', () => {
    const stream = philoxStream(key).at(0, 0, 7);
    const xs = new Float64Array(N);
    for (let i = 0; i < N; i++) xs[i] = stream();
    expect(ksStatistic(xs, (x) => Math.min(1, Math.max(0, x)))).toBeLessThan(ksCritical(N));
  });

  it('shows no correlation between adjacent counters in any word: |√n·r| < 5 for issue i vs i+1, attempt 0 vs 1, lane 0 vs 1', () => {
    // Under independence √n·r is asymptotically N(0, 1); 5 is exceeded with probability 5.7e-7.
    const pearson = (x: Float64Array, y: Float64Array): number => {
      const n = x.length;
      let mx = 0, my = 0;
      for (let i = 0; i < n; i++) { mx += x[i]!; my += y[i]!; }
      mx /= n; my /= n;
      let sxy = 0, sxx = 0, syy = 0;
      for (let i = 0; i < n; i++) {
        const dx = x[i]! - mx, dy = y[i]! - my;
        sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
      }
      return sxy / Math.sqrt(sxx * syy);
    };
    const n = 100_000;
    const stream = philoxStream(key);
    const [a, b, c, d, e] = [0, 1, 2, 3, 4].map(() => new Float64Array(n)) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    for (let i = 0; i < n; i++) {
      a[i] = philoxUniform(key, i, 0, 0);
      b[i] = philoxUniform(key, i + 1, 0, 0);
      c[i] = philoxUniform(key, i, 1, 0);
      stream.at(i, 0, 9);
      d[i] = stream();
      e[i] = stream();
    }
    for (const [x, y] of [[a, b], [a, c], [d, e]] as const) expect(Math.abs(Math.sqrt(n) * pearson(x, y))).toBeLessThan(Z_MAX);
  });

  it('flips half of the 128 output bits when the counter changes by one (avalanche), within 5 standard errors', () => {
    // For independent outputs the Hamming distance is Binomial(128, 1/2): mean 64, variance 32.
    const bits = (x: number): number => {
      let v = x >>> 0, count = 0;
      while (v) { v &= v - 1; count++; }
      return count;
    };
    const n = 20_000;
    const x = new Uint32Array(4);
    const y = new Uint32Array(4);
    let total = 0;
    for (let i = 0; i < n; i++) {
      philox4x32(x, i, 0, 0, 0, key.k0, key.k1);
      philox4x32(y, i + 1, 0, 0, 0, key.k0, key.k1);
      for (let w = 0; w < 4; w++) total += bits(x[w]! ^ y[w]!);
    }
    expect(Math.abs((total / n - 64) / Math.sqrt(32 / n))).toBeLessThan(Z_MAX);
  });

  it('rejects counter words outside [0, 2³² − 1]', () => {
    for (const bad of [-1, 1.5, 2 ** 32, Number.NaN]) {
      expect(() => philoxUniform(key, bad, 0, 0)).toThrow(new RangeError(message.word('philoxUniform', 'c0', bad)));
      expect(() => philoxStream(key).at(0, 0, bad)).toThrow(new RangeError(message.word('philoxStream.at', 'c2', bad)));
    }
  });
});
