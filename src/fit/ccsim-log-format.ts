import { clockText, isoDate } from '../engine/civil-time.js';

/**
 * The ccsim call log: the one definition that `ccsim run --log FILE` writes and
 * `ccsim fit --layout ccsim` reads. It imports only the engine's civil dates, so any layer
 * above the model may use it.
 *
 * CSV (RFC 4180, LF line ends), a header row with exactly these columns, one row per contact:
 *
 * | column     | value |
 * |------------|-------|
 * | `id`       | contact id (unique in the file) |
 * | `customer` | customer id; empty when unknown (no customer lifecycle) |
 * | `type`     | contact reason (scenario `reasons[].name`) |
 * | `channel`  | `voice`, `chat` or `email` |
 * | `arrival`  | when the contact was offered |
 * | `queued`   | when it joined the queue; empty if answered at once |
 * | `answered` | service start; empty if not served |
 * | `ended`    | end of service, or the moment of hanging up |
 * | `outcome`  | `served` or `abandoned` |
 * | `group`    | agent group that served it; empty if not served |
 * | `agent`    | agent that served it; empty if not served or not known (ccsim pools a group's agents: it writes none) |
 *
 * Times are local datetimes `YYYY-MM-DD HH:MM:SS.sss` (milliseconds), day 0 of the simulation
 * being the scenario's `calendar.startDate` (or 1970-01-01 when it has none, with
 * `calendar.startWeekday` giving the weekday). A contact still waiting or in service at the
 * horizon is not written (it has no outcome yet).
 */

export const CCSIM_LOG_COLUMNS = ['id', 'customer', 'type', 'channel', 'arrival', 'queued', 'answered', 'ended', 'outcome', 'group', 'agent'] as const;
export type CcsimLogColumn = (typeof CCSIM_LOG_COLUMNS)[number];

export const CCSIM_LOG_OUTCOMES = ['served', 'abandoned'] as const;
export const CCSIM_LOG_TIME_FORMAT = 'YYYY-MM-DD HH:mm:ss.SSS';

/** The header line, with its line end. */
export const CCSIM_LOG_HEADER = `${CCSIM_LOG_COLUMNS.join(',')}\n`;

/** One contact as the writer knows it: times in seconds since day 0 00:00, null where empty. */
export interface CcsimLogRow {
  id: string | number;
  customer: string | number | null;
  type: string;
  channel: string;
  arrivalSec: number;
  queuedSec: number | null;
  answeredSec: number | null;
  endedSec: number;
  outcome: (typeof CCSIM_LOG_OUTCOMES)[number];
  group: string | null;
  agent: string | null;
}

/** "YYYY-MM-DD HH:MM:SS.sss" of `sec` seconds after 00:00 of day number `day0` (days since 1970-01-01). */
export function ccsimLogTime(day0: number, sec: number): string {
  const ms = Math.round(sec * 1000);
  const dayOffset = Math.floor(ms / 86_400_000);
  return `${isoDate(day0 + dayOffset)} ${clockText((ms - dayOffset * 86_400_000) / 1000)}`;
}

/** A CSV cell: quoted when it holds a comma, a quote or a line end. */
const cell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One row of the log, with its line end; `day0` is the day number of the simulation's day 0. */
export function ccsimLogLine(day0: number, r: CcsimLogRow): string {
  const t = (x: number | null) => (x === null ? '' : ccsimLogTime(day0, x));
  return `${[cell(r.id), cell(r.customer), cell(r.type), cell(r.channel), t(r.arrivalSec), t(r.queuedSec), t(r.answeredSec), t(r.endedSec), r.outcome, cell(r.group), cell(r.agent)].join(',')}\n`;
}
