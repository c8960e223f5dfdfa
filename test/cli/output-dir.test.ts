/**
 * The output directory written as a whole (src/cli/output-dir.ts), in this process: what a new
 * result keeps and drops, the lock, recovery from a swap cut off by a kill, and output paths that
 * cannot exist. The signal and concurrency cases through the real CLI are in interrupt.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliMessages } from '../../src/cli/messages.js';
import { openOutputDir, OutputDirError, type OutputDir } from '../../src/cli/output-dir.js';
import { MANIFEST_FILE } from '../../src/output/stored/manifest.js';

const ROOT = mkdtempSync(join(tmpdir(), 'ccsim-output-dir-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));
let serial = 0;
const fresh = () => join(ROOT, `d${++serial}`, 'out');

/** Opens `dir`, runs `f`, releases. */
function withDir<T>(dir: string, f: (o: OutputDir) => T): T {
  const o = openOutputDir(dir);
  try {
    return f(o);
  } finally {
    o.release();
  }
}

const RUN = { 'summary.json': '{}', 'days.csv': 'a\n' };
const RUN_REPORT = { 'report.html': 'run', 'scenario.json': '{}', 'charts/a.svg': '<svg/>' };
const listing = (dir: string) => readdirSync(dir).sort();
/** Everything beside the output directory: nothing but the directory itself once a write is over. */
const beside = (dir: string) => readdirSync(join(dir, '..')).sort();

describe('what a new result keeps and drops', () => {
  it("keeps the other commands' results of the same scenario and rebuilds the report", () => {
    const dir = fresh();
    withDir(dir, (o) => o.commit('s', 'summary', RUN, RUN_REPORT));
    const kept = withDir(dir, (o) => {
      expect(o.keeps('s', 'comparison')).toEqual(['summary']);
      return o.commit('s', 'comparison', { 'comparison.json': '{}' }, { 'report.html': 'both' });
    });
    expect(kept).toEqual([join(dir, 'comparison.json'), join(dir, 'report.html')]);
    expect(listing(dir)).toEqual([MANIFEST_FILE, 'comparison.json', 'days.csv', 'report.html', 'summary.json']);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('both');
    expect(JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')).results).toEqual({ comparison: ['comparison.json'], summary: ['days.csv', 'summary.json'] });
    expect(beside(dir)).toEqual(['out']);
  });

  it("drops another scenario's files, and charts a --no-charts rerun does not draw", () => {
    const dir = fresh();
    withDir(dir, (o) => o.commit('a', 'summary', { ...RUN, 'customer-months.csv': 'x\n' }, RUN_REPORT));
    withDir(dir, (o) => {
      expect(o.keeps('b', 'comparison')).toEqual([]);
      o.commit('b', 'comparison', { 'comparison.json': '{}' }, { 'report.html': 'b' });
    });
    expect(listing(dir)).toEqual([MANIFEST_FILE, 'comparison.json', 'report.html']);
    withDir(dir, (o) => o.commit('b', 'comparison', { 'comparison.json': '{}' }, { 'report.html': 'b', 'charts/x.svg': '' }));
    withDir(dir, (o) => o.commit('b', 'comparison', { 'comparison.json': '{}' }, { 'report.html': 'b, no charts' }));
    expect(listing(dir)).toEqual([MANIFEST_FILE, 'comparison.json', 'report.html']);
  });

  it("keeps a sweep's work in progress (shard files, saved points) except what the writer leaves out", () => {
    const dir = fresh();
    mkdirSync(join(dir, '.points', 'aaaa'), { recursive: true });
    mkdirSync(join(dir, '.points', 'bbbb'));
    writeFileSync(join(dir, '.points', 'aaaa', '0.json'), '{}');
    writeFileSync(join(dir, '.points', 'bbbb', '0.json'), '{}');
    writeFileSync(join(dir, 'shard-1-of-2.json'), '{}');
    withDir(dir, (o) => o.commit('s', 'sweep', { 'sweep.json': '{}' }, {}, [join('.points', 'aaaa')]));
    expect(listing(dir)).toEqual(['.ccsim-manifest.json', '.points', 'shard-1-of-2.json', 'sweep.json']);
    expect(readdirSync(join(dir, '.points'))).toEqual(['bbbb']);
  });

  it('rebuilds only the report with `ccsim report`, keeping every result as it is', () => {
    const dir = fresh();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'summary.json'), '{}'); // a directory of a ccsim before manifests
    writeFileSync(join(dir, 'report.html'), 'old');
    withDir(dir, (o) => o.commit('s', null, {}, { 'report.html': 'new' }));
    expect(listing(dir)).toEqual(['report.html', 'summary.json']);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('new');
  });

  it('refuses a directory holding files ccsim did not write, and changes nothing', () => {
    const dir = fresh();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    writeFileSync(join(dir, 'summary.json'), '{}');
    expect(() => openOutputDir(dir)).toThrow(new OutputDirError(cliMessages.foreignFiles(dir, ['notes.txt'])));
    expect(listing(dir)).toEqual(['notes.txt', 'summary.json']);
    expect(beside(dir)).toEqual(['out']);
  });

  it('refuses a damaged manifest, naming it and the field', () => {
    const dir = fresh();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify({ format: 'ccsim-outputs', version: 1, scenario: 's', results: { summary: ['../../etc/passwd'] } }));
    expect(() => openOutputDir(dir)).toThrow(/\.ccsim-manifest\.json: results\.summary\[0\]: a plain file name/);
  });

  it('never writes a file outside the directory, whatever its name', () => {
    const dir = fresh();
    for (const name of ['../escaped', '/tmp/abs', '.', MANIFEST_FILE]) {
      expect(() => withDir(dir, (o) => o.commit('s', 'summary', { [name]: 'x' }, {}))).toThrow(OutputDirError);
    }
    expect(existsSync(join(dir, '..', 'escaped'))).toBe(false);
    expect(existsSync(join(dir, '..'))).toBe(false); // the parent made for it is removed again
  });
});

