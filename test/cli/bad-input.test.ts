import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { agentsForServiceLevel, erlang } from '../../src/analytic/erlang.js';
import { LIMITS } from '../../src/scenario/limits.js';
import * as msg from '../../src/scenario/messages.js';
import { REPO } from '../support/cli.js';
import { caseRoot, ccsim, expectRefused } from '../support/refused.js';

/**
 * The CONTRACT's promise for bad input, end to end through the real CLI: exit 2, a message on
 * stderr naming the file, line:column and field path, nothing on stdout, and no output written.
 * Each spawn costs about half a second, so the tests run concurrently and every `run` is tiny.
 */

const cases = caseRoot('bad-input');
afterAll(cases.remove);
const { tiny } = cases;

describe.concurrent('ccsim run on a bad scenario file', () => {
  it('refuses a negative rate, naming file:line:col, the path and the rule', async ({ expect }) => {
    const c = tiny({ 3: 'arrivals: { ratePerHour: -60 }' });
    const r = await ccsim('run', c.file, '--out', c.out);
    expectRefused(expect, r, c);
    expect(r.stderr).toContain(`${c.file}:3:26: arrivals.ratePerHour: ratePerHour must be > 0`);
  });

  it('refuses zero agents', async ({ expect }) => {
    const c = tiny({ 6: '  agents: 0' });
    const r = await ccsim('run', c.file, '--out', c.out);
    expectRefused(expect, r, c);
    expect(r.stderr).toContain(`${c.file}:6:11: staffing.agents: agents must be ≥ 1`);
  });

  it('refuses a NaN mean handle time', async ({ expect }) => {
    const c = tiny({ 4: 'handleTime: { dist: exponential, meanSec: .nan }' });
    const r = await ccsim('run', c.file, '--out', c.out);
    expectRefused(expect, r, c);
    expect(r.stderr).toContain(`${c.file}:4:43: handleTime.meanSec: ${msg.wrongType('number', 'NaN')}`);
  });

  it('refuses more agents than the limit, naming the limit', async ({ expect }) => {
    const c = tiny({ 6: '  agents: 1000000' });
    const r = await ccsim('run', c.file, '--out', c.out);
    expectRefused(expect, r, c);
    expect(r.stderr).toContain(`${c.file}:6:11: staffing.agents: agents must be at most ${LIMITS.agents.toLocaleString('en-US')} (limit)`);
  });

  it('refuses a run too large for one replication, naming the limit', async ({ expect }) => {
    const c = tiny({ 2: 'horizon: { days: 3650 }', 3: 'arrivals: { ratePerHour: 100000 }' }, 'patience: { dist: exponential, meanSec: 60 }');
    const r = await ccsim('run', c.file, '--out', c.out);
    expectRefused(expect, r, c);
    expect(r.stderr).toContain(`${c.file}:3:26: arrivals.ratePerHour: ${msg.tooManyContacts(8_760_000_000, LIMITS.contactsPerReplication)}`);
  });

  it('refuses text where a number belongs', async ({ expect }) => {
    const c = tiny({ 3: 'arrivals: { ratePerHour: sixty }' });
    const r = await ccsim('run', c.file, '--out', c.out);
    expectRefused(expect, r, c);
    expect(r.stderr).toContain(`${c.file}:3:26: arrivals.ratePerHour: ${msg.wrongType('number', 'the text "sixty"')}`);
  });

  it('refuses an unknown key and suggests the near one', async ({ expect }) => {
    const c = tiny({}, '  wagePerHuor: 25');
    const r = await ccsim('run', c.file, '--out', c.out);
    expectRefused(expect, r, c);
    expect(r.stderr).toContain(`${c.file}:7:3: staffing.wagePerHuor: ${msg.unknownKey('wagePerHuor', ['agents', 'wagePerHour'], 'wagePerHour')}`);
  });

  it('refuses a YAML syntax error, naming the line', async ({ expect }) => {
    const c = tiny({}, 'foo: [1, 2');
    const r = await ccsim('run', c.file, '--out', c.out);
    expectRefused(expect, r, c);
    expect(r.stderr).toMatch(new RegExp(`${c.file.replace(/[.\\]/g, '\\$&')}:8:\\d+: ${msg.yamlSyntax('')}`));
  });

  it('refuses a file that does not exist, naming it', async ({ expect }) => {
    const dir = cases.emptyDir();
    const file = join(dir, 'no-such.yaml');
    const r = await ccsim('run', file, '--out', join(dir, 'out'));
    expectRefused(expect, r);
    expect(r.stderr).toContain(msg.fileNotFound());
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a path that is a directory, with the reason', async ({ expect }) => {
    const dir = cases.emptyDir();
    let reason = '';
    try {
      readFileSync(dir, 'utf8');
    } catch (e) {
      reason = (e as Error).message;
    }
    const r = await ccsim('run', dir, '--out', join(dir, 'out'));
    expectRefused(expect, r);
    expect(r.stderr).toContain(msg.fileUnreadable(reason));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes nothing under out/<name> when no --out is given', async ({ expect }) => {
    const c = tiny({ 6: '  agents: -5' });
    const r = await ccsim('run', c.file);
    expectRefused(expect, r, c);
    expect(r.stderr).toContain(`${c.file}:6:11: staffing.agents:`);
  });
});

