import { CATALOGUE, figureNumerator, figureValue, KPI_KEYS, type FigureDef, type Kpis } from './catalogue.js';
import { SECONDS_PER_HOUR, SECONDS_PER_YEAR, type ChannelConfig, type ModelConfig } from './config.js';
import type { CustomerSide } from './customer-side.js';
import { CUSTOMER_FLOWS } from './customer-tally.js';
import type { CustomerResult } from './customers.js';
import { F, LEVEL_FACTS, NF, sumRows } from './facts.js';
import type { Ledger } from './ledger.js';
import type { Observer } from './observer.js';
import { LEVEL_NAMES } from './satisfaction.js';
import { integrateSteps, type StaffingPlan } from './staffing.js';

/** Figures by key; null where a ratio has nothing under it. */
export type Figures = Record<string, number | null>;

/** Counts that must balance at the horizon and at the end (conservation of contacts). */
export interface Conservation {
  /** Contacts offered before the horizon (warm-up included; repeats and retrials included). */
  offered: number;
  /**
   * Of those, by the horizon: handled to the end, abandoned (in the first queue, or after a
   * transfer), waiting, in service, or promised a callback in the next open period.
   */
  completedByHorizon: number;
  abandonedByHorizon: number;
  abandonedAfterTransferByHorizon: number;
  waitingAtHorizon: number;
  inServiceAtHorizon: number;
  promisedAtHorizon: number;
  /** At the end of the run: answered, abandoned in the first queue, and still waiting (beyond the drain); they add up to `offered`. */
  answeredTotal: number;
  abandonedTotal: number;
  leftAtEnd: number;
  /** Voice and chat attempts while closed (not offered): those that will come back (retry or message), and those lost. */
  closedAttempts: number;
  closedScheduled: number;
  closedLost: number;
}

/** A reason's figures (REASON_FIGURES), and where it was served. */
export interface ReasonResult {
  [figure: string]: number | null | Record<string, number>;
  /** Services started per group (transfers included), by group name. */
  servedBy: Record<string, number>;
}

