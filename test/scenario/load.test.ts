import { describe, expect, it } from 'vitest';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR } from '../../src/model/config.js';
import { formatDiagnostic, formatPath, type Diagnostic } from '../../src/scenario/errors.js';
import { LIMITS } from '../../src/scenario/limits.js';
import { parseScenario } from '../../src/scenario/load.js';
import * as msg from '../../src/scenario/messages.js';
import { editLines, scenarioProblems } from '../support/scenario.js';
import { toModelConfig } from '../../src/scenario/normalize.js';
import { ScenarioSchema } from '../../src/scenario/schema.js';

/**
 * A small valid scenario; tests replace or append lines, so every expected line:column below can
 * be read off this listing (columns are 1-based).
 */
const BASE = [
  'name: t', //                                         line 1
  'horizon: { hours: 2 }', //                           line 2
  'arrivals: { ratePerHour: 60 }', //                   line 3   (60 at column 26)
  'handleTime: { dist: exponential, meanSec: 120 }', // line 4   (exponential at 21, 120 at 43)
  'staffing:', //                                       line 5
  '  agents: 5', //                                     line 6   (5 at column 11)
];

const yaml = (replace: Record<number, string> = {}, ...append: string[]) => editLines(BASE, replace, ...append);

/** Every diagnostic parseScenario throws for `text` (fails the test when it loads). */
const problems = scenarioProblems;

/** The single diagnostic for `text`. */
function problem(text: string): Diagnostic {
  const found = problems(text);
  expect(found, JSON.stringify(found, null, 2)).toHaveLength(1);
  return found[0]!;
}

const TOP_LEVEL_KEYS = Object.keys(ScenarioSchema.shape);
const STAFFING_KEYS = ['agents', 'wagePerHour'];
const DISTS = ['exponential', 'constant', 'lognormal', 'gamma'];

describe('parseScenario on a valid file', () => {
  it('loads the base listing and applies the documented defaults', () => {
    const { scenario, config, policies, file } = parseScenario(yaml(), 'f.yaml');
    expect(file).toBe('f.yaml');
    expect(scenario.seed).toBe(1);
    expect(scenario.staffing!.wagePerHour).toBe(30);
    expect(config.groups[0]!.wagePerHour).toBe(30);
    expect(scenario.serviceLevel.thresholdSec).toBe(20);
    expect(scenario.economics.discountRatePerYear).toBe(0.08);
    expect(scenario.patience).toBeUndefined();
    expect(config.patience).toBeNull();
    expect(config.warmupSec).toBe(0);
    expect(policies.map((p) => p.name)).toEqual(['baseline']);
  });

  it('keeps values that are written over the defaults', () => {
    const { scenario } = parseScenario(
      yaml({}, 'seed: 0', 'serviceLevel: { thresholdSec: 0 }', 'economics: { discountRatePerYear: 0 }'),
      'f.yaml',
    );
    expect(scenario.seed).toBe(0);
    expect(scenario.serviceLevel.thresholdSec).toBe(0);
    expect(scenario.economics.discountRatePerYear).toBe(0);
  });

  it('loads the CONTRACT example exactly as written there', () => {
    const text = [
      'name: erlang-a-check',
      'seed: 7',
      'horizon: { days: 20 }',
      'warmup: { days: 1 }',
      'arrivals: { ratePerHour: 600 }',
      'handleTime: { dist: exponential, meanSec: 300 }',
      'patience: { dist: exponential, meanSec: 180 }',
      'staffing: { agents: 55 }',
      'serviceLevel: { thresholdSec: 20 }',
    ].join('\n');
    const { config } = parseScenario(text, 'f.yaml');
    // The stationary form is one reason, one voice channel, one group around the clock, a flat profile.
    expect(config).toMatchObject({
      horizonSec: 20 * SECONDS_PER_DAY,
      warmupSec: SECONDS_PER_DAY,
      patience: { dist: 'exponential', mean: 180 },
      slThresholdSec: 20,
      discipline: 'fcfs',
      retrial: null,
      callback: null,
      economics: { discountRatePerYear: 0.08, costPerMinute: 0, costPerContact: 0 },
    });
    expect(config.demand.baseRatePerSec).toBe(600 / SECONDS_PER_HOUR);
    expect(new Set([...config.demand.intraday.flat(), ...config.demand.weekly, ...config.demand.monthly])).toEqual(new Set([1]));
    expect(config.demand.dayFactorCv).toBe(0);
    expect(config.reasons).toHaveLength(1);
    expect(config.reasons[0]).toMatchObject({ handleTime: { dist: 'exponential', mean: 300 }, resolveProb: 1, groups: [0] });
    expect(config.channels.map((c) => c.kind)).toEqual(['voice']);
    expect(config.groups).toHaveLength(1);
    expect(config.groups[0]).toMatchObject({ wagePerHour: 30, shrinkage: 0, escalateTo: -1 });
    expect(config.groups[0]!.shifts).toEqual([{ weekdays: [0, 1, 2, 3, 4, 5, 6], startSec: 0, endSec: SECONDS_PER_DAY, agents: 55, breaks: [] }]);
    expect(config.policy.ahtTargetSec).toBeNull();
  });

  it('accepts lognormal, gamma and constant distributions with the keys each needs', () => {
    const text = yaml({ 4: 'handleTime: { dist: lognormal, meanSec: 120, cv: 0.5 }' }, 'patience: { dist: gamma, meanSec: 90, cv: 2 }');
    expect(parseScenario(text, 'f.yaml').config.reasons[0]!.handleTime).toEqual({ dist: 'lognormal', mean: 120, cv: 0.5 });
    expect(parseScenario(text, 'f.yaml').config.patience).toEqual({ dist: 'gamma', mean: 90, cv: 2 });
    const constant = yaml({ 4: 'handleTime: { dist: constant, meanSec: 120 }' });
    expect(parseScenario(constant, 'f.yaml').config.reasons[0]!.handleTime).toEqual({ dist: 'constant', mean: 120 });
  });
});

