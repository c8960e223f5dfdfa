/**
 * Issue rates by reason, device telemetry with proactive outreach, and end-of-call offers
 * (issue 5). Counts are checked against their binomial or Poisson standard error with a band of
 * 4 standard errors (a false alarm about once in 16,000 runs).
 */
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../src/model/contact-center.js';
import type { ReplicationResult } from '../../src/model/result.js';
import { LIMITS } from '../../src/scenario/limits.js';
import * as msg from '../../src/scenario/messages.js';
import type { ScenarioInput } from '../../src/scenario/schema.js';
import { editLines, fromScenario, scenarioProblems } from '../support/scenario.js';

type Customers = NonNullable<ScenarioInput['customers']>;

/** Satisfaction does not move churn, and no returns or word of mouth: the base is policy-free. */
const noEffects = { churnMultipliers: [1, 1, 1, 1, 1] as [number, number, number, number, number] };

function scenario(customers: Partial<Customers>, extra: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    name: 'outreach',
    horizon: { months: 1 },
    arrivals: {},
    handleTime: { dist: 'exponential', meanSec: 300 },
    patience: { dist: 'exponential', meanSec: 300 },
    staffing: { agents: 30 },
    reasons: [
      { name: 'fault', share: 0.5, resolveProb: 0.6, maxRepeats: 0 },
      { name: 'billing', share: 0.5, resolveProb: 0.9, maxRepeats: 0 },
    ],
    customers: { initial: 50_000, issuesPerMonth: 0.4, baseChurnPerMonth: 0.01, ...customers },
    satisfaction: noEffects,
    ...extra,
  };
}

const run = (input: ScenarioInput, seed = 3): ReplicationResult => simulateReplication(fromScenario(input), seed, 0);
const within = (x: number, expected: number, sd: number) => expect(Math.abs(x - expected)).toBeLessThan(4 * sd);

describe('issue rates by reason', () => {
  it('raises each reason at its own rate per customer-month (Poisson)', () => {
    const input = scenario({ issuesPerMonth: { fault: 0.1, billing: 0.3 } }, { reasons: [{ name: 'fault', resolveProb: 0.6 }, { name: 'billing', resolveProb: 0.9 }] });
    const r = run(input);
    // Churn happens at the month's end, so the whole month runs on 50,000 customers.
    for (const [reason, rate] of [['fault', 0.1], ['billing', 0.3]] as const) {
      const expected = 50_000 * rate;
      within(r.reasons[reason]!.issues as number, expected, Math.sqrt(expected));
    }
  });

  const base = [
    'name: t',
    'horizon: { months: 1 }',
    'arrivals: {}',
    'handleTime: { dist: exponential, meanSec: 300 }',
    'staffing: { agents: 5 }',
    'reasons:',
    '  - { name: fault }',
    '  - { name: billing }',
    'customers:',
    '  initial: 1000',
    '  issuesPerMonth: { fault: 0.1, billing: 0.2 }',
    '  baseChurnPerMonth: 0.01',
  ];

  it('loads rates per reason, which set the reasons\' shares', () => {
    const config = fromScenario({ ...scenario({ issuesPerMonth: { fault: 0.1, billing: 0.3 } }), reasons: [{ name: 'fault' }, { name: 'billing' }] });
    const [fault, billing] = config.reasons.map((r) => r.share);
    expect(fault).toBeCloseTo(0.25, 12);
    expect(billing).toBeCloseTo(0.75, 12);
    expect(config.customers!.issueRatePerSec * 30 * 86_400).toBeCloseTo(0.4, 12);
  });

  it('refuses a share beside rates per reason, a reason without a rate, an unknown reason, and a missing share', () => {
    expect(scenarioProblems(editLines(base, { 7: '  - { name: fault, share: 0.5 }' }))).toMatchObject([{ path: 'reasons[0].share', line: 7, message: msg.shareWithReasonRates('fault') }]);
    expect(scenarioProblems(editLines(base, { 11: '  issuesPerMonth: { fault: 0.1 }' }))).toMatchObject([{ path: 'customers.issuesPerMonth', line: 11, message: msg.reasonRateMissing('billing') }]);
    expect(scenarioProblems(editLines(base, { 11: '  issuesPerMonth: { fault: 0.1, billing: 0.2, setup: 1 }' }))).toMatchObject([
      { path: 'customers.issuesPerMonth.setup', line: 11, message: msg.unknownReason('setup', ['fault', 'billing']) },
    ]);
    expect(scenarioProblems(editLines(base, { 11: '  issuesPerMonth: 0.3' }))).toMatchObject([
      { path: 'reasons[0]', message: msg.reasonShareMissing('fault') },
      { path: 'reasons[1]', message: msg.reasonShareMissing('billing') },
    ]);
    expect(scenarioProblems(editLines(base, { 11: '  issuesPerMonth: { fault: 0, billing: 0 }' }))).toMatchObject([{ path: 'customers.issuesPerMonth', message: msg.noIssues() }]);
    expect(scenarioProblems(editLines(base, { 11: '  issuesPerMonth: lots' }))).toMatchObject([{ path: 'customers.issuesPerMonth', line: 11, message: msg.issuesPerMonthType(LIMITS.issuesPerCustomerMonth) }]);
  });
});

