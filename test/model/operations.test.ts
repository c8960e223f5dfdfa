/**
 * The operations model: shifts, routing, channels, handle-time policy, repeats, retrials,
 * callbacks. Comparisons between policies are paired over replications (common random numbers)
 * and judged by the 95% Student-t interval of the paired difference; a direction claim holds
 * when that interval excludes zero on the expected side.
 */
import { describe, expect, it } from 'vitest';
import { F, NF } from '../../src/model/facts.js';
import { erlang } from '../../src/analytic/erlang.js';
import { RunningStats } from '../../src/engine/stats/running.js';
import { tQuantile } from '../../src/engine/stats/student-t.js';
import { simulateReplication } from '../../src/model/contact-center.js';
import type { ReplicationResult } from '../../src/model/result.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { fromScenario, stationary } from '../support/scenario.js';

const allDay = { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[], start: '00:00', end: '24:00' };

function run(input: ScenarioInput, reps: number, seed = 1): ReplicationResult[] {
  const config = fromScenario(input);
  return Array.from({ length: reps }, (_, r) => simulateReplication(config, seed, r));
}

/** 95% CI of the mean paired difference b − a of a figure over replications. */
/** A figure that the test's setting guarantees to exist (never an empty ratio). */
const num = (x: number | null | undefined | Record<string, number>): number => {
  if (typeof x !== 'number') throw new Error(`expected a number, got ${JSON.stringify(x)}`);
  return x;
};

function pairedDelta(a: ReplicationResult[], b: ReplicationResult[], pickFigure: (r: ReplicationResult) => number | null | undefined | Record<string, number>, level = 0.95): [number, number, number] {
  const pick = (r: ReplicationResult) => num(pickFigure(r));
  const s = new RunningStats();
  a.forEach((x, i) => s.add(pick(b[i]!) - pick(x)));
  const half = tQuantile(1 - (1 - level) / 2, s.count - 1) * Math.sqrt(s.variance / s.count);
  return [s.mean, s.mean - half, s.mean + half];
}

const expectBelowZero = ([, , hi]: [number, number, number]) => expect(hi).toBeLessThan(0);
const expectAboveZero = ([, lo]: [number, number, number]) => expect(lo).toBeGreaterThan(0);

const base: ScenarioInput = {
  name: 'ops',
  horizon: { days: 4 },
  warmup: { days: 1 },
  arrivals: { ratePerHour: 400 },
  handleTime: { dist: 'lognormal', meanSec: 360, cv: 1 },
  patience: { dist: 'exponential', meanSec: 200 },
};

describe('the rich form of a stationary center', () => {
  const contract = stationary({ ratePerHour: 600, ahtSec: 300, agents: 55, patienceSec: 180, days: 6 });
  const rich = (reason: string): ScenarioInput => ({
    name: 'rich',
    horizon: { days: 6 },
    warmup: { days: 1 },
    arrivals: { ratePerHour: 600, intervalMin: 30, intraday: new Array(48).fill(2), weekly: new Array(7).fill(1) },
    reasons: [{ name: reason, share: 1, handleTime: { dist: 'exponential', meanSec: 300 } }],
    channels: { voice: { share: 1 } },
    patience: { dist: 'exponential', meanSec: 180 },
    groups: [{ name: 'team', shifts: [{ ...allDay, agents: 55 }] }],
  });

  it('is the same simulation as the CONTRACT form, number for number, when its streams are the same', () => {
    const a = simulateReplication(contract, 3, 0);
    const b = simulateReplication(fromScenario(rich('general')), 3, 0);
    expect(b.kpis).toEqual(a.kpis);
    expect(b.economics).toEqual(a.economics);
  });

  it('gives the CONTRACT form KPIs within the family-wise 95% CI of the difference, on independent streams', () => {
    // Another reason name draws handle times from another stream: independent replications.
    const reps = 8;
    const kpis = ['pWait', 'waitSec', 'asaSec', 'serviceLevel', 'occupancy', 'abandonRate'] as const;
    const a = Array.from({ length: reps }, (_, r) => simulateReplication(contract, 3, r).kpis);
    const b = Array.from({ length: reps }, (_, r) => simulateReplication(fromScenario(rich('calls')), 3, r).kpis);
    const t = tQuantile(1 - 0.05 / kpis.length / 2, 2 * reps - 2);
    const misses = kpis.filter((k) => {
      const sa = new RunningStats();
      const sb = new RunningStats();
      a.forEach((x) => sa.add(num(x[k])));
      b.forEach((x) => sb.add(num(x[k])));
      const se = Math.sqrt(sa.variance / reps + sb.variance / reps);
      return Math.abs(sa.mean - sb.mean) > t * se;
    });
    expect(misses).toEqual([]);
  });
});

