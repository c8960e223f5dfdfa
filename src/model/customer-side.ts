import type { Calendar } from '../engine/calendar.js';
import type { KeyedSampler } from '../engine/random/keyed.js';
import type { Uniform } from '../engine/random/stream.js';
import { SECONDS_PER_MONTH, type ModelConfig } from './config.js';
import { CALLBACK, PITCHED, PROACTIVE, REASKED, RUSHED, TRANSFERRED, type ContactStore } from './contacts.js';
import { Lifecycle } from './customers.js';
import { PURPOSE, type KeyedDraws, type Randomness } from './draws.js';
import { LIFECYCLE } from './events.js';
import { F, LEVEL_FACTS } from './facts.js';
import type { Ledger } from './ledger.js';
import type { Observer } from './observer.js';
import { emptyOutcome, Satisfaction, type ContactOutcome } from './satisfaction.js';

/** The draws of one candidate issue, made whether or not it becomes a contact (a reused record). */
export interface CandidateDraw {
  /** The customer it lands on, or −1: thinned out. */
  customer: number;
  /** Whether the customer's device reported the fault. */
  detected: boolean;
  /** Noise of the first contact's satisfaction score. */
  noise: number;
}

/** LIFECYCLE event data: 3·x + kind. */
const BOUNDARY = 0; // x = month k
const REGION = 1; // x = block k changes its candidate weight
const PURCHASE = 2; // the next planned purchase

/**
 * The customer side of a replication (scenario `customers`): the lifecycle (model/customers.ts)
 * and what it adds to each contact — the customer behind a candidate issue, device telemetry and
 * proactive outreach, a satisfaction level at the end of every contact, word of mouth at the end
 * of every issue, product returns and end-of-call offers. The contact center
 * (model/contact-center.ts) calls it at each of these moments and otherwise knows nothing of
 * customers; without `customers` it does not exist.
 *
 * Word of mouth is per issue: when an issue ends (resolved, or unresolved for good), its customer
 * tells about it once, as satisfied (levels 4–5) or dissatisfied (1–2) as its last contact left
 * them; an issue that took three dissatisfying calls is told about once, not three times.
 *
 * Randomness (model/draws.ts): "customer" and "telemetry" (one uniform each per candidate issue)
 * and "satisfaction" (its noise, per candidate) are sequential streams drawn whether or not the
 * candidate becomes a contact, so the n-th candidate is the same under every policy; a later
 * contact's score noise, an outbound contact's handle time, an offer's answer and a product
 * return are keyed by (issue, attempt, purpose); churn and word of mouth are the lifecycle's
 * (model/customers.ts).
 */
export class CustomerSide {
  readonly lifecycle: Lifecycle;
  readonly satisfaction: Satisfaction;
  private readonly draw: CandidateDraw = { customer: -1, detected: false, noise: 0 };
  private readonly outcome: ContactOutcome = emptyOutcome();
  /** Issues that ended satisfied and dissatisfied since the last month boundary. */
  private satisfiedIssues = 0;
  private dissatisfiedIssues = 0;
  private readonly customerU: Uniform;
  private readonly returns: boolean;
  private readonly telemetryU: Uniform | null;
  private readonly detectProb: number;
  private readonly keyed: KeyedDraws;
  /** Outbound handle time per reason, when outreach is on; null: off. */
  private readonly outreachHandle: KeyedSampler[] | null;
  /** Whether end-of-call offers are made. */
  private readonly upsell: boolean;
  private readonly courtesy: Float64Array;
  /** Handle time an offer adds; resolution probability of an outbound contact. */
  readonly pitchSec: number;
  readonly outreachResolveProb: number;

