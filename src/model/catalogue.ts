import { F, NF, type Fact } from './facts.js';

/**
 * The catalogue of figures: for every figure ccsim reports, what it measures (the facts over
 * which it is a ratio, and the contacts it covers), its value when there is nothing to measure,
 * which way is better, its unit, label and digits. It is the one place these are written: the
 * replication's KPIs, every breakdown (channel, reason, interval, day, month), the verdicts'
 * directions, the chart labels and the CLI tables all read it (as ContactCenters'
 * PerformanceMeasureType is one enum of measures with their estimators).
 *
 * Estimator, per replication: a ratio of sums — Σ numerator facts / Σ denominator facts over the
 * row's contacts — so a day's ASA is the mean wait of the day's answered contacts, not a mean of
 * interval means. A ratio with nothing under it (a denominator of 0) is empty: null in JSON, a
 * blank CSV cell — never 0 or 1. Across replications a figure is the mean of its replication
 * values where they are defined, with the Student-t interval (experiment/estimate.ts).
 */

export type Unit = '%' | 's' | 'contacts' | 'issues' | 'customers' | 'agents' | 'currency' | '1–5' | 'ratio';
export type Direction = 'higher' | 'lower';
/** Where a figure lives in the outputs. */
export type FigureGroup = 'kpis' | 'economics' | 'customers';
/** A linear combination of facts: fact → coefficient. */
export type Combo = Partial<Record<Fact, number>>;

export interface FigureDef {
  group: FigureGroup;
  /** Words for a label or an axis, without the unit. */
  label: string;
  unit: Unit;
  /** Decimals in terminal tables; charts use `format` (d3-format). */
  digits: number;
  format: string;
  /** Which way is better; null: neither (counts such as offered; occupancy is good or bad depending on whom you ask). */
  direction: Direction | null;
  /** The definition in words: what is counted and which contacts it covers. */
  covers: string;
  /** For figures computed from facts: Σ num / Σ den (den absent: a count or a sum). */
  num?: Combo;
  den?: Combo;
  /** Reported only when the scenario has customers, or email. */
  when?: 'customers' | 'email';
  /** In the channel breakdown: the channels the figure applies to (default: every channel). */
  channels?: 'realtime' | 'email';
}

const line: Combo = { inboundRealtime: 1, callbacks: -1 };
const levels: Combo = { veryDissatisfied: 1, dissatisfied: 1, neutral: 1, satisfied: 1, verySatisfied: 1 };

type Count = FigureDef & { group: 'kpis'; den?: undefined };
type Ratio = FigureDef & { group: 'kpis'; den: Combo };

const count = (label: string, covers: string, fact: Fact, direction: Direction | null = null, unit: Unit = 'contacts'): Count => ({
  group: 'kpis',
  label,
  unit,
  digits: 0,
  format: ',.0f',
  direction,
  covers,
  num: { [fact]: 1 },
});
const share = (label: string, covers: string, num: Combo, den: Combo, direction: Direction | null, channels?: 'realtime' | 'email'): Ratio => ({
  group: 'kpis',
  label,
  unit: '%',
  digits: 4,
  format: '.1%',
  direction,
  covers,
  num,
  den,
  ...(channels ? { channels } : {}),
});
const money = (label: string, covers: string, direction: Direction | null): FigureDef & { group: 'economics' } => ({ group: 'economics', label, unit: 'currency', digits: 0, format: ',.0f', direction, covers });
const customers = (label: string, covers: string, direction: Direction | null): FigureDef & { group: 'customers' } => ({ group: 'customers', label, unit: 'customers', digits: 0, format: ',.0f', direction, covers });

