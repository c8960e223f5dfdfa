/**
 * report.html: one self-contained page for a scenario's output directory — what was simulated,
 * the key figures with their 95% CIs, the verdicts of a comparison, the best points of a sweep,
 * and the charts. The charts are the pre-rendered SVGs inlined, so the page needs no script and
 * no network and opens the same from a disk, a mail or a CI artefact.
 *
 *   scenario.json · summary.json · comparison.json · sweep.json (whichever exist)
 *     + rendered charts (charts/render.ts) ─renderReport─▶ report.html
 */
import { BENEFIT_COST_DEFINITION, benefitCostReading } from '../experiment/benefit-cost.js';
import type { Comparison } from '../experiment/compare.js';
import { policyFigure } from '../experiment/figures.js';
import type { SatisfactionLevel } from '../experiment/customers.js';
import { isEstimate } from '../experiment/estimate.js';
import { DIRECTION } from '../experiment/verdict.js';
import type { Source } from './charts/index.js';
import { figureRange, figureStyle, figureTitle } from './charts/figures.js';
import { EMPTY_TEXT, formatReadable } from './format.js';
import { LEVEL_LABELS } from './charts/satisfaction.js';
import { policyColor } from './charts/theme.js';
import type { Summary } from './summary.js';
import type { SweepResult } from '../experiment/sweep.js';
import type { OptimizeResult } from './optimize.js';

/** What the report says about the scenario (scenario.json). */
export interface ScenarioInfo {
  name: string;
  description?: string | undefined;
  /** The scenario file as given on the command line, and its text. */
  file?: string | undefined;
  source?: string | undefined;
}

/** A chart as the report shows it: its SVG, or none when charts were skipped. */
export interface ReportChart {
  name: string;
  source: Source;
  caption: string;
  svg: string;
}

export interface ReportInput {
  scenario: ScenarioInfo;
  summary?: Summary | undefined;
  comparison?: Comparison | undefined;
  sweep?: SweepResult | undefined;
  optimize?: OptimizeResult | undefined;
  /** null: charts were not drawn (--no-charts). */
  charts: readonly ReportChart[] | null;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A number as a person reads it (output/format.ts). */
export function formatValue(x: number | null, figure: string, signed = false): string {
  return formatReadable(figure, x, signed);
}

/**
 * A mean and its 95% CI ("—" when empty; no interval with one replication). A figure's interval
 * is clipped to what the figure can be, as on the charts (figures.ts: no negative waits, no share
 * above 100%); a difference (signed) is not.
 */
function estimateCell(e: { mean: number | null; ci95: readonly [number, number] | null }, figure: string, signed = false): string {
  if (e.mean === null || e.ci95 === null) return EMPTY_TEXT;
  const [min, max] = signed ? [-Infinity, Infinity] : figureRange(figure);
  const [lo, hi] = [Math.max(min, e.ci95[0]), Math.min(max, e.ci95[1])];
  const mean = formatValue(e.mean, figure, signed);
  return lo === hi ? mean : `${mean} <span class="ci">[${formatValue(lo, figure, signed)}, ${formatValue(hi, figure, signed)}]</span>`;
}


/** Figures of a record, in the model's order, as table rows; nested records as "group · figure". */
function figureRows(record: object, prefix = ''): string {
  return Object.entries(record)
    .map(([figure, e]) =>
      isEstimate(e)
        ? `<tr><th>${escape(prefix + figureTitle(figure))}</th><td>${estimateCell(e, figure)}</td></tr>`
        : typeof e === 'object' && e !== null
          ? figureRows(e, `${prefix}${figure} · `)
          : '',
    )
    .filter(Boolean)
    .join('\n');
}

/**
 * SVG ids made unique to one chart: several SVGs inlined in one page share one id space, and a
 * clip path or gradient of one chart must not be found by another's url(#…).
 */
export function prefixSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${prefix}-${id}"`);
}

