/**
 * Philox4x32-10, a counter-based generator: the output is a pure function of a 64-bit key and a
 * 128-bit counter, so "the draw for (seed, replication, stream, issue, attempt, purpose)" is one
 * function call, the same in every policy whatever else was drawn before it (J. K. Salmon,
 * M. A. Moraes, R. O. Dror, D. E. Shaw, "Parallel random numbers: as easy as 1, 2, 3", SC 2011;
 * the reference implementation is the Random123 library, `philox.h`).
 *
 * The bijection on four 32-bit words (L0, R0, L1, R1) = (c0, c1, c2, c3), for 10 rounds:
 *
 *   (hi0, lo0) = M0 · c0,  (hi1, lo1) = M1 · c2        (32×32 → 64-bit products)
 *   (c0, c1, c2, c3) ← (hi1 ⊕ c1 ⊕ k0,  lo1,  hi0 ⊕ c3 ⊕ k1,  lo0)
 *   (k0, k1) ← (k0 + W0, k1 + W1) mod 2³²               (the key schedule, between rounds)
 *
 * with M0 = 0xD2511F53, M1 = 0xCD9E8D57, W0 = 0x9E3779B9 (golden ratio), W1 = 0xBB67AE85 (√3 − 1).
 * Random123 shows it passes TestU01's BigCrush with a margin of 3 rounds (7 suffice).
 *
 * Speed without BigInt: the low word is `Math.imul`; the high word splits c into 16-bit halves
 * and adds the partial products so that every intermediate stays below 2³² and is exact in a
 * double (H. S. Warren, "Hacker's Delight", 2nd ed., §8-2, `mulhu`). No object is made per call:
 * `philox4x32` writes into the caller's Uint32Array; the helpers use one module-level scratch.
 *
 * Uniforms take 53 bits from two words, u = (⌊w0/2⁵⌋·2²⁶ + ⌊w1/2⁶⌋) / 2⁵³, so each block gives
 * two uniforms on the grid {0, 2⁻⁵³, …, 1 − 2⁻⁵³}: never 1, and an exponential by inversion
 * reaches 36.7 means instead of 22.2 with 32-bit uniforms (see stream.ts). Keyed draws are few
 * per issue, so the finer grid is worth the second word; the block costs ~55 ns either way.
 *
 * Keys: `philoxKey(seed, replication, stream)` hashes the stream name with Philox itself used as
 * a compression function (each chunk of two UTF-16 code units, its index and the name's length
 * as the counter, the running value as the key), then encrypts (seed, replication) under that
 * name key and keeps two words. Distinct (seed, replication) pairs give distinct 128-bit blocks
 * under one name (a bijection); two of them share the 64-bit key with probability 2⁻⁶⁴.
 *
 * @example
 * const key = philoxKey(42, 0, 'patience');
 * philoxUniform(key, issue, attempt, PURPOSE); // same value in every policy for this issue and attempt
 * const u = philoxStream(key).at(issue, attempt, PURPOSE); // a Uniform for samplers that draw several
 */
import type { Uniform } from './stream.js';
import { index, message, nonEmpty, word } from './validate.js';

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const M0_LO = M0 & 0xffff;
const M0_HI = M0 >>> 16;
const M1_LO = M1 & 0xffff;
const M1_HI = M1 >>> 16;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;
const ROUNDS = 10;
const TWO_26 = 67108864;
const TWO_M53 = 1 / 9007199254740992;
const TWO_32 = 4294967296;

/**
 * Philox4x32-10 of counter (c0, c1, c2, c3) under key (k0, k1), all unsigned 32-bit integers;
 * writes the four output words into `out` and returns it. Inputs are not checked (hot path).
 *
 * @example philox4x32(new Uint32Array(4), 0, 0, 0, 0, 0, 0) // [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]
 */
