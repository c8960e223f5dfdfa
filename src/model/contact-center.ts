import { Calendar } from '../engine/calendar.js';
import { simulate, type Dispatcher } from '../engine/simulator.js';
import { discrete } from '../engine/random/discrete.js';
import type { KeyedSampler } from '../engine/random/keyed.js';
import type { Uniform } from '../engine/random/stream.js';
import { sampler, type Sampler } from '../engine/random/fromSpec.js';
import { SECONDS_PER_DAY, type ModelConfig } from './config.js';
import { CustomerSide } from './customer-side.js';
import { ABANDON, ARRIVAL, CALLBACK_DUE, COMPLETION, FOLLOW_UP, HORIZON, LIFECYCLE, RANK_OF_KIND, STAFFING } from './events.js';
import { ABANDONED, ANSWERED, CALLBACK, ContactStore, DEFERRED, HANDLED_BEFORE, IN_SERVICE, PITCHED, PROACTIVE, REASKED, RUSHED, SCHEDULED, TRANSFERRED, WAITING } from './contacts.js';
import { ArrivalProcess } from './demand.js';
import { absenceCounter, PURPOSE, replicationRandomness, type KeyedDraws, type Randomness } from './draws.js';
import { F } from './facts.js';
import { Handling, scaleOdds } from './handling.js';
import { Ledger } from './ledger.js';
import { OpeningHours } from './hours.js';
import { ANSWER_CALLBACK, ANSWER_EMAIL, ANSWER_OUTBOUND, Observer, OFFER_CALLBACK, OFFER_DEFERRED, OFFER_EMAIL, OFFER_NEW_ISSUE, OFFER_OUTBOUND, OFFER_REPEAT, OFFER_RETRIAL } from './observer.js';
import { replicationResult, type Conservation, type ReplicationResult } from './result.js';
import { Routing } from './routing.js';
import { buildStaffing, type StaffingPlan } from './staffing.js';

/** How long after the horizon staffing keeps running so that waiting contacts are served out. */
const DRAIN_SEC = 14 * SECONDS_PER_DAY;

/**
 * One replication of the contact center: the event handlers of one state machine (arrivals,
 * opening hours, queues, service, transfers, follow-ups, staffing), kept together in one class
 * because they share its hot-path state; the customer side lives in model/customer-side.ts.
 *
 * Randomness (model/draws.ts, which explains the keying): every fresh arrival — with customers,
 * every candidate issue — draws its reason, channel, handle time, patience and resolution uniform
 * at arrival from named sequential streams, whether or not it waits or even becomes a contact, so
 * the n-th candidate is the same issue under every policy; every later draw of the issue (its
 * repeats, retrials, transfers, callbacks, deferrals and the decisions between them) is keyed by
 * (issue n, attempt, purpose), so it is the same under every policy whatever happened elsewhere.
 */
export function simulateReplication(config: ModelConfig, seed: number, replication: number, onContact: ContactSink | null = null): ReplicationResult {
  return simulateWith(config, replicationRandomness(seed, replication), replication, onContact);
}

/** A replication on given randomness (simulateReplication's; a test may count or record the draws). */
export function simulateWith(config: ModelConfig, randomness: Randomness, replication: number, onContact: ContactSink | null = null): ReplicationResult {
  const model = new ContactCenter(config, randomness, onContact);
  const events = model.run();
  return replicationResult(config, replication, model, events);
}

/**
 * One contact as it ended, for the call log (`ccsim run --log`): times in seconds from day 0,
 * NaN where the contact did not queue or was not answered; group −1 when it was not served.
 * `issue` and `attempt` are its keys (model/draws.ts), and `handleSec`, `patienceSec` and
 * `resolutionU` what it drew at that attempt — the natural handle time of its last stage (before
 * the group's factor, the channel's stretch and the policy), its patience (NaN after a transfer:
 * a transferred stage waits without abandoning and draws none) and its resolution uniform — so
 * that the same issue can be followed across policies. A reused record: copy what you keep.
 */
