/**
 * The customer base, customer by customer, in parallel typed arrays indexed by customer id
 * (CUSTOMER_BYTES a customer), so millions fit.
 *
 * Ids are laid out so that they mean the same customer under every policy (common random
 * numbers): the initial customers take [0, initial); month k's acquisitions take a block of
 * `perMonth` paid slots followed by `referralSlots` reserved for word of mouth, whether or not
 * they are filled (deterred prospects and unused referral slots stay inactive); referrals beyond
 * the reserve take overflow ids after every month's block, in order. Each slot's purchase time
 * follows from its place in the layout (model/customers.ts), so customer i is the same customer,
 * bought at the same instant, whatever the policy did before.
 *
 * Contacts are raised by thinning (model/customers.ts `candidate`): candidate issues arrive at a
 * rate fixed by the layout, each lands on a slot, and it becomes a contact if that slot's customer
 * is active with that weight. The candidate stream is then the same under every policy, and so is
 * customer i's stream of issues while they stay.
 */
import { resized } from '../engine/typed-array.js';

/** Bytes the base keeps per customer id: active, cohort, referred, the memory's sum and weight, its time, the churn budget. */
export const CUSTOMER_BYTES = 1 + 2 + 1 + 4 + 4 + 8 + 4;

export class CustomerBase {
  active: Uint8Array;
  /** Month of acquisition (cohort), −1 for the initial customers. */
  cohort: Int16Array;
  /** 1 for a customer won by word of mouth. */
  referred: Uint8Array;
  /**
   * Satisfaction memory (model/satisfaction.ts): Σ w·m and Σ w over the customer's contacts, each
   * contact's churn multiplier m weighted by w = e^(−age/τ), as of `memoryAtSec[id]`.
   */
  memorySum: Float32Array;
  memoryWeight: Float32Array;
  memoryAtSec: Float64Array;
  /**
   * The churn hazard the customer has left before leaving (model/customers.ts): an Exp(1) drawn
   * once for the id slot, less the hazard of every month-end since. Float32: the hazards are
   * ~0.01–0.1 a month, far above its resolution.
   */
  churnBudget: Float32Array;
  activeCount = 0;
  /** Active customers won by word of mouth. */
  referredActive = 0;

  constructor(public capacity: number) {
    this.active = new Uint8Array(capacity);
    this.cohort = new Int16Array(capacity);
    this.referred = new Uint8Array(capacity);
    this.memorySum = new Float32Array(capacity);
    this.memoryWeight = new Float32Array(capacity);
    this.memoryAtSec = new Float64Array(capacity);
    this.churnBudget = new Float32Array(capacity);
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
    this.memorySum = resized(this.memorySum, n);
    this.memoryWeight = resized(this.memoryWeight, n);
    this.memoryAtSec = resized(this.memoryAtSec, n);
    this.churnBudget = resized(this.churnBudget, n);
    this.capacity = n;
  }
}
