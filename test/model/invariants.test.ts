/**
 * Invariants that hold in every run, whatever the parameters (property tests with fast-check):
 * conservation of contacts, Little's law, and the KPI identities of the CONTRACT definitions.
 */
import fc from 'fast-check';
import { F, NF } from '../../src/model/facts.js';
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/contact-center.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { fromScenario, stationary } from '../support/scenario.js';

const dist = fc.oneof(
  fc.constant('exponential' as const),
  fc.constant('constant' as const),
  fc.constant('lognormal' as const),
  fc.constant('gamma' as const),
);

const arbitraryConfig = fc
  .record({
    agents: fc.integer({ min: 1, max: 40 }),
    load: fc.double({ min: 0.2, max: 1.6, noNaN: true }),
    ahtSec: fc.double({ min: 30, max: 600, noNaN: true }),
    handleDist: dist,
    handleCv: fc.double({ min: 0.2, max: 2, noNaN: true }),
    patienceSec: fc.option(fc.double({ min: 5, max: 900, noNaN: true }), { nil: undefined }),
    patienceDist: dist,
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .filter((p) => p.patienceSec !== undefined || p.load < 0.97)
  .map((p) => {
    const spec = (d: typeof p.handleDist, meanSec: number) => (d === 'lognormal' || d === 'gamma' ? { dist: d, meanSec, cv: p.handleCv } : { dist: d, meanSec });
    return {
      seed: p.seed,
      agents: p.agents,
      config: stationary({
        ratePerHour: (p.load * p.agents * 3600) / p.ahtSec,
        ahtSec: p.ahtSec,
        agents: p.agents,
        days: 2,
        warmupDays: 0.5,
        handle: spec(p.handleDist, p.ahtSec),
        patience: p.patienceSec === undefined ? null : spec(p.patienceDist, p.patienceSec),
      }),
    };
  });

describe('every run', () => {
  it('conserves contacts: offered = completed + abandoned + waiting + in service at the horizon, and = answered + abandoned after draining', () => {
    fc.assert(
      fc.property(arbitraryConfig, ({ config, seed, agents }) => {
        const { conservation: c, kpis } = simulateReplication(config, seed, 0);
        expect(c.completedByHorizon + c.abandonedByHorizon + c.waitingAtHorizon + c.inServiceAtHorizon).toBe(c.offered);
        expect(c.answeredTotal + c.abandonedTotal + c.leftAtEnd).toBe(c.offered);
        expect(c.leftAtEnd).toBe(0);
        expect(c.inServiceAtHorizon).toBeLessThanOrEqual(agents);
        expect(kpis.answered + kpis.abandoned).toBe(kpis.offered);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps every KPI inside its range and consistent with the others', () => {
    fc.assert(
      fc.property(arbitraryConfig, ({ config, seed }) => {
        const { kpis: k } = simulateReplication(config, seed, 0);
        for (const share of [k.abandonRate, k.pWait, k.serviceLevel, k.occupancy]) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1 + 1e-12);
        }
        // Abandoners never count as answered at once; answered share within T ≤ answered share.
        expect(k.pWait).toBeGreaterThanOrEqual(k.abandonRate! - 1e-12);
        expect(k.serviceLevel).toBeLessThanOrEqual(k.answered / k.offered + 1e-12);
        // waitSec averages over all offered, asaSec over answered: answered waits are part of the total.
        expect(k.waitSec! * k.offered).toBeGreaterThanOrEqual(k.asaSec! * k.answered - 1e-6);
        if (config.patience === null) expect(k.abandoned).toBe(0);
      }),
      { numRuns: 40 },
    );
  });
});

describe("Little's law", () => {
  // L = λW for the queue: the time-average number waiting equals the arrival rate times the mean
  // wait of all arrivals. Both sides are estimated from one long run; they differ only by edge
  // effects at the window's ends, O(1/T), so 1% relative agreement is expected at T = 30 days.
  it.each([
    { id: 'M/M/10 at load 0.9', ratePerHour: 108, ahtSec: 300, agents: 10 },
    { id: 'M/G/30+G overloaded', ratePerHour: 400, ahtSec: 300, agents: 30, lognormal: true, patienceSec: 120 },
  ])('holds for $id', (p) => {
    const config = stationary({
      ...p,
      days: 31,
      handle: p.lognormal ? { dist: 'lognormal', meanSec: p.ahtSec, cv: 1.5 } : undefined,
      patience: p.patienceSec ? { dist: 'gamma', meanSec: p.patienceSec, cv: 0.7 } : undefined,
    });
    const { kpis } = simulateReplication(config, 11, 0);
    const lambda = kpis.offered / (config.horizonSec - config.warmupSec);
    expect(kpis.queueLength).toBeGreaterThan(0.1);
    expect(Math.abs(kpis.queueLength! - lambda * kpis.waitSec!) / kpis.queueLength!).toBeLessThan(0.01);
  });
});

describe('every run of the operations model', () => {
  const channelMix = fc.constantFrom<ScenarioInput['channels']>(
    undefined,
    { voice: { share: 0.6 }, chat: { share: 0.3, concurrency: 3 }, email: { share: 0.1 } },
    { chat: { share: 0.5, concurrency: 2 }, email: { share: 0.5, responseTargetHours: 2 } },
  );
  const arbitraryCenter = fc.record({
    seed: fc.integer({ min: 0, max: 1000 }),
    load: fc.double({ min: 0.3, max: 1.5, noNaN: true }),
    channels: channelMix,
    escalate: fc.boolean(),
    retrial: fc.boolean(),
    callback: fc.boolean(),
    discipline: fc.constantFrom('fcfs' as const, 'severity' as const, 'repeat-first' as const),
    ahtTargetSec: fc.option(fc.integer({ min: 60, max: 600 }), { nil: null }),
    contextCarryOver: fc.boolean(),
    shrinkage: fc.constantFrom(0, 0.2),
    hours: fc.boolean(),
    closed: fc.constantFrom('retry' as const, 'callback' as const, 'lost' as const),
    nextOpenPeriod: fc.boolean(),
  });

  it('conserves contacts (closed-hour attempts included) and keeps shares in range, with every feature on or off', () => {
    fc.assert(
      fc.property(arbitraryCenter, (p) => {
        const input: ScenarioInput = {
          name: 'p',
          horizon: { days: 3 },
          warmup: { hours: 12 },
          arrivals: { ratePerHour: (p.load * 30 * 3600) / 300, weekly: [1, 1, 1, 1, 1, 0.5, 0.5] },
          reasons: [
            { name: 'a', share: 0.6, handleTime: { dist: 'lognormal', meanSec: 300, cv: 1 }, resolveProb: 0.7, severity: 2, repeatDelay: { dist: 'exponential', meanSec: 3600 } },
            { name: 'b', share: 0.4, handleTime: { dist: 'gamma', meanSec: 300, cv: 0.5 }, resolveProb: 0.9, severity: 4, groups: ['one'] },
          ],
          channels: p.channels,
          patience: { dist: 'exponential', meanSec: 240 },
          groups: [
            { name: 'one', shrinkage: p.shrinkage, escalateTo: p.escalate ? 'two' : undefined, shifts: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '06:00', end: '22:00', agents: 20, breaks: [{ start: '12:00', minutes: 30, staggerMin: 60 }] }] },
            { name: 'two', agents: 10 },
          ],
          queue: { discipline: p.discipline },
          policy: { ahtTargetSec: p.ahtTargetSec, contextCarryOver: p.contextCarryOver },
          ...(p.retrial ? { retrial: { prob: 0.5, delay: { dist: 'exponential', meanSec: 600 } } } : {}),
          ...(p.callback ? { callback: { offerAboveSec: 60, acceptProb: 0.5, nextOpenPeriod: p.nextOpenPeriod } } : {}),
          // Open 08:00–20:00 on weekdays while demand runs around the clock: closed-hour attempts.
          ...(p.hours ? { hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '20:00' }], closed: { action: p.closed } } : {}),
        };
        const config = fromScenario(input);
        const r = simulateReplication(config, p.seed, 0);
        const c = r.conservation;
        expect(c.closedScheduled + c.closedLost).toBe(c.closedAttempts);
        if (!p.hours) expect(c.closedAttempts).toBe(0);
        // Nothing voice or chat is offered in an interval the center is closed throughout.
        if (p.hours) {
          const perDay = 86_400 / config.demand.intervalSec;
          for (let k = 0; k < r.facts.rows.length / NF; k++) {
            const day = Math.floor(k / perDay);
            const hour = ((k % perDay) * config.demand.intervalSec) / 3600;
            const open = (day + config.demand.startWeekday) % 7 < 5 && hour >= 8 && hour < 20;
            if (!open) expect(r.facts.rows[k * NF + F.inboundRealtime]).toBe(0);
          }
        }
        expect(c.completedByHorizon + c.abandonedByHorizon + c.abandonedAfterTransferByHorizon + c.waitingAtHorizon + c.inServiceAtHorizon + c.promisedAtHorizon).toBe(c.offered);
        expect(c.answeredTotal + c.abandonedTotal + c.leftAtEnd).toBe(c.offered);
        expect(r.kpis.answered + r.kpis.abandoned).toBeLessThanOrEqual(r.kpis.offered);
        for (const share of [r.kpis.abandonRate, r.kpis.pWait, r.kpis.serviceLevel, r.kpis.occupancy, r.kpis.fcr, r.kpis.repeatRate]) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1 + 1e-12);
        }
        for (const g of Object.values(r.groups)) {
          expect(g.busyHours).toBeLessThanOrEqual(g.loggedInHours + 1e-9);
          expect(g.availableHours).toBeLessThanOrEqual(g.paidHours + 1e-9);
          expect(g.overrunHours).toBeGreaterThanOrEqual(-1e-9);
        }
        const byChannel = Object.values(r.channels).reduce((n, ch) => n + ch.offered!, 0);
        expect(byChannel).toBe(r.kpis.offered);
      }),
      { numRuns: 30 },
    );
  });
});
