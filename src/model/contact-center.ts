import { Calendar } from '../engine/calendar.js';
import { simulate, type Dispatcher } from '../engine/simulator.js';
import { discrete } from '../engine/random/discrete.js';
import { createStream, type Uniform } from '../engine/random/stream.js';
import { sampler, type Sampler } from '../engine/random/fromSpec.js';
import { SECONDS_PER_DAY, type ModelConfig } from './config.js';
import { CustomerSide } from './customer-side.js';
import { ABANDON, ARRIVAL, COMPLETION, FOLLOW_UP, HORIZON, LIFECYCLE, RANK_OF_KIND, STAFFING } from './events.js';
import { ABANDONED, ANSWERED, CALLBACK, ContactStore, HANDLED_BEFORE, IN_SERVICE, PITCHED, PROACTIVE, REASKED, RUSHED, SCHEDULED, TRANSFERRED, WAITING } from './contacts.js';
import { ArrivalProcess } from './demand.js';
import { Handling, scaleOdds } from './handling.js';
import { Observer } from './observer.js';
import { Routing } from './routing.js';
import { buildStaffing, type StaffingPlan } from './staffing.js';
import { replicationResult, withCustomers, type ReplicationResult } from './result.js';

export type { ReplicationResult } from './result.js';

/** How long after the horizon staffing keeps running so that waiting contacts are served out. */
const DRAIN_SEC = 14 * SECONDS_PER_DAY;

/**
 * One replication of the contact center: the event handlers of one state machine (arrivals,
 * queues, service, transfers, follow-ups, staffing), kept together in one class because they
 * share its hot-path state; the customer side lives in model/customer-side.ts.
 *
 * Randomness: one named stream per process, derived from (seed, replication, name). Every fresh
 * contact draws its reason, channel, handle time, patience and a resolution uniform at arrival,
 * whether or not it waits, so the n-th contact is the same under every policy (common random
 * numbers). Follow-ups (repeats, retrials, transfers) draw from their own streams, so a policy
 * that changes how many follow-ups occur does not shift the fresh contacts' draws.
 */
export function simulateReplication(config: ModelConfig, seed: number, replication: number): ReplicationResult {
  const model = new ContactCenter(config, (name) => createStream(seed, replication, name));
  const events = model.run();
  const result = replicationResult(config, replication, model.observer, model.staffing, model.conservation(), events, model.contacts.highWater);
  const side = model.customers;
  return side === null ? result : withCustomers(result, side.lifecycle, side.satisfaction, config);
}

/** Counts that must balance at the horizon and at the end (conservation of contacts). */
export interface Conservation {
  /** Contacts offered before the horizon (warm-up included; repeats and retrials included). */
  offered: number;
  /** Of those, by the horizon: handled to the end, abandoned, waiting, in service. */
  completedByHorizon: number;
  abandonedByHorizon: number;
  waitingAtHorizon: number;
  inServiceAtHorizon: number;
  /** At the end of the run: answered, abandoned, and still waiting (beyond the drain); they add up to `offered`. */
  answeredTotal: number;
  abandonedTotal: number;
  leftAtEnd: number;
}

