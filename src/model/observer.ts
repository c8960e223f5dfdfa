import { BucketedLevel } from '../engine/stats/bucketed-level.js';
import { F, NF } from './facts.js';

/**
 * Facts in: the model reports what happened to each contact, and this collector tallies the facts
 * (model/facts.ts) of contacts offered in the measured window [warm-up, horizon) — one row per
 * interval of their offer, and one per (channel, reason) when there is more than one. KPIs come
 * out of the catalogue (model/catalogue.ts) applied to sums of these rows, so totals, breakdowns
 * and series agree by construction.
 *
 * The model computes a contact's row once, at its offer (`bucketOf`): −1 outside the window, so
 * contacts offered during the warm-up are ignored whenever their outcome comes. Issue facts
 * (first-contact resolution, unresolved issues) go to the row of the first offered contact.
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

  /** A line contact (inbound voice or chat, not called back) answered after waiting `waitSec`. */
  lineAnswered(k: number, channel: number, reason: number, waitSec: number): void {
    if (k < 0) return;
    this.add(k, channel, reason, F.lineAnswered);
    this.add(k, channel, reason, F.answeredWaitSec, waitSec);
    if (waitSec === 0) this.add(k, channel, reason, F.answeredAtOnce);
    if (waitSec <= this.thresholdSec[channel]!) this.add(k, channel, reason, F.withinThreshold);
  }

  /** An email answered `responseSec` after it arrived. */
  emailAnswered(k: number, channel: number, reason: number, responseSec: number): void {
    if (k < 0) return;
    this.add(k, channel, reason, F.emailAnswered);
    this.add(k, channel, reason, F.emailResponseSec, responseSec);
    if (responseSec <= this.thresholdSec[channel]!) this.add(k, channel, reason, F.emailWithinTarget);
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
