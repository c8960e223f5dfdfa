/**
 * Interval reports: aggregates of a log simulated from known parameters (exponential service and
 * patience, so Erlang A's assumptions hold within each interval) are fitted back; the patience
 * found by inverting Erlang A should cover the truth. Tolerance fixed beforehand: over 10 seeds,
 * Binomial(10, 0.95) gives P(≤ 7 covered) = 0.012, so we require ≥ 8. The inversion also assumes
 * each interval is in steady state, which a time-varying day is not: the coverage found is
 * printed and quoted in the README.
 */
import { describe, expect, it } from 'vitest';
import { isoDate, clockText, daysFromCivil } from '../../src/engine/civil-time.js';
import { fitIntervalReport, readIntervalReport } from '../../src/fit/interval-report.js';
import { intervalFitJsonObject, intervalScenarioText } from '../../src/fit/interval-output.js';
import { FitError } from '../../src/fit/messages.js';
import { parseScenario } from '../../src/scenario/load.js';
import { generateQueueLog } from '../support/queue-log.js';

const DAY0 = daysFromCivil(2024, 1, 1);
/** A day whose load rises to the agents' capacity and falls again (08:00–22:00), and a flat one, open all day. */
const SHAPE = Array.from({ length: 48 }, (_, i) => (i < 16 || i >= 44 ? 0 : 90 + 50 * Math.sin(((i - 16) / 28) * Math.PI)));
const FLAT = Array.from({ length: 48 }, () => 130);
const TRUE_PATIENCE = 200;
const SERVERS = 7;

function report(seed: number, shape: readonly number[] = SHAPE): string {
  const calls = generateQueueLog({ seed, days: 7, intervalMin: 30, ratePerHour: shape, servers: SERVERS, mu: Math.log(180), sigma: 0, service: 'exponential', patienceMeanSec: TRUE_PATIENCE });
  const lines = ['start,offered,answered,abandoned,ahtSec,asaSec,agents'];
  for (let k = 0; k < 7 * 48; k++) {
    if (shape[k % 48] === 0) continue;
    const cs = calls.filter((c) => Math.floor(c.arrivalSec / 1800) === k);
    const ans = cs.filter((c) => c.outcome === 'served');
    const aht = ans.length ? ans.reduce((s, c) => s + c.endedSec - c.answeredSec!, 0) / ans.length : 180;
    const asa = ans.length ? ans.reduce((s, c) => s + c.answeredSec! - c.arrivalSec, 0) / ans.length : 0;
    lines.push(`${isoDate(DAY0 + Math.floor(k / 48))} ${clockText((k % 48) * 1800, false).slice(0, 5)},${cs.length},${ans.length},${cs.length - ans.length},${aht.toFixed(2)},${asa.toFixed(2)},${SERVERS}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('interval reports', () => {
  it('recovers the mean patience by inverting Erlang A where its steady state holds (flat load): covers the truth in ≥ 8 of 10 seeds', () => {
    const fits = Array.from({ length: 10 }, (_, i) => fitIntervalReport(readIntervalReport(report(500 + i, FLAT), 30), 1));
    const covered = fits.filter((f) => f.patience.ci95 !== null && f.patience.ci95[0] <= TRUE_PATIENCE && TRUE_PATIENCE <= f.patience.ci95[1]).length;
    console.log(`interval report, flat load: Erlang A patience covers ${TRUE_PATIENCE} s in ${covered}/10 seeds; estimates ${fits.map((f) => f.patience.meanSec?.toFixed(0)).join(', ')}`);
    expect(covered).toBeGreaterThanOrEqual(8);
    for (const f of fits) expect(f.ahtSec).toBeGreaterThan(160);
  });

  it('tends to overestimate patience on a day whose load swings through capacity (a known bias of the steady-state inversion, measured here)', () => {
    // Each interval is taken in steady state, but a queue lags its load: it has not yet built up
    // when the load rises, so fewer callers abandon than the steady state says, and a longer
    // patience is needed to match. Measured over these 10 seeds: −11% to +31%, +8% on average
    // (README "Interval reports"); the bounds below were set from that measurement, to catch the
    // bias growing, not to prove the method unbiased.
    const fits = Array.from({ length: 10 }, (_, i) => fitIntervalReport(readIntervalReport(report(500 + i), 30), 1));
    const ratios = fits.map((f) => f.patience.meanSec! / TRUE_PATIENCE);
    console.log(`interval report, swinging load: estimate / truth ${ratios.map((r) => r.toFixed(2)).join(', ')}`);
    expect(Math.min(...ratios)).toBeGreaterThan(0.85);
    expect(Math.max(...ratios)).toBeLessThan(1.4);
  });

  it('writes a scenario that validates, and a fit.json that names what aggregates cannot give', () => {
    const fit = fitIntervalReport(readIntervalReport(report(42), 30), 1);
    const yaml = intervalScenarioText(fit, 'report.csv', 'fitted-report', 20, 1);
    expect(() => parseScenario(yaml, 'scenario.yaml')).not.toThrow();
    const json = intervalFitJsonObject(fit, 'report.csv', 20);
    expect(json.handleTimeSec.lognormal).toEqual({ mu: null, sigma: null });
    expect(json.patienceSec.kaplanMeierMedian).toBeNull();
    expect(json.notEstimable.join(' ')).toMatch(/Kaplan–Meier|kaplanMeierMedian/);
    expect(yaml).toMatch(/They do not allow:/);
  });

  it('refuses a report without the needed columns, and an interval off the --interval-min grid, at line:column', () => {
    expect(() => readIntervalReport('start,offered\n2024-01-01 08:00,3\n', 30)).toThrow(FitError);
    try {
      readIntervalReport('start,offered,abandoned,ahtSec,asaSec,agents\n2024-01-01 08:00,3,0,100,5,2\n2024-01-01 08:15,3,0,100,5,2\n', 30);
      expect.unreachable();
    } catch (e) {
      expect((e as FitError).line).toBe(3);
      expect((e as FitError).column).toBe(1);
      expect((e as FitError).message).toMatch(/not on a 30-minute boundary/);
    }
  });
});
