import type { DistSpec } from '../engine/random/fromSpec.js';

/**
 * The model's input, in seconds and per-second rates: what the scenario loader produces after
 * validation and normalisation. Nothing here knows about YAML, files or the CLI. The CONTRACT's
 * stationary form is the special case of one reason, one channel (voice), one group staffed
 * around the clock, a flat profile and no policies.
 */
export interface ModelConfig {
  /** End of arrivals, seconds from the start (day 0, 00:00). */
  horizonSec: number;
  /** Start of the measured window; everything before it is excluded from every KPI. */
  warmupSec: number;
  /** Service-level threshold: answered within this many seconds counts as in service level. */
  slThresholdSec: number;
  /** Service-level target for the Erlang C reference staffing (e.g. 0.8). */
  slTarget: number;
  demand: DemandConfig;
  reasons: ReasonConfig[];
  channels: ChannelConfig[];
  /** Time a caller is willing to wait (voice and chat); null: nobody hangs up. */
  patience: DistSpec | null;
  groups: GroupConfig[];
  discipline: Discipline;
  policy: PolicyConfig;
  retrial: RetrialConfig | null;
  callback: CallbackConfig | null;
  economics: EconomicsConfig;
}

/**
 * Arrival rate λ(t) = base × intraday[interval] × weekly[weekday] × monthly[month]
 *   × (1 + trendPerYear)^(t / year) × dayFactor[day],
 * piecewise constant per interval. Profiles are normalised to mean 1, so `baseRatePerSec` is the
 * long-run average rate.
 */
export interface DemandConfig {
  baseRatePerSec: number;
  /** Length of one profile interval (15, 30 or 60 minutes, in seconds). */
  intervalSec: number;
  /** One factor per interval of the day (mean 1). */
  intraday: number[];
  /** Monday … Sunday (mean 1). */
  weekly: number[];
  /** January … December (mean 1). */
  monthly: number[];
  trendPerYear: number;
  /** Coefficient of variation of a gamma day factor with mean 1; 0: none (pure Poisson). */
  dayFactorCv: number;
  /** Weekday of day 0 (0 = Monday) and month of the first month (0 = January). */
  startWeekday: number;
  startMonth: number;
}

export interface ReasonConfig {
  name: string;
  share: number;
  handleTime: DistSpec;
  /** Probability that a contact resolves the issue, before group and policy effects. */
  resolveProb: number;
  /** 1 (low) … 5 (high); used by the severity queue discipline. */
  severity: number;
  /** Indices of the groups that may take it, in preference order. */
  groups: number[];
  /** Delay before an unresolved issue comes back as a repeat contact. */
  repeatDelay: DistSpec;
  /** Repeat contacts allowed per issue; after that the issue stays unresolved. */
  maxRepeats: number;
}

export type ChannelKind = 'voice' | 'chat' | 'email';

export interface ChannelConfig {
  kind: ChannelKind;
  share: number;
  /** Chats one agent holds at once (chat only; 1 otherwise). */
  concurrency: number;
  /** Handle-time multiplier for a chat handled alongside others. */
  handleStretch: number;
  /** Email response target (email only), seconds; Infinity otherwise. */
  responseTargetSec: number;
}

export interface GroupConfig {
  name: string;
  wagePerHour: number;
  /** Probability that a scheduled agent-shift is lost to absence or training. */
  shrinkage: number;
  /** Multiplies handle time. */
  handleFactor: number;
  /** Multiplies the odds of resolution, p/(1−p). */
  resolveOddsFactor: number;
  /** Courtesy and competence as callers perceive them, 1–5 (drives satisfaction later). */
  courtesy: number;
  /** Index of the group unresolved contacts are transferred to, or −1. */
  escalateTo: number;
  shifts: ShiftConfig[];
}

/** A weekly shift pattern; times are seconds from midnight, `endSec` may pass midnight. */
export interface ShiftConfig {
  /** Weekdays it runs, 0 = Monday. */
  weekdays: number[];
  startSec: number;
  endSec: number;
  agents: number;
  /** Each break: the agents present take it staggered evenly over `staggerSec` from `startSec`. */
  breaks: { startSec: number; durationSec: number; staggerSec: number }[];
}

export type Discipline = 'fcfs' | 'severity' | 'repeat-first';

export interface PolicyConfig {
  /** AHT target: contacts running longer are cut short (see model/handling.ts); null: none. */
  ahtTargetSec: number | null;
  /** Share of the time beyond the target that agents cut. */
  ahtPressure: number;
  /** Elasticity of resolution to the cut: p × (cut / natural)^elasticity. */
  rushElasticity: number;
  /** Planned extra time per contact. */
  thoroughnessSec: number;
  /** Extra time that cuts the unresolved share by a factor e. */
  thoroughnessScaleSec: number;
  /** Whether repeat and transferred contacts arrive with their history. */
  contextCarryOver: boolean;
  /** Extra handle time when known details must be asked again. */
  reaskSec: number;
  /** Agents hurry when waiting contacts per staffed agent exceed a threshold; null: off. */
  queuePressure: { waitingPerAgent: number; speedup: number } | null;
}

export interface RetrialConfig {
  prob: number;
  delay: DistSpec;
  /** Retrials allowed per contact attempt. */
  maxRetrials: number;
}

export interface CallbackConfig {
  /** Offer a callback when the expected wait at arrival exceeds this. */
  offerAboveSec: number;
  acceptProb: number;
}

export interface EconomicsConfig {
  /** Annual discount rate for the net present value, e.g. 0.08. */
  discountRatePerYear: number;
  /** Telephony or platform cost per handled minute, and a fixed cost per handled contact. */
  costPerMinute: number;
  costPerContact: number;
}

export const SECONDS_PER_HOUR = 3600;
export const SECONDS_PER_DAY = 86_400;
export const SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY;
/** The simulation's month: 30 days (a 30/360 convention, so months and days align). */
export const SECONDS_PER_MONTH = 30 * SECONDS_PER_DAY;
export const SECONDS_PER_YEAR = 12 * SECONDS_PER_MONTH;