function chartsOf(input: ReportInput, source: Source): string {
  if (input.charts === null) return '<p class="note">Charts were not drawn (<code>--no-charts</code>); <code>ccsim report DIR</code> draws them.</p>';
  return input.charts
    .filter((c) => c.source === source)
    .map(
      (c) => `<figure class="chart" id="chart-${escape(c.name)}" data-chart="${escape(c.name)}">
${prefixSvgIds(c.svg.replace(/^<\?xml[^>]*>\s*/, ''), `c-${c.name}`)}
<figcaption>${escape(c.caption)} · <a href="charts/${escape(c.name)}.vl.json">Vega-Lite spec</a> · <a href="charts/${escape(c.name)}.png">PNG</a> · <a href="charts/${escape(c.name)}.svg">SVG</a></figcaption>
</figure>`,
    )
    .join('\n');
}

function hours(sec: number): string {
  return sec % 86_400 === 0 ? `day ${sec / 86_400}` : `${(sec / 3600).toFixed(1)} h`;
}

/**
 * The customers table: the lifecycle's counts, then the share of contacts at each satisfaction
 * level (the counts by level and the months are in summary.json and customer-months.csv).
 */
function customersTable(c: NonNullable<Summary['customers']>): string {
  const counts = Object.fromEntries(Object.entries(c).filter(([, e]) => isEstimate(e)));
  const shares = Object.entries(c.satisfactionShare ?? {})
    .map(([level, e]) => `<tr><th>Contacts ${escape(LEVEL_LABELS[level as SatisfactionLevel] ?? level)} (%)</th><td>${estimateCell(e, 'satisfactionShare')}</td></tr>`)
    .join('\n');
  return `<h3>Customers</h3><table>${figureRows(counts)}\n${shares}</table>`;
}

function runSection(input: ReportInput, s: Summary): string {
  const { thresholdSec, target } = s.meta.serviceLevel ?? { thresholdSec: NaN, target: NaN };
  const customers = s.customers ? customersTable(s.customers) : '';
  return `<section id="run"><h2>Simulation run</h2>
<p>${s.replications} replication${s.replications === 1 ? '' : 's'}, seed ${s.seed}; means with 95% confidence intervals over replications,
for contacts offered from ${hours(s.meta.warmupSec)} to ${hours(s.meta.horizonSec)} (the warm-up before is excluded).
Service level: answered within ${thresholdSec} s, target ${Math.round(target * 100)}%.</p>
<div class="tables"><div><h3>Queue</h3><table>${figureRows(s.kpis)}</table></div>
<div><h3>Money</h3><table>${figureRows(s.economics)}</table>${customers}</div></div>
${chartsOf(input, 'summary')}
<p class="files">Files: <a href="summary.json">summary.json</a> · <a href="intervals.csv">intervals.csv</a> · <a href="days.csv">days.csv</a> · <a href="months.csv">months.csv</a>${s.customers ? ' · <a href="customer-months.csv">customer-months.csv</a>' : ''}</p>
</section>`;
}

const VERDICT_CLASS: Record<string, string> = { better: 'better', worse: 'worse', indistinguishable: 'same' };

