/**
 * The customer base month by month: customers active at each month's end, churned in the month
 * and gone through a product return in the month, each with its 95% CI band — for a run, or by
 * policy for a comparison (where the churn a lean policy causes shows up month after month).
 */
import type { Comparison } from '../../experiment/compare.js';
import type { CustomerMonthRow } from '../../experiment/customers.js';
import type { Summary } from '../summary.js';
import { monthPanels, type MonthPanel } from './month-panels.js';
import { chart, type VlSpec } from './theme.js';
import { ciNote } from './theme.js';

const PANELS = [
  { figure: 'active', title: 'Active (customers)', height: 140 },
  { figure: 'churned', title: 'Churned (customers)', height: 120 },
  { figure: 'returned', title: 'Returns (customers)', height: 120 },
] as const;

function customerPanels(series: readonly { policy: string; months: readonly CustomerMonthRow[] }[]): MonthPanel[] {
  return PANELS.map((p) => ({
    title: p.title,
    figure: p.figure,
    height: p.height,
    points: series.flatMap((s) => s.months.map((m) => ({ month: m.index + 1, policy: s.policy, estimate: m[p.figure] }))),
  }));
}

const bands = (replications: number, crn: boolean) => [
  'Active: customers at the end of each month; churned, and returned the product and left: during the month.',
  `Lines: means; ${crn ? `bands: 95% CI over ${replications} common-random-number replications` : ciNote(replications, 'bands:')}. Month 1 = the first 30 days.`,
];

export function customersMonthlyChart(summary: Summary): VlSpec | null {
  const months = summary.customers?.months;
  if (!months || months.length < 2) return null;
  return chart('Customers month by month', bands(summary.replications, false), monthPanels(customerPanels([{ policy: summary.scenario, months }]), null));
}

export function compareCustomersMonthlyChart(c: Comparison): VlSpec | null {
  if (!c.policies.every((p) => p.customers && p.customers.months.length >= 2)) return null;
  const names = c.policies.map((p) => p.name);
  return chart(
    'Customers month by month, by policy',
    bands(c.replications, true),
    monthPanels(customerPanels(c.policies.map((p) => ({ policy: p.name, months: p.customers!.months }))), names),
  );
}
