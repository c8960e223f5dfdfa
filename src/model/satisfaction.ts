import { standardNormal } from '../engine/random/normal.js';
import type { Uniform } from '../engine/random/stream.js';
import { SATISFACTION_VARIABLES, type SatisfactionConfig } from './config.js';
import type { CustomerBase } from './customer-base.js';
import { PURPOSE, type KeyedDraws } from './draws.js';

/** What the satisfaction formula reads about a finished contact (model/config.ts SATISFACTION_VARIABLES). */
export type ContactOutcome = Record<(typeof SATISFACTION_VARIABLES)[number], number>;

/** A satisfaction score from a contact's outcome. */
export type ScoreFn = (outcome: Readonly<ContactOutcome>) => number;

/** The level names of the five-point scale, 1 … 5 (the summary's distribution keys). */
export const LEVEL_NAMES = ['veryDissatisfied', 'dissatisfied', 'neutral', 'satisfied', 'verySatisfied'] as const;

/** A fresh outcome record with every variable 0 (one is reused per replication). */
export function emptyOutcome(): ContactOutcome {
  return Object.fromEntries(SATISFACTION_VARIABLES.map((v) => [v, 0])) as ContactOutcome;
}

/**
 * Satisfaction: every handled or abandoned contact ends in exactly one level on the five-point
 * scale (1 very dissatisfied … 5 very satisfied). Its score is the scenario's formula (compiled
 * at load into a JavaScript expression, scenario/formula.ts) of the contact's outcome record,
 * plus normal noise with sd `noiseSd` (what the formula does not see), drawn when the contact is
 * created — from stream "satisfaction" for fresh issues (one per candidate), keyed by (issue,
 * attempt) for repeats and retrials (model/draws.ts) — so the same contact has the same noise
 * under every policy; the level is 1 + the
 * number of thresholds at or below the score.
 *
 * The level drives the customer's churn through a memory of their recent satisfaction level: the
 * churn multiplier is the mean of their contacts' level multipliers m_v, each weighted by
 * w = e^(−age/τ) (τ = `memoryMonths`); while the recent weight Σw is below one contact's worth,
 * the rest is neutral (1):
 *   multiplier = Σ w·m_v / Σ w          when Σ w ≥ 1,
 *              = Σ w·m_v + (1 − Σ w)     otherwise.
 * So a customer whose contacts were all very satisfied churns at m₅ however many contacts they
 * had, a mixed record at its weighted mean, and an old contact fades back to the base rate. At a
 * month's end the churn probability is min(1, base × multiplier) (model/customers.ts).
 *
 * Default multipliers m = (3, 2, 1, 1, 0.4), derived from the survey figures of issue 5: 68% of
 * very satisfied customers definitely buy again, 19% of somewhat satisfied or neutral ones. If
 * leaving is in proportion to not buying again, very satisfied customers leave at 32/81 ≈ 0.4 of
 * the rate of neutral or somewhat satisfied ones (m_3 = m_4 = 1, the base's reference). The
 * survey gives no figure for dissatisfied customers; 2 and 3 are assumptions (dissatisfied
 * customers "tell ~9" and are the likeliest to leave) and are overridable like every default.
 * All multipliers 1 switch the effect off: churn is then exactly the base rate.
 */
export class Satisfaction {
  readonly score: ScoreFn;
  /** A fresh contact's score noise (sd `noiseSd`; 0 without noise). */
  readonly freshNoise: () => number;
  private readonly sd: number;
  private readonly multipliers: Float64Array;
  private readonly affectsChurn: boolean;
  private readonly invTau: number;

  constructor(
    private readonly config: SatisfactionConfig,
    private readonly base: CustomerBase,
    /** The stream fresh contacts draw their noise from (one per candidate issue). */
    fresh: Uniform,
    /** Where follow-ups draw theirs, by (issue, attempt). */
    private readonly keyed: KeyedDraws,
  ) {
    this.score = new Function('o', `"use strict"; const { ${SATISFACTION_VARIABLES.join(', ')} } = o; return ${config.scoreJs};`) as ScoreFn;
    const sd = config.noiseSd;
    const normal = standardNormal(fresh);
    this.freshNoise = sd > 0 ? () => normal() * sd : () => 0;
    this.sd = sd;
    this.multipliers = Float64Array.from(config.churnMultipliers);
    this.affectsChurn = config.churnMultipliers.some((m) => m !== 1);
    this.invTau = 1 / config.memorySec;
  }

  /** A later contact's score noise, keyed by its issue and attempt. */
  followUpNoise(issue: number, attempt: number): number {
    return this.sd > 0 ? this.keyed.normal(issue, attempt, PURPOSE.satisfactionNoise) * this.sd : 0;
  }

  /** The level (1–5) of a score. */
  level(score: number): number {
    const t = this.config.thresholds;
    return score < t[0] ? 1 : score < t[1] ? 2 : score < t[2] ? 3 : score < t[3] ? 4 : 5;
  }

  /** A contact of `customer` ended at `now` at level `v`: the customer remembers it. */
  remember(customer: number, v: number, now: number): void {
    if (!this.affectsChurn) return;
    const b = this.base;
    const decay = Math.exp(-(now - b.memoryAtSec[customer]!) * this.invTau);
    b.memorySum[customer] = b.memorySum[customer]! * decay + this.multipliers[v - 1]!;
    b.memoryWeight[customer] = b.memoryWeight[customer]! * decay + 1;
    b.memoryAtSec[customer] = now;
  }

  /** The churn multiplier of `customer` at `now`: their recent level's, faded toward 1 (see the class). */
  multiplier(customer: number, now: number): number {
    if (!this.affectsChurn) return 1;
    const b = this.base;
    const weight = b.memoryWeight[customer]!;
    if (weight === 0) return 1;
    const decay = Math.exp(-(now - b.memoryAtSec[customer]!) * this.invTau);
    const w = weight * decay;
    const s = b.memorySum[customer]! * decay;
    return w >= 1 ? s / w : s + (1 - w);
  }
}
