/**
 * `npm run bench`: ccsim's performance on the canonical M/M/c+M model (bench/canonical.ts).
 *
 * 1. Model throughput: simulateReplication on 1,000,000 arrivals, fresh child process.
 * 2. The same model in a minimal reference loop (bench/reference.ts), same conditions: ratio.
 * 3. Whole-process CLI: `ccsim run` on 21 days (~3 M calls), wall clock end to end.
 * 4. Peak RSS at 7 and 21 days: memory must not grow with the horizon.
 * 5. Worker threads: `ccsim run --reps 20` with --workers 1 and 2; speed-up, identical JSON.
 * 6. CLI start-up: `validate` through bin/ccsim.js and through `node --import tsx`.
 * 7. Operations model: scenarios/midsize-center.yaml (two tiers, shifts, three channels,
 *    ~300 agents on the roster, five weeks), one replication, whole process.
 * 8. Customer base (issue 5): 1,000,000 customers over 24 months (bench/customers.ts), peak RSS
 *    and wall of `ccsim run --reps 1`, whole process, and of simulateReplication alone.
 * 9. Memory flat in the horizon: scenarios/isp.yaml (150,000 subscribers, two groups on shifts,
 *    open Mon–Fri) over 6 months and over 10 years, `ccsim run` with its charts, whole process:
 *    peak RSS and what it writes.
 *
 * `npm run bench -- --only 4,8` runs only the sections listed (1 and 2 are one section); out/
 * bench.json then holds only those, and says so (`only`). `npm run bench -- --against REF` runs
 * the whole-process case under this tree and a git ref, interleaved (bench/against.ts), and alone
 * unless --only names sections too.
 *
 * The CLI measurements run bin/ccsim.js, as `npx ccsim` does: the compiled dist/ (built first
 * by `npm run build`), so they measure what users run, not tsx's on-the-fly compilation.
 *
 * Every measurement is a fresh process (bench/case.ts prints one JSON line, or the CLI itself);
 * times are performance.now() (in the child for the simulation, around spawnSync otherwise).
 * Prints tables on stdout, writes everything to out/bench.json; progress goes to stderr. A
 * section that fails is reported as failed and the others still run; the exit code is then 1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CaseResult } from './case.js';
import { CANONICAL, DAY_SEC, MILLION_HORIZON_SEC, canonicalYaml } from './canonical.js';
import { CUSTOMERS, customersYaml } from './customers.js';
import { against } from './against.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = ['--import', 'tsx'];
/** Preload that reports a whole process's peak RSS on stderr at exit (bench/max-rss.mjs). */
const MAX_RSS = ['--import', './bench/max-rss.mjs'];

const TARGET = {
  ratioToReference: 0.6,
  cliCallsPerSec: 1.5e6,
  peakRssMB: 150,
  /** "Not materially above": the 21-day peak RSS at most this much over the 7-day one. */
  rssGrowthMB: 10,
  workerSpeedup: 1.8,
  startupSec: 0.5,
  /** A month of a 300-agent center, one replication, whole process. */
  operationsSec: 5,
  /** 1,000,000 customers over 24 months, whole process: "well under 2 GB". */
  customersRssMB: 2048,
  /** Ten years of scenarios/isp.yaml, `ccsim run` with charts, whole process. */
  tenYearRssMB: 400,
} as const;

const THROUGHPUT_RUNS = 5;
const CLI_RUNS = 3;
const WORKER_RUNS = 2;
const WORKER_REPS = 20;
const STARTUP_RUNS = 5;
const AGAINST_RUNS = 7;

// ---------------------------------------------------------------------------------------------
// Helpers

