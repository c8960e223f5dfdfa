/**
 * report.html as text: what it says for each kind of result, that it escapes what it quotes,
 * and that charts inlined side by side keep their SVG ids apart.
 */
import { benefitCostReading } from '../../src/experiment/benefit-cost.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/experiment/compare.js';
import { StoredResultError, parseStored, reportFiles, scenarioJson } from '../../src/output/report-files.js';
import { formatValue, prefixSvgIds, renderReport } from '../../src/output/report.js';
import { summaryJson, type Summary } from '../../src/output/summary.js';
import { lifecycleComparison, lifecycleSummary, midsizeSummary, staffingComparison } from './chart-fixtures.js';

let summary: Summary;
let comparison: Comparison;
let lifeSummary: Summary;
let lifeComparison: Comparison;

beforeAll(async () => {
  [summary, comparison, lifeSummary, lifeComparison] = await Promise.all([midsizeSummary(), staffingComparison(), lifecycleSummary(), lifecycleComparison()]);
});

describe('renderReport', () => {
  it('shows the scenario, its key figures with CIs, the verdicts and ranking, escaping what it quotes', () => {
    const html = renderReport({ scenario: { name: 'x<y', description: 'A & B', file: 's.yaml', source: 'name: "x<y"' }, summary, comparison, charts: [] });
    expect(html).toContain('<h1>x&#60;y</h1>');
    expect(html).toContain('<p>A &#38; B</p>');
    expect(html).toContain('name: &#34;x&#60;y&#34;');
    expect(html).toContain('<section id="run">');
    expect(html).toContain('<th>Service level (%)</th>');
    expect(html).toMatch(/<td class="better">better<\/td>/); // lean is cheaper: better by profit
    expect(html).toContain(`Ranking by mean profit: ${comparison.ranking.join(' › ')}.`);
    expect(html).not.toContain('<script');
  });

  it("shows the customers: their counts and the share of contacts at each satisfaction level, the month files, and each policy's benefit–cost ratio", () => {
    const html = renderReport({ scenario: { name: 'staffing-by-profit' }, summary: lifeSummary, comparison: lifeComparison, charts: [] });
    expect(html).toContain('<h3>Customers</h3>');
    expect(html).toContain('<th>Customers churned (customers)</th>');
    const share = lifeSummary.customers!.satisfactionShare.veryDissatisfied.mean;
    expect(html).toContain(`<tr><th>Contacts 1 very dissatisfied (%)</th><td>${formatValue(share, 'satisfactionShare')} `);
    expect(html).not.toMatch(/months · |satisfaction · /); // the months and raw counts stay in the files
    expect(html).toContain('<a href="customer-months.csv">customer-months.csv</a>');
    expect(html).toContain('<a href="comparison-months.csv">comparison-months.csv</a>');
    const leanPolicy = lifeComparison.policies.find((p) => p.name === 'lean')!;
    const lean = leanPolicy.benefitCost!;
    const reading = benefitCostReading(lean.mean, leanPolicy.delta.supportCost!.mean!);
    expect(reading).toMatch(/^saves on support/);
    expect(html).toContain(`<td>${lean.mean.toFixed(2)} <span class="ci">[${lean.ci95[0].toFixed(2)}, ${lean.ci95[1].toFixed(2)}]</span><br><span class="ci">${reading}</span></td></tr>`);
    // without customers: none of it
    const plain = renderReport({ scenario: { name: 's' }, summary, comparison, charts: [] });
    for (const text of ['<h3>Customers</h3>', 'customer-months.csv', 'comparison-months.csv', 'benefit–cost']) expect(plain).not.toContain(text);
  });

  it('says so when the charts were not drawn', () => {
    const html = renderReport({ scenario: { name: 's' }, summary, charts: null });
    expect(html).toContain('Charts were not drawn (<code>--no-charts</code>)');
    expect(html).not.toContain('<figure');
  });

  it('clips a figure interval to its range, but not a difference', () => {
    const html = renderReport({ scenario: { name: 's' }, comparison, charts: [] });
    expect(html).not.toMatch(/\[-\d[\d.,]*%/); // no share interval below 0%
    expect(formatValue(0.25, 'serviceLevel')).toBe('25.00%');
    expect(formatValue(-720, 'profit', true)).toBe('-720');
    expect(formatValue(720, 'profit', true)).toBe('+720');
    expect(formatValue(12345.6, 'supportCost')).toBe('12,346');
  });
});

describe('prefixSvgIds', () => {
  it("gives each chart's clip paths and gradients ids of their own, and rewrites the references", () => {
    const svg = '<svg><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"><use href="#clip1"/></g></svg>';
    expect(prefixSvgIds(svg, 'c-a')).toBe('<svg><defs><clipPath id="c-a-clip1"><rect/></clipPath></defs><g clip-path="url(#c-a-clip1)"><use href="#c-a-clip1"/></g></svg>');
  });
});

describe('stored results', () => {
  it('reads back what the commands store, and refuses a file without the fields the report needs', () => {
    expect(parseStored('summary', 'summary.json', summaryJson(summary)).scenario).toBe('midsize-center');
    expect(parseStored('scenario', 'scenario.json', scenarioJson({ name: 'n', description: 'd' }))).toEqual({ name: 'n', description: 'd' });
    expect(() => parseStored('summary', 'summary.json', '{"scenario":"x"}')).toThrow(StoredResultError);
    expect(() => parseStored('comparison', 'c.json', 'not json')).toThrow(/c\.json: not JSON/);
    const old = JSON.parse(summaryJson(summary));
    delete old.meta.serviceLevel;
    expect(() => parseStored('summary', 'summary.json', JSON.stringify(old))).toThrow(/meta\.serviceLevel.*re-run/);
  });

  it('builds the report without loading the renderer when charts are off', async () => {
    const { files, charts } = await reportFiles({ scenario: { name: 'midsize-center' }, summary }, { charts: false });
    expect(Object.keys(files).sort()).toEqual(['report.html', 'scenario.json']);
    expect(charts).toEqual([]);
  });
});
