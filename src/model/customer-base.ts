/**
 * The customer base, customer by customer, in parallel typed arrays indexed by customer id
 * (about 16 bytes a customer), so millions fit.
 *
 * Ids are laid out so that they mean the same customer under every policy (common random
 * numbers): the initial customers take [0, initial); month k's acquisitions take a block of
 * `perMonth` paid slots followed by `referralSlots` reserved for word of mouth, whether or not
 * they are filled (deterred prospects and unused referral slots stay inactive); referrals beyond
 * the reserve take overflow ids after every month's block, in order. The layout is fixed by the
 * configuration alone, so customer i is the same customer whatever the policy did before.
 *
 * Contacts are raised by thinning (model/customers.ts `candidate`): candidate issues arrive at a
 * rate fixed by the layout (every slot opened so far, plus the extra weight of the slots whose
 * onboarding differs), each lands on a slot, and it becomes a contact if that slot's customer is
 * active with that weight. The candidate stream is then the same under every policy, and so is
 * customer i's stream of issues while they stay.
 */
import { resized } from '../engine/typed-array.js';

export class CustomerBase {
  active: Uint8Array;
  /** Month of acquisition (cohort), −1 for the initial customers. */
  cohort: Int16Array;
  /** 1 for a customer won by word of mouth. */
  referred: Uint8Array;
  /**
   * Satisfaction memory: the excess churn multiplier (multiplier − 1) left by recent contacts, as
   * of `excessAtSec[id]`; it decays as exp(−Δt/τ) (model/satisfaction.ts).
   */
  excess: Float32Array;
  excessAtSec: Float64Array;
  activeCount = 0;
  /** Active customers won by word of mouth. */
  referredActive = 0;

  constructor(public capacity: number) {
    this.active = new Uint8Array(capacity);
    this.cohort = new Int16Array(capacity);
    this.referred = new Uint8Array(capacity);
    this.excess = new Float32Array(capacity);
    this.excessAtSec = new Float64Array(capacity);
  }

  /** Customers of `cohort` (−1: initial) take ids [from, from + n), won by word of mouth if `referred`. */
  activate(from: number, n: number, cohort: number, referred: boolean): void {
    if (from + n > this.capacity) this.grow(Math.max(2 * this.capacity, from + n));
    for (let id = from; id < from + n; id++) {
      this.active[id] = 1;
      this.cohort[id] = cohort;
      this.referred[id] = referred ? 1 : 0;
    }
    this.activeCount += n;
    if (referred) this.referredActive += n;
  }

  /** The customer leaves. */
  leave(id: number): void {
    this.active[id] = 0;
    this.activeCount--;
    this.referredActive -= this.referred[id]!;
  }

  private grow(n: number): void {
    this.active = resized(this.active, n);
    this.cohort = resized(this.cohort, n);
    this.referred = resized(this.referred, n);
    this.excess = resized(this.excess, n);
    this.excessAtSec = resized(this.excessAtSec, n);
    this.capacity = n;
  }
}
