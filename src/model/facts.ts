/**
 * The facts a replication tallies: what happened, counted or summed, never a ratio. Every KPI is
 * a ratio of linear combinations of these facts (model/catalogue.ts), and every breakdown — the
 * run's totals, a channel, a reason, an interval, a day, a month — is a sum of fact rows, so all
 * of them use one definition and agree by construction (ContactCenters' PerformanceMeasureType:
 * the model reports facts, one collector turns them into measures).
 *
 * Contact facts are tallied by the interval in which the contact was offered (issue facts by the
 * interval of the issue's first offered contact), and only for contacts offered in the measured
 * window [warm-up, horizon), whenever their outcome comes: the run drains, so no outcome is
 * censored. Time facts (agent and queue time) are integrals over the window's part of each
 * interval. Contacts are of three kinds, and facts say which they cover:
 * - *line* contacts: inbound voice or chat callers waiting on the line (they may abandon);
 * - *callbacks*: inbound voice or chat callers called back instead (accepted at the line, promised
 *   for the next open period, or left as a message while closed) — they never abandon, and their
 *   wait is reported apart;
 * - *deferred* work: email (answered within a response target) and outbound outreach contacts.
 */
export const FACTS = [
  // ── every contact ──
  /** Contacts offered: every channel, fresh, repeats, retrials, deferred retries, callbacks, outbound. */
  'offered',
  /** Contacts whose service started (a transferred contact's second service is not counted again). */
  'answered',
  /** Handle time of answered contacts, all stages (transfers, re-asking, offers included), s. */
  'handleSec',
  // ── inbound voice and chat ──
  /** Inbound voice and chat contacts offered (line contacts and callbacks). */
  'inboundRealtime',
  /** Of those, served as callbacks instead of waiting on the line. */
  'callbacks',
  /** Line callers offered a callback because the expected wait was long, and those who accepted. */
  'callbacksOffered',
  'callbacksAccepted',
  /** Line contacts answered; answered at once (no wait); within their channel's threshold. */
  'lineAnswered',
  'answeredAtOnce',
  'withinThreshold',
  /** Σ wait of line contacts answered, s. */
  'answeredWaitSec',
  /** Line contacts that hung up while waiting, and Σ their waits up to hanging up, s. */
  'abandoned',
  'abandonedWaitSec',
  /**
   * Transferred contacts that hung up in the escalation queue: answered at their first queue, so
   * not in `abandoned` (a line wait ends at the first answer), but an issue left open and a caller
   * lost all the same.
   */
  'abandonedAfterTransfer',
  /** Callbacks made, and Σ the time from the request to the call back, s. */
  'callbacksAnswered',
  'callbackWaitSec',
  // ── email and outbound ──
  'emailOffered',
  'emailAnswered',
  /** Email answered within the response target, and Σ response times, s. */
  'emailWithinTarget',
  'emailResponseSec',
  /** Outbound contacts about faults devices reported, and those that fixed the issue. */
  'outbound',
  'outboundResolved',
  // ── issues and customer effort ──
  /** Repeat contacts (the issue came back) and retrials (after hanging up) offered. */
  'repeats',
  'retrials',
  /** Issues whose first contact was offered. */
  'newIssues',
  /** Issues whose first handled contact ended; of them, resolved there without a transfer; resolved at any stage of it. */
  'issuesHandled',
  'issuesResolvedFirst',
  'issuesResolvedAnyStage',
  /** Issues that ended unresolved (repeat limit, abandoned without retrying, lost while closed). */
  'issuesUnresolved',
  /** Answered contacts cut by the AHT policy, asked to repeat known details, transferred. */
  'rushed',
  'reasked',
  'transfers',
  /** End-of-call offers made, and accepted. */
  'offers',
  'offersAccepted',
  // ── opening hours ──
  /** Inbound voice and chat attempts while closed (not offered): retrying later, leaving a message, lost. */
  'closedAttempts',
  'closedRetries',
  'closedMessages',
  'closedLost',
  /** Repeats and retrials that fell while closed and were made in the next open period instead. */
  'deferredFollowUps',
  // ── satisfaction: contacts ending at each level 1 … 5 ──
  'veryDissatisfied',
  'dissatisfied',
  'neutral',
  'satisfied',
  'verySatisfied',
  // ── time (interval rows only) ──
  /** Agent-seconds busy (a chat counts 1/concurrency), logged in (available + overrun), paid. */
  'busyAgentSec',
  'loggedInAgentSec',
  'paidAgentSec',
  /** ∫ contacts waiting dt, contact-seconds. */
  'queueContactSec',
  /** Seconds of the measured window in the row. */
  'spanSec',
] as const;

export type Fact = (typeof FACTS)[number];

/** Index of each fact in a row. */
export const F = Object.fromEntries(FACTS.map((f, i) => [f, i])) as { readonly [K in Fact]: number };

/** Facts per row. */
export const NF = FACTS.length;

/** The five satisfaction levels' facts, level 1 … 5. */
export const LEVEL_FACTS = ['veryDissatisfied', 'dissatisfied', 'neutral', 'satisfied', 'verySatisfied'] as const satisfies readonly Fact[];

/** A row of facts summed over `rows` (row indices) of a table of rows of NF facts. */
export function sumRows(table: ArrayLike<number>, rows: Iterable<number>, out = new Float64Array(NF)): Float64Array {
  for (const k of rows) {
    const o = k * NF;
    for (let f = 0; f < NF; f++) out[f]! += table[o + f]!;
  }
  return out;
}