describe('toModelConfig', () => {
  it('converts hours, days and months (of 30 days) to seconds, and rates per hour to per second', () => {
    const load = (horizon: string, warmup: string) => toModelConfig(parseScenario(yaml({ 2: `horizon: ${horizon}` }, `warmup: ${warmup}`), 'f.yaml').scenario);
    expect(load('{ hours: 2 }', '{ hours: 0.5 }')).toMatchObject({ horizonSec: 7200, warmupSec: 1800, demand: { baseRatePerSec: 60 / 3600 } });
    expect(load('{ days: 3 }', '{ hours: 1 }')).toMatchObject({ horizonSec: 3 * 86_400, warmupSec: 3600 });
    expect(load('{ months: 2 }', '{ days: 30 }')).toMatchObject({ horizonSec: 2 * 30 * 86_400, warmupSec: 30 * 86_400 });
    expect(load('{ months: 1 }', '{ months: 0.5 }')).toMatchObject({ horizonSec: 2_592_000, warmupSec: 1_296_000 });
  });

  it('is what parseScenario returns as config', () => {
    const loaded = parseScenario(yaml({}, 'warmup: { hours: 1 }'), 'f.yaml');
    expect(loaded.config).toEqual(toModelConfig(loaded.scenario));
  });
});

describe('where a problem is reported', () => {
  it('points an unknown key at the key itself: line 6, column 3', () => {
    const typo = problem(yaml({}, 'staffng: 3'));
    expect(typo).toMatchObject({ file: 'f.yaml', line: 7, column: 1, path: 'staffng' });
    const nested = problems(yaml({ 6: '  agentz: 5' })).find((x) => x.path === 'staffing.agentz');
    expect(nested).toMatchObject({ line: 6, column: 3 });
  });

  it('points an unknown key inside a flow mapping at the key', () => {
    const d = problems(yaml({ 5: 'staffing: { agent: 5 }', 6: '' })).find((x) => x.path === 'staffing.agent');
    expect(d).toMatchObject({ line: 5, column: 13 });
  });

  it('points a bad value at the value', () => {
    expect(problem(yaml({ 3: 'arrivals: { ratePerHour: -1 }' }))).toMatchObject({ line: 3, column: 26, path: 'arrivals.ratePerHour' });
    expect(problem(yaml({ 6: '  agents: 0' }))).toMatchObject({ line: 6, column: 11, path: 'staffing.agents' });
  });

  it('points a missing key at the mapping that should hold it', () => {
    const d = problem(yaml({ 6: '  wagePerHour: 25' }));
    expect(d).toMatchObject({ line: 5, column: 1, path: 'staffing.agents', message: msg.missingKey('number') });
  });

  it('formats a diagnostic as file:line:col: path: message, the shape editors link on', () => {
    const d = problem(yaml({ 3: 'arrivals: { ratePerHour: -1 }' }));
    expect(formatDiagnostic(d)).toBe('f.yaml:3:26: arrivals.ratePerHour: ratePerHour must be > 0');
    expect(formatDiagnostic({ file: 'g.yaml', path: '', message: 'm' })).toBe('g.yaml: m');
    expect(formatPath(['policies', 1, 'set'])).toBe('policies[1].set');
  });

  it('reports every problem at once, and the error message lists them all', () => {
    const text = yaml({ 3: 'arrivals: { ratePerHour: 0 }', 6: '  agents: -1' });
    expect(problems(text).map((d) => d.path)).toEqual(['arrivals.ratePerHour', 'staffing.agents']);
    try {
      parseScenario(text, 'f.yaml');
    } catch (e) {
      expect((e as Error).message.split('\n')).toEqual([
        'f.yaml:3:26: arrivals.ratePerHour: ratePerHour must be > 0',
        'f.yaml:6:11: staffing.agents: agents must be ≥ 1',
      ]);
    }
  });
});

