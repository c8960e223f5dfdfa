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
// The same indices as plain constants, for the hot path.
const OFFERED = 0, ANSWERED = 1, ABANDONED = 2, AT_ONCE = 3, WITHIN = 4, WITHIN_TARGET = 5, ANSWER_WAIT = 6, ABANDON_WAIT = 7;
const HANDLE = 8, REPEATS = 9, RETRIALS = 10, NEW_ISSUES = 11, ISSUES_HANDLED = 12, RESOLVED_FIRST = 13, UNRESOLVED = 14;
const RUSHED = 15, REASKED = 16, TRANSFERS = 17, CB_OFFERED = 18, CB_ACCEPTED = 19;
/** Facts per tally row. */
export const NF = 20;

export class Observer {
  readonly buckets: number;
  /** Facts by arrival interval: row k at [k·NF, (k+1)·NF). */
  readonly byInterval: Float64Array;
  /**
   * Facts by (channel, reason), row channel·R + reason; kept only when there is more than one
   * combination (otherwise it equals the sum over intervals and is derived from it).
   */
  private readonly byCombo: Float64Array | null;
  private readonly reasonCount: number;
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
    this.reasonCount = reasonCount;
    this.byCombo = channelTargetsSec.length * reasonCount > 1 ? new Float64Array(channelTargetsSec.length * reasonCount * NF) : null;
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

  /** Row offsets of a contact's facts: its interval row, and its (channel, reason) row or −1. */
  private rowOf(k: number): number {
    return k * NF;
  }

  private comboRow(channel: number, reason: number): number {
    return this.byCombo === null ? -1 : (channel * this.reasonCount + reason) * NF;
  }

  /** Adds `value` to fact `f` in both rows (the combo row only when there is one). */
  private put(row: number, combo: number, f: number, value: number): void {
    this.byInterval[row + f]! += value;
    if (combo >= 0) this.byCombo![combo + f]! += value;
  }

  contactOffered(k: number, channel: number, reason: number, repeat: boolean, retrial: boolean, newIssue: boolean): void {
    if (k < 0) return;
    const row = this.rowOf(k);
    const combo = this.comboRow(channel, reason);
    this.put(row, combo, OFFERED, 1);
    if (newIssue) this.put(row, combo, NEW_ISSUES, 1);
    if (repeat) this.put(row, combo, REPEATS, 1);
    if (retrial) this.put(row, combo, RETRIALS, 1);
  }

  contactAnswered(k: number, channel: number, reason: number, waitSec: number): void {
    if (k < 0) return;
    const b = this.byInterval;
    const row = k * NF;
    b[row + ANSWERED]!++;
    b[row + ANSWER_WAIT]! += waitSec;
    const atOnce = waitSec === 0 ? 1 : 0;
    const within = waitSec <= this.slThresholdSec ? 1 : 0;
    const inTarget = waitSec <= this.targetSec[channel]! ? 1 : 0;
    b[row + AT_ONCE]! += atOnce;
    b[row + WITHIN]! += within;
    b[row + WITHIN_TARGET]! += inTarget;
    const c = this.byCombo;
    if (c !== null) {
      const combo = (channel * this.reasonCount + reason) * NF;
      c[combo + ANSWERED]!++;
      c[combo + ANSWER_WAIT]! += waitSec;
      c[combo + AT_ONCE]! += atOnce;
      c[combo + WITHIN]! += within;
      c[combo + WITHIN_TARGET]! += inTarget;
    }
  }

  /** A contact is over: its handle time (all stages, transfers included) and how it went. */
  contactHandled(k: number, channel: number, reason: number, handleSec: number, rushed: boolean, reasked: boolean, transferred: boolean): void {
    if (k < 0) return;
    const row = this.rowOf(k);
    const combo = this.comboRow(channel, reason);
    this.put(row, combo, HANDLE, handleSec);
    if (rushed) this.put(row, combo, RUSHED, 1);
    if (reasked) this.put(row, combo, REASKED, 1);
    if (transferred) this.put(row, combo, TRANSFERS, 1);
  }

  /** A service (first or after a transfer) started at a group. */
  serviceStarted(k: number, reason: number, group: number): void {
    if (k < 0) return;
    this.servedBy[reason * this.busyWindowSec.length + group]!++;
  }

  contactAbandoned(k: number, channel: number, reason: number, waitSec: number): void {
    if (k < 0) return;
    const row = this.rowOf(k);
    const combo = this.comboRow(channel, reason);
    this.put(row, combo, ABANDONED, 1);
    this.put(row, combo, ABANDON_WAIT, waitSec);
  }

  callbackOffered(k: number, channel: number, reason: number, accepted: boolean): void {
    if (k < 0) return;
    const row = this.rowOf(k);
    const combo = this.comboRow(channel, reason);
    this.put(row, combo, CB_OFFERED, 1);
    if (accepted) this.put(row, combo, CB_ACCEPTED, 1);
  }

  /** The first handled contact of an issue ended, resolved or not; `k` is the issue's row. */
  issueFirstHandled(k: number, channel: number, reason: number, resolved: boolean): void {
    if (k < 0) return;
    const row = this.rowOf(k);
    const combo = this.comboRow(channel, reason);
    this.put(row, combo, ISSUES_HANDLED, 1);
    if (resolved) this.put(row, combo, RESOLVED_FIRST, 1);
  }

  /** An issue gave up unresolved (repeat limit reached, or abandoned without retrying). */
  issueUnresolved(k: number, channel: number, reason: number): void {
    if (k < 0) return;
    this.put(this.rowOf(k), this.comboRow(channel, reason), UNRESOLVED, 1);
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

  /** A fact summed over the contacts of one channel (or all channels: −1) and one reason (or all: −1). */
  sum(fact: number, channel: number, reason: number): number {
    const combos = this.byCombo;
    if (combos === null) return this.total(fact);
    let s = 0;
    const channels = combos.length / NF / this.reasonCount;
    for (let ch = 0; ch < channels; ch++) {
      if (channel >= 0 && ch !== channel) continue;
      for (let r = 0; r < this.reasonCount; r++) if (reason < 0 || r === reason) s += combos[(ch * this.reasonCount + r) * NF + fact]!;
    }
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
  /** Mean satisfaction level 1–5 of the window's handled and abandoned contacts (only with customers). */
  csat?: number;
}