export function philox4x32(out: Uint32Array, c0: number, c1: number, c2: number, c3: number, k0: number, k1: number): Uint32Array {
  for (let r = 0; r < ROUNDS; r++) {
    // High words of M0·c0 and M1·c2 by 16-bit halves (Hacker's Delight mulhu); every sum < 2³².
    let lo = c0 & 0xffff;
    let hi = c0 >>> 16;
    let t = hi * M0_LO + ((lo * M0_LO) >>> 16);
    let w = (t & 0xffff) + lo * M0_HI;
    const hi0 = hi * M0_HI + (t >>> 16) + (w >>> 16);
    const lo0 = Math.imul(c0, M0);
    lo = c2 & 0xffff;
    hi = c2 >>> 16;
    t = hi * M1_LO + ((lo * M1_LO) >>> 16);
    w = (t & 0xffff) + lo * M1_HI;
    const hi1 = hi * M1_HI + (t >>> 16) + (w >>> 16);
    const lo1 = Math.imul(c2, M1);
    c0 = hi1 ^ c1 ^ k0;
    c1 = lo1;
    c2 = hi0 ^ c3 ^ k1;
    c3 = lo0;
    k0 = (k0 + W0) | 0;
    k1 = (k1 + W1) | 0;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
  return out;
}

/** A uniform on [0, 1) with 53 random bits: the top 27 bits of `a` over the top 26 bits of `b`. */
export function uniform53(a: number, b: number): number {
  return ((a >>> 5) * TWO_26 + (b >>> 6)) * TWO_M53;
}

/** The 64-bit key of a stream: two unsigned 32-bit words. */
export interface PhiloxKey {
  readonly k0: number;
  readonly k1: number;
}

const scratch = new Uint32Array(4);

/** Name → 64 bits: Philox as a compression function over chunks of two UTF-16 code units. */
function nameKey(name: string): PhiloxKey {
  let k0 = 0;
  let k1 = 0;
  for (let i = 0; i < name.length; i += 2) {
    const chunk = name.charCodeAt(i) | ((i + 1 < name.length ? name.charCodeAt(i + 1) : 0) << 16);
    philox4x32(scratch, chunk >>> 0, i, name.length, 0x6e616d65 /* "name" */, k0, k1);
    k0 = scratch[0]!;
    k1 = scratch[1]!;
  }
  return { k0, k1 };
}

/**
 * The key of stream `stream` in replication `replication` of run `seed` (both non-negative safe
 * integers, as in `createStream`). Computed once per stream and replication, never per draw.
 */
export function philoxKey(seed: number, replication: number, stream: string): PhiloxKey {
  index('philoxKey', 'seed', seed);
  index('philoxKey', 'replication', replication);
  nonEmpty('philoxKey', 'stream', stream);
  const named = nameKey(stream);
  philox4x32(scratch, seed >>> 0, Math.floor(seed / TWO_32), replication >>> 0, Math.floor(replication / TWO_32), named.k0, named.k1);
  return { k0: scratch[0]!, k1: scratch[1]! };
}

/**
 * The keyed draw: the first 53-bit uniform of block (c0, c1, c2, 0) under `key`, e.g.
 * (issue, attempt, purpose). The same arguments give the same value, whatever was drawn before.
 */
export function philoxUniform(key: PhiloxKey, c0: number, c1: number, c2: number): number {
  word('philoxUniform', 'c0', c0);
  word('philoxUniform', 'c1', c1);
  word('philoxUniform', 'c2', c2);
  philox4x32(scratch, c0, c1, c2, 0, key.k0, key.k1);
  return uniform53(scratch[0]!, scratch[1]!);
}

/** A `Uniform` over the blocks (c0, c1, c2, 0), (c0, c1, c2, 1), …; `at` moves it to a new counter. */
export interface PhiloxStream extends Uniform {
  /** Restarts the sequence at counter (c0, c1, c2): the next draw is `philoxUniform(key, c0, c1, c2)`. */
  at(c0: number, c1: number, c2: number): PhiloxStream;
}

/**
 * A reusable sequential view of one key, for samplers that take a `Uniform` and may draw more
 * than once (rejection samplers): `stream.at(issue, attempt, purpose)` then draw as usual. Draw
 * 2j and 2j + 1 come from block j. One object per key; nothing is allocated per draw or per `at`.
 */
export function philoxStream(key: PhiloxKey): PhiloxStream {
  const { k0, k1 } = key;
  const block = new Uint32Array(4);
  let c0 = 0;
  let c1 = 0;
  let c2 = 0;
  let next = 0; // index of the next block
  let pending = -1; // the second uniform of the last block, or -1
  const draw = (): number => {
    if (pending >= 0) {
      const u = pending;
      pending = -1;
      return u;
    }
    if (next >= TWO_32) throw new RangeError(message.exhausted('philoxStream'));
    philox4x32(block, c0, c1, c2, next++, k0, k1);
    pending = uniform53(block[2]!, block[3]!);
    return uniform53(block[0]!, block[1]!);
  };
  const stream = draw as PhiloxStream;
  stream.at = (a: number, b: number, c: number): PhiloxStream => {
    c0 = word('philoxStream.at', 'c0', a);
    c1 = word('philoxStream.at', 'c1', b);
    c2 = word('philoxStream.at', 'c2', c);
    next = 0;
    pending = -1;
    return stream;
  };
  return stream;
}