class ContactCenter implements Dispatcher {
  readonly calendar = new Calendar(RANK_OF_KIND);
  readonly contacts = new ContactStore();
  readonly observer: Observer;
  readonly staffing: StaffingPlan;
  /** The customers (scenario `customers`, model/customer-side.ts); null: off, and none of their work is done. */
  readonly customers: CustomerSide | null;
  private readonly routing: Routing;
  private readonly handling: Handling;
  private readonly arrivals: ArrivalProcess;
  private readonly arrivalLane: number;
  private readonly staffingLane: number;
  private readonly drawReason: Sampler | null;
  private readonly drawChannel: Sampler | null;
  private readonly handle: Sampler[];
  private readonly followHandle: Sampler[];
  private readonly transferHandle: Sampler[];
  private readonly repeatDelay: Sampler[];
  private readonly patience: Sampler | null;
  private readonly followPatience: Sampler | null;
  private readonly resolution: Uniform;
  private readonly followResolution: Uniform;
  private readonly retrialU: Uniform;
  private readonly retrialDelay: Sampler | null;
  private readonly callbackU: Uniform;
  /** Base resolution probability by (reason, group): reason's probability, group's odds factor. */
  private readonly baseResolve: Float64Array;
  private readonly realtime: Uint8Array;
  // The config, flattened into typed arrays for the hot path.
  private readonly groupCount: number;
  private readonly handleFactor: Float64Array;
  private readonly escalateTo: Int32Array;
  private readonly reasonGroups: Int32Array[];
  private readonly maxRepeats: Int32Array;
  private readonly meanHandle: Float64Array;
  /** Share of an agent a contact of each channel occupies (1, or 1/k for a chat). */
  private readonly agentShare: Float64Array;
  private readonly contextCarryOver: boolean;
  /**
   * Whether any contact can fail to resolve. If not, the resolution uniform is never drawn: a
   * policy that can fail draws it for every contact, one that cannot uses none, so the pairing
   * of contacts across policies is unaffected.
   */
  private readonly drawsResolution: boolean;
  /** No AHT target, thoroughness, queue pressure or lost context: handling is the natural time. */
  private readonly neutralPolicy: boolean;
  private readonly stretch: Float64Array;
  private readonly free: Int32Array;
  private readonly availableAgents: Int32Array;
  private totalAvailable = 0;
  private totalWaiting = 0;
  private inService = 0;
  private staffingNext = 0;
  private staffingArmed = false;
  private offered = 0;
  private answeredTotal = 0;
  private abandonedTotal = 0;
  private completedTotal = 0;
  private snapshot: Omit<Conservation, 'offered' | 'answeredTotal' | 'abandonedTotal' | 'leftAtEnd'> | null = null;

  constructor(
    private readonly config: ModelConfig,
    stream: (name: string) => Uniform,
  ) {
    const { reasons, channels, groups } = config;
    this.observer = new Observer(
      config.warmupSec,
      config.horizonSec,
      config.demand.intervalSec,
      config.slThresholdSec,
      channels.map((c) => (c.kind === 'email' ? c.slThresholdSec : Infinity)),
      reasons.length,
      groups.length,
    );
    this.routing = new Routing(config);
    this.agentShare = Float64Array.from(this.routing.channelUnits, (u) => u / this.routing.unitsPerAgent);
    this.handling = new Handling(config.policy);
    this.arrivals = new ArrivalProcess(config.demand, config.horizonSec, stream('arrivals'), stream('dayFactor'));
    this.drawReason = reasons.length > 1 ? discrete(stream('reason'), reasons.map((r) => r.share)) : null;
    this.drawChannel = channels.length > 1 ? discrete(stream('channel'), channels.map((c) => c.share)) : null;
    this.handle = reasons.map((r) => sampler(r.handleTime, stream(`handleTime/${r.name}`)));
    this.followHandle = reasons.map((r) => sampler(r.handleTime, stream(`followUp/handleTime/${r.name}`)));
    this.transferHandle = reasons.map((r) => sampler(r.handleTime, stream(`transfer/handleTime/${r.name}`)));
    this.repeatDelay = reasons.map((r) => sampler(r.repeatDelay, stream(`repeatDelay/${r.name}`)));
    this.patience = config.patience ? sampler(config.patience, stream('patience')) : null;
    this.followPatience = config.patience ? sampler(config.patience, stream('followUp/patience')) : null;
    this.resolution = stream('resolution');
    this.followResolution = stream('followUp/resolution');
    this.retrialU = stream('retrial');
    this.retrialDelay = config.retrial ? sampler(config.retrial.delay, stream('retrialDelay')) : null;
    this.callbackU = stream('callback');
    this.baseResolve = new Float64Array(reasons.length * groups.length);
    reasons.forEach((r, i) => groups.forEach((g, j) => (this.baseResolve[i * groups.length + j] = scaleOdds(r.resolveProb, g.resolveOddsFactor))));
    this.realtime = Uint8Array.from(channels, (c) => (c.kind === 'email' ? 0 : 1));
    this.groupCount = groups.length;
    this.handleFactor = Float64Array.from(groups, (g) => g.handleFactor);
    this.escalateTo = Int32Array.from(groups, (g) => g.escalateTo);
    this.reasonGroups = reasons.map((r) => Int32Array.from(r.groups));
    this.maxRepeats = Int32Array.from(reasons, (r) => r.maxRepeats);
    this.meanHandle = Float64Array.from(reasons, (r) => r.handleTime.mean);
    this.contextCarryOver = config.policy.contextCarryOver;
    const policy = config.policy;
    this.neutralPolicy = policy.ahtTargetSec === null && policy.thoroughnessSec === 0 && policy.queuePressure === null && policy.contextCarryOver;
    const telemetry = config.customers?.telemetry;
    this.drawsResolution =
      this.baseResolve.some((p) => p < 1) || policy.ahtTargetSec !== null || policy.queuePressure !== null || (telemetry?.outreach === true && telemetry.resolveProb < 1);
    this.stretch = Float64Array.from(channels, (c) => (c.kind === 'chat' ? c.handleStretch : 1));
    this.free = new Int32Array(groups.length);
    this.availableAgents = new Int32Array(groups.length);
    this.staffing = buildStaffing(groups, config.horizonSec + DRAIN_SEC, stream('absence'));
    this.customers = config.customers === null ? null : new CustomerSide(config, stream);
    this.arrivalLane = this.calendar.addLane(ARRIVAL);
    this.staffingLane = this.calendar.addLane(STAFFING);
  }

