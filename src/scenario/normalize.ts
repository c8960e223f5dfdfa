import { hhmmSec } from '../engine/civil-time.js';
import type { DistSpec } from '../engine/random/fromSpec.js';
import {
  SECONDS_PER_DAY,
  SECONDS_PER_HOUR,
  SECONDS_PER_MONTH,
  SECONDS_PER_WEEK,
  type ChannelConfig,
  type CustomersConfig,
  type GroupConfig,
  type ModelConfig,
  type OpenPeriod,
  type ReasonConfig,
} from '../model/config.js';
import { dayNumber, monthOf, weekdayOf } from './dates.js';
import { compileFormula } from './formula.js';
import { MONTHS, SatisfactionSchema, WEEKDAYS, type Distribution, type Duration, type Scenario } from './schema.js';

type Hours = NonNullable<Scenario['hours']>;

/** Seconds in a validated duration ({ days } | { hours } | { months }). */
export function durationSec(d: Duration): number {
  if (d.days !== undefined) return d.days * SECONDS_PER_DAY;
  if (d.hours !== undefined) return d.hours * SECONDS_PER_HOUR;
  return d.months! * SECONDS_PER_MONTH;
}

export function dist(d: Distribution): DistSpec {
  switch (d.dist) {
    case 'exponential':
    case 'constant':
      return { dist: d.dist, mean: d.meanSec };
    case 'lognormal':
    case 'gamma':
      return { dist: d.dist, mean: d.meanSec, cv: d.cv };
  }
}

/** Scales factors to mean 1 (profiles are shapes; the level is ratePerHour). */
function meanOne(values: readonly number[] | undefined, length: number): number[] {
  if (!values) return new Array<number>(length).fill(1);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.map((v) => v / mean);
}

/** A time span "HH:MM"–"HH:MM" in seconds from midnight: an end at or before the start is the next day. */
export function clockSpan(start: string, end: string): [number, number] {
  const from = hhmmSec(start);
  const to = hhmmSec(end);
  return [from, to <= from ? to + SECONDS_PER_DAY : to];
}

/** Opening periods in seconds from midnight, weekdays as numbers (0 = Monday). */
function openPeriods(hours: Hours): OpenPeriod[] {
  return hours.map((h) => {
    const [startSec, endSec] = clockSpan(h.start, h.end);
    return { weekdays: h.days.map((d) => WEEKDAYS.indexOf(d)), startSec, endSec };
  });
}

/**
 * Weekday and month of day 0, and the holidays as day indices from day 0: from
 * `calendar.startDate` when given, else `startWeekday` / `startMonth` (default Monday, January).
 */
export function calendarOf(s: Scenario): { startWeekday: number; startMonth: number; holidays: number[] } {
  const c = s.calendar;
  const day0 = c.startDate === undefined ? null : dayNumber(c.startDate)!;
  if (day0 === null) return { startWeekday: WEEKDAYS.indexOf(c.startWeekday ?? 'mon'), startMonth: MONTHS.indexOf(c.startMonth ?? 'jan'), holidays: [] };
  const holidays = (c.holidays ?? []).map((d) => dayNumber(d)! - day0).filter((d) => d >= 0);
  return { startWeekday: weekdayOf(day0), startMonth: monthOf(day0), holidays: [...new Set(holidays)].sort((a, b) => a - b) };
}

/** The group list the scenario describes: `staffing` is one around-the-clock group named "agents". */
export function groupsOf(s: Scenario): NonNullable<Scenario['groups']> {
  if (s.groups) return s.groups;
  const st = s.staffing!;
  return [{ name: 'agents', agents: st.agents, staffingScale: 1, wagePerHour: st.wagePerHour, shrinkage: 0, handleFactor: 1, resolveOddsFactor: 1, courtesy: 3 }];
}

/**
 * Agents after a group's `staffingScale`: agents × scale to the nearest whole agent, halves up
 * (the 1e-9 forgives floating point: 15 × 1.1 is 16.500000000000004, 5 × 0.9 is 4.5). Scale 1
 * leaves every value as written.
 */
export function scaledAgents(agents: number, scale: number): number {
  return scale === 1 ? agents : Math.floor(agents * scale + 0.5 + 1e-9);
}

