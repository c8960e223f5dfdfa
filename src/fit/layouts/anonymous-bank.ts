/**
 * The "Anonymous Bank" call log (Technion SEE Center; Brown et al., JASA 100, 2005): tab-
 * separated, one row per call, 17 fields, times of day without dates. README "Start from your
 * data" lists what is read how; in short:
 *
 * - agent-seeking calls: AGENT with a named server (served; waited `q_time`, 0 when it never
 *   queued) and HANG after queueing (abandoned after `q_time`);
 * - dropped, counted: PHANTOM records; HANG with `q_start` 0:00:00 (hung up in the voice-response
 *   unit, never asked for an agent); AGENT served by NO_SERVER (a short automated service, not an
 *   agent: 2–5 s for most);
 * - a call's times are of its `date`; a time more than 12 h before the previous one in the call
 *   (vru_entry → vru_exit → q_start → q_exit → ser_start → ser_exit) has rolled past midnight;
 * - arrival = `vru_exit` (the moment the call left the VRU to ask for an agent);
 * - customer_id 0 is an unidentified caller; an id in scientific notation (6.02701E+11, mangled by
 *   a spreadsheet somewhere upstream) cannot be matched to other calls and is read as unknown.
 */
import { byArrival, RowCounter, type CallLog, type CallRecord } from '../call-log.js';
import { daysFromCivil, isCivilDate, parseClock, SECONDS_PER_DAY } from '../../engine/civil-time.js';
import { parseDelimited, type Field } from '../delimited.js';
import { fitMessage, FitError } from '../messages.js';
import { checkWidth, fail, headerIndex, seconds } from './fields.js';

export const BANK_COLUMNS = [
  'vru+line', 'call_id', 'customer_id', 'priority', 'type', 'date', 'vru_entry', 'vru_exit', 'vru_time',
  'q_start', 'q_exit', 'q_time', 'outcome', 'ser_start', 'ser_exit', 'ser_time', 'server',
] as const;

const NEVER = '0:00:00';
const HALF_DAY = SECONDS_PER_DAY / 2;
/** Service start and queue exit are one instant; more apart than this, the clocks disagree. */
const SKEW_NOTE_SEC = 5;

const clock = (f: Field, column: string): number => {
  const v = parseClock(f.text.trim());
  if (v === null) fail(f, fitMessage.badTime(column, f.text, 'H:MM:SS'));
  return v;
};

function date(f: Field): number {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(f.text.trim());
  // Two-digit years: 50–99 are 1950–1999 (the data set is from 1999), 00–49 are 2000–2049.
  const y = m ? Number(m[1]) + (Number(m[1]) >= 50 ? 1900 : 2000) : NaN;
  if (!m || !isCivilDate(y, Number(m[2]), Number(m[3]))) fail(f, fitMessage.badDate('date', f.text, 'YYMMDD'));
  return daysFromCivil(y, Number(m[2]), Number(m[3]));
}

interface Parsed {
  line: number;
  day: number;
  record: Omit<CallRecord, 'arrivalSec' | 'serviceStartSec'> & { arrivalOfDay: number; serviceStartOfDay: number | null };
}