export interface GroupResult {
  /** Busy / logged in (null when nobody was logged in). */
  occupancy: number | null;
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

/** One group's agent-seconds per interval (the window's part of each). */
export interface GroupSeries {
  paidAgentSec: Float64Array;
  /** Scheduled and available (not absent, not on a break). */
  availableAgentSec: Float64Array;
  /** Available plus overrun. */
  loggedInAgentSec: Float64Array;
  busyAgentSec: Float64Array;
}

/** The facts of every interval (model/facts.ts), the source of every series and breakdown. */
export interface FactTable {
  intervalSec: number;
  /** Interval k's facts at [k·NF, (k+1)·NF); time facts hold the window's part of the interval. */
  rows: Float64Array;
  /** Per group, agent-seconds per interval. */
  groups: Record<string, GroupSeries>;
}

/** Everything one replication reports: plain numbers and typed arrays, so it crosses worker threads as is. */
export interface ReplicationResult {
  replication: number;
  kpis: Kpis;
  economics: Economics;
  channels: Record<string, Figures>;
  reasons: Record<string, ReasonResult>;
  groups: Record<string, GroupResult>;
  facts: FactTable;
  conservation: Conservation;
  /** Events processed, and the most contacts in flight at once (memory high-water mark). */
  events: number;
  contactSlots: number;
  /** Money of each 30-day month of the horizon, inside the measured window (the ledger's months). */
  months: MonthMoney[];
  /** The customer lifecycle's figures; absent when it is off. */
  customers?: CustomerResult;
}

/** The money of the measured window, from the ledger (model/catalogue.ts defines each figure). */
export interface Economics {
  supportCost: number;
  /** Costs that are not wages (economics.waitingCostPerMinute, abandonCost, serviceLevelPenalty). */
  waitingCost: number;
  abandonCost: number;
  serviceLevelPenalty: number;
  /** What the center costs: support cost and the costs that are not wages. */
  cost: number;
  revenue: number;
  profit: number;
  npv: number;
  /** With the customer lifecycle only. */
  referralRevenue?: number;
  upsellRevenue?: number;
  acquisitionCost?: number;
  returnsCost?: number;
  clv?: number;
  customerEquity?: number;
  longTermValue?: number;
}

/** A month's money (the window's part of it), from the ledger. */
export interface MonthMoney {
  waitingCost: number;
  abandonCost: number;
  serviceLevelPenalty: number;
  cost: number;
  revenue: number;
  referralRevenue: number;
  upsellRevenue: number;
  supportCost: number;
  acquisitionCost: number;
  returnsCost: number;
  profit: number;
}

/** What the model hands over after a run. */
export interface Simulated {
  observer: Observer;
  ledger: Ledger;
  staffing: StaffingPlan;
  contacts: { highWater: number };
  customers: CustomerSide | null;
  conservation(): Conservation;
}

/** The headline KPIs that apply to the scenario (email's only with email, csat only with customers). */
export function kpiKeys(config: Pick<ModelConfig, 'channels' | 'customers'>): string[] {
  const email = config.channels.some((c) => c.kind === 'email');
  return KPI_KEYS.filter((k) => {
    const when = (CATALOGUE[k] as FigureDef).when;
    return when === undefined || (when === 'email' ? email : config.customers !== null);
  });
}

/** The figures of the channel breakdown that apply to a channel. */
const CHANNEL_FIGURES = ['offered', 'answered', 'abandoned', 'abandonRate', 'asaSec', 'serviceLevel', 'ahtSec', 'callbackWaitSec', 'emailResponseSec', 'emailWithinTarget'] as const;
/** The figures of the channel breakdown that apply to a channel of this kind. */
export function channelFigures(channel: Pick<ChannelConfig, 'kind'>): string[] {
  const scope = channel.kind === 'email' ? 'email' : 'realtime';
  return CHANNEL_FIGURES.filter((k) => {
    const applies = (CATALOGUE[k] as FigureDef).channels;
    return applies === undefined || applies === scope;
  });
}

/** The figures of the reason breakdown: the voice of the customer. */
const REASON_FIGURES = ['offered', 'answered', 'abandonRate', 'asaSec', 'issues', 'fcr', 'fcrAnyStage', 'issuesUnresolved'] as const;

const figuresOf = (keys: readonly string[], row: ArrayLike<number>): Figures => Object.fromEntries(keys.map((k) => [k, figureValue(k, row)]));

/**
 * A replication's result from the finished model: the time facts (agents, queue, window span)
 * put into the interval rows, the support costs posted to the ledger, and every figure read from
 * the facts through the catalogue — the totals are the sum of the interval rows.
 */
export function replicationResult(config: ModelConfig, replication: number, model: Simulated, events: number): ReplicationResult {
  const { warmupSec, horizonSec } = config;
  // The lifecycle's last fees go to the ledger before anything reads it.
  model.customers?.lifecycle.close();
  const obs = model.observer;
  const ledger = model.ledger;
  const intervalSec = config.demand.intervalSec;
  const n = obs.buckets;
  const rows = obs.byInterval;
  const groups: Record<string, GroupResult> = {};
  const groupSeries: Record<string, GroupSeries> = {};
  config.groups.forEach((g, i) => {
    const paid = new Float64Array(n);
    const paidSec = integrateSteps(model.staffing.paid, i, warmupSec, horizonSec, intervalSec, paid);
    const available = new Float64Array(n);
    const availableSec = integrateSteps(model.staffing.available, i, warmupSec, horizonSec, intervalSec, available);
    const overrun = obs.overrun[i]!;
    const loggedSec = availableSec + overrun.close(horizonSec);
    const busy = obs.busyByInterval[i]!;
    const busySec = obs.busyWindowSec[i]!;
    const loggedIn = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      loggedIn[k] = available[k]! + overrun.buckets[k]!;
      rows[k * NF + F.loggedInAgentSec]! += loggedIn[k]!;
      rows[k * NF + F.busyAgentSec]! += busy[k]!;
      rows[k * NF + F.paidAgentSec]! += paid[k]!;
      const from = Math.max(k * intervalSec, warmupSec);
      const to = Math.min((k + 1) * intervalSec, horizonSec);
      if (to > from) ledger.accrue('wages', from, to, (paid[k]! * g.wagePerHour) / SECONDS_PER_HOUR);
    }
    groupSeries[g.name] = { paidAgentSec: paid, availableAgentSec: available, loggedInAgentSec: loggedIn, busyAgentSec: busy };
    groups[g.name] = {
      occupancy: loggedSec > 0 ? busySec / loggedSec : null,
      paidHours: paidSec / SECONDS_PER_HOUR,
      availableHours: availableSec / SECONDS_PER_HOUR,
      loggedInHours: loggedSec / SECONDS_PER_HOUR,
      busyHours: busySec / SECONDS_PER_HOUR,
      idleHours: (loggedSec - busySec) / SECONDS_PER_HOUR,
      unavailableHours: (paidSec - availableSec) / SECONDS_PER_HOUR,
      overrunHours: (loggedSec - availableSec) / SECONDS_PER_HOUR,
      cost: (paidSec * g.wagePerHour) / SECONDS_PER_HOUR,
    };
  });
  obs.queue.close(horizonSec);
  const { costPerMinute, costPerContact, waitingCostPerMinute, abandonCost, serviceLevelPenalty } = config.economics;
  for (let k = 0; k < n; k++) {
    const from = Math.max(k * intervalSec, warmupSec);
    const to = Math.min((k + 1) * intervalSec, horizonSec);
    const o = k * NF;
    rows[o + F.queueContactSec] = obs.queue.buckets[k]!;
    rows[o + F.spanSec] = Math.max(0, to - from);
    if (to > from) {
      ledger.accrue('telephony', from, to, (rows[o + F.handleSec]! / 60) * costPerMinute);
      ledger.accrue('contactCost', from, to, rows[o + F.answered]! * costPerContact);
      // The costs that are not wages, from the interval's facts (as the catalogue's waitSec,
      // abandoned and serviceLevel read them): each interval's contacts, posted over the interval.
      ledger.accrue('waiting', from, to, (figureNumerator('waitSec', rows, o) / 60) * waitingCostPerMinute);
      ledger.accrue('abandonment', from, to, (rows[o + F.abandoned]! + rows[o + F.abandonedAfterTransfer]!) * abandonCost);
      const level = figureValue('serviceLevel', rows, o);
      if (level !== null && level < config.slTarget) ledger.accrue('serviceLevelPenalty', from, to, serviceLevelPenalty);
    }
  }
  const total = sumRows(rows, range(n));
  const customers = model.customers === null ? undefined : customerResult(model.customers, total);
  const kpis = figuresOf(kpiKeys(config), total) as Kpis;
  const channels = Object.fromEntries(config.channels.map((ch, i) => [ch.kind, figuresOf(channelFigures(ch), comboTotal(obs, i, -1, config))]));
  const reasons = Object.fromEntries(
    config.reasons.map((r, i) => {
      const servedBy = Object.fromEntries(config.groups.map((g, j) => [g.name, obs.servedBy[i * config.groups.length + j]!]));
      const result: ReasonResult = { ...figuresOf(REASON_FIGURES, comboTotal(obs, -1, i, config)), servedBy };
      return [r.name, result];
    }),
  );
  return {
    replication,
    kpis,
    economics: economics(config, ledger, model.customers),
    channels,
    reasons,
    groups,
    facts: { intervalSec, rows, groups: groupSeries },
    conservation: model.conservation(),
    events,
    contactSlots: model.contacts.highWater,
    months: Array.from({ length: ledger.monthCount }, (_, k) => ledger.month(k)),
    ...(customers ? { customers } : {}),
  };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, k) => k);
}

