/**
 * A verdict file read back (`compare --baseline FILE`, written by `--write-baseline`): see
 * output/verdicts.ts for the format and read.ts for how stored files are checked.
 */
import { z } from 'zod';
import { VERDICT_FIGURES } from '../../experiment/verdict.js';
import { isName } from '../../model/names.js';
import { readStoredJson } from './read.js';
import { count, name, record, seed, STORED_BOUNDS } from './values.js';

export const VERDICT_FORMAT = 'ccsim-verdicts';
const VERDICTS = ['better', 'worse', 'indistinguishable'] as const;

export const VerdictsSchema = z
  .looseObject({
    format: z.literal(VERDICT_FORMAT),
    version: z.literal(1),
    scenario: name,
    seed,
    replications: count(2, STORED_BOUNDS.replications),
    by: z.enum(VERDICT_FIGURES as [string, ...string[]]).nullable(),
    verdicts: record(record(z.unknown(), 64), STORED_BOUNDS.items),
  })
  .superRefine((d, ctx) => {
    const figures = ['profit', ...(d.by && d.by !== 'profit' ? [d.by] : [])];
    for (const [policy, v] of Object.entries(d.verdicts)) {
      if (!isName(policy)) ctx.addIssue({ code: 'custom', message: 'a policy name (letters, digits, ".", "_" and "-")', path: ['verdicts', policy] });
      for (const f of figures) {
        if (!(VERDICTS as readonly unknown[]).includes(v[f])) ctx.addIssue({ code: 'custom', message: `must be one of ${VERDICTS.join(', ')}`, path: ['verdicts', policy, f] });
      }
    }
  });

export interface StoredVerdicts {
  scenario: string;
  seed: number;
  replications: number;
  by: string | null;
  verdicts: Record<string, Record<string, string>>;
}

/** The verdict file in `text` (from `file`); throws StoredFileError. */
export function readVerdicts(file: string, text: string): StoredVerdicts {
  return readStoredJson(VerdictsSchema, file, text, ' (a verdict file is written by compare --write-baseline)') as StoredVerdicts;
}

