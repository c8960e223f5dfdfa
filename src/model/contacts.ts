/**
 * Contacts in flight, as parallel typed arrays indexed by a recycled integer slot.
 *
 * A slot is referenced by its queue entry (until dequeued), its patience timer (until it fires),
 * its service completion or its scheduled follow-up arrival; it returns to the free list when
 * the last reference is dropped, so memory follows the contacts in the system, not the horizon.
 * Cancelled timers stay in the calendar and are recognised by the contact's state.
 */
import { resized } from '../engine/typed-array.js';

export const WAITING = 1;
export const IN_SERVICE = 2;
export const ABANDONED = 3;
export const SCHEDULED = 4;

/** Flag bits. */
export const HANDLED_BEFORE = 1; // an earlier contact of the issue was handled
export const RUSHED = 2;
export const REASKED = 4;
export const CALLBACK = 8; // waits for a call back, off the line: no abandonment
export const TRANSFERRED = 16;
export const ANSWERED = 32; // answered once (a transfer's second answer is not counted again)
export const PROACTIVE = 64; // an outbound contact about a fault the device reported: no abandonment
export const PITCHED = 128; // an end-of-call offer was made
export const DEFERRED = 256; // a follow-up that fell while closed, made in the next open period

export class ContactStore {
  arrivalSec = new Float64Array(0);
  /** Arrival of the issue's first contact. */
  issueSec = new Float64Array(0);
  /** Handle time served so far (all stages). */
  servedSec = new Float64Array(0);
  /** Resolution probability of the current service, set when it starts. */
  pResolve = new Float64Array(0);
  enqueueSec = new Float64Array(0);
  /** When the pending patience timer of the current wait fires (−1: none); a timer left from an earlier wait is stale. */
  abandonAt = new Float64Array(0);
  handleSec = new Float64Array(0);
  patienceSec = new Float64Array(0);
  uResolve = new Float64Array(0);
  /** For the contact log: the contact's serial number (offered order), when it first queued and was first answered (NaN: not). */
  serial = new Float64Array(0);
  queuedAtSec = new Float64Array(0);
  answeredAtSec = new Float64Array(0);
  /** When a callback was requested (accepted at the line, or a message left while closed). */
  requestSec = new Float64Array(0);
  /** Normal noise of the contact's satisfaction score (customer lifecycle on), drawn when it is created. */
  satisfactionNoise = new Float64Array(0);
  reason = new Uint8Array(0);
  channel = new Uint8Array(0);
  repeats = new Uint8Array(0);
  retrials = new Uint8Array(0);
  flags = new Uint16Array(0);
  state = new Uint8Array(0);
  group = new Int16Array(0);
  /** Tally row (arrival interval in the window, or −1) of the contact, and of its issue's first contact. */
  bucket = new Int32Array(0);
  issueBucket = new Int32Array(0);
  /** The issue's number (the candidate index, model/draws.ts) and the contact's attempt within it (0 first, +1 per later contact or stage). */
  issue = new Float64Array(0);
  attempt = new Int32Array(0);
  /** The customer who raised the issue (customer lifecycle on), else 0. */
  customer = new Int32Array(0);
  /** Queue class while waiting. */
  cls = new Int16Array(0);
  private refs = new Uint8Array(0);
  private free = new Int32Array(0);
  private freeCount = 0;
  private used = 0;

  constructor(capacity = 1024) {
    this.resize(capacity);
  }

  /** Slots ever allocated (the high-water mark of contacts in flight). */
  get highWater(): number {
    return this.used;
  }

  /** A fresh slot with no references and cleared flags. */
  alloc(): number {
    let id: number;
    if (this.freeCount > 0) id = this.free[--this.freeCount]!;
    else {
      if (this.used === this.state.length) this.resize(this.state.length * 2);
      id = this.used++;
    }
    this.flags[id] = 0;
    this.repeats[id] = 0;
    this.retrials[id] = 0;
    this.servedSec[id] = 0;
    return id;
  }

  /** Returns a slot that never took a reference (a contact that was not offered) to the free list. */
  discard(id: number): void {
    this.state[id] = 0;
    this.free[this.freeCount++] = id;
  }

  ref(id: number): void {
    this.refs[id]!++;
  }

  unref(id: number): void {
    if (--this.refs[id]! === 0) {
      this.state[id] = 0;
      this.free[this.freeCount++] = id;
    }
  }

  private resize(n: number): void {
    this.arrivalSec = resized(this.arrivalSec, n);
    this.issueSec = resized(this.issueSec, n);
    this.servedSec = resized(this.servedSec, n);
    this.pResolve = resized(this.pResolve, n);
    this.enqueueSec = resized(this.enqueueSec, n);
    this.abandonAt = resized(this.abandonAt, n);
    this.handleSec = resized(this.handleSec, n);
    this.patienceSec = resized(this.patienceSec, n);
    this.uResolve = resized(this.uResolve, n);
    this.requestSec = resized(this.requestSec, n);
    this.serial = resized(this.serial, n);
    this.queuedAtSec = resized(this.queuedAtSec, n);
    this.answeredAtSec = resized(this.answeredAtSec, n);
    this.satisfactionNoise = resized(this.satisfactionNoise, n);
    this.reason = resized(this.reason, n);
    this.channel = resized(this.channel, n);
    this.repeats = resized(this.repeats, n);
    this.retrials = resized(this.retrials, n);
    this.flags = resized(this.flags, n);
    this.state = resized(this.state, n);
    this.refs = resized(this.refs, n);
    this.group = resized(this.group, n);
    this.cls = resized(this.cls, n);
    this.bucket = resized(this.bucket, n);
    this.issueBucket = resized(this.issueBucket, n);
    this.customer = resized(this.customer, n);
    this.issue = resized(this.issue, n);
    this.attempt = resized(this.attempt, n);
    this.free = resized(this.free, n);
  }

}