export interface ContactRecord {
  serial: number;
  issue: number;
  attempt: number;
  handleSec: number;
  patienceSec: number;
  resolutionU: number;
  customer: number;
  reason: number;
  channel: number;
  arrivalSec: number;
  queuedSec: number;
  answeredSec: number;
  endedSec: number;
  served: boolean;
  group: number;
}

/** Receives every contact of the run as it ends (completed or abandoned). */
export type ContactSink = (contact: Readonly<ContactRecord>) => void;

class ContactCenter implements Dispatcher {
  readonly calendar = new Calendar(RANK_OF_KIND);
  readonly contacts = new ContactStore();
  readonly observer: Observer;
  readonly ledger: Ledger;
  readonly staffing: StaffingPlan;
  /** The customers (scenario `customers`, model/customer-side.ts); null: off, and none of their work is done. */
  readonly customers: CustomerSide | null;
  private readonly hours: OpeningHours;
  /** Whether any channel ever closes (if not, no arrival needs a look at the hours). */
  private readonly closes: boolean;
  private readonly routing: Routing;
  private readonly handling: Handling;
  private readonly arrivals: ArrivalProcess;
  private readonly arrivalLane: number;
  private readonly staffingLane: number;
  private readonly drawReason: Sampler | null;
  private readonly drawChannel: Sampler | null;
  private readonly handle: Sampler[];
  private readonly patience: Sampler | null;
  private readonly resolution: Uniform;
  /** Keyed draws (model/draws.ts): every draw of an issue after its first contact's, and the decisions. */
  private readonly keyed: KeyedDraws;
  /** Handle time of an issue's later contacts and stages, by reason, at (issue, attempt, handleTime). */
  private readonly followHandle: KeyedSampler[];
  private readonly repeatDelay: KeyedSampler[];
  private readonly followPatience: KeyedSampler | null;
  private readonly retrialDelay: KeyedSampler | null;
  /** Closed hours: the open time until a closed-hour attempt, a deferred follow-up or a next-day callback is made. */
  private readonly closedDelay: KeyedSampler;
  /** Candidate issues so far: the next one's number (model/draws.ts: the same issue under every policy). */
  private issues = 0;
  /** Base resolution probability by (reason, group): reason's probability, group's odds factor. */
  private readonly baseResolve: Float64Array;
  /** 1 for voice and chat (callers wait on the line), 0 for email. */
  private readonly realtime: Uint8Array;
  // The config, flattened into typed arrays for the hot path.
  private readonly groupCount: number;
  private readonly handleFactor: Float64Array;
  /** Where an unresolved contact of reason r at group g is transferred: g's escalation chain, first group r allows; −1: none. */
  private readonly escalation: Int32Array;
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
  /** No AHT target or shift, thoroughness, queue pressure or lost context: handling is the natural time. */
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
  private abandonedAfterTransferTotal = 0;
  private completedTotal = 0;
  private closedTotal = 0;
  private closedScheduled = 0;
  private closedLostTotal = 0;
  /** Offered contacts waiting off the line for a callback promised for the next open period. */
  private promised = 0;
  private snapshot: Pick<Conservation, 'completedByHorizon' | 'abandonedByHorizon' | 'abandonedAfterTransferByHorizon' | 'waitingAtHorizon' | 'inServiceAtHorizon' | 'promisedAtHorizon'> | null = null;

  private readonly record: ContactRecord = { serial: 0, issue: 0, attempt: 0, handleSec: 0, patienceSec: 0, resolutionU: 0, customer: -1, reason: 0, channel: 0, arrivalSec: 0, queuedSec: NaN, answeredSec: NaN, endedSec: 0, served: false, group: -1 };

