import { describe, expect, it } from 'vitest';
import { createStream, streamKey } from '../../../src/engine/random/stream.js';
import { message } from '../../../src/engine/random/validate.js';

function take(rng: () => number, n: number): number[] {
  return Array.from({ length: n }, () => rng());
}

describe('createStream', () => {
  it('gives the same sequence for the same (seed, replication, name)', () => {
    expect(take(createStream(7, 3, 'arrivals'), 1000)).toEqual(take(createStream(7, 3, 'arrivals'), 1000));
  });

  it('pins the first values of (1, 0, "arrivals"), so a change of generator or key cannot pass unnoticed', () => {
    // Recorded from this implementation (seedrandom 3.0.5 xor4096, key "ccsim/1/0/arrivals").
    expect(take(createStream(1, 0, 'arrivals'), 3)).toEqual([0.9290036857128143, 0.7849960294552147, 0.11830969690345228]);
  });

  it('gives different sequences for a different name, replication or seed', () => {
    const base = take(createStream(7, 3, 'arrivals'), 100);
    expect(take(createStream(7, 3, 'service'), 100)).not.toEqual(base);
    expect(take(createStream(7, 4, 'arrivals'), 100)).not.toEqual(base);
    expect(take(createStream(8, 3, 'arrivals'), 100)).not.toEqual(base);
  });

  it('keys streams by name: creating and using another stream first does not change "arrivals"', () => {
    const alone = take(createStream(42, 0, 'arrivals'), 500);
    const service = createStream(42, 0, 'service');
    take(service, 12345);
    const afterAnother = createStream(42, 0, 'arrivals');
    expect(take(afterAnother, 500)).toEqual(alone);
  });

  it('builds unambiguous keys: (1, 23) and (12, 3) are different streams', () => {
    expect(streamKey(1, 23, 'a')).not.toBe(streamKey(12, 3, 'a'));
    expect(take(createStream(1, 23, 'a'), 10)).not.toEqual(take(createStream(12, 3, 'a'), 10));
    expect(streamKey(0, 0, 'a/b')).toBe('ccsim/0/0/a/b');
  });

  it('always returns numbers in [0, 1) over a million draws of several streams', () => {
    let min = Infinity;
    let max = -Infinity;
    for (const name of ['arrivals', 'service', 'patience', 'routing']) {
      const rng = createStream(2024, 1, name);
      for (let i = 0; i < 250_000; i++) {
        const u = rng();
        if (u < min) min = u;
        if (u > max) max = u;
      }
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(min).toBeLessThan(1e-4);
    expect(max).toBeGreaterThan(1 - 1e-4);
  });

  it('accepts seed 0 and the largest safe integer', () => {
    expect(typeof createStream(0, 0, 'x')()).toBe('number');
    expect(typeof createStream(Number.MAX_SAFE_INTEGER, 0, 'x')()).toBe('number');
  });

  it('rejects a seed or replication that is not a non-negative safe integer, and an empty name', () => {
    for (const bad of [-1, 1.5, Number.NaN, Infinity, 2 ** 53]) {
      expect(() => createStream(bad, 0, 'x')).toThrow(new RangeError(message.index('createStream', 'seed', bad)));
      expect(() => createStream(0, bad, 'x')).toThrow(new RangeError(message.index('createStream', 'replication', bad)));
    }
    expect(() => createStream(0, 0, '')).toThrow(new RangeError(message.nonEmpty('createStream', 'name')));
  });
});
