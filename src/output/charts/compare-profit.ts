/**
 * Why profit differs: for each policy against the baseline, its profit difference split into
 * the components of profit (profit-components.ts) as stacked bars — gains to the right of zero,
 * losses to the left — and the net Δprofit as a diamond with its paired 95% CI, coloured by
 * policy. With the customer lifecycle this is the picture that shows a cheaper policy losing more
 * revenue than it saves in support cost.
 */
import type { Comparison } from '../../experiment/compare.js';
import { CURRENCY } from './figures.js';
import { contributionOf, OTHER_COLOR, OTHER_COMPONENT, PROFIT_COMPONENTS } from './profit-components.js';
import { chart, FIT, policyColor, rows, type VlSpec } from './theme.js';

/** The contributions of each component to each policy's Δprofit (sign × Δfigure), and the rest. */
export function profitContributions(c: Comparison): { policy: string; component: string; contribution: number }[] {
  const out: { policy: string; component: string; contribution: number }[] = [];
  for (const p of c.policies.slice(1)) {
    const total = p.delta.profit?.mean ?? 0;
    let explained = 0;
    for (const k of PROFIT_COMPONENTS) {
      const contribution = contributionOf(k, p.delta);
      if (contribution === null) continue;
      explained += contribution;
      out.push({ policy: p.name, component: k.label, contribution });
    }
    out.push({ policy: p.name, component: OTHER_COMPONENT, contribution: total - explained });
  }
  // A component that is 0 for every policy (upsell when nobody is offered any) would only add a
  // legend entry; rounding residues of the sum are not "other".
  const scale = Math.max(1, ...out.map((r) => Math.abs(r.contribution)));
  const shown = new Set(out.filter((r) => Math.abs(r.contribution) > 1e-9 * scale).map((r) => r.component));
  return out.filter((r) => shown.has(r.component));
}

export function compareProfitChart(c: Comparison): VlSpec | null {
  const policies = c.policies.slice(1).filter((p) => p.delta.profit);
  if (policies.length === 0) return null;
  const names = c.policies.map((p) => p.name);
  const others = policies.map((p) => p.name);
  const parts = profitContributions(c);
  const components = [...PROFIT_COMPONENTS.map((k) => k.label), OTHER_COMPONENT].filter((k) => parts.some((r) => r.component === k));
  const net = rows(policies.map((p) => ({ policy: p.name, mean: p.delta.profit!.mean ?? NaN, lo: p.delta.profit!.ci95?.[0] ?? NaN, hi: p.delta.profit!.ci95?.[1] ?? NaN })));
  const y = { field: 'policy', type: 'nominal', sort: others, title: 'Policy (against the baseline)', axis: { labelFontSize: 14, labelLimit: 260 } };
  const x = (field: string): VlSpec => ({ field, type: 'quantitative', title: `Difference from the baseline (${CURRENCY} over the measured window)`, scale: { padding: 24 }, axis: { format: ',~f' } });
  return chart(
    'Why profit differs from the baseline',
    [
      `Bars: each component's contribution to Δprofit (more revenue or less cost → right). ◆ net Δprofit with its paired 95% CI.`,
      `${c.replications} common-random-number replications; verdicts at ${(c.verdictLevel * 100).toFixed(2).replace(/\.?0+$/, '')}% (Bonferroni).`,
    ],
    {
      ...FIT,
      layer: [
        {
          data: { values: rows(parts) },
          mark: { type: 'bar', height: { band: 0.5 } },
          encoding: {
            y,
            x: { ...x('contribution'), stack: 'zero' },
            color: {
              field: 'component',
              type: 'nominal',
              title: 'Component of Δprofit',
              sort: components,
              scale: { domain: components, range: components.map((k) => PROFIT_COMPONENTS.find((p) => p.label === k)?.color ?? OTHER_COLOR) },
              legend: { orient: 'bottom', direction: 'horizontal' },
            },
          },
        },
        { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#333333', strokeWidth: 1 }, encoding: { x: x('zero') } },
        {
          data: { values: net },
          layer: [
            { mark: { type: 'rule', strokeWidth: 2.5 }, encoding: { y, x: x('lo'), x2: { field: 'hi' }, color: { field: 'policy', type: 'nominal', scale: policyColor(names), legend: null } } },
            {
              mark: { type: 'point', shape: 'diamond', filled: true, size: 260, stroke: 'white', strokeWidth: 1.5, opacity: 1 },
              encoding: { y, x: x('mean'), color: { field: 'policy', type: 'nominal', scale: policyColor(names), legend: null } },
            },
            {
              mark: { type: 'text', dy: -18, fontSize: 13, fontWeight: 'bold' },
              encoding: { y, x: x('mean'), text: { field: 'mean', type: 'quantitative', format: '+,.0f' }, color: { field: 'policy', type: 'nominal', scale: policyColor(names), legend: null } },
            },
          ],
        },
      ],
      resolve: { scale: { color: 'independent' } },
    },
  );
}
