/**
 * `--layout ccsim`: the call log `ccsim run --log FILE` writes (ccsim-log-format.ts), read as a
 * fixed column mapping. Voice contacts are fitted; chat and email rows are dropped and counted
 * (their queues follow other rules: concurrency, no abandonment).
 */
import type { CallLog } from '../call-log.js';
import { CCSIM_LOG_COLUMNS, CCSIM_LOG_OUTCOMES, CCSIM_LOG_TIME_FORMAT } from '../ccsim-log-format.js';
import { ColumnMappingSchema } from './column-mapping.js';
import { readWithMapping } from './columns.js';

const name = (c: (typeof CCSIM_LOG_COLUMNS)[number]) => c;

export const CCSIM_MAPPING = ColumnMappingSchema.parse({
  delimiter: ',',
  header: true,
  quote: true,
  time: { format: CCSIM_LOG_TIME_FORMAT },
  columns: {
    id: name('id'),
    customer: name('customer'),
    type: name('type'),
    channel: name('channel'),
    arrival: name('arrival'),
    queued: name('queued'),
    answered: name('answered'),
    ended: name('ended'),
    outcome: name('outcome'),
    agent: name('agent'),
  },
  outcomes: { served: [CCSIM_LOG_OUTCOMES[0]], abandoned: [CCSIM_LOG_OUTCOMES[1]] },
  channels: ['voice'],
});

export function readCcsimLog(text: string): CallLog {
  return readWithMapping(text, CCSIM_MAPPING, 'ccsim');
}
