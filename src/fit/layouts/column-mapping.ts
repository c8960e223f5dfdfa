/**
 * The column-mapping file of `ccsim fit --columns FILE`: how to read another ACD's call log.
 * YAML, checked strictly (an unknown key is an error, as in scenarios):
 *
 * ```yaml
 * delimiter: ","            # one character; "\t" for tabs
 * header: true              # the first row names the columns (then columns are named; else 1-based numbers)
 * quote: true               # RFC 4180 quoting with "
 * time:
 *   format: "YYYY-MM-DD HH:mm:ss"   # tokens YYYY MM DD HH mm ss, optional fraction .SSS; or "unix" (seconds)
 *   dateFormat: "YYMMDD"            # only with columns.date: times are then times of day of that date
 * empty: ["", "NULL"]       # cell values meaning "no time" (default [""])
 * columns:                  # a column name (or number) per field; only arrival and ended are required
 *   id: call_id
 *   arrival: offered_at     # when the call asked for an agent
 *   queued: queue_start     # joined the queue; empty = answered at once (absent: queued from arrival if it waited)
 *   answered: answer_time   # service start; empty = not served
 *   ended: end_time         # end of service, or hang-up
 *   abandoned: hangup_time  # optional: the hang-up moment, when a separate column holds it
 *   outcome: disposition    # optional: without it, answered ⇒ served, else abandoned
 *   type: skill
 *   agent: agent_id
 *   customer: ani
 *   channel: media
 *   priority: prio
 *   date: call_date         # optional, with time.dateFormat
 * outcomes:                 # with columns.outcome: which values mean what; anything else is an error
 *   served: [ANSWERED]
 *   abandoned: [ABANDONED]
 *   ignore: [TEST, TRANSFER_OUT]   # dropped and counted
 * channels: [voice]         # optional: only these channel values are fitted; others dropped and counted
 * ```
 */
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { fitMessage, FitError } from '../messages.js';

const column = z.union([z.string().min(1), z.int().min(1)]);

export const ColumnMappingSchema = z.strictObject({
  delimiter: z.string().length(1, 'delimiter must be one character, e.g. "," or "\\t"').default(','),
  header: z.boolean().default(true),
  quote: z.boolean().default(true),
  time: z
    .strictObject({
      format: z.string().min(1).default('YYYY-MM-DD HH:mm:ss'),
      dateFormat: z.string().min(1).optional(),
    })
    .default({ format: 'YYYY-MM-DD HH:mm:ss' }),
  empty: z.array(z.string()).default(['']),
  columns: z.strictObject({
    id: column.optional(),
    arrival: column,
    queued: column.optional(),
    answered: column.optional(),
    ended: column,
    abandoned: column.optional(),
    outcome: column.optional(),
    type: column.optional(),
    agent: column.optional(),
    customer: column.optional(),
    channel: column.optional(),
    priority: column.optional(),
    date: column.optional(),
  }),
  outcomes: z
    .strictObject({
      served: z.array(z.string()).min(1),
      abandoned: z.array(z.string()).min(1),
      ignore: z.array(z.string()).default([]),
    })
    .optional(),
  channels: z.array(z.string()).min(1).optional(),
});

export type ColumnMapping = z.output<typeof ColumnMappingSchema>;
export type ColumnMappingInput = z.input<typeof ColumnMappingSchema>;

/** Parses and checks a mapping file; problems are FitErrors at the key's line and column. */
export function parseColumnMapping(text: string): ColumnMapping {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const p = lines.linePos(e.pos[0]);
    throw new FitError(fitMessage.mapping('', `YAML syntax error: ${e.message.split('\n')[0]}`), p.line, p.col);
  }
  const result = ColumnMappingSchema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.map(String);
    let node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    for (let k = path.length - 1; !node?.range && k >= 0; k--) node = doc.getIn(path.slice(0, k), true) as typeof node;
    const pos = node?.range ? lines.linePos(node.range[0]) : undefined;
    const detail = issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
    throw new FitError(fitMessage.mapping(path.join('.'), detail), pos?.line, pos?.col);
  }
  const m = result.data;
  if (m.columns.outcome !== undefined && m.outcomes === undefined) throw new FitError(fitMessage.mapping('outcomes', 'columns.outcome needs outcomes: { served: [...], abandoned: [...] }'));
  if (m.columns.date !== undefined && m.time.dateFormat === undefined) throw new FitError(fitMessage.mapping('time.dateFormat', 'columns.date needs time.dateFormat, e.g. "YYYY-MM-DD"'));
  return m;
}
