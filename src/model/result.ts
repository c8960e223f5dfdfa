import { SECONDS_PER_MONTH, SECONDS_PER_YEAR, type ModelConfig } from './config.js';
import type { Conservation } from './contact-center.js';
import type { CustomerResult, Lifecycle } from './customers.js';
import { supportEconomics, wageCost, type Economics } from './economics.js';
import { F, type Kpis, type Observer } from './observer.js';
import { LEVEL_NAMES, type Satisfaction } from './satisfaction.js';
import { integrateSteps, type StaffingPlan } from './staffing.js';

/** Per-channel figures of one replication. */
export interface ChannelResult {
  offered: number;
  answered: number;
  abandoned: number;
  abandonRate: number;
  asaSec: number;
  serviceLevel: number;
  ahtSec: number;
  /** Email: share of offered answered within the response target (1 for other channels' ∞). */
  withinTarget: number;
}

export interface ReasonResult {
  offered: number;
  answered: number;
  abandonRate: number;
  /** Mean wait of the reason's answered contacts: the effect of a priority discipline per class. */
  asaSec: number;
  /** New issues (first contacts). */
  issues: number;
  fcr: number;
  /** Issues that ended unresolved (repeat limit, or abandoned without retrying). */
  unresolved: number;
  /** Services started per group (transfers included), by group name. */
  servedBy: Record<string, number>;
}

export interface GroupResult {
  /** Busy / logged in. */
  occupancy: number;
  /** Scheduled, paid hours (absent agents and breaks included). */
  paidHours: number;
  /** Scheduled and available (not absent, not on a break). */
  availableHours: number;
  /** Logged in: available, plus overruns finishing a contact after a shift or break began. */
  loggedInHours: number;
  busyHours: number;
  /** Logged in, not busy. */
  idleHours: number;
  /** Paid but not available: absence, training, breaks. */
  unavailableHours: number;
  /** Unpaid overrun: logged in beyond the schedule to finish contacts. */
  overrunHours: number;
  cost: number;
}

/** Per-interval sums (by contact arrival) and per-group agent-seconds, for series outputs. */
export interface SeriesResult {
  intervalSec: number;
  offered: number[];
  answered: number[];
  abandoned: number[];
  answeredWaitSumSec: number[];
  withinThreshold: number[];
  handleSumSec: number[];
  repeats: number[];
  issuesHandled: number[];
  issuesResolvedFirst: number[];
  /** Agent-seconds per interval, summed over groups: logged in (staffed), busy, paid. */
  availableAgentSec: number[];
  busyAgentSec: number[];
  paidAgentSec: number[];
  /** The same agent-seconds per interval for each group, by group name. */
  groups: Record<string, GroupSeries>;
}

/** One group's agent-seconds per interval. */
export interface GroupSeries {
  paidAgentSec: number[];
  /** Scheduled and available (not absent, not on a break). */
  availableAgentSec: number[];
  /** Available plus overrun. */
  loggedInAgentSec: number[];
  busyAgentSec: number[];
}

/** Everything one replication reports: plain numbers and arrays, so it crosses worker threads as is. */
export interface ReplicationResult {
  replication: number;
  kpis: Kpis;
  economics: Economics;
  channels: Record<string, ChannelResult>;
  reasons: Record<string, ReasonResult>;
  groups: Record<string, GroupResult>;
  series: SeriesResult;
  conservation: Conservation;
  /** Events processed, and the most contacts in flight at once (memory high-water mark). */
  events: number;
  contactSlots: number;
  /** Support cost of each 30-day month of the horizon, inside the measured window. */
  supportCostByMonth: number[];
  /** The customer lifecycle's figures; absent when it is off. */
  customers?: CustomerResult;
}

const ratio = (num: number, den: number, empty: number) => (den > 0 ? num / den : empty);

