/**
 * A call log in any delimited layout, read through a column mapping (column-mapping.ts). Rules,
 * the same for every ACD export:
 *
 * - outcome from the outcome column's value mapping, or (without one) served iff `answered` is
 *   filled; values in `outcomes.ignore` are dropped and counted; any other value is an error;
 * - wait = answered − queued (served) or hang-up − queued (abandoned), where queued falls back to
 *   arrival when the log has no queue column; a call that queued has a queue time or waited > 0;
 * - an abandoned call whose queue column is present but empty hung up before asking for an agent
 *   (in an IVR): dropped and counted;
 * - a served call without `ended` keeps its wait and has no service time (counted);
 * - any negative duration (queued before arrival, answered before queued, ended before answered)
 *   is an error naming the cell: a log like that cannot be trusted silently;
 * - with a date column, times are times of day of that date and roll past midnight along the call
 *   (arrival → queued → answered → ended), as in the bank's log.
 */
import { byArrival, RowCounter, type CallLog, type CallRecord } from '../call-log.js';
import { SECONDS_PER_DAY } from '../../engine/civil-time.js';
import { parseDelimited, type Field, type Row } from '../delimited.js';
import { fitMessage, FitError } from '../messages.js';
import { timeParser } from '../time-format.js';
import type { ColumnMapping } from './column-mapping.js';
import { checkWidth, fail } from './fields.js';

type FieldName = keyof ColumnMapping['columns'];
const HALF_DAY = SECONDS_PER_DAY / 2;

/** Column index (0-based) of every mapped field, from the header's names or 1-based numbers. */
function columnIndex(mapping: ColumnMapping, header: Row | null, width: number): Partial<Record<FieldName, number>> {
  const names = header ? header.fields.map((f) => f.text.trim()) : [];
  const out: Partial<Record<FieldName, number>> = {};
  const missing: string[] = [];
  for (const [field, col] of Object.entries(mapping.columns) as [FieldName, string | number | undefined][]) {
    if (col === undefined) continue;
    if (typeof col === 'number') {
      if (col > width) throw new FitError(fitMessage.mappingIndex(field, col, width), header?.line ?? 1, 1);
      out[field] = col - 1;
    } else if (header) {
      const i = names.indexOf(col);
      if (i < 0) missing.push(col);
      out[field] = i;
    } else {
      throw new FitError(fitMessage.mapping(`columns.${field}`, `"${col}" names a column, but header is false: give its number (1 = first)`));
    }
  }
  if (missing.length > 0) throw new FitError(fitMessage.missingColumns(missing, names), header!.line, 1);
  return out;
}

