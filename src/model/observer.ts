import { BucketedLevel } from '../engine/stats/bucketed-level.js';
import { LevelIntegral } from '../engine/stats/level-integral.js';

/**
 * Facts in, KPIs out: the model reports what happened to each contact; this collector turns the
 * facts into KPIs for contacts offered in the measured window [warm-up, horizon). Contacts
 * offered before the warm-up ends are ignored whenever their outcome comes; contacts offered
 * before the horizon are followed to their outcome even after it (the run drains), so no
 * outcome is censored. Series are kept per profile interval, by the contact's arrival time.
 *
 * Estimators, per replication (ContactCenters' PerformanceMeasureType, written down):
 * | KPI          | estimator                                                     |
 * |--------------|---------------------------------------------------------------|
 * | abandonRate  | abandoned / offered                                           |
 * | pWait        | (offered − answered with zero wait) / offered                 |
 * | waitSec      | Σ wait of all offered (abandoners up to hanging up) / offered |
 * | asaSec       | Σ wait of answered / answered                                 |
 * | serviceLevel | answered with wait ≤ threshold / offered                      |
 * | occupancy    | ∫ busy agents dt / ∫ logged-in agents dt, over the window     |
 * | ahtSec       | Σ handle time of answered / answered                          |
 * | fcr          | issues resolved at their first handled contact / issues handled |
 * | repeatRate   | repeat contacts / offered                                     |
 * | queueLength  | ∫ waiting contacts dt / window length (all contacts waiting)  |
 * Across replications each KPI is averaged as a mean of per-replication ratios.
 * Email is answered when an agent starts on it; its "wait" is the response time.
 */