function compareSection(input: ReportInput, c: Comparison): string {
  const names = c.policies.map((p) => p.name);
  const colors = policyColor(names);
  const swatch = (name: string) => `<span class="swatch" style="background:${colors.range[names.indexOf(name)] ?? '#999'}"></span>${escape(name)}`;
  const figures = ['profit', ...(c.by && c.by !== 'profit' ? [c.by] : [])];
  const level = `${(c.verdictLevel * 100).toFixed(2).replace(/\.?0+$/, '')}%`;
  const ratios = c.policies.some((p) => p.benefitCost);
  const head =
    figures.map((f) => `<th>Δ ${escape(figureStyle(f).label.toLowerCase())} [95% CI]</th><th>verdict by ${escape(figureStyle(f).label.toLowerCase())}</th>`).join('') +
    (ratios ? '<th>benefit–cost ratio [95% CI]</th>' : '');
  const rows = c.verdict
    .map((v) => {
      const p = c.policies.find((q) => q.name === v.policy)!;
      const cells = figures
        .map((f) => {
          const d = p.delta[f];
          const verdict = String(v[f] ?? '—');
          return `<td>${d ? estimateCell(d, f, true) : '—'}</td><td class="${VERDICT_CLASS[verdict] ?? ''}">${escape(verdict)}</td>`;
        })
        .join('');
      const r = p.benefitCost;
      const reading = r ? benefitCostReading(r.mean, p.delta.supportCost!.mean!) : '';
      const ratio = ratios ? `<td>${r ? `${r.mean.toFixed(2)} <span class="ci">[${r.ci95[0].toFixed(2)}, ${r.ci95[1].toFixed(2)}]</span><br><span class="ci">${escape(reading)}</span>` : '—'}</td>` : '';
      return `<tr><th>${swatch(v.policy)}</th>${cells}${ratio}</tr>`;
    })
    .join('\n');
  const figureOf = policyFigure;
  const keyFigures = ['serviceLevel', 'asaSec', 'abandonRate', 'occupancy', 'fcr', 'csat', 'active', 'churned', 'supportCost', 'revenue', 'profit'].filter((f) => c.policies.every((p) => figureOf(p, f)));
  // One row per figure, one column per policy: policies are few, figures many.
  const means = `<table class="wide"><tr><th>figure</th>${c.policies.map((p) => `<th>${swatch(p.name)}</th>`).join('')}</tr>
${keyFigures.map((f) => `<tr><th>${escape(figureTitle(f))}</th>${c.policies.map((p) => `<td>${estimateCell(figureOf(p, f)!, f)}</td>`).join('')}</tr>`).join('\n')}</table>`;
  const ratioNote = ratios
    ? `<p>${escape(BENEFIT_COST_DEFINITION[0]!.toUpperCase() + BENEFIT_COST_DEFINITION.slice(1))}; — where Δsupport cost's interval contains 0.</p>`
    : '';
  return `<section id="compare"><h2>Policies compared</h2>
<p>${c.policies.length} policies × ${c.replications} replications, seed ${c.seed}, on common random numbers: replication r of every policy sees the same callers,
so each difference Δ = policy − baseline is paired by replication. A verdict is <em>better</em> or <em>worse</em> when the Δ interval at ${level}
(Bonferroni over ${c.comparisons} comparison${c.comparisons === 1 ? '' : 's'}, family-wise ${Math.round(c.familyLevel * 100)}%) excludes 0, <em>indistinguishable</em> when it does not.</p>
<h3>Verdicts against the baseline (${escape(c.baseline)})</h3>
<table class="wide"><tr><th>policy</th>${head}</tr>
${rows}</table>
<p>Ranking by mean profit: ${c.ranking.map(escape).join(' › ')}.</p>
${ratioNote}
<h3>Key figures per policy</h3>
${means}
${chartsOf(input, 'comparison')}
<p class="files">Files: <a href="comparison.json">comparison.json</a> · <a href="comparison.csv">comparison.csv</a> · <a href="comparison.xlsx">comparison.xlsx</a>${c.policies.every((p) => p.customers) ? ' · <a href="comparison-months.csv">comparison-months.csv</a>' : ''}</p>
</section>`;
}