  run(): number {
    if (this.customers !== null) {
      this.customers.start(this.calendar);
      this.arrivals.restart(0, this.customers.candidateRate);
    }
    const first = this.arrivals.next();
    if (first !== Infinity) this.calendar.setLane(this.arrivalLane, first);
    this.armStaffing();
    this.calendar.schedule(this.config.horizonSec, HORIZON, 0);
    return simulate(this.calendar, this);
  }

  dispatch(kind: number, data: number): void {
    switch (kind) {
      case ARRIVAL: return this.onArrival();
      case COMPLETION: return this.onCompletion(data);
      case ABANDON: return this.onAbandon(data);
      case FOLLOW_UP: return this.offer(data, this.calendar.now);
      case STAFFING: return this.onStaffing(data);
      case HORIZON: return this.onHorizon();
      case LIFECYCLE: return this.onLifecycle(data);
    }
  }

  // ── customers ───────────────────────────────────────────────────────────────────────────────

  /** A month boundary or an onboarding end: the candidate rate follows the slots (a fresh draw: exact, memoryless). */
  private onLifecycle(data: number): void {
    const now = this.calendar.now;
    const side = this.customers!;
    side.onEvent(data, now);
    this.arrivals.restart(now, side.candidateRate);
    this.calendar.setLane(this.arrivalLane, this.arrivals.next());
  }

  // ── arrivals ────────────────────────────────────────────────────────────────────────────────

  /**
   * A fresh issue. Its reason, channel, handle time, patience and resolution uniform are drawn
   * first, and with customers the candidate's customer and the telemetry uniform, whether or not
   * the candidate becomes a contact, so the n-th candidate is the same under every policy
   * (common random numbers). With customers, a candidate that lands on no active customer is
   * thinned out (model/customers.ts). With outreach, a detected issue becomes outbound: its own
   * handle time, no abandonment.
   */
  private onArrival(): void {
    const now = this.calendar.now;
    const reason = this.drawReason === null ? 0 : this.drawReason();
    const channel = this.drawChannel === null ? 0 : this.drawChannel();
    const handleSec = this.handle[reason]!();
    const patienceSec = this.patience === null ? Infinity : this.patience();
    const uResolve = this.drawsResolution ? this.resolution() : 0;
    const side = this.customers;
    if (side !== null) side.drawCandidate();
    if (side === null || side.customer >= 0) {
      const c = this.contacts;
      const id = c.alloc();
      c.reason[id] = reason;
      c.channel[id] = channel;
      c.handleSec[id] = handleSec;
      c.patienceSec[id] = patienceSec;
      c.uResolve[id] = uResolve;
      c.issueSec[id] = now;
      if (side !== null) side.fresh(c, id, now);
      this.offer(id, now);
    }
    const next = this.arrivals.next();
    if (next !== Infinity) this.calendar.setLane(this.arrivalLane, next);
  }

