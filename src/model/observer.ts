import { BucketedLevel } from '../engine/stats/bucketed-level.js';
import { LevelIntegral } from '../engine/stats/level-integral.js';

/**
 * Facts in, KPIs out: the model reports what happened to each contact; this collector tallies
 * the facts of contacts offered in the measured window [warm-up, horizon), by the interval of
 * their arrival, their channel and their reason. Every KPI, series and breakdown is then a sum
 * over one of those three tallies (result.ts), so they agree by construction.
 *
 * The model computes a contact's interval once, at its offer (`bucketOf`): −1 outside the
 * window, so contacts offered during the warm-up are ignored whenever their outcome comes.
 * Contacts offered before the horizon are followed to their outcome even after it (the run
 * drains), so no outcome is censored. Issue-level facts (first-contact resolution, unresolved
 * issues) are tallied by the interval of the issue's first contact.
 *
 * Estimators, per replication (ContactCenters' PerformanceMeasureType, written down):
 * | KPI          | estimator                                                       |
 * |--------------|-----------------------------------------------------------------|
 * | abandonRate  | abandoned / offered                                             |
 * | pWait        | (offered − answered with zero wait) / offered                   |
 * | waitSec      | Σ wait of all offered (abandoners up to hanging up) / offered   |
 * | asaSec       | Σ wait of answered / answered                                   |
 * | serviceLevel | answered with wait ≤ threshold / offered                        |
 * | occupancy    | ∫ busy agents dt / ∫ logged-in agents dt, over the window       |
 * | ahtSec       | Σ handle time of answered (all stages) / answered               |
 * | fcr          | issues resolved at their first handled contact / issues handled |
 * | repeatRate   | repeat contacts / offered                                       |
 * | queueLength  | ∫ waiting contacts dt / window length (all contacts waiting)    |
 * Across replications each KPI is averaged as a mean of per-replication ratios.
 * Email is answered when an agent starts on it; its "wait" is the response time.
 */
export const F = {
  offered: 0,
  answered: 1,
  abandoned: 2,
  answeredAtOnce: 3,
  withinThreshold: 4,
  withinTarget: 5,
  answeredWaitSec: 6,
  abandonedWaitSec: 7,
  handleSec: 8,
  repeats: 9,
  retrials: 10,
  newIssues: 11,
  issuesHandled: 12,
  issuesResolvedFirst: 13,
  issuesUnresolved: 14,
  rushed: 15,
  reasked: 16,
  transfers: 17,
  callbacksOffered: 18,
  callbacksAccepted: 19,
} as const;
export type Fact = keyof typeof F;
/** Facts per tally row. */
export const NF = 20;

export class Observer {
  readonly buckets: number;
  /** Facts by arrival interval: row k at [k·NF, (k+1)·NF). */
  readonly byInterval: Float64Array;
  readonly byChannel: Float64Array;
  readonly byReason: Float64Array;
  /** Contacts whose service started, by reason × group (reason-major), for routing checks. */
  readonly servedBy: Float64Array;
  /** Busy agent-seconds per group in the window, and per interval (chats count as fractions). */
  readonly busyWindowSec: Float64Array;
  readonly busyByInterval: Float64Array[];
  /**
   * Agents logged in beyond the schedule per group: while agents whose shift or break has begun
   * finish a contact (the overrun). Logged-in time = scheduled available time + overrun time.
   */
  readonly overrun: BucketedLevel[];
  readonly queue: LevelIntegral;
  private readonly targetSec: Float64Array;
  private readonly perInterval: number;

  constructor(
    readonly warmupSec: number,
    readonly horizonSec: number,
    readonly intervalSec: number,
    private readonly slThresholdSec: number,
    channelTargetsSec: readonly number[],
    reasonCount: number,
    groupCount: number,
  ) {
    this.buckets = Math.ceil(horizonSec / intervalSec);
    this.perInterval = 1 / intervalSec;
    this.byInterval = new Float64Array(this.buckets * NF);
    this.byChannel = new Float64Array(channelTargetsSec.length * NF);
    this.byReason = new Float64Array(reasonCount * NF);
    this.targetSec = Float64Array.from(channelTargetsSec);
    this.servedBy = new Float64Array(reasonCount * groupCount);
    this.busyWindowSec = new Float64Array(groupCount);
    this.busyByInterval = Array.from({ length: groupCount }, () => new Float64Array(this.buckets));
    this.overrun = Array.from({ length: groupCount }, () => new BucketedLevel(warmupSec, horizonSec, intervalSec, this.buckets));
    this.queue = new LevelIntegral(warmupSec, horizonSec);
  }

  /** The tally row of a contact offered at `t`: its interval, or −1 outside the window. */
  bucketOf(t: number): number {
    return t >= this.warmupSec && t < this.horizonSec ? Math.floor(t * this.perInterval) : -1;
  }

  private add(k: number, channel: number, reason: number, fact: number, value: number): void {
    this.byInterval[k * NF + fact]! += value;
    this.byChannel[channel * NF + fact]! += value;
    this.byReason[reason * NF + fact]! += value;
  }

  contactOffered(k: number, channel: number, reason: number, repeat: boolean, retrial: boolean, newIssue: boolean): void {
    if (k < 0) return;
    this.add(k, channel, reason, F.offered, 1);
    if (newIssue) this.add(k, channel, reason, F.newIssues, 1);
    if (repeat) this.add(k, channel, reason, F.repeats, 1);
    if (retrial) this.add(k, channel, reason, F.retrials, 1);
  }

