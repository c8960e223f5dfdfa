import { ccsimLogLine, CCSIM_LOG_HEADER } from '../fit/ccsim-log-format.js';
import type { ModelConfig } from '../model/config.js';
import type { ContactRecord } from '../model/contact-center.js';

export { CCSIM_LOG_HEADER };

/**
 * A simulated contact as a line of the ccsim call log (fit/ccsim-log-format.ts: the layout
 * `ccsim fit --layout ccsim` reads), with the scenario's names for reasons, channels and groups;
 * `day0` is the day number of the simulation's day 0 (its calendar date, or 1970-01-01).
 */
export function callLogLine(config: ModelConfig, day0: number, c: Readonly<ContactRecord>): string {
  const nan = (x: number) => (Number.isNaN(x) ? null : x);
  return ccsimLogLine(day0, {
    id: c.serial,
    customer: c.customer >= 0 ? c.customer : null,
    type: config.reasons[c.reason]!.name,
    channel: config.channels[c.channel]!.kind,
    arrivalSec: c.arrivalSec,
    queuedSec: nan(c.queuedSec),
    answeredSec: nan(c.answeredSec),
    endedSec: c.endedSec,
    outcome: c.served ? 'served' : 'abandoned',
    group: c.group >= 0 ? config.groups[c.group]!.name : null,
    agent: null,
  });
}
