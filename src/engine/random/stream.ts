/**
 * Named random streams, SSJ-style: one stream per source of randomness, a
 * substream per replication, keyed by NAME (not by creation order as in SSJ's
 * `RandomStreams`), so adding a stream never shifts another and common random
 * numbers hold across policies.
 *
 * A stream is seedrandom's `xor4096` (R. P. Brent, "Some long-period random
 * number generators using shifts and xors", 2007, arXiv:1004.3115), seeded by
 * the string `ccsim/${seed}/${replication}/${name}`. Seed and replication are
 * integers (no `/`), so the key is unambiguous; the name may contain anything.
 *
 * Why xor4096 (numbers from `npx tsx bench/random.ts`, Node 20.20.2, 2-core
 * EPYC shared with other jobs, each generator in its own process, best of 3
 * rounds per run, range over three runs):
 *
 * | generator | uniform M/s | -log(1-u) M/s | create µs | period      | BigCrush (seedrandom docs) |
 * |-----------|-------------|---------------|-----------|-------------|----------------------------|
 * | alea      | 180–183     | 61–64         | 2.8–3.3   | ~2^116      | passes                     |
 * | xor4096   | 122–186     | 50–53         | 4.0–5.9   | 2^4128-2^32 | no systematic failures     |
 * | xorwow    | 169–232     | 45–65         | 2.6–3.0   | 2^192-2^32  | fails CollisionOver, SimpPoker, LinearComp |
 * | ARC4      | 29          | 18–22         | 7.5–9.3   | ~2^1600     | passes                     |
 *
 * - ARC4 (seedrandom's default) is 3–6x slower: rejected.
 * - xorwow fails BigCrush tests: rejected.
 * - alea (Baagøe's multiply-with-carry, seeded by his Mash hash) is the fastest
 *   and fine for simulation, but its state is three 32-bit fractions and a carry
 *   (period ~2^116) and all of it comes from a 32-bit non-cryptographic hash of
 *   the key. Streams derived by hashing a key, rather than by SSJ's jump-ahead,
 *   are disjoint only with high probability, so a bigger state buys margin.
 * - xor4096 (xorshift with a 4096-bit state plus a Weyl sequence, designed by
 *   Brent for Monte Carlo) has a period of 2^4128-2^32, so overlap between
 *   hashed streams is negligible for any number of streams and draws; it costs
 *   ~3–4 ns more per exponential draw than alea (~16 vs ~19–20 ns, dominated
 *   by Math.log) — noise next to a calendar pop+push (~105 ns).
 *
 * Values: seedrandom's xor4096 returns `(int32 >>> 0) / 2^32`, so every value is
 * a multiple of 2^-32 in [0, 1 - 2^-32]: never 1, sometimes exactly 0. The
 * 32-bit resolution bounds the tails of inversion samplers (an exponential
 * never exceeds 32·ln 2 ≈ 22.2 means; that tail has probability 2^-32).
 * The function returned is the generator itself: no wrapper on the hot path.
 */
import seedrandom from 'seedrandom';
import { index, nonEmpty } from './validate.js';

/** A uniform source on [0, 1). */
export type Uniform = () => number;

/** The seed string of a stream; integers contain no `/`, so it is unambiguous. */
export function streamKey(seed: number, replication: number, name: string): string {
  return `ccsim/${seed}/${replication}/${name}`;
}

/**
 * Derives an independent stream from (seed, replication, name): SSJ-style named
 * streams with a substream per replication; keyed by NAME, not creation order,
 * so adding a stream never shifts another.
 *
 * @example
 * const arrivals = createStream(42, 0, 'arrivals');
 * arrivals(); // same value for (42, 0, 'arrivals') on every run and machine
 */
export function createStream(seed: number, replication: number, name: string): Uniform {
  index('createStream', 'seed', seed);
  index('createStream', 'replication', replication);
  nonEmpty('createStream', 'name', name);
  return seedrandom.xor4096(streamKey(seed, replication, name));
}