describe.concurrent('ccsim run with a bad option', () => {
  const cases: [string, string[], string][] = [
    ['--reps 0', ['--reps', '0'], '--reps must be a whole number from 1 to 100,000, got 0'],
    ['--reps -1', ['--reps', '-1'], '--reps must be a whole number from 1 to 100,000, got -1'],
    ['--reps abc', ['--reps', 'abc'], '--reps must be a whole number from 1 to 100,000, got something that is not a number'],
    ['--reps 1.5', ['--reps', '1.5'], '--reps must be a whole number from 1 to 100,000, got 1.5'],
    ['--workers 0', ['--workers', '0'], `--workers must be a whole number from 1 to ${LIMITS.workers}, got 0`],
    ['--workers many', ['--workers', 'many'], `--workers must be a whole number from 1 to ${LIMITS.workers}, got something that is not a number`],
    ['--seed -1', ['--seed', '-1'], '--seed must be a whole number from 0 to 4,294,967,295, got -1'],
    ['--seed 2.5', ['--seed', '2.5'], '--seed must be a whole number from 0 to 4,294,967,295, got 2.5'],
    ['--out ""', ['--out', ''], '--out must name a directory, got ""'],
    ['an unknown option', ['--frobnicate'], 'Unknown argument: frobnicate'],
  ];
  for (const [label, options, message] of cases) {
    it(`refuses ${label} before simulating, and writes nothing`, async ({ expect }) => {
      const c = tiny();
      const out = options[0] === '--out' ? [] : ['--out', c.out];
      const workers = options[0] === '--workers' ? [] : ['--workers', '1'];
      const r = await ccsim('run', c.file, ...out, ...workers, ...options);
      expectRefused(expect, r, c);
      expect(r.stderr).toBe(`ccsim: ${message}\n`);
    });
  }

  it('refuses an --out that cannot be a directory (a file is in the way) with exit 2, not an internal error', async ({ expect }) => {
    const c = tiny();
    const r = await ccsim('run', c.file, '--out', join(c.file, 'sub'), '--workers', '1');
    expectRefused(expect, r, c);
    expect(r.stderr).toContain(`cannot write the outputs to ${join(c.file, 'sub')}`);
  });

  it('runs the same tiny scenario when nothing is wrong, so the checks above are not vacuous', async ({ expect }) => {
    const c = tiny();
    const r = await ccsim('run', c.file, '--out', c.out, '--workers', '1', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).scenario).toBe(c.name);
    expect(readdirSync(c.out).sort()).toEqual(['.ccsim-manifest.json', 'charts', 'days.csv', 'group-intervals.csv', 'intervals.csv', 'months.csv', 'report.html', 'scenario.json', 'summary.json']);
    expect(existsSync(join(REPO, 'out', c.name))).toBe(false);
  });
});

