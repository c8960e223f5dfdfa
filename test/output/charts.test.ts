/**
 * The charts: every spec the registry builds from real results validates against Vega-Lite's own
 * JSON Schema (vega-lite/build/vega-lite-schema.json) and compiles without a warning; it renders
 * to an SVG with marks and to a PNG of exactly twice the SVG's size; every quantitative axis
 * names its unit; and a policy wears the same colour in every chart of a comparison.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/experiment/compare.js';
import type { PairedDifference } from '../../src/experiment/paired.js';
import { CHARTS, chartSpecs, specJson, type ChartSpec } from '../../src/output/charts/index.js';
import { profitContributions } from '../../src/output/charts/compare-profit.js';
import { contributionOf, PROFIT_COMPONENTS, OTHER_COMPONENT } from '../../src/output/charts/profit-components.js';
import { PNG_SCALE, renderChart, svgSize, type RenderedChart } from '../../src/output/charts/render.js';
import { textWidth } from '../../src/output/charts/text-width.js';
import { policyColor, wrap, type VlSpec } from '../../src/output/charts/theme.js';
import type { Summary } from '../../src/output/summary.js';
import type { SweepResult } from '../../src/experiment/sweep.js';
import { axisFormat } from '../../src/output/charts/figures.js';
import { lifecycleComparison, lifecycleSummary, midsizeSummary, smallOptimization, staffingComparison, staffingSweep, stationarySummary } from './chart-fixtures.js';

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), after checking the signature. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => png[i] === b)) throw new Error('not a PNG');
  if (String.fromCharCode(...png.slice(12, 16)) !== 'IHDR') throw new Error('no IHDR chunk first');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Graphical marks in an SVG: what vega draws for bars, lines, points, rules and areas. */
export function markCount(svg: string): number {
  return (svg.match(/<(path|rect|line|circle)\b/g) ?? []).length;
}

let summary: Summary;
let flat: Summary;
let comparison: Comparison;
let lifeSummary: Summary;
let lifeComparison: Comparison;
let sweeps: SweepResult[];
let specs: ChartSpec[];
let rendered: Map<string, RenderedChart>;

beforeAll(async () => {
  [summary, flat, comparison, lifeSummary, lifeComparison] = await Promise.all([midsizeSummary(), stationarySummary(), staffingComparison(), lifecycleSummary(), lifecycleComparison()]);
  const agents = { key: 'staffing.agents', values: [14, 15, 16] };
  const rate = { key: 'arrivals.ratePerHour', values: [180, 220] };
  const patience = { key: 'patience', values: [{ dist: 'exponential', meanSec: 120 }, { dist: 'exponential', meanSec: 240 }] };
  sweeps = [await staffingSweep([agents], 'asaSec'), await staffingSweep([agents, rate]), await staffingSweep([agents, rate, patience], null)];
  specs = [
    ...chartSpecs({ summary, comparison }),
    ...chartSpecs({ summary: flat }).map((s) => ({ ...s, name: `flat-${s.name}` })),
    ...chartSpecs({ summary: lifeSummary, comparison: lifeComparison }).map((s) => ({ ...s, name: `life-${s.name}` })),
    ...sweeps.flatMap((sweep, i) => chartSpecs({ sweep }).map((s) => ({ ...s, name: `${i + 1}key-${s.name}` }))),
    ...chartSpecs({ optimize: await smallOptimization() }),
  ];
  rendered = new Map();
  for (const s of specs) rendered.set(s.name, await renderChart(s.spec));
});

