/**
 * The built-in layouts of `ccsim fit --layout NAME`, and which one a log's header says it is
 * when neither --layout nor --columns is given.
 */
import type { CallLog } from '../call-log.js';
import { CCSIM_LOG_COLUMNS } from '../ccsim-log-format.js';
import { BANK_COLUMNS, readAnonymousBank } from './anonymous-bank.js';
import { readCcsimLog } from './ccsim.js';

export interface Layout {
  name: string;
  read: (text: string) => CallLog;
  /** Credit the data's source asks for, carried into the fitted scenario's header. */
  credit?: readonly string[];
  describe: string;
}

export const BANK_CREDIT = [
  'Data: the "Anonymous Bank" call-centre log of the Technion\'s Service Enterprise Engineering (SEE) Center,',
  'collected and published by Avishai Mandelbaum and colleagues (Brown et al., "Statistical Analysis of a Telephone',
  'Call Center: A Queueing-Science Perspective", JASA 100, 2005).',
];

export const LAYOUTS: Record<string, Layout> = {
  'anonymous-bank': { name: 'anonymous-bank', read: readAnonymousBank, credit: BANK_CREDIT, describe: 'the Anonymous Bank log (tab-separated, 17 fields)' },
  ccsim: { name: 'ccsim', read: readCcsimLog, describe: 'the call log of `ccsim run --log` (CSV)' },
};

/** The layout a log's first line announces, or null. */
export function detectLayout(text: string): Layout | null {
  const end = text.indexOf('\n');
  const first = (end < 0 ? text : text.slice(0, end)).replace(/\r$/, '').replace(/^\uFEFF/, '');
  const tabs = first.split('\t').map((s) => s.trim());
  if (BANK_COLUMNS.every((c) => tabs.includes(c))) return LAYOUTS['anonymous-bank']!;
  if (first.split(',').map((s) => s.trim()).join(',') === CCSIM_LOG_COLUMNS.join(',')) return LAYOUTS.ccsim!;
  return null;
}