describe.concurrent('commands', () => {
  it('refuses an unknown command with exit 2, suggesting the near one', async ({ expect }) => {
    const r = await ccsim('runn', 'x.yaml');
    expectRefused(expect, r);
    expect(r.stderr).toContain('run');
  });

  it('refuses no command at all, listing the commands', async ({ expect }) => {
    const r = await ccsim();
    expectRefused(expect, r);
    expect(r.stderr).toBe('ccsim: name a command: run, compare, sweep, optimize, merge, report, validate, fit, schema or erlang\n');
  });

  it('validate exits 0 on a valid file and prints that it is valid', async ({ expect }) => {
    const c = tiny();
    const r = await ccsim('validate', c.file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${c.file}: valid`);
    expect(r.stderr).toBe('');
    expect(readdirSync(c.dir)).toEqual(['scenario.yaml']);
  });

  it('validate exits 2 on an invalid file, reporting every problem', async ({ expect }) => {
    const c = tiny({ 3: 'arrivals: { ratePerHour: 0 }', 6: '  agents: 2.5' });
    const r = await ccsim('validate', c.file);
    expectRefused(expect, r, c);
    expect(r.stderr).toContain(`${c.file}:3:26: arrivals.ratePerHour: ratePerHour must be > 0`);
    expect(r.stderr).toContain(`${c.file}:6:11: staffing.agents: ${msg.wrongType('whole number', 'the number 2.5')}`);
  });

  it('validate reports a bad policy at its set entry, naming the policy', async ({ expect }) => {
    const c = tiny({}, 'policies:', '  - name: typo', '    set: { "staffing.agentz": 6 }');
    const r = await ccsim('validate', c.file);
    expectRefused(expect, r, c);
    expect(r.stderr).toContain(`${c.file}:9:`);
    expect(r.stderr).toContain(`policies[0].set: ${msg.inPolicy('typo', 'staffing.agentz', msg.unknownKey('agentz', ['agents', 'wagePerHour'], 'agents'))}`);
  });

  it('schema prints a JSON Schema that has properties.staffing and refuses unknown keys', async ({ expect }) => {
    const r = await ccsim('schema');
    expect(r.code, r.stderr).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.staffing).toBeDefined();
    expect(schema.properties.staffing.properties.agents).toBeDefined();
    expect(schema.additionalProperties).toBe(false);
  });
});

describe.concurrent('ccsim erlang', () => {
  // The callcentrehelper.com worked example (see test/analytic/erlang.test.ts): 100 calls per
  // 30 minutes = 200 per hour, AHT 180 s, so 10 erlangs; P(wait) on 11 agents is 0.6821.
  const example = { lambdaPerSec: 200 / 3600, ahtSec: 180 };

  it('prints JSON whose pWait on 11 agents is the worked example’s 0.6821', async ({ expect }) => {
    const r = await ccsim('erlang', '--rate-per-hour', '200', '--aht-sec', '180', '--agents', '11', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.rows).toHaveLength(1);
    expect(out.rows[0].agents).toBe(11);
    expect(Math.abs(out.rows[0].pWait - 0.6821)).toBeLessThan(1e-3);
    expect(out.rows[0].pWait).toBe(erlang({ ...example, agents: 11, slThresholdSec: 20 }).pWait);
  });

  it('finds the agents for an 80% service level as agentsForServiceLevel does (14 in the worked example)', async ({ expect }) => {
    const r = await ccsim('erlang', '--rate-per-hour', '200', '--aht-sec', '180', '--target-sl', '0.8', '--json');
    expect(r.code, r.stderr).toBe(0);
    const needed = JSON.parse(r.stdout).agentsNeeded.forServiceLevel;
    expect(needed).toBe(agentsForServiceLevel({ ...example, slThresholdSec: 20 }, 0.8));
    expect(needed).toBe(14);
  });

  it('refuses --max-abandon without --patience-sec', async ({ expect }) => {
    const r = await ccsim('erlang', '--rate-per-hour', '200', '--aht-sec', '180', '--max-abandon', '0.05');
    expectRefused(expect, r);
    expect(r.stderr).toBe('ccsim: --max-abandon needs --patience-sec (abandonment exists only in Erlang A)\n');
  });

  it('refuses a rate that is not a number', async ({ expect }) => {
    const r = await ccsim('erlang', '--rate-per-hour', 'lots', '--aht-sec', '180', '--agents', '11');
    expectRefused(expect, r);
    expect(r.stderr).toBe(`ccsim: --rate-per-hour must be a number > 0 and at most ${LIMITS.ratePerHour.toLocaleString('en-US')} (limit), got something that is not a number\n`);
  });
});