describe('unknown keys', () => {
  it('suggests "agents" for `staffing: { agent: 5 }`', () => {
    const d = problems(yaml({ 5: 'staffing: { agent: 5 }', 6: '' })).find((x) => x.path === 'staffing.agent');
    expect(d?.message).toBe(msg.unknownKey('agent', STAFFING_KEYS, 'agents'));
  });

  it('suggests "handleTime" for `handelTime`', () => {
    const d = problems(yaml({ 4: 'handelTime: { dist: exponential, meanSec: 120 }' })).find((x) => x.path === 'handelTime');
    expect(d).toMatchObject({ line: 4, column: 1, message: msg.unknownKey('handelTime', TOP_LEVEL_KEYS, 'handleTime') });
  });

  it('refuses the scenario instead of running without the mistyped key', () => {
    // handleTime is optional only when every reason gives its own; with the typo nothing gives one.
    const text = yaml({ 4: 'handleTime: { dist: exponential, meanSec: 120 }' }, 'reasons: [{ name: a, share: 1, handelTime: { dist: exponential, meanSec: 60 } }]');
    expect(problems(text).map((x) => x.path)).toEqual(['reasons[0].handelTime']);
    const noFallback = yaml({ 4: 'handelTime: { dist: exponential, meanSec: 120 }' });
    expect(problems(noFallback).map((x) => x.path)).toEqual(['handelTime']);
  });

  it('refuses a misspelt optional key instead of using its default', () => {
    const d = problem(yaml({}, '  wagePerHuor: 25'));
    expect(d).toMatchObject({ line: 7, column: 3, path: 'staffing.wagePerHuor', message: msg.unknownKey('wagePerHuor', STAFFING_KEYS, 'wagePerHour') });
  });

  it('suggests nothing when no allowed key is near, but still lists them', () => {
    const d = problem(yaml({}, '  colour: red'));
    expect(d.message).toBe(msg.unknownKey('colour', STAFFING_KEYS, undefined));
    expect(d.message).not.toContain('did you mean');
  });

  it('lists the keys of the chosen distribution: cv is unknown for exponential', () => {
    const d = problem(yaml({ 4: 'handleTime: { dist: exponential, meanSec: 120, cv: 1 }' }));
    expect(d).toMatchObject({ path: 'handleTime.cv', line: 4, column: 48, message: msg.unknownKey('cv', ['dist', 'meanSec'], undefined) });
  });
});

