/**
 * The ccsim call log: the one definition that `ccsim run --log FILE` writes and
 * `ccsim fit --layout ccsim` reads. It imports nothing, so any layer may use it.
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
 * | `agent`    | agent that served it (e.g. `tier1-17`); empty if not served |
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

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * "YYYY-MM-DD HH:MM:SS.sss" of `sec` seconds after 00:00 of day number `day0` (days since
 * 1970-01-01; civil date by H. Hinnant's civil_from_days, as in engine/civil-time.ts).
 */
export function ccsimLogTime(day0: number, sec: number): string {
  const ms = Math.round(sec * 1000);
  const dayOffset = Math.floor(ms / 86_400_000);
  const rest = ms - dayOffset * 86_400_000;
  const z = day0 + dayOffset + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = era * 400 + yoe + (m <= 2 ? 1 : 0);
  const h = Math.floor(rest / 3_600_000);
  const mi = Math.floor((rest % 3_600_000) / 60_000);
  const s = Math.floor((rest % 60_000) / 1000);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}.${pad(rest % 1000, 3)}`;
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