  constructor(
    private readonly config: ModelConfig,
    randomness: Randomness,
    private readonly observer: Observer,
    private readonly ledger: Ledger,
  ) {
    const customers = config.customers!;
    const { stream, keyed } = randomness;
    this.keyed = keyed;
    let satisfaction: Satisfaction | null = null;
    this.lifecycle = new Lifecycle(customers, config.warmupSec, config.horizonSec, ledger, stream('churn'), keyed, (id, t) => satisfaction!.multiplier(id, t));
    satisfaction = new Satisfaction(customers.satisfaction, this.lifecycle.base, stream('satisfaction'), keyed);
    this.satisfaction = satisfaction;
    this.customerU = stream('customer');
    this.returns = customers.returns !== null && customers.returns !== undefined;
    const telemetry = customers.telemetry;
    this.telemetryU = telemetry ? stream('telemetry') : null;
    this.detectProb = telemetry?.detectProb ?? 0;
    this.outreachResolveProb = telemetry?.resolveProb ?? 0;
    this.outreachHandle = telemetry?.outreach ? config.reasons.map((r) => keyed.sampler(telemetry.handleTime ?? r.handleTime)) : null;
    this.upsell = customers.upsell?.offer === true;
    this.pitchSec = customers.upsell?.pitchSec ?? 0;
    this.courtesy = Float64Array.from(config.groups, (g) => g.courtesy);
  }

  /** The candidate issue rate per second (× the arrival profiles' shape), from now on. */
  get candidateRate(): number {
    return this.config.customers!.issueRatePerSec * this.lifecycle.candidateWeight;
  }

  /** Month 0 opens at once; later boundaries, the blocks' weight changes and the purchases are LIFECYCLE events. */
  start(calendar: Calendar): void {
    const life = this.lifecycle;
    life.boundary(0, 0);
    for (let k = 1; k < life.boundaryCount; k++) calendar.schedule(k * SECONDS_PER_MONTH, LIFECYCLE, 3 * k + BOUNDARY);
    for (let k = 0; k * SECONDS_PER_MONTH < this.config.horizonSec; k++) {
      const t = life.regionChangeSec(k);
      if (t !== Infinity) calendar.schedule(t, LIFECYCLE, 3 * k + REGION);
    }
    this.schedulePurchase(calendar);
  }

  private schedulePurchase(calendar: Calendar): void {
    const t = this.lifecycle.nextPurchaseSec;
    if (t !== Infinity) calendar.schedule(t, LIFECYCLE, PURCHASE);
  }

  /** A LIFECYCLE event; returns whether the candidate rate changed (a purchase fills a slot already counted). */
  onEvent(data: number, now: number, calendar: Calendar): boolean {
    const life = this.lifecycle;
    const kind = data % 3;
    const k = (data - kind) / 3;
    if (kind === PURCHASE) {
      life.purchase(now);
      this.schedulePurchase(calendar);
      return false;
    }
    if (kind === REGION) {
      life.regionChange(k);
      return true;
    }
    life.boundary(k, now, this.satisfiedIssues, this.dissatisfiedIssues);
    this.satisfiedIssues = this.dissatisfiedIssues = 0;
    this.schedulePurchase(calendar);
    return true;
  }

  /** The draws of the next candidate issue (a reused record). */
  drawCandidate(now: number): CandidateDraw {
    const d = this.draw;
    d.customer = this.lifecycle.candidate(this.customerU(), now);
    d.detected = this.telemetryU !== null && this.telemetryU() < this.detectProb;
    d.noise = this.satisfaction.freshNoise();
    return d;
  }

  /** Fills the fresh contact `id` from its candidate's draws; with outreach a detected issue becomes outbound. */
  fresh(c: ContactStore, id: number, draw: CandidateDraw): void {
    c.customer[id] = draw.customer;
    c.satisfactionNoise[id] = draw.noise;
    if (!draw.detected || this.outreachHandle === null) return;
    c.flags[id] = PROACTIVE;
    c.handleSec[id] = this.outreachHandle[c.reason[id]!]!(c.issue[id]!, c.attempt[id]!, PURPOSE.outreachHandleTime);
    c.patienceSec[id] = Infinity;
  }