export const CATALOGUE = {
  // ── contacts (kpis) ──
  offered: count('Contacts offered', 'contacts offered in the window: every channel, fresh contacts, repeats, retrials, callbacks and outbound contacts', 'offered'),
  answered: count('Contacts answered', 'contacts offered in the window whose service started', 'answered', 'higher'),
  abandoned: count('Contacts abandoned', 'inbound voice and chat callers who hung up while waiting', 'abandoned', 'lower'),
  abandonRate: share('Abandonment rate', 'abandoned / inbound voice and chat contacts offered (callbacks included: they did not hang up)', { abandoned: 1 }, { inboundRealtime: 1 }, 'lower', 'realtime'),
  pWait: share('Share that waited', 'line contacts (inbound voice and chat, not called back) not answered at once / line contacts offered', { ...line, answeredAtOnce: -1 }, line, 'lower', 'realtime'),
  waitSec: {
    group: 'kpis', label: 'Mean wait on the line', unit: 's', digits: 2, format: ',.1f', direction: 'lower', channels: 'realtime',
    covers: 'Σ time in queue of line contacts (abandoners up to hanging up) / line contacts offered',
    num: { answeredWaitSec: 1, abandonedWaitSec: 1 }, den: line,
  },
  asaSec: {
    group: 'kpis', label: 'Average speed of answer', unit: 's', digits: 2, format: ',.1f', direction: 'lower', channels: 'realtime',
    covers: 'mean wait of line contacts answered (callbacks and email are reported apart)',
    num: { answeredWaitSec: 1 }, den: { lineAnswered: 1 },
  },
  serviceLevel: share('Service level', 'line contacts answered within their channel\'s threshold (voice and chat each their own) / line contacts offered', { withinThreshold: 1 }, line, 'higher', 'realtime'),
  occupancy: {
    group: 'kpis', label: 'Agent occupancy', unit: '%', digits: 4, format: '.1%', direction: null,
    covers: 'agents\' busy time / logged-in time (available, plus overruns finishing a contact)',
    num: { busyAgentSec: 1 }, den: { loggedInAgentSec: 1 },
  },
  ahtSec: {
    group: 'kpis', label: 'Average handle time', unit: 's', digits: 1, format: ',.0f', direction: 'lower',
    covers: 'mean handle time of answered contacts, every channel, all stages of a transferred contact',
    num: { handleSec: 1 }, den: { answered: 1 },
  },
  fcr: share('First-contact resolution', 'issues resolved at their first handled contact without a transfer / issues whose first contact was handled', { issuesResolvedFirst: 1 }, { issuesHandled: 1 }, 'higher'),
  fcrAnyStage: share('Resolved at the first contact, any stage', 'issues resolved at their first handled contact, transfers included / issues whose first contact was handled', { issuesResolvedAnyStage: 1 }, { issuesHandled: 1 }, 'higher'),
  queueLength: {
    group: 'kpis', label: 'Mean queue length', unit: 'contacts', digits: 2, format: ',.2f', direction: 'lower',
    covers: 'time-average number of contacts waiting, every queue (Little\'s L)',
    num: { queueContactSec: 1 }, den: { spanSec: 1 },
  },
  issues: count('Issues', 'issues whose first contact was offered in the window', 'newIssues', null, 'issues'),
  repeatRate: share('Repeat rate', 'repeat contacts / contacts offered', { repeats: 1 }, { offered: 1 }, 'lower'),
  repeats: count('Repeat contacts', 'contacts offered because an earlier contact left the issue unresolved', 'repeats', 'lower'),
  retrials: count('Retrials', 'contacts offered by callers trying again after hanging up', 'retrials'),
  transfers: count('Transfers', 'contacts transferred to another group (escalations), counted when transferred', 'transfers', 'lower'),
  abandonedAfterTransfer: count('Hung up after a transfer', 'transferred contacts who hung up waiting in the escalation queue (not in abandoned: their line wait ended at the first answer)', 'abandonedAfterTransfer', 'lower'),
  callbacksOffered: count('Callbacks offered', 'line callers offered a callback because the expected wait was long', 'callbacksOffered'),
  callbacksAccepted: count('Callbacks accepted', 'line callers who accepted a callback (now or in the next open period)', 'callbacksAccepted'),
  callbackWaitSec: {
    group: 'kpis', label: 'Mean wait for a callback', unit: 's', digits: 1, format: ',.0f', direction: 'lower', channels: 'realtime',
    covers: 'mean time from a callback\'s request (accepted at the line, or a message left while closed) to the call back',
    num: { callbackWaitSec: 1 }, den: { callbacksAnswered: 1 },
  },
  rushedShare: share('Answered contacts rushed', 'answered contacts cut by the AHT policy or hurried by queue pressure / answered', { rushed: 1 }, { answered: 1 }, 'lower'),
  reaskedShare: share('Answered contacts re-asked', 'answered contacts whose caller had to repeat known details / answered', { reasked: 1 }, { answered: 1 }, 'lower'),
  issuesUnresolved: count('Issues left unresolved', 'issues that ended unresolved: repeat limit reached, abandoned without retrying, or lost while closed', 'issuesUnresolved', 'lower', 'issues'),
  closedAttempts: count('Attempts while closed', 'inbound voice and chat attempts while the center was closed (not offered, never counted as abandoned)', 'closedAttempts'),
  closedLost: count('Attempts lost while closed', 'attempts while closed that neither retried nor left a message', 'closedLost', 'lower'),
  deferredFollowUps: count('Follow-ups moved to open hours', 'repeats and retrials that fell while closed, made in the next open period', 'deferredFollowUps'),
  emailResponseSec: {
    group: 'kpis', label: 'Mean email response time', unit: 's', digits: 0, format: ',.0f', direction: 'lower', channels: 'email', when: 'email',
    covers: 'mean time from an email\'s arrival to an agent starting on it',
    num: { emailResponseSec: 1 }, den: { emailAnswered: 1 },
  },
  emailWithinTarget: { ...share('Email within the response target', 'emails answered within the response target / emails offered', { emailWithinTarget: 1 }, { emailOffered: 1 }, 'higher', 'email'), when: 'email' },
  csat: {
    group: 'kpis', label: 'Satisfaction', unit: '1–5', digits: 3, format: '.2f', direction: 'higher', when: 'customers',
    covers: 'mean satisfaction level (1 very dissatisfied … 5 very satisfied) of handled and abandoned contacts',
    num: { veryDissatisfied: 1, dissatisfied: 2, neutral: 3, satisfied: 4, verySatisfied: 5 }, den: levels,
  },
  // ── agents (series rows) ──
  staffedAgents: {
    group: 'kpis', label: 'Agents logged in', unit: 'agents', digits: 1, format: ',.1f', direction: null,
    covers: 'mean agents logged in over the row (available, plus overruns)', num: { loggedInAgentSec: 1 }, den: { spanSec: 1 },
  },
  paidAgents: {
    group: 'kpis', label: 'Agents paid', unit: 'agents', digits: 1, format: ',.1f', direction: null,
    covers: 'mean agents scheduled and paid over the row (absent and on breaks included)', num: { paidAgentSec: 1 }, den: { spanSec: 1 },
  },
  // ── money (economics; the ledger, model/ledger.ts) ──
  profit: money('Profit', 'every cash flow of the window: revenue + upsell − cost − acquisition and returns costs', 'higher'),
  npv: money('Net present value', 'the same cash flows discounted continuously to the window\'s start', 'higher'),
  longTermValue: money('Long-term value (NPV + customer equity)', 'npv + customerEquity: the verdict figure for losses that come after the horizon', 'higher'),
  supportCost: money('Support cost', 'wages of paid agent hours, telephony per handled minute and the cost per handled contact', 'lower'),
  waitingCost: money('Cost of waiting', 'economics.waitingCostPerMinute × minutes line contacts waited in queue (abandoners up to hanging up): sales or goodwill lost to waiting', 'lower'),
  abandonCost: money('Cost of abandonment', 'economics.abandonCost × (contacts abandoned + hung up after a transfer)', 'lower'),
  serviceLevelPenalty: money('Service-level penalty', 'economics.serviceLevelPenalty × reporting intervals whose service level (line contacts offered in the interval) is below serviceLevel.target', 'lower'),
  cost: money('Cost of the center', 'support cost + the costs of waiting, abandonment and the service-level penalty (what the center costs; acquisition and returns are the business\'s)', 'lower'),
  revenue: money('Revenue', 'fees of the active base (referral fees included)', 'higher'),
  referralRevenue: money('Revenue from word of mouth', 'fees paid by customers won by word of mouth (part of revenue)', 'higher'),
  upsellRevenue: money('Upsell margin', 'margin of end-of-call offers accepted', 'higher'),
  acquisitionCost: money('Acquisition cost', 'paid acquisitions (deterred prospects are still paid for)', 'lower'),
  returnsCost: money('Returns cost', 'refunds and handling of returned products', 'lower'),
  clv: money('Customer lifetime value', 'margin per customer-month × 1 / monthly leaving rate (churned and returned per customer-month), undiscounted', 'higher'),
  customerEquity: money('Customer equity at the horizon', 'present value of the base left at the horizon at the window\'s margin and retention', 'higher'),
  // ── customers (the lifecycle) ──
  active: customers('Active customers', 'customers active at the horizon', 'higher'),
  churned: customers('Customers churned', 'customers who left at a month\'s end in the window', 'lower'),
  acquired: customers('Customers acquired', 'paid acquisitions in the window (after word-of-mouth deterrence)', 'higher'),
  referred: customers('Customers won by word of mouth', 'customers won by referrals in the window', 'higher'),
  returned: customers('Customers who returned the product', 'customers who returned the product (and left) in the window', 'lower'),
} as const satisfies Record<string, FigureDef>;