function note(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

function print(text: string): void {
  process.stdout.write(text);
}

interface Timed {
  wallMs: number;
  stdout: string;
  stderr: string;
}

/** Runs `node ARGS` from the project root; wall clock around spawnSync; throws on failure. */
function timeNode(args: readonly string[]): Timed {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wallMs = performance.now() - t0;
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited with ${r.status ?? r.signal}\n${r.stderr.trim()}`);
  }
  return { wallMs, stdout: r.stdout, stderr: r.stderr };
}

/** The peak RSS (KB) a process run with MAX_RSS reported: the last such line of its stderr. */
function reportedMaxRssKB(stderr: string): number {
  const m = [...stderr.matchAll(/^bench-max-rss-kb: (\d+)$/gm)].at(-1);
  if (m === undefined) throw new Error('no bench-max-rss-kb line on stderr (bench/max-rss.mjs not loaded?)');
  return Number(m[1]);
}

function runCase(mode: CaseResult['mode'], horizonSec = 0): CaseResult {
  const { stdout } = timeNode([...TSX, 'bench/case.ts', mode, String(horizonSec)]);
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as CaseResult;
}

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtimeMs(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Whether bin/ccsim.js runs the compiled dist/ now (its own test): false when a source file
 * changed after the build, and the CLI then runs src/ through tsx, slower and bigger.
 */
function cliRunsDist(): boolean {
  const built = path.join(ROOT, 'dist', 'cli.js');
  return existsSync(built) && statSync(built).mtimeMs >= newestMtimeMs(path.join(ROOT, 'src'));
}

function best<T>(runs: readonly T[], key: (t: T) => number): T {
  return runs.reduce((a, b) => (key(b) < key(a) ? b : a));
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const loadAvg = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
/** Other processes competing for the cores inflate wall times: say so next to the numbers. */
const busyWarning = () =>
  os.loadavg()[0]! > 0.5 * os.availableParallelism()
    ? `  — WARNING: machine busy (1-min load > half the cores): wall times inflated; compare the cpu rows`
    : '';

const mb = (kb: number) => kb / 1024;
const fmtM = (perSec: number) => `${(perSec / 1e6).toFixed(2)} M/s`;
const fmtS = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const fmtMB = (kb: number) => `${mb(kb).toFixed(1)} MB`;
const fmtPct = (share: number) => `${(100 * share).toFixed(3)} %`;
const fmtN = (n: number) => Math.round(n).toLocaleString('en-US');
const runsS = (ms: readonly number[], d = 2) => ms.map((m) => (m / 1000).toFixed(d)).join(' ');
const verdict = (ok: boolean) => (ok ? 'ok' : 'MISS');

function table(title: string, rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  const rule = '-'.repeat(widths.reduce((a, w) => a + w + 2, -2));
  return [title, rule, line(rows[0]!), rule, ...rows.slice(1).map(line), '', ''].join('\n');
}

interface CliSummary {
  kpis: { offered: { mean: number }; abandonRate: { mean: number } };
  meta: { events: number };
}

const results: Record<string, unknown> = {};
let failures = 0;

/** Runs one section; a failure is printed and recorded, and the bench goes on. */
function section<T>(key: string, title: string, run: () => T): T | undefined {
  note(title);
  try {
    const out = run();
    results[key] = out;
    return out;
  } catch (e) {
    failures++;
    const message = e instanceof Error ? e.message : String(e);
    results[key] = { failed: message };
    print(`${title}\n  FAILED: ${message.split('\n').slice(0, 4).join('\n          ')}\n\n`);
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Sections

/** 1 + 2. ccsim and the reference loop on 1,000,000 arrivals, interleaved; best by wall time. */
function throughput() {
  const ccRuns: CaseResult[] = [];
  const refRuns: CaseResult[] = [];
  for (let i = 0; i < THROUGHPUT_RUNS; i++) {
    ccRuns.push(runCase('ccsim', MILLION_HORIZON_SEC));
    refRuns.push(runCase('reference', MILLION_HORIZON_SEC));
  }
  const stats = (runs: CaseResult[]) => {
    const b = best(runs, (r) => r.wallMs);
    return {
      ...b,
      callsPerSec: b.arrivals / (b.wallMs / 1000),
      eventsPerSec: b.events / (b.wallMs / 1000),
      answeredShare: b.answered / b.arrivals,
      abandonedShare: b.abandoned / b.arrivals,
      peakRssKB: Math.max(...runs.map((r) => r.maxRssKB)),
      runsWallMs: runs.map((r) => r.wallMs),
      runsCpuMs: runs.map((r) => r.cpuMs),
    };
  };
  const cc = stats(ccRuns);
  const ref = stats(refRuns);
  const ratio = cc.callsPerSec / ref.callsPerSec;
  const abandonGapPp = 100 * Math.abs(cc.abandonedShare - ref.abandonedShare);
  print(
    table(`1-2. Model throughput, 1,000,000 arrivals (horizon 10,000 min), one replication; best of ${THROUGHPUT_RUNS} fresh processes by wall`, [
      ['', 'ccsim', 'reference', 'ccsim/ref'],
      ['wall (simulation only)', fmtS(cc.wallMs), fmtS(ref.wallMs), ''],
      ['cpu (same run)', fmtS(cc.cpuMs), fmtS(ref.cpuMs), ''],
      [`wall, ${THROUGHPUT_RUNS} runs`, runsS(cc.runsWallMs), runsS(ref.runsWallMs), ''],
      ['arrivals', fmtN(cc.arrivals), fmtN(ref.arrivals), ''],
      ['calls/s', fmtM(cc.callsPerSec), fmtM(ref.callsPerSec), `${ratio.toFixed(2)}x (target >= ${TARGET.ratioToReference}x: ${verdict(ratio >= TARGET.ratioToReference)})`],
      ['events', fmtN(cc.events), fmtN(ref.events), ''],
      ['events/s', fmtM(cc.eventsPerSec), fmtM(ref.eventsPerSec), `${(cc.eventsPerSec / ref.eventsPerSec).toFixed(2)}x`],
      [`peak RSS (max of ${THROUGHPUT_RUNS})`, fmtMB(cc.peakRssKB), fmtMB(ref.peakRssKB), ''],
      ['answered share', fmtPct(cc.answeredShare), fmtPct(ref.answeredShare), ''],
      ['abandoned share', fmtPct(cc.abandonedShare), fmtPct(ref.abandonedShare), `gap ${abandonGapPp.toFixed(3)} pp (${verdict(abandonGapPp <= 0.5)}, <= 0.5 pp)`],
    ]),
  );
  print('   ccsim: config via the scenario loader, xor4096 streams, KPI observer, contact store.\n');
  print('   reference: alea streams, counts only (bench/reference.ts). Peak RSS includes tsx, zod and yaml.\n\n');
  return {
    method: `best of ${THROUGHPUT_RUNS} fresh processes by simulation wall time`,
    ccsim: cc,
    reference: ref,
    ratioCallsPerSec: ratio,
    abandonGapPercentagePoints: abandonGapPp,
    pass: ratio >= TARGET.ratioToReference && abandonGapPp <= 0.5,
  };
}

function cliArgs(file: string, reps: number, workers: number, out: string): string[] {
  // --no-charts: these sections measure simulation and its outputs; chart rendering is timed apart.
  return ['bin/ccsim.js', 'run', file, '--reps', String(reps), '--workers', String(workers), '--json', '--no-charts', '--out', out];
}

/** 7. The operations model on the bundled mid-size center, whole process; best of 3. */
function operations(tmp: string) {
  const runs = Array.from({ length: 3 }, (_, i) => timeNode(cliArgs('scenarios/midsize-center.yaml', 1, 1, path.join(tmp, `ops-${i}`))));
  const b = best(runs, (r) => r.wallMs);
  const summary = JSON.parse(b.stdout) as CliSummary & { meta: { horizonSec: number; warmupSec: number } };
  const contacts = summary.kpis.offered.mean;
  const days = summary.meta.horizonSec / DAY_SEC;
  const pass = b.wallMs / 1000 < TARGET.operationsSec;
  print(
    table(`7. Operations model: ccsim run scenarios/midsize-center.yaml --reps 1 (${days} days, 7 of them warm-up), whole process; best of 3`, [
      ['', 'value', 'target'],
      ['wall, end to end', fmtS(b.wallMs), `< ${TARGET.operationsSec} s: ${verdict(pass)}`],
      ['wall, 3 runs', runsS(runs.map((r) => r.wallMs), 3), ''],
      ['contacts offered after warm-up', fmtN(contacts), ''],
      ['events (meta.events)', fmtN(summary.meta.events), ''],
    ]),
  );
  return { method: 'best of 3, wall clock around spawnSync', days, wallMs: b.wallMs, contacts, events: summary.meta.events, pass };
}

/** 8. 1,000,000 customers over 24 months: peak RSS and wall, whole process and model only. */
function customers(tmp: string) {
  const file = path.join(tmp, 'bench-customers.yaml');
  writeFileSync(file, customersYaml('bench-customers'));
  const distBefore = cliRunsDist();
  const loaded = timeNode([...MAX_RSS, 'bin/ccsim.js', 'validate', file]);
  const run = timeNode([...MAX_RSS, ...cliArgs(file, 1, 1, path.join(tmp, 'customers'))]);
  const fromDist = distBefore && cliRunsDist();
  const model = runCase('customers');
  const idle = runCase('idle');
  const rssKB = reportedMaxRssKB(run.stderr);
  const loadedKB = reportedMaxRssKB(loaded.stderr);
  type Mean = { mean: number };
  const summary = JSON.parse(run.stdout) as CliSummary & { customers?: { active: Mean; churned: Mean; returned: Mean } };
  const k = summary.customers;
  if (k === undefined) throw new Error('ccsim run --json has no customers block: the lifecycle did not run');
  const ever = k.active.mean + k.churned.mean + k.returned.mean;
  const contacts = summary.kpis.offered.mean;
  const size = `${fmtN(CUSTOMERS.initial)} × ${CUSTOMERS.months}`;
  const pass = rssKB < TARGET.customersRssMB * 1024;
  const modelPass = model.maxRssKB < TARGET.customersRssMB * 1024;
  print(
    table(`8. Customer base (bench/customers.ts): ${fmtN(CUSTOMERS.initial)} customers over ${CUSTOMERS.months} months, one replication; one run each`, [
      ['', 'customers × months', 'customers ever', 'contacts', 'wall', 'peak RSS', 'target'],
      ['ccsim run --reps 1, whole process', size, fmtN(ever), fmtN(contacts), fmtS(run.wallMs), fmtMB(rssKB), `< ${TARGET.customersRssMB} MB: ${verdict(pass)}`],
      ['simulateReplication only (tsx child)', size, fmtN(model.customersEver ?? 0), fmtN(model.arrivals), fmtS(model.wallMs), fmtMB(model.maxRssKB), `< ${TARGET.customersRssMB} MB: ${verdict(modelPass)}`],
      ['ccsim validate, same file (no run)', '', '', '', fmtS(loaded.wallMs), fmtMB(loadedKB), ''],
      ['bench/case.ts idle (tsx, no run)', '', '', '', '', fmtMB(idle.maxRssKB), ''],
    ]),
  );
  print('   peak RSS: process.resourceUsage().maxRSS at exit (bench/max-rss.mjs for the CLI); wall: around spawnSync, or the simulation alone in the child.\n');
  if (!fromDist) print('   WARNING: src/ changed after the build, so bin/ccsim.js ran src/ through tsx: the CLI rows include tsx.\n');
  print('\n');
  return {
    method: 'one run each; CLI peak RSS from process.resourceUsage().maxRSS at exit (bench/max-rss.mjs preload)',
    scenario: { ...CUSTOMERS },
    cli: { fromDist, wallMs: run.wallMs, maxRssKB: rssKB, customersEver: ever, customersActive: k.active.mean, contacts, events: summary.meta.events },
    model: { wallMs: model.wallMs, cpuMs: model.cpuMs, maxRssKB: model.maxRssKB, customersEver: model.customersEver, customersActive: model.customersActive, contacts: model.arrivals, events: model.events },
    validateOnly: { wallMs: loaded.wallMs, maxRssKB: loadedKB },
    idleKB: idle.maxRssKB,
    pass: pass && modelPass,
  };
}

/** 9. scenarios/isp.yaml over 6 months and 10 years, `ccsim run` with charts: peak RSS and output size. */
function horizon(tmp: string) {
  const source = readFileSync(path.join(ROOT, 'scenarios', 'isp.yaml'), 'utf8');
  if (!/^horizon: \{ months: 6 \}$/m.test(source)) throw new Error('scenarios/isp.yaml no longer has "horizon: { months: 6 }"; update bench section 9');
  const rows = [6, 120].map((months) => {
    const file = path.join(tmp, `isp-${months}.yaml`);
    writeFileSync(file, source.replace(/^horizon: \{ months: 6 \}$/m, `horizon: { months: ${months} }`));
    const out = path.join(tmp, `isp-${months}`);
    const run = timeNode([...MAX_RSS, 'bin/ccsim.js', 'run', file, '--reps', '1', '--workers', '1', '--out', out]);
    const written = readdirSync(out, { recursive: true }).map((f) => path.join(out, String(f))).filter((f) => statSync(f).isFile());
    const bytes = written.reduce((n, f) => n + statSync(f).size, 0);
    const largest = written.map((f) => ({ f: path.relative(out, f), size: statSync(f).size })).sort((a, b) => b.size - a.size)[0]!;
    return { months, wallMs: run.wallMs, maxRssKB: reportedMaxRssKB(run.stderr), bytes, largest };
  });
  const ten = rows[1]!;
  const pass = ten.maxRssKB < TARGET.tenYearRssMB * 1024;
  print(
    table('9. Memory flat in the horizon: ccsim run scenarios/isp.yaml --reps 1 (charts on), whole process; one run each', [
      ['horizon', 'wall', 'peak RSS', 'written', 'largest file', 'target'],
      ...rows.map((r) => [
        `${r.months} months`,
        fmtS(r.wallMs),
        fmtMB(r.maxRssKB),
        `${(r.bytes / 2 ** 20).toFixed(1)} MB`,
        `${r.largest.f} ${(r.largest.size / 2 ** 20).toFixed(1)} MB`,
        r.months === 120 ? `< ${TARGET.tenYearRssMB} MB: ${verdict(pass)}` : '',
      ]),
    ]),
  );
  print('   interval series are streamed to disk (intervals.csv, group-intervals.csv); summary.json keeps the last 366 days.\n\n');
  return { method: 'one run each, whole process, peak RSS from process.resourceUsage().maxRSS at exit', runs: rows, pass };
}

/** 3. `ccsim run` on 21 days, whole process. */
function cli(tmp: string) {
  const file = path.join(tmp, 'bench-cli.yaml');
  writeFileSync(file, canonicalYaml('bench-cli', { days: 21 }));
  const runs = Array.from({ length: CLI_RUNS }, (_, i) => timeNode(cliArgs(file, 1, 1, path.join(tmp, `cli-${i}`))));
  const b = best(runs, (r) => r.wallMs);
  const summary = JSON.parse(b.stdout) as CliSummary;
  const calls = summary.kpis.offered.mean;
  const callsPerSec = calls / (b.wallMs / 1000);
  const pass = callsPerSec >= TARGET.cliCallsPerSec;
  print(
    table(`3. Whole process: node bin/ccsim.js run (21 days) --reps 1 --workers 1 --json; best of ${CLI_RUNS}`, [
      ['', 'value', 'target'],
      ['wall, end to end', fmtS(b.wallMs), ''],
      [`wall, ${CLI_RUNS} runs`, runsS(runs.map((r) => r.wallMs), 3), ''],
      ['calls (kpis.offered.mean)', fmtN(calls), ''],
      ['events (meta.events)', fmtN(summary.meta.events), ''],
      ['calls/s, whole process', fmtM(callsPerSec), `>= ${fmtM(TARGET.cliCallsPerSec)}: ${verdict(pass)}`],
      ['abandon rate', fmtPct(summary.kpis.abandonRate.mean), ''],
    ]),
  );
  return { method: `best of ${CLI_RUNS}, wall clock around spawnSync`, days: 21, wallMs: b.wallMs, runsMs: runs.map((r) => r.wallMs), calls, events: summary.meta.events, callsPerSec, pass };
}

/** 4. Peak RSS at 7 and 21 days; one process each (RSS barely varies between runs). */
function memory() {
  const idle = runCase('idle');
  const d7 = runCase('ccsim', 7 * DAY_SEC);
  const d21 = runCase('ccsim', 21 * DAY_SEC);
  const growthKB = d21.maxRssKB - d7.maxRssKB;
  const under = (r: CaseResult) => r.maxRssKB < TARGET.peakRssMB * 1024;
  const flat = growthKB <= TARGET.rssGrowthMB * 1024;
  print(
    table('4. Peak RSS (process.resourceUsage().maxRSS) of a child running simulateReplication; one run each', [
      ['', 'arrivals', 'sim wall', 'peak RSS', 'target'],
      ['scenario loaded, no run', '', '', fmtMB(idle.maxRssKB), ''],
      ['7 days', fmtN(d7.arrivals), fmtS(d7.wallMs), fmtMB(d7.maxRssKB), `< ${TARGET.peakRssMB} MB: ${verdict(under(d7))}`],
      ['21 days', fmtN(d21.arrivals), fmtS(d21.wallMs), fmtMB(d21.maxRssKB), `< ${TARGET.peakRssMB} MB: ${verdict(under(d21))}`],
      ['21 days − 7 days', '', '', `${growthKB >= 0 ? '+' : ''}${mb(growthKB).toFixed(1)} MB`, `<= +${TARGET.rssGrowthMB} MB: ${verdict(flat)}`],
    ]),
  );
  return { idleKB: idle.maxRssKB, days7: { arrivals: d7.arrivals, maxRssKB: d7.maxRssKB }, days21: { arrivals: d21.arrivals, maxRssKB: d21.maxRssKB }, growthKB, pass: under(d7) && under(d21) && flat };
}

/** 5. --reps 20 with --workers 1 and 2, interleaved; best of each; the --json must not differ. */
function workers(tmp: string, modelCallsPerSec: number | undefined) {
  // One replication should take ~0.4 s: size the horizon from the measured model throughput.
  const days = modelCallsPerSec === undefined ? 7 : Math.min(14, Math.max(2, Math.round((0.4 * modelCallsPerSec) / (CANONICAL.ratePerHour * 24))));
  const file = path.join(tmp, 'bench-reps.yaml');
  writeFileSync(file, canonicalYaml('bench-reps', { days }));
  const w1: Timed[] = [];
  const w2: Timed[] = [];
  for (let i = 0; i < WORKER_RUNS; i++) {
    w1.push(timeNode(cliArgs(file, WORKER_REPS, 1, path.join(tmp, `w1-${i}`))));
    w2.push(timeNode(cliArgs(file, WORKER_REPS, 2, path.join(tmp, `w2-${i}`))));
  }
  const b1 = best(w1, (r) => r.wallMs);
  const b2 = best(w2, (r) => r.wallMs);
  const speedup = b1.wallMs / b2.wallMs;
  const identical = [...w1, ...w2].every((r) => r.stdout === w1[0]!.stdout);
  const calls = (JSON.parse(b1.stdout) as CliSummary).kpis.offered.mean;
  print(
    table(`5. ccsim run --reps ${WORKER_REPS} (${days} days, ~${fmtN(calls)} calls per replication), whole process; best of ${WORKER_RUNS}`, [
      ['', 'wall', 'wall / replication', 'runs'],
      ['--workers 1', fmtS(b1.wallMs), fmtS(b1.wallMs / WORKER_REPS), runsS(w1.map((r) => r.wallMs))],
      ['--workers 2', fmtS(b2.wallMs), fmtS(b2.wallMs / WORKER_REPS), runsS(w2.map((r) => r.wallMs))],
      ['speed-up', `${speedup.toFixed(2)}x`, `target >= ${TARGET.workerSpeedup}x: ${verdict(speedup >= TARGET.workerSpeedup)}`, ''],
      ['--json byte-identical', identical ? 'yes' : 'NO', `(${w1.length + w2.length} outputs)`, ''],
    ]),
  );
  return {
    method: `best of ${WORKER_RUNS} each, wall clock around spawnSync`,
    reps: WORKER_REPS,
    days,
    callsPerReplication: calls,
    workers1Ms: b1.wallMs,
    workers2Ms: b2.wallMs,
    runs1Ms: w1.map((r) => r.wallMs),
    runs2Ms: w2.map((r) => r.wallMs),
    speedup,
    jsonIdentical: identical,
    pass: speedup >= TARGET.workerSpeedup && identical,
  };
}

/** 6. `validate`, median of 5 each, interleaved. */
function startup() {
  const bin: number[] = [];
  const tsx: number[] = [];
  for (let i = 0; i < STARTUP_RUNS; i++) {
    bin.push(timeNode(['bin/ccsim.js', 'validate', 'scenarios/baseline.yaml']).wallMs);
    tsx.push(timeNode([...TSX, 'src/cli.ts', 'validate', 'scenarios/baseline.yaml']).wallMs);
  }
  const baseline = median(Array.from({ length: 3 }, () => timeNode(['-e', '0']).wallMs));
  const binMed = median(bin);
  const tsxMed = median(tsx);
  const ok = (ms: number) => ms < TARGET.startupSec * 1000;
  print(
    table(`6. CLI start-up: validate scenarios/baseline.yaml, whole process; median of ${STARTUP_RUNS}`, [
      ['', 'median', 'runs', 'target'],
      ['node bin/ccsim.js', fmtS(binMed), runsS(bin), `< ${TARGET.startupSec} s: ${verdict(ok(binMed))}`],
      ['node --import tsx src/cli.ts', fmtS(tsxMed), runsS(tsx), `< ${TARGET.startupSec} s: ${verdict(ok(tsxMed))}`],
      ['(node -e 0, for scale)', fmtS(baseline), '', ''],
    ]),
  );
  return { method: `median of ${STARTUP_RUNS}`, binMs: binMed, tsxMs: tsxMed, binRunsMs: bin, tsxRunsMs: tsx, nodeBareMs: baseline, pass: ok(binMed) && ok(tsxMed) };
}

/** `--against REF`: this tree against a git ref, whole process, interleaved (bench/against.ts). */
function againstSection(ref: string) {
  const r = against(ROOT, ref, AGAINST_RUNS, tmp);
  print(
    table(`against ${ref}: node bin/ccsim.js run (21 days) --reps 1 --workers 1 --json, ${AGAINST_RUNS} runs each, interleaved`, [
      ['', 'this tree', ref],
      ['wall, runs (s)', runsS(r.thisMs, 2), runsS(r.refMs, 2)],
      ['median wall', fmtS(median(r.thisMs)), fmtS(median(r.refMs))],
      ['calls/s, median', fmtM(r.calls / (median(r.thisMs) / 1000)), fmtM(r.calls / (median(r.refMs) / 1000))],
      ['this / ref, calls/s', r.ratio.toFixed(3), ''],
    ]),
  );
  return { method: 'median of interleaved runs, wall clock around spawnSync', ...r };
}

// ---------------------------------------------------------------------------------------------
// Main

const { values: options } = parseArgs({ options: { only: { type: 'string' }, against: { type: 'string' } } });

/** `--only 4,8`: the sections to run (1 and 2 are one section); all by default. */
function onlyOption(): Set<number> | undefined {
  const values = options;
  if (values.only === undefined) return undefined;
  const picked = values.only.split(',').map((x) => Number(x.trim()));
  const bad = picked.filter((n) => !Number.isInteger(n) || n < 1 || n > 9);
  if (bad.length > 0 || picked.length === 0) throw new Error(`--only: section numbers 1 to 9, comma-separated (got "${values.only}")`);
  return new Set(picked);
}

const only = onlyOption();
/** Whether any of these section numbers is to run. */
const wanted = (...numbers: number[]) => (only === undefined ? options.against === undefined : numbers.some((n) => only.has(n)));

const tmp = mkdtempSync(path.join(os.tmpdir(), 'ccsim-bench-'));
const startedAt = performance.now();
const loadAtStart = os.loadavg();
try {
  const cpus = os.cpus();
  const machine = {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    availableParallelism: os.availableParallelism(),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    totalMemMB: Math.round(os.totalmem() / 2 ** 20),
  };
  print(
    `ccsim bench — ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.platform}\n` +
      `model: M/M/c+M, ${CANONICAL.ratePerHour} calls/h, handle exp(${CANONICAL.handleMeanSec} s), ` +
      `${CANONICAL.agents} agents, patience exp(${CANONICAL.patienceMeanSec} s)\n` +
      `load average at start: ${loadAvg()}${busyWarning()}\n\n`,
  );
  results.machine = machine;
  results.date = new Date().toISOString();
  results.model = { ...CANONICAL };
  results.targets = TARGET;
  if (only !== undefined) results.only = [...only].sort((a, b) => a - b);

  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stderr}`);
  const tp = wanted(1, 2) ? section('throughput', `1-2/8 model throughput, ccsim and reference, ${THROUGHPUT_RUNS} runs each`, throughput) : undefined;
  if (wanted(3)) section('cli', `3/8 whole-process CLI, 21 days, ${CLI_RUNS} runs`, () => cli(tmp));
  if (wanted(4)) section('memory', '4/9 peak RSS at 7 and 21 days', memory);
  if (wanted(5)) section('workers', `5/9 workers: --reps ${WORKER_REPS}, --workers 1 and 2, ${WORKER_RUNS} runs each`, () => workers(tmp, tp?.ccsim.callsPerSec));
  if (wanted(6)) section('startup', `6/9 CLI start-up, validate, ${STARTUP_RUNS} runs each`, startup);
  if (wanted(7)) section('operations', '7/9 operations model, mid-size center', () => operations(tmp));
  if (wanted(8)) section('customers', '8/9 customer base, 1,000,000 customers over 24 months', () => customers(tmp));
  if (wanted(9)) section('horizon', '9/9 memory flat in the horizon: 6 months and 10 years of scenarios/isp.yaml', () => horizon(tmp));
  if (options.against !== undefined) section('against', `against ${options.against}: whole-process CLI, 21 days, ${AGAINST_RUNS} runs each, interleaved`, () => againstSection(options.against!));

  const totalSec = (performance.now() - startedAt) / 1000;
  results.loadAverage = { start: loadAtStart, end: os.loadavg() };
  results.totalSec = totalSec;
  results.failedSections = failures;
  mkdirSync(path.join(ROOT, 'out'), { recursive: true });
  writeFileSync(path.join(ROOT, 'out', 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
  print(`load average at end: ${loadAvg()}${busyWarning()}\n`);
  print(`bench took ${totalSec.toFixed(1)} s${failures ? `, ${failures} section(s) FAILED` : ''}; results in out/bench.json\n`);
  if (failures) process.exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
