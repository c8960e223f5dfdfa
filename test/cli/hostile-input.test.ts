/**
 * Issue 12's hostile and broken inputs, end to end through the real CLI: each is refused with
 * exit 2 and a message naming the file, line:column where there is one, the field and what is
 * allowed — never exit 3 with a stack trace, never a hang, never a file written.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it, type ExpectStatic } from 'vitest';
import { formatBytes, INPUT_LIMITS } from '../../src/cli/read-input.js';
import { erlangMessage } from '../../src/analytic/erlang.js';
import { cliMessages } from '../../src/cli/messages.js';
import { UNSTABLE } from '../../src/output/erlang-table.js';
import { LIMITS } from '../../src/scenario/limits.js';
import * as msg from '../../src/scenario/messages.js';
import { YAML_LIMITS } from '../../src/scenario/yaml.js';
import { ccsimAsync } from '../support/cli.js';
import { caseRoot, ccsim, expectRefused } from '../support/refused.js';

const cases = caseRoot('hostile');
afterAll(cases.remove);
const { tiny } = cases;

describe.concurrent('hostile scenario files', () => {
  it('refuses an alias bomb with exit 2 at its line:column, not a ReferenceError', async ({ expect }) => {
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    const c = tiny({}, ...levels);
    const r = await ccsim('run', c.file, '--out', c.out);
    expectRefused(expect, r, c);
    expect(r.stderr).toMatch(new RegExp(`^ccsim: ${c.file}:1[0-9]:\\d+: ${msg.aliasExpansion(YAML_LIMITS.values).replace(/[().,;]/g, '\\$&')}\\n$`));
  });

  it('refuses an undefined alias at its line:column', async ({ expect }) => {
    const c = tiny({}, 'x: *nope');
    const r = await ccsim('validate', c.file);
    expectRefused(expect, r, c);
    expect(r.stderr).toBe(`ccsim: ${c.file}:7:4: ${msg.undefinedAlias('nope')}\n`);
  });

  it('refuses a comment-only file as an empty document at 1:1', async ({ expect }) => {
    const c = cases.scenarioFile(() => ['# nothing but a comment']);
    const r = await ccsim('validate', c.file);
    expectRefused(expect, r, c);
    expect(r.stderr).toBe(`ccsim: ${c.file}:1:1: ${msg.emptyDocument()}\n`);
  });

  it('refuses CR-only line ends, saying they are not YAML line breaks', async ({ expect }) => {
    const c = tiny();
    writeFileSync(c.file, readFileSync(c.file, 'utf8').replaceAll('\n', '\r'));
    const r = await ccsim('validate', c.file);
    expectRefused(expect, r, c);
    expect(r.stderr).toBe(`ccsim: ${c.file}:1:${c.name.length + 7}: ${msg.crLineEnds()}\n`);
  });

  it('refuses /dev/zero after reading just past the size limit, instead of reading forever', async ({ expect }) => {
    const started = Date.now();
    const r = await ccsim('validate', '/dev/zero');
    expectRefused(expect, r);
    expect(r.stderr).toBe(`ccsim: /dev/zero: ${msg.fileTooLarge(formatBytes(INPUT_LIMITS.scenarioBytes))}\n`);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('refuses a verdict file that is too large, naming the option and the limit', async ({ expect }) => {
    const c = tiny({}, 'policies:', '  - { name: more, set: { "staffing.agents": 6 } }');
    const r = await ccsim('compare', c.file, '--reps', '2', '--baseline', '/dev/zero', '--out', c.out);
    expectRefused(expect, r, c);
    expect(r.stderr).toBe(`ccsim: ${cliMessages.optionFileTooLarge('baseline', '/dev/zero', INPUT_LIMITS.scenarioBytes)}\n`);
  });
});

describe.concurrent('stored files read back', () => {
  /** A real shard (tiny sweep, 1 of 1) in a fresh directory; `edit` changes its JSON. */
  async function shard(expect: ExpectStatic, edit: (d: any) => void) {
    const c = tiny();
    const r = await ccsim('sweep', c.file, '--vary', 'staffing.agents=5,6', '--reps', '2', '--shard', '1/1', '--workers', '1', '--out', c.out);
    expect(r.code, r.stderr).toBe(0);
    const file = join(c.out, 'shard-1-of-1.json');
    const d = JSON.parse(readFileSync(file, 'utf8'));
    edit(d);
    writeFileSync(file, JSON.stringify(d));
    return { ...c, shard: file };
  }

  it('merge refuses a shard naming its scenario "../../../escaped" instead of writing outside the output tree', async ({ expect }) => {
    const c = await shard(expect, (d) => (d.sweep.scenario = '../../../escaped'));
    const cwd = join(c.dir, 'a', 'b', 'c');
    mkdirSync(cwd, { recursive: true });
    const r = await ccsimAsync(['merge', c.out], { cwd });
    expectRefused(expect, r);
    expect(r.stderr).toContain(`${c.shard}: not a shard file of ccsim sweep --shard: sweep.scenario: a name of letters`);
    expect(readdirSync(join(c.dir, 'a'))).toEqual(['b']);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('merge refuses a shard whose kpis is text with exit 2, naming the field (was a TypeError, exit 3)', async ({ expect }) => {
    const c = await shard(expect, (d) => (d.results[0].kpis = 'x'));
    const r = await ccsim('merge', c.out, '--out', join(c.dir, 'merged'));
    expectRefused(expect, r);
    expect(r.stderr).toContain('results[0].kpis: expected a mapping, got the text "x"');
    expect(existsSync(join(c.dir, 'merged'))).toBe(false);
  });

  it('merge refuses a shard claiming a billion shards quickly (V8 ran out of memory)', async ({ expect }) => {
    const c = await shard(expect, (d) => (d.shard.n = 1e9));
    const r = await ccsim('merge', c.out, '--out', join(c.dir, 'merged'));
    expectRefused(expect, r);
    expect(r.stderr).toContain('shard.n: a whole number from 1 to 10,000');
  });

  it('report refuses a summary.json whose day series was nulled, naming the field (was exit 3)', async ({ expect }) => {
    const c = tiny();
    expect((await ccsim('run', c.file, '--no-charts', '--workers', '1', '--out', c.out)).code).toBe(0);
    const file = join(c.out, 'summary.json');
    const summary = JSON.parse(readFileSync(file, 'utf8'));
    summary.series.day = null;
    writeFileSync(file, JSON.stringify(summary, null, 2));
    const r = await ccsim('report', c.out);
    expectRefused(expect, r);
    expect(r.stderr).toContain(`${file}: series.day: expected a list, got null`);
  });
});