function sweepSection(input: ReportInput, s: SweepResult): string {
  const keys = s.vary.map((a) => a.key);
  const figures = ['profit', ...(s.by && s.by !== 'profit' ? [s.by] : [])];
  const best =
    s.decisions.length === 0
      ? '<li>none: no varied key is a decision (staffing, shifts, policy, routing …), so no point is "best"</li>'
      : Object.entries(s.best)
          .flatMap(([f, levels]) =>
            levels.map((b) => {
              const at = Object.keys(b.level).length > 0 ? ` at ${Object.entries(b.level).map(([k, v]) => `${escape(k)} = ${escape(JSON.stringify(v))}`).join(', ')}` : '';
              if (b.index === null) return `<li>by ${escape(f)}${at}: none — ${escape(b.note ?? '')}</li>`;
              const ties = b.ties.length > 0 ? `; tied with ${b.ties.map((i) => `#${i}`).join(', ')} (overlapping 95% CIs)` : '';
              return `<li>by ${escape(f)} (${DIRECTION[f] ?? 'higher'} is better)${at}: point ${b.index}, ${s.decisions.map((k) => `${escape(k)} = ${escape(JSON.stringify(b.set![k]))}`).join(', ')} — mean ${formatValue(b.mean!, f)}${ties}</li>`;
            }),
          )
          .join('\n');
  const table =
    s.results.length <= 200
      ? `<table class="wide"><tr><th>#</th>${keys.map((k) => `<th>${escape(k)}</th>`).join('')}${figures.map((f) => `<th>${escape(figureTitle(f))}</th>`).join('')}</tr>
${s.results
  .map((p) => {
    const isBest = Object.values(s.best).some((levels) => levels.some((b) => b.index === p.index));
    const cells = figures.map((f) => {
      const e = p.kpis[f] ?? p.economics[f];
      return `<td>${e ? estimateCell(e, f) : '—'}</td>`;
    });
    return `<tr${isBest ? ' class="best"' : ''}><td>${p.index}</td>${keys.map((k) => `<td>${escape(JSON.stringify(p.set[k]))}</td>`).join('')}${cells.join('')}</tr>`;
  })
  .join('\n')}</table>`
      : `<p>${s.results.length} points: see sweep.csv.</p>`;
  return `<section id="sweep"><h2>Sweep</h2>
<p>${s.points} point${s.points === 1 ? '' : 's'} over ${keys.map((k) => `<code>${escape(k)}</code>`).join(' × ')}, ${s.replications} replication${s.replications === 1 ? '' : 's'} per point, seed ${s.seed},
common random numbers across points. Best points:</p>
<ul>${best}</ul>
${chartsOf(input, 'sweep')}
${table}
<p class="files">Files: <a href="sweep.json">sweep.json</a> · <a href="sweep.csv">sweep.csv</a> · <a href="sweep.xlsx">sweep.xlsx</a></p>
</section>`;
}

