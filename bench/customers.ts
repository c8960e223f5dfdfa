/**
 * The memory benchmark of the customer lifecycle (issue 5): 1,000,000 customers over 24 months
 * "fits in well under 2 GB". A million subscribers at the start, 20,000 acquisitions a month,
 * 2 % base churn, onboarding, returns and word of mouth all on, so every per-customer array
 * the lifecycle keeps is in use; ~1.5 M customers are created over the horizon.
 *
 * The issue rate is kept low (0.03 a month: ~1,000 contacts a day, ~0.75 M over the horizon,
 * ~3.5 erlangs for 10 agents) so the run takes seconds: the measurement is about the customer
 * base, not contact throughput (sections 1–3).
 *
 * One definition shared by the CLI run (bench/run.ts) and the model-only child (bench/case.ts).
 */
import { SEED } from './canonical.js';

export const CUSTOMERS = {
  initial: 1_000_000,
  months: 24,
  issuesPerMonth: 0.03,
  baseChurnPerMonth: 0.02,
  acquisitionsPerMonth: 20_000,
  agents: 10,
  handleMeanSec: 300,
  patienceMeanSec: 180,
} as const;

/** The scenario as a user would write it; validated by the scenario loader like any other. */
export function customersYaml(name: string): string {
  const c = CUSTOMERS;
  return [
    `name: ${name}`,
    `description: ${c.initial} subscribers over ${c.months} months, customer lifecycle memory benchmark.`,
    `seed: ${SEED}`,
    `horizon: { months: ${c.months} }`,
    'arrivals: {}',
    `handleTime: { dist: exponential, meanSec: ${c.handleMeanSec} }`,
    `patience: { dist: exponential, meanSec: ${c.patienceMeanSec} }`,
    `staffing: { agents: ${c.agents} }`,
    'customers:',
    `  initial: ${c.initial}`,
    '  monthlyFee: 20',
    `  issuesPerMonth: ${c.issuesPerMonth}`,
    '  onboarding: { weeks: 4, multiplier: 3 }',
    `  baseChurnPerMonth: ${c.baseChurnPerMonth}`,
    `  acquisition: { perMonth: ${c.acquisitionsPerMonth}, costPerCustomer: 100 }`,
    '  returns: { windowDays: 30, prob: 0.25, refund: 150, handlingCost: 20 }',
    '  wordOfMouth: { tellsSatisfied: 3, tellsDissatisfied: 9, convertProb: 0.01, deterProb: 0.02 }',
    '',
  ].join('\n');
}
