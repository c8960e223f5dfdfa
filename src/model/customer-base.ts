/**
 * The customer base, customer by customer, in parallel typed arrays indexed by customer id
 * (ids are never reused; capacity = initial + every paid acquisition over the horizon, grown by
 * doubling if referrals need more), so millions fit: about 41 bytes a customer.
 *
 * Active customers are kept in two dense lists, onboarding and established, with each
 * customer's position for O(1) swap-removal; a contact is attributed to a customer drawn with
 * weight `onboardingMultiplier` from the first list and 1 from the second, i.e. proportionally
 * to each customer's issue rate.
 */
import { resized } from '../engine/typed-array.js';
export class CustomerBase {
  active: Uint8Array;
  /** Month of acquisition (cohort), −1 for the initial customers. */
  cohort: Int16Array;
  /** 1 for a customer won by word of mouth. */
  referred: Uint8Array;
  /** Active customers won by word of mouth. */
  referredActive = 0;
  /**
   * Satisfaction memory: the excess churn multiplier (multiplier − 1) left by recent contacts, as
   * of `memorySec[id]`; it decays as exp(−Δt/τ) (model/satisfaction.ts).
   */
  excess: Float32Array;
  excessAtSec: Float64Array;
  private list: [Int32Array, Int32Array];
  private readonly listCount = new Int32Array(2);
  /** Position of an active customer in its list; which list: 0 onboarding, 1 established. */
  private pos: Int32Array;
  private which: Uint8Array;
  /** Customers ever created (the next id). */
  size = 0;

  constructor(
    public capacity: number,
    private readonly onboardingWeight: number,
  ) {
    this.active = new Uint8Array(capacity);
    this.cohort = new Int16Array(capacity);
    this.referred = new Uint8Array(capacity);
    this.excess = new Float32Array(capacity);
    this.excessAtSec = new Float64Array(capacity);
    this.list = [new Int32Array(capacity), new Int32Array(capacity)];
    this.pos = new Int32Array(capacity);
    this.which = new Uint8Array(capacity);
  }

  get onboarding(): number {
    return this.listCount[0]!;
  }

  get established(): number {
    return this.listCount[1]!;
  }

  get activeCount(): number {
    return this.listCount[0]! + this.listCount[1]!;
  }

  /** Σ of the active customers' relative issue rates: established + multiplier × onboarding. */
  get weight(): number {
    return this.listCount[1]! + this.onboardingWeight * this.listCount[0]!;
  }

  /**
   * Adds `n` customers of cohort `cohort` (−1: initial, established), onboarding if `onboarding`,
   * won by word of mouth if `referred`.
   */
  add(n: number, cohort: number, onboarding: boolean, referred = false): void {
    if (this.size + n > this.capacity) this.grow(Math.max(2 * this.capacity, this.size + n));
    if (referred) this.referredActive += n;
    for (let j = 0; j < n; j++) {
      const id = this.size++;
      this.active[id] = 1;
      this.cohort[id] = cohort;
      this.referred[id] = referred ? 1 : 0;
      this.push(id, onboarding ? 0 : 1);
    }
  }

  /** Moves every active customer of `cohort` from onboarding to established. */
  endOnboarding(cohort: number): void {
    const l = this.list[0];
    for (let i = this.listCount[0]! - 1; i >= 0; i--) {
      const id = l[i]!;
      if (this.cohort[id] !== cohort) continue;
      this.remove(id);
      this.push(id, 1);
    }
  }

  /** The customer behind a contact, from one uniform u ∈ [0, 1), weighted by issue rate. */
  pick(u: number): number {
    const onboardingMass = this.onboardingWeight * this.listCount[0]!;
    const x = u * (onboardingMass + this.listCount[1]!);
    if (x < onboardingMass) return this.list[0][Math.min(this.listCount[0]! - 1, Math.floor(x / this.onboardingWeight))]!;
    return this.list[1][Math.min(this.listCount[1]! - 1, Math.floor(x - onboardingMass))]!;
  }

  /** The customer leaves. */
  leave(id: number): void {
    this.active[id] = 0;
    this.referredActive -= this.referred[id]!;
    this.remove(id);
  }

  private grow(n: number): void {
    this.active = resized(this.active, n);
    this.cohort = resized(this.cohort, n);
    this.referred = resized(this.referred, n);
    this.excess = resized(this.excess, n);
    this.excessAtSec = resized(this.excessAtSec, n);
    this.list = [resized(this.list[0], n), resized(this.list[1], n)];
    this.pos = resized(this.pos, n);
    this.which = resized(this.which, n);
    this.capacity = n;
  }

  private push(id: number, w: number): void {
    const l = this.list[w as 0 | 1];
    this.which[id] = w;
    this.pos[id] = this.listCount[w]!;
    l[this.listCount[w]!++] = id;
  }

  private remove(id: number): void {
    const w = this.which[id]!;
    const l = this.list[w as 0 | 1];
    const i = this.pos[id]!;
    const last = l[--this.listCount[w]!]!;
    l[i] = last;
    this.pos[last] = i;
  }
}