function optimizeSection(input: ReportInput, r: OptimizeResult): string {
  const b = r.best;
  const f = r.objective;
  const value = (v: unknown) => escape(typeof v === 'string' ? v : JSON.stringify(v ?? null));
  const decisions = Object.entries(b.set).map(([k, v]) => `<tr><th><code>${escape(k)}</code></th><td>${value(v)}</td><td>${value(r.start.set[k])}</td></tr>`).join('\n');
  const requirements = b.requirements
    .map((q) => `<tr><th>${escape(q.requirement)}</th><td>${estimateCell({ mean: q.mean, ci95: q.ci95 }, q.figure)}</td><td class="${q.status === 'feasible' ? 'better' : q.status === 'infeasible' ? 'worse' : 'same'}">${q.status}</td></tr>`)
    .join('\n');
  const path = r.path
    .map((s) => `<tr><td>${s.step}</td><td>${s.move ? `<code>${escape(s.move.key)}</code> ${value(s.move.from)} → ${value(s.move.to)}` : `start (${r.start.method})`}</td><td>${estimateCell(s.objective, f)}</td><td>${s.delta ? estimateCell({ mean: s.delta.mean, ci95: s.delta.ci }, f, true) : ''}</td><td>${s.status}</td></tr>`)
    .join('\n');
  const notes = [...r.start.notes, ...r.notes].map((n) => `<li>${escape(n)}</li>`).join('');
  return `<section id="optimize"><h2>Optimisation</h2>
<p>${r.objective === 'cost' ? 'Minimising' : 'Maximising'} <strong>${escape(figureTitle(f))}</strong>${r.require.length > 0 ? ` subject to ${r.require.map((q) => `<code>${escape(q)}</code>`).join(', ')}` : ''}:
${r.evaluations} candidates evaluated, ${r.replicationsUsed} replications on common random numbers (seed ${r.seed}); a move was taken only when the paired interval of the difference said it was better${r.selection ? `, and the final choice among ${r.selection.finalists.length} finalist(s) is Kim &amp; Nelson's fully sequential selection (indifference zone ${formatValue(r.selection.indifference, f)}, probability of a correct selection ≥ ${1 - r.selection.alpha})` : ''}.</p>
<table><tr><th>decision</th><th>chosen</th><th>start</th></tr>
${decisions}
<tr><th>agents on the roster</th><td>${b.totalAgents}</td><td></td></tr></table>
<table><tr><th>${escape(figureTitle(f))}</th><td>${estimateCell(b.objective, f)}</td><td>${b.status}, ${b.replications} replications</td></tr>
${requirements}</table>
<h3>Key figures of the chosen staffing</h3>
<div class="tables"><div><table>${figureRows(b.kpis)}</table></div><div><table>${figureRows(b.economics)}</table></div></div>
${chartsOf(input, 'optimize')}
<h3>Search path</h3>
<table class="wide"><tr><th>step</th><th>move</th><th>${escape(figureTitle(f))}</th><th>Δ (interval decided on)</th><th>requirements</th></tr>
${path}</table>
${notes ? `<ul class="note">${notes}</ul>` : ''}
<p class="files">Files: <a href="optimize.json">optimize.json</a> · <a href="optimize-evaluated.csv">optimize-evaluated.csv</a> · <a href="optimize.xlsx">optimize.xlsx</a></p>
</section>`;
}

const STYLE = `body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{margin-bottom:.2rem}h2{margin-top:2.5rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{padding:.25rem .75rem;border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top}
td{font-variant-numeric:tabular-nums}.ci{color:#777;font-size:.88em}table.wide{font-size:.92em}
.tables{display:flex;gap:2rem;flex-wrap:wrap}.tables>div{flex:1 1 22rem}
.better{color:#1a7f37;font-weight:600}.worse{color:#b42318;font-weight:600}.same{color:#666}
tr.best td{background:#fff6d6}.swatch{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:.4em;vertical-align:baseline}
figure.chart{margin:1.5rem 0;padding:.5rem;border:1px solid #e6e6e6;border-radius:6px;background:#fff}
figure.chart svg{display:block;max-width:100%;height:auto}figcaption{color:#555;font-size:.9em;margin-top:.3rem}
.note,.files{color:#555;font-size:.92em}pre{background:#f6f6f6;padding:.75rem;overflow:auto;font-size:.85em}
nav a{margin-right:1rem}`;

/** The whole page. */
export function renderReport(input: ReportInput): string {
  const { scenario } = input;
  const sections = [
    input.summary ? runSection(input, input.summary) : '',
    input.comparison ? compareSection(input, input.comparison) : '',
    input.sweep ? sweepSection(input, input.sweep) : '',
    input.optimize ? optimizeSection(input, input.optimize) : '',
  ].filter(Boolean);
  const nav = [input.summary && ['run', 'Run'], input.comparison && ['compare', 'Policies'], input.sweep && ['sweep', 'Sweep'], input.optimize && ['optimize', 'Optimisation']]
    .filter((x): x is string[] => Array.isArray(x))
    .map(([id, label]) => `<a href="#${id}">${label}</a>`)
    .join('');
  const source = scenario.source
    ? `<details><summary>Scenario file${scenario.file ? ` <code>${escape(scenario.file)}</code>` : ''}</summary><pre>${escape(scenario.source)}</pre></details>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ccsim — ${escape(scenario.name)}</title>
<style>${STYLE}</style></head>
<body><header><h1>${escape(scenario.name)}</h1>
${scenario.description ? `<p>${escape(scenario.description)}</p>` : ''}
${source}
<nav>${nav}</nav></header>
${sections.join('\n')}
<footer class="note"><p>Made by ccsim. Every figure is the mean over replications with its 95% Student-t confidence interval in brackets.
The charts are Vega-Lite specs with their data inlined in <code>charts/</code> (restyle and re-render them with any Vega-Lite tool), drawn here as SVG; PNGs at 2× are beside them.</p></footer>
</body></html>
`;
}