describe('missing keys and wrong types', () => {
  it('reports a missing required section', () => {
    const text = BASE.filter((l) => !l.startsWith('arrivals')).join('\n');
    expect(problem(text)).toMatchObject({ path: 'arrivals', line: 1, column: 1, message: msg.missingKey('a mapping of keys') });
  });

  it('reports a missing cv for lognormal', () => {
    expect(problem(yaml({ 4: 'handleTime: { dist: lognormal, meanSec: 120 }' }))).toMatchObject({
      path: 'handleTime.cv',
      message: msg.missingKey('number'),
    });
  });

  it('refuses text where a number belongs, quoted or not', () => {
    expect(problem(yaml({ 3: 'arrivals: { ratePerHour: "sixty" }' })).message).toBe(msg.wrongType('number', 'the text "sixty"'));
    expect(problem(yaml({ 3: 'arrivals: { ratePerHour: sixty }' })).message).toBe(msg.wrongType('number', 'the text "sixty"'));
  });

  it('refuses an empty value, a list and a mapping where a number belongs', () => {
    expect(problem(yaml({ 6: '  agents:' })).message).toBe(msg.wrongType('number', 'null'));
    expect(problem(yaml({ 6: '  agents: [5]' })).message).toBe(msg.wrongType('number', 'a list'));
    expect(problem(yaml({ 6: '  agents: { n: 5 }' })).message).toBe(msg.wrongType('number', 'a mapping'));
  });

  it('refuses a fractional number of agents', () => {
    expect(problem(yaml({ 6: '  agents: 5.5' }))).toMatchObject({ path: 'staffing.agents', message: msg.wrongType('whole number', 'the number 5.5') });
  });

  it('refuses a fractional or negative seed', () => {
    expect(problem(yaml({}, 'seed: 1.5')).message).toBe(msg.wrongType('whole number', 'the number 1.5'));
    expect(problem(yaml({}, 'seed: -1')).message).toBe('seed must be ≥ 0');
    expect(problem(yaml({}, 'seed: 4294967296')).message).toBe('seed must be below 2^32');
  });

  it('refuses a name that is not file-safe (it becomes a directory under out/)', () => {
    expect(problem(yaml({ 1: 'name: ../escape' }))).toMatchObject({ path: 'name', line: 1, column: 7 });
  });

  it('lists the allowed distributions for an unknown one', () => {
    expect(problem(yaml({ 4: 'handleTime: { dist: weibull, meanSec: 120 }' }))).toMatchObject({
      path: 'handleTime.dist',
      line: 4,
      column: 21,
      message: msg.notOneOf(DISTS),
    });
    expect(msg.notOneOf(DISTS)).toBe('must be one of "exponential", "constant", "lognormal", "gamma"');
  });
});

