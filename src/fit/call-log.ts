/**
 * What every call-log reader produces, whatever the layout: the agent-seeking calls as records in
 * one time frame, and an account of every row that was dropped or read other than as written.
 *
 * Time frame: seconds since 00:00 of day 0, the calendar date of the log's first call. The
 * log's times are local wall-clock times (engine/civil-time.ts).
 *
 * Agent-seeking calls are those that asked for an agent: served by an agent, or hung up while
 * queued. ccsim's KPIs count exactly these as offered.
 */

export type Outcome = 'served' | 'abandoned';

export interface CallRecord {
  /** 1-based line of the row in the log. */
  line: number;
  id: string;
  /** The customer, or null when the log does not identify the caller. */
  customer: string | null;
  /** Service type (contact reason); "all" when the log has none. */
  type: string;
  /** Priority class as logged (the bank: 0–1 regular, 2 high), or null. */
  priority: number | null;
  /** When the call asked for an agent, seconds since day 0 00:00. */
  arrivalSec: number;
  /** Whether it waited in a queue (false: answered at once). */
  queued: boolean;
  /** Time in queue until service start (served) or hanging up (abandoned), seconds ≥ 0. */
  waitSec: number;
  outcome: Outcome;
  /** Service start and length (served calls), seconds; null for abandoned calls. */
  serviceStartSec: number | null;
  serviceSec: number | null;
  /** Who served it, or null. */
  agent: string | null;
}

/** A number of rows dropped or reinterpreted for one reason. */
export interface RowCount {
  /** Stable key, e.g. "vruHangUp". */
  key: string;
  count: number;
  /** What these rows are and what was done with them. */
  description: string;
  /** Example lines (at most 5), for a reader who wants to look. */
  lines: number[];
}

export interface CallLog {
  layout: string;
  /** Day number (days since 1970-01-01) of day 0. */
  firstDay: number;
  /** Calendar days from the first call's date to the last's, inclusive. */
  days: number;
  /** Agent-seeking calls, in order of arrival. */
  calls: CallRecord[];
  /** Data rows read (header excluded). */
  rows: number;
  /** Rows not used, by reason; rows = calls + Σ dropped. */
  dropped: RowCount[];
  /** Calls used but read other than as written (a call may count under several reasons). */
  reinterpreted: RowCount[];
  /** Whether the log names customers (needed for redials). */
  hasCustomers: boolean;
  /** Whether the log names agents (needed for the staffing seen). */
  hasAgents: boolean;
}

/** Counts rows by reason, in first-seen order, keeping a few example lines. */
export class RowCounter {
  private readonly counts = new Map<string, RowCount>();

  add(key: string, description: string, line: number): void {
    let c = this.counts.get(key);
    if (!c) {
      c = { key, count: 0, description, lines: [] };
      this.counts.set(key, c);
    }
    c.count++;
    if (c.lines.length < 5) c.lines.push(line);
  }

  list(): RowCount[] {
    return [...this.counts.values()];
  }
}

/** Sorts calls by arrival (then line), as every estimator expects. */
export function byArrival(calls: CallRecord[]): CallRecord[] {
  return calls.sort((a, b) => a.arrivalSec - b.arrivalSec || a.line - b.line);
}