describe.concurrent('output paths that cannot be written', () => {
  const long = 'x'.repeat(300);
  for (const [label, out] of [
    ['under /proc (ENOENT)', (_: string) => '/proc/ccsim-no-such/out'],
    ['with a 300-character name (ENAMETOOLONG)', (dir: string) => join(dir, 'made', long)],
    ['under a 300-character directory (ENAMETOOLONG)', (dir: string) => join(dir, long, 'out')],
  ] as const) {
    it(`run refuses --out ${label} with exit 2, leaving nothing behind (was exit 3, or a hang under /proc)`, async ({ expect }) => {
      const c = tiny();
      const r = await ccsim('run', c.file, '--no-charts', '--workers', '1', '--out', out(c.dir));
      expectRefused(expect, r, c);
      expect(r.stderr).toMatch(new RegExp(`^ccsim: ${cliMessages.cannotWrite(out(c.dir), 'E').replace(/[/.]/g, '\\$&')}(NOENT|NAMETOOLONG)`));
    });

    it(`merge refuses --out ${label} with exit 2, leaving nothing behind`, async ({ expect }) => {
      const c = tiny();
      expect((await ccsim('sweep', c.file, '--vary', 'staffing.agents=5,6', '--reps', '2', '--shard', '1/1', '--workers', '1', '--out', c.out)).code).toBe(0);
      const r = await ccsim('merge', c.out, '--no-charts', '--out', out(c.dir));
      expectRefused(expect, r);
      expect(r.stderr).toContain(cliMessages.cannotWrite(out(c.dir), ''));
      expect(readdirSync(c.dir).sort()).toEqual(['out', 'scenario.yaml']);
    });
  }
});

describe.concurrent('ccsim erlang at its edges', () => {
  /** The agent counts of a printed table's rows. */
  const rowAgents = (stdout: string) => [...stdout.matchAll(/^\s+(\d+)\s/gm)].map((m) => Number(m[1]));

  it('refuses a target no agent count within the limit reaches with exit 2 and a message (was a RangeError, exit 3)', async ({ expect }) => {
    const r = await ccsim('erlang', '--rate-per-hour', '1000000', '--aht-sec', '1000', '--target-sl', '0.8');
    expectRefused(expect, r);
    expect(r.stderr).toBe(`ccsim: ${erlangMessage.notReached('service level 0.8', 100_000)}\n`);
  });

  it('refuses a rate whose computation overflows, stating the limit (was exit 0 with NaN and Infinity)', async ({ expect }) => {
    const r = await ccsim('erlang', '--rate-per-hour', '1e308', '--aht-sec', '300', '--agents', '5');
    expectRefused(expect, r);
    expect(r.stderr).toBe(`ccsim: --rate-per-hour must be a number > 0 and at most ${LIMITS.ratePerHour.toLocaleString('en-US')} (limit), got 1e+308\n`);
  });

  it('says "unstable" where an overloaded Erlang C queue has no figures, instead of occupancy 1 and wait Infinity', async ({ expect }) => {
    const r = await ccsim('erlang', '--rate-per-hour', '600', '--aht-sec', '300', '--agents', '40');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`    40   ${UNSTABLE}\n`);
    expect(r.stdout).not.toMatch(/Infinity|NaN/);
  });

  it('shows the rows around the answer for --max-abandon as for --target-sl, with the --agents row too when given', async ({ expect }) => {
    const base = ['erlang', '--rate-per-hour', '600', '--aht-sec', '300', '--patience-sec', '180', '--agents', '45'];
    const [abandon, sl] = await Promise.all([ccsim(...base, '--max-abandon', '0.05'), ccsim(...base, '--target-sl', '0.8')]);
    expect(abandon.stdout).toContain('fewest agents for abandonment ≤ 0.05: 52');
    expect(sl.stdout).toContain('fewest agents for service level ≥ 0.8 within 20 s: 52');
    for (const r of [abandon, sl]) expect(rowAgents(r.stdout)).toEqual([45, 50, 51, 52, 53, 54, 55]);
  });
});