describe('values out of range', () => {
  it('refuses negative values', () => {
    expect(problem(yaml({ 3: 'arrivals: { ratePerHour: -60 }' })).message).toBe('ratePerHour must be > 0');
    expect(problem(yaml({ 4: 'handleTime: { dist: exponential, meanSec: -1 }' })).message).toBe('meanSec must be > 0');
    expect(problem(yaml({}, '  wagePerHour: -1')).message).toBe('wagePerHour must be ≥ 0');
    expect(problem(yaml({ 2: 'horizon: { hours: -2 }' })).message).toBe('hours must be > 0');
  });

  it('refuses zero where a positive value is needed', () => {
    expect(problem(yaml({ 3: 'arrivals: { ratePerHour: 0 }' })).message).toBe('ratePerHour must be > 0');
    expect(problem(yaml({ 6: '  agents: 0' })).message).toBe('agents must be ≥ 1');
    expect(problem(yaml({ 2: 'horizon: { days: 0 }' })).message).toBe('days must be > 0');
    expect(problem(yaml({ 4: 'handleTime: { dist: gamma, meanSec: 120, cv: 0 }' })).message).toBe('cv must be > 0');
  });

  it('refuses .nan and ±.inf, naming what was found', () => {
    expect(problem(yaml({ 4: 'handleTime: { dist: exponential, meanSec: .nan }' }))).toMatchObject({
      path: 'handleTime.meanSec',
      line: 4,
      column: 43,
      message: msg.wrongType('number', 'NaN'),
    });
    expect(problem(yaml({ 3: 'arrivals: { ratePerHour: .inf }' })).message).toBe(msg.wrongType('number', 'Infinity'));
    expect(problem(yaml({ 6: '  agents: -.inf' })).message).toBe(msg.wrongType('number', '-Infinity'));
  });

  it('refuses huge values up front, naming the limit (never clamping)', () => {
    const agents = problem(yaml({ 6: `  agents: ${LIMITS.agents + 1}` }));
    expect(agents.message).toBe('agents must be at most 100,000 (limit)');
    expect(agents.message).toContain(LIMITS.agents.toLocaleString('en-US'));
    expect(problem(yaml({ 3: 'arrivals: { ratePerHour: 1e9 }' })).message).toBe(`ratePerHour must be at most ${LIMITS.ratePerHour.toLocaleString('en-US')} (limit)`);
    expect(problem(yaml({ 2: 'horizon: { days: 5000 }' })).message).toBe(`days must be at most ${LIMITS.horizonDays.toLocaleString('en-US')} (limit)`);
    expect(problem(yaml({ 4: 'handleTime: { dist: exponential, meanSec: 1e7 }' })).message).toBe(
      `meanSec must be at most ${LIMITS.durationSec.toLocaleString('en-US')} (limit)`,
    );
  });

  it('accepts values exactly at the limits', () => {
    expect(() => parseScenario(yaml({ 6: `  agents: ${LIMITS.agents}` }), 'f.yaml')).not.toThrow();
    expect(() => parseScenario(yaml({ 2: `horizon: { days: ${LIMITS.horizonDays} }` }, 'patience: { dist: exponential, meanSec: 60 }'), 'f.yaml')).not.toThrow();
  });
});

describe('horizon and warm-up', () => {
  const ONE_UNIT = 'give exactly one of days, hours or months, e.g. { days: 20 }';

  it('refuses a horizon with two units', () => {
    expect(problem(yaml({ 2: 'horizon: { hours: 2, days: 1 }' }))).toMatchObject({ path: 'horizon', line: 2, column: 1, message: ONE_UNIT });
  });

  it('refuses a horizon with no unit', () => {
    expect(problem(yaml({ 2: 'horizon: {}' }))).toMatchObject({ path: 'horizon', message: ONE_UNIT });
  });

  it('refuses an unknown unit, suggesting the near one', () => {
    const found = problems(yaml({ 2: 'horizon: { hour: 2 }' }));
    expect(found.find((d) => d.path === 'horizon.hour')?.message).toBe(msg.unknownKey('hour', ['days', 'hours', 'months'], 'hours'));
  });

  it('refuses a warm-up as long as the horizon, or longer', () => {
    expect(problem(yaml({}, 'warmup: { hours: 2 }'))).toMatchObject({ path: 'warmup', line: 7, column: 1, message: msg.warmupNotBeforeHorizon(7200, 7200) });
    expect(problem(yaml({}, 'warmup: { days: 1 }')).message).toBe(msg.warmupNotBeforeHorizon(86_400, 7200));
  });

  it('accepts a warm-up just shorter than the horizon', () => {
    expect(parseScenario(yaml({}, 'warmup: { hours: 1.99 }'), 'f.yaml').config.warmupSec).toBeCloseTo(7164, 9);
  });
});

