import type { DistSpec } from '../engine/random/fromSpec.js';
import { keyedSampler, type KeyedSampler } from '../engine/random/keyed.js';
import { standardNormal } from '../engine/random/normal.js';
import { philoxKey, philoxStream, philoxUniform, type PhiloxKey, type PhiloxStream } from '../engine/random/philox.js';
import type { Sampler } from '../engine/random/sampler.js';
import { createStream, type Uniform } from '../engine/random/stream.js';

/**
 * Common random numbers through the whole issue: how every draw of a replication is keyed.
 *
 * The aim (Law, Simulation Modeling and Analysis, 5th ed., §11.2): the same issue gets the same
 * random numbers under every policy for as long as it exists in both, so that a difference
 * between two policies' results comes from what the policies do, not from luck dealt out in a
 * different order. Two kinds of draw reach that in two ways:
 *
 * 1. **Sequential streams, one draw per candidate** (stream.ts: xor4096 per (seed, replication,
 *    name)). Every fresh arrival — with customers, every *candidate* issue, whether or not it
 *    lands on an active customer — draws its reason, channel, handle time, patience, resolution
 *    uniform, customer slot, telemetry and satisfaction noise at once, from streams nothing else
 *    reads. The n-th candidate therefore reads the same positions of every stream under every
 *    policy: the draws are keyed by the candidate index in effect, at the price of a xor4096 step
 *    (~5 ns) instead of a Philox block (~55 ns) — this is the hot path of every run. Likewise
 *    every customer id slot draws its churn budget (below) from stream "churn" when its month's
 *    block opens, filled or not: the same slots, in the same order, under every policy. The
 *    arrivals' gaps and the day factors depend on the demand alone.
 * 2. **Keyed draws** (philox.ts): everything whose *number* depends on what happened — the
 *    follow-ups of an issue (repeats, retrials, transfers, deferrals), decisions taken only when
 *    some condition holds (a retrial, a callback offered, a retry after closed hours, an offer's
 *    answer, a product return), overflow referrals' churn, word of mouth, agents' absence — is
 *    one Philox4x32-10 block of the replication's key at counter (c0, c1, purpose):
 *      - an issue's draws: c0 = the issue (the candidate index above: the same issue under every
 *        policy), c1 = the attempt — 0 for the first contact, +1 for every later contact or
 *        stage of the issue (each repeat, retrial, transfer), a counter the issue carries from
 *        contact to contact — and `purpose` one constant per kind of draw (PURPOSE below);
 *      - a customer's: overflow referral o's churn budget at (o, 0, churn); the word of mouth
 *        of month k at (k, 0, referred | deterred);
 *      - staffing: an agent's absence on a day and shift at (day·2¹⁶ + group·2⁸ + shift, agent,
 *        absence).
 *    Drawing one of them never moves another, so a policy that makes an issue call back twice
 *    more shifts nobody else's luck. Samplers that read several uniforms (polar normals,
 *    Marsaglia–Tsang gamma) read them from the blocks (…, 0), (…, 1), … of their counter and
 *    keep nothing between draws (keyed.ts).
 *
 * Within one run every key is used at most once — a new attempt number for every contact and
 * stage, one purpose per kind of draw — so each keyed draw is a fresh uniform, independent of
 * everything drawn before: the model's distributions are unchanged, only the luck is lined up.
 *
 * The couplings are monotone: a decision "u < p" uses the same u under both policies, so it
 * differs only for issues whose u falls between the two policies' probabilities, and a Poisson
 * count is drawn by inversion of one uniform (engine/random/poisson.ts poissonQuantile), so two
 * months' referrals differ by about the difference of their means. That is the best a coupling
 * of one Bernoulli or Poisson draw can do (two probabilities Δp apart cannot disagree less often
 * than Δp). Churn goes one step further: a customer's month-end decisions are not coupled one by
 * one (with a fresh uniform each month, a customer who left under one policy would stay under
 * the other until an independent later month — most of the window), but through one Exp(1)
 * budget spent by the monthly hazards (model/customers.ts), the quantile coupling of the two
 * leaving times: under the other policy the customer leaves as soon as the cumulative hazard
 * catches up. What remains in a paired difference is the policies' genuine effect, issue by
 * issue and customer by customer.
 *
 * What still cannot pair: an issue that exists under one policy only — raised by a customer who
 * churned (or returned the product) under the other, or a referral won under one policy only —
 * and, within a shared issue, the draws of contacts the other policy never made (a retrial that
 * follows an abandonment the other policy avoided gets attempt 1 there, and so does the other's
 * repeat: the same numbers, but for different kinds of contact). An issue's attempts are counted,
 * not typed, on purpose: the k-th contact of an issue draws the same handle time, patience and
 * resolution uniform whichever path led to it, which correlates the two paths' outcomes further.
 * If referrals ever overflow the reserved slots (model/config.ts referralReserve, sized at 1.25×
 * an upper bound), the candidate rate differs between policies from then on, and the candidate
 * index no longer names the same issue in both.
 */