  constructor(
    private readonly config: ModelConfig,
    randomness: Randomness,
    /** The contact log's sink; null: no log (nothing extra is kept). */
    private readonly onContact: ContactSink | null = null,
  ) {
    const { reasons, channels, groups } = config;
    const stream = randomness.stream;
    const keyed = randomness.keyed;
    this.keyed = keyed;
    const untilSec = config.horizonSec + DRAIN_SEC;
    this.observer = new Observer(
      config.warmupSec,
      config.horizonSec,
      config.demand.intervalSec,
      channels.map((c) => c.slThresholdSec),
      reasons.length,
      groups.length,
    );
    this.ledger = new Ledger(config.warmupSec, config.horizonSec, config.economics.discountRatePerYear);
    this.hours = new OpeningHours(config, untilSec);
    this.closes = channels.some((_, i) => !this.hours.alwaysOpen(i));
    this.routing = new Routing(config);
    this.agentShare = Float64Array.from(this.routing.channelUnits, (u) => u / this.routing.unitsPerAgent);
    this.handling = new Handling(config.policy);
    this.arrivals = new ArrivalProcess(config.demand, config.horizonSec, stream('arrivals'), stream('dayFactor'));
    this.drawReason = reasons.length > 1 ? discrete(stream('reason'), reasons.map((r) => r.share)) : null;
    this.drawChannel = channels.length > 1 ? discrete(stream('channel'), channels.map((c) => c.share)) : null;
    this.handle = reasons.map((r) => sampler(r.handleTime, stream(`handleTime/${r.name}`)));
    this.patience = config.patience ? sampler(config.patience, stream('patience')) : null;
    this.resolution = stream('resolution');
    this.followHandle = reasons.map((r) => keyed.sampler(r.handleTime));
    this.repeatDelay = reasons.map((r) => keyed.sampler(r.repeatDelay));
    this.followPatience = config.patience ? keyed.sampler(config.patience) : null;
    this.retrialDelay = config.retrial ? keyed.sampler(config.retrial.delay) : null;
    this.closedDelay = keyed.sampler(config.closed.delay);
    this.baseResolve = new Float64Array(reasons.length * groups.length);
    reasons.forEach((r, i) => groups.forEach((g, j) => (this.baseResolve[i * groups.length + j] = scaleOdds(r.resolveProb, g.resolveOddsFactor))));
    this.realtime = Uint8Array.from(channels, (c) => (c.kind === 'email' ? 0 : 1));
    this.groupCount = groups.length;
    this.handleFactor = Float64Array.from(groups, (g) => g.handleFactor);
    this.escalation = escalationTable(config);
    this.reasonGroups = reasons.map((r) => Int32Array.from(r.groups));
    this.maxRepeats = Int32Array.from(reasons, (r) => r.maxRepeats);
    this.meanHandle = Float64Array.from(reasons, (r) => r.handleTime.mean);
    this.contextCarryOver = config.policy.contextCarryOver;
    const policy = config.policy;
    this.neutralPolicy = policy.ahtTargetSec === null && policy.ahtShiftSec === 0 && policy.thoroughnessSec === 0 && policy.queuePressure === null && policy.contextCarryOver;
    const telemetry = config.customers?.telemetry;
    this.drawsResolution =
      this.baseResolve.some((p) => p < 1) ||
      policy.ahtTargetSec !== null ||
      policy.ahtShiftSec !== 0 ||
      policy.queuePressure !== null ||
      (telemetry?.outreach === true && telemetry.resolveProb < 1);
    this.stretch = Float64Array.from(channels, (c) => (c.kind === 'chat' ? c.handleStretch : 1));
    this.free = new Int32Array(groups.length);
    this.availableAgents = new Int32Array(groups.length);
    const absence = (day: number, group: number, shift: number, agent: number) => keyed.uniform(absenceCounter(day, group, shift), agent, PURPOSE.absence);
    this.staffing = buildStaffing(groups, untilSec, absence, { startWeekday: config.demand.startWeekday, holidays: config.hours.holidays });
    this.customers = config.customers === null ? null : new CustomerSide(config, randomness, this.observer, this.ledger);
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
      case FOLLOW_UP: return this.due(data, true);
      case CALLBACK_DUE: return this.due(data, false);
      case STAFFING: return this.onStaffing(data);
      case HORIZON: return this.onHorizon();
      case LIFECYCLE: return this.onLifecycle(data);
    }
  }

  /** A scheduled contact is due: offered (a follow-up, a retry after closed hours) or only queued (a callback promised for now); the schedule's reference passes on. */
  private due(id: number, offer: boolean): void {
    if (offer) this.offer(id, this.calendar.now);
    else {
      this.promised--;
      this.queueOrStart(id, this.calendar.now);
    }
    this.contacts.unref(id);
  }

  // ── customers ───────────────────────────────────────────────────────────────────────────────

  /** A lifecycle event: the candidate rate follows the slots (a fresh draw: exact, memoryless). */
  private onLifecycle(data: number): void {
    const now = this.calendar.now;
    const side = this.customers!;
    if (!side.onEvent(data, now, this.calendar)) return;
    this.arrivals.restart(now, side.candidateRate);
    this.calendar.setLane(this.arrivalLane, this.arrivals.next());
  }

  // ── arrivals ────────────────────────────────────────────────────────────────────────────────

  /**
   * A fresh issue. Its reason, channel, handle time, patience and resolution uniform are drawn
   * first, and with customers the candidate's customer, telemetry and satisfaction noise, whether
   * or not the candidate becomes a contact, so the n-th candidate is the same under every policy
   * (common random numbers). With customers, a candidate that lands on no active customer is
   * thinned out (model/customers.ts). A voice or chat attempt while closed is not offered.
   */
  private onArrival(): void {
    const now = this.calendar.now;
    const issue = this.issues++;
    const reason = this.drawReason === null ? 0 : this.drawReason();
    const channel = this.drawChannel === null ? 0 : this.drawChannel();
    const handleSec = this.handle[reason]!();
    const patienceSec = this.patience === null ? Infinity : this.patience();
    const uResolve = this.drawsResolution ? this.resolution() : 0;
    const side = this.customers;
    const draw = side === null ? null : side.drawCandidate(now);
    if (draw === null || draw.customer >= 0) {
      const c = this.contacts;
      const id = c.alloc();
      c.reason[id] = reason;
      c.channel[id] = channel;
      c.handleSec[id] = handleSec;
      c.patienceSec[id] = patienceSec;
      c.uResolve[id] = uResolve;
      c.issueSec[id] = now;
      c.issue[id] = issue;
      c.attempt[id] = 0;
      if (draw !== null) side!.fresh(c, id, draw);
      if (this.closes && this.realtime[channel] === 1 && (c.flags[id]! & PROACTIVE) === 0 && !this.hours.isOpen(channel, now)) this.closedAttempt(id, now);
      else this.offer(id, now);
    }
    const next = this.arrivals.next();
    if (next !== Infinity) this.calendar.setLane(this.arrivalLane, next);
  }

  /**
   * A voice or chat attempt while closed: counted apart (never offered, never abandoned), then
   * the scenario's choice — retry in the next open period with `retryProb`, leave a message for
   * a callback then, or be lost (the issue ends unresolved).
   */
  private closedAttempt(id: number, now: number): void {
    const c = this.contacts;
    const channel = c.channel[id]!;
    const reason = c.reason[id]!;
    const k = this.observer.bucketOf(now);
    const closed = this.config.closed;
    this.closedTotal++;
    this.observer.add(k, channel, reason, F.closedAttempts);
    const action = closed.action === 'retry' && this.keyed.uniform(c.issue[id]!, c.attempt[id]!, PURPOSE.closedRetry) >= closed.retryProb ? 'lost' : closed.action;
    if (action === 'lost') {
      this.closedLostTotal++;
      this.observer.add(k, channel, reason, F.closedLost);
      this.observer.add(k, channel, reason, F.issuesUnresolved);
      this.customers?.gaveUp(c, id, now);
      c.discard(id);
      return;
    }
    this.closedScheduled++;
    const at = this.hours.openTimeAfter(channel, now, this.closedDelay(c.issue[id]!, c.attempt[id]!, PURPOSE.closedDelay));
    if (action === 'retry') this.observer.add(k, channel, reason, F.closedRetries);
    else {
      this.observer.add(k, channel, reason, F.closedMessages);
      c.flags[id]! |= CALLBACK;
      c.requestSec[id] = now;
    }
    c.ref(id);
    if (at < this.config.horizonSec) {
      c.state[id] = SCHEDULED;
      this.calendar.schedule(at, FOLLOW_UP, id);
    } else c.unref(id);
  }

  /** A contact (fresh or follow-up) is offered: counted, then started at a free preferred group, or it waits. */
  private offer(id: number, now: number): void {
    const c = this.contacts;
    const reason = c.reason[id]!;
    const channel = c.channel[id]!;
    const flags = c.flags[id]!;
    c.arrivalSec[id] = now;
    this.offered++;
    if (this.onContact !== null) {
      c.serial[id] = this.offered;
      c.queuedAtSec[id] = NaN;
      c.answeredAtSec[id] = NaN;
    }
    const obs = this.observer;
    const k = obs.bucketOf(now);
    c.bucket[id] = k;
    const repeats = c.repeats[id]!;
    const retrials = c.retrials[id]!;
    const newIssue = repeats === 0 && retrials === 0;
    if (newIssue && flags === 0 && this.realtime[channel] === 1) obs.freshOffered(k, channel, reason);
    else if (k >= 0) {
      const kind =
        (newIssue ? OFFER_NEW_ISSUE : 0) |
        (repeats > 0 ? OFFER_REPEAT : 0) |
        (retrials > 0 ? OFFER_RETRIAL : 0) |
        (flags & DEFERRED ? OFFER_DEFERRED : 0) |
        (this.realtime[channel] === 0 ? OFFER_EMAIL : 0) |
        (flags & PROACTIVE ? OFFER_OUTBOUND : 0) |
        (flags & CALLBACK ? OFFER_CALLBACK : 0);
      obs.contactOffered(k, channel, reason, kind);
    }
    if (newIssue) c.issueBucket[id] = k;
    this.queueOrStart(id, now);
  }

  /** Starts the offered contact at the first free group of its reason, or offers a callback and queues it. */
  private queueOrStart(id: number, now: number): void {
    const c = this.contacts;
    const reason = c.reason[id]!;
    const channel = c.channel[id]!;
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
    if (this.config.callback !== null && this.realtime[channel] === 1 && (c.flags[id]! & (PROACTIVE | CALLBACK)) === 0 && this.offerCallback(id, cls, now)) return;
    this.wait(id, cls, now);
  }

  /**
   * A line caller facing an expected wait above `offerAboveSec` is offered a callback — only one
   * that can be kept before closing (virtual hold: they keep their place off the line), or, with
   * `nextOpenPeriod`, one in the next open period. Returns true when the contact left the line
   * until the next open period (it joins the queue then).
   */
  private offerCallback(id: number, cls: number, now: number): boolean {
    const c = this.contacts;
    const channel = c.channel[id]!;
    const reason = c.reason[id]!;
    const callback = this.config.callback!;
    const expected = this.expectedWaitSec(cls, reason, this.reasonGroups[reason]!);
    if (expected <= callback.offerAboveSec) return false;
    const close = this.hours.closeAfter(channel, now);
    const later = now + expected > close;
    if (later && !callback.nextOpenPeriod) return false;
    const accepted = this.keyed.uniform(c.issue[id]!, c.attempt[id]!, PURPOSE.callback) < callback.acceptProb;
    const k = c.bucket[id]!;
    this.observer.add(k, channel, reason, F.callbacksOffered);
    if (!accepted) return false;
    this.observer.add(k, channel, reason, F.callbacksAccepted);
    this.observer.add(k, channel, reason, F.callbacks);
    c.flags[id]! |= CALLBACK;
    c.requestSec[id] = now;
    if (!later) return false;
    c.ref(id);
    c.state[id] = SCHEDULED;
    this.promised++;
    this.calendar.schedule(this.hours.openTimeAfter(channel, close, this.closedDelay(c.issue[id]!, c.attempt[id]!, PURPOSE.callbackDelay)), CALLBACK_DUE, id);
    return true;
  }

  /** The naive expected wait: contacts ahead × mean handle time / agents available to serve them. */
  private expectedWaitSec(cls: number, reason: number, groups: Int32Array): number {
    let agents = 0;
    for (let i = 0; i < groups.length; i++) agents += this.availableAgents[groups[i]!]!;
    return ((this.routing.waiting[cls]! + 1) * this.meanHandle[reason]!) / Math.max(1, agents);
  }

  private wait(id: number, cls: number, now: number): void {
    const c = this.contacts;
    if (this.onContact !== null && Number.isNaN(c.queuedAtSec[id]!) && Number.isNaN(c.answeredAtSec[id]!)) c.queuedAtSec[id] = now;
    this.routing.enqueue(c, id, cls, now);
    this.totalWaiting++;
    this.observer.queueChange(now, 1);
    const patience = c.patienceSec[id]!;
    if (patience !== Infinity && this.realtime[c.channel[id]!] === 1 && (c.flags[id]! & (CALLBACK | PROACTIVE)) === 0) {
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
    const reason = c.reason[id]!;
    const units = this.routing.channelUnits[channel]!;
    const flags = c.flags[id]!;
    this.free[g]! -= units;
    this.inService++;
    if (this.free[g]! < 0) this.reportOverrun(g, now);
    c.state[id] = IN_SERVICE;
    c.group[id] = g;
    const k = c.bucket[id]!;
    if ((flags & ANSWERED) === 0) {
      this.answeredTotal++;
      if (this.onContact !== null) c.answeredAtSec[id] = now;
      if ((flags & (CALLBACK | PROACTIVE)) === 0 && this.realtime[channel] === 1) this.observer.lineAnswered(k, channel, reason, now - c.arrivalSec[id]!);
      else this.answeredOther(id, k, flags, now);
    }
    this.observer.serviceStarted(k, reason, g);
    const natural = c.handleSec[id]! * this.handleFactor[g]! * this.stretch[channel]!;
    const p = flags & PROACTIVE ? this.customers!.outreachResolveProb : this.baseResolve[reason * this.groupCount + g]!;
    const reask = !this.contextCarryOver && (c.repeats[id]! > 0 || (flags & TRANSFERRED) !== 0);
    let handleSec = natural;
    let rushed = false;
    if (this.neutralPolicy) c.pResolve[id] = p;
    else {
      const h = this.handling.apply(natural, p, reask, this.totalWaiting / Math.max(1, this.totalAvailable));
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

  /** The first answer of an email, a callback or an outbound contact. */
  private answeredOther(id: number, k: number, flags: number, now: number): void {
    const c = this.contacts;
    const channel = c.channel[id]!;
    const mode = this.realtime[channel] === 0 ? ANSWER_EMAIL : flags & CALLBACK ? ANSWER_CALLBACK : ANSWER_OUTBOUND;
    this.observer.contactAnswered(k, channel, c.reason[id]!, mode, now - (mode === ANSWER_CALLBACK ? c.requestSec[id]! : c.arrivalSec[id]!));
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
    // The issue's first handled contact at its first group: it counts in first-contact resolution now.
    if ((c.flags[id]! & (HANDLED_BEFORE | TRANSFERRED)) === 0) this.observer.issueFirstHandled(c.issueBucket[id]!, channel, c.reason[id]!, resolved);
    // An outbound contact that did not fix the fault ends: the customer calls later, as a repeat.
    const escalateTo = c.flags[id]! & PROACTIVE ? -1 : this.escalation[c.reason[id]! * this.groupCount + g]!;
    if (!resolved && escalateTo >= 0) this.transfer(id, escalateTo, now);
    else {
      this.finish(id, resolved, now);
      c.unref(id);
    }
    this.fill(g, now);
  }

  /**
   * The draws of an issue's attempt after its first contact — handle time, patience, resolution —
   * keyed by (issue, attempt), so the same attempt draws the same under every policy.
   */
  private drawAttempt(id: number, reason: number, issue: number, attempt: number): void {
    const c = this.contacts;
    c.handleSec[id] = this.followHandle[reason]!(issue, attempt, PURPOSE.handleTime);
    c.patienceSec[id] = this.followPatience === null ? Infinity : this.followPatience(issue, attempt, PURPOSE.patience);
    c.uResolve[id] = this.keyed.uniform(issue, attempt, PURPOSE.resolution);
  }

  /** An unresolved contact moves to the escalation group's queue, with a fresh handle time: the issue's next attempt. */
  private transfer(id: number, to: number, now: number): void {
    const c = this.contacts;
    c.flags[id]! |= TRANSFERRED;
    this.observer.add(c.bucket[id]!, c.channel[id]!, c.reason[id]!, F.transfers);
    // The issue's next attempt; a transferred caller waits in the escalation queue with a fresh patience, and may hang up there.
    this.drawAttempt(id, c.reason[id]!, c.issue[id]!, ++c.attempt[id]!);
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
    const channel = c.channel[id]!;
    const k = c.bucket[id]!;
    const obs = this.observer;
    this.completedTotal++;
    obs.contactHandled(k, channel, reason, c.servedSec[id]!, (flags & RUSHED) !== 0, (flags & REASKED) !== 0, (flags & PROACTIVE) !== 0 && resolved);
    if (this.onContact !== null) this.logContact(id, true, now);
    if ((flags & HANDLED_BEFORE) === 0 && resolved) obs.add(c.issueBucket[id]!, channel, reason, F.issuesResolvedAnyStage);
    if (resolved) {
      this.customers?.handled(c, id, true, true, now);
      return;
    }
    const repeats = c.repeats[id]! < this.maxRepeats[reason]!;
    const planned = repeats ? now + this.repeatDelay[reason]!(c.issue[id]!, c.attempt[id]!, PURPOSE.repeatDelay) : Infinity;
    const at = this.openAt(id, channel, planned);
    const ends = !(at < this.config.horizonSec);
    this.customers?.handled(c, id, false, ends, now);
    if (!ends) this.followUp(id, at, c.repeats[id]! + 1, 0, at !== planned);
    else {
      obs.add(c.issueBucket[id]!, channel, reason, F.issuesUnresolved);
      if (!repeats) this.customers?.gaveUp(c, id, now);
    }
  }

  /**
   * When a follow-up of contact `id` planned for `at` is made: at `at` while its channel is open,
   * else in the next open period, `closed.delay` of open time after the opening (a deferred follow-up).
   */
  private openAt(id: number, channel: number, at: number): number {
    if (this.realtime[channel] === 0 || !(at < this.config.horizonSec) || this.hours.isOpen(channel, at)) return at;
    const c = this.contacts;
    return this.hours.openTimeAfter(channel, at, this.closedDelay(c.issue[id]!, c.attempt[id]!, PURPOSE.deferralDelay));
  }

  /** Schedules the issue's next contact (a repeat, or a retrial after abandoning) at `at`, its next attempt; `deferred`: moved into open hours. */
  private followUp(of: number, at: number, repeats: number, retrials: number, deferred: boolean): void {
    const c = this.contacts;
    const id = c.alloc();
    const reason = c.reason[of]!;
    const issue = c.issue[of]!;
    const attempt = c.attempt[of]! + 1;
    c.issue[id] = issue;
    c.attempt[id] = attempt;
    c.reason[id] = reason;
    c.channel[id] = c.channel[of]!;
    c.issueSec[id] = c.issueSec[of]!;
    c.issueBucket[id] = c.issueBucket[of]!;
    c.customer[id] = c.customer[of]!;
    this.customers?.followUp(c, id);
    c.repeats[id] = repeats;
    c.retrials[id] = retrials;
    c.flags[id] = (c.flags[of]! & (ANSWERED | HANDLED_BEFORE) ? HANDLED_BEFORE : 0) | (deferred ? DEFERRED : 0);
    this.drawAttempt(id, reason, issue, attempt);
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
      this.observer.queueChange(now, -1);
      this.start(id, g, now);
    }
  }

  private onAbandon(id: number): void {
    const c = this.contacts;
    if (c.state[id] === WAITING && c.abandonAt[id] === this.calendar.now) {
      const now = this.calendar.now;
      const channel = c.channel[id]!;
      const reason = c.reason[id]!;
      const k = c.bucket[id]!;
      c.state[id] = ABANDONED;
      this.routing.waiting[c.cls[id]!]!--;
      this.totalWaiting--;
      this.observer.queueChange(now, -1);
      // A transferred contact's line wait ended when it was first answered: its hang-up in the
      // escalation queue is counted apart, with no line wait.
      if (c.flags[id]! & TRANSFERRED) {
        this.abandonedAfterTransferTotal++;
        this.observer.add(k, channel, reason, F.abandonedAfterTransfer);
      } else {
        this.abandonedTotal++;
        this.observer.add(k, channel, reason, F.abandoned);
        this.observer.add(k, channel, reason, F.abandonedWaitSec, now - c.arrivalSec[id]!);
      }
      if (this.onContact !== null) this.logContact(id, false, now);
      const retrial = this.config.retrial;
      const issue = c.issue[id]!;
      const attempt = c.attempt[id]!;
      const retries = retrial !== null && c.retrials[id]! < retrial.maxRetrials && this.keyed.uniform(issue, attempt, PURPOSE.retrial) < retrial.prob;
      const planned = retries ? now + this.retrialDelay!(issue, attempt, PURPOSE.retrialDelay) : Infinity;
      const at = this.openAt(id, channel, planned);
      const ends = !(at < this.config.horizonSec);
      this.customers?.abandoned(c, id, ends, now);
      if (!ends) this.followUp(id, at, c.repeats[id]!, c.retrials[id]! + 1, at !== planned);
      else {
        this.observer.add(c.issueBucket[id]!, channel, reason, F.issuesUnresolved);
        if (!retries) this.customers?.gaveUp(c, id, now);
      }
    }
    c.unref(id);
  }

  /** Hands the ended contact to the log's sink (a reused record). */
  private logContact(id: number, served: boolean, now: number): void {
    const c = this.contacts;
    const r = this.record;
    r.serial = c.serial[id]!;
    r.issue = c.issue[id]!;
    r.attempt = c.attempt[id]!;
    r.handleSec = c.handleSec[id]!;
    r.patienceSec = c.flags[id]! & TRANSFERRED ? NaN : c.patienceSec[id]!;
    r.resolutionU = c.uResolve[id]!;
    r.customer = this.customers === null ? -1 : c.customer[id]!;
    r.reason = c.reason[id]!;
    r.channel = c.channel[id]!;
    r.arrivalSec = c.arrivalSec[id]!;
    r.queuedSec = c.queuedAtSec[id]!;
    r.answeredSec = c.answeredAtSec[id]!;
    r.endedSec = now;
    r.served = served;
    r.group = served ? c.group[id]! : -1;
    this.onContact!(r);
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
      abandonedAfterTransferByHorizon: this.abandonedAfterTransferTotal,
      waitingAtHorizon: this.totalWaiting,
      inServiceAtHorizon: this.inService,
      promisedAtHorizon: this.promised,
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
      closedAttempts: this.closedTotal,
      closedScheduled: this.closedScheduled,
      closedLost: this.closedLostTotal,
    };
  }
}

/**
 * Where an unresolved contact of each reason goes from each group: along the group's escalation
 * chain (escalateTo, its escalateTo, …) to the first group the reason allows (`reasons[].groups`);
 * −1 when none does — the contact then ends unresolved there, and the issue comes back as a
 * repeat, as at a top tier.
 */
function escalationTable(config: ModelConfig): Int32Array {
  const G = config.groups.length;
  const out = new Int32Array(config.reasons.length * G).fill(-1);
  config.reasons.forEach((r, i) => {
    const allowed = new Set(r.groups);
    for (let g = 0; g < G; g++) {
      let next = config.groups[g]!.escalateTo;
      for (let hops = 0; next >= 0 && hops < G; hops++) {
        if (allowed.has(next)) {
          out[i * G + g] = next;
          break;
        }
        next = config.groups[next]!.escalateTo;
      }
    }
  });
  return out;
}