export class Observer {
  readonly buckets: number;
  /** Per interval (by arrival): counts and sums. */
  readonly series: SeriesSums;
  readonly channels: ChannelSums[];
  readonly reasons: ReasonSums[];
  /** Contacts whose service started, by reason × group (reason-major), for routing checks. */
  readonly servedBy: Float64Array;
  /** Busy agents per group (chats count as fractions of an agent). */
  readonly busy: BucketedLevel[];
  /**
   * Agents logged in per group: the scheduled available agents, or more while agents whose
   * shift or break has begun finish a contact (the overrun) — the denominator of occupancy.
   */
  readonly loggedIn: BucketedLevel[];
  readonly queue: LevelIntegral;
  offered = 0;
  answered = 0;
  abandoned = 0;
  answeredAtOnce = 0;
  withinThreshold = 0;
  waitSumSec = 0;
  answeredWaitSumSec = 0;
  handleSumSec = 0;
  repeats = 0;
  retrials = 0;
  transfers = 0;
  callbacksOffered = 0;
  callbacksAccepted = 0;
  rushed = 0;
  reasked = 0;
  issuesHandled = 0;
  issuesResolvedFirst = 0;
  issuesUnresolved = 0;

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
    const n = this.buckets;
    this.series = {
      offered: new Float64Array(n),
      answered: new Float64Array(n),
      abandoned: new Float64Array(n),
      answeredWaitSumSec: new Float64Array(n),
      withinThreshold: new Float64Array(n),
      handleSumSec: new Float64Array(n),
      repeats: new Float64Array(n),
      issuesHandled: new Float64Array(n),
      issuesResolvedFirst: new Float64Array(n),
    };
    this.channels = channelTargetsSec.map((targetSec) => ({ targetSec, offered: 0, answered: 0, abandoned: 0, answeredWaitSumSec: 0, withinThreshold: 0, withinTarget: 0, handleSumSec: 0 }));
    this.reasons = Array.from({ length: reasonCount }, () => ({ offered: 0, answered: 0, abandoned: 0, answeredWaitSumSec: 0, issues: 0, resolvedFirst: 0, issuesHandled: 0, unresolved: 0 }));
    this.servedBy = new Float64Array(reasonCount * groupCount);
    this.busy = Array.from({ length: groupCount }, () => new BucketedLevel(warmupSec, horizonSec, intervalSec, n));
    this.loggedIn = Array.from({ length: groupCount }, () => new BucketedLevel(warmupSec, horizonSec, intervalSec, n));
    this.queue = new LevelIntegral(warmupSec, horizonSec);
  }

  private inWindow(arrivalSec: number): boolean {
    return arrivalSec >= this.warmupSec;
  }

  private bucket(t: number): number {
    return Math.floor(t / this.intervalSec);
  }

  contactOffered(arrivalSec: number, channel: number, reason: number, repeat: boolean, retrial: boolean, newIssue: boolean): void {
    if (!this.inWindow(arrivalSec)) return;
    const k = this.bucket(arrivalSec);
    this.offered++;
    this.series.offered[k]!++;
    this.channels[channel]!.offered++;
    const r = this.reasons[reason]!;
    r.offered++;
    if (newIssue) r.issues++;
    if (repeat) {
      this.repeats++;
      this.series.repeats[k]!++;
    }
    if (retrial) this.retrials++;
  }

  contactAnswered(arrivalSec: number, channel: number, reason: number, waitSec: number): void {
    if (!this.inWindow(arrivalSec)) return;
    const k = this.bucket(arrivalSec);
    const c = this.channels[channel]!;
    const r = this.reasons[reason]!;
    r.answered++;
    r.answeredWaitSumSec += waitSec;
    this.answered++;
    c.answered++;
    this.series.answered[k]!++;
    if (waitSec === 0) this.answeredAtOnce++;
    if (waitSec <= this.slThresholdSec) {
      this.withinThreshold++;
      c.withinThreshold++;
      this.series.withinThreshold[k]!++;
    }
    if (waitSec <= c.targetSec) c.withinTarget++;
    this.waitSumSec += waitSec;
    this.answeredWaitSumSec += waitSec;
    c.answeredWaitSumSec += waitSec;
    this.series.answeredWaitSumSec[k]! += waitSec;
  }

  /** The handle time of an answered contact (all its stages, transfers included). */
  contactHandled(arrivalSec: number, channel: number, handleSec: number, rushed: boolean, reasked: boolean, transferred: boolean): void {
    if (!this.inWindow(arrivalSec)) return;
    this.handleSumSec += handleSec;
    this.channels[channel]!.handleSumSec += handleSec;
    this.series.handleSumSec[this.bucket(arrivalSec)]! += handleSec;
    if (rushed) this.rushed++;
    if (reasked) this.reasked++;
    if (transferred) this.transfers++;
  }

  /** A service (first or after a transfer) started at a group. */
  serviceStarted(arrivalSec: number, reason: number, group: number): void {
    if (!this.inWindow(arrivalSec)) return;
    this.servedBy[reason * this.busy.length + group]!++;
  }

  contactAbandoned(arrivalSec: number, channel: number, reason: number, waitSec: number): void {
    if (!this.inWindow(arrivalSec)) return;
    this.abandoned++;
    this.reasons[reason]!.abandoned++;
    this.channels[channel]!.abandoned++;
    this.series.abandoned[this.bucket(arrivalSec)]!++;
    this.waitSumSec += waitSec;
  }

  callbackOffered(arrivalSec: number, accepted: boolean): void {
    if (!this.inWindow(arrivalSec)) return;
    this.callbacksOffered++;
    if (accepted) this.callbacksAccepted++;
  }

  /**
   * The first handled contact of an issue ended: resolved or not. `issueStartSec` is the
   * arrival of the issue's first contact, which decides its window and interval.
   */
  issueFirstHandled(issueStartSec: number, reason: number, resolved: boolean): void {
    if (!this.inWindow(issueStartSec)) return;
    const k = this.bucket(issueStartSec);
    const r = this.reasons[reason]!;
    this.issuesHandled++;
    r.issuesHandled++;
    this.series.issuesHandled[k]!++;
    if (resolved) {
      this.issuesResolvedFirst++;
      r.resolvedFirst++;
      this.series.issuesResolvedFirst[k]!++;
    }
  }

  /** An issue gave up unresolved (repeat limit reached, or abandoned without retrying). */
  issueUnresolved(issueStartSec: number, reason: number): void {
    if (!this.inWindow(issueStartSec)) return;
    this.issuesUnresolved++;
    this.reasons[reason]!.unresolved++;
  }

  /** Group g has `busy` agents busy and `available` scheduled available, at `now`. */
  agents(g: number, now: number, busy: number, available: number): void {
    this.busy[g]!.set(now, busy);
    this.loggedIn[g]!.set(now, busy > available ? busy : available);
  }

  /** The replication's KPIs. */
  kpis(): Kpis {
    const windowSec = this.horizonSec - this.warmupSec;
    const ratio = (num: number, den: number, empty: number) => (den > 0 ? num / den : empty);
    const busy = this.busy.reduce((s, b) => s + b.close(this.horizonSec), 0);
    const loggedIn = this.loggedIn.reduce((s, b) => s + b.close(this.horizonSec), 0);
    return {
      offered: this.offered,
      answered: this.answered,
      abandoned: this.abandoned,
      abandonRate: ratio(this.abandoned, this.offered, 0),
      pWait: ratio(this.offered - this.answeredAtOnce, this.offered, 0),
      waitSec: ratio(this.waitSumSec, this.offered, 0),
      asaSec: ratio(this.answeredWaitSumSec, this.answered, 0),
      serviceLevel: ratio(this.withinThreshold, this.offered, 1),
      occupancy: ratio(busy, loggedIn, 0),
      ahtSec: ratio(this.handleSumSec, this.answered, 0),
      fcr: ratio(this.issuesResolvedFirst, this.issuesHandled, 1),
      queueLength: ratio(this.queue.close(), windowSec, 0),
      repeatRate: ratio(this.repeats, this.offered, 0),
      repeats: this.repeats,
      retrials: this.retrials,
      transfers: this.transfers,
      callbacksOffered: this.callbacksOffered,
      callbacksAccepted: this.callbacksAccepted,
      rushedShare: ratio(this.rushed, this.answered, 0),
      reaskedShare: ratio(this.reasked, this.answered, 0),
      issuesUnresolved: this.issuesUnresolved,
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

export interface SeriesSums {
  offered: Float64Array;
  answered: Float64Array;
  abandoned: Float64Array;
  answeredWaitSumSec: Float64Array;
  withinThreshold: Float64Array;
  handleSumSec: Float64Array;
  repeats: Float64Array;
  issuesHandled: Float64Array;
  issuesResolvedFirst: Float64Array;
}

export interface ChannelSums {
  targetSec: number;
  offered: number;
  answered: number;
  abandoned: number;
  answeredWaitSumSec: number;
  withinThreshold: number;
  withinTarget: number;
  handleSumSec: number;
}

export interface ReasonSums {
  offered: number;
  answered: number;
  abandoned: number;
  answeredWaitSumSec: number;
  issues: number;
  issuesHandled: number;
  resolvedFirst: number;
  unresolved: number;
}
