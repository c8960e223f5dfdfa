/**
 * Profit accumulated month by month over the measured window, with its 95% CI band — for a run,
 * or by policy for a comparison, with a second panel of each policy's difference from the
 * baseline, paired by replication: the cumulative profits of policies on the same customers lie
 * close together, and their paired differences have far narrower intervals than the profits do.
 */
import type { Comparison } from '../../experiment/compare.js';
import type { Summary } from '../summary.js';
import { CURRENCY } from './figures.js';
import { monthPanels } from './month-panels.js';
import { chart, type VlSpec } from './theme.js';
import { ciNote } from './theme.js';

const format = (x: number) => Math.round(x).toLocaleString('en-US');

const NOTE = 'Profit in the measured window, summed to the end of each month (month 1 = the first 30 days).';

export function profitCumulativeChart(summary: Summary): VlSpec | null {
  const months = summary.customers?.months;
  if (!months || months.length < 2) return null;
  const n = summary.replications;
  // Profit summed over a year is known to a fraction of a percent, a band thinner than the line:
  // the subtitle gives its width at the end.
  const last = months[months.length - 1]!;
  const half = (last.cumulativeProfit.ci95[1] - last.cumulativeProfit.ci95[0]) / 2;
  const end = `at month ${last.index + 1}: ${format(last.cumulativeProfit.mean)} ± ${format(half)}`;
  return chart('Cumulative profit', [NOTE, `${ciNote(n, 'Band:')}; ${end}.`], {
    ...monthPanels(
      [
        {
          title: `Cumulative profit (${CURRENCY})`,
          figure: 'cumulativeProfit',
          height: 330,
          points: months.map((m) => ({ month: m.index + 1, policy: summary.scenario, estimate: m.cumulativeProfit })),
        },
      ],
      null,
    ),
  });
}

export function compareProfitCumulativeChart(c: Comparison): VlSpec | null {
  if (!c.policies.every((p) => p.customers && p.customers.months.length >= 2)) return null;
  const names = c.policies.map((p) => p.name);
  return chart(
    'Cumulative profit by policy, and its difference from the baseline',
    [NOTE, `Below: each policy − ${c.baseline}, paired by replication. Bands: 95% CI over ${c.replications} common-random-number replications.`],
    monthPanels(
      [
        {
          title: ['Cumulative profit', `(${CURRENCY})`],
          figure: 'cumulativeProfit',
          height: 170,
          points: c.policies.flatMap((p) => p.customers!.months.map((m) => ({ month: m.index + 1, policy: p.name, estimate: m.cumulativeProfit }))),
        },
        {
          title: [`Δ vs ${c.baseline}`, `(${CURRENCY})`],
          figure: 'deltaCumulativeProfit',
          height: 230,
          zero: true,
          points: c.policies
            .slice(1)
            .flatMap((p) => p.customers!.months.map((m) => ({ month: m.index + 1, policy: p.name, estimate: m.delta.cumulativeProfit }))),
        },
      ],
      names,
    ),
  );
}
