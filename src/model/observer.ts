import { BucketedLevel } from '../engine/stats/bucketed-level.js';
import { F, NF } from './facts.js';

// The facts the hot path writes, as plain constants.
const OFFERED = F.offered, NEW_ISSUES = F.newIssues, REPEATS = F.repeats, RETRIALS = F.retrials, DEFERRED = F.deferredFollowUps;
const EMAIL_OFFERED = F.emailOffered, OUTBOUND = F.outbound, INBOUND = F.inboundRealtime, CALLBACKS = F.callbacks;
const ANSWERED = F.answered, LINE_ANSWERED = F.lineAnswered, ANSWER_WAIT = F.answeredWaitSec, AT_ONCE = F.answeredAtOnce, WITHIN = F.withinThreshold;
const EMAIL_ANSWERED = F.emailAnswered, EMAIL_RESPONSE = F.emailResponseSec, EMAIL_WITHIN = F.emailWithinTarget, CALLBACKS_ANSWERED = F.callbacksAnswered, CALLBACK_WAIT = F.callbackWaitSec;
const HANDLE = F.handleSec, RUSHED = F.rushed, REASKED = F.reasked, OUTBOUND_RESOLVED = F.outboundResolved;
const ISSUES_HANDLED = F.issuesHandled, RESOLVED_FIRST = F.issuesResolvedFirst;

/** What kind of contact is offered (a bit mask for `contactOffered`). */
export const OFFER_NEW_ISSUE = 1, OFFER_REPEAT = 2, OFFER_RETRIAL = 4, OFFER_DEFERRED = 8, OFFER_EMAIL = 16, OFFER_OUTBOUND = 32, OFFER_CALLBACK = 64;
/** How a contact is answered (for `contactAnswered`): on the line, an email, a callback, an outbound call. */
export const ANSWER_LINE = 0, ANSWER_EMAIL = 1, ANSWER_CALLBACK = 2, ANSWER_OUTBOUND = 3;

/**
 * Facts in: the model reports what happened to each contact, and this collector tallies the facts
 * (model/facts.ts) of contacts offered in the measured window [warm-up, horizon) — one row per
 * interval of their offer, and one per (channel, reason) when there is more than one. KPIs come
 * out of the catalogue (model/catalogue.ts) applied to sums of these rows, so totals, breakdowns
 * and series agree by construction.
 *
 * The model computes a contact's row once, at its offer (`bucketOf`): −1 outside the window, so
 * contacts offered during the warm-up are ignored whenever their outcome comes. Issue facts
 * (first-contact resolution, unresolved issues) go to the row of the issue's first offered contact.
 * Agent and queue time are integrated per interval here and in model/result.ts.
 */
export class Observer {
  readonly buckets: number;
  /** Facts by offer interval: row k at [k·NF, (k+1)·NF). */
  readonly byInterval: Float64Array;
  /** Facts by (channel, reason), row channel·R + reason; null when there is one combination (it equals the total). */
  readonly byCombo: Float64Array | null;
  readonly reasonCount: number;
  /** Services started, by reason × group (reason-major), for routing checks. */
  readonly servedBy: Float64Array;
  /** Busy agent-seconds per group in the window, and per interval's window part (a chat counts 1/concurrency). */
  readonly busyWindowSec: Float64Array;
  readonly busyByInterval: Float64Array[];
  /**
   * Agents logged in beyond the schedule per group: while agents whose shift or break has begun
   * finish a contact (the overrun). Logged-in time = scheduled available time + overrun time.
   */
  readonly overrun: BucketedLevel[];
  /** Contacts waiting (every queue), integrated per interval. */
  readonly queue: BucketedLevel;
  private readonly thresholdSec: Float64Array;
  private readonly perInterval: number;
  private waiting = 0;

  constructor(
    readonly warmupSec: number,
    readonly horizonSec: number,
    readonly intervalSec: number,
    /** Each channel's service-level threshold (email: its response target). */
    channelThresholdsSec: readonly number[],
    reasonCount: number,
    groupCount: number,
  ) {
    this.buckets = Math.ceil(horizonSec / intervalSec);
    this.perInterval = 1 / intervalSec;
    this.byInterval = new Float64Array(this.buckets * NF);
    this.reasonCount = reasonCount;
    this.byCombo = channelThresholdsSec.length * reasonCount > 1 ? new Float64Array(channelThresholdsSec.length * reasonCount * NF) : null;
    this.thresholdSec = Float64Array.from(channelThresholdsSec);
    this.servedBy = new Float64Array(reasonCount * groupCount);
    this.busyWindowSec = new Float64Array(groupCount);
    this.busyByInterval = Array.from({ length: groupCount }, () => new Float64Array(this.buckets));
    this.overrun = Array.from({ length: groupCount }, () => new BucketedLevel(warmupSec, horizonSec, intervalSec, this.buckets));
    this.queue = new BucketedLevel(warmupSec, horizonSec, intervalSec, this.buckets);
  }

