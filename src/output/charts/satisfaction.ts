/**
 * Satisfaction: the share of contacts at each of the five levels (bars with their 95% CI), by
 * policy for a comparison, and beneath them the mean satisfaction (CSAT), first-contact
 * resolution and repeat rate with their CIs — what a staffing policy does to how customers feel,
 * which is what moves churn, returns and word of mouth.
 */
import type { Comparison } from '../../experiment/compare.js';
import type { SatisfactionLevel } from '../../experiment/customers.js';
import type { FigureEstimate as Estimate } from '../../experiment/estimate.js';
import { LEVEL_NAMES } from '../../model/satisfaction.js';
import type { Summary } from '../summary.js';
import { axisFormat, figureStyle } from './figures.js';
import { SERIES_COLORS, chart, ci, policyColor, rows, WIDTH, type VlSpec } from './theme.js';
import { ciNote } from './theme.js';

/** Axis labels of the five levels, 1 … 5. */
export const LEVEL_LABELS: Readonly<Record<SatisfactionLevel, string>> = {
  veryDissatisfied: '1 very dissatisfied',
  dissatisfied: '2 dissatisfied',
  neutral: '3 neutral',
  satisfied: '4 satisfied',
  verySatisfied: '5 very satisfied',
};

/** One policy's (or the run's) figures. */
interface Entry {
  policy: string;
  share: Record<SatisfactionLevel, Estimate>;
  figures: Record<string, Estimate | undefined>;
}

const PANELS: readonly { figure: string; title: string }[] = [
  { figure: 'csat', title: 'CSAT, mean (1–5)' },
  { figure: 'fcr', title: 'FCR (%)' },
  { figure: 'repeatRate', title: 'Repeat rate (%)' },
];

function satisfactionBody(entries: readonly Entry[], policies: readonly string[] | null): VlSpec {
  const names = entries.map((e) => e.policy);
  const colorOf = policies ? { color: { field: 'policy', type: 'nominal', title: null, scale: policyColor(policies), sort: [...policies], legend: { orient: 'top', direction: 'horizontal', symbolType: 'square', symbolOpacity: 1 } } } : {};
  const single = policies ? {} : { color: SERIES_COLORS[0] };
  const levels = LEVEL_NAMES.map((l) => LEVEL_LABELS[l]);
  const shares = rows(entries.flatMap((e) => LEVEL_NAMES.map((l) => ({ policy: e.policy, level: LEVEL_LABELS[l], ...ci(e.share[l], 'satisfactionShare') }))));
  const x = { field: 'level', type: 'nominal', sort: levels, title: 'Satisfaction level of the contact', axis: { labelAngle: 0, labelFontSize: 13 } };
  const xOffset = { field: 'policy', type: 'nominal', sort: names, scale: { paddingInner: 0.08 } };
  const share = (field: string): VlSpec => ({ field, type: 'quantitative', title: 'Share of contacts (%)', axis: { format: '.0%', tickCount: 5 }, scale: { domainMin: 0 } });
  const top: VlSpec = {
    width: WIDTH - 90,
    height: 230,
    data: { values: shares },
    layer: [
      { mark: { type: 'bar', ...single }, encoding: { x, xOffset, y: share('mean'), ...colorOf } },
      { mark: { type: 'rule', color: '#222222', strokeWidth: 1.4 }, encoding: { x, xOffset, y: share('lo'), y2: { field: 'hi' } } },
      // Whole percentages above 10% keep the labels of neighbouring bars apart.
      {
        transform: [{ calculate: "format(datum.mean, datum.mean >= 0.1 ? '.0%' : '.1%')", as: 'label' }],
        mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: names.length > 3 ? 10 : 12, color: '#222222' },
        encoding: { x, xOffset, y: share('hi'), text: { field: 'label', type: 'nominal' } },
      },
    ],
  };
  const columns = PANELS.filter((p) => entries.every((e) => e.figures[p.figure]));
  const panelWidth = Math.floor((WIDTH - 24 - 80 * columns.length - 24 * (columns.length - 1)) / columns.length);
  const panel = ({ figure, title }: (typeof PANELS)[number]): VlSpec => {
    const data = rows(entries.map((e) => ({ policy: e.policy, ...ci(e.figures[figure], figure) })));
    const px = { field: 'policy', type: 'nominal', sort: names, title: null, axis: null, scale: { paddingOuter: 0.6 } };
    const y = (field: string): VlSpec => ({
      field,
      type: 'quantitative',
      title,
      scale: { zero: false, padding: 10 },
      axis: { format: axisFormat(figure, data.flatMap((d) => [d.lo, d.hi])), tickCount: 4, titleFontSize: 13 },
    });
    return {
      width: panelWidth,
      height: 130,
      data: { values: data },
      layer: [
        { mark: { type: 'rule', strokeWidth: 2.2, ...single }, encoding: { x: px, y: y('lo'), y2: { field: 'hi' }, ...colorOf } },
        { mark: { type: 'point', filled: true, size: 110, opacity: 1, ...single }, encoding: { x: px, y: y('mean'), ...colorOf } },
        {
          mark: { type: 'text', baseline: 'bottom', dy: -4, fontSize: 11, color: '#222222' },
          encoding: { x: px, y: y('hi'), text: { field: 'mean', type: 'quantitative', format: figureStyle(figure).format } },
        },
      ],
    };
  };
  return {
    vconcat: [top, ...(columns.length > 0 ? [{ hconcat: columns.map(panel), spacing: 24 }] : [])],
    spacing: 22,
    ...(policies ? { resolve: { scale: { color: 'shared' } } } : {}),
  };
}

export function satisfactionChart(summary: Summary): VlSpec | null {
  const share = summary.customers?.satisfactionShare;
  if (!share) return null;
  const n = summary.replications;
  return chart(
    'Satisfaction of the contacts',
    `Contacts offered in the measured window by the level they ended in; means; ${ciNote(n, 'error bars:')}.`,
    satisfactionBody([{ policy: summary.scenario, share, figures: summary.kpis as Record<string, Estimate> }], null),
  );
}

export function compareSatisfactionChart(c: Comparison): VlSpec | null {
  if (!c.policies.every((p) => p.customers?.satisfactionShare)) return null;
  const names = c.policies.map((p) => p.name);
  return chart(
    'Satisfaction by policy',
    `Contacts offered in the measured window by the level they ended in; means with 95% CI over ${c.replications} common-random-number replications.`,
    satisfactionBody(
      c.policies.map((p) => ({ policy: p.name, share: p.customers!.satisfactionShare, figures: p.kpis })),
      names,
    ),
  );
}
