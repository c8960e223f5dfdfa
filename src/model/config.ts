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
  /** When the center is open (model/hours.ts). */
  hours: HoursConfig;
  /** What a contact arriving while closed does, and how long after the next opening it comes back. */
  closed: ClosedConfig;
  discipline: Discipline;
  policy: PolicyConfig;
  retrial: RetrialConfig | null;
  callback: CallbackConfig | null;
  economics: EconomicsConfig;
  /** The customer lifecycle (model/customers.ts); null: off, demand comes from `demand.baseRatePerSec`. */
  customers: CustomersConfig | null;
}

/**
 * The customer base. With it, contacts are raised by active customers: the arrival rate is
 * Σ active customers' issue rates × the demand profile's shape (mean 1), and `demand.baseRatePerSec`
 * is 1 (a unit level the customer-driven rate multiplies). Months are the model's 30-day months.
 */
export interface CustomersConfig {
  /** Active customers at time 0 (established: past onboarding). */
  initial: number;
  /** Revenue per active customer per month, accrued continuously. */
  monthlyFeePerMonth: number;
  /** Issues (fresh contacts) per active customer per second, outside onboarding. */
  issueRatePerSec: number;
  /** Onboarding: for `onboardingSec` after acquisition the issue rate is × `onboardingMultiplier`. */
  onboardingSec: number;
  onboardingMultiplier: number;
  /** Probability that an active customer leaves at the end of a month, before satisfaction. */
  baseChurnPerMonth: number;
  /** New customers at the start of every month, and what each costs. */
  acquisitionPerMonth: number;
  costPerCustomer: number;
  satisfaction: SatisfactionConfig;
  /** Product returns after an unresolved issue (model/customers.ts); null: none. */
  returns: { windowSec: number; prob: number; refund: number; handlingCost: number } | null;
  /**
   * Devices that report faults: a fresh issue is detected with `detectProb` (one uniform per fresh
   * contact from stream "telemetry", drawn whether or not outreach is on); with `outreach`, a
   * detected issue is first an outbound contact (no abandonment, handle time from `handleTime`,
   * resolving with `resolveProb`); null: none.
   */
  telemetry: { detectProb: number; outreach: boolean; resolveProb: number; handleTime: DistSpec | null } | null;
  /** End-of-call offers on contacts that resolve their issue; null: none. */
  upsell: { offer: boolean; acceptProb: number; value: number; pitchSec: number } | null;
  /** Word of mouth: tellings per satisfied / dissatisfied contact and their effect; null: none. */
  wordOfMouth: { tellsSatisfied: number; tellsDissatisfied: number; convertProb: number; deterProb: number } | null;
}

/**
 * What a satisfaction formula can read about a finished contact (model/satisfaction.ts's outcome
 * record): its wait on the line (s; 0 for a callback, whose wait for the call back is reported
 * apart), whether it was abandoned, resolved, rushed (cut by an AHT target), had details asked
 * again, the issue's repeat count (0 on the first contact), whether it was transferred, its handle
 * time (min), the last serving group's courtesy (1–5; 3 for an abandoned contact, which met no
 * agent), whether it was an outbound contact about a fault the device reported, whether an
 * end-of-call offer was made, and whether it was a callback.
 */
export const SATISFACTION_VARIABLES = ['waitSec', 'abandoned', 'resolved', 'rushed', 'reasked', 'repeats', 'transferred', 'handleMin', 'courtesy', 'proactive', 'pitched', 'calledBack'] as const;

/** How a contact's outcome becomes a satisfaction level and what the level does (model/satisfaction.ts). */
export interface SatisfactionConfig {
  /** The score formula as written (for messages) and as the JS expression compiled from it at load. */
  formula: string;
  scoreJs: string;
  /** Upper bounds of levels 1–4 on the score scale (ascending); ≥ the last is level 5. */
  thresholds: [number, number, number, number];
  /** Standard deviation of normal noise added to the score (stream "satisfaction"); 0: none. */
  noiseSd: number;
  /** Churn multiplier of a recent contact at levels 1…5; all 1: satisfaction does not affect churn. */
  churnMultipliers: [number, number, number, number, number];
  /** Time constant of the memory: a contact's effect on churn decays as exp(−Δt/memorySec). */
  memorySec: number;
}

/**
 * Arrival rate λ(t) = base × intraday[weekday][interval] × weekly[weekday] × monthly[month]
 *   × (1 + trendPerYear)^(t / year) × dayFactor[day],
 * piecewise constant per interval. Profiles are normalised to mean 1, so `baseRatePerSec` is the
 * long-run average rate.
 */