  /** The tally row of a contact offered at `t`: its interval, or −1 outside the window. */
  bucketOf(t: number): number {
    return t >= this.warmupSec && t < this.horizonSec ? Math.floor(t * this.perInterval) : -1;
  }

  /** Adds `value` to fact `f` of interval row k and of the (channel, reason) row; k < 0: not counted. */
  add(k: number, channel: number, reason: number, f: number, value = 1): void {
    if (k < 0) return;
    this.byInterval[k * NF + f]! += value;
    const c = this.byCombo;
    if (c !== null) c[(channel * this.reasonCount + reason) * NF + f]! += value;
  }

  /** Writes the facts of one event into a row (the interval's, or a combination's). */
  private static offeredInto(b: Float64Array, row: number, kind: number): void {
    b[row + OFFERED]!++;
    if (kind & OFFER_NEW_ISSUE) b[row + NEW_ISSUES]!++;
    if (kind & OFFER_REPEAT) b[row + REPEATS]!++;
    if (kind & OFFER_RETRIAL) b[row + RETRIALS]!++;
    if (kind & OFFER_DEFERRED) b[row + DEFERRED]!++;
    if (kind & OFFER_EMAIL) b[row + EMAIL_OFFERED]!++;
    else if (kind & OFFER_OUTBOUND) b[row + OUTBOUND]!++;
    else {
      b[row + INBOUND]!++;
      if (kind & OFFER_CALLBACK) b[row + CALLBACKS]!++;
    }
  }

  /** A fresh inbound voice or chat contact offered at interval k (the common case of contactOffered). */
  freshOffered(k: number, channel: number, reason: number): void {
    if (k < 0) return;
    const b = this.byInterval;
    const row = k * NF;
    b[row + OFFERED]!++;
    b[row + NEW_ISSUES]!++;
    b[row + INBOUND]!++;
    if (this.byCombo !== null) Observer.offeredInto(this.byCombo, (channel * this.reasonCount + reason) * NF, OFFER_NEW_ISSUE);
  }

  /** A line contact answered after waiting `waitSec` (the common case of contactAnswered). */
  lineAnswered(k: number, channel: number, reason: number, waitSec: number): void {
    if (k < 0) return;
    const b = this.byInterval;
    const row = k * NF;
    b[row + ANSWERED]!++;
    b[row + LINE_ANSWERED]!++;
    b[row + ANSWER_WAIT]! += waitSec;
    if (waitSec === 0) b[row + AT_ONCE]!++;
    if (waitSec <= this.thresholdSec[channel]!) b[row + WITHIN]!++;
    if (this.byCombo !== null) this.answeredInto(this.byCombo, (channel * this.reasonCount + reason) * NF, channel, ANSWER_LINE, waitSec);
  }

  /** A contact offered at interval k: `kind` is a mask of OFFER_* bits. */
  contactOffered(k: number, channel: number, reason: number, kind: number): void {
    if (k < 0) return;
    Observer.offeredInto(this.byInterval, k * NF, kind);
    if (this.byCombo !== null) Observer.offeredInto(this.byCombo, (channel * this.reasonCount + reason) * NF, kind);
  }

  private answeredInto(b: Float64Array, row: number, channel: number, mode: number, waitSec: number): void {
    b[row + ANSWERED]!++;
    if (mode === ANSWER_LINE) {
      b[row + LINE_ANSWERED]!++;
      b[row + ANSWER_WAIT]! += waitSec;
      if (waitSec === 0) b[row + AT_ONCE]!++;
      if (waitSec <= this.thresholdSec[channel]!) b[row + WITHIN]!++;
    } else if (mode === ANSWER_EMAIL) {
      b[row + EMAIL_ANSWERED]!++;
      b[row + EMAIL_RESPONSE]! += waitSec;
      if (waitSec <= this.thresholdSec[channel]!) b[row + EMAIL_WITHIN]!++;
    } else if (mode === ANSWER_CALLBACK) {
      b[row + CALLBACKS_ANSWERED]!++;
      b[row + CALLBACK_WAIT]! += waitSec;
    }
  }

