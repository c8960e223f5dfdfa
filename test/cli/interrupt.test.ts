/**
 * Concurrency and interruption through the real CLI (src/cli/output-dir.ts): two runs into one
 * --out, a new scenario or --no-charts over an old result, and SIGINT / SIGTERM / SIGKILL at
 * several points of `run` and `compare`. After each, the output directory holds exactly one
 * complete result — the old one or the new one — and nothing lies beside it (no staging
 * directory, no lock).
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it, type ExpectStatic } from 'vitest';
import { cliMessages } from '../../src/cli/messages.js';
import { MANIFEST_FILE } from '../../src/output/stored/manifest.js';
import { ccsimAsync } from '../support/cli.js';
import { caseRoot, ccsim } from '../support/refused.js';

const cases = caseRoot('interrupt');
afterAll(cases.remove);

/** A scenario that simulates for about half a second (10 days at 3,000 contacts/h). */
const slow = (name: string) => [
  `name: ${name}`,
  'horizon: { days: 10 }',
  'arrivals: { ratePerHour: 3000 }',
  'handleTime: { dist: exponential, meanSec: 120 }',
  'patience: { dist: exponential, meanSec: 60 }',
  'staffing: { agents: 110 }',
  'policies:',
  '  - { name: more, set: { "staffing.agents": 115 } }',
];

/** Every file of a directory with its bytes, for comparing whole directories. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else out.set(`${prefix}${e.name}`, readFileSync(join(d, e.name)).toString('base64'));
    }
  };
  walk(dir, '');
  return out;
}

/** The directory holds one complete result: every file its manifest lists, its report, parseable JSON. */
function expectComplete(expect: ExpectStatic, dir: string): void {
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'));
  for (const files of Object.values(manifest.results) as string[][]) for (const f of files) expect(existsSync(join(dir, f)), f).toBe(true);
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) expect(() => JSON.parse(readFileSync(join(dir, f), 'utf8'))).not.toThrow();
  expect(existsSync(join(dir, 'report.html'))).toBe(true);
}

/** Nothing beside the output directory: no staging, ready or old directory, no lock. */
const besideOut = (c: { dir: string }) => readdirSync(c.dir).filter((e) => e !== 'scenario.yaml').sort();

describe.concurrent('two writers, and what a new result replaces', () => {
  it('lets one of two runs into the same --out write, and refuses the other with exit 2 naming its pid', async ({ expect }) => {
    const c = cases.scenarioFile(slow);
    const pids: number[] = [];
    const start = () => ccsimAsync(['run', c.file, '--no-charts', '--workers', '1', '--out', c.out], { onStart: (child) => pids.push(child.pid!) });
    const [a, b] = await Promise.all([start(), start()]);
    const [won, lost] = a.code === 0 ? [a, b] : [b, a];
    expect([won.code, lost.code]).toEqual([0, 2]);
    const winner = pids[won === a ? 0 : 1]!;
    expect(lost.stderr).toBe(`ccsim: ${cliMessages.locked(c.out, winner, join(c.dir, '.out.lock'))}\n`);
    expect(lost.stdout).toBe('');
    expectComplete(expect, c.out);
    expect(besideOut(c)).toEqual(['out']);
  });

  it("replaces another scenario's result as a whole, and drops charts a --no-charts rerun does not draw", async ({ expect }) => {
    const a = cases.tiny();
    const b = cases.scenarioFile((name) => readFileSync(a.file, 'utf8').trimEnd().replace(/^name: .*/, `name: ${name}-b`).split('\n'));
    expect((await ccsim('run', a.file, '--workers', '1', '--out', a.out)).code).toBe(0);
    expect(readdirSync(a.out)).toContain('charts');
    const r = await ccsim('run', b.file, '--no-charts', '--workers', '1', '--out', a.out);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(a.out).sort()).toEqual([MANIFEST_FILE, 'days.csv', 'group-intervals.csv', 'intervals.csv', 'months.csv', 'report.html', 'scenario.json', 'summary.json']);
    expect(JSON.parse(readFileSync(join(a.out, 'summary.json'), 'utf8')).scenario).toBe(`${b.name}-b`);
    expect(besideOut(a)).toEqual(['out']);
  });
});

