import { z } from 'zod';
import { LIMITS } from './limits.js';

/**
 * The scenario format: one zod schema is the validator, the TypeScript type (`Scenario`) and the
 * JSON Schema that `ccsim schema` prints. Objects are strict: an unknown key is an error (the
 * loader suggests the nearest known key), never a silent fallback to a default.
 */

const positive = (what: string, max: number) =>
  z.number().gt(0, `${what} must be > 0`).max(max, `${what} must be at most ${max.toLocaleString('en-US')} (limit)`);

const nonNegative = (what: string, max: number) =>
  z.number().min(0, `${what} must be ≥ 0`).max(max, `${what} must be at most ${max.toLocaleString('en-US')} (limit)`);

/** A span of simulated time: exactly one of days, hours or months (a month is 30 days). */
export const DurationSchema = z
  .strictObject({
    days: positive('days', LIMITS.horizonDays).optional(),
    hours: positive('hours', LIMITS.horizonDays * 24).optional(),
    months: positive('months', LIMITS.horizonDays / 30).optional(),
  })
  .refine((d) => [d.days, d.hours, d.months].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of days, hours or months, e.g. { days: 20 }',
  })
  .meta({ description: 'Simulated time: exactly one of { days }, { hours } or { months } (a month is 30 days).' });

const meanSec = positive('meanSec', LIMITS.durationSec).meta({ description: 'Mean, seconds.' });
const cv = positive('cv', LIMITS.cv).meta({ description: 'Coefficient of variation (standard deviation / mean).' });

/** A positive duration distribution given by its mean (and its cv where it has one). */
export const DistributionSchema = z
  .discriminatedUnion('dist', [
    z.strictObject({ dist: z.literal('exponential'), meanSec }),
    z.strictObject({ dist: z.literal('constant'), meanSec }),
    z.strictObject({ dist: z.literal('lognormal'), meanSec, cv }),
    z.strictObject({ dist: z.literal('gamma'), meanSec, cv }),
  ])
  .meta({ description: 'A duration distribution: exponential or constant { meanSec }, lognormal or gamma { meanSec, cv }.' });

export const PolicySchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a policy name uses letters, digits, ".", "_" and "-"')
    .meta({ description: 'Name shown in comparisons; "baseline" is the base scenario itself.' }),
  set: z
    .record(z.string(), z.unknown())
    .meta({ description: 'Dot path → value, applied over the base scenario, e.g. { "staffing.agents": 65 }.' }),
});

export const ScenarioSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'name must be a file-safe word: letters, digits, ".", "_" and "-"')
      .meta({ description: 'Scenario name; outputs go to out/<name>/.' }),
    description: z.string().optional().meta({ description: 'Free text shown in the report.' }),
    seed: z
      .int('seed must be an integer')
      .min(0, 'seed must be ≥ 0')
      .max(2 ** 32 - 1, 'seed must be below 2^32')
      .default(1)
      .meta({ description: 'Seed of every random stream; a fixed default makes runs reproducible.' }),
    horizon: DurationSchema,
    warmup: DurationSchema.optional().meta({ description: 'Initial span excluded from every KPI.' }),
    arrivals: z.strictObject({
      ratePerHour: positive('ratePerHour', LIMITS.ratePerHour).meta({ description: 'Poisson arrival rate, contacts per hour.' }),
    }),
    handleTime: DistributionSchema,
    patience: DistributionSchema.optional().meta({ description: 'Time callers wait before hanging up; absent: nobody hangs up.' }),
    staffing: z.strictObject({
      agents: z
        .int('agents must be a whole number')
        .min(1, 'agents must be ≥ 1')
        .max(LIMITS.agents, `agents must be at most ${LIMITS.agents.toLocaleString('en-US')} (limit)`)
        .meta({ description: 'Constant headcount, around the clock, no shrinkage.' }),
      wagePerHour: nonNegative('wagePerHour', 10_000)
        .default(30)
        .meta({ description: 'Loaded cost of a paid agent hour (default 30 currency units).' }),
    }),
    serviceLevel: z
      .strictObject({
        thresholdSec: nonNegative('thresholdSec', LIMITS.durationSec).meta({ description: 'Answered within this many seconds counts.' }),
      })
      .default({ thresholdSec: 20 }),
    economics: z
      .strictObject({
        discountRatePerYear: nonNegative('discountRatePerYear', 1)
          .default(0.08)
          .meta({ description: 'Annual discount rate for the NPV (default 0.08).' }),
      })
      .default({ discountRatePerYear: 0.08 }),
    policies: z.array(PolicySchema).optional().meta({ description: 'Variants for `ccsim compare`; the base is "baseline".' }),
  })
  .meta({ title: 'ccsim scenario', description: 'A contact-center scenario for ccsim.' });

/** A scenario as written (before defaults). */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
/** A validated scenario, defaults applied. */
export type Scenario = z.output<typeof ScenarioSchema>;
export type Duration = z.output<typeof DurationSchema>;
export type Distribution = z.output<typeof DistributionSchema>;

/** The JSON Schema (draft 2020-12) of the scenario format, as `ccsim schema` prints it. */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(ScenarioSchema, { io: 'input' });
}