/** The purpose of a keyed draw: the third counter word. One constant per kind of draw, never reused. */
export const PURPOSE = {
  /** A later contact's or stage's natural handle time (attempt ≥ 1; the first contact's is sequential). */
  handleTime: 1,
  patience: 2,
  resolution: 3,
  satisfactionNoise: 4,
  /** After an unresolved contact: when the repeat comes. */
  repeatDelay: 5,
  /** After an abandonment: whether the caller tries again, and when. */
  retrial: 6,
  retrialDelay: 7,
  /** A follow-up falling while closed: the open time before it is made. */
  deferralDelay: 8,
  /** A callback offered: accepted or not; kept in the next open period after this much open time. */
  callback: 9,
  callbackDelay: 10,
  /** An attempt while closed: retries or not; after this much open time. */
  closedRetry: 11,
  closedDelay: 12,
  /** An end-of-call offer: accepted or not. */
  upsell: 13,
  /** An issue ended unresolved for good within the return window: the product is returned or not. */
  returns: 14,
  /** An outbound contact's handle time (device telemetry). */
  outreachHandleTime: 15,
  /** An overflow referral's churn budget: (overflow index, 0). */
  churn: 16,
  /** Word of mouth of a month: (month, 0). */
  referred: 17,
  deterred: 18,
  /** An agent's absence from a shift: (day·2¹⁶ + group·2⁸ + shift, agent). */
  absence: 19,
} as const;

/** The keyed draws of one replication: every value a pure function of its counter (c0, c1, purpose). */
export class KeyedDraws {
  private readonly stream: PhiloxStream;
  private readonly z: Sampler;

  constructor(private readonly key: PhiloxKey) {
    this.stream = philoxStream(key);
    this.z = standardNormal(this.stream, true);
  }

  /** A uniform on [0, 1). */
  uniform(c0: number, c1: number, purpose: number): number {
    return philoxUniform(this.key, c0, c1, purpose);
  }

  /** A standard normal. */
  normal(c0: number, c1: number, purpose: number): number {
    this.stream.at(c0, c1, purpose);
    return this.z();
  }

  /** A sampler of `spec` at counters (c0, c1, purpose). */
  sampler(spec: DistSpec): KeyedSampler {
    return keyedSampler(spec, this.stream);
  }
}

/** The randomness of one replication: the named sequential streams and the keyed draws. */
export interface Randomness {
  stream(name: string): Uniform;
  keyed: KeyedDraws;
}

/** The randomness of replication `replication` of run `seed`: a function of the two alone (so of nothing `--workers` changes). */
export function replicationRandomness(seed: number, replication: number): Randomness {
  return {
    stream: (name) => createStream(seed, replication, name),
    keyed: new KeyedDraws(philoxKey(seed, replication, 'keyed')),
  };
}

/**
 * The counter word c0 of an agent-shift's absence draw: day (12 bits), group and shift (10 bits
 * each) packed into 32 bits — room for every scenario the limits allow (LIMITS.horizonDays 3,650
 * days plus a partial one, LIMITS.listItems 1,000 groups and shifts a group); a test holds the
 * limits to it.
 */
export const ABSENCE_COUNTER_BOUNDS = { days: 4096, groups: 1024, shifts: 1024 } as const;

export function absenceCounter(day: number, group: number, shift: number): number {
  const b = ABSENCE_COUNTER_BOUNDS;
  if (!(day < b.days && group < b.groups && shift < b.shifts)) throw new RangeError(`absenceCounter: day ${day}, group ${group}, shift ${shift} out of range (< ${b.days}, ${b.groups}, ${b.shifts})`);
  return day * b.groups * b.shifts + group * b.shifts + shift;
}