export type FigureKey = keyof typeof CATALOGUE;
export const FIGURE_KEYS = Object.keys(CATALOGUE) as FigureKey[];

/** The definition of a figure, or undefined for a key the catalogue does not know. */
export function figureDef(key: string): FigureDef | undefined {
  return (CATALOGUE as Record<string, FigureDef>)[key];
}

/** The headline KPIs of a replication, in catalogue order (the series-only agent figures excluded). */
export const KPI_KEYS = FIGURE_KEYS.filter((k) => CATALOGUE[k].group === 'kpis' && k !== 'staffedAgents' && k !== 'paidAgents');

/** Compiled ratios: (fact index, coefficient) lists, for evaluation on fact rows. */
interface Compiled {
  num: [number, number][];
  den: [number, number][] | null;
}
const compiled = new Map<string, Compiled>();
function compile(key: string): Compiled {
  let c = compiled.get(key);
  if (c) return c;
  const def = figureDef(key);
  if (!def?.num) throw new RangeError(`the figure "${key}" is not computed from facts`);
  const pairs = (combo: Combo) => Object.entries(combo).map(([f, w]) => [F[f as Fact], w] as [number, number]);
  c = { num: pairs(def.num), den: def.den ? pairs(def.den) : null };
  compiled.set(key, c);
  return c;
}