/** The reason list the scenario describes: by default one reason, "general". */
export function reasonsOf(s: Scenario): NonNullable<Scenario['reasons']> {
  return s.reasons ?? [{ name: 'general', share: 1, resolveProb: 1, severity: 1, repeatDelay: { dist: 'exponential', meanSec: 172_800 }, maxRepeats: 3 }];
}

const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];

/**
 * A reason's share of fresh contacts: its issue rate over the total when customers give a rate
 * per reason (a Poisson process split by reason is the total split by these shares), else its
 * share (1 for a lone reason without one).
 */
export function reasonShare(s: Scenario, r: NonNullable<Scenario['reasons']>[number]): number {
  const issues = s.customers?.issuesPerMonth;
  if (issues !== undefined && typeof issues !== 'number') return (issues[r.name] ?? 0) / totalIssuesPerMonth(issues);
  return r.share ?? 1;
}

/** A validated scenario → the model's config in seconds and per-second rates. */
export function toModelConfig(s: Scenario): ModelConfig {
  const groupList = groupsOf(s);
  const index = new Map(groupList.map((g, i) => [g.name, i]));
  const groups: GroupConfig[] = groupList.map((g) => ({
    name: g.name,
    wagePerHour: g.wagePerHour,
    shrinkage: g.shrinkage,
    handleFactor: g.handleFactor,
    resolveOddsFactor: g.resolveOddsFactor,
    courtesy: g.courtesy,
    escalateTo: g.escalateTo !== undefined ? index.get(g.escalateTo)! : -1,
    roster: g.roster ? { intervalSec: g.roster.intervalMin * 60, agents: g.roster.agents.map((n) => scaledAgents(n, g.staffingScale)) } : null,
    shifts: g.roster
      ? []
      : g.shifts
      ? g.shifts.map((sh) => {
          const [startSec, endSec] = clockSpan(sh.start, sh.end);
          return {
            weekdays: sh.days.map((d) => WEEKDAYS.indexOf(d)),
            startSec,
            endSec,
            agents: scaledAgents(sh.agents, g.staffingScale),
            breaks: sh.breaks.map((b) => {
              let from = hhmmSec(b.start);
              if (from < startSec) from += SECONDS_PER_DAY;
              return { startSec: from, durationSec: b.minutes * 60, staggerSec: b.staggerMin * 60 };
            }),
          };
        })
      : [{ weekdays: ALL_DAYS, startSec: 0, endSec: SECONDS_PER_DAY, agents: scaledAgents(g.agents!, g.staffingScale), breaks: [] }],
  }));
  const reasons: ReasonConfig[] = reasonsOf(s).map((r) => ({
    name: r.name,
    share: reasonShare(s, r),
    handleTime: dist(r.handleTime ?? s.handleTime!),
    resolveProb: r.resolveProb,
    severity: r.severity,
    groups: r.groups ? r.groups.map((n) => index.get(n)!) : groupList.map((_, i) => i),
    repeatDelay: dist(r.repeatDelay),
    maxRepeats: r.maxRepeats,
  }));
  const ch = s.channels;
  const sl = s.serviceLevel;
  const level = (own: { thresholdSec?: number | undefined; target?: number | undefined } | undefined) => ({
    slThresholdSec: own?.thresholdSec ?? sl.thresholdSec,
    slTarget: own?.target ?? sl.target,
  });
  const voice: ChannelConfig = { kind: 'voice', share: 1, concurrency: 1, handleStretch: 1, ...level(ch?.voice?.serviceLevel) };
  const listed: [ChannelConfig, Hours | undefined][] = !ch
    ? [[voice, undefined]]
    : [
        ...(ch.voice ? [[{ ...voice, share: ch.voice.share }, ch.voice.hours] as [ChannelConfig, Hours | undefined]] : []),
        ...(ch.chat
          ? [[{ kind: 'chat' as const, share: ch.chat.share, concurrency: ch.chat.concurrency, handleStretch: ch.chat.handleStretch, ...level(ch.chat.serviceLevel) }, ch.chat.hours] as [ChannelConfig, Hours | undefined]]
          : []),
        ...(ch.email
          ? [[{ kind: 'email' as const, share: ch.email.share, concurrency: 1, handleStretch: 1, slThresholdSec: ch.email.responseTargetHours * SECONDS_PER_HOUR, slTarget: sl.target }, undefined] as [ChannelConfig, Hours | undefined]]
          : []),
      ].filter(([c]) => c.share > 0);
  const channels = listed.map(([c]) => c);
  const a = s.arrivals;
  const perDay = (24 * 60) / a.intervalMin;
  const cal = calendarOf(s);
  const intraday = WEEKDAYS.map((d) => meanOne(a.intradayByWeekday?.[d] ?? a.intraday, perDay));
  return {
    horizonSec: durationSec(s.horizon),
    warmupSec: s.warmup ? durationSec(s.warmup) : 0,
    slThresholdSec: s.serviceLevel.thresholdSec,
    slTarget: s.serviceLevel.target,
    demand: {
      // With customers the base sets the level: the profile is a unit shape it multiplies.
      baseRatePerSec: s.customers ? 1 : a.ratePerHour! / SECONDS_PER_HOUR,
      intervalSec: a.intervalMin * 60,
      intraday,
      weekly: meanOne(a.weekly, 7),
      monthly: meanOne(a.monthly, 12),
      trendPerYear: a.trendPerYear,
      dayFactorCv: a.dayFactorCv,
      startWeekday: cal.startWeekday,
      startMonth: cal.startMonth,
    },
    reasons,
    channels,
    patience: s.patience ? dist(s.patience) : null,
    groups,
    hours: {
      weekly: s.hours ? openPeriods(s.hours) : null,
      byChannel: listed.map(([, h]) => (h ? openPeriods(h) : null)),
      holidays: cal.holidays,
    },
    closed: { action: s.closed.action, retryProb: s.closed.retryProb, delay: dist(s.closed.delay) },
    discipline: s.queue.discipline,
    policy: { ...s.policy },
    retrial: s.retrial ? { prob: s.retrial.prob, delay: dist(s.retrial.delay), maxRetrials: s.retrial.maxRetrials } : null,
    callback: s.callback ? { ...s.callback } : null,
    economics: { ...s.economics },
    customers: customersConfig(s),
  };
}

