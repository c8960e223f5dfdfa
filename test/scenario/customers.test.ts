/** The `customers` and `satisfaction` keys: validation, limits, normalisation and the summary block. */
import { describe, expect, it } from 'vitest';
import { referralReserve, SECONDS_PER_MONTH, SECONDS_PER_WEEK } from '../../src/model/config.js';
import { simulateReplication } from '../../src/model/contact-center.js';
import { summarize } from '../../src/experiment/summary.js';
import { LIMITS } from '../../src/scenario/limits.js';
import { parseScenario } from '../../src/scenario/load.js';
import * as msg from '../../src/scenario/messages.js';
import { editLines, scenarioProblems } from '../support/scenario.js';

const BASE = [
  'name: t', //                                                             line 1
  'horizon: { months: 2 }', //                                              line 2
  'arrivals: {}', //                                                        line 3
  'handleTime: { dist: exponential, meanSec: 120 }', //                     line 4
  'staffing: { agents: 5 }', //                                             line 5
  'customers:', //                                                          line 6
  '  initial: 2000', //                                                     line 7
  '  monthlyFee: 30', //                                                    line 8
  '  issuesPerMonth: 0.2', //                                               line 9
  '  onboarding: { weeks: 3, multiplier: 2 }', //                           line 10
  '  baseChurnPerMonth: 0.02', //                                           line 11
  '  acquisition: { perMonth: 100, costPerCustomer: 50 }', //               line 12
];
const yaml = (replace: Record<number, string> = {}, ...append: string[]) => editLines(BASE, replace, ...append);

const problems = scenarioProblems;

describe('customers in a scenario', () => {
  it('normalises to per-second rates, with the demand level left to the base', () => {
    const { config } = parseScenario(yaml(), 'f.yaml');
    expect(config.demand.baseRatePerSec).toBe(1);
    expect(config.customers).toMatchObject({
      initial: 2000,
      monthlyFeePerMonth: 30,
      issueRatePerSec: 0.2 / SECONDS_PER_MONTH,
      onboardingSec: 3 * SECONDS_PER_WEEK,
      onboardingMultiplier: 2,
      acquisitionPerMonth: 100,
      costPerCustomer: 50,
      satisfaction: { thresholds: [1.5, 2.5, 3.5, 4.5], churnMultipliers: [3, 2, 1, 1, 0.4] },
    });
  });

  it('is null without customers', () => {
    const { config } = parseScenario(yaml({ 3: 'arrivals: { ratePerHour: 60 }', 6: '', 7: '', 8: '', 9: '', 10: '', 11: '', 12: '' }), 'f.yaml');
    expect(config.customers).toBeNull();
  });

  it('asks for exactly one of arrivals.ratePerHour and customers', () => {
    expect(problems(yaml({ 3: 'arrivals: { ratePerHour: 60 }' }))).toMatchObject([{ path: 'arrivals.ratePerHour', line: 3, message: msg.rateOrCustomers() }]);
  });

  it('refuses satisfaction without customers', () => {
    const text = yaml({ 3: 'arrivals: { ratePerHour: 60 }', 6: '', 7: '', 8: '', 9: '', 10: '', 11: '', 12: '' }, 'satisfaction: { noiseSd: 0 }');
    expect(problems(text)).toMatchObject([{ path: 'satisfaction', message: msg.satisfactionWithoutCustomers() }]);
  });

  it('accepts a base of 5,000,000 with acquisitions (memory is judged against the machine before a run), and refuses more ids than the base can index, naming the limit', () => {
    // Refused before (the limit was 5,000,000 ids in all); 20 bytes an id is 100 MB a replication.
    expect(() => parseScenario(yaml({ 2: 'horizon: { months: 24 }', 7: '  initial: 5000000', 12: '  acquisition: { perMonth: 50000 }' }), 'f.yaml')).not.toThrow();
    const d = problems(yaml({ 2: 'horizon: { months: 24 }', 7: '  initial: 990000000', 12: '  acquisition: { perMonth: 500000 }' }));
    expect(d[0]).toMatchObject({ path: 'customers', line: 6, message: msg.tooManyCustomers(990_000_000 + 24 * 500_000, LIMITS.customers) });
    expect(d[0]!.message).toContain('1,000,000,000');
  });

  it('counts the reserve for word-of-mouth referrals against the limit', () => {
    // 100,000,000 customers; a satisfied issue wins 1000 × 1 referrals: the reserve alone is huge.
    const text = yaml({ 2: 'horizon: { months: 12 }', 7: '  initial: 100000000', 12: '  acquisition: { perMonth: 0 }' }, '  wordOfMouth: { tellsSatisfied: 1000, convertProb: 1, deterProb: 0 }');
    const reserve = referralReserve({ initial: 100_000_000, perMonth: 0, months: 12, issuesPerMonth: 0.2, onboardingMultiplier: 2, referralsPerSatisfiedContact: 1000 });
    expect(problems(text)).toMatchObject([{ path: 'customers', line: 6, message: msg.tooManyCustomers(100_000_000 + 12 * reserve, LIMITS.customers) }]);
    // Without word of mouth the same base is well inside it.
    expect(() => parseScenario(yaml({ 2: 'horizon: { months: 12 }', 7: '  initial: 100000000', 12: '  acquisition: { perMonth: 0 }' }), 'f.yaml')).not.toThrow();
  });

  it('refuses an unknown key with a suggestion', () => {
    const messages = problems(yaml({ 11: '  baseChurnPerMonh: 0.02' })).map((d) => d.message);
    expect(messages.some((m) => m.includes('did you mean "baseChurnPerMonth"?'))).toBe(true);
  });

  it('puts a customers block and csat in the summary only when the lifecycle is on', () => {
    const on = parseScenario(yaml(), 'f.yaml');
    const off = parseScenario(yaml({ 3: 'arrivals: { ratePerHour: 60 }', 6: '', 7: '', 8: '', 9: '', 10: '', 11: '', 12: '' }), 'f.yaml');
    const sOn = summarize('t', 1, on.config, [0, 1].map((r) => simulateReplication(on.config, 1, r)));
    const sOff = summarize('t', 1, off.config, [0, 1].map((r) => simulateReplication(off.config, 1, r)));
    expect(Object.keys(sOn.customers!)).toEqual(
      expect.arrayContaining(['active', 'churned', 'acquired', 'referred', 'returned', 'outreach', 'outreachResolved', 'offers', 'offersAccepted', 'satisfaction']),
    );
    expect(Object.keys(sOn.customers!.satisfaction)).toEqual(['veryDissatisfied', 'dissatisfied', 'neutral', 'satisfied', 'verySatisfied']);
    expect(sOn.kpis.csat).toBeDefined();
    expect(Object.keys(sOn.economics)).toEqual(['supportCost', 'waitingCost', 'abandonCost', 'serviceLevelPenalty', 'cost', 'revenue', 'referralRevenue', 'upsellRevenue', 'acquisitionCost', 'returnsCost', 'profit', 'npv', 'clv', 'customerEquity', 'longTermValue']);
    expect(sOff.customers).toBeUndefined();
    expect(sOff.kpis.csat).toBeUndefined();
    expect(Object.keys(sOff.economics)).toEqual(['supportCost', 'waitingCost', 'abandonCost', 'serviceLevelPenalty', 'cost', 'revenue', 'profit', 'npv']);
  });
});