/**
 * A fact-based figure on one row of facts (a Float64Array of NF facts at `offset`): the ratio of
 * its combinations, or the numerator alone for a count; null when the denominator is 0.
 */
export function figureValue(key: string, row: ArrayLike<number>, offset = 0): number | null {
  const c = compile(key);
  const num = figureNumerator(key, row, offset);
  if (c.den === null) return num;
  let den = 0;
  for (const [f, w] of c.den) den += w * row[offset + f]!;
  return den > 0 ? num / den : null;
}

/** The numerator of a fact-based figure on one row of facts (for a count, the figure itself). */
export function figureNumerator(key: string, row: ArrayLike<number>, offset = 0): number {
  let num = 0;
  for (const [f, w] of compile(key).num) num += w * row[offset + f]!;
  return num;
}

/** Whether a figure is computed from facts (and so exists on every breakdown row). */
export function isFactFigure(key: string): boolean {
  return figureDef(key)?.num !== undefined;
}

/** The fact rows' length, re-exported for the figure readers. */
export { NF };

type Catalogue = typeof CATALOGUE;
/** The headline KPIs' keys (the series-only agent figures excluded). */
export type KpiKey = Exclude<{ [K in keyof Catalogue]: Catalogue[K]['group'] extends 'kpis' ? K : never }[keyof Catalogue], 'staffedAgents' | 'paidAgents'>;
/** A figure's value: a count or sum is a number, a ratio may be empty (null). */
export type FigureValue<K extends keyof Catalogue> = Catalogue[K] extends { den: object } ? number | null : number;
type Conditional = { [K in KpiKey]: Catalogue[K] extends { when: string } ? K : never }[KpiKey];
/** A replication's headline KPIs: those with a `when` only when the scenario has email or customers. */
export type Kpis = { [K in Exclude<KpiKey, Conditional>]: FigureValue<K> } & { [K in Conditional]?: FigureValue<K> };