  /**
   * A contact's first service started after `waitSec`: on the line (its wait against the
   * channel's threshold), an email (its response time against the target), a callback (the time
   * since its request) or an outbound call (nothing more to measure).
   */
  contactAnswered(k: number, channel: number, reason: number, mode: number, waitSec: number): void {
    if (k < 0) return;
    this.answeredInto(this.byInterval, k * NF, channel, mode, waitSec);
    if (this.byCombo !== null) this.answeredInto(this.byCombo, (channel * this.reasonCount + reason) * NF, channel, mode, waitSec);
  }

  private static handledInto(b: Float64Array, row: number, handleSec: number, rushed: boolean, reasked: boolean, outboundResolved: boolean): void {
    b[row + HANDLE]! += handleSec;
    if (rushed) b[row + RUSHED]!++;
    if (reasked) b[row + REASKED]!++;
    if (outboundResolved) b[row + OUTBOUND_RESOLVED]!++;
  }

  /** A contact's service ended: its handle time (all stages) and how it went. */
  contactHandled(k: number, channel: number, reason: number, handleSec: number, rushed: boolean, reasked: boolean, outboundResolved: boolean): void {
    if (k < 0) return;
    Observer.handledInto(this.byInterval, k * NF, handleSec, rushed, reasked, outboundResolved);
    if (this.byCombo !== null) Observer.handledInto(this.byCombo, (channel * this.reasonCount + reason) * NF, handleSec, rushed, reasked, outboundResolved);
  }

  private static firstHandledInto(b: Float64Array, row: number, resolved: boolean): void {
    b[row + ISSUES_HANDLED]!++;
    if (resolved) b[row + RESOLVED_FIRST]!++;
  }

  /**
   * The first service of an issue's first handled contact ended (interval k of the issue's first
   * offer), at the first group, before any transfer: the issue counts in first-contact resolution
   * from here, whatever happens to the contact after a transfer (answered, or hung up at tier 2).
   */
  issueFirstHandled(k: number, channel: number, reason: number, resolved: boolean): void {
    if (k < 0) return;
    Observer.firstHandledInto(this.byInterval, k * NF, resolved);
    if (this.byCombo !== null) Observer.firstHandledInto(this.byCombo, (channel * this.reasonCount + reason) * NF, resolved);
  }

  /** The number of contacts waiting changes by `delta` at `now`. */
  queueChange(now: number, delta: number): void {
    this.waiting += delta;
    this.queue.set(now, this.waiting);
  }

  /** A service (first or after a transfer) started at a group. */
  serviceStarted(k: number, reason: number, group: number): void {
    if (k < 0) return;
    this.servedBy[reason * this.busyWindowSec.length + group]!++;
  }

  /**
   * Group g is busy with `agents` (1, or 1/k for a chat) from `from` to `to`: known when the
   * service starts, so the span is added once instead of tracking a level at both ends.
   */
  serviceSpan(g: number, from: number, to: number, agents: number): void {
    const lo = from > this.warmupSec ? from : this.warmupSec;
    const hi = to < this.horizonSec ? to : this.horizonSec;
    if (hi > lo) this.busyWindowSec[g]! += agents * (hi - lo);
    if (!(hi > lo)) return;
    const w = this.intervalSec;
    const out = this.busyByInterval[g]!;
    let k = Math.floor(lo * this.perInterval);
    let x = lo;
    while (x < hi) {
      const end = (k + 1) * w;
      const y = hi < end ? hi : end;
      out[k]! += agents * (y - x);
      x = y;
      k++;
    }
  }

  /** The (channel, reason) row's facts, or the sum over every interval when there is one combination. */
  comboRow(channel: number, reason: number): Float64Array {
    if (this.byCombo !== null) return this.byCombo.subarray((channel * this.reasonCount + reason) * NF, (channel * this.reasonCount + reason + 1) * NF);
    const out = new Float64Array(NF);
    for (let k = 0; k < this.buckets; k++) for (let f = 0; f < NF; f++) out[f]! += this.byInterval[k * NF + f]!;
    return out;
  }
}
