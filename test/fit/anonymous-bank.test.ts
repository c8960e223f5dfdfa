/**
 * The fitter on the real log, checked against an independent computation: the committed excerpt
 * (test/fixtures/anonymous-bank/, two days of the Anonymous Bank log, credited there) against
 * `scripts/independent/anonymous_bank.py`, a Python script written apart from the fitter from
 * the data set's README alone. Its output on the excerpt is pasted in the .expected.json beside
 * the excerpt; when python3 is on the machine the test re-runs it, so a paste cannot go stale.
 * (The same script's figures for the full two weeks are in scripts/independent/, for the README
 * and `npm run fit:bank`.)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitCallLog } from '../../src/fit/fit.js';
import { readAnonymousBank } from '../../src/fit/layouts/anonymous-bank.js';
import { REPO } from '../support/cli.js';

const DIR = join(REPO, 'test/fixtures/anonymous-bank');
const LOG = join(DIR, 'calls-1999-02-04-to-05.tsv');
const EXPECTED = JSON.parse(readFileSync(join(DIR, 'calls-1999-02-04-to-05.expected.json'), 'utf8'));
const python = spawnSync('python3', ['--version']).status === 0;

describe('the Anonymous Bank excerpt, against the independent Python recomputation', () => {
  const log = readAnonymousBank(readFileSync(LOG, 'utf8'));
  const fit = fitCallLog(log);

  it.skipIf(!python)('re-runs the Python script and finds the pasted figures unchanged', () => {
    const r = spawnSync('python3', [join(REPO, 'scripts/independent/anonymous_bank.py'), LOG], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(EXPECTED);
  });

  it('counts the same rows, agent-seeking calls, calendar days and dropped rows by reason', () => {
    expect(log.rows).toBe(EXPECTED.rows);
    expect(log.calls.length).toBe(EXPECTED.calls);
    expect(log.days).toBe(EXPECTED.days);
    expect(Object.fromEntries(log.dropped.map((d) => [d.key, d.count]))).toEqual(EXPECTED.dropped);
    expect(log.rows - log.calls.length).toBe(Object.values(EXPECTED.dropped as Record<string, number>).reduce((a, b) => a + b, 0));
  });

  it('finds the same handle-time mean and lognormal MLE (μ, σ)', () => {
    const h = fit.handleTime.overall;
    expect(h.n).toBe(EXPECTED.servedWithHandleTime);
    expect(h.zeroSeconds).toBe(EXPECTED.zeroHandleTimes);
    expect(h.mean).toBeCloseTo(EXPECTED.handleTimeMean, 10);
    expect(h.lognormal.mu).toBeCloseTo(EXPECTED.lognormalMu, 10);
    expect(h.lognormal.sigma).toBeCloseTo(EXPECTED.lognormalSigma, 10);
  });

  it('finds the same patience by both methods and the same P(abandon | queued)', () => {
    const p = fit.patience;
    expect(p.exponential.queued).toBe(EXPECTED.queued);
    expect(p.exponential.abandonments).toBe(EXPECTED.abandonedInQueue);
    expect(p.exponential.totalWaitSec).toBe(EXPECTED.totalWaitSec);
    expect(p.exponential.meanSec).toBeCloseTo(EXPECTED.exponentialPatienceMean, 9);
    expect(p.kaplanMeier.median).toBe(EXPECTED.kaplanMeierMedian);
    expect(p.pAbandonGivenQueued).toBeCloseTo(EXPECTED.pAbandonGivenQueued, 12);
  });

  it('finds the same arrivals per calendar day', () => {
    expect(fit.arrivals.daily.map((d) => d.calls)).toEqual(EXPECTED.callsPerDay);
  });

  it('reads the excerpt\'s calendar right: Thursday then Friday, two kinds of day', () => {
    expect(fit.arrivals.daily.map((d) => d.weekday)).toEqual([3, 4]);
    expect(fit.arrivals.kinds.map((k) => k.name)).toEqual(['thu', 'fri']);
  });
});