describe('the chart registry', () => {
  it('draws every run, comparison and sweep chart from results that have something to show', () => {
    expect(specs.map((s) => s.name)).toEqual([
      'intraday-load', 'service-intraday', 'service-daily', 'channels', 'reasons', 'compare-kpis', 'compare-profit',
      'flat-intraday-load', 'flat-service-intraday',
      'life-intraday-load', 'life-service-intraday', 'life-service-daily', 'life-reasons', 'life-satisfaction', 'life-customers-monthly', 'life-profit-cumulative',
      'life-compare-kpis', 'life-compare-profit', 'life-compare-profit-cumulative', 'life-compare-customers-monthly', 'life-compare-satisfaction',
      '1key-sweep-profit', '1key-sweep-by', '2key-sweep-profit', '2key-sweep-by', '3key-sweep-profit',
      'optimize-agents',
    ]);
    expect(new Set(CHARTS.map((c) => c.name)).size).toBe(CHARTS.length);
  });

  it('draws the satisfaction, customer and cumulative-profit charts only where the customer lifecycle is on', () => {
    const lifecycle = ['satisfaction', 'customers-monthly', 'profit-cumulative', 'compare-satisfaction', 'compare-customers-monthly', 'compare-profit-cumulative'];
    expect(chartSpecs({ summary, comparison }).filter((s) => lifecycle.includes(s.name))).toEqual([]);
    expect(chartSpecs({ summary: lifeSummary, comparison: lifeComparison }).filter((s) => lifecycle.includes(s.name)).map((s) => s.name).sort()).toEqual([...lifecycle].sort());
  });

  it('leaves out breakdowns of a single channel or reason, days of a one-day run, and the --by map of a sweep without --by', () => {
    // staffing-levels measures 24 hours from 02:00: a single day row, nothing to plot day by day
    expect(chartSpecs({ summary: flat }).map((s) => s.name)).toEqual(['intraday-load', 'service-intraday']);
    expect(chartSpecs({ sweep: sweeps[2]! }).map((s) => s.name)).toEqual(['sweep-profit']);
  });

  it('inlines the data: a spec is JSON that needs nothing else', () => {
    for (const s of specs) {
      const text = specJson(s.spec);
      expect(JSON.parse(text)).toEqual(s.spec);
      expect(text).not.toMatch(/"url"\s*:/);
    }
  });
});

describe('every spec', () => {
  it('validates against the Vega-Lite JSON Schema', () => {
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    for (const s of specs) {
      const ok = validate(s.spec);
      expect(ok ? [] : validate.errors!.slice(0, 5).map((e) => `${e.instancePath} ${e.message}`), s.name).toEqual([]);
    }
  });

  it('compiles and renders without a warning from vega-lite or vega', () => {
    for (const s of specs) expect(rendered.get(s.name)!.warnings, s.name).toEqual([]);
  });

  it('renders to an SVG with marks, its title and no empty text', () => {
    for (const s of specs) {
      const { svg } = rendered.get(s.name)!;
      expect(svg.startsWith('<svg'), s.name).toBe(true);
      expect(markCount(svg), s.name).toBeGreaterThan(10);
      const title = (s.spec.title as { text: string | string[] }).text;
      expect(svg, s.name).toContain((Array.isArray(title) ? title[0]! : title).replace(/&/g, '&amp;'));
      expect(svg).not.toMatch(/>NaN</);
    }
  });

  it('renders to a PNG that decodes to twice the SVG size, about slide size', () => {
    for (const s of specs) {
      const r = rendered.get(s.name)!;
      const size = pngSize(r.png);
      expect(size, s.name).toEqual({ width: Math.round(r.width * PNG_SCALE), height: Math.round(r.height * PNG_SCALE) });
      expect(svgSize(r.svg)).toEqual({ width: r.width, height: r.height });
      // Readable on a 16:9 slide: 700–860 px wide (1400–1720 in the PNG), not taller than wide.
      expect(r.width, s.name).toBeGreaterThanOrEqual(700);
      expect(r.width, s.name).toBeLessThanOrEqual(860);
      expect(r.height, s.name).toBeLessThanOrEqual(r.width);
      expect(r.png.length, s.name).toBeGreaterThan(20_000);
    }
  });

  it('names the unit of every quantitative axis: "… (s)", "(%)", "(contacts/30 min)", "(currency units …)"', () => {
    const missing: string[] = [];
    const visit = (node: unknown, chart: string) => {
      if (Array.isArray(node)) return node.forEach((n) => visit(n, chart));
      if (typeof node !== 'object' || node === null) return;
      const o = node as VlSpec;
      if (o.encoding && typeof o.encoding === 'object') {
        for (const channel of ['x', 'y'] as const) {
          const e = (o.encoding as VlSpec)[channel] as VlSpec | undefined;
          // A title is one line, or two for a short panel with the unit on the second.
          const title = Array.isArray(e?.title) ? (e.title as string[]).at(-1) : e?.title;
          if (e?.type === 'quantitative' && e.axis !== null && typeof title === 'string' && !/\(.+\)$/.test(title)) missing.push(`${chart}: ${channel} "${title}"`);
          if (e?.type === 'quantitative' && e.title === undefined && (o.encoding as VlSpec)[channel === 'x' ? 'y' : 'x'] !== undefined && !e.datum) missing.push(`${chart}: ${channel} ${String(e.field)} untitled`);
        }
      }
      for (const v of Object.values(o)) visit(v, chart);
    };
    for (const s of specs) visit(s.spec, s.name);
    expect(missing).toEqual([]);
  });
});