describe('the lock', () => {
  it('refuses a second writer of the same directory, naming the running process', () => {
    const dir = fresh();
    const first = openOutputDir(dir);
    try {
      expect(() => openOutputDir(dir)).toThrow(new OutputDirError(cliMessages.locked(dir, process.pid, join(dir, '..', '.out.lock'))));
    } finally {
      first.release();
    }
    withDir(dir, () => {});
    expect(existsSync(join(dir, '..'))).toBe(false); // lock released, and the parent made for it removed
  });

  it('takes over the lock of a process that no longer runs', () => {
    const dir = fresh();
    mkdirSync(join(dir, '..'), { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(dir, '..', '.out.lock'), `${dead} 00000000-0000-4000-8000-000000000000\n`);
    withDir(dir, (o) => o.commit('s', 'summary', RUN, {}));
    expect(beside(dir)).toEqual(['out']);
  });
});

describe('recovery from a swap cut off by a kill', () => {
  /** The parent of `dir` with leftovers of a process 4242 killed at some point of its swap. */
  function leftovers(dir: string, which: { ready?: boolean; old?: boolean; staging?: boolean; target?: boolean }) {
    const parent = join(dir, '..');
    mkdirSync(parent, { recursive: true });
    const make = (name: string, report: string) => {
      mkdirSync(join(parent, name));
      writeFileSync(join(parent, name, 'report.html'), report);
    };
    if (which.target) make('out', 'current');
    if (which.old) make('.out.old-4242-0a0b0c0d', 'old');
    if (which.ready) make('.out.ready-4242-0a0b0c0d', 'new');
    if (which.staging) make('.out.staging-4242-0a0b0c0d', 'half');
  }

  it('finishes a swap killed between its two renames: the complete new directory becomes the target', () => {
    const dir = fresh();
    leftovers(dir, { old: true, ready: true });
    withDir(dir, () => {});
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('new');
    expect(beside(dir)).toEqual(['out']);
  });

  it('restores the old directory when only it is left', () => {
    const dir = fresh();
    leftovers(dir, { old: true });
    withDir(dir, () => {});
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('old');
    expect(beside(dir)).toEqual(['out']);
  });

  it('keeps the target and removes an unfinished staging directory and a ready one never swapped in', () => {
    const dir = fresh();
    leftovers(dir, { target: true, staging: true, ready: true });
    withDir(dir, () => {});
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('current');
    expect(beside(dir)).toEqual(['out']);
  });
});

describe('output paths that cannot be written', () => {
  it('refuses a directory under a path that cannot exist (/proc), leaving nothing', () => {
    expect(() => openOutputDir('/proc/ccsim-no/out')).toThrow(/^cannot write the outputs to \/proc\/ccsim-no\/out: ENOENT/);
  });

  it('refuses a 300-character directory name, removing the parents it made', () => {
    const parent = join(ROOT, `d${++serial}`);
    expect(() => openOutputDir(join(parent, 'made', 'x'.repeat(300)))).toThrow(/^cannot write the outputs to .*: ENAMETOOLONG/);
    expect(() => openOutputDir(join(parent, 'y'.repeat(300), 'out'))).toThrow(/^cannot write the outputs to .*: ENAMETOOLONG/);
    expect(existsSync(parent)).toBe(false);
  });
});