export function replicationResult(
  config: ModelConfig,
  replication: number,
  obs: Observer,
  staffing: StaffingPlan,
  conservation: Conservation,
  events: number,
  contactSlots: number,
): ReplicationResult {
  const { warmupSec, horizonSec } = config;
  const intervalSec = config.demand.intervalSec;
  const n = obs.buckets;
  const available = new Float64Array(n);
  const paid = new Float64Array(n);
  const cost = new Float64Array(n);
  const groups: Record<string, GroupResult> = {};
  const busy = new Float64Array(n);
  const groupSeries: Record<string, GroupSeries> = {};
  let loggedInTotal = 0;
  config.groups.forEach((g, i) => {
    const paidByInterval = new Float64Array(n);
    const paidSec = integrateSteps(staffing.paid, i, warmupSec, horizonSec, intervalSec, paidByInterval);
    // Logged in = scheduled available + overrun (agents finishing contacts past their schedule).
    const availableByInterval = new Float64Array(n);
    const availableSec = integrateSteps(staffing.available, i, warmupSec, horizonSec, intervalSec, availableByInterval);
    const loggedSec = availableSec + obs.overrun[i]!.close(horizonSec);
    loggedInTotal += loggedSec;
    const overrun = obs.overrun[i]!.buckets;
    const busyByInterval = obs.busyByInterval[i]!;
    const busySec = obs.busyWindowSec[i]!;
    const loggedByInterval = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      loggedByInterval[k] = availableByInterval[k]! + overrun[k]!;
      available[k]! += loggedByInterval[k]!;
      busy[k]! += busyByInterval[k]!;
      paid[k]! += paidByInterval[k]!;
      cost[k]! += wageCost(paidByInterval[k]!, g.wagePerHour);
    }
    groupSeries[g.name] = {
      paidAgentSec: Array.from(paidByInterval),
      availableAgentSec: Array.from(availableByInterval),
      loggedInAgentSec: Array.from(loggedByInterval),
      busyAgentSec: Array.from(busyByInterval),
    };
    groups[g.name] = {
      occupancy: ratio(busySec, loggedSec, 0),
      paidHours: paidSec / 3600,
      availableHours: availableSec / 3600,
      loggedInHours: loggedSec / 3600,
      busyHours: busySec / 3600,
      idleHours: (loggedSec - busySec) / 3600,
      unavailableHours: (paidSec - availableSec) / 3600,
      overrunHours: (loggedSec - availableSec) / 3600,
      cost: wageCost(paidSec, g.wagePerHour),
    };
  });
  const answeredByInterval = obs.column(F.answered);
  const handleByInterval = obs.column(F.handleSec);
  for (let k = 0; k < n; k++) cost[k]! += (handleByInterval[k]! / 60) * config.economics.costPerMinute + answeredByInterval[k]! * config.economics.costPerContact;
  const channels: Record<string, ChannelResult> = {};
  config.channels.forEach((ch, i) => {
    const x = (f: number) => obs.sum(f, i, -1);
    channels[ch.kind] = {
      offered: x(F.offered),
      answered: x(F.answered),
      abandoned: x(F.abandoned),
      abandonRate: ratio(x(F.abandoned), x(F.offered), 0),
      asaSec: ratio(x(F.answeredWaitSec), x(F.answered), 0),
      serviceLevel: ratio(x(F.withinThreshold), x(F.offered), 1),
      ahtSec: ratio(x(F.handleSec), x(F.answered), 0),
      withinTarget: ratio(x(F.withinTarget), x(F.offered), 1),
    };
  });
  const reasons: Record<string, ReasonResult> = {};
  config.reasons.forEach((r, i) => {
    const x = (f: number) => obs.sum(f, -1, i);
    const servedBy: Record<string, number> = {};
    config.groups.forEach((g, j) => (servedBy[g.name] = obs.servedBy[i * config.groups.length + j]!));
    reasons[r.name] = {
      offered: x(F.offered),
      answered: x(F.answered),
      abandonRate: ratio(x(F.abandoned), x(F.offered), 0),
      asaSec: ratio(x(F.answeredWaitSec), x(F.answered), 0),
      issues: x(F.newIssues),
      fcr: ratio(x(F.issuesResolvedFirst), x(F.issuesHandled), 1),
      unresolved: x(F.issuesUnresolved),
      servedBy,
    };
  });
  const arr = (a: Float64Array) => Array.from(a);
  const supportCostByMonth = new Array<number>(Math.ceil(horizonSec / SECONDS_PER_MONTH)).fill(0);
  return {
    replication,
    kpis: obs.kpis(loggedInTotal),
    economics: supportEconomics(cost, intervalSec, warmupSec, horizonSec, config.economics, supportCostByMonth),
    supportCostByMonth,
    channels,
    reasons,
    groups,
    series: {
      intervalSec,
      offered: obs.column(F.offered),
      answered: answeredByInterval,
      abandoned: obs.column(F.abandoned),
      answeredWaitSumSec: obs.column(F.answeredWaitSec),
      withinThreshold: obs.column(F.withinThreshold),
      handleSumSec: handleByInterval,
      repeats: obs.column(F.repeats),
      issuesHandled: obs.column(F.issuesHandled),
      issuesResolvedFirst: obs.column(F.issuesResolvedFirst),
      availableAgentSec: arr(available),
      busyAgentSec: arr(busy),
      paidAgentSec: arr(paid),
      groups: groupSeries,
    },
    conservation,
    events,
    contactSlots,
  };
}

