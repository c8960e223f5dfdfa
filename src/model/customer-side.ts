import type { Calendar } from '../engine/calendar.js';
import { sampler, type Sampler } from '../engine/random/fromSpec.js';
import type { Uniform } from '../engine/random/stream.js';
import { SECONDS_PER_MONTH, type ModelConfig } from './config.js';
import { PITCHED, PROACTIVE, REASKED, RUSHED, TRANSFERRED, type ContactStore } from './contacts.js';
import { Lifecycle } from './customers.js';
import { LIFECYCLE } from './events.js';
import { Satisfaction } from './satisfaction.js';

/**
 * The customer side of a replication (scenario `customers`): the lifecycle (model/customers.ts)
 * and what it adds to each contact — the customer behind a candidate issue, device telemetry and
 * proactive outreach, a satisfaction level at the end of every contact, product returns and
 * end-of-call offers. The contact center (model/contact-center.ts) calls it at each of these
 * moments and otherwise knows nothing of customers; without `customers` it does not exist.
 *
 * Streams: "customer" and "telemetry" (one uniform each per candidate issue) and "satisfaction"
 * (its noise, per candidate) are drawn whether or not the candidate becomes a contact, so the
 * n-th candidate is the same under every policy; "followUp/satisfaction", "returns",
 * "outreach/handleTime/<reason>" and "upsell" as their events occur; "churn", "churn/overflow" and
 * "wordOfMouth" by the lifecycle.
 */
export class CustomerSide {
  readonly lifecycle: Lifecycle;
  readonly satisfaction: Satisfaction;
  /** The last candidate's customer (−1: thinned out), whether its device reported the fault, and its score noise. */
  customer = -1;
  detected = false;
  noise = 0;
  private readonly customerU: Uniform;
  private readonly returnsU: Uniform | null;
  private readonly telemetryU: Uniform | null;
  private readonly detectProb: number;
  /** Outbound handle time per reason, when outreach is on; null: off. */
  private readonly outreachHandle: Sampler[] | null;
  /** End-of-call offers being made; null: none. */
  private readonly upsellU: Uniform | null;
  private readonly courtesy: Float64Array;
  /** Handle time an offer adds; resolution probability of an outbound contact. */
  readonly pitchSec: number;
  readonly outreachResolveProb: number;

  constructor(
    private readonly config: ModelConfig,
    stream: (name: string) => Uniform,
  ) {
    const customers = config.customers!;
    let satisfaction: Satisfaction | null = null;
    this.lifecycle = new Lifecycle(customers, config.warmupSec, config.horizonSec, config.economics.discountRatePerYear, stream('churn'), stream('churn/overflow'), stream('wordOfMouth'), (id, t) =>
      satisfaction!.multiplier(id, t),
    );
    satisfaction = new Satisfaction(customers.satisfaction, this.lifecycle.base, stream('satisfaction'), stream('followUp/satisfaction'));
    this.satisfaction = satisfaction;
    this.customerU = stream('customer');
    this.returnsU = customers.returns ? stream('returns') : null;
    const telemetry = customers.telemetry;
    this.telemetryU = telemetry ? stream('telemetry') : null;
    this.detectProb = telemetry?.detectProb ?? 0;
    this.outreachResolveProb = telemetry?.resolveProb ?? 0;
    this.outreachHandle = telemetry?.outreach
      ? config.reasons.map((r) => sampler(telemetry.handleTime ?? r.handleTime, stream(`outreach/handleTime/${r.name}`)))
      : null;
    this.upsellU = customers.upsell?.offer ? stream('upsell') : null;
    this.pitchSec = customers.upsell?.pitchSec ?? 0;
    this.courtesy = Float64Array.from(config.groups, (g) => g.courtesy);
  }

  /** The candidate issue rate per second (× the arrival profiles' shape), from now on. */
  get candidateRate(): number {
    return this.config.customers!.issueRatePerSec * this.lifecycle.candidateWeight;
  }