export function readAnonymousBank(text: string): CallLog {
  const rows = parseDelimited(text, '\t', false);
  if (rows.length === 0) throw new FitError(fitMessage.emptyLog());
  const [header, ...data] = rows;
  const ix = headerIndex(header!, BANK_COLUMNS);
  if (data.length === 0) throw new FitError(fitMessage.noCalls(), header!.line, 1);
  const dropped = new RowCounter();
  const reinterpreted = new RowCounter();
  const parsed: Parsed[] = [];
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (const row of data) {
    checkWidth(row, header!.fields.length);
    const f = (c: (typeof BANK_COLUMNS)[number]) => row.fields[ix[c]]!;
    const line = row.line;
    const day = date(f('date'));
    const outcomeText = f('outcome').text.trim();
    if (!['AGENT', 'HANG', 'PHANTOM'].includes(outcomeText)) fail(f('outcome'), fitMessage.badOutcome('outcome', outcomeText, ['AGENT', 'HANG', 'PHANTOM']));
    // Times in the call's order; each may have rolled past midnight relative to the previous.
    const queued = f('q_start').text.trim() !== NEVER;
    const served = f('ser_start').text.trim() !== NEVER || f('ser_time').text.trim() !== '0';
    const raw: { key: string; value: number }[] = [
      { key: 'vru_entry', value: clock(f('vru_entry'), 'vru_entry') },
      { key: 'vru_exit', value: clock(f('vru_exit'), 'vru_exit') },
    ];
    if (queued) raw.push({ key: 'q_start', value: clock(f('q_start'), 'q_start') }, { key: 'q_exit', value: clock(f('q_exit'), 'q_exit') });
    if (served) raw.push({ key: 'ser_start', value: clock(f('ser_start'), 'ser_start') }, { key: 'ser_exit', value: clock(f('ser_exit'), 'ser_exit') });
    const qTime = seconds(f('q_time'), 'q_time');
    const serTime = seconds(f('ser_time'), 'ser_time');
    const vruTime = Number(f('vru_time').text.trim());
    let offset = 0;
    let rolled = false;
    let previous = raw[0]!.value;
    const at: Record<string, number> = {};
    for (const t of raw) {
      let v = t.value + offset;
      while (v < previous - HALF_DAY) {
        offset += SECONDS_PER_DAY;
        v += SECONDS_PER_DAY;
        rolled = true;
      }
      at[t.key] = v;
      previous = Math.max(previous, v);
    }
    if (outcomeText === 'PHANTOM') {
      dropped.add('phantom', 'PHANTOM records (the data set says to ignore them)', line);
      continue;
    }
    const serverText = f('server').text.trim();
    if (outcomeText === 'HANG' && !queued) {
      dropped.add('vruHangUp', 'hung up in the voice-response unit (HANG, never queued): never asked for an agent', line);
      continue;
    }
    if (outcomeText === 'AGENT' && serverText === 'NO_SERVER') {
      if (queued) dropped.add('automatedServiceAfterQueue', 'AGENT but served by NO_SERVER after queueing: an automated service, not an agent', line);
      else dropped.add('automatedService', 'AGENT but served by NO_SERVER: a short automated service (most 2–10 s), not an agent', line);
      continue;
    }
    if (outcomeText === 'AGENT' && !served) {
      reinterpreted.add('servedWithoutServiceTimes', 'AGENT with a named server but no service times (ser_start 0:00:00, ser_time 0): counted as answered after q_time; no handle time, not in the staffing seen', line);
    }
    if (rolled) reinterpreted.add('pastMidnight', "times after midnight of the call's date, read as the next day", line);
    if (Number.isFinite(vruTime) && vruTime < 0) reinterpreted.add('vruExitBeforeEntry', 'vru_exit before vru_entry (negative vru_time, clocks out of step); arrival is vru_exit as logged', line);
    const customerText = f('customer_id').text.trim();
    let customer: string | null = customerText === '0' || customerText === '' ? null : customerText;
    if (customer !== null && /e\+?\d+$/i.test(customer)) {
      reinterpreted.add('mangledCustomerId', 'customer_id in scientific notation (e.g. 6.02701E+11, digits lost upstream): read as an unidentified caller', line);
      customer = null;
    }
    const priorityText = f('priority').text.trim();
    const priority = /^\d+$/.test(priorityText) ? Number(priorityText) : fail(f('priority'), fitMessage.badNumber('priority', priorityText, 'a whole number'));
    const isServed = outcomeText === 'AGENT';
    if (isServed && served && queued && Math.abs(at.ser_start! - at.q_exit!) > SKEW_NOTE_SEC) {
      reinterpreted.add('serviceStartAwayFromQueueExit', `ser_start more than ${SKEW_NOTE_SEC} s from q_exit (clocks out of step): the wait is q_time as logged`, line);
    }
    if (isServed && served && serTime === 0) reinterpreted.add('zeroService', 'served by an agent in 0 s: kept (counts as answered), left out of the lognormal fit (log 0)', line);
    if (!isServed && qTime === 0) reinterpreted.add('zeroWaitAbandon', 'hung up 0 s after queueing: kept as an abandonment at 0 s', line);
    firstDay = Math.min(firstDay, day);
    lastDay = Math.max(lastDay, day);
    parsed.push({
      line,
      day,
      record: {
        line,
        id: f('call_id').text.trim(),
        customer,
        type: f('type').text.trim() || 'none',
        priority,
        arrivalOfDay: at.vru_exit!,
        queued,
        waitSec: queued ? qTime : 0,
        outcome: isServed ? 'served' : 'abandoned',
        serviceStartOfDay: isServed && served ? at.ser_start! : null,
        serviceSec: isServed && served ? serTime : null,
        agent: isServed ? serverText : null,
      },
    });
  }
  if (parsed.length === 0) throw new FitError(fitMessage.noAgentSeekingCalls(data.length));
  const calls = parsed.map(({ day, record: { arrivalOfDay, serviceStartOfDay, ...r } }): CallRecord => {
    const base = (day - firstDay) * SECONDS_PER_DAY;
    return { ...r, arrivalSec: base + arrivalOfDay, serviceStartSec: serviceStartOfDay === null ? null : base + serviceStartOfDay };
  });
  return {
    layout: 'anonymous-bank',
    firstDay,
    days: lastDay - firstDay + 1,
    calls: byArrival(calls),
    rows: data.length,
    dropped: dropped.list(),
    reinterpreted: reinterpreted.list(),
    hasCustomers: true,
    hasAgents: true,
  };
}