describe('the size of a run', () => {
  const patience = 'patience: { dist: exponential, meanSec: 60 }';

  it('refuses more expected contacts per replication than the limit, naming it', () => {
    // 100,000/h for ten years = 8.76e9 contacts.
    const text = yaml({ 2: 'horizon: { days: 3650 }', 3: 'arrivals: { ratePerHour: 100000 }' }, patience);
    const d = problem(text);
    expect(d).toMatchObject({ path: 'arrivals.ratePerHour', line: 3, column: 26 });
    expect(d.message).toBe(msg.tooManyContacts(8_760_000_000, LIMITS.contactsPerReplication));
    expect(d.message).toContain('500,000,000');
  });

  it('accepts a run just under the contact limit', () => {
    // 100,000/h for 208 days = 499,200,000 contacts.
    expect(() => parseScenario(yaml({ 2: 'horizon: { days: 208 }', 3: 'arrivals: { ratePerHour: 100000 }', 6: '  agents: 10000' }, patience), 'f.yaml')).not.toThrow();
  });

  it('refuses an unbounded queue: no patience, load above the agents, over a long horizon', () => {
    // 1000/h at 120 s is 33.3 erlangs on 5 agents: the queue grows by 0.236 contacts a second.
    const text = yaml({ 2: 'horizon: { days: 3650 }', 3: 'arrivals: { ratePerHour: 1000 }' });
    const queued = (1000 / 3600 - 5 / 120) * 3650 * 86_400;
    expect(problem(text)).toMatchObject({ path: 'staffing.agents', line: 6, column: 11, message: msg.unboundedQueue(queued, LIMITS.queuedContacts) });
  });

  it('accepts the same overload with patience, or over a short horizon', () => {
    expect(() => parseScenario(yaml({ 2: 'horizon: { days: 3650 }', 3: 'arrivals: { ratePerHour: 1000 }' }, patience), 'f.yaml')).not.toThrow();
    expect(() => parseScenario(yaml({ 3: 'arrivals: { ratePerHour: 1000 }' }), 'f.yaml')).not.toThrow();
  });
});

describe('YAML problems', () => {
  it('reports a syntax error with its line', () => {
    const d = problems(yaml({ 6: '  agents: 5 }', 7: '' }, '  bad'))[0]!;
    expect(d.message.startsWith(msg.yamlSyntax(''))).toBe(true);
    expect(d).toMatchObject({ file: 'f.yaml', path: '' });
    expect(d.line).toBeGreaterThanOrEqual(6);
    expect(d.line).toBeLessThanOrEqual(7);
  });

  it('reports an unclosed flow list on the line after it', () => {
    const d = problem(yaml({}, 'foo: [1, 2'));
    expect(d.message.startsWith(msg.yamlSyntax(''))).toBe(true);
    expect(d.line).toBe(8);
  });

  it('refuses a duplicate key at the second one', () => {
    expect(problem(yaml({}, 'staffing: { agents: 6 }'))).toMatchObject({ line: 7, column: 1, message: msg.yamlSyntax('Map keys must be unique') });
  });

  it('refuses a top level that is a list, a scalar or nothing', () => {
    expect(problem('- a\n- b\n')).toMatchObject({ line: 1, column: 1, message: msg.notAMapping() });
    expect(problem('hello\n').message).toBe(msg.notAMapping());
    expect(problem('').message).toBe(msg.notAMapping());
    expect(problem('# only a comment\n').message).toBe(msg.notAMapping());
  });
});