  /** A follow-up contact of the same issue (its issue and attempt set): its own score noise. */
  followUp(c: ContactStore, id: number): void {
    c.satisfactionNoise[id] = this.satisfaction.followUpNoise(c.issue[id]!, c.attempt[id]!);
  }

  /** Whether a service with these flags that will resolve its issue ends with an offer. */
  pitches(flags: number): boolean {
    return this.upsell && (flags & PROACTIVE) === 0;
  }

  /** A handled contact ended: its satisfaction, an offer's answer, and word of mouth when the issue `ends` here. */
  handled(c: ContactStore, id: number, resolved: boolean, ends: boolean, now: number): void {
    const flags = c.flags[id]!;
    const served = c.servedSec[id]!;
    const o = this.outcome;
    // A callback's and an outbound contact's customer did not wait on the line.
    o.waitSec = flags & (CALLBACK | PROACTIVE) ? 0 : now - c.arrivalSec[id]! - served;
    o.abandoned = 0;
    o.resolved = resolved ? 1 : 0;
    o.rushed = flags & RUSHED ? 1 : 0;
    o.reasked = flags & REASKED ? 1 : 0;
    o.repeats = c.repeats[id]!;
    o.transferred = flags & TRANSFERRED ? 1 : 0;
    o.handleMin = served / 60;
    o.courtesy = this.courtesy[c.group[id]!]!;
    o.proactive = flags & PROACTIVE ? 1 : 0;
    o.pitched = flags & PITCHED ? 1 : 0;
    o.calledBack = flags & CALLBACK ? 1 : 0;
    this.record(c, id, ends, now);
    if (flags & PITCHED) this.offer(c, id, now);
  }

  /**
   * An abandoned contact (courtesy 3: no agent finished it), in the first queue or after a
   * transfer (its time in service not counted as waiting); word of mouth when the issue `ends` here.
   */
  abandoned(c: ContactStore, id: number, ends: boolean, now: number): void {
    const o = this.outcome;
    o.waitSec = now - c.arrivalSec[id]! - c.servedSec[id]!;
    o.abandoned = 1;
    o.resolved = o.rushed = o.reasked = o.handleMin = o.proactive = o.pitched = o.calledBack = 0;
    o.transferred = c.flags[id]! & TRANSFERRED ? 1 : 0;
    o.repeats = c.repeats[id]!;
    o.courtesy = 3;
    this.record(c, id, ends, now);
  }

  /** The contact's level: tallied (by its offer interval), remembered by its customer, and told about when its issue ends. */
  private record(c: ContactStore, id: number, ends: boolean, now: number): void {
    const sat = this.satisfaction;
    const level = sat.level(c.satisfactionNoise[id]! + sat.score(this.outcome));
    this.observer.add(c.bucket[id]!, c.channel[id]!, c.reason[id]!, F[LEVEL_FACTS[level - 1]!]);
    sat.remember(c.customer[id]!, level, now);
    if (!ends) return;
    if (level >= 4) this.satisfiedIssues++;
    else if (level <= 2) this.dissatisfiedIssues++;
  }

  /** An end-of-call offer was made: accepted with its probability (keyed by issue and attempt), its margin to the ledger. */
  private offer(c: ContactStore, id: number, now: number): void {
    const upsell = this.config.customers!.upsell!;
    const k = c.bucket[id]!;
    this.observer.add(k, c.channel[id]!, c.reason[id]!, F.offers);
    if (this.keyed.uniform(c.issue[id]!, c.attempt[id]!, PURPOSE.upsell) >= upsell.acceptProb) return;
    this.observer.add(k, c.channel[id]!, c.reason[id]!, F.offersAccepted);
    this.ledger.post('upsell', now, upsell.value);
  }

  /** An issue ended unresolved for good: within the return window its customer may return the product and leave. */
  gaveUp(c: ContactStore, id: number, now: number): void {
    if (this.returns) this.lifecycle.maybeReturn(c.customer[id]!, now, c.issue[id]!);
  }
}
