/**
 * comparison.json read back (by `ccsim report` and the report rebuilt by run/compare/sweep): what
 * the report and the comparison charts read. See read.ts.
 */
import { z } from 'zod';
import type { Comparison } from '../../experiment/compare.js';
import { readStoredJson } from './read.js';
import { customerMonth } from './summary.js';
import { count, estimate, estimates, key, list, name, paired, record, seed, STORED_BOUNDS } from './values.js';

const policy = z
  .looseObject({
    name,
    kpis: estimates,
    economics: estimates,
    customers: z
      .looseObject({
        satisfactionShare: record(estimate, 10).optional(),
        months: list(customerMonth.extend({ delta: z.looseObject({ cumulativeProfit: paired }) }), STORED_BOUNDS.months),
      })
      .optional(),
    delta: record(paired, 1000),
    benefitCost: estimate.nullable(),
  })
  .refine((p) => p.benefitCost === null || p.delta.supportCost !== undefined, { message: 'a benefit–cost ratio needs delta.supportCost', path: ['delta', 'supportCost'] });

export const ComparisonSchema = z
  .looseObject({
    scenario: name,
    seed,
    replications: count(1, STORED_BOUNDS.replications),
    baseline: name,
    policies: list(policy, STORED_BOUNDS.items).min(1, 'at least one policy'),
    ranking: list(name, STORED_BOUNDS.items),
    verdict: list(z.looseObject({ policy: name }), STORED_BOUNDS.items),
    comparisons: count(0, STORED_BOUNDS.items),
    familyLevel: z.number(),
    verdictLevel: z.number(),
    by: key.nullable(),
  })
  .superRefine((c, ctx) => {
    const names = new Set(c.policies.map((p) => p.name));
    c.verdict.forEach((v, i) => {
      if (!names.has(v.policy)) ctx.addIssue({ code: 'custom', message: `names no policy of "policies"`, path: ['verdict', i, 'policy'] });
    });
  });

/** The comparison in `text` (from `file`); throws StoredFileError. */
export function readComparison(file: string, text: string, hint?: string): Comparison {
  return readStoredJson(ComparisonSchema, file, text, hint) as unknown as Comparison;
}
