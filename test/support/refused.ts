/**
 * Helpers for the CLI's bad-input tests: a fresh directory per case with a tiny valid scenario
 * whose name is unique to the case, and the CONTRACT's promise for a refusal (exit 2, a message
 * on stderr, nothing on stdout, nothing written) as one assertion.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExpectStatic } from 'vitest';
import { REPO, ccsimAsync } from './cli.js';

export type Result = Awaited<ReturnType<typeof ccsimAsync>>;

/** Runs the CLI from the repository root (async, so tests can overlap). */
export const ccsim = (...args: string[]): Promise<Result> => ccsimAsync(args);

export interface Case {
  dir: string;
  file: string;
  name: string;
  out: string;
}

/** Cases under one temporary root; `remove()` deletes it (call it in afterAll). */
export function caseRoot(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), `ccsim-${prefix}-`));
  let serial = 0;
  /** A fresh directory holding only scenario.yaml, whose scenario name is unique to this case. */
  const scenarioFile = (lines: (name: string) => string[]): Case => {
    const dir = join(root, `case-${++serial}`);
    mkdirSync(dir);
    const name = `ccsim-${prefix}-${process.pid}-${serial}`;
    const file = join(dir, 'scenario.yaml');
    writeFileSync(file, `${lines(name).join('\n')}\n`);
    return { dir, file, name, out: join(dir, 'out') };
  };
  /** An empty fresh directory. */
  const emptyDir = (): string => {
    const dir = join(root, `case-${++serial}`);
    mkdirSync(dir);
    return dir;
  };
  /** A tiny valid scenario (2 hours at 60/h, 5 agents), with lines replaced by their 1-based number. */
  const tiny = (replace: Record<number, string> = {}, ...append: string[]): Case =>
    scenarioFile((name) => {
      const lines = [
        `name: ${name}`, //                                  line 1
        'horizon: { hours: 2 }', //                          line 2
        'arrivals: { ratePerHour: 60 }', //                  line 3   (60 at column 26)
        'handleTime: { dist: exponential, meanSec: 120 }', // line 4  (120 at column 43)
        'staffing:', //                                      line 5
        '  agents: 5', //                                    line 6   (5 at column 11)
      ];
      return [...lines.map((l, i) => replace[i + 1] ?? l), ...append];
    });
  return { root, scenarioFile, emptyDir, tiny, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Asserts the CONTRACT's bad-input behaviour, and that the case's directory holds only its scenario. */
export function expectRefused(expect: ExpectStatic, r: Result, c?: { dir: string; name: string }): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^ccsim: /);
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  if (c) {
    expect(readdirSync(c.dir)).toEqual(['scenario.yaml']);
    expect(existsSync(join(REPO, 'out', c.name))).toBe(false);
  }
}