describe('device telemetry and proactive outreach', () => {
  const telemetry = { detectProb: 0.4, resolveProb: 1, handleTime: { dist: 'exponential' as const, meanSec: 180 } };

  it('changes nothing until outreach is on: the detection draws come from their own stream', () => {
    const without = run(scenario({}));
    const off = run(scenario({ telemetry: { ...telemetry, outreach: false } }));
    expect(off.kpis).toEqual(without.kpis);
    expect(off.customers!.outreach).toBe(0);
  });

  it('turns the detected share of fresh issues into outbound contacts that fix them before the customer calls', () => {
    const off = run(scenario({ telemetry: { ...telemetry, outreach: false } }));
    const on = run(scenario({ telemetry: { ...telemetry, outreach: true } }));
    const issues = on.kpis.offered - on.kpis.repeats - on.kpis.retrials;
    const c = on.customers!;
    // Detection is a Bernoulli(0.4) per fresh issue.
    within(c.outreach, 0.4 * issues, Math.sqrt(issues * 0.4 * 0.6));
    // Outbound contacts never hang up, and with resolveProb 1 every one served fixes its issue.
    expect(c.outreachResolved).toBeLessThanOrEqual(c.outreach);
    expect(c.outreach - c.outreachResolved).toBeLessThanOrEqual(on.conservation.waitingAtHorizon + on.conservation.inServiceAtHorizon);
    // The same customers' issues arrive (the base does not depend on the policy); the detected
    // 40% no longer end unresolved, so unresolved issues fall to about 60%: binomial thinning of
    // the unresolved ones plus the fate of each issue (Poisson-like) in the band.
    const u = off.kpis.issuesUnresolved;
    within(on.kpis.issuesUnresolved, 0.6 * u, Math.sqrt(u * 0.4 * 0.6 + 0.6 * u));
  });

  it('fixes an outbound contact with its own probability, also in a two-tier center (no transfer: the customer calls later)', () => {
    const twoTier: Partial<ScenarioInput> = {
      staffing: undefined,
      groups: [
        { name: 'tier1', agents: 25, escalateTo: 'tier2' },
        { name: 'tier2', agents: 10, resolveOddsFactor: 3 },
      ],
    };
    const base = scenario({ telemetry: { detectProb: 0.4, outreach: true, resolveProb: 0.5 } }, twoTier);
    const r = run({ ...base, reasons: [{ name: 'fault', share: 1, resolveProb: 1, maxRepeats: 1, repeatDelay: { dist: 'constant', meanSec: 60 } }] });
    const c = r.customers!;
    // Every outbound contact is served (no abandonment, drained after the horizon): Bernoulli(0.5) each.
    expect(c.outreach).toBeGreaterThan(1000);
    within(c.outreachResolved, 0.5 * c.outreach, Math.sqrt(c.outreach * 0.25));
    // Inbound issues all resolve (resolveProb 1) and nothing is transferred: the repeats are the
    // unfixed outbound contacts calling in a minute later — all but those ending in the horizon's
    // last minute or after it (a small share of a month's contacts).
    const unfixed = c.outreach - c.outreachResolved;
    expect(r.kpis.transfers).toBe(0);
    expect(r.kpis.repeats).toBeLessThanOrEqual(unfixed);
    expect(r.kpis.repeats).toBeGreaterThan(0.99 * unfixed);
  });

  it('lifts satisfaction through the formula\'s proactive term', () => {
    const withoutTerm = { ...noEffects, formula: '3 + resolved' };
    const withTerm = { ...noEffects, formula: '3 + resolved + 2 * proactive' };
    const a = run({ ...scenario({ telemetry: { ...telemetry, outreach: true } }), satisfaction: { ...withoutTerm, noiseSd: 0 } });
    const b = run({ ...scenario({ telemetry: { ...telemetry, outreach: true } }), satisfaction: { ...withTerm, noiseSd: 0 } });
    // Without noise, +2 moves every resolved outbound contact from level 4 to 5 (thresholds 1.5 … 4.5): exactly.
    expect(b.customers!.satisfaction.verySatisfied - a.customers!.satisfaction.verySatisfied).toBe(b.customers!.outreachResolved);
  });
});

describe('end-of-call offers', () => {
  const upsell = { acceptProb: 0.2, value: 50, pitchSec: 60 };

  it('pitches on contacts that resolve, adds the pitch to the handle time, and counts accepted margin', () => {
    // Nobody hangs up: the same contacts are answered with and without offers.
    const input = (offer: boolean) => ({ ...scenario({ upsell: { ...upsell, offer } }), patience: undefined });
    const off = run(input(false));
    const on = run(input(true));
    const c = on.customers!;
    expect(off.customers!.offers).toBe(0);
    expect(off.economics.upsellRevenue).toBe(0);
    expect(on.kpis.answered).toBe(off.kpis.answered);
    // Offers go to resolved contacts only: a Bernoulli(0.6) or (0.9) per answered contact, half and half.
    const n = on.kpis.answered;
    within(c.offers, 0.75 * n, Math.sqrt(n * 0.75 * 0.25));
    within(c.offersAccepted, 0.2 * c.offers, Math.sqrt(c.offers * 0.2 * 0.8));
    // Margin counts for offers accepted before the horizon; at most the contacts still in the
    // system at the horizon finish after it.
    const late = on.conservation.waitingAtHorizon + on.conservation.inServiceAtHorizon;
    expect(on.economics.upsellRevenue).toBeLessThanOrEqual(50 * c.offersAccepted);
    expect(on.economics.upsellRevenue).toBeGreaterThanOrEqual(50 * (c.offersAccepted - late));
    // Handling is otherwise unchanged (no handle-time policy): exactly 60 s more per offer.
    const handleSum = (r: ReplicationResult) => r.kpis.ahtSec! * r.kpis.answered;
    expect((handleSum(on) - handleSum(off)) / c.offers).toBeCloseTo(60, 6);
  });

  it('costs satisfaction through the default formula\'s pitched term', () => {
    const off = run(scenario({ upsell: { ...upsell, offer: false } }));
    const on = run(scenario({ upsell: { ...upsell, offer: true } }));
    expect(on.kpis.csat!).toBeLessThan(off.kpis.csat!);
  });
});