describe('policy colours', () => {
  /** Every colour scale keyed by policy in these specs. */
  const policyScales = (chosen: readonly { spec: VlSpec }[]): unknown[] => {
    const scales: unknown[] = [];
    const visit = (node: unknown) => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (typeof node !== 'object' || node === null) return;
      const o = node as VlSpec;
      if (o.field === 'policy' && (o.scale as VlSpec | undefined)?.range) scales.push(o.scale);
      Object.values(o).forEach(visit);
    };
    for (const s of chosen) visit(s.spec);
    return scales;
  };

  it('are one scale keyed by policy name, the baseline first, the same in every comparison chart', () => {
    const scales = policyScales(specs.filter((s) => s.source === 'comparison' && !s.name.startsWith('life-')));
    const expected = policyColor(['baseline', 'lean', 'generous', 'same-as-baseline']);
    expect(scales.length).toBeGreaterThanOrEqual(3);
    for (const scale of scales) expect(scale).toEqual(expected);
    expect(new Set(expected.range).size).toBe(4);
  });

  it('are the same scale in every chart of the customer lifecycle comparison, Δ panels included', () => {
    const names = ['compare-kpis', 'compare-profit', 'compare-profit-cumulative', 'compare-customers-monthly', 'compare-satisfaction'];
    const scales = policyScales(specs.filter((s) => names.includes(s.name.replace(/^life-/, '')) && s.name.startsWith('life-')));
    expect(scales.length).toBeGreaterThanOrEqual(8);
    for (const scale of scales) expect(scale).toEqual(policyColor(['baseline', 'lean', 'generous']));
  });
});

