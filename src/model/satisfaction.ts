import { standardNormal } from '../engine/random/normal.js';
import type { Uniform } from '../engine/random/stream.js';
import { SATISFACTION_VARIABLES, type SatisfactionConfig } from './config.js';
import type { CustomerBase } from './customer-base.js';

/** A satisfaction score from the contact's facts, in the order of SATISFACTION_VARIABLES. */
export type ScoreFn = (
  waitSec: number,
  abandoned: number,
  resolved: number,
  rushed: number,
  reasked: number,
  repeats: number,
  transferred: number,
  handleMin: number,
  courtesy: number,
  proactive: number,
  pitched: number,
) => number;

/** The level names of the five-point scale, 1 … 5 (the summary's distribution keys). */
export const LEVEL_NAMES = ['veryDissatisfied', 'dissatisfied', 'neutral', 'satisfied', 'verySatisfied'] as const;

/**
 * Satisfaction: every handled or abandoned contact ends in exactly one level on the five-point
 * scale (1 very dissatisfied … 5 very satisfied). Its score is the scenario's formula (compiled
 * at load into a JavaScript expression, scenario/formula.ts) of what happened, plus normal noise
 * with sd `noiseSd` (what the formula does not see), drawn when the contact is created — from
 * stream "satisfaction" for fresh issues, "followUp/satisfaction" for repeats and retrials — so
 * the same contact has the same noise under every policy; the level is 1 + the number of
 * thresholds at or below the score.
 *
 * The level feeds the customer's churn through a decaying memory: the customer keeps an excess
 * multiplier x (0 without recent contacts); a contact at level v adds m_v − 1 to it, and it decays
 * as exp(−Δt/τ). At a month's end the churn probability is min(1, base × max(0, 1 + x)).
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
  /** Contacts in the measured window by level (index level − 1). */
  readonly counts = new Float64Array(5);
  /** Satisfied (levels 4–5) and dissatisfied (1–2) contacts since the lifecycle last took them (word of mouth). */
  satisfiedContacts = 0;
  dissatisfiedContacts = 0;
  /** A fresh contact's and a follow-up's score noise (sd `noiseSd`; 0 without noise). */
  readonly freshNoise: () => number;
  readonly followUpNoise: () => number;
  private readonly excessOf: Float64Array;
  private readonly affectsChurn: boolean;
  private readonly invTau: number;

  constructor(
    private readonly config: SatisfactionConfig,
    private readonly base: CustomerBase,
    /** The streams contacts draw their noise from: fresh contacts' and follow-ups'. */
    fresh: Uniform,
    followUp: Uniform,
  ) {
    this.score = new Function(...SATISFACTION_VARIABLES, `"use strict"; return ${config.scoreJs};`) as ScoreFn;
    const sd = config.noiseSd;
    const noise = (u: Uniform) => {
      const normal = standardNormal(u);
      return sd > 0 ? () => normal() * sd : () => 0;
    };
    this.freshNoise = noise(fresh);
    this.followUpNoise = noise(followUp);
    this.excessOf = Float64Array.from(config.churnMultipliers, (m) => m - 1);
    this.affectsChurn = config.churnMultipliers.some((m) => m !== 1);
    this.invTau = 1 / config.memorySec;
  }

  /** The level (1–5) of a score. */
  level(score: number): number {
    const t = this.config.thresholds;
    return score < t[0] ? 1 : score < t[1] ? 2 : score < t[2] ? 3 : score < t[3] ? 4 : 5;
  }

  /**
   * A contact of `customer` ended at `now` with this score (its noise included): its level is
   * tallied when the contact was offered in the window (`counted`) and remembered by the customer
   * either way.
   */
  record(customer: number, score: number, now: number, counted: boolean): void {
    const v = this.level(score);
    if (counted) this.counts[v - 1]!++;
    if (v >= 4) this.satisfiedContacts++;
    else if (v <= 2) this.dissatisfiedContacts++;
    if (!this.affectsChurn) return;
    const b = this.base;
    b.excess[customer] = b.excess[customer]! * Math.exp(-(now - b.excessAtSec[customer]!) * this.invTau) + this.excessOf[v - 1]!;
    b.excessAtSec[customer] = now;
  }

  /** The churn multiplier of `customer` at `now`. */
  multiplier(customer: number, now: number): number {
    if (!this.affectsChurn) return 1;
    const b = this.base;
    const x = b.excess[customer]! * Math.exp(-(now - b.excessAtSec[customer]!) * this.invTau);
    return x > -1 ? 1 + x : 0;
  }

  /** Mean level of the window's contacts (csat), and the count by level. */
  get csat(): number {
    let n = 0;
    let sum = 0;
    this.counts.forEach((c, i) => {
      n += c;
      sum += c * (i + 1);
    });
    return n > 0 ? sum / n : 0;
  }
}