/** The customer lifecycle in seconds, with the satisfaction formula compiled (null without customers). */
function customersConfig(s: Scenario): CustomersConfig | null {
  const c = s.customers;
  if (!c) return null;
  const sat = s.satisfaction ?? SatisfactionSchema.parse({});
  const compiled = compileFormula(sat.formula);
  if ('error' in compiled) throw new Error(compiled.error); // validation reported it before
  return {
    initial: c.initial,
    monthlyFeePerMonth: c.monthlyFee,
    issueRatePerSec: totalIssuesPerMonth(c.issuesPerMonth) / SECONDS_PER_MONTH,
    onboardingSec: c.onboarding.weeks * SECONDS_PER_WEEK,
    onboardingMultiplier: c.onboarding.multiplier,
    baseChurnPerMonth: c.baseChurnPerMonth,
    acquisitionPerMonth: c.acquisition.perMonth,
    costPerCustomer: c.acquisition.costPerCustomer,
    satisfaction: {
      formula: sat.formula,
      scoreJs: compiled.js,
      thresholds: [...sat.thresholds],
      noiseSd: sat.noiseSd,
      churnMultipliers: [...sat.churnMultipliers],
      memorySec: sat.memoryMonths * SECONDS_PER_MONTH,
    },
    returns: c.returns ? { windowSec: c.returns.windowDays * SECONDS_PER_DAY, prob: c.returns.prob, refund: c.returns.refund, handlingCost: c.returns.handlingCost } : null,
    telemetry: c.telemetry ? { detectProb: c.telemetry.detectProb, outreach: c.telemetry.outreach, resolveProb: c.telemetry.resolveProb, handleTime: c.telemetry.handleTime ? dist(c.telemetry.handleTime) : null } : null,
    upsell: c.upsell ? { ...c.upsell } : null,
    wordOfMouth: c.wordOfMouth ? { ...c.wordOfMouth } : null,
  };
}

/** Issues per customer-month: the number, or the sum of the rates per reason. */
export function totalIssuesPerMonth(issues: number | Record<string, number>): number {
  return typeof issues === 'number' ? issues : Object.values(issues).reduce((a, b) => a + b, 0);
}