export interface DemandConfig {
  baseRatePerSec: number;
  /** Length of one profile interval (15, 30 or 60 minutes, in seconds). */
  intervalSec: number;
  /** One factor per interval of the day (mean 1), for each weekday Monday … Sunday. */
  intraday: number[][];
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

/** The kinds of channel, in the order the model lists them. */
export const CHANNEL_KINDS = ['voice', 'chat', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface ChannelConfig {
  kind: ChannelKind;
  share: number;
  /** Chats one agent holds at once (chat only; 1 otherwise). */
  concurrency: number;
  /** Handle-time multiplier for a chat handled alongside others. */
  handleStretch: number;
  /**
   * The channel's service-level threshold: voice and chat are answered "in service level" within
   * it (each its own, e.g. 20 s and 60 s); email within its response target.
   */
  slThresholdSec: number;
  /** The channel's service-level target share (for the required agents). */
  slTarget: number;
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
  /** Agents on duty interval by interval from day 0 (repeating when shorter than the run); null: shifts. */
  roster: { intervalSec: number; agents: number[] } | null;
}

/** A weekly opening period: weekdays (0 = Monday) and times in seconds from midnight (end may pass it). */
export interface OpenPeriod {
  weekdays: number[];
  startSec: number;
  endSec: number;
}

/**
 * Opening hours. `weekly` is the center's pattern, or null: open whenever some group is on shift
 * (derived from the staffing). A channel may have its own pattern (`byChannel[i]`, null: the
 * center's); email accepts messages at any time and is worked while agents are on shift, so it
 * has no closed hours. Holidays are whole days closed (day indices from day 0).
 */
export interface HoursConfig {
  weekly: OpenPeriod[] | null;
  byChannel: (OpenPeriod[] | null)[];
  holidays: number[];
}

/** Contacts arriving while closed (model/hours.ts explains the choices). */
export interface ClosedConfig {
  action: 'retry' | 'callback' | 'lost';
  retryProb: number;
  /** Open time from the next opening until the contact comes (retry, callback, deferred follow-up). */
  delay: DistSpec;
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
  /** Seconds cut from every contact (≤ 0), never below half its natural length. */
  ahtShiftSec: number;
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
  /** When the expected wait runs past closing: a callback in the next open period (true) or none. */
  nextOpenPeriod: boolean;
}

export interface EconomicsConfig {
  /** Annual discount rate for the net present value, e.g. 0.08. */
  discountRatePerYear: number;
  /** Telephony or platform cost per handled minute, and a fixed cost per handled contact. */
  costPerMinute: number;
  costPerContact: number;
  /** Money lost per minute a line contact waits in queue (abandoners up to hanging up). */
  waitingCostPerMinute: number;
  /** Money lost per abandoned contact. */
  abandonCost: number;
  /** Money per reporting interval whose service level is below the target. */
  serviceLevelPenalty: number;
}

export const SECONDS_PER_HOUR = 3600;
export const SECONDS_PER_DAY = 86_400;
export const SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY;
/** The simulation's month: 30 days (a 30/360 convention, so months and days align). */
export const SECONDS_PER_MONTH = 30 * SECONDS_PER_DAY;
export const SECONDS_PER_YEAR = 12 * SECONDS_PER_MONTH;

// ── the customer id layout (model/customer-base.ts), also what the scenario's limits count ──

/** What the id layout depends on: the configuration's sizes and rates. */
export interface LayoutInputs {
  initial: number;
  perMonth: number;
  months: number;
  issuesPerMonth: number;
  onboardingMultiplier: number;
  /** tellsSatisfied × convertProb, or 0 without word of mouth. */
  referralsPerSatisfiedContact: number;
}

/**
 * Referral slots reserved in each month's block: a generous bound on a month's referrals, so that
 * they almost never overflow (overflow is exact, only less well paired): the mean referrals if
 * every customer ever acquired raised issues at the onboarding rate all month and every contact
 * were satisfied, plus a Poisson margin. Depends on the configuration only.
 */
export function referralReserve(x: LayoutInputs): number {
  if (x.referralsPerSatisfiedContact <= 0) return 0;
  const mean = (x.initial + x.perMonth * x.months) * x.issuesPerMonth * Math.max(1, x.onboardingMultiplier) * x.referralsPerSatisfiedContact;
  return Math.ceil(1.25 * mean + 5 * Math.sqrt(mean) + 10);
}

/** Customer ids the layout holds: the initial customers and every month's block (paid and referral slots). */
export function idSlots(x: LayoutInputs): number {
  return x.initial + x.months * (x.perMonth + referralReserve(x));
}
