/**
 * Round trip: logs simulated from known parameters (test/support/queue-log.ts: time-varying
 * Poisson arrivals, lognormal service, exponential patience, FCFS with censoring by service) are
 * written in the ccsim log format, read back and fitted; each true value should fall inside the
 * fit's 95% interval in about 95% of the seeds.
 *
 * Tolerance, fixed before running: over N = 20 seeds the count of covering intervals is
 * Binomial(20, 0.95) if the intervals are right; we require ≥ 16, since P(X ≤ 15) = 0.0026
 * (so five figures together fail by chance with probability ≈ 1.3%, and the seeds are fixed, so
 * the outcome is reproducible). The coverages found are printed and quoted in the README.
 */
import { describe, expect, it } from 'vitest';
import { CCSIM_LOG_HEADER, ccsimLogLine } from '../../src/fit/ccsim-log-format.js';
import { daysFromCivil } from '../../src/engine/civil-time.js';
import { fitCallLog } from '../../src/fit/fit.js';
import { readCcsimLog } from '../../src/fit/layouts/ccsim.js';
import { generateQueueLog, type QueueLogParams } from '../support/queue-log.js';

/** A two-peak day, 30-min intervals, closed 22:00–07:00 (calls per hour). */
const SHAPE = Array.from({ length: 48 }, (_, i) => {
  const h = i / 2;
  if (h < 7 || h >= 22) return 0;
  return 60 + 60 * Math.exp(-((h - 10.5) ** 2) / 3) + 45 * Math.exp(-((h - 15.5) ** 2) / 4);
});
const TRUE = { mu: 5.0, sigma: 0.9, patienceMeanSec: 240 };
const DAY0 = daysFromCivil(2024, 1, 1); // a Monday

export function logText(p: QueueLogParams): string {
  const calls = generateQueueLog(p);
  return (
    CCSIM_LOG_HEADER +
    calls
      .map((c) =>
        ccsimLogLine(DAY0, {
          id: c.id,
          customer: null,
          type: 'general',
          channel: 'voice',
          arrivalSec: c.arrivalSec,
          queuedSec: c.queuedSec,
          answeredSec: c.answeredSec,
          endedSec: c.endedSec,
          outcome: c.outcome,
          group: c.agent ? 'agents' : null,
          agent: c.agent,
        }),
      )
      .join('')
  );
}

const SEEDS = Array.from({ length: 20 }, (_, i) => 1000 + i);
const inside = (x: number, ci: readonly (number | null)[] | null) => ci !== null && (ci[0] ?? -Infinity) <= x && x <= (ci[1] ?? Infinity);

describe('round trip: fitting logs simulated from known parameters', () => {
  const fits = SEEDS.map((seed) =>
    fitCallLog(readCcsimLog(logText({ seed, days: 7, intervalMin: 30, ratePerHour: SHAPE, servers: 9, ...TRUE })), { intervalMin: 30, slThresholdSec: 20, seed: 1 }),
  );

  it('reads every simulated call back (agent-seeking = all; nothing dropped)', () => {
    for (const f of fits) {
      expect(f.log.dropped).toEqual([]);
      expect(f.log.days).toBe(7);
    }
    // The load is meant to queue and abandon: check the test itself has censoring to deal with.
    const pAb = fits.map((f) => f.patience.pAbandonGivenQueued);
    console.log(`P(abandon | queued) over the seeds: ${Math.min(...pAb).toFixed(3)}–${Math.max(...pAb).toFixed(3)}; queued ${Math.min(...fits.map((f) => f.patience.exponential.queued))}–${Math.max(...fits.map((f) => f.patience.exponential.queued))}; KM median reached in ${fits.filter((f) => f.patience.kaplanMeier.median !== null).length}/20`);
    expect(Math.min(...pAb)).toBeGreaterThan(0.05);
    expect(Math.max(...pAb)).toBeLessThan(0.6);
  });

  it('covers the true lognormal μ and σ (t and chi-square intervals) in ≥ 16 of 20 seeds', () => {
    const mu = fits.filter((f) => inside(TRUE.mu, f.handleTime.overall.lognormal.muCi95)).length;
    const sigma = fits.filter((f) => inside(TRUE.sigma, f.handleTime.overall.lognormal.sigmaCi95)).length;
    console.log(`round trip coverage over 20 seeds: lognormal μ ${mu}/20, σ ${sigma}/20`);
    expect(mu).toBeGreaterThanOrEqual(16);
    expect(sigma).toBeGreaterThanOrEqual(16);
  });

  it('covers the true mean patience by the exponential MLE, and the true median by Kaplan–Meier, in ≥ 16 of 20 seeds', () => {
    const exp = fits.filter((f) => inside(TRUE.patienceMeanSec, f.patience.exponential.ci95)).length;
    const km = fits.filter((f) => inside(TRUE.patienceMeanSec * Math.LN2, f.patience.kaplanMeier.medianCi95)).length;
    console.log(`round trip coverage over 20 seeds: exponential mean ${exp}/20, Kaplan–Meier median ${km}/20`);
    expect(exp).toBeGreaterThanOrEqual(16);
    expect(km).toBeGreaterThanOrEqual(16);
  });

  it('covers the true rate of each open interval with its Poisson interval in about 95% of intervals', () => {
    let covered = 0;
    let total = 0;
    for (const f of fits) {
      const kind = f.arrivals.kinds[0]!;
      expect(f.arrivals.kinds).toHaveLength(1); // every day alike: one kind of day
      SHAPE.forEach((r, i) => {
        if (r === 0) return expect(kind.ratePerHour[i]).toBe(0);
        total++;
        if (inside(r, kind.rateCi95[i]!)) covered++;
      });
    }
    console.log(`round trip coverage: interval rates ${covered}/${total}`);
    // 600 intervals: Binomial(600, 0.95) has sd 5.3; ≥ 0.95·600 − 3·5.3 ≈ 554 (3 sd).
    expect(covered).toBeGreaterThanOrEqual(554);
  });

  it('sees the agents: each interval with service shows at most the 9 servers, and 9 at the peak', () => {
    for (const f of fits) {
      expect(Math.max(...f.staffing.agentsSeen!)).toBe(9);
    }
  });
});
