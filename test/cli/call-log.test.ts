/**
 * `ccsim run --log FILE`: the simulated call log, and the fitter reading it back.
 *
 * The round trip is the model's own: a stationary center with lognormal handle times (mean 300 s,
 * cv 1, so σ = √ln 2 ≈ 0.8326 and μ = ln 300 − σ²/2 ≈ 5.3573) and exponential patience (mean
 * 180 s) is simulated, logged and fitted; the fit's 95% intervals should cover the true values in
 * about 95% of the seeds. Tolerance fixed before running, as in test/fit/round-trip.test.ts: over
 * 20 seeds the covering count is Binomial(20, 0.95) if both the log and the intervals are right,
 * and we require ≥ 16 (P(X ≤ 15) = 0.0026).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { simulateReplication, type ContactRecord } from '../../src/model/contact-center.js';
import { callLogLine, CCSIM_LOG_HEADER } from '../../src/output/call-log.js';
import { fitCallLog } from '../../src/fit/fit.js';
import { readCcsimLog } from '../../src/fit/layouts/ccsim.js';
import { ccsimAsync } from '../support/cli.js';
import { stationary } from '../support/scenario.js';

const dir = mkdtempSync(join(tmpdir(), 'ccsim-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SIGMA = Math.sqrt(Math.LN2);
const TRUE = { mu: Math.log(300) - SIGMA ** 2 / 2, sigma: SIGMA, patienceMeanSec: 180 };
const inside = (x: number, ci: readonly (number | null)[] | null) => ci !== null && (ci[0] ?? -Infinity) <= x && x <= (ci[1] ?? Infinity);

describe('run --log: the model logged and fitted back', () => {
  // 600 calls/h at 300 s is 50 erlangs; 50 agents queue enough to censor patience both ways.
  const config = stationary({ ratePerHour: 600, ahtSec: 300, agents: 50, days: 1, handle: { dist: 'lognormal', meanSec: 300, cv: 1 }, patienceSec: 180 });
  const seeds = Array.from({ length: 20 }, (_, i) => 300 + i);
  const runs = seeds.map((seed) => {
    let text = CCSIM_LOG_HEADER;
    let lines = 0;
    const result = simulateReplication(config, seed, 0, (c: Readonly<ContactRecord>) => {
      text += callLogLine(config, 0, c);
      lines++;
    });
    return { result, lines, fit: fitCallLog(readCcsimLog(text), { intervalMin: 30, slThresholdSec: 20, seed: 1 }) };
  });

  it('logs every offered contact once, and the fitter reads them all back', () => {
    for (const r of runs) {
      // Arrivals (warm-up included) stop at the horizon and the drain ends every contact: one line each.
      expect(r.lines).toBe(r.result.conservation.offered);
      expect(r.fit.log.dropped).toEqual([]);
    }
  });

  it('covers the true lognormal μ and σ of handle time in ≥ 16 of 20 seeds', () => {
    const mu = runs.filter((r) => inside(TRUE.mu, r.fit.handleTime.overall.lognormal.muCi95)).length;
    const sigma = runs.filter((r) => inside(TRUE.sigma, r.fit.handleTime.overall.lognormal.sigmaCi95)).length;
    console.log(`run --log round trip over 20 seeds: lognormal μ ${mu}/20, σ ${sigma}/20`);
    expect(mu).toBeGreaterThanOrEqual(16);
    expect(sigma).toBeGreaterThanOrEqual(16);
  });

  it('covers the true mean patience (exponential MLE with censoring by service) in ≥ 16 of 20 seeds', () => {
    const pAb = runs.map((r) => r.fit.patience.pAbandonGivenQueued);
    expect(Math.min(...pAb)).toBeGreaterThan(0.05); // the test has censoring to deal with
    const covered = runs.filter((r) => inside(TRUE.patienceMeanSec, r.fit.patience.exponential.ci95)).length;
    console.log(`run --log round trip over 20 seeds: patience mean ${covered}/20 (P(abandon | queued) ${Math.min(...pAb).toFixed(3)}–${Math.max(...pAb).toFixed(3)})`);
    expect(covered).toBeGreaterThanOrEqual(16);
  });
});

describe.concurrent('ccsim run --log, the file', () => {
  it('writes replication 0 of the run, its counts the summary\'s, with the scenario\'s names and dates', async () => {
    const file = join(dir, 'calls.csv');
    const r = await ccsimAsync(['run', 'scenarios/erlang-check.yaml', '--reps', '1', '--no-charts', '--out', join(dir, 'e'), '--log', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(file);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(CCSIM_LOG_HEADER.trimEnd());
    const summary = JSON.parse(readFileSync(join(dir, 'e', 'summary.json'), 'utf8'));
    const body = lines.slice(1);
    // The log holds the warm-up day too (day 0, 2001-01-01 without a start date); the summary
    // counts the contacts that arrived after it, every one of them.
    const arrivals = body.map((l) => l.split(',')[4]!);
    expect(arrivals.filter((a) => a.startsWith('2001-01-01 ')).length).toBeGreaterThan(0);
    expect(arrivals.filter((a) => !a.startsWith('2001-01-01 ')).length).toBe(summary.kpis.offered.mean);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const fitted = fitCallLog(readCcsimLog(readFileSync(file, 'utf8')), { intervalMin: 30, slThresholdSec: 20, seed: 1 });
    expect(fitted.log.days).toBe(20); // the horizon's 20 days, the warm-up its first
  });

  it('refuses a directory or a missing directory with exit 2, writing nothing', async () => {
    const a = await ccsimAsync(['run', 'scenarios/erlang-check.yaml', '--no-charts', '--out', join(dir, 'd1'), '--log', dir]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--log .*is a directory/);
    const b = await ccsimAsync(['run', 'scenarios/erlang-check.yaml', '--no-charts', '--out', join(dir, 'd2'), '--log', join(dir, 'nowhere', 'calls.csv')]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/is not an existing directory/);
    expect(existsSync(join(dir, 'd1'))).toBe(false);
    expect(existsSync(join(dir, 'd2'))).toBe(false);
    for (const r of [a, b]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
