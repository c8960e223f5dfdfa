/**
 * What users expect of a command line: `--version`, a suggestion for a mistyped option,
 * `validate --json` for editors and CI, and test output without colour codes in a log.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { cliMessages } from '../../src/cli/messages.js';
import { MAX_JSON_DIAGNOSTICS } from '../../src/cli/validate-json.js';
import * as msg from '../../src/scenario/messages.js';
// @ts-expect-error: a plain JavaScript launcher, without types
import { vitestEnv } from '../../scripts/vitest.mjs';
import { REPO } from '../support/cli.js';
import { caseRoot, ccsim } from '../support/refused.js';

const cases = caseRoot('usability');
afterAll(cases.remove);

describe.concurrent('the command line', () => {
  it('prints the package version with --version', async ({ expect }) => {
    const r = await ccsim('--version');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version}\n`);
  });

  it('suggests the near option for a mistyped one (--rep → --reps), and names an unknown one as it is', async ({ expect }) => {
    const c = cases.tiny();
    const r = await ccsim('run', c.file, '--rep', '3', '--frobnicate', '--out', c.out);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ccsim: Unknown arguments: ${cliMessages.didYouMean('rep', 'reps')}, frobnicate\n`);
    const e = await ccsim('erlang', '--rate-per-hour', '600', '--aht-sec', '300', '--agents', '60', '--target-s', '0.8');
    expect(e.stderr).toBe(`ccsim: Unknown argument: ${cliMessages.didYouMean('target-s', 'target-sl')}\n`);
  });

  it('validate --json prints the diagnostics as JSON on stdout, with exit 2 for an invalid file', async ({ expect }) => {
    const c = cases.tiny({ 6: '  agentz: 5' });
    const r = await ccsim('validate', c.file, '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ valid: false, file: c.file, omitted: 0 });
    expect(out.diagnostics).toContainEqual({ file: c.file, line: 6, column: 3, path: 'staffing.agentz', message: msg.unknownKey('agentz', ['agents', 'wagePerHour'], 'agents') });
    expect(out.diagnostics.every((d: object) => Object.keys(d).join() === 'file,line,column,path,message')).toBe(true);
  });

  it('validate --json says valid with no diagnostics and exit 0, and gives null line and column where there is no place', async ({ expect }) => {
    const c = cases.tiny();
    const ok = await ccsim('validate', c.file, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ valid: true, file: c.file, diagnostics: [], omitted: 0 });
    const missing = await ccsim('validate', join(c.dir, 'no-such.yaml'), '--json');
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout).diagnostics).toEqual([{ file: join(c.dir, 'no-such.yaml'), line: null, column: null, path: '', message: msg.fileNotFound() }]);
  });

  it(`validate --json lists at most ${MAX_JSON_DIAGNOSTICS} diagnostics and counts the rest`, async ({ expect }) => {
    const c = cases.tiny({}, ...Array.from({ length: MAX_JSON_DIAGNOSTICS + 5 }, (_, i) => `k${i}: 1`));
    const out = JSON.parse((await ccsim('validate', c.file, '--json')).stdout);
    expect(out.diagnostics).toHaveLength(MAX_JSON_DIAGNOSTICS);
    expect(out.omitted).toBe(5);
  });
});

describe('npm test without colour codes in a log', () => {
  it('turns colours off when stdout is not a terminal, and for FORCE_COLOR=0, but keeps FORCE_COLOR=1', ({ expect }) => {
    expect(vitestEnv({}, false).NO_COLOR).toBe('1');
    expect(vitestEnv({}, true).NO_COLOR).toBeUndefined();
    expect(vitestEnv({ FORCE_COLOR: '0' }, true)).toEqual({ NO_COLOR: '1' });
    expect(vitestEnv({ FORCE_COLOR: '1' }, false)).toEqual({ FORCE_COLOR: '1' });
  });
});
