/**
 * summary.json read back (by `ccsim report` and the report rebuilt by run/compare/sweep): what the
 * report and the run charts read. See read.ts.
 */
import { z } from 'zod';
import type { Summary } from '../summary.js';
import { readStoredJson } from './read.js';
import { count, estimate, estimates, list, name, record, seed, STORED_BOUNDS, storedNumber } from './values.js';

const row = z.looseObject({ index: count(0, STORED_BOUNDS.days * STORED_BOUNDS.intervalsPerDay), startSec: storedNumber, kpis: estimates });

/** A month of the customer lifecycle: the figures the charts draw. */
export const customerMonth = z.looseObject({
  index: count(0, STORED_BOUNDS.months),
  active: estimate,
  churned: estimate,
  returned: estimate,
  cumulativeProfit: estimate,
});

/** The lifecycle's block: counts (estimates), the satisfaction shares and the months. */
export const customers = z.looseObject({
  satisfactionShare: record(estimate, 10).optional(),
  months: list(customerMonth, STORED_BOUNDS.months).optional(),
});

/** A breakdown (channels, reasons, groups): name → figures (estimates or nested records). */
const breakdown = record(record(z.unknown(), 1000), STORED_BOUNDS.items);

export const SummarySchema = z.looseObject({
  scenario: name,
  seed,
  replications: count(1, STORED_BOUNDS.replications),
  kpis: estimates,
  economics: estimates,
  customers: customers.optional(),
  channels: breakdown,
  reasons: breakdown,
  groups: breakdown,
  series: z.looseObject({
    intervalSec: z.number().positive('a positive number of seconds').max(86_400, 'at most a day (86,400 s)'),
    intraday: list(row.extend({ days: z.number().min(0, 'a number ≥ 0') }), STORED_BOUNDS.intervalsPerDay),
    day: list(row, STORED_BOUNDS.days),
    month: list(row, STORED_BOUNDS.months),
  }),
  meta: z.looseObject({
    warmupSec: z.number().min(0, 'a number ≥ 0'),
    horizonSec: z.number().positive('a number > 0'),
    serviceLevel: z.looseObject({ thresholdSec: z.number().min(0, 'a number ≥ 0'), target: z.number().min(0, 'a share from 0 to 1').max(1, 'a share from 0 to 1') }),
  }),
});

/** The summary in `text` (from `file`); throws StoredFileError. */
export function readSummary(file: string, text: string, hint?: string): Summary {
  return readStoredJson(SummarySchema, file, text, hint) as unknown as Summary;
}