describe('policies', () => {
  const withPolicies = (...lines: string[]) => yaml({}, 'policies:', ...lines);

  it('puts the base scenario first as "baseline", then each policy with its override applied', () => {
    const loaded = parseScenario(
      withPolicies(
        '  - name: plus-10-agents', // line 8
        '    set: { "staffing.agents": 65 }',
        '  - name: slower',
        '    set: { "handleTime.meanSec": 150, "staffing.wagePerHour": 40 }',
      ),
      'f.yaml',
    );
    expect(loaded.policies.map((p) => p.name)).toEqual(['baseline', 'plus-10-agents', 'slower']);
    expect(loaded.policies[0]!.config).toBe(loaded.config);
    expect(loaded.policies[0]!.config.groups[0]!.shifts[0]!.agents).toBe(5);
    expect(loaded.policies[1]!.config.groups[0]!.shifts[0]!.agents).toBe(65);
    expect(loaded.policies[1]!.scenario.staffing!.agents).toBe(65);
    expect(loaded.policies[2]!.config.reasons[0]!.handleTime).toEqual({ dist: 'exponential', mean: 150 });
    expect(loaded.policies[2]!.config.groups[0]!.wagePerHour).toBe(40);
    expect(loaded.policies[2]!.config.groups[0]!.shifts[0]!.agents).toBe(5);
    expect(loaded.raw).not.toHaveProperty('policies');
  });

  it('reports a policy setting an unknown key at its set entry, naming the policy', () => {
    const d = problem(
      withPolicies(
        '  - name: plus-10-agents',
        '    set: { "staffing.agents": 65 }',
        '  - name: typo', // line 10
        '    set:',
        '      "staffing.agentz": 70', // line 12
      ),
    );
    expect(d).toMatchObject({
      line: 12,
      column: 7,
      path: 'policies[1].set',
      message: msg.inPolicy('typo', 'staffing.agentz', msg.unknownKey('agentz', STAFFING_KEYS, 'agents')),
    });
    expect(d.message).toContain('policy "typo"');
  });

  it('reports a policy setting a bad value on that entry', () => {
    const d = problem(withPolicies('  - name: a', '    set: { "staffing.agents": -6 }'));
    expect(d).toMatchObject({ line: 9, path: 'policies[0].set', message: msg.inPolicy('a', 'staffing.agents', 'agents must be ≥ 1') });
  });

  it('applies the cross-field checks to each policy: a warm-up it makes too long is refused', () => {
    const d = problem(withPolicies('  - name: long-warmup', '    set: { "warmup.hours": 3 }'));
    expect(d).toMatchObject({ line: 9, path: 'policies[0].set', message: msg.inPolicy('long-warmup', 'warmup', msg.warmupNotBeforeHorizon(10_800, 7200)) });
  });

  it('refuses a policy named "baseline"', () => {
    const d = problem(withPolicies('  - name: baseline', '    set: { "staffing.agents": 6 }'));
    expect(d).toMatchObject({ line: 8, column: 11, path: 'policies[0].name', message: msg.duplicatePolicy('baseline') });
  });

  it('refuses two policies with the same name, at the second', () => {
    const d = problem(withPolicies('  - name: a', '    set: { "staffing.agents": 6 }', '  - name: a', '    set: { "staffing.agents": 7 }'));
    expect(d).toMatchObject({ line: 10, column: 11, path: 'policies[1].name', message: msg.duplicatePolicy('a') });
  });

  it('refuses a dot path with an empty key', () => {
    const d = problem(withPolicies('  - name: a', '    set: { "staffing..agents": 6 }'));
    expect(d).toMatchObject({ line: 9, column: 5, path: 'policies[0].set', message: msg.inPolicy('a', '', msg.badOverridePath('staffing..agents')) });
    expect(d.message).not.toContain('sets :');
  });

  it('refuses a dot path through a scalar', () => {
    const d = problem(withPolicies('  - name: a', '    set: { "name.x": 1 }'));
    expect(d.message).toBe(msg.inPolicy('a', '', msg.overrideIntoScalar('name.x', 'name')));
  });

  it('refuses a policy without set, or with an unknown key of its own', () => {
    expect(problem(withPolicies('  - name: a')).path).toBe('policies[0].set');
    const found = problems(withPolicies('  - name: a', '    sett: { "staffing.agents": 6 }'));
    expect(found.find((d) => d.path === 'policies[0].sett')?.message).toBe(msg.unknownKey('sett', ['name', 'set'], 'set'));
  });
});