describe('shifts, profiles and routing', () => {
  it('answers nobody and staffs nobody in closed hours', () => {
    const [r] = run(
      {
        ...base,
        handleTime: { dist: 'constant', meanSec: 300 },
        patience: { dist: 'constant', meanSec: 600 },
        groups: [{ name: 'day', shifts: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00', agents: 60 }] }],
      },
      1,
    );
    const at = (k: number, f: keyof typeof F) => r!.facts.rows[k * NF + F[f]]!;
    for (let k = 48; k < r!.facts.rows.length / NF; k++) {
      const halfHour = k % 48;
      const day = Math.floor(k / 48);
      const open = day % 7 < 5 && halfHour >= 16 && halfHour < 36;
      // Agents finish the call in hand after 18:00 (at most 5 min), then nobody is logged in.
      if (!open && halfHour !== 36) {
        expect(at(k, 'loggedInAgentSec'), `interval ${k}`).toBe(0);
        expect(at(k, 'busyAgentSec'), `interval ${k}`).toBe(0);
      }
      // While closed nothing is offered: callers hear the closed message (counted apart).
      if (!open) {
        expect(at(k, 'offered'), `interval ${k}`).toBe(0);
        expect(at(k, 'closedAttempts'), `interval ${k}`).toBeGreaterThan(0);
      } else expect(at(k, 'answered'), `interval ${k}`).toBeGreaterThan(0);
    }
  });

  it('never lets a group take a reason it may not take, and overflows only in preference order', () => {
    const [r] = run(
      {
        ...base,
        reasons: [
          { name: 'billing', share: 0.5, groups: ['front'] },
          { name: 'tech', share: 0.3, groups: ['experts'] },
          { name: 'setup', share: 0.2, groups: ['front', 'experts'] },
        ],
        groups: [
          { name: 'front', agents: 30 },
          { name: 'experts', agents: 20 },
        ],
      },
      1,
    );
    const reasons = r!.reasons;
    expect(reasons.billing!.servedBy).toMatchObject({ experts: 0 });
    expect(reasons.tech!.servedBy).toMatchObject({ front: 0 });
    expect(reasons.billing!.servedBy.front).toBeGreaterThan(0);
    expect(reasons.tech!.servedBy.experts).toBeGreaterThan(0);
    expect(reasons.setup!.servedBy.front).toBeGreaterThan(reasons.setup!.servedBy.experts!);
    expect(reasons.setup!.servedBy.experts).toBeGreaterThan(0);
  });

  it('transfers unresolved contacts to the escalation group', () => {
    const [r] = run(
      {
        ...base,
        reasons: [{ name: 'tech', share: 1, resolveProb: 0.6, groups: ['front', 'experts'] }],
        groups: [
          { name: 'front', agents: 45, escalateTo: 'experts' },
          { name: 'experts', agents: 25, resolveOddsFactor: 4 },
        ],
      },
      1,
    );
    const k = r!.kpis;
    const served = r!.reasons.tech!.servedBy;
    // About 40% of the contacts the front serves are unresolved there and move on.
    expect(k.transfers / served.front!).toBeGreaterThan(0.3);
    expect(k.transfers / served.front!).toBeLessThan(0.5);
    expect(served.experts).toBeGreaterThan(k.transfers);
    expect(r!.conservation.answeredTotal + r!.conservation.abandonedTotal + r!.conservation.leftAtEnd).toBe(r!.conservation.offered);
  });

  it('puts high-severity reasons first under the severity discipline', () => {
    const input = (discipline: 'fcfs' | 'severity'): ScenarioInput => ({
      ...base,
      reasons: [
        { name: 'urgent', share: 0.3, severity: 5 },
        { name: 'routine', share: 0.7, severity: 1 },
      ],
      staffing: { agents: 41 },
      queue: { discipline },
    });
    const bySeverity = run(input('severity'), 4);
    const fcfs = run(input('fcfs'), 4);
    const asa = (reason: string) => (r: ReplicationResult) => num(r.reasons[reason]!.asaSec);
    // Under severity priority urgent callers wait less than routine ones, and less than under FCFS.
    expect(bySeverity.every((r) => asa('urgent')(r) < 0.5 * asa('routine')(r))).toBe(true);
    expectBelowZero(pairedDelta(fcfs, bySeverity, asa('urgent')));
    expectAboveZero(pairedDelta(fcfs, bySeverity, asa('routine')));
    // Under FCFS both classes see the same queue: their waits differ only by chance.
    const d = pairedDelta(fcfs, fcfs, (r) => asa('urgent')(r) - asa('routine')(r));
    expect(d[0]).toBe(0);
    const gap = new RunningStats();
    fcfs.forEach((r) => gap.add(asa('urgent')(r) - asa('routine')(r)));
    expect(Math.abs(gap.mean)).toBeLessThan(tQuantile(0.975, 3) * Math.sqrt(gap.variance / 4));
  });
});

describe('handle-time policy, staffing and customer effort (paired, common random numbers)', () => {
  const center: ScenarioInput = {
    ...base,
    reasons: [{ name: 'support', share: 1, resolveProb: 0.8, repeatDelay: { dist: 'exponential', meanSec: 3600 }, maxRepeats: 3 }],
    staffing: { agents: 48 },
  };
  const reps = 6;

  it('tightening the AHT target lowers AHT and FCR and raises repeats, step by step', () => {
    const none = run(center, reps);
    const loose = run({ ...center, policy: { ahtTargetSec: 480 } }, reps);
    const tight = run({ ...center, policy: { ahtTargetSec: 300 } }, reps);
    for (const [a, b] of [[none, loose], [loose, tight]] as const) {
      expectBelowZero(pairedDelta(a, b, (r) => r.kpis.ahtSec));
      expectBelowZero(pairedDelta(a, b, (r) => r.kpis.fcr));
      expectAboveZero(pairedDelta(a, b, (r) => r.kpis.repeatRate));
    }
    expect(none.every((r) => r.kpis.rushedShare === 0)).toBe(true);
    expect(tight.every((r) => num(r.kpis.rushedShare) > num(loose[0]!.kpis.rushedShare))).toBe(true);
  });

  it('thorough calls take longer and resolve more at the first contact', () => {
    // Enough agents for the longer calls, so that only the handling differs.
    const none = run({ ...center, staffing: { agents: 60 } }, reps);
    const thorough = run({ ...center, staffing: { agents: 60 }, policy: { thoroughnessSec: 90 } }, reps);
    expectAboveZero(pairedDelta(none, thorough, (r) => r.kpis.ahtSec));
    expectAboveZero(pairedDelta(none, thorough, (r) => r.kpis.fcr));
    expectBelowZero(pairedDelta(none, thorough, (r) => r.kpis.repeatRate));
  });

  it('more agents lower ASA and abandonment, monotonically', () => {
    const levels = [44, 48, 52].map((agents) => run({ ...center, staffing: { agents } }, reps));
    for (let i = 1; i < levels.length; i++) {
      expectBelowZero(pairedDelta(levels[i - 1]!, levels[i]!, (r) => r.kpis.asaSec));
      expectBelowZero(pairedDelta(levels[i - 1]!, levels[i]!, (r) => r.kpis.abandonRate));
    }
  });

  it('losing context on repeats makes callers repeat their story: longer calls, flagged', () => {
    const kept = run(center, reps);
    const lost = run({ ...center, policy: { contextCarryOver: false, reaskSec: 60 } }, reps);
    expect(kept.every((r) => r.kpis.reaskedShare === 0)).toBe(true);
    expect(lost.every((r) => num(r.kpis.reaskedShare) > 0 && Math.abs(num(r.kpis.reaskedShare) - num(r.kpis.repeatRate)) < 0.02)).toBe(true);
    expectAboveZero(pairedDelta(kept, lost, (r) => r.kpis.ahtSec));
  });

  it('abandoners who retry show up as retrials and offered contacts', () => {
    const once = run(center, reps);
    const retry = run({ ...center, retrial: { prob: 0.5, delay: { dist: 'exponential', meanSec: 600 } } }, reps);
    expect(once.every((r) => r.kpis.retrials === 0)).toBe(true);
    expect(retry.every((r) => r.kpis.retrials > 0)).toBe(true);
    expectAboveZero(pairedDelta(once, retry, (r) => r.kpis.offered));
  });

  it('a callback offer keeps callers off the line: fewer abandon', () => {
    const without = run({ ...center, staffing: { agents: 46 } }, reps);
    const callback = run({ ...center, staffing: { agents: 46 }, callback: { offerAboveSec: 60, acceptProb: 0.6 } }, reps);
    expect(callback.every((r) => r.kpis.callbacksOffered > 0 && r.kpis.callbacksAccepted > 0)).toBe(true);
    expect(callback.every((r) => Math.abs(r.kpis.callbacksAccepted / r.kpis.callbacksOffered - 0.6) < 0.05)).toBe(true);
    expectBelowZero(pairedDelta(without, callback, (r) => r.kpis.abandonRate));
  });
});

describe('channels', () => {
  it('chat with concurrency k behaves as Erlang C with k slots per agent and stretched handle times', () => {
    // Pooled chat slots make the chat queue exactly M/M/(k·agents) with service time × stretch.
    const agents = 10;
    const k = 3;
    const stretch = 1.5;
    const slots = agents * k;
    const serviceSec = 300 * stretch;
    const ratePerHour = (0.85 * slots * 3600) / serviceSec;
    const results = run(
      {
        name: 'chat',
        horizon: { days: 12 },
        warmup: { days: 1 },
        arrivals: { ratePerHour },
        handleTime: { dist: 'exponential', meanSec: 300 },
        channels: { chat: { share: 1, concurrency: k, handleStretch: stretch } },
        staffing: { agents },
      },
      8,
    );
    const theory = erlang({ lambdaPerSec: ratePerHour / 3600, ahtSec: serviceSec, agents: slots, slThresholdSec: 20 });
    const kpis = ['pWait', 'asaSec', 'serviceLevel', 'occupancy'] as const;
    const t = tQuantile(1 - 0.05 / kpis.length / 2, 7);
    const misses = kpis.filter((key) => {
      const s = new RunningStats();
      results.forEach((r) => s.add(num(r.kpis[key])));
      return Math.abs(s.mean - theory[key]) > t * Math.sqrt(s.variance / 8) + 1e-3;
    });
    expect(misses).toEqual([]);
    expect(results[0]!.kpis.ahtSec).toBeGreaterThan(400);
  });

  it('email never abandons and is worked after real-time contacts', () => {
    const results = run(
      {
        ...base,
        channels: { voice: { share: 0.7 }, email: { share: 0.3, responseTargetHours: 4 } },
        staffing: { agents: 44 },
      },
      3,
    );
    for (const r of results) {
      expect(r.channels.email!.abandoned).toBe(0);
      expect(r.channels.voice!.abandoned).toBeGreaterThan(0);
      expect(num(r.channels.email!.emailResponseSec)).toBeGreaterThan(num(r.channels.voice!.asaSec));
      expect(r.channels.email!.emailWithinTarget).toBeGreaterThan(0);
      expect(r.channels.email!.emailWithinTarget).toBeLessThanOrEqual(1);
      expect(num(r.channels.voice!.offered) + num(r.channels.email!.offered)).toBe(r.kpis.offered);
      // Email is reported apart: the headline ASA is voice's alone here.
      expect(r.kpis.asaSec).toBe(r.channels.voice!.asaSec);
      expect(r.kpis.emailResponseSec).toBe(r.channels.email!.emailResponseSec);
    }
  });
});