export function readWithMapping(text: string, mapping: ColumnMapping, layout: string): CallLog {
  const rows = parseDelimited(text, mapping.delimiter, mapping.quote);
  if (rows.length === 0) throw new FitError(fitMessage.emptyLog());
  const header = mapping.header ? rows[0]! : null;
  const data = mapping.header ? rows.slice(1) : rows;
  if (data.length === 0) throw new FitError(fitMessage.noCalls(), header?.line ?? 1, 1);
  const width = (header ?? data[0]!).fields.length;
  const ix = columnIndex(mapping, header, width);
  const time = timeParser(mapping.time.format);
  const dateOf = mapping.time.dateFormat ? timeParser(mapping.time.dateFormat) : null;
  const empty = new Set(mapping.empty);
  const colName = (field: FieldName) => String(mapping.columns[field]);
  const dropped = new RowCounter();
  const reinterpreted = new RowCounter();
  const parsed: CallRecord[] = [];
  let first = Infinity;
  let lastDay = -Infinity;
  const outcomeOf = new Map<string, 'served' | 'abandoned' | 'ignore'>();
  if (mapping.outcomes) {
    for (const v of mapping.outcomes.served) outcomeOf.set(v, 'served');
    for (const v of mapping.outcomes.abandoned) outcomeOf.set(v, 'abandoned');
    for (const v of mapping.outcomes.ignore) outcomeOf.set(v, 'ignore');
  }
  for (const row of data) {
    checkWidth(row, width);
    const cell = (field: FieldName): Field | null => (ix[field] === undefined ? null : row.fields[ix[field]]!);
    const text = (field: FieldName): string | null => {
      const c = cell(field);
      return c === null || empty.has(c.text.trim()) ? null : c.text.trim();
    };
    // Times: absolute, or times of day on the row's date, rolled forward along the call.
    let base = 0;
    if (dateOf) {
      const c = cell('date')!;
      const d = dateOf.parse(c.text);
      if (d === null) fail(c, fitMessage.badDate(colName('date'), c.text, dateOf.format));
      base = d;
    }
    let previous = -Infinity;
    let rolled = false;
    const at = (field: FieldName): number | null => {
      const c = cell(field);
      if (c === null || text(field) === null) return null;
      let v = time.parse(c.text);
      if (v === null) fail(c, fitMessage.badTime(colName(field), c.text, time.format));
      if (dateOf) {
        v += base;
        while (v < previous - HALF_DAY) {
          v += SECONDS_PER_DAY;
          rolled = true;
        }
      }
      previous = Math.max(previous, v);
      return v;
    };
    const arrival = at('arrival');
    if (arrival === null) fail(cell('arrival')!, fitMessage.missingTime(colName('arrival'), 'logged'));
    const queuedAt = at('queued');
    const answered = at('answered');
    const abandonedAt = at('abandoned');
    const ended = at('ended');
    let outcome: 'served' | 'abandoned';
    if (mapping.outcomes) {
      const c = cell('outcome')!;
      const o = outcomeOf.get(c.text.trim());
      if (o === undefined) fail(c, fitMessage.badOutcome(colName('outcome'), c.text, [...outcomeOf.keys()]));
      if (o === 'ignore') {
        dropped.add(`ignored:${c.text.trim()}`, `outcome "${c.text.trim()}" (listed in outcomes.ignore)`, row.line);
        continue;
      }
      outcome = o;
    } else outcome = answered !== null ? 'served' : 'abandoned';
    if (mapping.channels && ix.channel !== undefined) {
      const ch = cell('channel')!.text.trim();
      if (!mapping.channels.includes(ch)) {
        dropped.add(`channel:${ch}`, `channel "${ch}" (the fit covers ${mapping.channels.join(', ')})`, row.line);
        continue;
      }
    }
    const negative = (what: string, from: FieldName, to: FieldName, a: number, b: number) => {
      if (b < a) fail(cell(to)!, fitMessage.negativeDuration(what, colName(from), colName(to), b - a));
    };
    if (queuedAt !== null) negative('the time before queueing', 'arrival', 'queued', arrival, queuedAt);
    const queueStart = queuedAt ?? arrival;
    const queueField: FieldName = queuedAt !== null ? 'queued' : 'arrival';
    let waitSec: number;
    let serviceStartSec: number | null = null;
    let serviceSec: number | null = null;
    if (outcome === 'served') {
      if (answered === null) fail(cell('answered') ?? cell('arrival')!, fitMessage.missingTime(mapping.columns.answered === undefined ? 'answered (no column mapped)' : colName('answered'), 'served'));
      negative('the wait', queueField, 'answered', queueStart, answered);
      waitSec = answered - queueStart;
      serviceStartSec = answered;
      if (ended === null) reinterpreted.add('servedWithoutEnd', 'served, but no end of service: counted as answered; no handle time', row.line);
      else {
        negative('the service time', 'answered', 'ended', answered, ended);
        serviceSec = ended - answered;
      }
    } else {
      if (ix.queued !== undefined && queuedAt === null) {
        dropped.add('abandonedBeforeQueue', 'abandoned with an empty queue time: hung up before asking for an agent', row.line);
        continue;
      }
      const hangUp = abandonedAt ?? ended;
      const hangField: FieldName = abandonedAt !== null ? 'abandoned' : 'ended';
      if (hangUp === null) fail(cell(hangField)!, fitMessage.missingTime(colName(hangField), 'abandoned'));
      negative('the wait', queueField, hangField, queueStart, hangUp);
      waitSec = hangUp - queueStart;
    }
    if (rolled) reinterpreted.add('pastMidnight', "times after midnight of the row's date, read as the next day", row.line);
    const priorityText = text('priority');
    const priority = priorityText === null ? null : Number(priorityText);
    if (priority !== null && !Number.isFinite(priority)) fail(cell('priority')!, fitMessage.badNumber(colName('priority'), priorityText!, 'a number'));
    first = Math.min(first, arrival);
    lastDay = Math.max(lastDay, Math.floor(arrival / SECONDS_PER_DAY));
    parsed.push({
      line: row.line,
      id: text('id') ?? String(row.line),
      customer: text('customer'),
      type: ix.type === undefined ? 'all' : (text('type') ?? 'none'),
      priority,
      arrivalSec: arrival,
      queued: queuedAt !== null || waitSec > 0 || outcome === 'abandoned',
      waitSec,
      outcome,
      serviceStartSec,
      serviceSec,
      agent: outcome === 'served' ? text('agent') : null,
    });
  }
  if (parsed.length === 0) throw new FitError(fitMessage.noAgentSeekingCalls(data.length));
  const firstDay = Math.floor(first / SECONDS_PER_DAY);
  const shift = firstDay * SECONDS_PER_DAY;
  const calls = parsed.map((c) => ({ ...c, arrivalSec: c.arrivalSec - shift, serviceStartSec: c.serviceStartSec === null ? null : c.serviceStartSec - shift }));
  return {
    layout,
    firstDay,
    days: lastDay - firstDay + 1,
    calls: byArrival(calls),
    rows: data.length,
    dropped: dropped.list(),
    reinterpreted: reinterpreted.list(),
    hasCustomers: ix.customer !== undefined && calls.some((c) => c.customer !== null),
    hasAgents: ix.agent !== undefined && calls.some((c) => c.agent !== null),
  };
}