describe('why profit differs', () => {
  it('splits each Δprofit into its components, which add up to it', () => {
    const parts = profitContributions(comparison);
    for (const p of comparison.policies.slice(1)) {
      const sum = parts.filter((r) => r.policy === p.name).reduce((s, r) => s + r.contribution, 0);
      expect(sum).toBeCloseTo(p.delta.profit!.mean!, 6);
    }
    // Without the lifecycle, support cost is all of it: revenue (0 everywhere) is left out.
    expect(new Set(parts.map((r) => r.component))).toEqual(new Set(['Support cost']));
  });

  it('splits Δprofit with the lifecycle into support cost, retained revenue, word of mouth, upsell, returns and acquisition, adding up to it with nothing left over', () => {
    const parts = profitContributions(lifeComparison);
    expect(parts.some((r) => r.component === OTHER_COMPONENT)).toBe(false);
    for (const p of lifeComparison.policies.slice(1)) {
      const mine = parts.filter((r) => r.policy === p.name);
      const sum = mine.reduce((s, r) => s + r.contribution, 0);
      expect(Math.abs(sum - p.delta.profit!.mean!)).toBeLessThanOrEqual(1e-9 * Math.abs(p.delta.supportCost!.mean!));
      const d = (f: string) => p.delta[f]!.mean!;
      const of = (label: string) => mine.find((r) => r.component === label)?.contribution;
      expect(of('Support cost')).toBe(-d('supportCost'));
      expect(of('Retained revenue')).toBe(d('revenue') - d('referralRevenue'));
      expect(of('Word of mouth')).toBe(d('referralRevenue'));
      expect(of('Returns avoided')).toBe(-d('returnsCost'));
    }
    // Exact in the figures themselves: the components' terms are profit's formula, term by term.
    const terms = new Map<string, number>();
    for (const k of PROFIT_COMPONENTS) for (const t of k.terms) terms.set(t.figure, (terms.get(t.figure) ?? 0) + t.sign);
    expect(Object.fromEntries(terms)).toEqual({ supportCost: -1, waitingCost: -1, abandonCost: -1, serviceLevelPenalty: -1, revenue: 1, referralRevenue: 0, upsellRevenue: 1, returnsCost: -1, acquisitionCost: -1 });
    for (const p of lifeComparison.policies) {
      const e = (f: string) => p.economics[f]!.mean!;
      const nonWage = e('waitingCost') + e('abandonCost') + e('serviceLevelPenalty');
      expect(Math.abs(e('revenue') + e('upsellRevenue') - e('supportCost') - nonWage - e('acquisitionCost') - e('returnsCost') - e('profit'))).toBeLessThan(1e-6 * e('revenue'));
    }
  });

  it('counts an absent figure as 0 in its component and drops a component none of whose figures is reported', () => {
    const retained = PROFIT_COMPONENTS.find((k) => k.label === 'Retained revenue')!;
    expect(contributionOf(retained, { revenue: { mean: 50 } })).toBe(50);
    expect(contributionOf(retained, { revenue: { mean: 50 }, referralRevenue: { mean: 20 } })).toBe(30);
    expect(contributionOf(retained, { supportCost: { mean: 50 } })).toBeNull();
  });

  it('shows what the listed components do not explain as "Other", so a new component is never lost', () => {
    const c = structuredClone(comparison);
    const lean = c.policies[1]!;
    lean.delta.profit = { ...(lean.delta.profit as PairedDifference), mean: lean.delta.profit!.mean! + 500 };
    const other = profitContributions(c).find((r) => r.policy === 'lean' && r.component === OTHER_COMPONENT);
    expect(other?.contribution).toBeCloseTo(500, 6);
    expect(PROFIT_COMPONENTS.flatMap((k) => k.terms.map((t) => t.figure))).toContain('supportCost');
  });
});

describe('axis formats', () => {
  it('give large amounts the significant digits their spread needs, so ticks a tenth of the span apart differ', () => {
    expect(axisFormat('active', [199_800, 200_900])).toBe('.4~s'); // 199.8k, 200k, 200.2k …
    expect(axisFormat('profit', [0, 42_000_000])).toBe('.3~s'); // 10M, 20M …
    expect(axisFormat('profit', [41_000_000, 41_050_000])).toBe('.5~s'); // 41.01M, 41.02M …
    expect(axisFormat('churned', [2_700, 3_200])).toBe(',~f');
    expect(axisFormat('fcr', [0.838, 0.843])).toBe('.1%');
  });
});

describe('text layout', () => {
  it('measures DejaVu Sans from its advance widths (vega would guess 0.8 em per character)', () => {
    // "Hello": H 752 + e 615 + l 278 + l 278 + o 612 = 2535 thousandths of an em.
    expect(textWidth('Hello', 10)).toBeCloseTo(25.35, 6);
    expect(textWidth('Hello', 10, true)).toBeGreaterThan(textWidth('Hello', 10));
  });

  it('wraps a subtitle at spaces to the chart width', () => {
    const lines = wrap('word '.repeat(60).trim(), 300, 14);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 14)).toBeLessThanOrEqual(300);
    expect(lines.join(' ')).toBe('word '.repeat(60).trim());
  });
});