/** The facts of one channel (or every channel: −1) and one reason (or every reason: −1). */
function comboTotal(obs: Observer, channel: number, reason: number, config: ModelConfig): Float64Array {
  const out = new Float64Array(NF);
  config.channels.forEach((_, ch) => {
    if (channel >= 0 && ch !== channel) return;
    config.reasons.forEach((_, r) => {
      if (reason >= 0 && r !== reason) return;
      const row = obs.comboRow(ch, r);
      for (let f = 0; f < NF; f++) out[f]! += row[f]!;
    });
  });
  return out;
}

/** The lifecycle's figures: its tally's window totals, the contact facts of outreach, offers and satisfaction. */
function customerResult(side: CustomerSide, total: Float64Array): CustomerResult {
  const life = side.lifecycle;
  const flows = Object.fromEntries(CUSTOMER_FLOWS.map((f) => [f, life.tally.total(f)])) as Record<(typeof CUSTOMER_FLOWS)[number], number>;
  return {
    active: life.base.activeCount,
    ...flows,
    outreach: total[F.outbound]!,
    outreachResolved: total[F.outboundResolved]!,
    offers: total[F.offers]!,
    offersAccepted: total[F.offersAccepted]!,
    satisfaction: Object.fromEntries(LEVEL_NAMES.map((name, i) => [name, total[F[LEVEL_FACTS[i]!]]!])) as CustomerResult['satisfaction'],
    months: life.tally.months,
  };
}

