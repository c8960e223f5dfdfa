import { hhmmSec } from '../engine/civil-time.js';
import { idSlots, SECONDS_PER_DAY, SECONDS_PER_HOUR, SECONDS_PER_MONTH } from '../model/config.js';
import { compileFormula } from './formula.js';
import { LIMITS } from './limits.js';
import * as msg from './messages.js';
import { durationSec, groupsOf, reasonsOf, scaledAgents, totalIssuesPerMonth } from './normalize.js';
import type { Scenario } from './schema.js';

type Path = readonly PropertyKey[];

/**
 * Checks that involve more than one field and cannot live in the schema: warm-up vs horizon,
 * references between reasons and groups, shares, profile lengths, and the size of the run.
 * Returns (path, message) pairs; an empty list means the scenario is consistent.
 */
export function crossFieldProblems(s: Scenario): [Path, string][] {
  const out: [Path, string][] = [];
  const horizonSec = durationSec(s.horizon);
  const warmupSec = s.warmup ? durationSec(s.warmup) : 0;
  if (warmupSec >= horizonSec) out.push([['warmup'], msg.warmupNotBeforeHorizon(warmupSec, horizonSec)]);
  const cal = s.calendar;
  if (cal.startDate !== undefined && (cal.startWeekday !== undefined || cal.startMonth !== undefined)) out.push([['calendar', 'startDate'], msg.startDateWithWeekday()]);
  if (cal.holidays !== undefined && cal.startDate === undefined) out.push([['calendar', 'holidays'], msg.holidaysNeedDate()]);
  const periods = (hours: NonNullable<Scenario['hours']> | undefined, path: Path) =>
    hours?.forEach((h, i) => {
      // "00:00"–"24:00" is a whole day; any other start and end at the same time of day is empty.
      const whole = hhmmSec(h.start) === 0 && hhmmSec(h.end) === SECONDS_PER_DAY;
      if (!whole && hhmmSec(h.start) % SECONDS_PER_DAY === hhmmSec(h.end) % SECONDS_PER_DAY) out.push([[...path, i], msg.emptyPeriod('an opening period\'s')]);
    });
  periods(s.hours, ['hours']);
  periods(s.channels?.voice?.hours, ['channels', 'voice', 'hours']);
  periods(s.channels?.chat?.hours, ['channels', 'chat', 'hours']);
  const growth = Math.max(1, (1 + s.arrivals.trendPerYear) ** (horizonSec / (360 * SECONDS_PER_DAY)));
  if ((s.arrivals.ratePerHour === undefined) === (s.customers === undefined)) out.push([['arrivals', 'ratePerHour'], msg.rateOrCustomers()]);
  if (s.satisfaction && !s.customers) out.push([['satisfaction'], msg.satisfactionWithoutCustomers()]);
  const c = s.customers;
  if (c) {
    const months = Math.ceil(horizonSec / SECONDS_PER_MONTH);
    const issuesPerMonth = totalIssuesPerMonth(c.issuesPerMonth);
    // Ids the layout reserves: the initial customers, every paid acquisition and a generous
    // reserve for word of mouth (model/customers.ts) — what the run allocates up front.
    const customers = idSlots({
      initial: c.initial,
      perMonth: c.acquisition.perMonth,
      months,
      issuesPerMonth,
      onboardingMultiplier: c.onboarding.multiplier,
      referralsPerSatisfiedContact: c.wordOfMouth ? c.wordOfMouth.tellsSatisfied * c.wordOfMouth.convertProb : 0,
    });
    if (customers > LIMITS.customers) out.push([['customers'], msg.tooManyCustomers(customers, LIMITS.customers)]);
    // Contacts: every customer ever active raising issues all the time, onboarding boost included.
    const contacts = (c.initial + c.acquisition.perMonth * months) * issuesPerMonth * Math.max(1, c.onboarding.multiplier) * (horizonSec / SECONDS_PER_MONTH) * growth;
    if (contacts > LIMITS.contactsPerReplication) out.push([['customers', 'issuesPerMonth'], msg.tooManyContacts(contacts, LIMITS.contactsPerReplication)]);
    const formula = s.satisfaction?.formula;
    if (formula !== undefined) {
      const compiled = compileFormula(formula);
      if ('error' in compiled) out.push([['satisfaction', 'formula'], compiled.error]);
    }
  }
  const expected = ((s.arrivals.ratePerHour ?? 0) * growth * horizonSec) / SECONDS_PER_HOUR;
  if (expected > LIMITS.contactsPerReplication) out.push([['arrivals', 'ratePerHour'], msg.tooManyContacts(expected, LIMITS.contactsPerReplication)]);

  if (s.staffing && s.groups) out.push([['groups'], msg.staffingOrGroups()]);
  if (!s.staffing && !s.groups) out.push([[], msg.noStaffing()]);
  if (!s.staffing && !s.groups) return out;

  const groups = groupsOf(s);
  const names = groups.map((g) => g.name);
  groups.forEach((g, i) => {
    if (names.indexOf(g.name) !== i) out.push([['groups', i, 'name'], msg.duplicateName('group', g.name)]);
    if ([g.agents, g.shifts, g.roster].filter((x) => x !== undefined).length !== 1) out.push([['groups', i], msg.agentsOrShifts()]);
    const most = [...(g.shifts ?? []).map((sh) => sh.agents), ...(g.roster?.agents ?? [])].reduce((m, n) => Math.max(m, n), g.agents ?? 0);
    if (scaledAgents(most, g.staffingScale) > LIMITS.agents) out.push([['groups', i, 'staffingScale'], msg.scaledTooMany(most, g.staffingScale, scaledAgents(most, g.staffingScale), LIMITS.agents)]);
    if (g.roster) {
      const perDay = (24 * 60) / g.roster.intervalMin;
      const horizonIntervals = Math.ceil(horizonSec / (g.roster.intervalMin * 60));
      const n = g.roster.agents.length;
      if (n !== perDay && n !== 7 * perDay && n !== horizonIntervals) out.push([['groups', i, 'roster', 'agents'], msg.rosterLength(n, perDay, horizonIntervals)]);
      if (g.shrinkage > 0) out.push([['groups', i, 'shrinkage'], msg.rosterShrinkage()]);
    }
    g.shifts?.forEach((sh, j) => {
      const start = hhmmSec(sh.start);
      // An end at or before the start is the next day's; at the start itself it would silently be 24 hours.
      if (hhmmSec(sh.end) === start || (start === SECONDS_PER_DAY && hhmmSec(sh.end) === 0)) out.push([['groups', i, 'shifts', j, 'end'], msg.emptyShift(sh.start, sh.end)]);
      const end = hhmmSec(sh.end) <= start ? hhmmSec(sh.end) + SECONDS_PER_DAY : hhmmSec(sh.end);
      sh.breaks.forEach((b, k) => {
        const from = hhmmSec(b.start) < start ? hhmmSec(b.start) + SECONDS_PER_DAY : hhmmSec(b.start);
        if (from + b.minutes * 60 > end) out.push([['groups', i, 'shifts', j, 'breaks', k], msg.breakOutsideShift()]);
      });
    });
    if (g.escalateTo !== undefined) {
      if (g.escalateTo === g.name) out.push([['groups', i, 'escalateTo'], msg.escalationToSelf(g.name)]);
      else if (!names.includes(g.escalateTo)) out.push([['groups', i, 'escalateTo'], msg.unknownGroup(g.escalateTo, names)]);
    }
  });
  for (const g of groups) {
    const seen = [g.name];
    let next = g.escalateTo;
    while (next !== undefined && next !== g.name && names.includes(next) && !seen.includes(next)) {
      seen.push(next);
      next = groups.find((x) => x.name === next)!.escalateTo;
    }
    if (next !== undefined && seen.includes(next) && next !== seen[seen.length - 1]) {
      out.push([['groups', names.indexOf(g.name), 'escalateTo'], msg.escalationCycle([...seen, next])]);
      break;
    }
  }

  const reasons = reasonsOf(s);
  const byReason = c && typeof c.issuesPerMonth !== 'number' ? c.issuesPerMonth : null;
  if (byReason !== null) {
    const known = reasons.map((r) => r.name);
    for (const key of Object.keys(byReason)) if (!known.includes(key)) out.push([['customers', 'issuesPerMonth', key], msg.unknownReason(key, known)]);
    reasons.forEach((r, i) => {
      if (!(r.name in byReason)) out.push([['customers', 'issuesPerMonth'], msg.reasonRateMissing(r.name)]);
      if (r.share !== undefined) out.push([['reasons', i, 'share'], msg.shareWithReasonRates(r.name)]);
    });
    if (totalIssuesPerMonth(byReason) <= 0) out.push([['customers', 'issuesPerMonth'], msg.noIssues()]);
  } else if (reasons.length > 1) {
    reasons.forEach((r, i) => {
      if (r.share === undefined) out.push([['reasons', i], msg.reasonShareMissing(r.name)]);
    });
    const shareSum = reasons.reduce((x, r) => x + (r.share ?? 0), 0);
    if (reasons.every((r) => r.share !== undefined) && Math.abs(shareSum - 1) > 1e-6) out.push([['reasons'], msg.sharesNotOne('reason', shareSum)]);
  } else if (s.reasons && reasons[0]!.share !== undefined && Math.abs(reasons[0]!.share - 1) > 1e-6) out.push([['reasons'], msg.sharesNotOne('reason', reasons[0]!.share)]);
  reasons.forEach((r, i) => {
    if (reasons.findIndex((q) => q.name === r.name) !== i) out.push([['reasons', i, 'name'], msg.duplicateName('reason', r.name)]);
    if (!r.handleTime && !s.handleTime) out.push([s.reasons ? ['reasons', i, 'handleTime'] : ['handleTime'], msg.noHandleTime(r.name)]);
    r.groups?.forEach((g, j) => {
      if (!names.includes(g)) out.push([['reasons', i, 'groups', j], msg.unknownGroup(g, names)]);
    });
  });

  if (s.channels) {
    const shares = [s.channels.voice?.share, s.channels.chat?.share, s.channels.email?.share].filter((v) => v !== undefined);
    const sum = shares.reduce((x, v) => x + v, 0);
    if (!shares.some((v) => v > 0)) out.push([['channels'], msg.noChannel()]);
    else if (Math.abs(sum - 1) > 1e-6) out.push([['channels'], msg.sharesNotOne('channel', sum)]);
  }

  for (const [day, shape] of Object.entries(s.arrivals.intradayByWeekday ?? {})) {
    const expectedLength = (24 * 60) / s.arrivals.intervalMin;
    if (shape.length !== expectedLength) out.push([['arrivals', 'intradayByWeekday', day], msg.intradayByWeekdayLength(day, shape.length, expectedLength, s.arrivals.intervalMin)]);
    else if (!shape.some((v) => v > 0)) out.push([['arrivals', 'intradayByWeekday', day], msg.intradayAllZero()]);
  }
  const intraday = s.arrivals.intraday;
  if (intraday) {
    const expectedLength = (24 * 60) / s.arrivals.intervalMin;
    if (intraday.length !== expectedLength) out.push([['arrivals', 'intraday'], msg.intradayLength(intraday.length, expectedLength, s.arrivals.intervalMin)]);
    else if (!intraday.some((v) => v > 0)) out.push([['arrivals', 'intraday'], msg.intradayAllZero()]);
  }

  // A queue without patience under a load at or above the agents grows without bound.
  if (!s.patience && s.staffing && !s.reasons && s.handleTime && !s.retrial) {
    const excessPerSec = (s.arrivals.ratePerHour ?? 0) / SECONDS_PER_HOUR - s.staffing.agents / s.handleTime.meanSec;
    const queued = excessPerSec * horizonSec;
    if (excessPerSec >= 0 && queued > LIMITS.queuedContacts) out.push([['staffing', 'agents'], msg.unboundedQueue(queued, LIMITS.queuedContacts)]);
  }
  return out;
}
