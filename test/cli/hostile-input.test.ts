/**
 * Issue 12's hostile and broken inputs, end to end through the real CLI: each is refused with
 * exit 2 and a message naming the file, line:column where there is one, the field and what is
 * allowed — never exit 3 with a stack trace, never a hang, never a file written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { formatBytes, INPUT_LIMITS } from '../../src/cli/read-input.js';
import { cliMessages } from '../../src/cli/messages.js';
import * as msg from '../../src/scenario/messages.js';
import { YAML_LIMITS } from '../../src/scenario/yaml.js';
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
