/** The exact encoding of replication results (output/exact-json.ts): what goes in comes out, to the bit. */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeExact, encodeExact, ExactJsonError } from '../../src/output/exact-json.js';

const roundTrip = (v: unknown) => decodeExact(JSON.parse(JSON.stringify(encodeExact(v))), 1 << 20);
const bits = (x: number) => Buffer.from(new Float64Array([x]).buffer).toString('hex');

describe('exact JSON', () => {
  it('gives back every double to the bit, −0, NaN and ±∞ included, where plain JSON loses them', () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        expect(bits(roundTrip(x) as number)).toBe(bits(Number.isNaN(x) ? NaN : x));
      }),
    );
    expect(JSON.parse(JSON.stringify({ a: -0, b: NaN })).a).toBe(0); // what plain JSON does
    expect(Object.is(roundTrip(-0), -0)).toBe(true);
  });

  it('gives back float arrays as Float64Array with every element, and nested records as they were', () => {
    fc.assert(
      fc.property(fc.array(fc.double(), { maxLength: 300 }), fc.dictionary(fc.string({ minLength: 1 }).filter((k) => !k.startsWith('$') && k !== '__proto__'), fc.oneof(fc.double(), fc.constant(null), fc.string())), (xs, rec) => {
        const value = { facts: { rows: Float64Array.from(xs) }, rec, list: [{ m: xs[0] ?? 1 }] };
        const back = roundTrip(value) as typeof value;
        expect(back.facts.rows).toBeInstanceOf(Float64Array);
        expect([...back.facts.rows].map(bits)).toEqual(xs.map((x) => bits(Number.isNaN(x) ? NaN : x)));
        expect(Object.keys(back.rec).sort()).toEqual(Object.keys(rec).sort());
      }),
    );
  });

  it('refuses what it did not write: unknown tags, a $number that is not special, bad base64, an array inflating past the bound', () => {
    expect(() => decodeExact({ $bigint: '1' }, 100)).toThrow(ExactJsonError);
    expect(() => decodeExact({ $number: '5' }, 100)).toThrow(/\$number must be one of/);
    expect(() => decodeExact({ $float64: 'not base64!' }, 100)).toThrow(/not base64/);
    expect(() => decodeExact({ a: { __proto__x: 1, $x: 2 } }, 100)).toThrow(/"\$x" is not one ccsim writes/);
    // A gzip bomb: a megabyte of zeros in a few hundred bytes, refused at a 1 kB bound.
    const bomb = gzipSync(Buffer.alloc(1 << 20)).toString('base64');
    expect(bomb.length).toBeLessThan(2000);
    expect(() => decodeExact({ $float64: bomb }, 1024)).toThrow(/inflates to more than 1,024 bytes/);
    expect(() => encodeExact(new Int32Array(2))).toThrow(/Int32Array/);
  });
});