  /** A contact (fresh or follow-up) is offered: start at a free preferred group, or wait. */
  private offer(id: number, now: number): void {
    const c = this.contacts;
    const reason = c.reason[id]!;
    const channel = c.channel[id]!;
    c.arrivalSec[id] = now;
    this.offered++;
    const k = this.observer.bucketOf(now);
    c.bucket[id] = k;
    const newIssue = c.issueSec[id] === now && c.repeats[id] === 0 && c.retrials[id] === 0;
    if (newIssue) c.issueBucket[id] = k;
    this.observer.contactOffered(k, channel, reason, c.repeats[id]! > 0, c.retrials[id]! > 0, newIssue);
    const units = this.routing.channelUnits[channel]!;
    const groups = this.reasonGroups[reason]!;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i]!;
      if (this.free[g]! >= units) {
        c.ref(id);
        this.start(id, g, now);
        return;
      }
    }
    const cls = this.routing.reasonClass(reason, channel, c.repeats[id]! > 0);
    if (this.config.callback !== null && this.realtime[channel] === 1 && (c.flags[id]! & PROACTIVE) === 0 && this.expectedWaitSec(cls, reason, groups) > this.config.callback.offerAboveSec) {
      const accepted = this.callbackU() < this.config.callback.acceptProb;
      this.observer.callbackOffered(k, channel, reason, accepted);
      if (accepted) c.flags[id]! |= CALLBACK;
    }
    this.wait(id, cls, now);
  }

  /** The naive expected wait: contacts ahead × mean handle time / agents available to serve them. */
  private expectedWaitSec(cls: number, reason: number, groups: Int32Array): number {
    let agents = 0;
    for (let i = 0; i < groups.length; i++) agents += this.availableAgents[groups[i]!]!;
    return ((this.routing.waiting[cls]! + 1) * this.meanHandle[reason]!) / Math.max(1, agents);
  }

  private wait(id: number, cls: number, now: number): void {
    const c = this.contacts;
    this.routing.enqueue(c, id, cls, now);
    this.totalWaiting++;
    this.observer.queue.change(now, 1);
    const patience = c.patienceSec[id]!;
    if (patience !== Infinity && this.realtime[c.channel[id]!] === 1 && (c.flags[id]! & (CALLBACK | TRANSFERRED)) === 0) {
      c.ref(id);
      c.abandonAt[id] = now + patience;
      this.calendar.schedule(now + patience, ABANDON, id);
    } else c.abandonAt[id] = -1;
    if (this.totalAvailable === 0 && !this.staffingArmed) this.armStaffing();
  }

  // ── service ─────────────────────────────────────────────────────────────────────────────────

  /** Starts service at group g; the caller has given the contact one reference for it. */
  private start(id: number, g: number, now: number): void {
    const c = this.contacts;
    const channel = c.channel[id]!;
    const units = this.routing.channelUnits[channel]!;
    const flags = c.flags[id]!;
    this.free[g]! -= units;
    this.inService++;
    if (this.free[g]! < 0) this.reportOverrun(g, now);
    c.state[id] = IN_SERVICE;
    c.group[id] = g;
    if ((flags & ANSWERED) === 0) {
      this.answeredTotal++;
      this.observer.contactAnswered(c.bucket[id]!, channel, c.reason[id]!, now - c.arrivalSec[id]!);
    }
    const reason = c.reason[id]!;
    this.observer.serviceStarted(c.bucket[id]!, reason, g);
    const natural = c.handleSec[id]! * this.handleFactor[g]! * this.stretch[channel]!;
    const p = flags & PROACTIVE ? this.customers!.outreachResolveProb : this.baseResolve[reason * this.groupCount + g]!;
    const reask = !this.contextCarryOver && (c.repeats[id]! > 0 || (flags & TRANSFERRED) !== 0);
    let handleSec = natural;
    let rushed = false;
    if (this.neutralPolicy) c.pResolve[id] = p;
    else {
      const h = this.handling;
      h.apply(natural, p, reask, this.totalWaiting / Math.max(1, this.totalAvailable));
      c.pResolve[id] = h.resolveProb;
      handleSec = h.handleSec;
      rushed = h.rushed;
    }
    // An end-of-call offer on a support call that resolves the issue (known now: u < p).
    const pitch = this.customers !== null && this.customers.pitches(flags) && c.uResolve[id]! < c.pResolve[id]!;
    if (pitch) handleSec += this.customers!.pitchSec;
    c.servedSec[id]! += handleSec;
    c.flags[id] = flags | ANSWERED | (rushed ? RUSHED : 0) | (reask ? REASKED : 0) | (pitch ? PITCHED : 0);
    this.observer.serviceSpan(g, now, now + handleSec, this.agentShare[channel]!);
    this.calendar.schedule(now + handleSec, COMPLETION, id);
  }

  private onCompletion(id: number): void {
    const now = this.calendar.now;
    const c = this.contacts;
    const g = c.group[id]!;
    const channel = c.channel[id]!;
    const units = this.routing.channelUnits[channel]!;
    const overran = this.free[g]! < 0;
    this.free[g]! += units;
    this.inService--;
    if (overran) this.reportOverrun(g, now);
    const resolved = c.uResolve[id]! < c.pResolve[id]!;
    // An outbound contact that did not fix the fault ends: the customer calls later, as a repeat.
    const escalateTo = c.flags[id]! & PROACTIVE ? -1 : this.escalateTo[g]!;
    if (!resolved && escalateTo >= 0) this.transfer(id, escalateTo, now);
    else {
      this.finish(id, resolved, now);
      c.unref(id);
    }
    this.fill(g, now);
  }

  /** An unresolved contact moves to the escalation group's queue, with a fresh handle time. */
  private transfer(id: number, to: number, now: number): void {
    const c = this.contacts;
    c.flags[id]! |= TRANSFERRED;
    c.handleSec[id] = this.transferHandle[c.reason[id]!]!();
    c.uResolve[id] = this.followResolution();
    // The service's reference becomes the queue's: unref after enqueue keeps the slot alive.
    this.wait(id, this.routing.escalationClass(to, c.channel[id]!), now);
    c.unref(id);
    this.fill(to, now);
  }

  /** The contact is over: record it, and schedule the issue's repeat if it is still open. */
  private finish(id: number, resolved: boolean, now: number): void {
    const c = this.contacts;
    const flags = c.flags[id]!;
    const reason = c.reason[id]!;
    this.completedTotal++;
    const channel = c.channel[id]!;
    this.observer.contactHandled(c.bucket[id]!, channel, reason, c.servedSec[id]!, (flags & RUSHED) !== 0, (flags & REASKED) !== 0, (flags & TRANSFERRED) !== 0);
    if ((flags & HANDLED_BEFORE) === 0) this.observer.issueFirstHandled(c.issueBucket[id]!, channel, reason, resolved);
    this.customers?.handled(c, id, resolved, now);
    if (resolved) return;
    const repeats = c.repeats[id]! < this.maxRepeats[reason]!;
    const at = repeats ? now + this.repeatDelay[reason]!() : Infinity;
    if (at < this.config.horizonSec) this.followUp(id, at, c.repeats[id]! + 1, 0);
    else {
      this.observer.issueUnresolved(c.issueBucket[id]!, channel, reason);
      if (!repeats) this.customers?.gaveUp(c, id, now);
    }
  }

  /** Schedules the issue's next contact (a repeat, or a retrial after abandoning) at `at`. */
  private followUp(of: number, at: number, repeats: number, retrials: number): void {
    const c = this.contacts;
    const id = c.alloc();
    const reason = c.reason[of]!;
    c.reason[id] = reason;
    c.channel[id] = c.channel[of]!;
    c.issueSec[id] = c.issueSec[of]!;
    c.issueBucket[id] = c.issueBucket[of]!;
    c.customer[id] = c.customer[of]!;
    this.customers?.followUp(c, id);
    c.repeats[id] = repeats;
    c.retrials[id] = retrials;
    c.flags[id] = c.flags[of]! & (ANSWERED | HANDLED_BEFORE) ? HANDLED_BEFORE : 0;
    c.handleSec[id] = this.followHandle[reason]!();
    c.patienceSec[id] = this.followPatience === null ? Infinity : this.followPatience();
    c.uResolve[id] = this.followResolution();
    c.state[id] = SCHEDULED;
    c.ref(id);
    this.calendar.schedule(at, FOLLOW_UP, id);
  }

  /** Group g takes waiting contacts while it has free units and something fits. */
  private fill(g: number, now: number): void {
    while (this.free[g]! > 0) {
      const id = this.routing.take(this.contacts, g, this.free[g]!);
      if (id < 0) return;
      this.totalWaiting--;
      this.observer.queue.change(now, -1);
      this.start(id, g, now);
    }
  }

  private onAbandon(id: number): void {
    const c = this.contacts;
    if (c.state[id] === WAITING && c.abandonAt[id] === this.calendar.now) {
      const now = this.calendar.now;
      c.state[id] = ABANDONED;
      this.routing.waiting[c.cls[id]!]!--;
      this.totalWaiting--;
      this.abandonedTotal++;
      this.observer.queue.change(now, -1);
      this.observer.contactAbandoned(c.bucket[id]!, c.channel[id]!, c.reason[id]!, now - c.arrivalSec[id]!);
      this.customers?.abandoned(c, id, now);
      const retrial = this.config.retrial;
      const retries = retrial !== null && c.retrials[id]! < retrial.maxRetrials && this.retrialU() < retrial.prob;
      const at = retries ? now + this.retrialDelay!() : Infinity;
      if (at < this.config.horizonSec) this.followUp(id, at, c.repeats[id]!, c.retrials[id]! + 1);
      else {
        this.observer.issueUnresolved(c.issueBucket[id]!, c.channel[id]!, c.reason[id]!);
        if (!retries) this.customers?.gaveUp(c, id, now);
      }
    }
    c.unref(id);
  }

  /** Agents beyond the schedule finishing contacts: busy units above the available ones. */
  private reportOverrun(g: number, now: number): void {
    const free = this.free[g]!;
    this.observer.overrun[g]!.set(now, free < 0 ? -free / this.routing.unitsPerAgent : 0);
  }

  // ── staffing ────────────────────────────────────────────────────────────────────────────────

  private onStaffing(i: number): void {
    this.applyStaffing(i, this.calendar.now);
    this.staffingNext = i + 1;
    this.armStaffing();
  }

  private applyStaffing(i: number, now: number): void {
    const s = this.staffing.available;
    const g = s.group[i]!;
    const delta = s.delta[i]!;
    const overran = this.free[g]! < 0;
    this.free[g]! += delta * this.routing.unitsPerAgent;
    this.availableAgents[g]! += delta;
    this.totalAvailable += delta;
    if (overran || this.free[g]! < 0) this.reportOverrun(g, now);
    if (delta > 0) this.fill(g, now);
  }

  /**
   * Sets the staffing lane to the next change. After the horizon staffing keeps running only
   * while contacts remain to be served; it is re-armed (catching up) if a transfer arrives later.
   */
  private armStaffing(): void {
    const s = this.staffing.available;
    const now = this.calendar.now;
    while (this.staffingNext < s.time.length && s.time[this.staffingNext]! < now) this.applyStaffing(this.staffingNext++, now);
    const idle = now >= this.config.horizonSec && this.totalWaiting === 0 && this.inService === 0;
    this.staffingArmed = this.staffingNext < s.time.length && !idle;
    if (this.staffingArmed) this.calendar.setLane(this.staffingLane, s.time[this.staffingNext]!, this.staffingNext);
  }

  private onHorizon(): void {
    this.snapshot = {
      completedByHorizon: this.completedTotal,
      abandonedByHorizon: this.abandonedTotal,
      waitingAtHorizon: this.totalWaiting,
      inServiceAtHorizon: this.inService,
    };
  }

  conservation(): Conservation {
    if (!this.snapshot) throw new Error('conservation() called before the horizon was reached');
    return {
      offered: this.offered,
      ...this.snapshot,
      answeredTotal: this.answeredTotal,
      abandonedTotal: this.abandonedTotal,
      leftAtEnd: this.totalWaiting,
    };
  }
}