  /** Month 0 opens at once (its acquisitions); later boundaries and onboarding ends are LIFECYCLE events. */
  start(calendar: Calendar): void {
    const life = this.lifecycle;
    life.boundary(0, 0);
    for (let k = 1; k < life.boundaryCount; k++) calendar.schedule(k * SECONDS_PER_MONTH, LIFECYCLE, k);
    for (let k = 0; k * SECONDS_PER_MONTH < this.config.horizonSec; k++) {
      const t = life.onboardingEndSec(k);
      if (t !== Infinity) calendar.schedule(t, LIFECYCLE, -1 - k);
    }
  }

  /** A LIFECYCLE event: month boundary `data` ≥ 0, or the end of cohort −1 − data's onboarding. */
  onEvent(data: number, now: number): void {
    const life = this.lifecycle;
    if (data >= 0) {
      const sat = this.satisfaction;
      life.boundary(data, now, sat.satisfiedContacts, sat.dissatisfiedContacts);
      sat.satisfiedContacts = sat.dissatisfiedContacts = 0;
    } else life.endOnboarding(-1 - data);
  }

  /** The draws of the next candidate issue: sets `customer`, `detected` and `noise`. */
  drawCandidate(): void {
    this.customer = this.lifecycle.candidate(this.customerU());
    this.detected = this.telemetryU !== null && this.telemetryU() < this.detectProb;
    this.noise = this.satisfaction.freshNoise();
  }

  /** Fills the fresh contact `id` from the last candidate; with outreach a detected issue becomes outbound. */
  fresh(c: ContactStore, id: number, now: number): void {
    c.customer[id] = this.customer;
    c.satisfactionNoise[id] = this.noise;
    if (!this.detected || this.outreachHandle === null) return;
    c.flags[id] = PROACTIVE;
    c.handleSec[id] = this.outreachHandle[c.reason[id]!]!();
    c.patienceSec[id] = Infinity;
    if (now >= this.config.warmupSec) this.lifecycle.outreach++;
  }

  /** A follow-up contact of the same issue: its own score noise. */
  followUp(c: ContactStore, id: number): void {
    c.satisfactionNoise[id] = this.satisfaction.followUpNoise();
  }

  /** Whether a service with these flags that will resolve its issue ends with an offer. */
  pitches(flags: number): boolean {
    return this.upsellU !== null && (flags & PROACTIVE) === 0;
  }

  /** A handled contact ended: its satisfaction, an outbound fix, an offer's answer. */
  handled(c: ContactStore, id: number, resolved: boolean, now: number): void {
    const flags = c.flags[id]!;
    const served = c.servedSec[id]!;
    const proactive = flags & PROACTIVE ? 1 : 0;
    const pitched = flags & PITCHED ? 1 : 0;
    const sat = this.satisfaction;
    const score = sat.score(
      now - c.arrivalSec[id]! - served,
      0,
      resolved ? 1 : 0,
      flags & RUSHED ? 1 : 0,
      flags & REASKED ? 1 : 0,
      c.repeats[id]!,
      flags & TRANSFERRED ? 1 : 0,
      served / 60,
      this.courtesy[c.group[id]!]!,
      proactive,
      pitched,
    );
    const counted = c.bucket[id]! >= 0;
    sat.record(c.customer[id]!, c.satisfactionNoise[id]! + score, now, counted);
    if (proactive === 1 && resolved && counted) this.lifecycle.outreachResolved++;
    if (pitched === 1) this.lifecycle.offer(now, this.upsellU!, counted);
  }

  /** An abandoned contact: its satisfaction (it met no agent: courtesy 3). */
  abandoned(c: ContactStore, id: number, now: number): void {
    const sat = this.satisfaction;
    const score = sat.score(now - c.arrivalSec[id]!, 1, 0, 0, 0, c.repeats[id]!, 0, 0, 3, 0, 0);
    sat.record(c.customer[id]!, c.satisfactionNoise[id]! + score, now, c.bucket[id]! >= 0);
  }

  /** An issue ended unresolved for good: within the return window its customer may return the product and leave. */
  gaveUp(c: ContactStore, id: number, now: number): void {
    if (this.returnsU !== null) this.lifecycle.maybeReturn(c.customer[id]!, now, this.returnsU);
  }
}