  contactAnswered(k: number, channel: number, reason: number, waitSec: number): void {
    if (k < 0) return;
    this.add(k, channel, reason, F.answered, 1);
    this.add(k, channel, reason, F.answeredWaitSec, waitSec);
    if (waitSec === 0) this.add(k, channel, reason, F.answeredAtOnce, 1);
    if (waitSec <= this.slThresholdSec) this.add(k, channel, reason, F.withinThreshold, 1);
    if (waitSec <= this.targetSec[channel]!) this.add(k, channel, reason, F.withinTarget, 1);
  }

  /** A contact is over: its handle time (all stages, transfers included) and how it went. */
  contactHandled(k: number, channel: number, reason: number, handleSec: number, rushed: boolean, reasked: boolean, transferred: boolean): void {
    if (k < 0) return;
    this.add(k, channel, reason, F.handleSec, handleSec);
    if (rushed) this.add(k, channel, reason, F.rushed, 1);
    if (reasked) this.add(k, channel, reason, F.reasked, 1);
    if (transferred) this.add(k, channel, reason, F.transfers, 1);
  }

  /** A service (first or after a transfer) started at a group. */
  serviceStarted(k: number, reason: number, group: number): void {
    if (k < 0) return;
    this.servedBy[reason * this.busyWindowSec.length + group]!++;
  }

  contactAbandoned(k: number, channel: number, reason: number, waitSec: number): void {
    if (k < 0) return;
    this.add(k, channel, reason, F.abandoned, 1);
    this.add(k, channel, reason, F.abandonedWaitSec, waitSec);
  }

  callbackOffered(k: number, channel: number, reason: number, accepted: boolean): void {
    if (k < 0) return;
    this.add(k, channel, reason, F.callbacksOffered, 1);
    if (accepted) this.add(k, channel, reason, F.callbacksAccepted, 1);
  }

  /** The first handled contact of an issue ended, resolved or not; `k` is the issue's row. */
  issueFirstHandled(k: number, channel: number, reason: number, resolved: boolean): void {
    if (k < 0) return;
    this.add(k, channel, reason, F.issuesHandled, 1);
    if (resolved) this.add(k, channel, reason, F.issuesResolvedFirst, 1);
  }

  /** An issue gave up unresolved (repeat limit reached, or abandoned without retrying). */
  issueUnresolved(k: number, channel: number, reason: number): void {
    if (k < 0) return;
    this.add(k, channel, reason, F.issuesUnresolved, 1);
  }

  /**
   * Group g is busy with `agents` (1, or 1/k for a chat) from `from` to `to`: known when the
   * service starts, so the span is added once instead of tracking a level at both ends.
   */
  serviceSpan(g: number, from: number, to: number, agents: number): void {
    const lo = from > this.warmupSec ? from : this.warmupSec;
    const hi = to < this.horizonSec ? to : this.horizonSec;
    if (hi > lo) this.busyWindowSec[g]! += agents * (hi - lo);
    const w = this.intervalSec;
    const out = this.busyByInterval[g]!;
    let k = Math.floor(from * this.perInterval);
    let x = from;
    while (x < to && k < out.length) {
      const end = (k + 1) * w;
      const y = to < end ? to : end;
      out[k]! += agents * (y - x);
      x = y;
      k++;
    }
  }

  /** The sum of a fact over all intervals (the run's total). */
  total(fact: number): number {
    let s = 0;
    for (let i = fact; i < this.byInterval.length; i += NF) s += this.byInterval[i]!;
    return s;
  }

  /** One fact per interval. */
  column(fact: number): number[] {
    return Array.from({ length: this.buckets }, (_, k) => this.byInterval[k * NF + fact]!);
  }

  /** The replication's KPIs, given the agents' logged-in time in the window (all groups). */
  kpis(loggedInSec: number): Kpis {
    const windowSec = this.horizonSec - this.warmupSec;
    const ratio = (num: number, den: number, empty: number) => (den > 0 ? num / den : empty);
    const t = (f: number) => this.total(f);
    const offered = t(F.offered);
    const answered = t(F.answered);
    const busy = this.busyWindowSec.reduce((s, b) => s + b, 0);
    return {
      offered,
      answered,
      abandoned: t(F.abandoned),
      abandonRate: ratio(t(F.abandoned), offered, 0),
      pWait: ratio(offered - t(F.answeredAtOnce), offered, 0),
      waitSec: ratio(t(F.answeredWaitSec) + t(F.abandonedWaitSec), offered, 0),
      asaSec: ratio(t(F.answeredWaitSec), answered, 0),
      serviceLevel: ratio(t(F.withinThreshold), offered, 1),
      occupancy: ratio(busy, loggedInSec, 0),
      ahtSec: ratio(t(F.handleSec), answered, 0),
      fcr: ratio(t(F.issuesResolvedFirst), t(F.issuesHandled), 1),
      queueLength: ratio(this.queue.close(), windowSec, 0),
      repeatRate: ratio(t(F.repeats), offered, 0),
      repeats: t(F.repeats),
      retrials: t(F.retrials),
      transfers: t(F.transfers),
      callbacksOffered: t(F.callbacksOffered),
      callbacksAccepted: t(F.callbacksAccepted),
      rushedShare: ratio(t(F.rushed), answered, 0),
      reaskedShare: ratio(t(F.reasked), answered, 0),
      issuesUnresolved: t(F.issuesUnresolved),
    };
  }
}

export interface Kpis {
  offered: number;
  answered: number;
  abandoned: number;
  abandonRate: number;
  pWait: number;
  waitSec: number;
  asaSec: number;
  serviceLevel: number;
  occupancy: number;
  ahtSec: number;
  fcr: number;
  queueLength: number;
  repeatRate: number;
  repeats: number;
  retrials: number;
  transfers: number;
  callbacksOffered: number;
  callbacksAccepted: number;
  rushedShare: number;
  reaskedShare: number;
  issuesUnresolved: number;
}