/**
 * Runs `args` (writing into c.out, which holds an old result), sends `signal` after `afterMs`,
 * and checks the directory: the old result unchanged, or a complete new one; nothing beside it.
 */
async function interrupt(expect: ExpectStatic, c: { dir: string; out: string }, args: string[], signal: NodeJS.Signals, afterMs: number) {
  const old = snapshot(c.out);
  const r = await ccsimAsync(args, { onStart: (child) => setTimeout(() => child.kill(signal), afterMs) });
  if (r.code === 0) expect(snapshot(c.out)).not.toEqual(old); // finished first: the new result
  else if (signal === 'SIGKILL' || r.signal !== null) expect(r.signal).toBe(signal); // before the handlers, or SIGKILL
  else expect(r.code).toBe(128 + ({ SIGINT: 2, SIGTERM: 15 } as Record<string, number>)[signal]!);
  const now = snapshot(c.out);
  if (r.code !== 0 && signal !== 'SIGKILL') expect(now).toEqual(old);
  expectComplete(expect, c.out);
  if (signal !== 'SIGKILL') expect(besideOut(c)).toEqual(['out']);
  return r;
}

describe.concurrent('signals', () => {
  for (const [command, signal, afterMs] of [
    ['run', 'SIGINT', 300],
    ['run', 'SIGINT', 1500],
    ['compare', 'SIGINT', 1200],
    ['compare', 'SIGTERM', 2500],
  ] as const) {
    it(`leaves the old result or the new one after ${signal} at ${afterMs} ms of a ${command}, and nothing beside it`, async ({ expect }) => {
      const c = cases.scenarioFile(slow);
      const base = [command, c.file, '--workers', '1', '--out', c.out, ...(command === 'compare' ? ['--reps', '2'] : [])];
      expect((await ccsimAsync([...base, '--seed', '1', '--no-charts'])).code).toBe(0);
      await interrupt(expect, c, [...base, '--seed', '2'], signal, afterMs);
    });
  }

  it('recovers after SIGKILLs at several points: the next run finds one complete result and cleans up', async ({ expect }) => {
    const c = cases.scenarioFile(slow);
    const base = ['run', c.file, '--workers', '1', '--out', c.out];
    expect((await ccsimAsync([...base, '--seed', '1', '--no-charts'])).code).toBe(0);
    for (const [i, afterMs] of [900, 1800].entries()) await interrupt(expect, c, [...base, '--seed', String(2 + i)], 'SIGKILL', afterMs);
    const r = await ccsimAsync([...base, '--seed', '9', '--no-charts']);
    expect(r.code, r.stderr).toBe(0);
    expectComplete(expect, c.out);
    expect(JSON.parse(readFileSync(join(c.out, 'summary.json'), 'utf8')).seed).toBe(9);
    expect(besideOut(c)).toEqual(['out']);
  });

  it('finishes a swap a SIGKILL cut between its renames, when the next command takes the lock', async ({ expect }) => {
    const c = cases.tiny();
    expect((await ccsim('run', c.file, '--no-charts', '--workers', '1', '--out', c.out)).code).toBe(0);
    // As a kill between the two renames leaves it: the old result aside, the complete new one ready.
    cpSync(c.out, join(c.dir, '.out.ready-99999-0a0b0c0d'), { recursive: true });
    writeFileSync(join(c.dir, '.out.ready-99999-0a0b0c0d', 'report.html'), 'the new one');
    cpSync(c.out, join(c.dir, '.out.old-99999-0a0b0c0d'), { recursive: true });
    rmSync(c.out, { recursive: true });
    const r = await ccsim('report', c.out, '--no-charts');
    expect(r.code, r.stderr).toBe(0);
    expectComplete(expect, c.out);
    expect(besideOut(c)).toEqual(['out']);
  });
});