/**
 * Customer lifetime value, undiscounted: margin (fee and upsell revenue, before support cost) per
 * customer-month × expected lifetime, where the lifetime is 1 / the observed monthly leaving rate
 * (churned and returned per customer-month) — a $100 a month customer who stays 36 months on
 * average is worth $3,600. The customer-months cancel: CLV = margin / customers who left, all over
 * the measured window. With nobody leaving the rate's usual continuity correction (½ a leaver)
 * keeps it finite; 0 without activity.
 */
export function customerLifetimeValue(margin: number, customerMonths: number, left: number): number {
  return customerMonths > 0 ? margin / Math.max(left, 0.5) : 0;
}

/**
 * Customer equity: what the base left at the horizon is worth, in present value at the window's
 * start — the part of a policy's profit that a finite horizon cuts off. Each active customer pays
 * the window's margin per customer-month m (fee and upsell revenue) at the start of each month
 * while they stay; they stay a month with the window's observed retention q = 1 − churned /
 * customer-months at risk at the window's month ends (returns are left out: they happen only in
 * the first weeks after purchase; at least ½ a leaver, as for the CLV, so q < 1; with no month end
 * in the window, the base churn rate); months are discounted by δ = (1 + annual rate)^(−1/12). Per
 * customer Σₖ m (qδ)ᵏ = m / (1 − qδ), then discounted from the horizon to the window's start.
 * Support cost after the horizon is not deducted (it depends on staffing decisions not yet made).
 */
function customerEquity(side: CustomerSide, margin: number, config: ModelConfig): number {
  const life = side.lifecycle;
  if (life.customerMonths <= 0) return 0;
  const atRisk = life.tally.total('atRisk');
  const churn = atRisk > 0 ? Math.max(life.tally.total('churned'), 0.5) / atRisk : config.customers!.baseChurnPerMonth;
  const q = Math.max(0, 1 - churn);
  const rate = config.economics.discountRatePerYear;
  const delta = (1 + rate) ** (-1 / 12);
  const perCustomer = margin / life.customerMonths / (1 - q * delta);
  const years = (config.horizonSec - config.warmupSec) / SECONDS_PER_YEAR;
  return life.base.activeCount * perCustomer * (1 + rate) ** -years;
}

/**
 * The economics figures, all from the ledger: support cost, revenue and the rest, profit and NPV;
 * with customers also CLV, customer equity and long-term value = NPV + equity.
 */
function economics(config: ModelConfig, ledger: Ledger, side: CustomerSide | null): Economics {
  const money = ledger.figures();
  const profit = ledger.profit();
  const npv = ledger.npv();
  const costs = { supportCost: money.supportCost, waitingCost: money.waitingCost, abandonCost: money.abandonCost, serviceLevelPenalty: money.serviceLevelPenalty, cost: money.cost };
  if (side === null) return { ...costs, revenue: money.revenue, profit, npv };
  const life = side.lifecycle;
  const margin = money.revenue + money.upsellRevenue;
  const left = life.tally.total('churned') + life.tally.total('returned');
  const equity = customerEquity(side, margin, config);
  return {
    ...costs,
    revenue: money.revenue,
    referralRevenue: money.referralRevenue,
    upsellRevenue: money.upsellRevenue,
    acquisitionCost: money.acquisitionCost,
    returnsCost: money.returnsCost,
    profit,
    npv,
    clv: customerLifetimeValue(margin, life.customerMonths, left),
    customerEquity: equity,
    longTermValue: npv + equity,
  };
}