/**
 * Customer lifetime value, undiscounted: margin (fee and upsell revenue, before support cost) per
 * customer-month × expected lifetime, where the
 * lifetime is 1 / the observed monthly leaving rate (churned and returned per customer-month) — a
 * $100 a month customer who stays 36 months on average is worth $3,600. The customer-months
 * cancel: CLV = margin / customers who left. With nobody leaving the rate's usual continuity
 * correction (½ a leaver) keeps it finite; 0 without activity.
 */
export function customerLifetimeValue(margin: number, customerMonths: number, left: number): number {
  return customerMonths > 0 ? margin / Math.max(left, 0.5) : 0;
}

/**
 * Customer equity: what the base left at the horizon is worth, in present value at the window's
 * start — the part of a policy's profit that a finite horizon cuts off (customers lost in the
 * last months would have paid for years). Each active customer pays the window's margin per
 * customer-month m (fee and upsell revenue) at the start of each month while they stay; they stay
 * a month with the window's observed retention q = 1 − churned / customers at risk at the
 * window's month ends (returns are left out: they happen only in the first weeks after purchase,
 * which the base at the horizon is mostly past; at least ½ a leaver, as for the CLV, so q < 1;
 * with no month end in the window, the base churn rate); months are discounted by
 * δ = (1 + annual rate)^(−1/12). Per customer Σₖ m (qδ)ᵏ = m / (1 − qδ), then
 * discounted from the horizon to the window's start. Support cost after the horizon is not
 * deducted (it depends on staffing decisions not yet made); the README says so.
 */
function customerEquity(lifecycle: Lifecycle, config: ModelConfig): number {
  const months = lifecycle.customerMonths;
  if (months <= 0) return 0;
  const money = lifecycle.money;
  const margin = (money.revenue + money.upsellRevenue) / months;
  const atRisk = lifecycle.atRisk;
  const churn = atRisk > 0 ? Math.max(lifecycle.churned, 0.5) / atRisk : config.customers!.baseChurnPerMonth;
  const q = Math.max(0, 1 - churn);
  const rate = config.economics.discountRatePerYear;
  const delta = (1 + rate) ** (-1 / 12);
  const perCustomer = margin / (1 - q * delta);
  const years = (config.horizonSec - config.warmupSec) / SECONDS_PER_YEAR;
  return lifecycle.base.activeCount * perCustomer * (1 + rate) ** -years;
}

/**
 * Adds the customer lifecycle to a replication's result: the `customers` figures, kpis.csat (mean level, CONTRACT), and economics
 * with revenue (of which referral revenue), upsell and acquisition: profit = revenue + upsellRevenue − supportCost − acquisitionCost − returnsCost,
 * and the NPV of all these cash flows (economics.ts, model/customers.ts).
 */
export function withCustomers(result: ReplicationResult, lifecycle: Lifecycle, satisfaction: Satisfaction, config: ModelConfig): ReplicationResult {
  const levels = Object.fromEntries(LEVEL_NAMES.map((name, i) => [name, satisfaction.counts[i]!])) as CustomerResult['satisfaction'];
  const customers = lifecycle.result(levels, result.supportCostByMonth);
  const { revenue, referralRevenue, upsellRevenue, acquisitionCost, returnsCost, npv } = lifecycle.money;
  const { supportCost } = result.economics;
  const profit = revenue + upsellRevenue - supportCost - acquisitionCost - returnsCost;
  const economics: Economics = {
    supportCost,
    revenue,
    referralRevenue,
    upsellRevenue,
    acquisitionCost,
    returnsCost,
    profit,
    npv: result.economics.npv + npv,
    clv: customerLifetimeValue(revenue + upsellRevenue, lifecycle.customerMonths, customers.churned + customers.returned),
    customerEquity: 0,
    longTermValue: 0,
  };
  economics.customerEquity = customerEquity(lifecycle, config);
  economics.longTermValue = economics.npv + economics.customerEquity;
  return { ...result, kpis: { ...result.kpis, csat: satisfaction.csat }, economics, customers };
}
