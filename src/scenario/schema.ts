import { z } from 'zod';
import { dayNumber } from './dates.js';
import { DEFAULT_SATISFACTION_FORMULA } from './formula.js';
import { LIMITS } from './limits.js';
import * as msg from './messages.js';
import { NAME_MAX_LENGTH, NAME_PATTERN } from '../model/names.js';

export { DEFAULT_SATISFACTION_FORMULA };

/**
 * The scenario format: one zod schema is the validator, the TypeScript type (`Scenario`) and the
 * JSON Schema that `ccsim schema` prints. Objects are strict: an unknown key is an error (the
 * loader suggests the nearest known key), never a silent fallback to a default.
 */

const positive = (what: string, max: number) =>
  z.number().gt(0, `${what} must be > 0`).max(max, `${what} must be at most ${max.toLocaleString('en-US')} (limit)`);

const nonNegative = (what: string, max: number) =>
  z.number().min(0, `${what} must be ≥ 0`).max(max, `${what} must be at most ${max.toLocaleString('en-US')} (limit)`);

/** A whole number in [min, max]; `limit` marks the maximum as a machine limit in the message. */
const whole = (what: string, min: number, max: number, limit = false) =>
  z
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be ≥ ${min}`)
    .max(max, `${what} must be at most ${max.toLocaleString('en-US')}${limit ? ' (limit)' : ''}`);

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
    .regex(NAME_PATTERN, 'a policy name uses letters, digits, ".", "_" and "-"')
    .max(NAME_MAX_LENGTH, msg.nameTooLong('a policy name', NAME_MAX_LENGTH))
    .meta({ description: 'Name shown in comparisons; "baseline" is the base scenario itself.' }),
  set: z
    .record(z.string(), z.unknown())
    .refine((set) => Object.keys(set).length <= LIMITS.listItems, msg.tooManyItems('set', LIMITS.listItems))
    .meta({ description: 'Dot path → value, applied over the base scenario, e.g. { "staffing.agents": 65 }.' }),
});

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
const name = (what: string) =>
  z
    .string()
    .regex(NAME_PATTERN, `${what} must be a word of letters, digits, ".", "_" and "-"`)
    .max(NAME_MAX_LENGTH, msg.nameTooLong(what, NAME_MAX_LENGTH));
/** A list of named things (policies, groups, reasons, shifts): long enough for any center, bounded. */
const list = <T extends z.ZodType>(item: T, what: string) => z.array(item).max(LIMITS.listItems, msg.tooManyItems(what, LIMITS.listItems));
const clock = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a time of day is written "HH:MM", 00:00 to 24:00')
  .meta({ description: 'Time of day, "HH:MM".' });
/** A calendar date, "YYYY-MM-DD" (checked to exist: no 30 February). */
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written "YYYY-MM-DD"')
  .refine((d) => dayNumber(d) !== null, 'not a date of the calendar (check the month and the day)')
  .meta({ description: 'A date, "YYYY-MM-DD".' });

/** One weekly opening period: the days it applies to and its times ("24:00" ends at midnight). */
export const OpenPeriodSchema = z.strictObject({
  days: list(z.enum(WEEKDAYS), 'days').min(1, 'days needs at least one weekday').default([...WEEKDAYS]),
  start: clock,
  end: clock.meta({ description: 'End; earlier than start means the next day, "24:00" is midnight.' }),
});

export const HoursSchema = z
  .array(OpenPeriodSchema)
  .min(1, 'hours needs at least one opening period')
  .meta({ description: 'Weekly opening periods, e.g. [{ days: [mon, tue, wed, thu, fri], start: "08:00", end: "20:00" }]. Default: open whenever some group is on shift.' });

const probability = (what: string) => z.number().min(0, `${what} must be ≥ 0`).max(1, `${what} must be ≤ 1`);
const factors = (what: string, length: number) =>
  z
    .array(nonNegative(what, 1e6))
    .length(length, `${what} needs exactly ${length} factors`)
    .refine((a) => a.some((v) => v > 0), `${what} needs at least one factor > 0`);

export const ArrivalsSchema = z
  .strictObject({
    ratePerHour: positive('ratePerHour', LIMITS.ratePerHour)
      .optional()
      .meta({ description: 'Mean arrival rate, contacts per hour, over the whole profile. Required without `customers`; with them the customer base sets the level and the profiles only shape it.' }),
    intervalMin: z
      .union([z.literal(15), z.literal(30), z.literal(60)])
      .default(30)
      .meta({ description: 'Length of a profile and reporting interval: 15, 30 or 60 minutes.' }),
    intraday: z
      .array(nonNegative('intraday factor', 1e6))
      .optional()
      .meta({ description: 'Relative volume per interval of the day (1440/intervalMin values), normalised to mean 1.' }),
    intradayByWeekday: z
      .partialRecord(z.enum(WEEKDAYS), z.array(nonNegative('intraday factor', 1e6)))
      .optional()
      .meta({ description: 'Per-weekday intraday shapes, e.g. { fri: [...], sat: [...] }, replacing `intraday` on those days (each normalised to mean 1, so `weekly` still sets the day\'s volume).' }),
    weekly: factors('weekly', 7).optional().meta({ description: 'Relative volume Monday…Sunday, normalised to mean 1.' }),
    monthly: factors('monthly', 12).optional().meta({ description: 'Relative volume January…December (seasonality), normalised to mean 1.' }),
    trendPerYear: z.number().gt(-1, 'trendPerYear must be > −1').max(10, 'trendPerYear must be at most 10').default(0).meta({ description: 'Volume growth per year, e.g. 0.05.' }),
    dayFactorCv: nonNegative('dayFactorCv', 2).default(0).meta({ description: 'Day-to-day over-dispersion: cv of a gamma day factor with mean 1 (0 = Poisson).' }),
  })
  .meta({ description: 'Poisson arrivals, constant or shaped by intraday, weekly and monthly profiles and a trend. With customers, the base sets the level and these only shape it (write `arrivals: {}` for a flat shape).' });

export const ReasonSchema = z.strictObject({
  name: name('a reason name'),
  share: z
    .number()
    .gt(0, 'share must be > 0')
    .max(1, 'share must be ≤ 1')
    .optional()
    .meta({ description: 'Share of new contacts; shares add up to 1. Optional for a single reason; not given when customers.issuesPerMonth gives a rate per reason.' }),
  handleTime: DistributionSchema.optional().meta({ description: 'Handle time; default: the top-level handleTime.' }),
  resolveProb: probability('resolveProb').default(1).meta({ description: 'Probability a contact resolves the issue (before group and policy effects).' }),
  severity: z.int('severity must be a whole number').min(1, 'severity must be 1–5').max(5, 'severity must be 1–5').default(1),
  groups: list(name('a group name'), 'groups').min(1, 'groups needs at least one group').optional().meta({ description: 'Groups that may take it, in preference order; default: all, in listed order.' }),
  repeatDelay: DistributionSchema.default({ dist: 'exponential', meanSec: 172_800 }).meta({ description: 'Delay before an unresolved issue comes back (default exponential, 2 days).' }),
  maxRepeats: whole('maxRepeats', 0, 20).default(3),
});

const ChannelServiceLevelSchema = z
  .strictObject({
    thresholdSec: nonNegative('thresholdSec', LIMITS.durationSec).optional().meta({ description: 'Answered within this many seconds counts; default: serviceLevel.thresholdSec.' }),
    target: z.number().gt(0, 'target must be > 0').lt(1, 'target must be < 1').optional().meta({ description: 'Target share; default: serviceLevel.target.' }),
  })
  .meta({ description: 'This channel\'s service-level definition (chat is often 80/60 while voice is 80/20); default: the top-level serviceLevel.' });

export const ChannelsSchema = z
  .strictObject({
    voice: z
      .strictObject({
        share: probability('share'),
        serviceLevel: ChannelServiceLevelSchema.optional(),
        hours: HoursSchema.optional().meta({ description: 'Opening hours of voice, when they differ from the center\'s `hours`.' }),
      })
      .optional(),
    chat: z
      .strictObject({
        share: probability('share'),
        concurrency: whole('concurrency', 1, 10).default(2),
        handleStretch: z.number().min(1, 'handleStretch must be ≥ 1').max(10, 'handleStretch must be at most 10').default(1.3),
        serviceLevel: ChannelServiceLevelSchema.optional(),
        hours: HoursSchema.optional().meta({ description: 'Opening hours of chat, when they differ from the center\'s `hours`.' }),
      })
      .optional(),
    email: z
      .strictObject({
        share: probability('share'),
        responseTargetHours: positive('responseTargetHours', 24 * 30).default(24),
      })
      .optional(),
  })
  .meta({ description: 'Channel mix; default voice only. Chat: an agent holds `concurrency` chats; email: no abandonment, worked when no real-time contact waits.' });

export const ShiftSchema = z.strictObject({
  days: list(z.enum(WEEKDAYS), 'days').min(1, 'days needs at least one weekday').default([...WEEKDAYS]),
  start: clock,
  end: clock.meta({ description: 'End; earlier than start means the next day.' }),
  agents: whole('agents', 0, LIMITS.agents, true),
  breaks: list(
    z.strictObject({
      start: clock,
      minutes: positive('minutes', 240),
      staggerMin: nonNegative('staggerMin', 24 * 60).default(0).meta({ description: 'Agents take the break staggered over this window.' }),
    }),
    'breaks',
  ).default([]),
});

export const GroupSchema = z.strictObject({
  name: name('a group name'),
  agents: whole('agents', 1, LIMITS.agents, true)
    .optional()
    .meta({ description: 'Constant headcount around the clock (instead of shifts).' }),
  shifts: list(ShiftSchema, 'shifts').min(1, 'shifts needs at least one shift').optional(),
  roster: z
    .strictObject({
      intervalMin: z.union([z.literal(15), z.literal(30), z.literal(60)]).meta({ description: 'Length of a roster interval: 15, 30 or 60 minutes.' }),
      agents: z.array(whole('agents', 0, LIMITS.agents, true)).min(1, 'agents needs at least one interval').meta({ description: 'Agents on duty in each interval from day 0, 00:00: one day\'s, one week\'s or the whole horizon\'s worth of values (a day or a week repeats).' }),
    })
    .optional()
    .meta({ description: 'Agents on duty interval by interval (for example as observed in a log), instead of agents or shifts.' }),
  staffingScale: positive('staffingScale', 100)
    .default(1)
    .meta({ description: 'Multiplies the agents of every shift of the group (or its around-the-clock agents, or every roster value), each rounded to the nearest whole agent, halves up: one value that staffs the whole group up (1.1) or down (0.9).' }),
  wagePerHour: nonNegative('wagePerHour', 10_000).default(30),
  shrinkage: z.number().min(0, 'shrinkage must be ≥ 0').lt(1, 'shrinkage must be < 1').default(0).meta({ description: 'Share of scheduled agent-shifts lost to absence and training (paid, unavailable).' }),
  handleFactor: positive('handleFactor', 10).default(1),
  resolveOddsFactor: positive('resolveOddsFactor', 100).default(1).meta({ description: 'Multiplies the odds of resolution.' }),
  courtesy: z.number().min(1, 'courtesy must be 1–5').max(5, 'courtesy must be 1–5').default(3),
  escalateTo: name('a group name').optional().meta({ description: 'Group that takes this group\'s unresolved contacts (transfer).' }),
});

export const PolicyConfigSchema = z
  .strictObject({
    ahtTargetSec: positive('ahtTargetSec', LIMITS.durationSec).nullable().default(null).meta({ description: 'AHT target; contacts running past it are cut (null: none).' }),
    ahtPressure: probability('ahtPressure').default(0.5).meta({ description: 'Share of the time beyond the target that agents cut.' }),
    rushElasticity: nonNegative('rushElasticity', 10).default(1).meta({ description: 'Resolution × (cut/natural)^elasticity for a cut contact.' }),
    thoroughnessSec: nonNegative('thoroughnessSec', 3600).default(0).meta({ description: 'Planned extra time per contact.' }),
    ahtShiftSec: z
      .number()
      .max(0, 'ahtShiftSec must be ≤ 0 (seconds cut from every contact; planned extra time is thoroughnessSec)')
      .min(-3600, 'ahtShiftSec must be ≥ −3600')
      .default(0)
      .meta({ description: 'Seconds cut from every contact ("cut 20 s from every call": −20); a contact is never cut below half its natural length. Cut contacts count as rushed.' }),
    thoroughnessScaleSec: positive('thoroughnessScaleSec', 3600).default(120).meta({ description: 'Extra time that cuts the unresolved share by a factor e.' }),
    contextCarryOver: z.boolean().default(true).meta({ description: 'Repeat and transferred contacts arrive with their history.' }),
    reaskSec: nonNegative('reaskSec', 3600).default(60).meta({ description: 'Extra handle time when details are asked again.' }),
    queuePressure: z
      .strictObject({ waitingPerAgent: positive('waitingPerAgent', 1000), speedup: z.number().gt(0, 'speedup must be > 0').lt(1, 'speedup must be < 1') })
      .nullable()
      .default(null),
  })
  .meta({ description: 'Handle-time policy: AHT target, thoroughness, context, queue pressure.' });

export const CustomersSchema = z
  .strictObject({
    initial: whole('initial', 0, LIMITS.customers, true)
      .meta({ description: 'Active customers at the start (established, past onboarding).' }),
    monthlyFee: nonNegative('monthlyFee', 1e6).default(0).meta({ description: 'Revenue per active customer per month (fee or margin), accrued continuously.' }),
    issuesPerMonth: z
      .union([nonNegative('issuesPerMonth', LIMITS.issuesPerCustomerMonth), z.record(name('a reason name'), nonNegative('issuesPerMonth', LIMITS.issuesPerCustomerMonth))], {
        error: msg.issuesPerMonthType(LIMITS.issuesPerCustomerMonth),
      })
      .meta({
        description:
          'Issues (fresh contacts) per active customer per month, outside onboarding: one number (split over the reasons by their shares), or one per reason, e.g. { setup: 0.05, billing: 0.1 } (then the reasons give no share).',
      }),
    onboarding: z
      .strictObject({
        weeks: nonNegative('weeks', 520).meta({ description: 'Weeks after acquisition with a raised issue rate.' }),
        multiplier: nonNegative('multiplier', 100).meta({ description: 'Issue-rate multiplier during onboarding.' }),
      })
      .default({ weeks: 0, multiplier: 1 })
      .meta({ description: 'New customers raise more issues at first ("over 80% of buyers hit a problem").' }),
    baseChurnPerMonth: probability('baseChurnPerMonth').meta({ description: 'Probability an active customer leaves at the end of a month, before satisfaction effects.' }),
    acquisition: z
      .strictObject({
        perMonth: whole('perMonth', 0, LIMITS.customers, true).meta({ description: 'New customers at the start of every month.' }),
        costPerCustomer: nonNegative('costPerCustomer', 1e6).default(0).meta({ description: 'Acquisition cost per new customer.' }),
      })
      .default({ perMonth: 0, costPerCustomer: 0 }),
    returns: z
      .strictObject({
        windowDays: positive('windowDays', 3650).default(30).meta({ description: 'Days after acquisition during which an unresolved issue can end in a return.' }),
        prob: probability('prob').meta({ description: 'Probability that an issue ending unresolved in the window leads to a return.' }),
        refund: nonNegative('refund', 1e6).default(0).meta({ description: 'Refund (and lost margin) per return.' }),
        handlingCost: nonNegative('handlingCost', 1e6).default(0).meta({ description: 'Logistics and handling cost per return.' }),
      })
      .optional()
      .meta({ description: 'Product returns: the customer leaves, the refund and handling are costs. Absent: no returns.' }),
    telemetry: z
      .strictObject({
        detectProb: probability('detectProb').meta({ description: 'Share of issues the device reports before the customer notices.' }),
        outreach: z.boolean().default(false).meta({ description: 'Proactive outreach: agents contact the customers of detected issues (outbound work) before they call.' }),
        resolveProb: probability('resolveProb').default(0.8).meta({ description: 'Probability that the outbound contact fixes the issue; otherwise the customer calls later, as a repeat.' }),
        handleTime: DistributionSchema.optional().meta({ description: 'Handle time of an outbound contact; default: its reason\'s.' }),
      })
      .optional()
      .meta({ description: 'Devices that report faults. With outreach, a detected issue becomes an outbound contact that never abandons. Absent: no telemetry.' }),
    upsell: z
      .strictObject({
        offer: z.boolean().default(false).meta({ description: 'Agents make an end-of-call offer on support calls that resolved the issue.' }),
        acceptProb: probability('acceptProb').meta({ description: 'Probability an offer is accepted.' }),
        value: nonNegative('value', 1e6).meta({ description: 'Margin of an accepted offer, counted when accepted.' }),
        pitchSec: nonNegative('pitchSec', 3600).default(45).meta({ description: 'Handle time the pitch adds.' }),
      })
      .optional()
      .meta({ description: 'End-of-call offers; the satisfaction formula sees `pitched` (default: −0.4). Absent: none.' }),
    wordOfMouth: z
      .strictObject({
        tellsSatisfied: nonNegative('tellsSatisfied', 1000).default(3).meta({ description: 'People a satisfied contact (level 4–5) tells, on average (default 3).' }),
        tellsDissatisfied: nonNegative('tellsDissatisfied', 1000).default(9).meta({ description: 'People a dissatisfied contact (level 1–2) tells, on average (default 9).' }),
        convertProb: probability('convertProb').meta({ description: 'Probability that a satisfied telling wins a new customer next month (free).' }),
        deterProb: probability('deterProb').meta({ description: 'Probability that a dissatisfied telling loses one of next month\'s paid acquisitions.' }),
      })
      .optional()
      .meta({ description: 'Word of mouth changes next month\'s acquisitions. Absent: none.' }),
  })
  .meta({ description: 'The customer base: with it, contacts are raised by active customers, who pay a fee, churn and are acquired monthly. Absent: the lifecycle is off.' });

export const SatisfactionSchema = z
  .strictObject({
    formula: z
      .string()
      .min(1, 'formula must not be empty')
      .default(DEFAULT_SATISFACTION_FORMULA)
      .meta({
        description:
          'Score of a contact (mathjs expression) from waitSec, abandoned, resolved, rushed, reasked, repeats, transferred, handleMin, courtesy, proactive, pitched; functions min, max, exp, log, abs, sqrt; a ? b : c.',
      }),
    thresholds: z
      .tuple([z.number(), z.number(), z.number(), z.number()])
      .default([1.5, 2.5, 3.5, 4.5])
      .refine((t) => t[0] <= t[1] && t[1] <= t[2] && t[2] <= t[3], 'thresholds must be ascending')
      .meta({ description: 'Score below thresholds[0] is level 1 (very dissatisfied), … at or above thresholds[3] is level 5 (very satisfied).' }),
    noiseSd: nonNegative('noiseSd', 10).default(0.5).meta({ description: 'Normal noise added to each score (what the formula does not see).' }),
    churnMultipliers: z
      .tuple([nonNegative('multiplier', 100), nonNegative('multiplier', 100), nonNegative('multiplier', 100), nonNegative('multiplier', 100), nonNegative('multiplier', 100)])
      .default([3, 2, 1, 1, 0.4])
      .meta({ description: 'Churn multiplier of a recent contact at levels 1…5 (all 1: satisfaction does not affect churn).' }),
    memoryMonths: positive('memoryMonths', 120).default(3).meta({ description: 'Time constant of the decaying memory of a contact, months.' }),
  })
  .meta({ description: 'How a contact ends in a satisfaction level 1–5 and what the level does to churn (only with customers).' });

/** A numeric decision variable: min, min + step, … up to max. */
export const OptimizeRangeSchema = z
  .strictObject({
    min: z.number().meta({ description: 'Smallest value.' }),
    max: z.number().meta({ description: 'Largest value; max − min must be a whole number of steps.' }),
    step: z.number().gt(0, 'step must be > 0').default(1).meta({ description: 'Step between values (default 1).' }),
  })
  .refine((r) => r.min <= r.max, { message: 'min must be ≤ max' })
  .refine((r) => r.max === r.min || Math.abs((r.max - r.min) / r.step - Math.round((r.max - r.min) / r.step)) < 1e-9, { message: 'max − min must be a whole number of steps' })
  .refine((r) => (r.max - r.min) / r.step + 1 <= LIMITS.optimizeValues, { message: `at most ${LIMITS.optimizeValues.toLocaleString('en-US')} values (limit)` });

export const OptimizeSchema = z
  .strictObject({
    objective: z
      .enum(['profit', 'longTermValue', 'cost'])
      .default('profit')
      .meta({ description: 'What to maximise: profit or longTermValue (NPV + customer equity; needs customers); or minimise: cost (support cost + the costs of waiting, abandonment and the service-level penalty).' }),
    vary: z
      .record(z.string(), z.union([OptimizeRangeSchema, list(z.unknown(), 'a decision\'s list of values')
          .min(1, 'a list of values needs at least one value')
          .refine((vs) => new Set(vs.map((v) => JSON.stringify(v ?? null))).size === vs.length, 'each value at most once (a value listed twice is the same candidate)')]), {
        error: 'each decision is a dot path → { min, max, step? } or a list of values',
      })
      .refine((v) => Object.keys(v).length > 0, 'name at least one decision variable')
      .meta({
        description:
          'Decision variables: dot path (as in policies.set) → { min, max, step? } or a list of values, e.g. { "groups.tier1.shifts.0.agents": { min: 10, max: 40 }, "groups.tier1.shifts.0.start": ["07:00", "08:00"], "policy.ahtTargetSec": [null, 360], "callback": [null, { offerAboveSec: 120, acceptProb: 0.5 }] }.',
      }),
    require: list(z.string(), 'optimize.require').default([]).meta({ description: 'Requirements judged with the 95% CI, e.g. ["serviceLevel >= 0.8", "voice.abandonRate <= 0.05"].' }),
    start: z
      .enum(['analytic', 'scenario'])
      .default('analytic')
      .meta({ description: 'Where the search starts: analytic (Erlang C/A requirements per interval turned into shifts by a set-covering integer program) or scenario (the values as written).' }),
    indifference: z
      .number()
      .gt(0, 'indifference must be > 0')
      .optional()
      .meta({ description: 'The smallest difference in the objective worth telling apart (currency), for the final ranking and selection; default: 0.1% of what the center costs (economics.cost) at the search\'s end.' }),
  })
  .meta({ description: 'What `ccsim optimize` may change (vary), what it maximises or minimises (objective), and what must hold (require).' });

export const ScenarioSchema = z
  .strictObject({
    name: name('name').meta({ description: 'Scenario name; outputs go to out/<name>/.' }),
    description: z.string().optional().meta({ description: 'Free text shown in the report.' }),
    seed: z
      .int('seed must be an integer')
      .min(0, 'seed must be ≥ 0')
      .max(2 ** 32 - 1, 'seed must be below 2^32')
      .default(1)
      .meta({ description: 'Seed of every random stream; a fixed default makes runs reproducible.' }),
    horizon: DurationSchema,
    warmup: DurationSchema.optional().meta({ description: 'Initial span excluded from every KPI.' }),
    calendar: z
      .strictObject({
        startDate: date.optional().meta({ description: 'The date of day 0; then startWeekday and startMonth follow from it and are not given.' }),
        startWeekday: z.enum(WEEKDAYS).optional().meta({ description: 'Weekday of day 0 (default mon).' }),
        startMonth: z.enum(MONTHS).optional().meta({ description: 'Month of day 0 (default jan).' }),
        holidays: z.array(date).optional().meta({ description: 'Dates the center is closed all day (needs startDate).' }),
      })
      .default({})
      .meta({ description: 'Weekday and month of day 0 (which starts at 00:00).' }),
    hours: HoursSchema.optional(),
    closed: z
      .strictObject({
        action: z
          .enum(['retry', 'callback', 'lost'])
          .default('retry')
          .meta({ description: 'A contact arriving while closed: retry (hears a closed message, tries again in the next open period with retryProb), callback (leaves a message, called back in the next open period), lost (counted apart, the issue stays unresolved).' }),
        retryProb: probability('retryProb').default(0.7).meta({ description: 'With action retry: probability of trying again in the next open period.' }),
        delay: DistributionSchema.default({ dist: 'exponential', meanSec: 3600 }).meta({ description: 'Open time from the next opening to the retry, the callback, or a deferred follow-up (default exponential, 1 hour).' }),
      })
      .default({ action: 'retry', retryProb: 0.7, delay: { dist: 'exponential', meanSec: 3600 } })
      .meta({ description: 'What contacts arriving while the center is closed do; repeats and retrials that fall while closed move to the next open period after `delay`.' }),
    arrivals: ArrivalsSchema,
    handleTime: DistributionSchema.optional().meta({ description: 'Handle time of every reason that does not give its own.' }),
    reasons: list(ReasonSchema, 'reasons').min(1, 'reasons needs at least one reason').optional().meta({ description: 'Contact reasons; default: one reason "general".' }),
    channels: ChannelsSchema.optional(),
    patience: DistributionSchema.optional().meta({ description: 'Time callers wait before hanging up (voice, chat); absent: nobody hangs up.' }),
    staffing: z
      .strictObject({
        agents: whole('agents', 1, LIMITS.agents, true)
          .meta({ description: 'Constant headcount, around the clock, no shrinkage.' }),
        wagePerHour: nonNegative('wagePerHour', 10_000)
          .default(30)
          .meta({ description: 'Loaded cost of a paid agent hour (default 30 currency units).' }),
      })
      .optional()
      .meta({ description: 'One group of identical agents around the clock (the stationary form); or use groups.' }),
    groups: list(GroupSchema, 'groups').min(1, 'groups needs at least one group').optional().meta({ description: 'Agent groups with shifts; instead of staffing.' }),
    queue: z.strictObject({ discipline: z.enum(['fcfs', 'severity', 'repeat-first']).default('fcfs') }).default({ discipline: 'fcfs' }),
    policy: PolicyConfigSchema.default(PolicyConfigSchema.parse({})),
    retrial: z
      .strictObject({
        prob: probability('prob'),
        delay: DistributionSchema,
        maxRetrials: whole('maxRetrials', 1, 20).default(3),
      })
      .optional()
      .meta({ description: 'Abandoners call again with probability prob after delay.' }),
    callback: z
      .strictObject({
        offerAboveSec: nonNegative('offerAboveSec', LIMITS.durationSec),
        acceptProb: probability('acceptProb'),
        nextOpenPeriod: z
          .boolean()
          .default(false)
          .meta({ description: 'When the wait would run past closing: offer a callback in the next open period (true), or no callback (false).' }),
      })
      .optional()
      .meta({ description: 'Virtual hold: offered when the expected wait exceeds offerAboveSec; accepted callers keep their place off the line.' }),
    serviceLevel: z
      .strictObject({
        thresholdSec: nonNegative('thresholdSec', LIMITS.durationSec).meta({ description: 'Answered within this many seconds counts.' }),
        target: z.number().gt(0, 'target must be > 0').lt(1, 'target must be < 1').default(0.8).meta({ description: 'Target share, for the Erlang C reference staffing.' }),
      })
      .default({ thresholdSec: 20, target: 0.8 }),
    economics: z
      .strictObject({
        discountRatePerYear: nonNegative('discountRatePerYear', 1).default(0.08).meta({ description: 'Annual discount rate for the NPV (default 0.08).' }),
        costPerMinute: nonNegative('costPerMinute', 1000).default(0).meta({ description: 'Telephony/platform cost per handled minute.' }),
        costPerContact: nonNegative('costPerContact', 1e5).default(0).meta({ description: 'Fixed cost per handled contact.' }),
        waitingCostPerMinute: nonNegative('waitingCostPerMinute', 1e5)
          .default(0)
          .meta({ description: 'Money lost per minute a contact waits in queue (sales or goodwill; abandoners count up to hanging up); counted in profit, reported as economics.waitingCost.' }),
        abandonCost: nonNegative('abandonCost', 1e6).default(0).meta({ description: 'Money lost per abandoned contact; counted in profit, reported as economics.abandonCost.' }),
        serviceLevelPenalty: nonNegative('serviceLevelPenalty', 1e9)
          .default(0)
          .meta({ description: 'Money per reporting interval (arrivals.intervalMin) whose service level — line contacts offered in it, answered within their threshold — is below serviceLevel.target (a contract penalty); counted in profit, reported as economics.serviceLevelPenalty.' }),
      })
      .default({ discountRatePerYear: 0.08, costPerMinute: 0, costPerContact: 0, waitingCostPerMinute: 0, abandonCost: 0, serviceLevelPenalty: 0 }),
    customers: CustomersSchema.optional(),
    satisfaction: SatisfactionSchema.optional(),
    policies: list(PolicySchema, 'policies').optional().meta({ description: 'Variants for `ccsim compare`; the base is "baseline".' }),
    optimize: OptimizeSchema.optional(),
  })
  .meta({ title: 'ccsim scenario', description: 'A contact-center scenario for ccsim.' });

export { WEEKDAYS, MONTHS };

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
